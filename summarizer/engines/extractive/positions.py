"""Positions: attributed statements (quotes and reported speech) linked to their holder.

For each reporting or stance cue in a sentence the holder is, in order: the first actor named
as the clause's subject before the cue (outside quotation marks, not after a preposition,
not a possessive), the actor named right after the cue ('said Kadri Tamm', 'according to
the council'), or the actor a pronoun or 'the court'-like phrase points back to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.brief.countries import demonym_alpha3
from summarizer.brief.schema import Position, Quote
from summarizer.engines.extractive.actors import Cluster
from summarizer.engines.extractive.lexicon import (
    FORWARD_CUES,
    REQUEST_CUES,
    SPEECH_CUES,
    STANCE_CUES,
)
from summarizer.engines.extractive.segment import Sentence, span

MAX_POSITIONS = 15
PER_HOLDER = 3
_VERB_STANCE = tuple(
    w for w in STANCE_CUES if re.fullmatch(r"[a-z]+(ed|es|s|ing)", w) and w not in
    ("needed", "failed", "concerned", "disappointed", "improved", "approved", "frustrated",
     "fears", "harm", "progress", "illegal")
)  # fmt: skip
_CUE = re.compile(
    r"\b(" + "|".join(sorted({*SPEECH_CUES, *_VERB_STANCE, *REQUEST_CUES, "expressed regret",
                              "expressed solidarity", "expressed concern", "According to"}, key=len,
                             reverse=True)) + r")\b"
)  # fmt: skip
_STANCE_OF = {cue.casefold(): stance for cue, stance in STANCE_CUES.items()}  # "begrüßte"
_STANCE = re.compile(r"\b(" + "|".join(sorted(STANCE_CUES, key=len, reverse=True)) + r")\b", re.I)
_QUOTED = re.compile(r"[\"“«„]([^\"”»“\n]{3,}?)[\"”»]|(?<!\w)['‘]([^'’\n]{8,}?)['’](?!\w)")
_BOUNDARY = re.compile(r"[;:]|,\s+(?:but|and|while|whereas)\b|\bbut\b")
_PRONOUN = re.compile(
    r"\b(he|she|they|it|we|il|elle|ils|elles|él|ella)(?:\s+(?:\w+\s+)?|\s*)$", re.I
)
_PERSONAL = frozenset(("he", "she", "il", "elle", "él", "ella", "lui"))
# French inverted subject ("a-t-elle affirmé"), a pronoun after "selon"/"según".
_FR_INVERTED = re.compile(r"-t-(il|elle)s?\s+$|\b(?:a|ont)-(il|elle)s?\s+$", re.I)
_AFTER_PRONOUN = re.compile(r"\s*(lui|elle|eux|elles|él|ella|ellos|ellas)\b", re.I)
_NOMINAL = re.compile(
    r"\b(?:the|a|its|his|her)\s+(?:[\w-]+\s+)?(court|ministry|company|firm|council|government|president|"
    r"prime minister|minister|bloc|union|commission|judge|judges|organisation|organization|leader|"
    r"spokesman|spokeswoman|spokesperson|group|federation|operator|embassy|agency|party)\b",
    re.I,
)
_NOMINAL_KIND = {
    "court": ("court",), "judge": ("official",), "judges": ("court",),
    "company": ("business",), "firm": ("business",), "operator": ("business",),
    "bloc": ("igo",), "union": ("igo",), "council": ("igo", "state"),
    "commission": ("igo", "state"), "president": ("head_of_state",),
    "prime minister": ("head_of_state",), "minister": ("official",), "leader": ("head_of_state",),
    "spokesman": ("official",), "spokeswoman": ("official",), "spokesperson": ("official",),
}  # fmt: skip
_ON_WORDS = 14
_LEAD_IN = re.compile(
    r"^[\s,]*(?:\w+ing\s+)?(?:(?:\w+\s+){0,5}?that\s+|to\s+|about\s+|on\s+|for\s+|of\s+)?",
    re.I,
)
_SPEECH = frozenset(SPEECH_CUES)
_INVERSION = re.compile(  # "said Kadri Tamm", "said its director, Andrés Palacios"
    r"\s*(?:(?:the|a|an|its|his|her|[a-z][\w-]*|[\w.&-]+['’]s|[A-Z]{2,6})\s+){0,4}"
    r"(?:(?<=\s)[a-z][\w’'-]*,\s+(?:[A-Z][a-z]+\.?\s+)?)?"
)
_PEOPLE = frozenset(("person", "head_of_state", "official", "media"))
_JUDGE = re.compile(r"\b(?:judge|justice|magistrate|arbitrator)s?$", re.I)  # not "Justice Minister"
_BE = frozenset("be been being was were is are am get got".split())
_PREPOSITIONS = frozenset("with to by from of in at for against on about over".split())


@dataclass
class _Hit:
    cluster: Cluster
    start: int
    end: int


# Between a person and the cue: an appositive set off by commas.
_APPOSED = re.compile(r"(?:,\s+[^,.;\"“”]{3,100}){1,2},\s*")  # "X, policy director at Y, a group,"


class PositionFinder:
    """Finds positions in sentences, given the actors' mention spans."""

    def __init__(self, text: str, clusters: list[Cluster], author: Cluster | None = None) -> None:
        self.text = text
        self.clusters = clusters
        self.author = author
        self.quotes = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
        self.hits: dict[int, list[_Hit]] = {}
        for c in clusters:
            for m in c.mentions:
                if not m.possessive:
                    self.hits.setdefault(m.sentence, []).append(_Hit(c, m.start, m.end))
        for hits in self.hits.values():
            hits.sort(key=lambda h: h.start)

    def find(self, sentences: list[Sentence]) -> list[tuple[Cluster, Position]]:
        """Positions in document order, each with the actor cluster that holds it."""
        out: list[tuple[Cluster, Position]] = []
        last: Cluster | None = None
        last_person: Cluster | None = None
        for s in sentences:
            seen: set[int] = set()
            quotes = self._quoted(s)
            for cue in _CUE.finditer(s.text):
                at = s.start + cue.start()
                if any(a <= at < b for a, b in quotes) or self._passive(s, cue):
                    continue
                holder = self._holder(s, cue, quotes, last, last_person)
                if holder is None or id(holder) in seen:
                    continue
                seen.add(id(holder))
                out.append((holder, self._position(holder, s, cue, quotes)))
            for h in self.hits.get(s.index, []):
                last = h.cluster
                if h.cluster.kind in _PEOPLE:
                    last_person = h.cluster
        return _limit(out)

    def _passive(self, s: Sentence, cue: re.Match[str]) -> bool:
        word = cue.group(1).casefold()
        if word in _SPEECH and word not in ("claimed", "announced", "declared", "confirmed"):
            return False
        before = s.text[: cue.start()].split()[-1:]
        after = s.text[cue.end() :].split()[:1]
        return bool(before and before[0].casefold() in _BE) or bool(
            word.endswith("ed") and after and after[0].casefold() in ("of", "by", "for")
        )

    def _quoted(self, s: Sentence) -> list[tuple[int, int]]:
        return [(a, b) for a, b in self.quotes if a < s.end and b > s.start]

    def _holder(self, s: Sentence, cue: re.Match[str], quotes: list[tuple[int, int]],
                last: Cluster | None, last_person: Cluster | None) -> Cluster | None:  # fmt: skip
        at, after = s.start + cue.start(), s.start + cue.end()
        hits = [h for h in self.hits.get(s.index, [])
                if not any(a <= h.start < b for a, b in quotes)]  # fmt: skip
        if cue.group(1).casefold() in FORWARD_CUES:
            pron = _AFTER_PRONOUN.match(self.text[after : after + 8])
            if pron:
                return last_person if pron.group(1).casefold() in _PERSONAL else last
            return next((h.cluster for h in hits if after <= h.start <= after + 40), None) or (
                self._nominal(self.text[after : after + 40], at, forward=True)
            )
        clause = self.text[s.start : at]
        bounds = [s.start + m.end() for m in _BOUNDARY.finditer(clause)]
        floor = bounds[-1] if bounds else s.start
        near = self.text[max(floor, at - 30) : at]
        inverted = _FR_INVERTED.search(near)
        if inverted:
            return self._person_before(hits, at) or last_person
        for h in reversed(hits):
            gap = self.text[h.end : at]
            if h.end <= at and h.start >= floor and re.fullmatch(r"\s*(?:\w+\s+){0,2}", gap):
                if "," not in gap:
                    return self._member(hits, h)
        for h in reversed(hits):
            if h.end > at or h.cluster.kind not in _PEOPLE:
                continue
            if _APPOSED.fullmatch(self.text, h.end, at):  # "Gráinne Hegarty, chief of X, said"
                return h.cluster
            if re.fullmatch(r",\s*", self.text[h.end : at]) and re.search(
                r",\s*$", self.text[s.start : h.start]
            ):  # "The opposition's spokeswoman, Senator Kate Lindqvist, said"
                return h.cluster
        if re.search(r"\b(?:he|she|they|it)\s+(?:\w+\s+)?$", near, re.I) or re.search(
            r"\bthe\s+\w+\s+$", near
        ):
            word = near.split()[-1].casefold()
            if word in ("he", "she"):
                return self._person_before(hits, at) or last_person
            nominal = self._nominal(near, at, forward=False)
            if nominal is not None:
                return nominal
        for h in hits:
            if floor <= h.start and h.end <= at and not self._after_prep(h.start, s.start):
                return h.cluster
        speech = cue.group(1).casefold() in _SPEECH
        named = [h for h in hits if speech and h.start >= after
                 and _INVERSION.fullmatch(self.text, after, h.start)]  # fmt: skip
        if named:  # "said CIP researcher Baltazar Fumo": the person, not the acronym
            return next((h for h in named if h.cluster.kind in _PEOPLE), named[0]).cluster
        pronoun = _PRONOUN.search(self.text[max(floor, at - 40) : at])
        if pronoun:
            person = pronoun.group(1).casefold() in _PERSONAL
            return (self._person_before(hits, at) or last_person) if person else last
        nominal = self._nominal(self.text[max(floor, at - 50) : at], at, forward=False)
        return nominal or self._nominal(self.text[after : after + 30], at, forward=True)

    def _member(self, hits: list[_Hit], h: _Hit) -> Cluster:
        """The person in "Nadia Perez of the Fishers' Network said", else the hit's actor."""
        i = hits.index(h)
        prev = hits[i - 1] if i else None
        if prev and prev.cluster.kind in _PEOPLE and re.fullmatch(
            r",?\s+of\s+(?:the\s+)?", self.text[prev.end : h.start]
        ):
            return prev.cluster
        return h.cluster

    def _person_before(self, hits: list[_Hit], at: int) -> Cluster | None:
        people = [h for h in hits if h.end <= at and h.cluster.kind in _PEOPLE]
        return people[-1].cluster if people else None

    def _after_prep(self, start: int, floor: int) -> bool:
        before = self.text[max(floor, start - 40) : start].casefold().split()
        while before and before[-1] in ("the", "a", "an", "its", "his", "her"):
            before.pop()
        if len(before) >= 2 and before[-1] == "for" and before[-2].startswith("spokes"):
            return False
        return bool(before) and before[-1] in _PREPOSITIONS

    def _nominal(self, window: str, at: int, *, forward: bool) -> Cluster | None:
        found = list(_NOMINAL.finditer(window))
        if not found:
            return None
        hit = found[0] if forward else found[-1]
        noun = hit.group(1).casefold()
        kinds = _NOMINAL_KIND.get(noun, ())
        adjective = re.search(r"(\w+)\s+\w+$", window[: hit.end()])
        code = demonym_alpha3(adjective.group(1)) if adjective else None
        before = [(max((m.start for m in c.mentions if m.start < at), default=-1), c)
                  for c in self.clusters]  # fmt: skip
        recent = [c for pos, c in sorted(before, key=lambda t: -t[0]) if pos >= 0]
        for test in (lambda c: noun in c.name.casefold(), lambda c: c.kind in kinds):
            for c in recent:
                if test(c) and (not code or c.country == code):
                    return c
        return None

    def _position(self, holder: Cluster, s: Sentence, cue: re.Match[str],
                  quotes: list[tuple[int, int]]) -> Position:  # fmt: skip
        stances = {_STANCE_OF[m.group(1).casefold()] for m in _STANCE.finditer(s.text)
                   if m.group(1).casefold() in _STANCE_OF}  # fmt: skip
        speech = cue.group(1).casefold() in _SPEECH
        stance = ("mixed" if len(stances) > 1 else stances.pop() if stances
                  else "support" if self._decided(holder)  # who decided stands by it
                  else "neutral" if speech else "unclear")  # fmt: skip
        return Position(
            holder=holder.name,
            on=self._on(s, cue, quotes).text,
            stance=stance,  # type: ignore[arg-type]
            summary=s.text,
            attributed=bool(quotes) or speech,
            evidence=[s.quote()],
        )

    def _decided(self, holder: Cluster) -> bool:
        """A court, a judge, or the body the event names first and its office holders: the
        author of the decision the article reports ("KFTC Chairwoman Shin", "the court")."""
        title = self.text[holder.title[0] : holder.title[1]] if holder.title else ""
        if holder.kind == "court" or _JUDGE.search(title) or holder is self.author:
            return True
        return self.author is not None and any(a in title for a in self.author.aliases)

    def _on(self, s: Sentence, cue: re.Match[str], quotes: list[tuple[int, int]]) -> Quote:
        start = s.start + cue.end()
        if quotes and quotes[0][1] <= s.start + cue.start():
            a, b = max(quotes[0][0] + 1, s.start), quotes[0][1] - 1
            words = list(re.finditer(r"\S+", self.text[a:b]))
            end = a + words[min(len(words), _ON_WORDS) - 1].end() if words else b
            return span(self.text, a, end)
        lead = _LEAD_IN.match(self.text[start : s.end])
        start += lead.end() if lead else 0
        m = re.search(r"[,;.?!]|$", self.text[start : s.end])
        end = start + (m.start() if m else 0)
        if end - start < 12 and quotes:
            start, end = quotes[0][0] + 1, quotes[0][1] - 1
        if end - start < 12:
            start, end = s.start, s.end
        words = list(re.finditer(r"\S+", self.text[start:end]))
        if len(words) > _ON_WORDS:
            end = start + words[_ON_WORDS - 1].end()
        q = span(self.text, start, end)
        tail = re.search(r"\s+(?:of|to|for|on|that|the|a|and|with|by|in)$", q.text)
        return span(self.text, start, end - len(tail.group())) if tail else q


def _limit(found: list[tuple[Cluster, Position]]) -> list[tuple[Cluster, Position]]:
    out: list[tuple[Cluster, Position]] = []
    count: dict[int, int] = {}
    for c, p in found:
        if count.get(id(c), 0) < PER_HOLDER and len(out) < MAX_POSITIONS * 3:
            count[id(c)] = count.get(id(c), 0) + 1
            out.append((c, p))
    return out
