"""Interrupt a real `summarizer summarize` process mid-batch, then resume it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from batch_server import BatchServer, write_articles
from typer.testing import CliRunner

from summarizer.batch.manifest import FILE_NAME, read_manifest
from summarizer.cli import app

COUNT = 8


def _args(folder: Path, out: Path, url: str) -> list[str]:
    return ["summarize", str(folder), "-o", str(out), "--base-url", url, "--model", "m",
            "--mode", "json", "-j", "2", "--no-cache"]  # fmt: skip


def _interrupt(args: list[str], out: Path, sig: int) -> tuple[int, str]:
    """Run the CLI, send `sig` once its first brief is in `out`; its exit code and stderr."""
    code = "from summarizer.cli import main; main()"
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=dict(os.environ))  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not any(out.glob("*.json")):
            assert proc.poll() is None, "the run ended before any brief appeared"
            assert time.monotonic() < deadline, "no brief appeared within 60 s"
            time.sleep(0.01)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    return proc.returncode, err.decode()


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL])
def test_interrupted_batch_resumes_with_only_the_unfinished(tmp_path: Path, sig: int) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    write_articles(folder, COUNT)
    server = BatchServer(latency=0.3)
    with server as url:
        returncode, message = _interrupt(_args(folder, out, url), out, sig)
        first = {p.stem for p in out.glob("*.json")}
        sent_first = len(server.requests)
        for brief in out.glob("*.json"):  # never a half-written brief
            assert json.loads(brief.read_text(encoding="utf-8"))["provenance"]["engine"] == "llm"
        assert 0 < len(first) < COUNT
        if sig == signal.SIGKILL:
            assert returncode == -signal.SIGKILL
        else:
            assert returncode == 130 and message.count("\n") == 1, message
            assert message.startswith("summarizer: interrupted:") and "resume" in message
            statuses = [e["status"] for e in read_manifest(out / FILE_NAME).values()]
            assert statuses.count("done") == len(first) and len(statuses) == COUNT
            assert set(statuses) == {"done", "pending"}
        again = CliRunner().invoke(app, _args(folder, out, url))
    assert again.exit_code == 0, again.stderr
    resent = sorted(server.tags()[sent_first:])
    assert resent == sorted(f"article-{n}" for n in range(COUNT) if f"a{n:05d}" not in first)
    entries = read_manifest(out / FILE_NAME)
    assert len(entries) == COUNT and {e["status"] for e in entries.values()} <= {"done", "kept"}
    assert len(list(out.glob("*.json"))) == COUNT


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_offline_batch_in_worker_processes_stops_and_resumes(tmp_path: Path, sig: int) -> None:
    folder, out, count = tmp_path / "in", tmp_path / "out", 400
    write_articles(folder, count)
    args = ["summarize", str(folder), "-o", str(out), "--engine", "extractive", "-j", "2"]
    returncode, message = _interrupt(args, out, sig)
    assert returncode == 130, message
    first = {p.stem for p in out.glob("*.json")}
    statuses = [e["status"] for e in read_manifest(out / FILE_NAME).values()]
    assert len(statuses) == count and statuses.count("done") == len(first) < count
    again = CliRunner().invoke(app, args)
    assert again.exit_code == 0, again.stderr
    assert f"{count - len(first)} done, 0 failed, {len(first)} kept" in again.stderr
