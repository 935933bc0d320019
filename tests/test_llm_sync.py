"""The synchronous library API: one request per brief, no SDK retries, no stall.

Each `summarize` call used to run its own `asyncio.run`: the client's pooled connection
belonged to the closed loop, so the SDK re-sent the request (a duplicate, and in auto mode
a second request) after a backoff. The loopback server counts requests and reads the SDK's
`x-stainless-retry-count` header, which is 0 only for a first try.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openai_server import OpenAILike
from synthetic import long_article

from summarizer.article import Article
from summarizer.config import resolve
from summarizer.engines import make_engine

ARTICLES = [Article(text=long_article(300, seed=n), origin=f"a{n}.txt") for n in range(5)]


@pytest.mark.parametrize("mode", ["auto", "tools"])
def test_five_sync_calls_make_five_requests(mode: str, tmp_path: Path) -> None:
    server = OpenAILike()
    with server as url:
        settings = resolve({"base_url": url, "model": "m", "mode": mode, "cache": False,
                            "cache_dir": str(tmp_path)}, env={})  # fmt: skip
        engine = make_engine(settings)
        briefs = [engine.summarize(article) for article in ARTICLES]
    assert len(server.requests) == 5
    assert [h.get("x-stainless-retry-count") for h in server.headers] == ["0"] * 5
    assert server.connections == 1  # one pooled connection, kept by one loop
    assert all(b.provenance.attempts == 1 for b in briefs)
    assert [b.provenance.article_sha256 for b in briefs] == [a.sha256 for a in ARTICLES]


def test_sync_calls_through_the_cache_and_async_calls_share_nothing_stale(tmp_path: Path) -> None:
    server = OpenAILike()
    with server as url:
        settings = resolve({"base_url": url, "model": "m", "mode": "tools",
                            "cache_dir": str(tmp_path)}, env={})  # fmt: skip
        engine = make_engine(settings)  # behind the response cache
        first = [engine.summarize(a) for a in ARTICLES[:3]]
        again = [engine.summarize(a) for a in ARTICLES[:3]]  # all from the cache

        async def both() -> None:  # a caller's own loops get their own client
            await engine.asummarize(ARTICLES[3])

        asyncio.run(both())
        asyncio.run(engine.asummarize(ARTICLES[4]))
        engine.summarize(ARTICLES[4])  # cached now
    assert len(server.requests) == 5
    assert [h.get("x-stainless-retry-count") for h in server.headers] == ["0"] * 5
    assert not any(b.provenance.cached for b in first) and all(b.provenance.cached for b in again)


def test_a_fully_cached_rerun_imports_no_llm_client(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(long_article(300), encoding="utf-8")
    code = (
        "import sys\n"
        "from summarizer.cli import app\n"
        "try:\n    app(sys.argv[1:], standalone_mode=False)\n"
        "except SystemExit:\n    pass\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('openai', 'instructor', 'httpx2', 'httpx'))\n"
        "print('HEAVY', len(heavy), heavy[:3], file=sys.stderr)\n"
    )
    (tmp_path / "empty.toml").write_text("", encoding="utf-8")
    env = {**os.environ, "SUMMARIZER_CACHE_DIR": str(tmp_path / "cache"),
           "SUMMARIZER_CONFIG": str(tmp_path / "empty.toml")}  # fmt: skip
    env.pop("OPENAI_API_KEY", None)
    server = OpenAILike()
    with server as url:
        args = ["summarize", str(article), "--base-url", url, "--model", "m"]
        runs = [subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                               text=True, env=env, timeout=120) for _ in range(2)]  # fmt: skip
    assert len(server.requests) == 1
    first, second = (r.stderr for r in runs)
    assert "HEAVY 0 " not in first  # the first run did need the client
    assert "HEAVY 0 []" in second, second
    assert '"cached": true' in runs[1].stdout
