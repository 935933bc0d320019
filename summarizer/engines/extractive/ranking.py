"""Which positions a brief keeps, and in which order: at most PER_HOLDER a holder, sided
statements first."""

from __future__ import annotations

from collections.abc import Collection

from summarizer.brief.schema import Position
from summarizer.engines.extractive.actors import Cluster

MAX_POSITIONS = 15
PER_HOLDER = 3
_TAKES_NO_SIDE = {"neutral": 1, "unclear": 2}


def limit(found: list[tuple[Cluster, Position]],
          worded: Collection[int] = ()) -> list[tuple[Cluster, Position]]:  # fmt: skip
    """At most PER_HOLDER positions a holder: those whose words take a side before bare
    reports ("X said the meeting was on Monday"), and those before words whose side is
    unclear, when a holder has more. A holder's positions keep the places its statements
    take in the article, but the one that takes a side comes first among them, and first of
    all one that takes it in so many words (`worded`: the ids of positions whose side a cue
    verb, a stance word, a commitment or a call for action gives, not sentiment alone): a
    holder's first position says where it stands."""
    rank: dict[int, list[int]] = {}
    for i, (c, _) in enumerate(found):
        rank.setdefault(id(c), []).append(i)
    order: dict[int, int] = {}  # place in the article -> the statement shown there
    for idx in rank.values():
        kept = sorted(idx, key=lambda i: (_TAKES_NO_SIDE.get(found[i][1].stance, 0),
                                          id(found[i][1]) not in worded, i))[:PER_HOLDER]
        for place, i in zip(sorted(kept), kept, strict=True):
            order[place] = i
    return [found[order[p]] for p in sorted(order)][: MAX_POSITIONS * 3]
