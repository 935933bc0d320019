"""Score briefs against gold annotations: per-article counts, pooled (micro-averaged) totals.

Each metric is a ratio of two counts. Totals add the counts over every scored article and
divide once (a micro average: an article with 12 key actors weighs more than one with 2).
A metric with nothing to count (no gold instruments, say) is None, shown as "n/a".
See docs/gold-format.md for what each metric counts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from summarizer.brief.grounding import iter_evidence, normalize
from summarizer.brief.schema import Brief, Quote
from summarizer.evaluation.gold import Gold, GoldActor
from summarizer.evaluation.match import (
    PERSON_KINDS,
    actor_matches,
    assign,
    instrument_matches,
    norm,
)

# metric -> (numerator count, denominator count)
METRICS: dict[str, tuple[str, str]] = {
    "actor_recall": ("key_found", "key_total"),
    "actor_precision": ("actors_ok", "actors_total"),
    "legal_recall": ("legal_found", "legal_total"),
    "legal_precision": ("legal_ok", "legal_items"),
    "holder_recall": ("holders_found", "holders_total"),
    "stance_agreement": ("stances_ok", "stances_total"),
    "stance_first": ("stances_first_ok", "stances_total"),
    "kind_agreement": ("kinds_ok", "kinds_total"),
    "event_type_accuracy": ("event_ok", "event_total"),
    "outcome_accuracy": ("outcome_ok", "outcome_total"),
    "grounded_rate": ("quotes_ok", "quotes_total"),
}
COUNTS = tuple(c for pair in METRICS.values() for c in pair)
# Kinds that annotators and engines use for the same actors.
_SAME_KIND = {"civil_society": "ngo"}
_EDGE = " \t\n\"'.,;:!?()[]"


def ratio(found: int, total: int) -> float | None:
    """found / total rounded to 4 places; None when there is nothing to count."""
    return round(found / total, 4) if total else None


def metrics_of(counts: dict[str, int]) -> dict[str, float | None]:
    """Every metric from a set of counts."""
    return {name: ratio(counts.get(a, 0), counts.get(b, 0)) for name, (a, b) in METRICS.items()}


@dataclass
class Scored:
    """One brief against its gold: the counts, and what was missed (for people)."""

    counts: dict[str, int]
    missed_actors: list[str] = field(default_factory=list)
    extra_actors: list[str] = field(default_factory=list)
    missed_instruments: list[str] = field(default_factory=list)
    missed_holders: list[str] = field(default_factory=list)

    @property
    def metrics(self) -> dict[str, float | None]:
        """This article's metrics."""
        return metrics_of(self.counts)


def _names(actor: GoldActor) -> list[str]:
    return [actor.name, *actor.aliases]


def _kind(kind: str) -> str:
    return _SAME_KIND.get(kind, kind)


def grounded(quote: Quote, text: str) -> bool:
    """The quote's recorded span holds its words (normalised; fuzzy or missing: no)."""
    if quote.start is None or quote.end is None or not 0 <= quote.start < quote.end <= len(text):
        return False
    span = normalize(text[quote.start : quote.end]).strip(_EDGE)
    return span == normalize(quote.text).strip(_EDGE)


def _holders(gold: Gold) -> list[tuple[list[str], bool]]:
    """Each gold position's holder as names to match (a key actor's aliases when it is one)."""
    out = []
    for pos in gold.positions:
        actor = next((a for a in gold.key_actors if norm(pos.holder) in
                      {norm(n) for n in _names(a)}), None)  # fmt: skip
        out.append((_names(actor), actor.kind in PERSON_KINDS) if actor else ([pos.holder], False))
    return out


def _score_actors(gold: Gold, brief: Brief, counts: Counter[str], out: Scored) -> None:
    key = gold.key_actors
    names = [a.name for a in brief.actors]
    owner = assign(names, [_names(k) for k in key],
                   lambda n, g: actor_matches(n, _names(key[g]), key[g].kind in PERSON_KINDS))
    counts["key_found"] = len(owner)
    for g, b in owner.items():
        counts["kinds_total"] += 1
        counts["kinds_ok"] += _kind(brief.actors[b].kind) == _kind(key[g].kind)
    out.missed_actors = [k.name for g, k in enumerate(key) if g not in owner]
    for actor in brief.actors:
        ok = any(actor_matches(actor.name, _names(k), k.kind in PERSON_KINDS) for k in key)
        ok = ok or actor_matches(actor.name, gold.other_actors, False)
        counts["actors_ok"] += ok
        if not ok:
            out.extra_actors.append(actor.name)
    counts["actors_total"] = len(brief.actors)


def _score_legal(gold: Gold, brief: Brief, counts: Counter[str], out: Scored) -> None:
    items = [lc.instrument for lc in brief.legal_context]
    wanted = [[i.name, *i.aliases] for i in gold.legal_instruments]
    owner = assign(items, wanted, lambda item, g: instrument_matches(item, wanted[g]))
    counts["legal_found"] = len(owner)
    counts["legal_ok"] = sum(any(instrument_matches(i, w) for w in wanted) for i in items)
    counts["legal_items"] = len(items)
    out.missed_instruments = [i.name for g, i in enumerate(gold.legal_instruments)
                              if g not in owner]  # fmt: skip


def _score_positions(gold: Gold, brief: Brief, counts: Counter[str], out: Scored) -> None:
    holders = _holders(gold)
    mine = list(dict.fromkeys(p.holder for p in brief.positions))
    owner = assign(mine, [h for h, _ in holders],
                   lambda n, g: actor_matches(n, holders[g][0], holders[g][1]))  # fmt: skip
    counts["holders_found"] = len(owner)
    for g, pos in enumerate(gold.positions):
        if g not in owner:
            out.missed_holders.append(pos.holder)
            continue
        stances = [p.stance for p in brief.positions if p.holder == mine[owner[g]]]
        counts["stances_total"] += 1
        counts["stances_ok"] += pos.stance in stances
        counts["stances_first_ok"] += stances[0] == pos.stance


def score_brief(gold: Gold, brief: Brief | None, text: str | None = None) -> Scored:
    """Compare one brief with its gold annotation.

    Args:
        gold: The article's annotation.
        brief: The brief; None when no brief was made (everything gold counts as missed).
        text: The article text the quotes' spans point into (grounded_rate); None skips it.
    """
    counts: Counter[str] = Counter({c: 0 for c in COUNTS})
    counts["key_total"] = len(gold.key_actors)
    counts["legal_total"] = len(gold.legal_instruments)
    counts["holders_total"] = len(gold.positions)
    counts["event_total"] = int(gold.event_type is not None)
    counts["outcome_total"] = int(gold.outcome_status is not None)
    out = Scored(counts={})
    if brief is None:
        out.missed_actors = [k.name for k in gold.key_actors]
        out.missed_instruments = [i.name for i in gold.legal_instruments]
        out.missed_holders = [p.holder for p in gold.positions]
        out.counts = dict(counts)
        return out
    _score_actors(gold, brief, counts, out)
    _score_legal(gold, brief, counts, out)
    _score_positions(gold, brief, counts, out)
    counts["event_ok"] = int(gold.event_type is not None
                             and brief.event.event_type == gold.event_type)  # fmt: skip
    counts["outcome_ok"] = int(gold.outcome_status is not None
                               and brief.outcome.status == gold.outcome_status)  # fmt: skip
    if text is not None:
        quotes = [q for _, q in iter_evidence(brief)]
        counts["quotes_total"] = len(quotes)
        counts["quotes_ok"] = sum(grounded(q, text) for q in quotes)
    out.counts = dict(counts)
    return out


def pool(counts: Iterable[dict[str, int]]) -> dict[str, int]:
    """Counts added up over articles."""
    total: Counter[str] = Counter({c: 0 for c in COUNTS})
    for c in counts:
        total.update(c)
    return dict(total)


def totals(scored: Sequence[Scored]) -> dict[str, float | None]:
    """Pooled (micro-averaged) metrics over articles."""
    return metrics_of(pool(s.counts for s in scored))


def usage_of(brief: Brief) -> dict[str, Any] | None:
    """Tokens, cost and latency of an LLM brief (None for an extractive one)."""
    p = brief.provenance
    if p.engine != "llm":
        return None
    return {
        "model": p.model, "prompt_tokens": p.usage.prompt_tokens,
        "completion_tokens": p.usage.completion_tokens, "total_tokens": p.usage.total_tokens,
        "cost_usd": p.cost_usd, "latency_s": round(p.latency_s, 3), "cached": p.cached,
    }  # fmt: skip
