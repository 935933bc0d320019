"""Positions: attributed statements (quotes and reported speech) linked to their holder.

For each reporting or stance cue in a sentence the holder is, in order: the first actor named
as the clause's subject before the cue (outside quotation marks, not after a preposition,
not a possessive), the actor named right after the cue ('said Mira Solberg', 'according to
the council'), or the actor a pronoun or 'the court'-like phrase points back to. No one
holds words that are not theirs: a person the quoted words name, a pronoun inside what
another verb reports ('an aide recalled that he said'), a source passing on another's
quotation, an act or a writing that reports no words ('responded by hitting').
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.brief.schema import Position
from summarizer.engines.extractive.actors import Cluster
from summarizer.engines.extractive.lexicon import (
    FORWARD_CUES,
    REQUEST_CUES,
    SPEECH_CUES,
    STANCE_CUES,
)
from summarizer.engines.extractive.nominal import nominal_actor
from summarizer.engines.extractive.phrases import Found, Phrases
from summarizer.engines.extractive.ranking import MAX_POSITIONS as MAX_POSITIONS
from summarizer.engines.extractive.ranking import limit
from summarizer.engines.extractive.reporting import (
    APPOSED,
    AUX_GAP,
    CLAUSE_VERB,
    FIRST_PERSON,
    INVERSION,
    OWN_VOICE,
    THROUGH,
    closing,
    embedded,
    employer,
    head_of,
    modifier,
    no_report,
    relative_owner,
    relays,
    speaks_for,
    talked_about,
)
from summarizer.engines.extractive.segment import Sentence, span
from summarizer.engines.extractive.stance import (
    conceded,
    flat,
    holder_words,
    judged,
    on_span,
    reported,
)
from summarizer.engines.extractive.titles import PERSON_KINDS

_VERB_STANCE = tuple(
    w for w in STANCE_CUES if re.fullmatch(r"[a-z]+(ed|es|s|ing)", w)
    and not re.search(r"(?:less|ness|ous|ss)$", w) and w not in
    ("needed", "failed", "concerned", "disappointed", "improved", "approved", "frustrated",
     "fears", "harm", "progress", "illegal")
)  # fmt: skip
_CUE = Phrases({*SPEECH_CUES, *_VERB_STANCE, *REQUEST_CUES, "expressed regret",
                "expressed solidarity", "expressed concern", "According to"})  # fmt: skip
_QUOTED = re.compile(r"[\"“«„]([^\"”»“\n]{3,}?)[\"”»]|(?<!\w)['‘]([^'’\n]{8,}?)['’](?!\w)")
_BOUNDARY = re.compile(r"[;:]|,\s+(?:but|and|while|whereas)\b|\bbut\b")
_PRONOUN = re.compile(
    r"\b(he|she|they|it|we|il|elle|ils|elles|él|ella)(?:\s+(?:\w+\s+)?|\s*)$"
    r"|\b(he|she)\s+(?:has|had|have)\s+\w+ly\s+$", re.I  # "he has consistently denied"
)
_PERSONAL = frozenset(("he", "she", "il", "elle", "él", "ella", "lui"))
# French inverted subject ("a-t-elle affirmé"), a pronoun after "selon"/"según".
_FR_INVERTED = re.compile(r"-t-(il|elle)s?\s+$|\b(?:a|ont)-(il|elle)s?\s+$", re.I)
_AFTER_PRONOUN = re.compile(r"\s*(lui|elle|eux|elles|él|ella|ellos|ellas)\b", re.I)
_SPEECH = frozenset(SPEECH_CUES)
# Cues whose object, not whose speaker, follows them: "told Fox News", "announced the Phase".
_NOT_INVERTED = frozenset(
    "told tells tell announced announces promised pledged vowed confirmed acknowledged admitted "
    "admits claimed claims urged urges asked called calls nannte".split()
)
_JUDGE = re.compile(r"\b(?:judge|justice|magistrate|arbitrator)s?$", re.I)  # not "Justice Minister"
_TWO_WORDS = re.compile(r"\s*(?:\w+\s+){0,2}")
_PRONOUN_OR_THE = re.compile(r"(?i:\b(?:he|she|they|it)\s+(?:\w+\s+)?$)|\bthe\s+\w+\s+$")
_VERB_IN_LEAD = re.compile(r"(?<![\w-])(?:[a-z]+ed|is|are|was|were|has|have)\b")
_BE = frozenset("be been being was were is are am get got".split())
_PREPOSITIONS = frozenset("with to by from of in at for against on about over".split())

_OPENED = 400  # a quotation opened this far back is quoted whole in the evidence


@dataclass
class _Hit:
    cluster: Cluster
    start: int
    end: int


class PositionFinder:
    """Finds positions in sentences, given the actors' mention spans."""

    def __init__(self, text: str, clusters: list[Cluster], author: Cluster | None = None,
                 language: str | None = None) -> None:  # fmt: skip
        self.text = text
        self.english = language in (None, "en")
        self.clusters = clusters
        self.author = author
        self.worded: set[int] = set()
        self.quotes = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
        self.hits: dict[int, list[_Hit]] = {}
        for c in clusters:
            for m in c.mentions:
                own = OWN_VOICE.match(text, m.end) if m.possessive else None
                if not m.possessive or own:  # "X said", "X's office said"
                    self.hits.setdefault(m.sentence, []).append(
                        _Hit(c, m.start, own.end() if own else m.end))
        for hits in self.hits.values():
            hits.sort(key=lambda h: h.start)

    def find(self, sentences: list[Sentence]) -> list[tuple[Cluster, Position]]:
        """Positions in document order, each with the actor cluster that holds it."""
        out: list[tuple[Cluster, Position]] = []
        self.worded = set()
        speaker: tuple[Cluster, int] | None = None  # the last person who held a position
        named: tuple[Cluster, int] | None = None  # the last person a sentence opened with
        side: tuple[Cluster, int] | None = None  # the last person named anywhere
        body: tuple[Cluster, int] | None = None  # the last organisation named
        for s in sentences:
            seen: set[int] = set()
            quotes = self._quoted(s)
            # "he said" is the last speaker (3 sentences back at most) or else the person
            # named in this or the previous sentence; "it said" the body named there; "they
            # said" is nobody in particular.
            last_person = (named[0] if named and s.index - named[1] <= 1
                           else speaker[0] if speaker and s.index - speaker[1] <= 3
                           else side[0] if side and s.index - side[1] <= 1 else None)
            last = body[0] if body and s.index - body[1] <= 1 else None
            cues = [c for c in _CUE.finditer(s.text)  # the cues outside quotes
                    if not any(a <= s.start + c.start() < b for a, b in quotes)]
            relay = sum(c.group(1).casefold() in _SPEECH for c in cues) > 1
            for cue in cues:
                if self._passive(s, cue) or (  # "X said, according to Reuters": Reuters
                    cue.group(1).casefold() in FORWARD_CUES  # relays X's words
                    and (relay or relays(s.text, cue))) or no_report(s.text, cue):
                    continue
                if embedded(s.text, cue):
                    continue  # "X recalled that he said": whose words, X's report says
                holder = self._holder(s, cue, quotes, last, last_person)
                if holder is None or id(holder) in seen or holder.kind in PERSON_KINDS and (
                    talked_about([m.start for m in holder.mentions if m.sentence == s.index],
                                 quotes)):  # fmt: skip
                    continue  # "'I cannot believe Ana would sell,' she said": not Ana
                seen.add(id(holder))
                found = self._position(holder, s, cue, quotes)
                out.append((holder, found))
                org = self._employer(holder, s, quotes)
                if org is not None and id(org) not in seen:  # "X spokesman Li Wei said"
                    seen.add(id(org))
                    out.append((org, found.model_copy(update={"holder": org.name})))
                    if id(found) in self.worded:
                        self.worded.add(id(out[-1][1]))
                if holder.kind in PERSON_KINDS:
                    speaker = (holder, s.index)
            outside = self._outside(s, quotes)
            opener = self._opener(s.start, outside, s.end)
            head = head_of(self.text, opener, [(h.start, h.end, h) for h in outside])
            if head is not None and head.cluster.kind in PERSON_KINDS:  # "TV5 reporter Ana Ruiz"
                named = (head.cluster, s.index)  # who the sentence is about
            if opener is not None and opener.cluster.kind not in PERSON_KINDS:
                body = (opener.cluster, s.index)  # what "it" will point back to
            for h in outside:  # not "the offices of X": no subject "he" points back to
                if h.cluster.kind in PERSON_KINDS and not self._after_prep(h.start, s.start) \
                        and not modifier(self.text, h.start, h.end):  # "the Ruiz campaign"
                    side = (h.cluster, s.index)
        return limit(out, self.worded)

    def _outside(self, s: Sentence, quotes: list[tuple[int, int]]) -> list[_Hit]:
        return [h for h in self.hits.get(s.index, [])
                if not any(a <= h.start < b for a, b in quotes)]  # fmt: skip

    def _employer(self, holder: Cluster, s: Sentence,
                  quotes: list[tuple[int, int]]) -> Cluster | None:  # fmt: skip
        if holder.kind not in PERSON_KINDS:
            return None
        orgs = [(h.start, h.end, h.cluster) for h in self._outside(s, quotes)
                if h.cluster.kind not in PERSON_KINDS or h.cluster.kind == "media"
                and h.cluster is not holder]  # fmt: skip  # "TV5 chief executive X said"
        found = (employer(self.text, (m.start, m.end), orgs) for m in holder.mentions
                 if m.sentence == s.index)  # fmt: skip
        return next((f for f in found if f is not None), None)

    def _passive(self, s: Sentence, cue: Found) -> bool:
        word = cue.group(1).casefold()
        before = s.text[: cue.start()].split()[-1:]
        if word in ("told", "asked", "said") and before and before[0].casefold() in _BE:
            return True  # "he was told", "it is said": the speaker is someone else
        if word in _SPEECH and word not in ("claimed", "announced", "declared", "confirmed"):
            return False
        after = s.text[cue.end() :].split()[:1]
        return bool(before and before[0].casefold() in _BE) or bool(
            word.endswith("ed") and after and after[0].casefold() in ("of", "by", "for")
        )

    def _quoted(self, s: Sentence) -> list[tuple[int, int]]:
        return [(a, b) for a, b in self.quotes if a < s.end and b > s.start]

    def _holder(self, s: Sentence, cue: Found, quotes: list[tuple[int, int]],
                last: Cluster | None, last_person: Cluster | None) -> Cluster | None:  # fmt: skip
        at, after = s.start + cue.start(), s.start + cue.end()
        hits = self._outside(s, quotes)
        if cue.group(1).casefold() in FORWARD_CUES:
            pron = _AFTER_PRONOUN.match(self.text[after : after + 8])
            if pron:
                return last_person if pron.group(1).casefold() in _PERSONAL else last
            return next((h.cluster for h in hits if after <= h.start <= after + 40
                         and (INVERSION.fullmatch(self.text, after, h.start)
                              or THROUGH.fullmatch(self.text, after, h.start))), None) or (
                self._nominal(self.text[after : after + 40], at, forward=True, quotes=quotes)
            )  # fmt: skip
        clause = self.text[s.start : at]
        bounds = [s.start + m.end() for m in _BOUNDARY.finditer(clause)]
        floor = bounds[-1] if bounds else s.start
        near = self.text[max(floor, at - 30) : at]
        if FIRST_PERSON.search(near):  # "even though I've never agreed": the writer speaks
            return None
        owner = relative_owner(self.text, max(floor, at - 30), near,
                               [(h.start, h.end, h.cluster) for h in hits])  # fmt: skip
        if owner is not None:  # "the mayor, Dario Matesic, who said"
            return owner
        inverted = _FR_INVERTED.search(near)
        if inverted:
            return self._person_before(hits, at) or last_person
        for h in reversed(hits):
            gap = self.text[h.end : at]
            if h.end <= at and h.start >= floor and _TWO_WORDS.fullmatch(gap):
                if not self._after_prep(h.start, floor) and speaks_for(gap):
                    return self._member(hits, h)
        for h in reversed(hits):
            if h.end > at or h.cluster.kind not in PERSON_KINDS:
                continue
            if APPOSED.fullmatch(self.text, h.end, at) and not self._after_prep(h.start, floor):
                return h.cluster  # "Siobhan Burke, chief of X, said", not "a letter to X, ..."
            if AUX_GAP.fullmatch(self.text, h.end, at) and re.search(
                r",\s*(?:[A-ZÀ-Þ][\w.’'-]*\s+){0,3}$", self.text[s.start : h.start]
            ):  # "The opposition's spokeswoman, Senator Eva Berg, said"
                return h.cluster
        if _PRONOUN_OR_THE.search(near):
            word = near.split()[-1].casefold()
            if word in ("he", "she") and closing(near, self.text[after : s.end]):
                return last_person or self._person_before(hits, at)  # "<words>, he said."
            if word in ("he", "she"):
                return self._person_before(hits, at) or last_person
            if word == "they":
                return None
            nominal = self._nominal(near, at, forward=False, quotes=quotes)
            if nominal is not None:
                return nominal
        speech = cue.group(1).casefold() in _SPEECH
        listener = cue.group(1).casefold() in _NOT_INVERTED
        closed = re.search(r"[,”\"’»]\s*(?:(?:a|ont|has|had|have)\s+)?$", near)  # "<words>,"
        # said X, "», a déclaré X": only after the words is the speaker named after the cue
        named = [h for h in hits if speech and not listener and h.start >= after and closed
                 and INVERSION.fullmatch(self.text, after, h.start)
                 and not CLAUSE_VERB.match(self.text, h.end)]  # fmt: skip
        subject = None if named else (
            self._subject(floor, hits, at))  # "<words>, says Ana Ruiz": Ana Ruiz
        if subject is not None:
            return subject
        if named:  # "said IESE researcher Rui Mabote": the person, not the acronym
            return next((h for h in named if h.cluster.kind in PERSON_KINDS), named[0]).cluster
        pronoun = _PRONOUN.search(self.text[max(floor, at - 40) : at])
        if pronoun:
            word = (pronoun.group(1) or pronoun.group(2)).casefold()
            if word in _PERSONAL:
                return self._person_before(hits, at) or last_person
            return last if word in ("it", "il", "elle") else None
        nominal = self._nominal(self.text[max(floor, at - 50) : at], at, forward=False,
                                quotes=quotes)  # fmt: skip
        return nominal or self._nominal(self.text[after : after + 30], at, forward=True,
                                        quotes=quotes)  # fmt: skip

    def _subject(self, floor: int, hits: list[_Hit], at: int) -> Cluster | None:
        """The sentence's grammatical subject, when it opens the sentence and the cue is its
        verb: "The Ministry of Finance, which appoints the board, said", "Its chairman, Tom
        Brenner, called the decision a rescue and said". An actor after a preposition or
        deep inside the sentence is not the subject."""
        first = self._opener(floor, hits, at)
        if first is None:
            return None
        rest = self.text[first.end : at]
        if any(first.end <= h.start and h.end <= at and not self._aside(first.end, h.start)
               for h in hits if h is not first):  # fmt: skip
            return None  # another actor stands between: it may be the subject
        if rest.count("(") > rest.count(")"):
            return None  # the cue is inside a parenthesis: someone else's words
        rest = re.sub(r"[—–][^—–]*[—–]|,[^,]*,|\([^()]*\)", ",", rest)  # asides
        if re.search(r"[.;:]|\b(?:that|because|if|when|after|while)\b", rest):
            return None
        verb = re.search(r"(?<![\w-])(?:[a-z]+ed|has|have|had|is|are|was|were|will|would)\b",
                         rest)  # fmt: skip
        participle = re.match(r"\w+ing\b", self.text[at:]) and rest.rstrip().endswith(",")
        if verb and not participle and not re.search(r"\band\s+(?:\w+\s+)?$", rest):
            return None  # the subject's verb is another one, unless the cue joins it with "and"
        if re.fullmatch(r"\s*(?:[a-z][\w-]*\s+){1,3}", rest) and not speaks_for(rest):
            return None  # "one Weibo commenter said": the name modifies the speaker
        return self._member(hits, first)

    def _opener(self, floor: int, hits: list[_Hit], at: int) -> _Hit | None:
        """The first actor of a clause when it opens the clause: at most eight words before
        it, no verb among them, not after a preposition."""
        first = next((h for h in hits if floor <= h.start and h.end <= at), None)
        if first is None or self._after_prep(first.start, floor):
            return None
        lead = self.text[floor : first.start]
        if len(lead.split()) > 8 or _VERB_IN_LEAD.search(lead):
            return None
        after_comma = lead.rsplit(",", 1)[-1].casefold().split()  # "In a statement, X said"
        if any(w in _PREPOSITIONS for w in after_comma):
            return None  # "In addition to its order of 30 Boeing jets": Boeing is no subject
        return first

    def _aside(self, start: int, at: int) -> bool:
        """Whether position `at` is inside an aside opened after `start`: a parenthesis or a
        comma-set relative clause ("X (ACRONYM)", "X, which backed Y, said")."""
        between = self.text[start:at]
        return "(" in between or bool(
            re.match(r"\s*,\s+(?:which|who|whose|a|an|the|its|known|including|[a-z]+)\b"
                     r"|\s+of\s", between))

    def _member(self, hits: list[_Hit], h: _Hit) -> Cluster:
        """The person in "Lena Ruiz of the Coastal Network said", else the hit's actor."""
        i = hits.index(h)
        prev = hits[i - 1] if i else None
        if prev and prev.cluster.kind in PERSON_KINDS and re.fullmatch(
            r",?\s+of\s+(?:the\s+)?", self.text[prev.end : h.start]
        ):
            return prev.cluster
        return h.cluster

    def _person_before(self, hits: list[_Hit], at: int) -> Cluster | None:
        return next((h.cluster for h in reversed(hits)
                     if h.end <= at and h.cluster.kind in PERSON_KINDS), None)  # fmt: skip

    def _after_prep(self, start: int, floor: int) -> bool:
        before = self.text[max(floor, start - 40) : start].casefold().split()
        while before and (before[-1] in ("the", "a", "an", "its", "his", "her")
                          or re.fullmatch(r"\w[\w.-]*['’]s?", before[-1])):  # "in China's X"
            before.pop()
        if len(before) >= 3 and before[-2] in ("the", "a", "its") and before[-1].isalpha():
            before = before[:-2]  # "in the journal X": X is named by a common noun
        if len(before) >= 2 and before[-1] == "for" and before[-2].startswith("spokes"):
            return False
        return bool(before) and before[-1] in _PREPOSITIONS

    def _nominal(self, window: str, at: int, *, forward: bool,
                 quotes: list[tuple[int, int]]) -> Cluster | None:  # fmt: skip
        return nominal_actor(window, at, self.clusters, forward=forward, quotes=quotes)

    def _position(self, holder: Cluster, s: Sentence, cue: Found,
                  quotes: list[tuple[int, int]]) -> Position:  # fmt: skip
        speech = cue.group(1).casefold() in _SPEECH
        spans, words = self._words(holder, s, cue, quotes)
        found, worded = judged(cue.group(1), words, self.english)
        if conceded(cue.group(1), s.text):  # "admitted it was hot, but said it raised money"
            found, worded = "mixed", True
        stance = found or ("support" if self._decided(holder)  # who decided stands by it
                           else "neutral" if flat(words, self.english) else "unclear")  # fmt: skip
        opened = [a for a, b in quotes if a < s.start < b and s.start - a <= _OPENED]
        quote = span(self.text, opened[0], s.end) if opened else s.quote()  # "No question," X said
        position = Position(
            holder=holder.name,
            on=on_span(self.text, s, spans, s.start + cue.end(), quotes).text,
            stance=stance,  # type: ignore[arg-type]
            summary=quote.text,
            attributed=bool(quotes) or speech,
            evidence=[quote],
        )
        if found and worded:
            self.worded.add(id(position))
        return position

    def _words(self, holder: Cluster, s: Sentence, cue: Found,
               quotes: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], str]:  # fmt: skip
        """The spans the cue reports and the holder's own words in them."""
        at, after = s.start + cue.start(), s.start + cue.end()
        here = [m.start for m in holder.mentions if m.sentence == s.index]
        near = min((x for x in here if not any(a <= x < b for a, b in quotes)),
                   key=lambda x: abs(x - at), default=None)  # fmt: skip
        spans = reported(self.text, s, (at, after), near, quotes,
                         cue.group(1).casefold() in FORWARD_CUES)  # fmt: skip
        return spans, holder_words(self.text, s, min(here, default=s.start), spans, quotes)

    def _decided(self, holder: Cluster) -> bool:
        """A court, a judge, or the body the event names first and its office holders: the
        author of the decision the article reports ("ACMA Chairwoman Lee", "the court")."""
        title = self.text[holder.title[0] : holder.title[1]] if holder.title else ""
        if holder.kind == "court" or _JUDGE.search(title) or holder is self.author:
            return True
        return self.author is not None and any(a in title for a in self.author.aliases)
