"""Merging the briefs of a long article's chunks into one brief of the whole article.

- actors: one per real actor, de-duplicated by name and alias: the same name or an acronym
  ("ICJ" ~ "International Court of Justice") whatever the kind, a shorter form ("Ruiz" ~
  "Ana Ruiz") within compatible kinds; the fullest name is kept, and every position holder
  is renamed to it;
- positions: one per holder and issue, evidence pooled; support and oppose become mixed;
- legal items: one per instrument (and provision), missing fields filled from later chunks;
- the event and the bluf come from the lead (the first chunk), the outcome from the latest
  development (the last chunk that reports one);
- lists are capped a little above a single brief's limits, keeping what most chunks name.

Every quote was grounded in its chunk, so it is in the article; the engine grounds the
merged brief against the whole article text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from rapidfuzz import fuzz

from summarizer.brief.grounding import normalize, same_actor
from summarizer.brief.schema import DraftActor, DraftBrief, DraftLegal, DraftPosition

MAX_ACTORS, MAX_POSITIONS, MAX_LEGAL, MAX_QUESTIONS, MAX_QUOTES = 12, 9, 6, 5, 3
_PEOPLE = {"head_of_state", "official", "person"}
_SAME_ISSUE = 70.0  # rapidfuzz token_set_ratio above which two positions' issues are one
T = TypeVar("T")


def _group(kind: str) -> str:
    return "people" if kind in _PEOPLE else kind


def _acronym(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", name) if w[0].isupper())


def alias(a: str, b: str) -> bool:
    """Whether two names are written-out the same, or one is the other's acronym (ICJ)."""
    if normalize(a) == normalize(b):
        return True
    short, long = sorted((a.strip(), b.strip()), key=len)
    return short.isupper() and len(short) >= 2 and _acronym(long) == short


def same_name(a: str, b: str) -> bool:
    """Whether two names are one actor: an alias, or one's words inside the other's."""
    return alias(a, b) or same_actor(a, b)


def _same_actor(a: DraftActor, b: DraftActor) -> bool:
    """An alias whatever the kinds; a shorter form ("Ruiz") only within compatible kinds,
    so "United States Navy" does not swallow "United States"."""
    return alias(a.name, b.name) or (
        _group(a.kind) == _group(b.kind) and same_actor(a.name, b.name)
    )


def _quotes(*lists: list[str], limit: int = MAX_QUOTES) -> list[str]:
    """The texts of several lists without repeats (compared normalised), at most `limit`."""
    out: list[str] = []
    for quote in (q for lst in lists for q in lst):
        if normalize(quote) not in (normalize(q) for q in out):
            out.append(quote)
    return out[:limit]


def _rank(items: list[tuple[T, set[int], int]], limit: int) -> list[T]:
    """Keep the `limit` items named by most chunks (then the earliest), in article order."""
    kept = sorted(items, key=lambda x: (-len(x[1]), x[2]))[:limit]
    return [item for item, _, _ in sorted(kept, key=lambda x: x[2])]


def _cluster(items: Sequence[tuple[int, T]], same: Callable[[T, T], bool],
             combine: Callable[[T, T], T]) -> list[tuple[T, set[int], int]]:  # fmt: skip
    """Fold items (chunk number, item) into clusters: (merged item, chunks, first position)."""
    clusters: list[tuple[T, set[int], int]] = []
    for order, (chunk, item) in enumerate(items):
        for n, (merged, chunks, first) in enumerate(clusters):
            if same(merged, item):
                clusters[n] = (combine(merged, item), chunks | {chunk}, first)
                break
        else:
            clusters.append((item, {chunk}, order))
    return clusters


def _actor(a: DraftActor, b: DraftActor) -> DraftActor:
    name = max((a.name, b.name), key=lambda n: (len(n.split()), len(n)))
    return DraftActor(name=name, kind=a.kind, country=a.country or b.country,
                      role=a.role or b.role, evidence=_quotes(a.evidence, b.evidence))  # fmt: skip


def _stance(a: str, b: str) -> Any:
    if a == b or b == "unclear":
        return a
    if a == "unclear":
        return b
    return "mixed"


def _position(a: DraftPosition, b: DraftPosition) -> DraftPosition:
    return a.model_copy(update={"stance": _stance(a.stance, b.stance),
                                "attributed": a.attributed or b.attributed,
                                "evidence": _quotes(a.evidence, b.evidence)})  # fmt: skip


def _same_position(a: DraftPosition, b: DraftPosition) -> bool:
    return a.holder == b.holder and fuzz.token_set_ratio(a.on, b.on) >= _SAME_ISSUE


def _legal(a: DraftLegal, b: DraftLegal) -> DraftLegal:
    fill = {k: getattr(b, k) for k in ("provision", "body", "obligation") if not getattr(a, k)}
    return a.model_copy(update={**fill, "evidence": _quotes(a.evidence, b.evidence)})


def _same_legal(a: DraftLegal, b: DraftLegal) -> bool:
    provisions = {normalize(p) for p in (a.provision, b.provision) if p}
    return same_name(a.instrument, b.instrument) and len(provisions) <= 1


def merge(drafts: Sequence[DraftBrief]) -> DraftBrief:
    """One brief from the chunk briefs, in article order (the first is the lead)."""
    if len(drafts) == 1:
        return drafts[0]
    actors = _cluster(
        [(n, a) for n, d in enumerate(drafts) for a in d.actors],
        _same_actor, _actor,
    )  # fmt: skip
    kept_actors = _rank(actors, MAX_ACTORS)
    names = [a.name for a in kept_actors]

    def holder(name: str) -> str | None:
        return next((n for n in names if same_name(n, name)), None)

    positions = _cluster(
        [(n, p.model_copy(update={"holder": h})) for n, d in enumerate(drafts)
         for p in d.positions if (h := holder(p.holder))],
        _same_position, _position,
    )  # fmt: skip
    legal = _cluster([(n, lc) for n, d in enumerate(drafts) for lc in d.legal_context],
                     _same_legal, _legal)  # fmt: skip
    lead = drafts[0]
    latest = next((d for d in reversed(drafts) if d.outcome.status != "unknown"), lead)
    questions = _quotes(*(d.open_questions for d in drafts), limit=MAX_QUESTIONS)
    return DraftBrief(
        bluf=lead.bluf, event=lead.event, actors=kept_actors,
        positions=_rank(positions, MAX_POSITIONS), legal_context=_rank(legal, MAX_LEGAL),
        outcome=latest.outcome, open_questions=questions,
    )  # fmt: skip
