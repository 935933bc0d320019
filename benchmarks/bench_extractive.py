"""Throughput of the extractive engine on one core, against reading + tokenising the same texts.

    python benchmarks/bench_extractive.py [--articles N]

Builds a corpus of ~800-word articles from the project's own examples (sentences shuffled
with a fixed seed, so every article is different but realistic), warms up once, then times:

* baseline: reading each article from disk and tokenising it (regex words + sentence split);
* engine:   reading each article and running `ExtractiveEngine().summarize` on it.

Prints articles per second for both and the ratio engine/baseline time. One process, one
thread; finishes in well under a minute.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarizer.article import Article  # noqa: E402
from summarizer.engines.extractive.engine import ExtractiveEngine  # noqa: E402

TARGET_WORDS = 800
_SENT = re.compile(r"(?<=[.!?\"”’])\s+(?=[A-Z\"“])")
_WORD = re.compile(r"\w+(?:['’]\w+)?")


def corpus(n: int, seed: int = 7) -> list[str]:
    """n distinct ~800-word articles assembled from the example articles' sentences."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    heads = [t.split("\n", 2)[:2] for t in texts]
    pool = [s for t in texts for s in _SENT.split(t.split("\n", 2)[2].strip()) if s.strip()]
    rng = random.Random(seed)
    out = []
    for i in range(n):
        title, date = heads[i % len(heads)]
        body: list[str] = []
        while sum(len(s.split()) for s in body) < TARGET_WORDS:
            body.append(rng.choice(pool))
        paras = [" ".join(body[j : j + 4]) for j in range(0, len(body), 4)]
        out.append(f"{title}\n{date}\n\n" + "\n\n".join(paras) + "\n")
    return out


def tokenise(text: str) -> int:
    """The baseline's work: words and sentences."""
    return len(_WORD.findall(text)) + len(_SENT.split(text))


def timed(paths: list[Path], work: object) -> float:
    """Seconds to read every file and apply `work` to its text."""
    start = time.perf_counter()
    for p in paths:
        work(p.read_text(encoding="utf-8"))  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=400)
    args = parser.parse_args()
    engine = ExtractiveEngine()
    texts = corpus(args.articles)
    words = sum(len(t.split()) for t in texts) / len(texts)
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, text in enumerate(texts):
            path = Path(tmp) / f"a{i:04d}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(path)
        engine.summarize(Article(text=texts[0]))  # warm-up: lazy tables, regex caches
        base = min(timed(paths, tokenise) for _ in range(3))
        run = timed(paths, lambda t: engine.summarize(Article(text=t)))
    n = len(paths)
    print(f"articles: {n} (mean {words:.0f} words)")
    print(f"read + tokenise: {n / base:10.1f} articles/s")
    print(f"extractive:      {n / run:10.1f} articles/s  ({1000 * run / n:.1f} ms/article)")
    print(f"ratio extractive/baseline time: {run / base:.1f}x")
    print(f"target >= 50 articles/s: {'ok' if n / run >= 50 else 'MISSED'}")


if __name__ == "__main__":
    main()
