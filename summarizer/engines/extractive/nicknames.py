"""Short given names ("Jim", "Liz") that stand for a person the text names in full."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from summarizer.engines.extractive.lexicon import words
from summarizer.engines.extractive.titles import PERSON_KINDS

_FULL: dict[str, frozenset[str]] = {
    (parts := line.split())[0]: frozenset(parts[1:]) for line in words("nicknames")
}


class Named(Protocol):
    """What the merge reads of an actor cluster (actors.Cluster)."""

    name: str
    kind: str
    mentions: list


_C = TypeVar("_C", bound=Named)


def merge_nicknames(clusters: Sequence[_C], absorb: Callable[[_C, _C], None]) -> None:
    """A lone short given name into the one person whose first name it shortens ("Jim's
    analysis" into "James Hansen"); left alone when no person or several fit."""
    people = [c for c in clusters if c.mentions and c.kind in PERSON_KINDS and " " in c.name]
    for c in clusters:
        full = _FULL.get(c.name.casefold()) if c.mentions and " " not in c.name else None
        if not full or c.kind not in ("single", "person"):
            continue
        found = [p for p in people if p.name.split()[0].casefold() in full]
        if len(found) == 1:
            absorb(found[0], c)
