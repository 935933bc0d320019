"""The response cache: a rerun costs no requests; any change to what decides the answer misses."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

from batch_server import FIXTURES, BatchServer, write_articles
from typer.testing import CliRunner

from summarizer.article import Article
from summarizer.cli import app
from summarizer.config import resolve
from summarizer.engines.cache import cache_key
from summarizer.engines.llm.engine import LLMEngine
from summarizer.engines.llm.prompts import default_prompt_dir

runner = CliRunner()


def run(url: str, folder: Path, out: Path, *more: str) -> Any:
    return runner.invoke(app, ["summarize", str(folder), "-o", str(out), "--base-url", url,
                               "--model", "m", "--mode", "json", *more])  # fmt: skip


def test_a_rerun_is_served_from_the_cache(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 3)
    server = BatchServer()
    with server as url:
        first = run(url, tmp_path / "in", tmp_path / "one")
        second = run(url, tmp_path / "in", tmp_path / "two")  # a new folder: no resume
    assert first.exit_code == second.exit_code == 0
    assert len(server.requests) == 3
    assert "3 done (3 from cache)" in second.stderr and "0 requests" in second.stderr
    brief = json.loads((tmp_path / "two" / "a00001.json").read_text(encoding="utf-8"))
    assert brief["provenance"]["cached"] is True
    assert brief["provenance"]["article_origin"] == str(tmp_path / "in" / "a00001.txt")
    original = json.loads((tmp_path / "one" / "a00001.json").read_text(encoding="utf-8"))
    assert original["provenance"]["cached"] is False
    assert brief["event"] == original["event"] and brief["actors"] == original["actors"]


def test_no_cache_neither_reads_nor_writes(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 2)
    server = BatchServer()
    with server as url:
        run(url, tmp_path / "in", tmp_path / "one")
        run(url, tmp_path / "in", tmp_path / "two", "--no-cache")  # does not read
        assert len(server.requests) == 4
        run(url, tmp_path / "in", tmp_path / "three", "--no-cache", "--max-tokens", "900")
        run(url, tmp_path / "in", tmp_path / "four", "--max-tokens", "900")  # nothing written
    assert len(server.requests) == 8


def test_the_key_covers_everything_that_decides_the_answer(tmp_path: Path) -> None:
    text = (FIXTURES / "article.txt").read_text(encoding="utf-8")
    base = resolve({"base_url": "http://127.0.0.1:9/v1", "model": "m", "mode": "json"})
    article = Article(text=text, title="T")
    prompts = tmp_path / "prompts"
    shutil.copytree(default_prompt_dir(), prompts)
    system = prompts / "brief.system.j2"
    system.write_text(system.read_text(encoding="utf-8") + "\nBe brief.\n", encoding="utf-8")

    def key(article: Article = article, **changes: Any) -> str:
        return cache_key(LLMEngine(replace(base, **changes)), article)

    same = key()
    variants = [
        key(model="other"), key(mode="tools"), key(max_tokens=900), key(temperature=0.5),
        key(base_url="http://127.0.0.1:10/v1"), key(prompt_dir=str(prompts)),
        key(Article(text=text + " More.", title="T")), key(Article(text=text, title="U")),
    ]  # fmt: skip
    assert key() == same and same not in variants and len(set(variants)) == len(variants)
    assert key(max_retries=5, concurrency=9, timeout=3.0) == same  # these change no answer


def test_cache_info_and_clear(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 2)
    with BatchServer() as url:
        run(url, tmp_path / "in", tmp_path / "out")
    info = runner.invoke(app, ["cache", "info"])
    assert info.exit_code == 0 and "entries: 2" in info.stdout and "  m: 2" in info.stdout
    assert str(tmp_path / "cache") in info.stdout
    cleared = runner.invoke(app, ["cache", "clear"])
    assert cleared.exit_code == 0 and "cleared 2" in cleared.stdout
    assert "entries: 0" in runner.invoke(app, ["cache", "info"]).stdout


def test_a_broken_cache_file_is_a_one_line_usage_error(tmp_path: Path) -> None:
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "responses.sqlite").write_bytes(b"not a database" * 100)
    for command in (["cache", "info"], ["cache", "clear"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 2, result.output
        assert result.stderr.count("\n") == 1 and "--no-cache" in result.stderr
    write_articles(tmp_path / "in", 1)
    server = BatchServer()
    with server as url:
        result = run(url, tmp_path / "in", tmp_path / "out")
        assert result.exit_code == 2 and "internal error" not in result.stderr
        assert run(url, tmp_path / "in", tmp_path / "out", "--no-cache").exit_code == 0
