"""Positions in German, French and Spanish: the English finder plus these languages' rules.

Before the finder's own rules, the speaker named after the verb of an inserted clause ("...,
sagt Ole Brenn") or the person whose role names the organisation before the cue ("Ana Ruiz,
fondatrice de Vela affirme"); see inverted_speech.py. A stance the finder leaves `unclear`
is read again from the words after the holder of "Laut X ..." (no comma sets them off) and
from a denial ("er habe nichts davon gewusst"): these languages have no sentiment lexicon.
"""

from __future__ import annotations

from summarizer.brief.schema import Position
from summarizer.engines.extractive.actors import Cluster
from summarizer.engines.extractive.inverted_speech import (
    NOBODY,
    apposed_speaker,
    denial,
    inserted,
    rest_after,
    speaker_after,
    speaker_named_after,
    v2_pronoun,
)
from summarizer.engines.extractive.lexicon import FORWARD_CUES
from summarizer.engines.extractive.phrases import Found
from summarizer.engines.extractive.positions import PositionFinder
from summarizer.engines.extractive.ranking import limit
from summarizer.engines.extractive.segment import Sentence
from summarizer.engines.extractive.separable import particle, particle_stance
from summarizer.engines.extractive.stance import stance_of
from summarizer.engines.extractive.titles import PERSON_KINDS

_ON_WORDS = 14  # what a labelled answer is about: its first words


class ForeignPositionFinder(PositionFinder):
    """PositionFinder for a language other than English (`language`: its code)."""

    def __init__(self, text: str, clusters: list[Cluster], author: Cluster | None = None,
                 language: str | None = None) -> None:  # fmt: skip
        super().__init__(text, clusters, author, language)
        self.code = language or "de"
        self.titled: tuple[Cluster, int] | None = None  # the last titled holder ("-Manager X")

    def find(self, sentences: list[Sentence]) -> list[tuple[Cluster, Position]]:
        """The finder's positions, and the words a person's name and a colon open ("Ilka
        Dorn: Der Plan ist falsch", an interview answer or a headline): in document order."""
        found = super().find(sentences)
        seen = {p.evidence[0].start for _c, p in found if p.evidence}
        for s in sentences:
            first = min(self.hits.get(s.index, []), key=lambda h: h.start, default=None)
            if first is None or first.start != s.start or s.start in seen \
                    or first.cluster.kind not in PERSON_KINDS \
                    or not self.text.startswith(": ", first.end):  # fmt: skip
                continue
            words = self.text[first.end + 2 : s.end]
            stance = stance_of("", words, False) or denial(words, self.code) or "unclear"
            found.append((first.cluster, Position(
                holder=first.cluster.name, on=" ".join(words.split()[:_ON_WORDS]),
                stance=stance, summary=s.text, attributed=True,  # type: ignore[arg-type]
                evidence=[s.quote()])))  # fmt: skip
        found.sort(key=lambda cp: cp[1].evidence[0].start or 0 if cp[1].evidence else 0)
        return limit(found)

    def _holder(self, s: Sentence, cue: Found, quotes: list[tuple[int, int]],
                last: Cluster | None, last_person: Cluster | None) -> Cluster | None:  # fmt: skip
        at, after = s.start + cue.start(), s.start + cue.end()
        if self.code == "de" and particle(self.text, after, cue.group(1)) == "":
            return None  # "teilte das Geld": no "mit" closes the clause, no report
        hits = [(h.start, h.end, h.cluster, h.cluster.kind in PERSON_KINDS)
                for h in self.hits.get(s.index, [])
                if not any(a <= h.start < b for a, b in quotes)]  # fmt: skip
        if cue.group(1).casefold() in FORWARD_CUES:
            named = speaker_named_after(self.text, after, self.code,
                                        [(a, b, c) for a, b, c, _ in hits])  # fmt: skip
            if named is not None:
                return named
        else:
            v2 = v2_pronoun(self.text[s.start : at], self.text[after : after + 6])
            if v2 is not None and self.code == "de":
                return last_person if v2 == "person" else last
            if self.titled is not None and s.index - self.titled[1] <= 1:
                last_person = self.titled[0]  # "..., sagt Kaldo-Manager Brenn. ..., warnt er"
            found = speaker_after(self.text, self.text[s.start : at], after, self.code,
                                  [(a, b, c) for a, b, c, _ in hits], last_person)  # fmt: skip
            found = found or apposed_speaker(self.text, at, hits)
            if found is not None:
                return None if found is NOBODY else found  # type: ignore[return-value]
        found = super()._holder(s, cue, quotes, last, last_person)
        if found is not None and self.code != "de" and cue.group(1).casefold() not in FORWARD_CUES:
            mine = [a for a, _b, c, _ in hits if c is found]
            if mine and min(mine) > at and not inserted(self.text[s.start : at]):
                return None  # "le juge a condamné Paul Leroux": Paul Leroux is the object
        return found

    def _position(self, holder: Cluster, s: Sentence, cue: Found,
                  quotes: list[tuple[int, int]]) -> Position:  # fmt: skip
        found = super()._position(holder, s, cue, quotes)
        closing = particle_stance(particle(self.text, s.start + cue.end(), cue.group(1)))
        if closing is not None and self.code == "de" and found.stance == "unclear":
            return found.model_copy(update={"stance": closing})  # "wies die Vorwürfe zurück"
        if holder.title is not None and holder.kind not in PERSON_KINDS:
            self.titled = (holder, s.index)  # a person with a business title: still a "he"
        if found.stance != "unclear":
            return found
        _spans, words = self._words(holder, s, cue, quotes)
        if not words.strip():  # "Laut Ole Brenn könnten ..."
            words = rest_after(self.text, s.start + cue.end(), s.end,
                               [m.end for m in holder.mentions if m.sentence == s.index])
        stance = stance_of(cue.group(1), words, False) or denial(words, self.code)
        return found.model_copy(update={"stance": stance}) if stance else found


def position_finder(text: str, clusters: list[Cluster], author: Cluster | None,
                    language: str | None) -> PositionFinder:  # fmt: skip
    """The finder for an article's language (None or "en": English)."""
    if language in (None, "en"):
        return PositionFinder(text, clusters, author, language)
    return ForeignPositionFinder(text, clusters, author, language)
