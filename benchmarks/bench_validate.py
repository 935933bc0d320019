"""Benchmark: `summarizer validate` on 1,000 briefs, against a plain parse of the same files.

Run standalone: `python benchmarks/bench_validate.py [--count N] [--repeat R]`.

It writes N briefs (all grounded in the team-written article `tests/fixtures/briefs/`
`harbour-court.txt`, which their provenance points at, so quotes and spans are checked too)
to a temporary folder, then times, in the same run and on the same files:

- baseline: `json.loads` + `Brief.model_validate` of each file;
- validate: `summarizer.briefing.validate.validate_paths` (schema, consistency rules, quotes and
  spans against the article, read and indexed once).

It prints briefs/s for both and the ratio validate/baseline (best of R runs each).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from briefs_factory import ARTICLE, brief_data  # noqa: E402

from summarizer.brief.schema import Brief  # noqa: E402
from summarizer.briefing.validate import validate_paths  # noqa: E402


def make_briefs(folder: Path, count: int) -> list[Path]:
    """Write `count` valid briefs (varied text, same article) and return their paths."""
    article = folder / "article.txt"
    shutil.copy(ARTICLE, article)
    base = brief_data(article, origin=str(article))
    paths = []
    for i in range(count):
        base["bluf"] = f"Brief {i}: a maritime court suspended a trawling fleet for ninety days."
        base["provenance"]["created_at"] = f"2025-03-15T09:{i // 60 % 60:02}:{i % 60:02}Z"
        path = folder / f"brief-{i:05}.json"
        path.write_text(json.dumps(base, indent=2), encoding="utf-8")
        paths.append(path)
    return paths


def baseline(paths: list[Path]) -> int:
    """Plain parse: json.loads + Brief.model_validate."""
    for p in paths:
        Brief.model_validate(json.loads(p.read_bytes()))
    return len(paths)


def full(paths: list[Path]) -> int:
    """The validate command's library call; every brief must pass."""
    reports = validate_paths(paths)
    bad = [r for r in reports if not r.ok]
    if bad:
        raise SystemExit(f"benchmark briefs should be valid: {bad[0].file}: {bad[0].problems}")
    if any(r.article is None for r in reports):
        raise SystemExit("benchmark briefs should be checked against their article")
    return len(reports)


def best_of(fn: Callable[[list[Path]], int], paths: list[Path], repeat: int) -> float:
    """The fastest of `repeat` timed runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn(paths)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    """Write the briefs, time both, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-validate-") as tmp:
        paths = make_briefs(Path(tmp), args.count)
        base = best_of(baseline, paths, args.repeat)
        val = best_of(full, paths, args.repeat)
    n = len(paths)
    print(f"briefs: {n} (best of {args.repeat} runs each)")
    print(f"baseline json.loads + Brief.model_validate: {base:.3f} s, {n / base:,.0f} briefs/s")
    print(f"summarizer validate (schema, rules, quotes): {val:.3f} s, {n / val:,.0f} briefs/s")
    print(f"ratio validate / baseline: {val / base:.1f}x")


if __name__ == "__main__":
    main()
