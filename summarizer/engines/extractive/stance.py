"""A statement's stance from the holder's own words, and what the statement is about.

In order: the cue verb itself ("criticised", "welcomed"); stance words inside the holder's
words, a negation just before a word turning it round; a commitment ("pledged to", "announced
that": support, unless negated); a request or call for action ("urged X to", "should", "must
end": support of what is asked, opposition when it is a halt or negated; a question is no
stance); for English, the valence of those words by VADER's general-purpose sentiment lexicon
(vaderSentiment) when it is clear, "mixed" when the two sides of a contrast ("..., but ...")
pull clearly apart (a reply of a word or two only when strongly valenced: "Amazing"). A
clause with no word of praise or blame at all is `neutral` (`flat`: the holder only reports);
anything else is `unclear`: a reporting verb alone says nothing about where the holder stands.
A stance word in the passive ("was backed by X") is X's stance, not the holder's; one inside a
phrase that only names ("illegal immigrants") is none; a negated blame word ("not concerned")
gives no side. A contrast whose sides take opposite sides in so many words, or a concession
("admitted ..., but said ...") is `mixed`.

The holder's words (`reported`) are its quotations, the reported clause after the cue, or the
clause before a closing attribution ("..., the ministry said on Tuesday"); for the stance
(`holder_words`) also a framing phrase and a quotation begun in an earlier sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from summarizer.brief.schema import Quote
from summarizer.engines.extractive.lexicon import (
    REQUEST_CUES,
    SPEECH_CUES,
    STANCE_CUES,
    languages,
    one,
    words,
)
from summarizer.engines.extractive.phrases import Phrases
from summarizer.engines.extractive.segment import Sentence, span

VALENCE = 0.3  # |compound| under which VADER's answer is no evidence
EXCLAIM = 0.45  # the same for a reply of a word or two ("Amazing.")
FLAT = 0.05  # |compound| under which the words hold no evaluative word at all
SIDE_VALENCE = 0.25  # the same for each side of a contrast ("..., but ...")
_STANCE_OF = {cue.casefold(): stance for cue, stance in STANCE_CUES.items()}
_STANCE = Phrases(STANCE_CUES, fold=True)  # by set look-up: hundreds of cues
_NEGATION = re.compile(r"(?:\b(?:not|no|never|cannot|without|ne|pas|nicht|kein\w*)|n['’]t)\W+"
                       r"(?:\w+\W+){0,2}$", re.I)  # fmt: skip
_LEADS = frozenset(c.split()[0] for c in _STANCE_OF if " " in c)  # "warned" of "warned against"
_FLIP = {"support": "oppose", "oppose": "support"}
_BE = r"\b(?:be|been|being|is|are|was|were|get|gets|got)\s+(?:\w+ly\s+)?"
_PASSIVE = re.compile(_BE + "$", re.I)
_BY = re.compile(r"\s+by\b")


def _listed(key: str) -> frozenset[str]:
    return frozenset(w.casefold() for code in languages() for w in one(code, "stance").get(key, ()))


_COMMIT = _listed("commit")  # "pledged", "announced": the holder commits to what follows
_HALT = _listed("halt")  # "end", "withdraw": what the holder wants stopped, it opposes
_ADVOCATE = Phrases(_listed("advocate"), fold=True)  # "should", "must"
_HINDSIGHT = Phrases(_listed("hindsight"), fold=True)  # "should have gone to Y": not to X
_NEUTRAL = Phrases(_listed("neutral"), fold=True)  # "will comply", "takes note", "studying"
_DESCRIBES = Phrases(_listed("describes"), fold=True)  # "illegal immigrants": a name, no blame
_ACTS = _listed("acts")  # "approved", "rejected": in the passive, what others did
_ASKS = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(_listed("asks")))) + r")\s+"
                   r"(?:\w+\s+){1,4}to\s+$", re.I)  # fmt: skip
_REQUEST = frozenset(c.casefold() for c in REQUEST_CUES)
_NOT = re.compile(r"(?:\b(?:not|never|no longer|nicht|pas|jamais)|n['’]t)\b", re.I)
_CONTRAST = re.compile(r",?\s+(?:but|however|although|though|yet)\s|^\W*(?:although|though)\s",
                       re.I)  # fmt: skip
_FACT = re.compile(r"\W*that\s+(?!(?:it|its|we|our|they|their|he|his|she|her|i)\b)", re.I)
_FUTURE = re.compile(r"\b(?:will|would|shall|plans?|planned|intends?|going to|to\s+\w+)\b|['’]ll\b",
                     re.I)  # fmt: skip
_INFINITIVE = re.compile(r"\b(not\s+)?to\s+(?:(?:be|[a-z]+ly)\s+)?([\w’'-]+(?:\s+\w+)?)", re.I)


@lru_cache(maxsize=1)
def _vader() -> Any:
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:  # pragma: no cover - declared dependency
        return None
    return SentimentIntensityAnalyzer()


def lexical(words: str) -> set[str]:
    """The stances the stance words in a text give, a negation turning each round. A stance
    word inside a phrase that only describes ("illegal immigrants") gives none."""
    found: set[str] = set()
    named: list[tuple[int, int]] | None = None
    for m in _STANCE.finditer(words):
        stance = _STANCE_OF.get(m.group().casefold())
        if stance is None or _BY.match(words, m.end()):
            continue  # "the dollar was supported by the data": whose support is not said
        if m.group().casefold() in _ACTS and _PASSIVE.search(words, max(0, m.start() - 20),
                                                              m.start()):  # fmt: skip
            continue  # "when the app will be approved": an act of others reported
        if named is None:
            named = [(d.start(), d.end()) for d in _DESCRIBES.finditer(words)]
        if any(a <= m.start() < b for a, b in named):
            continue
        negated = _NEGATION.search(words, max(0, m.start() - 30), m.start())
        if negated and stance == "oppose":
            continue  # "not concerned", "did not object": a blame withheld is no praise
        found.add(_FLIP[stance] if negated else stance)
    return found


def _halting(phrase: str) -> bool:
    words = phrase.casefold().split()
    return bool(words) and (words[0] in _HALT or " ".join(words[:2]) in _HALT)


def commitment(cue: str, words: str) -> str | None:
    """A holder who announces, pledges or promises something supports it; "pledged not to",
    "announced that it would not" is opposition."""
    head = f"{cue} {words.strip()}".casefold()
    if cue.casefold() not in _COMMIT and not any(head.startswith(c) for c in _COMMIT):
        return None
    if _FACT.match(words) and not _FUTURE.search(words):
        return None  # "announced that the couple was expecting": a fact, no commitment
    first = " ".join(words.split()[:7])
    return "oppose" if _NOT.search(first) else "support"


def advocacy(cue: str, words: str) -> str | None:
    """A request ("urged X to ...") or a call for action ("X should ...", "must end"): support
    of what is asked for; its opposition when what is asked for is a halt ("to withdraw",
    "must end") or is negated ("not to", "should not"), not both. Hindsight ("should have
    gone to Y") criticises what happened: opposition."""
    if cue.casefold() in _REQUEST:
        m = _INFINITIVE.search(words)
        if m is None:
            return None  # "asked them about ...": a question, not a position
        return "oppose" if bool(m.group(1)) != _halting(m.group(2)) else "support"
    if next(_HINDSIGHT.finditer(words), None) is not None:
        return "oppose"  # "the prize should have gone to Y": what happened is criticised
    for found in _ADVOCATE.finditer(words):
        rest = words[found.end() :].split()[:4]
        before = words[max(0, found.start() - 25) : found.start()]
        negated = bool(_NOT.search(" ".join(rest[:2])) or _NOT.search(before))
        verb = [w for w in rest if w.casefold() not in ("not", "be", "also", "now", "really")]
        halt = bool(verb) and _halting(" ".join(verb))
        return "oppose" if negated != halt else "support"
    return None


# VADER reads straight marks only: '“Amazing,”' scores nothing, "don’t" negates nothing.
_STRAIGHT = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})


_HARM_WORDS = sorted(map(re.escape, _listed("harm")), key=len, reverse=True)
_HARM = re.compile(r"\b(?:" + "|".join(_HARM_WORDS) + r")\b", re.I)  # "killed", "fire"
_DONE = re.compile(_BE + r"(?:" + "|".join(sorted(_ACTS)) + r")\b(?!\s+by\b)",
                   re.I)  # "will be approved", not "was criticised by X"  # fmt: skip


# "like" with no one who likes before it is a preposition or a filler ("looks like rain")
_AS_IF = re.compile(r"(?<!\bi)(?<!\byou)(?<!\bwe)(?<!\bthey)(?<!\bwould)(?<!['’]d)(?<!\bdo)"
                    r"(?<!n['’]t)(?<!\bnot)(?<!\bto)(?<!\breally)(?<!\balso)\s+like\b", re.I)


def _cut(text: str, phrases: Phrases) -> str:
    """The text with every phrase found in it taken out."""
    kept, at = [], 0
    for found in phrases.finditer(text):
        kept.append(text[at : found.start()])
        at = found.end()
    return "".join(kept) + text[at:]


@lru_cache(maxsize=256)  # stance_of and flat ask for the same words
def _valence(words: str) -> float:
    """VADER's compound score, the words naming harm done (deaths, fires) left out: a holder
    who reports them reports a fact, not a judgement. Leaving them out takes negativity
    away; it does not make the words praise ("the United States service members killed")."""
    straight = _cut(words.translate(_STRAIGHT), _DESCRIBES)  # "illegal immigrants": a name
    if "like" in straight.casefold():
        straight = _AS_IF.sub(" ", straight)
    straight = _DONE.sub(" ", straight)  # "doing like 15 things": no liking
    score = float(_vader().polarity_scores(_HARM.sub("", straight))["compound"])
    if score > 0 and _HARM.search(straight) and _vader().polarity_scores(straight)["compound"] < 0:
        return 0.0
    return score


_CONCEDE = _listed("concede")  # "admitted", "acknowledged"
_YET = re.compile(r",?\s+(?:but|yet|however)\b", re.I)


def conceded(cue: str, sentence: str) -> bool:
    """Whether a holder concedes one point and holds another in the sentence: a concession
    cue and a contrast after it ("admitted it was too hot, but said it raised money")."""
    if cue.casefold() not in _CONCEDE:
        return False
    at = sentence.casefold().find(cue.casefold())
    before = _YET.search(sentence, 0, max(at, 0))
    return at >= 0 and (before is not None or _YET.search(sentence, at) is not None)


def _worded(words: str) -> str | None:
    found = lexical(words)
    return found.pop() if len(found) == 1 else advocacy("", words)


def _two_sides(verb: str | None, words: str) -> bool:
    """Whether the two sides of a contrast take opposite sides in so many words: the cue
    or the words before "but" one way, the words after it the other."""
    parts = _YET.split(words, maxsplit=1)
    if len(parts) != 2:
        return False
    first, second = verb or _worded(parts[0]), _worded(parts[1])
    return {first, second} == {"support", "oppose"}


def stance_of(cue: str, words: str, english: bool) -> str | None:
    """'support', 'oppose' or 'mixed' when the evidence says so, else None.

    Args:
        cue: The reporting or stance verb that ties the holder to the words.
        words: The holder's own words (a quotation, or the reported clause).
        english: Whether the sentiment lexicon (English) may be asked.
    """
    return judged(cue, words, english)[0]


def judged(cue: str, words: str, english: bool) -> tuple[str | None, bool]:
    """`stance_of`'s answer, and whether the side is in so many words, not only in their
    sentiment: the cue verb, a stance word, a commitment or a call for action
    ("criticised", "unfair", "pledged to", "should"). Such a side comes first."""
    verb = _STANCE_OF.get(cue.casefold())
    if _two_sides(verb, words):
        return "mixed", True  # "welcomed the vote but said it should have gone further"
    if verb is not None:
        return verb, True
    found = lexical(words)
    if not found and (" " in cue or cue.casefold() in _LEADS):  # "cautioned against"
        found = lexical(f"{cue} {words.lstrip()}")
    if len(found) > 1:
        return "mixed", True
    if found:
        return found.pop(), True
    calm = next(_NEUTRAL.finditer(words), None)
    if calm is not None and _ASKS.search(words, 0, calm.start()):
        return "oppose", True  # "wanted the club to review the way ...": what it did is faulted
    if calm is not None:
        return "neutral", False  # a holder who complies, takes note or studies takes no side
    ruled = commitment(cue, words) or advocacy(cue, words)
    if ruled or cue.casefold() in _REQUEST:
        return ruled, ruled is not None
    return _sentiment(words, english), False


def _sentiment(words: str, english: bool) -> str | None:
    """The side VADER reads in the words, when it reads one clearly."""
    if not (english and words.split() and _vader() is not None):
        return None
    if len(words.split()) < 3:  # "Amazing," X said: one strong word is the whole answer
        score = _valence(words)
        return "support" if score >= EXCLAIM else "oppose" if score <= -EXCLAIM else None
    parts = [p for p in _CONTRAST.split(words) if len(p.split()) >= 3]
    if len(parts) == 2:  # "more risk but more reward": each side's valence, one way each
        sides = sorted(_valence(p) for p in parts)
        if sides[0] <= -SIDE_VALENCE and sides[1] >= SIDE_VALENCE:
            return "mixed"
    score = _valence(words)
    if abs(score) < FLAT and _HARM.search(words):
        return "neutral"  # "two soldiers were killed in the crash": harm reported, no side
    return "support" if score >= VALENCE else "oppose" if score <= -VALENCE else None


def flat(words: str, english: bool) -> bool:
    """Whether a statement only reports: English words, a clause long, with no word of
    praise or blame in them (VADER finds none). Its holder takes no side: `neutral`."""
    return (english and len(words.split()) >= 5 and _vader() is not None
            and abs(_valence(words)) < FLAT)  # fmt: skip


_ON_WORDS = 14
_SAYS = Phrases(SPEECH_CUES)
_NEXT_CLAUSE = re.compile(r";|,\s")


def _own_clause(text: str, start: int, end: int) -> int:
    """Where the holder's reported clause ends: before a clause that reports someone else
    ("He vowed to keep trying, but the editor said ...", "After X said that ..., Y said")."""
    segment = text[start:end]
    last = max((c.start() for c in _SAYS.finditer(segment)), default=-1)  # one pass
    for m in _NEXT_CLAUSE.finditer(segment, 0, last if last > 0 else 0):
        return start + m.start()  # the first break with a cue after it
    return end
_MARKS = "\"“”«»„‘’' "
_CLOSES = ",.!?…"
_OPENERS = words("clause_openers")  # "said the rules were unfair": a clause, not an adjunct
_NAME_WORDS = 4  # a title or a name in quotation marks: this many words at most
_NONSPACE = re.compile(r"\S+")
_CLAUSE_END = re.compile(r"[,;.?!]|$")
_DANGLING = re.compile(r"\s+(?:of|to|for|on|that|the|a|and|with|by|in)$")
_LEAD_IN = re.compile(
    r"^[\s,]*(?:\w+ing\s+)?(?:(?:\w+\s+){0,5}?that\s+|to\s+|about\s+|on\s+|for\s+|of\s+)?",
    re.I,
)


def _named(text: str, a: int, b: int, at: int) -> bool:
    """Whether a quotation before the cue is a title or a name, not speech: a few capitalised
    words that no punctuation closes ("“Mrs Lane” actress Ana Ruiz said", against "“We won,”
    she said" or a fragment of the holder's words, "called it “deeply unfair” and said")."""
    inner = text[a + 1 : b - 1].rstrip()
    named = all(w[:1].isupper() for w in inner.split() if len(w) > 3)
    return (b <= at and 0 < len(inner.split()) <= _NAME_WORDS and named
            and inner[-1] not in _CLOSES and text[b : b + 1] not in _CLOSES)  # fmt: skip


def reported(text: str, s: Sentence, cue: tuple[int, int], holder_at: int | None,
             quotes: list[tuple[int, int]], forward: bool) -> list[tuple[int, int]]:  # fmt: skip
    """Where the holder's own words are in a sentence: its quotations; the reported clause
    after the cue ("said that ..."); or, when the attribution closes the clause ("..., the
    ministry said on Tuesday", "..., said Ana Ruiz, an economist"), the clause before it.

    Args:
        cue: The cue's offsets in `text`.
        holder_at: Where the holder is named in the sentence (None for "he", "it").
        forward: Whether the holder follows the cue ("according to X").
    """
    at, after = cue
    if forward:
        return [(s.start, at)]
    inside = [(max(a, s.start), min(b, s.end)) for a, b in quotes if a < s.end and b > s.start
              and not (a >= s.start and _named(text, a, b, at))]  # fmt: skip
    if inside and inside[0][0] >= after and len(text[after : inside[0][0]].split()) >= 3:
        return [(after, _own_clause(text, after, s.end))]  # reported speech, partly quoted
    if inside:
        return inside
    lead = text[s.start : min(at, holder_at) if holder_at is not None else at]
    comma = lead.rfind(",")
    tail = text[after : s.end]
    if comma > 0 and len(lead[comma + 1 :].split()) <= 6 and len(lead[:comma].split()) >= 3:
        before = (s.start, s.start + comma)
        if holder_at is not None and holder_at >= after:
            return [before]  # "..., said Ana Ruiz, an economist at ..."
        if tail.lstrip().startswith(","):
            return [before, (after, s.end)]  # "A, she said, is B"
        first = tail.split()[:1]
        if len(tail.split()) <= 6 and not (first and first[0].casefold() in _OPENERS):
            return [before]  # "..., the ministry said in a statement.", not "..., X said it"
    return [(after, _own_clause(text, after, s.end))]


_FRAME = re.compile(r"[^,\"“”]{3,60},\s*(?:[\w.’'-]+\s+){0,4}")
_JOINED = re.compile(r",\s*(?:but|and|yet|while|whereas|so)\b", re.I)  # "X is coming, but Y said"


def holder_words(text: str, s: Sentence, named_at: int, spans: list[tuple[int, int]],
                 quotes: list[tuple[int, int]]) -> str:  # fmt: skip
    """The words a stance is read from: an opening phrase that frames the holder's words ("In
    a dissent, Justice X wrote"), a quotation begun in an earlier sentence when this sentence
    closes it ("“... . And we are going,” said X"), and the holder's words (`spans`).

    Args:
        named_at: Where the holder is first named in the sentence (its start when it is not).
    """
    lead = text[s.start : named_at]
    frame = lead if _FRAME.fullmatch(lead) and not _JOINED.search(lead) else ""
    opened = [text[max(a, s.start - 400) : s.start] for a, b in quotes
              if a < s.start < b and any(x <= s.start for x, _ in spans)]  # fmt: skip
    return " ".join([frame, *opened, *(text[a:b] for a, b in spans)])


def on_span(text: str, s: Sentence, spans: list[tuple[int, int]], after: int,
            quotes: list[tuple[int, int]]) -> Quote:  # fmt: skip
    """What a statement is about: the start of its quotation or of its reported clause."""
    start, stop = spans[0]
    if any(a <= start < b for a, b in quotes):
        a, b = max(start, s.start), min(stop, s.end)
        while a < b and text[a] in _MARKS:
            a += 1
        while b > a and text[b - 1] in _MARKS:
            b -= 1
        words = list(_NONSPACE.finditer(text[a:b]))
        end = a + words[min(len(words), _ON_WORDS) - 1].end() if words else b
        return span(text, a, end)
    if start == after:
        lead = _LEAD_IN.match(text[start:stop])
        start += lead.end() if lead else 0
    m = _CLAUSE_END.search(text[start:stop])
    end = start + (m.start() if m else 0)
    if end - start < 12 and quotes:
        start, end = quotes[0][0] + 1, quotes[0][1] - 1
    if end - start < 12:
        start, end = s.start, s.end
    words = list(_NONSPACE.finditer(text[start:end]))
    if len(words) > _ON_WORDS:
        end = start + words[_ON_WORDS - 1].end()
    q = span(text, start, end)
    tail = _DANGLING.search(q.text)
    return span(text, start, end - len(tail.group())) if tail else q
