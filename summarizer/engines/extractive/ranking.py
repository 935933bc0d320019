"""Which positions a brief keeps, and in which order: at most PER_HOLDER a holder, sided
statements first."""

from __future__ import annotations

from summarizer.brief.schema import Position
from summarizer.engines.extractive.actors import Cluster

MAX_POSITIONS = 15
PER_HOLDER = 3
_TAKES_NO_SIDE = {"neutral": 1, "unclear": 2}


def _rank(p: Position) -> int:
    return _TAKES_NO_SIDE.get(p.stance, 0)


def limit(found: list[tuple[Cluster, Position]]) -> list[tuple[Cluster, Position]]:
    """At most PER_HOLDER positions a holder: those whose words take a side before bare
    reports ("X said the meeting was on Monday"), and those before words whose side is
    unclear, when a holder has more. A holder's positions keep the places its statements
    take in the article, but the one that takes a side comes first among them: a holder's
    first position says where it stands."""
    rank: dict[int, list[int]] = {}
    for i, (c, _) in enumerate(found):
        rank.setdefault(id(c), []).append(i)
    order: dict[int, int] = {}  # place in the article -> the statement shown there
    for idx in rank.values():
        kept = sorted(idx, key=lambda i: (_rank(found[i][1]), i))[:PER_HOLDER]
        for place, i in zip(sorted(kept), kept, strict=True):
            order[place] = i
    return [found[order[p]] for p in sorted(order)][: MAX_POSITIONS * 3]
