"""Concurrent batches of HTML pages: never two parses at once in a process, real parallelism
for the offline engine in worker processes, and no crash on many real pages at `-j 8`."""

from __future__ import annotations

import html
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from batch_server import FIXTURES, BatchServer, write_articles
from typer.testing import CliRunner

from summarizer.batch.manifest import FILE_NAME, read_manifest
from summarizer.cli import app

runner = CliRunner()


def write_pages(folder: Path, count: int) -> list[Path]:
    """`count` HTML pages around the fixture article, each made distinct by a reference."""
    folder.mkdir(parents=True, exist_ok=True)
    title, _, body = (FIXTURES / "article.txt").read_text(encoding="utf-8").partition("\n")
    paras = "".join(f"<p>{html.escape(p.strip())}</p>" for p in body.split("\n\n") if p.strip())
    paths = []
    for n in range(count):
        path = folder / f"p{n:03d}.html"
        path.write_text(f"<!doctype html><html lang='en'><head><title>{title}</title></head>"
                        f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>"
                        f"{paras}<p>Reference: [article-{n}]</p></article></body></html>",
                        encoding="utf-8")  # fmt: skip
        paths.append(path)
    return paths


class ParseWatch:
    """Wraps a function: how many calls ran at once, at most, and in which threads."""

    def __init__(self, real: Any) -> None:
        self.real, self.active, self.most = real, 0, 0
        self.threads: set[str] = set()
        self.lock = threading.Lock()

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        with self.lock:
            self.active += 1
            self.most = max(self.most, self.active)
            self.threads.add(threading.current_thread().name)
        try:
            time.sleep(0.02)  # widen the window in which a second parse could overlap
            return self.real(*args, **kwargs)
        finally:
            with self.lock:
                self.active -= 1


def _brief_bodies(folder: Path) -> dict[str, Any]:
    out = {}
    for path in sorted(folder.glob("*.json")):
        brief = json.loads(path.read_text(encoding="utf-8"))
        for key in ("created_at", "latency_s"):
            brief["provenance"].pop(key)
        out[path.name] = brief
    return out


def test_llm_batch_parses_one_page_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import summarizer.ingest.html
    import summarizer.ingest.load

    watch = ParseWatch(summarizer.ingest.html.article_from_html)
    monkeypatch.setattr(summarizer.ingest.html, "article_from_html", watch)
    real_read, meet = summarizer.ingest.load.read_input, threading.Barrier(2, timeout=10)
    reader_threads: set[str] = set()

    calls = iter(range(1_000))

    def read_input(*args: Any, **kwargs: Any) -> Any:  # reads (I/O) do overlap:
        reader_threads.add(threading.current_thread().name)
        if next(calls) < 2:
            meet.wait()  # the first two wait for each other, else this fails after 10 s
        return real_read(*args, **kwargs)

    monkeypatch.setattr(summarizer.ingest.load, "read_input", read_input)
    write_pages(tmp_path / "in", 8)
    with BatchServer(latency=0.05) as url:
        result = runner.invoke(app, ["summarize", str(tmp_path / "in"), "-o", str(tmp_path / "o"),
                                     "--base-url", url, "--model", "m", "--mode", "json",
                                     "--no-cache", "-j", "8"])  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert len(list((tmp_path / "o").glob("*.json"))) == 8
    assert watch.most == 1 and len(watch.threads) == 1, (watch.most, watch.threads)
    assert len(reader_threads) >= 2 and watch.threads.isdisjoint(reader_threads)


def test_offline_batch_runs_in_worker_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import summarizer.batch.pool as pool
    import summarizer.ingest.html

    started: list[int] = []
    real_init = pool.Pool.__init__

    def spy(self: Any, *args: Any, **kwargs: Any) -> None:
        started.append(args[3])
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(pool.Pool, "__init__", spy)
    monkeypatch.setattr(pool, "cpus", lambda: 2)
    watch = ParseWatch(summarizer.ingest.html.article_from_html)
    monkeypatch.setattr(summarizer.ingest.html, "article_from_html", watch)
    write_pages(tmp_path / "in", 16)
    args = ["summarize", str(tmp_path / "in"), "--engine", "extractive", "-o"]
    many = runner.invoke(app, [*args, str(tmp_path / "j8"), "-j", "8"])
    assert many.exit_code == 0, many.stderr
    assert started == [2] and watch.most == 0  # two workers; nothing parsed in this process
    one = runner.invoke(app, [*args, str(tmp_path / "j1"), "-j", "1"])
    assert one.exit_code == 0, one.stderr
    assert started == [2] and watch.most == 1  # -j 1: in this process, in one thread
    assert _brief_bodies(tmp_path / "j8") == _brief_bodies(tmp_path / "j1")
    assert len(_brief_bodies(tmp_path / "j1")) == 16


def test_small_batches_stay_in_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import summarizer.batch.pool as pool

    monkeypatch.setattr(pool, "Pool", None)  # any attempt to start workers would fail
    monkeypatch.setattr(pool, "cpus", lambda: 2)
    write_pages(tmp_path / "in", 15)
    result = runner.invoke(app, ["summarize", str(tmp_path / "in"), "--engine", "extractive",
                                 "-o", str(tmp_path / "out"), "-j", "8"])  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert len(list((tmp_path / "out").glob("*.json"))) == 15


def test_stdin_is_read_here_and_parsed_in_a_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import summarizer.batch.pool as pool
    import summarizer.batch.run

    monkeypatch.setattr(summarizer.batch.run, "POOL_MIN", 2)
    monkeypatch.setattr(pool, "cpus", lambda: 2)
    (page,) = write_pages(tmp_path / "in", 1)
    other = tmp_path / "other.txt"
    other.write_text((FIXTURES / "article.txt").read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(app, ["summarize", "-", str(other), "--engine", "extractive",
                                 "-j", "2"], input=page.read_text())  # fmt: skip
    assert result.exit_code == 0, result.stderr
    origins = [json.loads(line)["provenance"]["article_origin"]
               for line in result.stdout.splitlines()]  # fmt: skip
    assert origins == ["-", str(other)]


def test_a_dead_worker_is_replaced_and_its_input_retried(tmp_path: Path) -> None:
    import asyncio
    import signal

    from summarizer.batch.pool import Pool
    from summarizer.config import resolve

    pages = write_pages(tmp_path, 2)
    pool = Pool(resolve({"engine": "extractive"}), "json", False, 1)
    try:
        first = asyncio.run(pool.run(str(pages[0])))
        assert first.error is None and first.text
        broken = pool._pool  # noqa: SLF001
        for pid in list(pool._pool._processes):  # noqa: SLF001 - kill the worker on purpose
            os.kill(pid, signal.SIGKILL)
        second = asyncio.run(pool.run(str(pages[1])))
    finally:
        pool.close()
    assert pool._pool is not broken  # noqa: SLF001
    assert second.error is None and second.text
    assert json.loads(second.text)["provenance"]["article_origin"] == str(pages[1])


@pytest.mark.parametrize("count", [8, 40])  # 14 pages: in this process; 46: in workers
def test_many_real_pages_at_j8(tmp_path: Path, shared_articles: Path, count: int) -> None:
    pages = sorted((shared_articles / "benchmark" / "html").glob("*.html.gz"))[:count]
    pages += sorted(shared_articles.glob("html/*/source.html"))
    if len(pages) < count:
        pytest.skip(f"too few real pages under {shared_articles}")
    config = tmp_path / "config.toml"
    config.write_text("", encoding="utf-8")
    env = {**os.environ, "SUMMARIZER_CONFIG": str(config), "PYTHONFAULTHANDLER": "1"}
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-c", "from summarizer.cli import main; main()", "summarize",
         *map(str, pages), "-o", str(out), "-j", "8", "--engine", "extractive"],
        capture_output=True, text=True, env=env, timeout=600, check=False,
    )  # fmt: skip
    # 4: a page with no article; 1: a page in a language the offline engine refuses
    assert proc.returncode in (0, 1, 4), proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr and "Fatal Python error" not in proc.stderr
    entries = read_manifest(out / FILE_NAME)
    assert len(entries) == len(pages)
    done = [e for e in entries.values() if e["status"] == "done"]
    refused = [e for e in entries.values() if "does not support" in e.get("error", "")]
    assert len(done) + len(refused) >= len(pages) - 2
    assert len(done) >= len(pages) // 2 and len(list(out.glob("*.json"))) == len(done)
    assert all(e["status"] in ("done", "failed") for e in entries.values())


def test_workers_write_briefs_with_the_batch_umask(tmp_path: Path) -> None:
    """Workers write the brief files themselves: atomically, with the permissions of the
    batch's umask (not the fork server's), and the manifest records each one."""
    import multiprocessing.forkserver

    from summarizer.batch.pool import PRELOAD

    multiprocessing.forkserver.set_forkserver_preload(PRELOAD)
    multiprocessing.forkserver.ensure_running()  # started under the usual umask
    write_articles(tmp_path / "in", 20)
    out = tmp_path / "out"
    old = os.umask(0o077)
    try:
        result = runner.invoke(app, ["summarize", str(tmp_path / "in"), "--engine", "extractive",
                                     "-o", str(out), "-j", "2"])  # fmt: skip
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.stderr
    briefs = sorted(out.glob("*.json"))
    assert len(briefs) == 20 and not list(out.glob(".*"))  # no temporary file left
    assert {oct(p.stat().st_mode & 0o777) for p in [*briefs, out / FILE_NAME]} == {"0o600"}
    entries = read_manifest(out / FILE_NAME)
    assert [e["status"] for e in entries.values()] == ["done"] * 20
    assert {e["output"] for e in entries.values()} == {p.name for p in briefs}
    for path in briefs:
        brief = json.loads(path.read_text(encoding="utf-8"))
        assert entries[brief["provenance"]["article_origin"]]["sha256"] == (
            brief["provenance"]["article_sha256"]
        )


def test_a_brief_a_worker_cannot_write_stops_the_batch(tmp_path: Path) -> None:
    """A brief file that cannot be written (here: its temporary name is over the file
    system's 255-byte limit) is a usage error that stops the rest, as in this process."""
    folder = tmp_path / "in"
    write_articles(folder, 30)
    long = folder / ("b" * 246 + ".txt")  # brief name 251 bytes: its temporary file's is not
    long.write_text((folder / "a00000.txt").read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["summarize", str(long), str(folder), "--engine",
                                 "extractive", "-o", str(out), "-j", "2"])  # fmt: skip
    assert result.exit_code == 2, result.stderr
    assert f"-o {out / ('b' * 246 + '.json')}: cannot write" in result.stderr
    entries = read_manifest(out / FILE_NAME)
    statuses = [e["status"] for e in entries.values()]
    assert statuses[0] == "failed" and "pending" in statuses and len(statuses) == 31
    assert statuses.count("done") == len(list(out.glob("*.json"))) < 30


def test_a_batch_of_text_files_warms_up_without_the_html_parsers() -> None:
    from summarizer.batch.pool import may_be_html

    assert not may_be_html(["a.txt", "b.md", "c.txt.gz", "D.MARKDOWN"])
    for other in ("page.html", "-", "https://example.org/a", "notes", "page.htm.gz"):
        assert may_be_html(["a.txt", other]), other
    code = ("import sys, {0}; print('trafilatura' in sys.modules, "
            "'summarizer.engines.extractive.engine' in sys.modules)")  # fmt: skip
    seen = {
        module: subprocess.run([sys.executable, "-c", code.format(module)], capture_output=True,
                               text=True, check=True).stdout.split()  # fmt: skip
        for module in ("summarizer.batch.warm", "summarizer.batch.warm_html")
    }
    assert seen == {"summarizer.batch.warm": ["False", "True"],
                    "summarizer.batch.warm_html": ["True", "True"]}  # fmt: skip


def test_both_warm_ups_brief_their_sample() -> None:
    """A warm-up's failure is silent (it only costs time), so check each really briefs."""
    from summarizer.batch import warm
    from summarizer.engines.extractive.engine import ExtractiveEngine
    from summarizer.ingest.load import html_article, text_article

    engine = ExtractiveEngine()
    for article in (text_article(warm._TEXT.encode(), "w.txt"),  # noqa: SLF001
                    html_article(warm._PAGE.encode(), "w.html")):  # noqa: SLF001  # fmt: skip
        brief = engine.summarize(article)
        assert brief.legal_context and not brief.provenance.grounding.problems, brief
