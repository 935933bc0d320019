"""Batch runs of `summarizer summarize` against a local server: pool, retries, manifest."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from batch_server import BatchServer, article_tag, capable_answer, write_articles
from typer.testing import CliRunner

from summarizer.batch.manifest import FILE_NAME, read_manifest
from summarizer.batch.progress import Progress, Tally, summary
from summarizer.cli import app

runner = CliRunner()


def run(url: str, *args: str) -> Any:
    return runner.invoke(app, ["summarize", *args, "--base-url", url, "--model", "m",
                               "--mode", "json", "--no-cache"])  # fmt: skip


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The delays the openai SDK sleeps before its retries (recorded, not slept)."""
    import openai._base_client as base

    delays: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        delays.append(seconds)

    monkeypatch.setattr(base.anyio, "sleep", fake_sleep)
    return delays


def test_concurrency_bound_is_respected(tmp_path: Path) -> None:
    paths = write_articles(tmp_path / "in", 9)
    server = BatchServer(latency=0.01, hold=3)
    with server as url:
        result = run(url, str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "3")
    assert result.exit_code == 0, result.stderr
    assert server.max_inflight == 3 and len(server.requests) == 9
    assert sorted(p.name for p in (tmp_path / "out").glob("*.json")) == [
        p.with_suffix(".json").name for p in paths
    ]
    entries = read_manifest(tmp_path / "out" / FILE_NAME)
    assert [e["status"] for e in entries.values()] == ["done"] * 9
    assert "9 done, 0 failed" in result.stderr and "9 requests" in result.stderr


def test_429_waits_as_retry_after_says(tmp_path: Path, sleeps: list[float]) -> None:
    answers = iter([(429, {"error": {"message": "slow down"}}, {"Retry-After": "0.05"})])

    def answer(body: dict[str, Any]) -> Any:
        return next(answers, None) or capable_answer(body)

    write_articles(tmp_path / "in", 2)
    with BatchServer(answer) as url:
        result = run(url, str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "1")
    assert result.exit_code == 0, result.stderr
    assert sleeps == [0.05]  # the SDK waited what the server asked for (and everyone paused)
    assert "3 requests (1 retried after 429/5xx/timeouts" in result.stderr


def test_5xx_retried_with_jittered_backoff(tmp_path: Path, sleeps: list[float]) -> None:
    answers = iter([(503, {"error": {"message": "busy"}}, {})] * 2)

    def answer(body: dict[str, Any]) -> Any:
        return next(answers, None) or capable_answer(body)

    write_articles(tmp_path / "in", 1)
    with BatchServer(answer) as url:
        result = run(url, str(tmp_path / "in"), "-o", str(tmp_path / "out") + "/")
    assert result.exit_code == 0, result.stderr
    assert len(sleeps) == 2 and 0.375 <= sleeps[0] <= 0.5 and 0.75 <= sleeps[1] <= 1.0


def test_one_malformed_answer_is_recorded_and_the_batch_goes_on(tmp_path: Path) -> None:
    def answer(body: dict[str, Any]) -> Any:
        if article_tag(body) == "article-1":
            return 200, {"choices": [{"message": {"content": "{not json"}}]}, {}
        return capable_answer(body)

    write_articles(tmp_path / "in", 3)
    out = tmp_path / "out"
    with BatchServer(answer) as url:
        result = run(url, str(tmp_path / "in"), "-o", str(out), "--max-retries", "1")
    assert result.exit_code == 1
    entries = read_manifest(out / FILE_NAME)
    assert [e["status"] for e in entries.values()] == ["done", "failed", "done"]
    failed = entries[str(tmp_path / "in" / "a00001.txt")]
    assert failed["exit_code"] == 1 and "no valid brief" in failed["error"]
    assert "2 done, 1 failed" in result.stderr


def test_fatal_provider_error_stops_the_rest(tmp_path: Path) -> None:
    def answer(body: dict[str, Any]) -> Any:
        return 401, {"error": {"message": "bad key"}}, {}

    write_articles(tmp_path / "in", 6)
    out = tmp_path / "out"
    with BatchServer(answer) as url:
        result = run(url, str(tmp_path / "in"), "-o", str(out), "-j", "1")
    assert result.exit_code == 3
    assert result.stderr.count("authentication failed") == 1
    assert "5 inputs not attempted" in result.stderr
    statuses = [e["status"] for e in read_manifest(out / FILE_NAME).values()]
    assert statuses == ["failed"] + ["pending"] * 5


def test_json_lines_on_stdout_keep_the_input_order(tmp_path: Path) -> None:
    import time

    def answer(body: dict[str, Any]) -> Any:
        if article_tag(body) == "article-0":
            time.sleep(0.2)  # latency injection: the first input finishes last
        return capable_answer(body)

    paths = write_articles(tmp_path / "in", 4)
    with BatchServer(answer) as url:
        result = run(url, *map(str, paths), "-j", "4")
    assert result.exit_code == 0, result.stderr
    origins = [json.loads(line)["provenance"]["article_origin"]
               for line in result.stdout.splitlines()]  # fmt: skip
    assert origins == [str(p) for p in paths]


def test_rerun_requests_only_failed_inputs(tmp_path: Path) -> None:
    fail = {"article-2"}

    def answer(body: dict[str, Any]) -> Any:
        if article_tag(body) in fail:
            return 200, {"choices": [{"message": {"content": "nope"}}]}, {}
        return capable_answer(body)

    write_articles(tmp_path / "in", 4)
    out = tmp_path / "out"
    server = BatchServer(answer)
    with server as url:
        first = run(url, str(tmp_path / "in"), "-o", str(out), "--max-retries", "0")
        fail.clear()
        second = run(url, str(tmp_path / "in"), "-o", str(out))
    assert first.exit_code == 1 and second.exit_code == 0
    assert server.tags()[4:] == ["article-2"]
    assert "1 done, 0 failed, 3 kept from earlier runs" in second.stderr
    statuses = {Path(k).name: e["status"] for k, e in read_manifest(out / FILE_NAME).items()}
    assert statuses == {"a00000.txt": "kept", "a00001.txt": "kept", "a00002.txt": "done",
                        "a00003.txt": "kept"}  # fmt: skip


def test_usage_and_cost_for_a_known_model(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 2)
    out = tmp_path / "out"
    with BatchServer() as url:
        result = runner.invoke(app, ["summarize", str(tmp_path / "in"), "-o", str(out),
                                     "--base-url", url, "--model", "gpt-4o-mini",
                                     "--mode", "json"])  # fmt: skip
    assert result.exit_code == 0, result.stderr
    brief = json.loads((out / "a00000.json").read_text(encoding="utf-8"))
    usage = brief["provenance"]["usage"]
    expected = (usage["prompt_tokens"] * 0.15 + usage["completion_tokens"] * 0.60) / 1e6
    assert brief["provenance"]["cost_usd"] == pytest.approx(expected)
    assert f"{2 * usage['total_tokens']:,} tokens" in result.stderr and "est. $" in result.stderr
    run_line = [json.loads(x) for x in (out / FILE_NAME).read_text().splitlines()][-1]["run"]
    assert run_line["tokens"]["total_tokens"] == 2 * usage["total_tokens"]
    assert run_line["cost_usd"] == pytest.approx(2 * expected, abs=1e-6)


def test_extractive_batch_has_manifest_and_summary(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 3)
    out = tmp_path / "out"
    result = runner.invoke(app, ["summarize", str(tmp_path / "in"), "-o", str(out),
                                 "--engine", "extractive"])  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert len(list(out.glob("*.json"))) == 3
    assert "3 done, 0 failed" in result.stderr and "requests" not in result.stderr
    assert {e["status"] for e in read_manifest(out / FILE_NAME).values()} == {"done"}


def test_progress_bar_draws_counters_on_a_terminal() -> None:
    import io

    from summarizer.batch.ratelimit import Meter
    from summarizer.brief.schema import Usage

    tally, meter, stream = Tally(total=4), Meter(model="gpt-4o-mini"), io.StringIO()
    meter.record(Usage(prompt_tokens=1000, completion_tokens=100, total_tokens=1100))
    meter.retries, tally.done, tally.failed = 2, 1, 1
    with Progress(tally, meter, enabled=True, stream=stream) as progress:
        progress.advance()
        progress.line("summarizer: error: x: broken")
        progress._bar.refresh()
    text = stream.getvalue()
    assert "failed 1" in text and "retried 2" in text and "1100 tok" in text and "broken" in text
    quiet = io.StringIO()
    with Progress(tally, meter, stream=quiet) as progress:  # not a terminal: no bar
        progress.advance()
    assert quiet.getvalue() == ""
    assert "1 done, 1 failed" in summary(tally, meter) and "est. $0.0002" in summary(tally, meter)


def test_a_brief_that_cannot_be_written_stops_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import summarizer.files

    def full_disk(path: Path, text: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(summarizer.files, "write_atomic", full_disk)
    write_articles(tmp_path / "in", 4)
    out = tmp_path / "out"
    with BatchServer() as url:
        result = run(url, str(tmp_path / "in"), "-o", str(out), "-j", "1")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.stderr.count("No space left on device") == 1
    assert "3 inputs not attempted" in result.stderr
    statuses = [e["status"] for e in read_manifest(out / FILE_NAME).values()]
    assert statuses == ["failed"] + ["pending"] * 3


def test_an_unwritable_output_folder_is_one_line_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    write_articles(tmp_path / "in", 3)
    rodir = tmp_path / "rodir"
    rodir.mkdir()
    real_open = Path.open

    def read_only(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if self.parent == rodir and mode != "r":
            raise OSError(errno.EROFS, "Read-only file system", str(self))
        return real_open(self, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "open", read_only)
    result = runner.invoke(app, ["summarize", str(tmp_path / "in"), "-o", str(rodir),
                                 "--engine", "extractive"])  # fmt: skip
    assert result.exit_code == 2
    assert result.stderr == f"summarizer: error: -o {rodir}: cannot write: Read-only file system\n"
    assert list(rodir.iterdir()) == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root writes into read-only folders")  # fmt: skip
def test_a_read_only_output_folder_is_one_line_exit_2(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 3)
    rodir = tmp_path / "rodir"
    rodir.mkdir()
    rodir.chmod(0o555)
    try:
        result = runner.invoke(app, ["summarize", str(tmp_path / "in"), "-o", str(rodir),
                                     "--engine", "extractive"])  # fmt: skip
    finally:
        rodir.chmod(0o755)
    assert result.exit_code == 2
    assert result.stderr == f"summarizer: error: -o {rodir}: cannot write: Permission denied\n"


@pytest.mark.parametrize("name", ["new.json", "briefs.md", "out.JSONL"])
def test_a_file_name_for_several_inputs_is_exit_2(tmp_path: Path, name: str) -> None:
    write_articles(tmp_path / "in", 2)
    target = tmp_path / name
    result = runner.invoke(app, ["summarize", str(tmp_path / "in"), "-o", str(target),
                                 "--engine", "extractive"])  # fmt: skip
    assert result.exit_code == 2 and not target.exists()
    assert result.stderr.startswith(f"summarizer: error: -o {target}: several inputs need a "
                                    "folder, not a file")  # fmt: skip
    assert result.stderr.count("\n") == 1
    folder = runner.invoke(app, ["summarize", str(tmp_path / "in"), "-o", f"{target}/",
                                 "--engine", "extractive"])  # fmt: skip
    assert folder.exit_code == 0 and len(list(target.glob("*.json"))) == 2


def test_offline_notice_only_when_something_is_summarized(tmp_path: Path) -> None:
    from summarizer.engines import EXTRACTIVE_NOTICE

    missing = runner.invoke(app, ["summarize", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 4
    assert missing.stderr == f"summarizer: error: {tmp_path / 'nope.txt'}: no such file\n"
    (path,) = write_articles(tmp_path / "in", 1)
    ok = runner.invoke(app, ["summarize", str(path)])
    assert ok.exit_code == 0 and ok.stderr == EXTRACTIVE_NOTICE + "\n"
    chosen = runner.invoke(app, ["summarize", str(path), "--engine", "extractive"])
    assert chosen.exit_code == 0 and chosen.stderr == ""
    write_articles(tmp_path / "many", 3)
    many = runner.invoke(app, ["summarize", str(tmp_path / "many"), str(tmp_path / "nope.txt"),
                               "-o", str(tmp_path / "out")])  # fmt: skip
    assert many.exit_code == 4 and many.stderr.count(EXTRACTIVE_NOTICE) == 1


def test_failure_lines_fit_one_terminal_line_and_the_manifest_keeps_them_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def answer(body: dict[str, Any]) -> Any:
        junk = {"bluf": "x" * 300, "actors": [{"name": "Nobody At All " * 20}]}
        return 200, {"choices": [{"message": {"content": json.dumps(junk)}}]}, {}

    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setattr(Progress, "on_terminal", lambda self: True)
    write_articles(tmp_path / "in", 3)
    out = tmp_path / "out"
    with BatchServer(answer) as url:
        result = run(url, str(tmp_path / "in"), "-o", str(out), "--max-retries", "0")
    assert result.exit_code == 1
    lines = [x for x in result.stderr.splitlines() if x.startswith("summarizer: error:")]
    assert len(lines) == 3 and all(len(x) <= 80 for x in lines), lines
    errors = [e["error"] for e in read_manifest(out / FILE_NAME).values()]
    assert len(errors) == 3 and all(len(e) > 80 for e in errors)
    flat = [" ".join(e.split()) for e in errors]
    heads = [x[len("summarizer: error: ") : -1] for x in lines if x.endswith("…")]
    assert len(heads) == 3 and all(any(e.startswith(h) for e in flat) for h in heads)


def test_a_failure_is_cut_only_on_a_terminal_and_with_a_manifest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setenv("COLUMNS", "60")
    text = "summarizer: error: a.txt: first\n  second " + "y" * 200
    whole = "summarizer: error: a.txt: first second " + "y" * 200 + "\n"
    for stream, short, expected in [
        (Terminal(), True, whole[:59] + "…\n"),
        (Terminal(), False, whole),  # no manifest: the line is all there is
        (io.StringIO(), True, whole),  # a log or a pipe: no screen to flood
    ]:
        Progress(Tally(total=1), stream=stream).failure(text, short=short)
        assert stream.getvalue() == expected
