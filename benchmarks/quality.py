"""Score the extractive engine against the gold annotations in tests/gold/.

Prints, per article and overall for each split ("tuned": the articles the heuristics were
developed on; "held_out": real pages in ../shared/articles, annotated but since looked at;
"blind": the team's articles in tests/heldout/, written and annotated before any engine run
on them; "blind2", "blind3", ...: further such sets in tests/blind2/, tests/blind3/, ..., each
scored once before it was looked at, read through the same `load` path),
key-actor recall and precision, legal-instrument recall and precision, position-holder recall,
kind and stance agreement, and the grounded-quote rate.

    python benchmarks/quality.py            # table
    python benchmarks/quality.py --json     # machine-readable

Metrics:
    key-actor recall     gold key actors named (by any alias) by some brief actor
    precision            brief actors that are a gold key actor or a listed acceptable actor
    legal recall         gold instruments whose alias appears inside some brief instrument
    legal precision      brief instruments that contain some gold alias (a lower bound: the gold
                         lists the instruments an analyst would name, not every acceptable one)
    holder recall        gold position holders that hold some position in the brief
    kind agreement       found key actors whose brief kind is the gold kind ("company" counts
                         as "business", "international_org" as "igo", "ngo" as "civil_society")
    stance agreement     found gold holders with a brief position of the gold stance
    grounded             quotes whose text is exactly article.text[start:end]
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
SHARED = ROOT.parent / "shared" / "articles"
sys.path.insert(0, str(ROOT))

from summarizer.article import Article  # noqa: E402
from summarizer.brief.grounding import all_quotes, normalize  # noqa: E402
from summarizer.brief.schema import Brief  # noqa: E402
from summarizer.engines.extractive.engine import ExtractiveEngine  # noqa: E402


@dataclass
class Score:
    """One article's figures (counts, so splits can be pooled)."""

    id: str
    split: str
    language: str
    key_found: int
    key_total: int
    actors_ok: int
    actors_total: int
    legal_found: int
    legal_total: int
    legal_ok: int
    legal_items: int
    holders_found: int
    holders_total: int
    kinds_ok: int
    kinds_total: int
    stances_ok: int
    stances_total: int
    quotes_ok: int
    quotes_total: int


def _norm(name: str) -> str:
    return normalize(name).strip(" .")


def load(gold: dict[str, Any]) -> Article | None:
    """The gold entry's article (None when the shared folder is absent)."""
    from summarizer.ingest.load import load_article

    path = ROOT / gold["example"] if "example" in gold else SHARED / gold["shared"]
    return load_article(str(path)) if path.exists() else None


_SAME_KIND = {"company": "business", "international_org": "igo", "ngo": "civil_society"}


def _kind(kind: str) -> str:
    return _SAME_KIND.get(kind, kind)


def score(gold: dict[str, Any], article: Article, brief: Brief) -> Score:
    """Compare one brief with its gold annotation."""
    names = {_norm(a.name) for a in brief.actors}
    kinds = {_norm(a.name): _kind(a.kind) for a in brief.actors}
    key_sets = [{_norm(x) for x in k["aliases"]} for k in gold["key_actors"]]
    ok = set().union(*key_sets, {_norm(x) for x in gold["other_actors"]})
    instruments = [_norm(item.instrument) for item in brief.legal_context]
    legal = [{_norm(x) for x in item["aliases"]} for item in gold["legal_instruments"]]
    holders = {_norm(p.holder) for p in brief.positions}
    aliases = {_norm(k["name"]): s for k, s in zip(gold["key_actors"], key_sets, strict=True)}
    gold_holders = [aliases.get(_norm(p["holder"]), {_norm(p["holder"])})
                    for p in gold["positions"]]  # fmt: skip
    found_kinds = [(next(kinds[n] for n in sorted(s) if n in kinds), _kind(k["kind"]))
                   for k, s in zip(gold["key_actors"], key_sets, strict=True) if s & names]
    stances = [({p.stance for p in brief.positions if _norm(p.holder) in s}, g["stance"])
               for s, g in zip(gold_holders, gold["positions"], strict=True)]
    stances = [(mine, want) for mine, want in stances if mine]
    quotes = all_quotes(brief)
    text = article.text
    return Score(
        id=gold["id"], split=gold["split"], language=gold["language"],
        key_found=sum(bool(s & names) for s in key_sets), key_total=len(key_sets),
        actors_ok=sum(n in ok for n in names), actors_total=len(names),
        legal_found=sum(any(a in i for a in s for i in instruments) for s in legal),
        legal_total=len(legal),
        legal_ok=sum(any(a in i for s in legal for a in s) for i in instruments),
        legal_items=len(instruments),
        holders_found=sum(bool(s & holders) for s in gold_holders),
        holders_total=len(gold_holders),
        kinds_ok=sum(mine == want for mine, want in found_kinds), kinds_total=len(found_kinds),
        stances_ok=sum(want in mine for mine, want in stances), stances_total=len(stances),
        quotes_ok=sum(q.start is not None and q.end is not None and
                      text[q.start : q.end] == q.text for q in quotes),
        quotes_total=len(quotes),
    )  # fmt: skip


def _ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else 1.0


def figures(scores: list[Score]) -> dict[str, float]:
    """Pooled (micro-averaged) figures over some articles."""
    total = {k: sum(getattr(s, k) for s in scores) for k in asdict(scores[0]) if
             isinstance(getattr(scores[0], k), int)} if scores else {}  # fmt: skip
    if not total:
        return {}
    return {
        "key_actor_recall": _ratio(total["key_found"], total["key_total"]),
        "actor_precision": _ratio(total["actors_ok"], total["actors_total"]),
        "legal_recall": _ratio(total["legal_found"], total["legal_total"]),
        "legal_precision": _ratio(total["legal_ok"], total["legal_items"]),
        "holder_recall": _ratio(total["holders_found"], total["holders_total"]),
        "kind_agreement": _ratio(total["kinds_ok"], total["kinds_total"]),
        "stance_agreement": _ratio(total["stances_ok"], total["stances_total"]),
        "grounded": _ratio(total["quotes_ok"], total["quotes_total"]),
    }


def run() -> list[Score]:
    """Score every gold article that can be read here."""
    engine = ExtractiveEngine()
    out = []
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        article = load(gold)
        if article is not None:
            out.append(score(gold, article, engine.summarize(article)))
    return out


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


def main() -> None:
    """Print the table (or JSON with --json)."""
    scores = run()
    result = {name: figures(g) for name, g in groups(scores).items() if g}
    if "--json" in sys.argv:
        print(json.dumps({"articles": [asdict(s) for s in scores], "overall": result}, indent=1))
        return
    head = f"{'article':28} {'split':9} {'lang':4} {'keyR':>9} {'prec':>9} {'legalR':>7}"
    print(head + f" {'legalP':>7} {'holdR':>7} {'kindA':>7} {'stanceA':>7} {'grounded':>9}")
    for s in scores:
        print(
            f"{s.id:28} {s.split:9} {s.language:4} {s.key_found:>4}/{s.key_total:<4}"
            f" {s.actors_ok:>4}/{s.actors_total:<4} {s.legal_found:>3}/{s.legal_total:<3}"
            f" {s.legal_ok:>3}/{s.legal_items:<3} {s.holders_found:>3}/{s.holders_total:<3}"
            f" {s.kinds_ok:>3}/{s.kinds_total:<3} {s.stances_ok:>3}/{s.stances_total:<3}"
            f" {s.quotes_ok:>4}/{s.quotes_total:<4}"
        )
    print()
    print(f"{'overall':18} {'keyR':>6} {'prec':>6} {'legalR':>7} {'legalP':>7} {'holdR':>6}"
          f" {'kindA':>6} {'stanceA':>7} {'grounded':>9}")
    for name, f in result.items():
        print(
            f"{name:18} {f['key_actor_recall']:>6} {f['actor_precision']:>6} "
            f"{f['legal_recall']:>7} {f['legal_precision']:>7} {f['holder_recall']:>6}"
            f" {f['kind_agreement']:>6} {f['stance_agreement']:>7} {f['grounded']:>9}"
        )

if __name__ == "__main__":
    main()
