"""Batch benchmark: concurrency against injected latency, offline parallelism, and memory.

Run standalone (a few minutes; nothing leaves 127.0.0.1):

    python benchmarks/bench_batch.py [--count 40] [--latency 0.2] [--jobs 1 4 8]
                                     [--articles 600] [--skip-memory]
                                     [--only {throughput,offline,memory}] [--repeat N]

1. Throughput: an OpenAI-compatible server in a separate process answers every request
   after `--latency` seconds (tests/batch_server.py, the capable model's recorded answer).
   `summarize DIR -o OUT -j N --no-cache` runs in this process, after a warm-up run, over
   `--count` distinct articles; the ideal wall time is count x latency / N. Prints the ratio.
2. Offline parallelism: `--articles` real-length articles (the human-extracted texts of
   ../shared/articles/benchmark, written to a temporary folder, cycled) briefed by
   `summarize DIR -o OUT --engine extractive` at `-j 1` and at `-j` = the CPUs, each in a
   fresh process; prints articles per second of the batch (the manifest's time) and the
   ratio to `-j 1`. Skipped when ../shared is absent.
3. Memory: `summarize DIR -o OUT --engine extractive -j 8` over 1,000 and then 10,000 small
   articles, each in a fresh process; prints each run's peak RSS (ru_maxrss) and the peak
   RSS of its largest worker process, and those of a process that only imported
   everything, so the growth per input is visible.

`--only PART` runs one part (e.g. `--only offline` to iterate on the offline batch);
`--repeat N` runs the offline part's -j 1 / -j CPUs pair N times, alternating, and also
prints the best of each.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from proctree import tree_stats  # benchmarks/, beside this script

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

SMALL = (
    "The Supreme Court of Norland on Thursday suspended construction of a container terminal "
    "in Velmora Bay, ruling that the government skipped an environmental assessment. "
    "Transport Minister Eliza Brandt said she would ask parliament to amend the Coastal "
    "Protection Act. Item {n}.\n"
)


def _serve(latency: float, conn: object) -> None:
    from batch_server import BatchServer

    with BatchServer(latency=latency) as url:
        conn.send(url)  # type: ignore[attr-defined]
        conn.recv()  # type: ignore[attr-defined]  # until the parent is done


def _isolate(tmp: Path) -> None:
    os.environ["SUMMARIZER_CACHE_DIR"] = str(tmp / "cache")
    config = tmp / "empty-config.toml"  # no user settings (a missing file is an error)
    config.write_text("", encoding="utf-8")
    os.environ["SUMMARIZER_CONFIG"] = str(config)
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL"):
        os.environ.pop(var, None)


def throughput(count: int, latency: float, jobs: list[int], tmp: Path) -> None:
    from batch_server import write_articles

    from summarizer.batch.run import summarize_inputs
    from summarizer.config import resolve

    parent, child = mp.Pipe()
    server = mp.get_context("spawn").Process(target=_serve, args=(latency, child), daemon=True)
    server.start()
    url = parent.recv()
    try:
        write_articles(tmp / "warm", 4)
        folder = tmp / "in"
        write_articles(folder, count)

        def settings(j: int) -> object:
            flags = {"base_url": url, "model": "m", "mode": "json", "concurrency": j}
            return resolve({**flags, "cache": False})

        summarize_inputs(settings(4), [str(tmp / "warm")], str(tmp / "warm-out"), "json")
        print(f"\n{count} articles, endpoint latency {latency:g}s, in-process wall time:")
        print(f"{'-j':>4} {'wall s':>8} {'ideal s':>8} {'ratio':>6}")
        for j in jobs:
            started = time.perf_counter()
            code = summarize_inputs(settings(j), [str(folder)], str(tmp / f"out-{j}"), "json")
            wall = time.perf_counter() - started
            ideal = count * latency / j
            assert code == 0 and len(list((tmp / f"out-{j}").glob("*.json"))) == count
            print(f"{j:>4} {wall:>8.2f} {ideal:>8.2f} {wall / ideal:>6.2f}", flush=True)
    finally:
        parent.send("stop")
        server.join(5)


def _descendants_rss() -> dict[int, int]:
    """RSS in KiB of every process below this one (the workers' fork server and workers)."""
    page_kib = os.sysconf("SC_PAGE_SIZE") // 1024
    below = tree_stats(os.getpid())
    below.pop(os.getpid(), None)
    return {pid: int(fields[21]) * page_kib for pid, fields in below.items()}


def _watch_workers(peak: dict[int, int], stop: threading.Event) -> None:
    while not stop.wait(0.2):
        for pid, kib in _descendants_rss().items():
            peak[pid] = max(peak.get(pid, 0), kib)


def offline_parallel(articles: int, tmp: Path, repeat: int = 1) -> None:
    """Real-length articles at -j 1 and -j <CPUs>, offline engine, fresh processes."""
    truth = ROOT.parent / "shared" / "articles" / "benchmark" / "ground-truth.json"
    if not truth.exists():
        print(f"\noffline parallelism skipped: {truth} not found")
        return
    import json

    from summarizer.batch.pool import cpus

    bodies = [v["articleBody"] for v in json.loads(truth.read_text(encoding="utf-8")).values()]
    folder = tmp / "real"
    folder.mkdir()
    for n in range(articles):
        (folder / f"r{n:05d}.txt").write_text(bodies[n % len(bodies)], encoding="utf-8")
    words = sum(len(bodies[n % len(bodies)].split()) for n in range(articles)) / articles
    print(f"\n{articles} real-length articles (mean {words:.0f} words), offline engine, fresh "
          "process each, articles/s of the batch:")  # fmt: skip
    print(f"{'-j':>4} {'articles/s':>11} {'ratio':>6} {'wall s':>7}")
    best: dict[int, float] = {}
    for round_ in range(repeat):
        base = 0.0
        for jobs in sorted({1, cpus()}):
            out = tmp / f"real-out-{jobs}-{round_}"
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-c", "from summarizer.cli import main; main()", "summarize",
                 str(folder), "-o", str(out), "-j", str(jobs), "--engine", "extractive"],
                capture_output=True, text=True, check=False,
            )  # fmt: skip
            wall = time.perf_counter() - started
            lines = (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
            run = json.loads(lines[-1])["run"]
            rate = run["done"] / run["elapsed_s"]
            base = base or rate
            best[jobs] = max(best.get(jobs, 0.0), rate)
            print(f"{jobs:>4} {rate:>11.1f} {rate / base:>6.2f} {wall:>7.1f}", flush=True)
    if repeat > 1:
        low = best[min(best)]
        print("best of", repeat, "  ".join(f"-j {j}: {r:.1f}/s ({r / low:.2f})"
                                           for j, r in sorted(best.items())))  # fmt: skip


def rss_child(count: int, tmp: Path) -> None:
    """In a fresh process: summarize `count` small articles (0 = import only); print RSS."""
    from summarizer.batch.run import summarize_inputs
    from summarizer.config import resolve

    peak: dict[int, int] = {}
    stop = threading.Event()
    watcher = threading.Thread(target=_watch_workers, args=(peak, stop), daemon=True)
    watcher.start()
    if count:
        folder = tmp / f"small-{count}"
        folder.mkdir(parents=True, exist_ok=True)
        for n in range(count):
            (folder / f"a{n:05d}.txt").write_text(SMALL.format(n=n), encoding="utf-8")
        settings = resolve({"engine": "extractive", "concurrency": 8})
        started = time.perf_counter()
        code = summarize_inputs(settings, [str(folder)], str(tmp / f"out-{count}"), "json")
        assert code == 0 and len(list((tmp / f"out-{count}").glob("*.json"))) == count
        print(f"elapsed {time.perf_counter() - started:.1f}", file=sys.stderr)
    stop.set()
    watcher.join()
    largest = max(peak.values(), default=0)
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, largest)  # KiB on Linux


def memory(tmp: Path) -> None:
    print("\nPeak RSS, extractive engine, small articles, -j 8 (fresh process each):")
    print(f"{'inputs':>7} {'peak RSS MiB':>13} {'worker MiB':>11} {'wall s':>7}")
    for count in (0, 1000, 10_000):
        started = time.perf_counter()
        out = subprocess.run(
            [sys.executable, __file__, "--rss-child", str(count), "--tmp", str(tmp)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        kib, worker = map(int, out.stdout.strip().splitlines()[-1].split())
        label = "imports" if count == 0 else f"{count:,}"
        print(f"{label:>7} {kib / 1024:>13.1f} {worker / 1024:>11.1f} "
              f"{time.perf_counter() - started:>7.1f}", flush=True)  # fmt: skip


def main() -> None:
    """Parse options and run both parts (or one child measurement)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 4, 8])
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--only", choices=["throughput", "offline", "memory"], default=None)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--rss-child", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--tmp", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rss_child is not None:
        _isolate(args.tmp)
        rss_child(args.rss_child, args.tmp)
        return
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as name:
        tmp = Path(name)
        _isolate(tmp)
        if args.only in (None, "throughput"):
            throughput(args.count, args.latency, args.jobs, tmp)
        if args.only in (None, "offline"):
            offline_parallel(args.articles, tmp, args.repeat)
        if args.only == "memory" or (args.only is None and not args.skip_memory):
            memory(tmp)


if __name__ == "__main__":
    main()
