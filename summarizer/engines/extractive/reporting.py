"""What counts as a reporting structure: the small tests positions.py makes around a cue.

A position needs words tied to their holder: the holder as the subject of a speech verb, or
named right after it. These tests turn down what only looks like one: a name that modifies
another noun before the cue ("one Weibo commenter said"), a cue that reports nothing held
("declined to say", "if the minister agrees"), and tell a closing "..., he said." apart.
They also say who else speaks through a speaker: an officer for the organisation
("X spokesman Li Wei"), an office for its possessor ("Nadia Cruz's office said"); and which
common nouns ("the company said") point back to which kind of actor.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from summarizer.engines.extractive.lexicon import SPEECH_CUES, languages, one, table, words
from summarizer.engines.extractive.phrases import Found, Phrases

_T = TypeVar("_T")
_NOMINAL_HEADS: dict[str, list[str]] = {}
for _part in table("nominal_heads", "heads"):
    _NOMINAL_HEADS.update(_part)
_DETERMINERS = [d for part in table("nominal_heads", "determiners") for d in part]
# A common noun, in lower case, after a determiner: "the company", not "The We Company".
NOMINAL = re.compile(
    r"\b(?:" + "|".join(f"[{d[0].upper()}{d[0]}]{d[1:]}" for d in _DETERMINERS) + r")\s+"
    r"(?:[a-z][\w-]*\s+)?(" + "|".join(_NOMINAL_HEADS) + r")\b"
)
_DOCUMENTS = sorted((d for code in languages() for d in one(code, "nominal_heads").get(
    "documents", ())), key=len, reverse=True)  # a language may list none
# "according to a statement from X": a document or a spokesman between the cue and X.
THROUGH = re.compile(r"\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+)?(?:(?:" + "|".join(_DOCUMENTS)
                     + r")\s+(?:from|by|of|issued by|released by)|spokes\w+\s+for)"
                     r"\s+(?:the\s+)?")  # fmt: skip
# The kinds of actor each such noun can stand for (none: the noun must be in the name).
NOMINAL_KIND = {noun: tuple(kinds) for noun, kinds in _NOMINAL_HEADS.items() if kinds}
# Between a speech cue and the speaker named after it ("said Mira Solberg"): a few words,
# never a preposition ("le ministre des Affaires étrangères" is no "Affaires").
INVERSION = re.compile(  # "said Mira Solberg", "said its director, Pedro Lima"
    r"\s*(?:(?:the|a|an|its|his|her|"
    r"(?!(?:to|by|from|of|in|on|at|for|with|that|than|about|de|des|du|del|von)\b)"
    r"[a-z][\w-]*|[\w.&-]+['’]s|[A-Z]{2,6}|[A-Z][a-z]+(?=\s+[a-z]))\s+){0,6}"
    r"(?:(?<=\s)[a-z][\w’'-]*,\s+(?:[A-Z][a-z]+\.?\s+)?)?"
)
# A name followed by a verb is the subject of the reported clause ("..., said Germany would
# continue"), not a speaker named after the cue.
CLAUSE_VERB = re.compile(r"\s+(?:would|will|had|has|have|is|was|were|are|could|should|must|"
                         r"may|might|can|did|does|do)\b")  # fmt: skip
# A relative pronoun right before the cue: ", who said", ", which says".
_RELATIVE = re.compile(r",\s*(?:who|which)\s+(?:\w+\s+)?$")
# After an appositive name, before the cue: a comma and maybe an auxiliary ("..., a déclaré").
AUX_GAP = re.compile(r",\s*(?:(?:a|ont|avait|has|had|have|also|then|ha|han)\s+)?")
# Between a person and the cue: an appositive set off by commas ("X, policy director at Y, a
# group, said"), or an affiliation ("X of the Y, said").
APPOSED = re.compile(  # "X, vice president of sales for Y, Inc., says"
    r"(?:\s+of\s+[^,.;\"“”]{2,80}"
    r"|(?:,\s+(?:[^,.;\"“”]|(?:(?<=Inc)|(?<=Ltd)|(?<=Co))\.){3,100}){1,2}),\s*"
)
# The writer, a reader or a crowd speaks, not an actor: "even though I've never agreed".
FIRST_PERSON = re.compile(r"(?:\bI|\b[Ww]e|\b[Yy]ou)(?:['’]\w+)?\s+(?:\w+\s+){0,2}$")
# A possessive name whose office speaks for it: "Nadia Cruz's office said".
OWN_VOICE = re.compile(r"(?:['’]s?)?\s+(?:office|spokes(?:man|woman|person)|campaign|government|"
                       r"administration|ministry|lawyers?|attorneys?)(?=\s+[a-z])")  # fmt: skip
_ROLES = Phrases(words("speaks_for"), fold=True)  # "spokesman", "chief executive"
_TITLED = re.compile(r"\s+(?:[A-Za-z][\w.’'-]*\s+){1,4}")  # "X Press Secretary NAME"
_APPOSED_ROLE = re.compile(  # "NAME, the chief executive of X"
    r",\s+(?:(?:the|a|an|its)\s+)?(?:[\w.’'-]+\s+){0,6}?(?:of|at|for|with)\s+(?:the\s+)?"
)

# Words between an actor's name and its cue that keep the actor the speaker: auxiliaries,
# adverbs, time words, and those who speak for it ("a WeWork spokesperson said"); any other
# noun makes the name a modifier ("one Weibo commenter said": not Weibo).
_SPEAKS_FOR = frozenset(
    "has had have also then later again already still now today yesterday last on this would "
    "will could did does do spokesman spokeswoman spokesperson spokespeople official officials "
    "representative representatives lawyer lawyers attorney attorneys statement authorities "
    "government administration prosecutors police military ministry office campaign "
    "executives leaders leadership board management diplomats party group union company firm "
    "agency council committee commission court bank coalition alliance association federation "
    "movement network foundation institute a ont avait avaient est ha han había hat hatte".split()
)
# "to say", "declined to comment", "if X agrees": no report of what the holder holds.
_NO_REPORT = re.compile(
    r"(?:\bto\s+$)|(?:\b(?:if|unless|whether)\b[^,;:]*$)", re.I
)
# Cues that are also nouns or take a plain object ("the U.S. states where", "notes the rule",
# "added smaller landers"): speech only before "that", a quotation or punctuation, or right
# after a quotation ('"...," added Ana Ruiz').
_AMBIGUOUS = frozenset("states notes claims added adds explained explains".split())
_REPORTS = re.compile(r"\s*(?:that\b|[,:;.\"“”'‘’«]|$)")
# "called the ruling 'a good day'", "called the motion an act of revenge": a judgement.
_CALLED = re.compile(r"\s+(?:the|this|that|it|them|his|her|its|their|die|den|das)\b[^\"“„«.;]{0,60}"
                     r"(?:[\"“„«]|\s(?:a|an|einen|eine|ein)\s)")  # fmt: skip
# After the cue, what shows it reports nothing: "the letter Mike wrote was kind" (a relative
# clause), "responded by hitting him" (an act), "Ford wrote, and wrote" (an activity).
_NOT_SPEECH = re.compile(r"\s+(?:was|were|is|are)\b|\s+by\s+\w+ing\b|\s*,\s*(?:and|or)\s", re.I)
# "wrote handbooks", "wrote the score": a work written, no words reported.
_WORK = re.compile(r"\s+(?:a|an|the|his|her|their|its|several|many|two|three|(?!this\b)[a-z]+s)\s")
_WRITE = frozenset("wrote writes write".split())
_RELAYED = re.compile(r"\b[a-z]+(?:ed|s):\s*[\"“«„]")
_EMBEDDED = re.compile(r"\b[a-z]+(?:ed|s)\s+that\s+(?:he|she|they|it)\s+$")
_SPEECH_WORDS = frozenset(w.casefold() for w in SPEECH_CUES)
# "claimed he announced", "said she told": a speech verb reporting the pronoun's words.
_EMBEDDED_BARE = re.compile(r"\b([a-z]+)\s+(?:he|she|they|it)\s+$")
# "CNN meteorologist Ana Ruiz": one to three lower-case title words between two names.
_TITLE_GAP = re.compile(r"\s+((?:[a-z][\w-]*\s+){1,3})")
_NOT_TITLE = frozenset("and or but nor with to of for by from in at on as than".split())
# "the Miss Lane title", "the Ruiz campaign": a name that modifies a noun after a determiner.
_DETERMINED = re.compile(r"\b(?:the|a|an)\s+(?:[A-Z][\w.’'-]*\s+)*$")
_MODIFIED = re.compile(r"\s+([a-z]+)\b")
_VERBISH = frozenset("is are was were has have had will would can could may might must should "
                     "did does do who which that".split())  # fmt: skip
_NO_COMMENT = re.compile(r"\s+to\s+(?:comment|say|discuss|elaborate|confirm|specify)\b", re.I)
_AFTER_QUOTE = re.compile(r"[\"”’»]\s*(?:\w+\s+)?$")
_QUOTE_MARK = re.compile(r"[\"”»]")


def speaks_for(gap: str) -> bool:
    """Whether the words between a name and its cue leave the name the speaker."""
    return "," not in gap and all(
        w.casefold() in _SPEAKS_FOR or w.endswith("ly") or w[:1].isupper() or w.isdigit()
        for w in gap.split()
    )


def relays(sentence: str, cue: Found) -> bool:
    """Whether "according to X" passes on someone else's quoted words: "According to X, one
    user posted: “...”" (another verb introduces the quotation)."""
    return _RELAYED.search(sentence, cue.end()) is not None


def no_report(sentence: str, cue: Found) -> bool:
    """A cue that reports nothing the holder holds: an infinitive ("declined to say"), a
    refusal to comment, or a cue inside a condition ("if the minister agrees")."""
    if cue.group(1).casefold() in _AMBIGUOUS and not (
        _REPORTS.match(sentence, cue.end())
        or _AFTER_QUOTE.search(sentence[: cue.start()])  # '," added X'
    ):  # fmt: skip
        return True
    if cue.group(1).casefold() in ("called", "calls", "nannte") and not _CALLED.match(
        sentence, cue.end()
    ):  # fmt: skip
        return True  # "a man called Li", "so-called": no judgement of the holder's
    if _NOT_SPEECH.match(sentence, cue.end()) and not _QUOTE_MARK.search(sentence):
        return True
    if cue.group(1).casefold() in _WRITE and _WORK.match(sentence, cue.end()):
        return True
    before = _QUOTE_MARK.split(sentence[: cue.start()])[-1]  # not inside a quotation
    return bool(_NO_REPORT.search(before)
                or _NO_COMMENT.match(sentence, cue.end()))  # fmt: skip


def embedded(sentence: str, cue: Found) -> bool:
    """Whether a cue with a pronoun subject sits inside what another verb reports ("the
    aide recalled that he said ..."): the pronoun is someone the report is about."""
    before = sentence[: cue.start()]
    bare = _EMBEDDED_BARE.search(before)
    return _EMBEDDED.search(before) is not None or (
        bare is not None and bare.group(1).casefold() in _SPEECH_WORDS)


def modifier(text: str, start: int, end: int) -> bool:
    """Whether a name only modifies a noun ("won the Miss Lane title", "the Ruiz campaign"):
    a determiner before it, a lower-case noun (no verb) after it. No pronoun points to it."""
    after = _MODIFIED.match(text, end)
    if after is None or not _DETERMINED.search(text, max(0, start - 40), start):
        return False
    noun = after.group(1)
    return not (noun in _VERBISH or noun in _SPEECH_WORDS or noun.endswith("ed"))


def head_of(text: str, first: _T | None, spans: Sequence[tuple[int, int, _T]]) -> _T | None:
    """The name a noun phrase opened by `first` is about: the person in "CNN meteorologist
    Ana Ruiz" (lower-case title words alone between the two names), else `first`."""
    end = next((b for a, b, x in spans if x is first), None)
    for a, _b, x in spans:
        m = _TITLE_GAP.fullmatch(text, end, a) if end is not None and a >= end else None
        if m and not any(w in _NOT_TITLE or w in _SPEECH_WORDS or w.endswith("ed")
                         for w in m.group(1).split()):  # fmt: skip
            return x
    return first


def talked_about(named: Sequence[int], quotes: Sequence[tuple[int, int]]) -> bool:
    """Whether every place a sentence names a person (`named`) is inside the quoted words: the
    speaker talks about that person, a person does not name themselves so. (A body's statement
    may: "At no time did X agree".)"""
    return bool(named) and all(any(a <= x < b for a, b in quotes) for x in named)


def closing(near: str, tail: str) -> bool:
    """Whether "he said" closes a sentence after the reported words ("..., he said.")."""
    return bool(re.search(r",\s*\w+\s+$", near)) and len(tail.split()) <= 6


def employer(text: str, person: tuple[int, int], orgs: Sequence[tuple[int, int, _T]]) -> _T | None:
    """The organisation a person named in a sentence speaks for there: "X spokesman Li Wei",
    "Ana Ruiz, the chief executive of X" (a role from `speaks_for`, not "a professor at X")."""
    for a, b, org in orgs:
        if b <= person[0] and _TITLED.fullmatch(text, b, person[0]):
            between = text[b : person[0]]
        elif a >= person[1] and _APPOSED_ROLE.fullmatch(text, person[1], a):
            between = text[person[1] : a]
        else:
            continue
        if next(_ROLES.finditer(between), None) is not None:
            return org
    return None


def relative_owner(text: str, start: int, near: str,
                   spans: Sequence[tuple[int, int, _T]]) -> _T | None:  # fmt: skip
    """The actor a relative pronoun before the cue stands for, when it is named right before
    it ("the mayor, Dario Matesic, who said"; `near` is the text from `start` to the cue)."""
    rel = _RELATIVE.search(near)
    if rel is None:
        return None
    at = start + rel.start()
    return next((x for a, b, x in spans if b <= at and not text[b:at].strip()), None)
