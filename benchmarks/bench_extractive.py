"""Throughput and first-brief latency of the extractive engine, on whole real-length articles.

    python benchmarks/bench_extractive.py [--rounds N]

Corpus: every article of the in-house gold sets (tests/heldout/, tests/blind*/: whole court
and politics stories, ~720 words on average) plus, when ../shared is present, the published
news pages of tests/gold/real-dev (their text as ingest extracts it). Texts are read in place,
never shuffled or spliced. The blind sets (tests/gold/real-blind*) are never read.

Prints, for one process on one core:

* baseline: tokenising each article (regex words + sentence split), the floor any reader pays;
* engine: `ExtractiveEngine().summarize` on each article (language detection included: the
  Article carries no language);
* first brief: a fresh interpreter's first brief after the import, best of three runs.

The machine may be shared: every figure is the best of several rounds.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarizer.article import Article  # noqa: E402
from summarizer.engines.extractive.engine import ExtractiveEngine  # noqa: E402

_SENT = re.compile(r"(?<=[.!?\"”’])\s+(?=[A-Z\"“])")
_WORD = re.compile(r"\w+(?:['’]\w+)?")
_FIRST = """
import time
from summarizer.article import Article
from summarizer.engines.extractive.engine import ExtractiveEngine
text = open({path!r}, encoding="utf-8").read()
start = time.perf_counter()
ExtractiveEngine().summarize(Article(text=text))
print(time.perf_counter() - start)
"""


def corpus() -> list[str]:
    """The benchmark's article texts, whole."""
    paths = sorted(ROOT.glob("tests/blind*/*.txt")) + sorted(ROOT.glob("tests/heldout/*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    from summarizer.ingest.load import load_article

    for gold in sorted((ROOT / "tests" / "gold" / "real-dev").glob("*.json")):
        page = gold.parent / json.loads(gold.read_text(encoding="utf-8"))["article"]
        if page.exists():
            texts.append(load_article(str(page)).text)
    return texts


def tokenise(text: str) -> int:
    """The baseline's work: words and sentences."""
    return len(_WORD.findall(text)) + len(_SENT.split(text))


def best(texts: list[str], work: Callable[[str], object], rounds: int) -> tuple[float, float]:
    """Fewest wall-clock and CPU seconds, over `rounds` rounds, to apply `work` to every text
    (on a shared machine the CPU time is what the process itself spent)."""
    wall, cpu = [], []
    for _ in range(rounds):
        start, used = time.perf_counter(), time.process_time()
        for text in texts:
            work(text)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - used)
    return min(wall), min(cpu)


def first_brief(path: Path) -> float:
    """Seconds from a fresh process's import to its first brief (best of three)."""
    code = _FIRST.format(path=str(path))
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                 check=True, cwd=ROOT).stdout) for _ in range(3)]  # fmt: skip
    return min(runs)


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    engine = ExtractiveEngine()
    texts = corpus()
    words = sum(len(t.split()) for t in texts) / len(texts)
    engine.summarize(Article(text=texts[0]))  # warm-up: lazy tables, regex caches
    base, base_cpu = best(texts, tokenise, args.rounds)
    run, run_cpu = best(texts, lambda t: engine.summarize(Article(text=t)), args.rounds)
    n = len(texts)
    first = first_brief(sorted(ROOT.glob("tests/blind2/*.txt"))[0])
    print(f"articles: {n} (mean {words:.0f} words), best of {args.rounds} rounds")
    print(f"tokenise:   {n / base:10.1f} articles/s wall, {n / base_cpu:10.1f} per CPU-second")
    print(f"extractive: {n / run:10.1f} articles/s wall, {n / run_cpu:10.1f} per CPU-second "
          f"({1000 * run / n:.1f} ms/article)")
    print(f"ratio extractive/baseline time: {run / base:.1f}x")
    print(f"first brief after import: {first:.3f} s")
    print(f"target >= 50 articles/s: {'ok' if n / run >= 50 else 'MISSED'}; "
          f"first brief <= 0.3 s: {'ok' if first <= 0.3 else 'MISSED'}")


if __name__ == "__main__":
    main()
