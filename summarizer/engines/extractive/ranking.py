"""Which positions a brief keeps: at most PER_HOLDER a holder, sided statements first."""

from __future__ import annotations

from summarizer.brief.schema import Position
from summarizer.engines.extractive.actors import Cluster

MAX_POSITIONS = 15
PER_HOLDER = 3
_TAKES_NO_SIDE = {"neutral": 1, "unclear": 2}


def limit(found: list[tuple[Cluster, Position]]) -> list[tuple[Cluster, Position]]:
    """At most PER_HOLDER positions a holder, in document order: those whose words take a
    side before bare reports ("X said the meeting was on Monday"), and those before words
    whose side is unclear, when a holder has more."""
    rank: dict[int, list[int]] = {}
    for i, (c, _) in enumerate(found):
        rank.setdefault(id(c), []).append(i)
    keep: set[int] = set()
    for idx in rank.values():
        keep.update(sorted(idx, key=lambda i: (_TAKES_NO_SIDE.get(found[i][1].stance, 0), i))
                    [:PER_HOLDER])  # fmt: skip
    return [found[i] for i in sorted(keep)][: MAX_POSITIONS * 3]
