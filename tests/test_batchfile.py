"""Batch files: export requests, import recorded results, ground them exactly like live answers.

The results use tests/fixtures/llm/capable-*.json (a capable model's answers, hand-written
in the exact OpenAI format) wrapped in the Batch API's output line format.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from batch_server import FIXTURES, BatchServer, write_articles
from typer.testing import CliRunner

from summarizer.batch.batch_api import parse_custom_id
from summarizer.cli import app
from summarizer.config import DEFAULT_MAX_TOKENS as BUDGET

runner = CliRunner()
MODEL = "gpt-4o-mini-2024-07-18"  # the model the recorded answers name


def fixture(name: str) -> dict[str, Any]:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def export(inputs: list[str], out: Path, mode: str = "json_schema") -> Any:
    return runner.invoke(app, ["batch", "export", *inputs, "-o", str(out), "--model", MODEL,
                               "--mode", mode])  # fmt: skip


def result_line(custom_id: str, body: dict[str, Any] | None = None, **more: Any) -> str:
    line = {
        "id": "batch_req_1",
        "custom_id": custom_id,
        "error": None,
        "response": {"status_code": 200, "request_id": "req_1", "body": body},
    } | more
    return json.dumps(line)  # fmt: skip


def answer_all(requests: Path, results: Path, answer: str = "capable-json_schema") -> list[str]:
    ids = [json.loads(x)["custom_id"] for x in requests.read_text(encoding="utf-8").splitlines()]
    results.write_text("".join(result_line(i, fixture(answer)) + "\n" for i in ids), "utf-8")
    return ids


def test_export_writes_the_request_the_live_engine_sends(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    shutil.copy(FIXTURES / "article.txt", article)
    result = export([str(article)], tmp_path / "requests.jsonl")
    assert result.exit_code == 0, result.stderr
    (line,) = [json.loads(x) for x in (tmp_path / "requests.jsonl").read_text().splitlines()]
    assert line["method"] == "POST" and line["url"] == "/v1/chat/completions"
    index, mode, _, sha, ref = parse_custom_id(line["custom_id"])
    assert (index, mode, ref, len(sha)) == (0, "json_schema", str(article), 64)
    server = BatchServer()
    with server as url:
        live = runner.invoke(app, ["summarize", str(article), "--base-url", url, "--model",
                                   MODEL, "--mode", "json_schema", "--no-cache"])  # fmt: skip
    assert live.exit_code == 0, live.stderr
    assert line["body"] == server.requests[0]


def test_round_trip_gives_the_live_brief(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    shutil.copy(FIXTURES / "article.txt", article)
    export([str(article)], tmp_path / "requests.jsonl")
    answer_all(tmp_path / "requests.jsonl", tmp_path / "results.jsonl")
    imported = runner.invoke(app, ["batch", "import", str(tmp_path / "results.jsonl"),
                                   "-o", str(tmp_path / "out")])  # fmt: skip
    assert imported.exit_code == 0, imported.stderr
    assert "1 brief written" in imported.stderr
    with BatchServer() as url:
        live = runner.invoke(app, ["summarize", str(article), "--base-url", url, "--model",
                                   MODEL, "--mode", "json_schema", "--no-cache"])  # fmt: skip
    brief = json.loads((tmp_path / "out" / "article.json").read_text(encoding="utf-8"))
    expected = json.loads(live.stdout)
    batch_p, live_p = brief.pop("provenance"), expected.pop("provenance")
    assert brief == expected
    assert batch_p["cost_usd"] == pytest.approx(live_p["cost_usd"] / 2)  # batch price
    for key in ("created_at", "latency_s", "cost_usd", "endpoint", "provider"):
        batch_p.pop(key), live_p.pop(key)
    assert batch_p == live_p


def test_import_lists_failures_then_live_retry_requests_only_those(tmp_path: Path) -> None:
    paths = write_articles(tmp_path / "in", 6)
    export([str(tmp_path / "in")], tmp_path / "requests.jsonl", mode="json")
    ids = answer_all(tmp_path / "requests.jsonl", tmp_path / "results.jsonl", "capable-json")
    cut = fixture("capable-json")
    cut["choices"][0]["finish_reason"] = "length"
    lines = (tmp_path / "results.jsonl").read_text(encoding="utf-8").splitlines()
    lines[1] = result_line(ids[1], {"choices": [{"message": {"content": "{not json"}}]})
    lines[2] = result_line(ids[2], None, error={"code": "server_error", "message": "boom"})
    lines[3] = result_line(ids[3], cut)
    paths[4].write_text(paths[4].read_text(encoding="utf-8") + "Edited.\n", encoding="utf-8")
    lines.append("not json at all")
    (tmp_path / "results.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["batch", "import", str(tmp_path / "results.jsonl"),
                                 "-o", str(out)])  # fmt: skip
    assert result.exit_code == 4  # the changed article is the worst (4 > 3 > 1)
    err = result.stderr
    assert "a00001.txt: the answer is not valid JSON" in err
    assert "a00002.txt: the batch request failed: boom" in err
    assert "a00003.txt: the answer was cut off" in err
    assert "a00004.txt: the article changed since the export" in err
    assert "results.jsonl:7: not a JSON object line" in err
    assert "5 answers failed" in err and "live" in err
    assert sorted(p.name for p in out.glob("*.json")) == ["a00000.json", "a00005.json"]
    server = BatchServer()
    with server as url:
        live = runner.invoke(
            app,
            [
                "summarize",
                str(tmp_path / "in"),
                "-o",
                str(out),
                "--base-url",
                url,
                "--model",
                "m",
                "--mode",
                "json",
            ],
        )
    assert live.exit_code == 0, live.stderr
    assert sorted(server.tags()) == ["article-1", "article-2", "article-3", "article-4"]


def test_export_refuses_stdin_and_reports_bad_inputs(tmp_path: Path) -> None:
    assert export(["-"], tmp_path / "r.jsonl").exit_code == 2
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = export([str(tmp_path / "empty.txt"), str(FIXTURES / "article.txt")],
                    tmp_path / "r.jsonl")  # fmt: skip
    assert result.exit_code == 4 and "empty.txt" in result.stderr
    assert len((tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines()) == 1


def imports(results: Path, out: Path) -> Any:
    return runner.invoke(app, ["batch", "import", str(results), "-o", str(out)])


def test_bad_files_and_paths_are_one_line_errors(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    shutil.copy(FIXTURES / "article.txt", article)
    (tmp_path / "folder").mkdir()
    assert export([str(article)], tmp_path / "folder").exit_code == 2
    assert export([str(article)], tmp_path / "requests.jsonl").exit_code == 0
    answer_all(tmp_path / "requests.jsonl", tmp_path / "results.jsonl")
    (tmp_path / "binary.jsonl").write_bytes(b"\x00\xd0\xff" * 50)
    cases = [(tmp_path / "binary.jsonl", tmp_path / "out", 4),
             (tmp_path / "results.jsonl", article, 2)]  # fmt: skip
    for results, out, code in cases:
        result = imports(results, out)
        assert result.exit_code == code, result.output
        assert result.stderr.count("\n") == 1 and "internal error" not in result.stderr


def test_import_survives_odd_lines(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 2)
    export([str(tmp_path / "in")], tmp_path / "requests.jsonl", mode="json")
    ids = answer_all(tmp_path / "requests.jsonl", tmp_path / "results.jsonl", "capable-json")
    # Two exports concatenated: the same index names two inputs; one line has no response.
    other = "0|" + ids[1].split("|", 1)[1]
    lines = [result_line(ids[0], fixture("capable-json")),
             result_line(other, fixture("capable-json")),
             json.dumps({"custom_id": ids[1], "response": "gone"})]  # fmt: skip
    (tmp_path / "results.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = imports(tmp_path / "results.jsonl", tmp_path / "out")
    assert result.exit_code == 1, result.output
    assert "a00001.txt: the result line has no response" in result.stderr
    written = sorted(p.name for p in (tmp_path / "out").glob("*.json"))
    assert written == ["a00000.json", "a00001.json"]


def _bodies(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x)["body"] for x in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize(("model", "flags", "reasoning"), [
    ("gpt-5-mini", [], True), ("o4-mini", [], True), ("gpt-4o-mini", [], False),
    ("gpt-5-mini", ["--param-style", "classic"], False),
    ("my-azure-deployment", ["--param-style", "reasoning"], True),
])  # fmt: skip
def test_export_writes_the_parameters_the_model_family_takes(
    model: str, flags: list[str], reasoning: bool, tmp_path: Path
) -> None:
    article = tmp_path / "article.txt"
    shutil.copy(FIXTURES / "article.txt", article)
    out = tmp_path / "requests.jsonl"
    args = ["batch", "export", str(article), "-o", str(out), "--model", model, *flags]
    result = runner.invoke(app, args, env={"SUMMARIZER_CACHE_DIR": str(tmp_path)})
    assert result.exit_code == 0, result.stderr
    (body,) = _bodies(out)
    if reasoning:
        assert "max_tokens" not in body and "temperature" not in body
        assert body["max_completion_tokens"] == BUDGET + 3000 and body["reasoning_effort"] == "low"
    else:
        assert (body["max_tokens"], body["temperature"]) == (BUDGET, 0.0)
        assert "max_completion_tokens" not in body and "reasoning_effort" not in body


def test_export_uses_what_live_runs_learned_about_the_endpoint(tmp_path: Path) -> None:
    from openai_server import OpenAILike
    from synthetic import long_article

    article = tmp_path / "harbour.txt"
    article.write_text(long_article(500), encoding="utf-8")
    env = {"SUMMARIZER_CACHE_DIR": str(tmp_path / "cache")}
    server = OpenAILike(reasoning=True)
    with server as url:
        live = runner.invoke(app, ["summarize", str(article), "--base-url", url, "--model",
                                   "house-model"], env=env)  # fmt: skip
        assert live.exit_code == 0, live.stderr
        out = tmp_path / "requests.jsonl"
        args = ["batch", "export", str(article), "-o", str(out), "--base-url", url, "--model",
                "house-model"]  # fmt: skip
        exported = runner.invoke(app, args, env=env)
    assert exported.exit_code == 0, exported.stderr
    (line,) = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert parse_custom_id(line["custom_id"])[1] == "tools"  # the remembered mode
    body = line["body"]  # not a known family: what the endpoint's 400s taught
    assert "max_tokens" not in body and "temperature" not in body
    assert body["max_completion_tokens"] == BUDGET + 3000 and body["reasoning_effort"] == "low"
    assert body == server.requests[-1]  # exactly the request the live run now sends
