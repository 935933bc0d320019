"""Stress: repeat a concurrent batch of real HTML pages; count native crashes and lost briefs.

Run standalone (offline engine, no network; reads the real pages in ../shared in place):

    python benchmarks/stress_batch.py [--pages 8] [--runs 30] [-j 8] [--root CHECKOUT]

Each run is a fresh `summarizer summarize PAGES... -o OUT -j N --engine extractive`
process. A run *crashes* when the process dies by a signal or aborts (exit 134 / 139,
"Segmentation fault", "double free", "free(): invalid pointer"), and *hangs* when it is
still going after `--timeout` seconds (heap corruption can also spin forever; the run is
then killed). A brief is *lost* when a page briefed by the `-j 1` reference run (measured
first, in this same run) has no brief.
Throughput is articles per second of the batch itself (the manifest's `elapsed_s`, so
interpreter start-up is left out): the median of the concurrent runs against the median of
`-j 1` runs made among them (one after every five), since the machine's load changes; and
the CPU seconds each run used, workers included (Linux), which show the cost of the workers
whatever else the machine is doing.

`--pages all` takes every page of ../shared/articles/benchmark/html plus
../shared/articles/html/*/source.html; `--root` runs another checkout's code (for example
an older commit exported with `git archive`) to compare before and after a fix. Exit 1 when
any run crashed or lost a brief.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from proctree import tree_stats  # benchmarks/, beside this script

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "articles"
REF_EVERY = 5  # one more -j 1 run after every this many concurrent runs
CRASH_SIGNS = ("Segmentation fault", "double free", "free(): invalid", "corrupted",
               "Fatal Python error")  # fmt: skip


@dataclass
class Run:
    """One batch process: how it ended and what it left."""

    code: int
    wall: float
    hung: bool
    elapsed: float | None
    briefs: set[str]
    stderr: str
    cpu: float  # CPU seconds of the process and its workers (0 where /proc is missing)

    @property
    def crashed(self) -> bool:
        """Died by a signal, aborted, or printed a native crash (a hang is counted apart)."""
        if self.hung:
            return False
        return self.code < 0 or self.code in (134, 139) or any(s in self.stderr
                                                                for s in CRASH_SIGNS)

    def why(self) -> str:
        """The line that says what went wrong, else the last one."""
        lines = self.stderr.strip().splitlines() or [""]
        signs = [line for line in lines if any(s in line for s in CRASH_SIGNS)]
        return (signs or lines[-1:])[0][:200]


@dataclass
class Totals:
    """What the repeated runs added up to."""

    runs: list[Run] = field(default_factory=list)
    lost: int = 0


def pick_pages(count: str) -> list[Path]:
    """The first `count` benchmark pages by name, or all of them plus the annotated pages."""
    bench = sorted((SHARED / "benchmark" / "html").glob("*.html.gz"))
    if count == "all":
        return bench + sorted(SHARED.glob("html/*/source.html"))
    return bench[: int(count)]


def tree_cpu(root: int) -> dict[int, float]:
    """CPU seconds (user + system) so far of `root` and every process below it (Linux)."""
    tick = os.sysconf("SC_CLK_TCK")
    return {pid: (int(f[11]) + int(f[12])) / tick for pid, f in tree_stats(root).items()}


class CpuWatch(threading.Thread):
    """Polls a process tree's CPU time while it runs (workers included)."""

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root, self.seen, self.done = root, dict[int, float](), threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.05):
            for pid, seconds in tree_cpu(self.root).items():
                self.seen[pid] = max(self.seen.get(pid, 0.0), seconds)

    def total(self) -> float:
        """Stop polling; the CPU seconds seen."""
        self.done.set()
        self.join()
        return sum(self.seen.values())


def run_batch(pages: list[Path], jobs: int, out: Path, root: Path, env: dict[str, str],
              timeout: float) -> Run:  # fmt: skip
    """One `summarize` process over the pages; its exit, timings and the briefs it wrote."""
    code = "from summarizer.cli import main; main()"
    args = [sys.executable, "-X", "faulthandler", "-c", code, "summarize", *map(str, pages),
            "-o", str(out), "-j", str(jobs), "--engine", "extractive", "--no-cache"]  # fmt: skip
    started = time.perf_counter()
    with subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          env=env, cwd=root) as proc:  # fmt: skip
        watch = CpuWatch(proc.pid)
        watch.start()
        try:
            _, err = proc.communicate(timeout=timeout)
            hung = False
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate()
            hung = True
        cpu = watch.total()
    wall = time.perf_counter() - started
    elapsed = None
    manifest = out / "manifest.jsonl"
    if manifest.exists():
        for line in manifest.read_text(encoding="utf-8").splitlines():
            try:
                item = json.loads(line)
            except ValueError:
                continue
            if "run" in item:
                elapsed = item["run"].get("elapsed_s")
    briefs = {p.name for p in out.glob("*.json")} if out.is_dir() else set()
    return Run(proc.returncode, wall, hung, elapsed, briefs, err, cpu)


def environment(tmp: Path, root: Path) -> dict[str, str]:
    """An isolated environment: empty config, own cache, no LLM, `root`'s code first."""
    config = tmp / "config.toml"
    config.write_text("", encoding="utf-8")
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SUMMARIZER_", "OPENAI_"))}  # fmt: skip
    env.update(SUMMARIZER_CONFIG=str(config), SUMMARIZER_CACHE_DIR=str(tmp / "cache"),
               PYTHONPATH=str(root))  # fmt: skip
    return env


def rate(count: int, run: Run) -> float:
    """Articles per second of the batch (manifest time; wall time when there is none)."""
    seconds = run.elapsed if run.elapsed else run.wall
    return count / seconds if seconds else 0.0


def stress(pages: list[Path], runs: int, jobs: int, root: Path, tmp: Path,
           timeout: float | None) -> int:  # fmt: skip
    """The reference run, then `runs` concurrent runs; print the figures; 1 if any failed."""
    env = environment(tmp, root)
    where = subprocess.run([sys.executable, "-c", "import summarizer; print(summarizer.__file__)"],
                           capture_output=True, text=True, env=env, cwd=root, check=True)
    print(f"code under test: {where.stdout.strip()}")
    print(f"{len(pages)} pages, {runs} runs at -j {jobs}, reference run at -j 1", flush=True)
    ref = run_batch(pages, 1, tmp / "ref", root, env, timeout or 3600)
    if ref.crashed or ref.hung:
        print(f"the -j 1 reference run crashed (exit {ref.code}):\n{ref.stderr[-2000:]}")
        return 1
    print(f"reference -j 1: exit {ref.code}, {len(ref.briefs)} briefs, "
          f"{rate(len(pages), ref):.1f} articles/s", flush=True)  # fmt: skip
    timeout = timeout or max(60.0, 10 * ref.wall)
    totals = Totals()
    refs = [ref]
    for n in range(runs):
        if n % REF_EVERY == REF_EVERY - 1:  # -j 1 again now and then: the load changes
            refs.append(run_batch(pages, 1, tmp / f"ref-{n}", root, env, timeout))
        run = run_batch(pages, jobs, tmp / f"run-{n}", root, env, timeout)
        totals.runs.append(run)
        lost = len(ref.briefs - run.briefs)
        totals.lost += lost
        if run.crashed or run.hung or lost or run.code != ref.code:
            state = f"hung (killed after {timeout:g}s)" if run.hung else f"exit {run.code}"
            print(f"  run {n + 1}: {state}, {lost} briefs lost: {run.why()}", flush=True)
    crashes = sum(r.crashed for r in totals.runs)
    hangs = sum(r.hung for r in totals.runs)
    fine = [r for r in totals.runs if not (r.crashed or r.hung)]
    print(f"\nruns: {runs}, crashed: {crashes} ({100 * crashes / runs:.0f}%), hung: {hangs}, "
          f"briefs lost: {totals.lost}, exit codes: "
          f"{sorted({r.code for r in fine})} (reference {ref.code})")  # fmt: skip
    if fine:
        per_s = statistics.median(rate(len(pages), r) for r in fine)
        base = statistics.median(rate(len(pages), r) for r in refs if not (r.crashed or r.hung))
        print(f"throughput (medians of {len(fine)} runs at -j {jobs} and {len(refs)} at -j 1, "
              f"interleaved): -j 1 {base:.1f} articles/s, -j {jobs} {per_s:.1f} articles/s, "
              f"ratio {per_s / base:.2f}x; median wall per run "
              f"{statistics.median(r.wall for r in fine):.2f}s")  # fmt: skip
        cpu_n = statistics.median(r.cpu for r in fine)
        cpu_1 = statistics.median(r.cpu for r in refs if not (r.crashed or r.hung))
        if cpu_1:
            print(f"CPU per run (process and workers, median): -j 1 {cpu_1:.2f}s, -j {jobs} "
                  f"{cpu_n:.2f}s ({100 * (cpu_n / cpu_1 - 1):+.0f}%): the wall-time ratio "
                  "is bounded by the CPUs the machine's other work leaves free")  # fmt: skip
    return 1 if crashes or hangs or totals.lost else 0


def main() -> int:
    """Parse options and run the stress loop."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", default="8", help="how many pages, or 'all' (default 8)")
    parser.add_argument("--runs", type=int, default=30, help="batches to run (default 30)")
    parser.add_argument("-j", "--jobs", type=int, default=8, help="-j of each batch (default 8)")
    parser.add_argument("--root", type=Path, default=ROOT, help="checkout whose code to run")
    parser.add_argument("--timeout", type=float, default=None,
                        help="seconds before a run counts as hung (default: 10 x the -j 1 "
                        "reference run, at least 60)")
    args = parser.parse_args()
    pages = pick_pages(args.pages)
    if not pages:
        print(f"no pages found under {SHARED}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="stress-batch-") as name:
        return stress(pages, args.runs, args.jobs, args.root.resolve(), Path(name), args.timeout)


if __name__ == "__main__":
    sys.exit(main())
