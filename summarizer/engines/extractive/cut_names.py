"""Names that are no actors on the evidence: a piece of a longer name, or a passing mention.

An actor is the whole name, never a piece of it: a run of capitalised words that "for" ties
to a capitalised word before it ("Just Economy" in "the Centre for a Just Economy"), or that
"to" ties to one after it ("Care of Birds" in "the Society for the Care of Birds to Young
Owners"), is a piece of a longer name: alone it names no one. ("of" is not read so: "Ana
Ruiz of the Daily Courier" names two actors.)

A name mentioned once, deep in the article (from sentence LATE on), where it neither acts, nor
holds a position, nor has a title, nor owns anything, in a sentence that reports no one's
words, is named in passing ("a plan once studied at the Orvane Institute"): no key player,
and too often not a player at all. A court is kept: a
legal story's court matters even when named once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from summarizer.engines.extractive.lexicon import SPEECH_CUES
from summarizer.engines.extractive.names import Mention

LATE = 25  # the first sentence (0-based) a passing mention is read from
_SPEECH = re.compile(r"\b(?:" + "|".join(map(re.escape, SPEECH_CUES)) + r")\b")
_CLAUSE_END = re.compile(r"[.!?\n]")
_CUT_BEFORE = re.compile(r"[A-Z][\w’'-]+\s+for\s+(?:(?:the|a|an)\s+)?$")
_CUT_AFTER = re.compile(r"\s+to\s+(?:the\s+)?[A-Z]")


def cut(mentions: Sequence[Mention], text: str) -> bool:
    """Whether every mention of a name of two or more words is a piece of a longer name (a
    person's name before "to" is not: "restored Ana Ruiz to the Supreme Court")."""
    return all(
        " " in m.name and (_CUT_BEFORE.search(text, max(0, m.start - 40), m.start) is not None
                           or (m.kind != "person" and _CUT_AFTER.match(text, m.end) is not None))
        for m in mentions
    )


class Cluster(Protocol):
    """What `passing` reads of an actor cluster (actors.Cluster)."""

    kind: str
    mentions: list[Mention]
    agent: int
    holder: bool
    headline: int
    title: tuple[int, int] | None


def passing(c: Cluster, text: str) -> bool:
    """Whether an actor is only named in passing: once, late, doing and owning nothing, in a
    sentence that reports no one's words (not "Ana Ruiz, an organiser with Tenants Now, said")."""
    if len(c.mentions) != 1 or c.kind == "court":
        return False
    m = c.mentions[0]
    if m.sentence < LATE or c.agent or c.holder or c.title or c.headline or m.possessive:
        return False
    start = max((e.end() for e in _CLAUSE_END.finditer(text, max(0, m.start - 300), m.start)),
                default=max(0, m.start - 300))
    end = _CLAUSE_END.search(text, m.end, m.end + 300)
    return _SPEECH.search(text, start, end.start() if end else m.end + 300) is None
