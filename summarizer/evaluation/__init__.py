"""Evaluation: briefs scored against gold annotations (`summarizer eval`, quality gates).

The scorer API other code (benchmarks, tests) calls:

    from summarizer.evaluation import load_gold, score_brief, totals
    gold = load_gold("tests/gold/blind13/x.json")          # GoldFile: .gold, .article_ref
    scored = score_brief(gold.gold, brief, article.text)   # Scored: .counts, .metrics
    totals([scored, ...])                                  # pooled metrics
"""

from summarizer.evaluation.gold import (
    FORMAT,
    Gold,
    GoldError,
    GoldFile,
    expand_gold,
    load_gold,
    parse_gold,
)
from summarizer.evaluation.scoring import METRICS, Scored, metrics_of, pool, score_brief, totals

__all__ = [
    "FORMAT", "METRICS", "Gold", "GoldError", "GoldFile", "Scored", "expand_gold",
    "load_gold", "metrics_of", "parse_gold", "pool", "score_brief", "totals",
]  # fmt: skip
