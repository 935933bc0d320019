"""Settings resolution: flags > environment > config file > defaults, read at call time."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.config import resolve
from summarizer.errors import UsageError


def write_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("SUMMARIZER_CONFIG", str(path))


def test_defaults_are_offline() -> None:
    s = resolve()
    assert (s.engine, s.effective_engine, s.mode, s.api_key) == ("auto", "extractive", "auto", None)


def test_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_config(tmp_path, monkeypatch, 'model = "from-file"\nmax_retries = 5\nmode = "json"\n')
    assert resolve().model == "from-file" and resolve().max_retries == 5
    monkeypatch.setenv("SUMMARIZER_MODEL", "from-env")
    assert resolve().model == "from-env" and resolve().mode == "json"
    assert resolve({"model": "from-flag", "mode": None}).model == "from-flag"


def test_environment_is_read_when_called_not_at_import(monkeypatch: pytest.MonkeyPatch) -> None:
    assert not resolve().llm_configured
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    s = resolve()
    assert s.effective_engine == "llm" and s.effective_model == "local"
    monkeypatch.setenv("OPENAI_API_KEY", "sk-abc")
    monkeypatch.delenv("OPENAI_BASE_URL")
    assert resolve().effective_model == "gpt-4o-mini"
    assert "sk-abc" not in repr(resolve())


def test_config_file_section_and_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_config(tmp_path, monkeypatch, '[summarizer]\nbase_url = "http://127.0.0.1:8/v1"\n')
    assert resolve().base_url == "http://127.0.0.1:8/v1"
    write_config(tmp_path, monkeypatch, "model = \n")
    with pytest.raises(UsageError, match="config file"):
        resolve()
    write_config(tmp_path, monkeypatch, 'colour = "blue"\n')
    with pytest.raises(UsageError, match="unknown setting 'colour'"):
        resolve()
    write_config(tmp_path, monkeypatch, "summarizer = 3\n")
    with pytest.raises(UsageError, match="must be a table"):
        resolve()
    write_config(tmp_path, monkeypatch, "rpm = [1]\n")
    with pytest.raises(UsageError, match="setting rpm"):
        resolve()


def test_a_named_config_file_must_exist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from summarizer.cli import app

    missing = tmp_path / "typo.toml"
    monkeypatch.setenv("SUMMARIZER_CONFIG", str(missing))
    with pytest.raises(UsageError, match="no such file"):
        resolve()
    result = CliRunner().invoke(app, ["summarize", "missing-input.txt"])
    assert result.exit_code == 2
    assert result.stderr == (f"summarizer: error: config file {missing} "
                             "(from SUMMARIZER_CONFIG): no such file\n")  # fmt: skip
    monkeypatch.setenv("SUMMARIZER_CONFIG", str(tmp_path))
    with pytest.raises(UsageError, match="is a folder"):
        resolve()
    monkeypatch.setenv("SUMMARIZER_CONFIG", "")  # empty: the platform location, if any
    assert resolve().engine == "auto"


@pytest.mark.parametrize(
    ("args", "env", "line"),
    [
        (["--base-url", "notaurl"], {},
         "--base-url 'notaurl' is not a URL (expected http(s)://host[:port]/path)"),
        (["--base-url", "http://"], {}, "--base-url 'http://' is not a URL"),
        (["--base-url", "ftp://host/v1"], {}, "--base-url 'ftp://host/v1' is not a URL"),
        (["--base-url", "http://h:port/v1"], {}, "--base-url 'http://h:port/v1' is not a URL"),
        ([], {"OPENAI_BASE_URL": "localhost:8080"}, "OPENAI_BASE_URL 'localhost:8080' is not"),
        (["-j", "0"], {}, "-j must be >= 1"),
        ([], {"SUMMARIZER_CONCURRENCY": "0"}, "SUMMARIZER_CONCURRENCY must be >= 1"),
        (["--max-retries", "-1"], {}, "--max-retries must be >= 0"),
        (["--max-tokens", "10"], {}, "--max-tokens must be >= 64"),
        (["--rpm", "-5"], {}, "--rpm must be >= 0 (0: no cap)"),
        (["--deadline", "0"], {}, "--deadline must be > 0 seconds"),
    ],
)  # fmt: skip
def test_mistakes_exit_2_naming_only_the_culprit(
    args: list[str], env: dict[str, str], line: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from summarizer.cli import app

    for key, value in env.items():
        monkeypatch.setenv(key, value)
    result = CliRunner().invoke(app, ["summarize", "missing-input.txt", *args])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.stderr.startswith(f"summarizer: error: {line}")
    assert result.stderr.count("\n") == 1 and result.stderr.count(" must ") <= 1
    others = {"-j", "--max-retries", "--max-tokens", "--timeout", "--deadline", "--rpm", "--tpm"}
    named = set(result.stderr.replace(",", " ").split()) & others
    assert len(named) <= 1


def test_a_good_base_url_passes() -> None:
    for url in ("http://127.0.0.1:8080/v1", "https://api.example.org/v1", "http://[::1]:9/v1"):
        assert resolve({"base_url": url}).base_url == url


@pytest.mark.parametrize(
    ("flags", "message"),
    [({"engine": "gpt"}, "--engine"), ({"mode": "xml"}, "--mode"),
     ({"max_retries": -1}, "--max-retries"), ({"engine": "llm"}, "needs OPENAI_API_KEY"),
     ({"max_tokens": "many"}, "not a valid int"), ({"timeout": -1}, "--timeout"),
     ({"deadline": 0}, "--deadline"), ({"timeout": "nan"}, "--timeout")],
)  # fmt: skip
def test_bad_values_are_usage_errors(flags: dict[str, object], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        resolve(flags)
