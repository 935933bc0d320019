"""Score the extractive engine against the project's gold sets (tests/gold/<split>/*.json).

A thin caller of the scorer behind `summarizer eval` (summarizer.evaluation; metrics and
matching rules in docs/gold-format.md). Splits are the gold folders: "tuned" (the articles
the heuristics were developed on); "held_out" (real pages in ../shared/articles, annotated
but since looked at); "blind" (tests/heldout/, annotated before any engine run); "blind2",
"blind3", ... (tests/blindN/, each scored once before it was looked at). The same figures
per folder: `summarizer eval tests/gold/blind13 --engine extractive`.

    python benchmarks/quality.py            # table per article and per split
    python benchmarks/quality.py --json     # machine-readable
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
sys.path.insert(0, str(ROOT))

from summarizer.engines.extractive.engine import ExtractiveEngine  # noqa: E402
from summarizer.evaluation import expand_gold, load_gold, metrics_of, pool, score_brief  # noqa: E402
from summarizer.ingest.load import load_article  # noqa: E402

# The folders scored here (others under tests/gold/, such as real-dev, have their own runs).
SPLIT = re.compile(r"tuned|held_out|blind\d*")


@dataclass
class Score:
    """One article's counts (so splits can be pooled)."""

    id: str
    split: str
    language: str
    counts: dict[str, int]


def run() -> list[Score]:
    """Score every gold article of the project's splits that can be read here."""
    engine = ExtractiveEngine()
    out = []
    for path in expand_gold([str(GOLD)]):
        if not SPLIT.fullmatch(path.parent.name):
            continue
        gold = load_gold(path)
        if not Path(gold.article_ref).exists():  # ../shared absent: skipped
            continue
        article = load_article(gold.article_ref)
        scored = score_brief(gold.gold, engine.summarize(article), article.text)
        out.append(Score(gold.id, path.parent.name, gold.language or "", scored.counts))
    return out


def figures(scores: list[Score]) -> dict[str, float | None]:
    """Pooled (micro-averaged) metrics over some articles; `key_actor_recall` and `grounded`
    are kept as the older names of `actor_recall` and `grounded_rate`."""
    if not scores:
        return {}
    out = metrics_of(pool(s.counts for s in scores))
    return {**out, "key_actor_recall": out["actor_recall"], "grounded": out["grounded_rate"]}


def groups(scores: list[Score]) -> dict[str, list[Score]]:
    """The splits reported: tuned; held out, blind, blind2, blind3, ... (in number order),
    each as English, other, all."""
    out = {"tuned": [s for s in scores if s.split == "tuned"]}
    numbered = sorted({s.split for s in scores if re.fullmatch(r"blind\d+", s.split)},
                      key=lambda split: int(split[5:]))  # fmt: skip
    for split in ("held_out", "blind", *numbered):
        out[f"{split}_en"] = [s for s in scores if s.split == split and s.language == "en"]
        out[f"{split}_other"] = [s for s in scores if s.split == split and s.language != "en"]
        out[f"{split}_all"] = [s for s in scores if s.split == split]
    return out


_COLUMNS = ("actor_recall", "actor_precision", "legal_recall", "legal_precision",
            "holder_recall", "kind_agreement", "stance_agreement", "grounded_rate")  # fmt: skip
_SHORT = ("keyR", "prec", "legalR", "legalP", "holdR", "kindA", "stanceA", "grounded")


def _cell(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def main() -> None:
    """Print the table (or JSON with --json)."""
    scores = run()
    result = {name: figures(g) for name, g in groups(scores).items() if g}
    if "--json" in sys.argv:
        rows = [{"id": s.id, "split": s.split, "language": s.language, **s.counts}
                for s in scores]  # fmt: skip
        print(json.dumps({"articles": rows, "overall": result}, indent=1))
        return
    print(f"{'article':28} {'split':9} {'lang':4} " + " ".join(f"{h:>8}" for h in _SHORT))
    for s in scores:
        m = metrics_of(s.counts)
        print(f"{s.id[:28]:28} {s.split:9} {s.language:4} "
              + " ".join(f"{_cell(m[c]):>8}" for c in _COLUMNS))  # fmt: skip
    print()
    print(f"{'overall':18} " + " ".join(f"{h:>8}" for h in _SHORT))
    for name, f in result.items():
        print(f"{name:18} " + " ".join(f"{_cell(f[c]):>8}" for c in _COLUMNS))


if __name__ == "__main__":
    main()
