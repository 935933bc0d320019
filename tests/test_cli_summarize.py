"""`summarizer summarize` end to end over HTTP to a scripted endpoint on 127.0.0.1."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from fake_openai import FIXTURES, FakeEndpoint, completion, fixture
from openai_server import OpenAIServer
from typer.testing import CliRunner

from summarizer.cli import app

ARTICLE = str(FIXTURES / "article.txt")
runner = CliRunner()


def run(*args: str, stdin: str | None = None) -> object:
    return runner.invoke(app, ["summarize", *args], input=stdin)


def llm(url: str, *more: str) -> list[str]:
    return ["--base-url", url, "--model", "m", "--mode", "json", *more]


def test_json_brief_on_stdout() -> None:
    ep = FakeEndpoint(fixture("capable-json"))
    with OpenAIServer(ep) as url:
        result = run(ARTICLE, *llm(url))
    assert result.exit_code == 0, result.stderr
    brief = json.loads(result.stdout)
    assert brief["provenance"]["engine"] == "llm" and brief["provenance"]["mode"] == "json"
    assert brief["provenance"]["endpoint"].startswith("127.0.0.1:")
    assert result.stderr == ""


def test_markdown_to_a_file_and_stdin(tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    ep = FakeEndpoint(fixture("capable-json"))
    with OpenAIServer(ep) as url:
        text = Path(ARTICLE).read_text(encoding="utf-8")
        result = run("-", *llm(url), "--format", "md", "-o", str(out), stdin=text)
    assert result.exit_code == 0, result.stderr
    assert "Coastal Protection Act" in out.read_text(encoding="utf-8")


def test_several_inputs_to_a_folder_one_bad_then_resume(tmp_path: Path) -> None:
    a, b, bad = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "bad.txt"
    for p in (a, b):
        p.write_text(Path(ARTICLE).read_text(encoding="utf-8"), encoding="utf-8")
    bad.write_text("   \n", encoding="utf-8")
    out = tmp_path / "out"
    ep = FakeEndpoint(fixture("capable-json"), fixture("capable-json"))
    with OpenAIServer(ep) as url:
        result = run(str(a), str(bad), str(b), *llm(url), "-o", str(out))
        assert result.exit_code == 4
        assert "bad.txt" in result.stderr and "Traceback" not in result.stderr
        assert sorted(p.name for p in out.glob("*.json")) == ["a.json", "b.json"]
        # Rerun: finished briefs are kept and not requested again.
        again = run(str(a), str(b), *llm(url), "-o", str(out))
    assert again.exit_code == 0 and len(ep.requests) == 2


def test_several_inputs_without_output_are_json_lines(tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_text(Path(ARTICLE).read_text(encoding="utf-8"), encoding="utf-8")
    ep = FakeEndpoint(fixture("capable-json"), fixture("capable-json"))
    with OpenAIServer(ep) as url:
        result = run(ARTICLE, str(copy), *llm(url))
    lines = result.stdout.strip().splitlines()
    assert result.exit_code == 0 and len(lines) == 2
    assert all(json.loads(line)["provenance"]["engine"] == "llm" for line in lines)


def test_retries_exhausted_exit_1_with_saved_answer(tmp_path: Path) -> None:
    ep = FakeEndpoint(*(completion("no idea") for _ in range(2)))
    out = tmp_path / "out"
    with OpenAIServer(ep) as url:
        result = run(ARTICLE, *llm(url, "--max-retries", "1"), "-o", str(out) + "/")
    assert result.exit_code == 1
    line = result.stderr.strip()
    assert "\n" not in line and "no valid brief after 2 attempts" in line
    saved = Path(line.split("saved to ")[1])
    assert saved.parent == out / ".failed" and json.loads(saved.read_text())["raw_answer"]


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def test_unreachable_endpoint_exit_3() -> None:
    result = run(ARTICLE, *llm(f"http://127.0.0.1:{_closed_port()}/v1", "--timeout", "2"))
    assert result.exit_code == 3
    assert (
        result.stderr.strip().startswith("summarizer: error:") and "cannot connect" in result.stderr
    )


def test_auth_failure_exit_3_never_shows_key(monkeypatch: pytest.MonkeyPatch) -> None:
    key = "sk-live-SECRET-abcdef123456"
    monkeypatch.setenv("OPENAI_API_KEY", key)
    ep = FakeEndpoint((401, {"error": {"message": f"Incorrect API key provided: {key}"}}))
    server = OpenAIServer(ep)
    with server as url:
        result = run(ARTICLE, *llm(url))
    assert result.exit_code == 3 and "authentication failed" in result.stderr
    assert key not in result.stderr + result.stdout
    assert server.headers[0]["authorization"] == f"Bearer {key}"


@pytest.mark.parametrize(
    "args",
    [["--format", "xml"], ["--mode", "yaml"], ["--engine", "magic"], ["--max-retries", "-1"],
     ["--engine", "llm"]],
)  # fmt: skip
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = run(ARTICLE, *args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_bad_input_exit_4(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    for path in (tmp_path / "empty.txt", tmp_path / "missing.txt"):
        result = run(str(path), "--engine", "extractive")
        assert result.exit_code == 4 and result.stderr.count("\n") == 1


def test_schema_command_prints_the_brief_schema() -> None:
    result = runner.invoke(app, ["schema"])
    schema = json.loads(result.stdout)
    assert {"source", "bluf", "event", "actors", "positions", "legal_context", "outcome",
            "open_questions", "provenance"} <= set(schema["properties"])  # fmt: skip


def test_output_that_cannot_be_written_is_a_usage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file.json"
    blocker.write_text("{}", encoding="utf-8")
    copy = tmp_path / "copy.txt"
    copy.write_text(Path(ARTICLE).read_text(encoding="utf-8"), encoding="utf-8")
    for inputs, out in (([ARTICLE], blocker / "x.json"), ([ARTICLE, str(copy)], blocker / "d")):
        result = run(*inputs, "--engine", "extractive", "-o", str(out))
        assert result.exit_code == 2, result.output
        assert result.stderr.count("\n") == 1 and "cannot create the output folder" in result.stderr


def test_stdin_in_a_folder_run_is_summarized_again(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out).mkdir()
    (out / "stdin.json").write_text("{}", encoding="utf-8")  # from an earlier run
    text = Path(ARTICLE).read_text(encoding="utf-8")
    result = run("-", "--engine", "extractive", "-o", str(out), stdin=text)
    assert result.exit_code == 0, result.stderr
    assert json.loads((out / "stdin.json").read_text())["provenance"]["engine"] == "extractive"
