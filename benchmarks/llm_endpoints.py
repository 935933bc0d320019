"""Issue 11's done-when figures, against loopback servers that answer as OpenAI documents.

Run (about 15 s; nothing leaves 127.0.0.1): `python benchmarks/llm_endpoints.py`

1. A reasoning-model server (`tests/openai_server.py` `OpenAILike(reasoning=True)`: HTTP 400
   to `max_tokens` and to temperature 0, reasoning tokens inside `max_completion_tokens`):
   requests, exit code and grounding of a first and a next CLI run.
2. A 6,000-word synthetic article against a 4,096-token window: exit code, requests, chunks
   and which quarters of the article the evidence comes from.
3. Five synchronous `engine.summarize` calls: requests, TCP connections, SDK retries.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from openai_server import OpenAILike  # noqa: E402
from synthetic import long_article  # noqa: E402


def summarize(url: str, path: Path, env: dict[str, str], *more: str) -> tuple[int, Any]:
    """Run the CLI in a fresh process; (exit code, the brief or stderr)."""
    cmd = [sys.executable, "-c", "from summarizer.cli import main; main()", "summarize",
           str(path), "--base-url", url, "--no-cache", *more]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    return done.returncode, json.loads(done.stdout) if done.returncode == 0 else done.stderr


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    (tmp / "none.toml").write_text("", encoding="utf-8")  # an empty config: defaults only
    env = {**os.environ, "SUMMARIZER_CACHE_DIR": str(tmp / "cache"),
           "SUMMARIZER_CONFIG": str(tmp / "none.toml")}  # fmt: skip
    env.pop("OPENAI_API_KEY", None)
    article = tmp / "harbour.txt"
    article.write_text(long_article(1500), encoding="utf-8")
    server = OpenAILike(reasoning=True)
    with server as url:
        for run in ("first", "next"):
            before = len(server.requests)
            code, brief = summarize(url, article, env, "--model", "gpt-5-mini")
            p, g = brief["provenance"], brief["provenance"]["grounding"]
            print(f"reasoning server, {run} run: exit {code}, {len(server.requests) - before} "
                  f"requests {server.statuses[before:]}, grounded {g['exact'] + g['fuzzy']}/"
                  f"{g['quotes']}, token_budget {p['token_budget']}, reasoning_effort "
                  f"{p['reasoning_effort']}, reasoning_tokens {p['usage']['reasoning_tokens']}")
    text = long_article(6000)
    long = tmp / "long.txt"
    long.write_text(text, encoding="utf-8")
    server = OpenAILike(window=4096)
    with server as url:
        code, brief = summarize(url, long, env, "--model", "small")
    items = [brief["event"], brief["outcome"], *brief["actors"], *brief["positions"],
             *brief["legal_context"]]  # fmt: skip
    quarters = sorted({q["start"] * 4 // len(text) + 1 for i in items for q in i["evidence"]})
    p, g = brief["provenance"], brief["provenance"]["grounding"]
    print(f"{len(text.split())}-word article vs a 4,096-token window: exit {code}, "
          f"{len(server.requests)} requests ({server.statuses.count(400)} x HTTP 400, then "
          f"{len(p['chunks'])} chunks), evidence from quarters {quarters}, grounded "
          f"{g['exact'] + g['fuzzy']}/{g['quotes']}")
    from summarizer.article import Article
    from summarizer.config import resolve
    from summarizer.engines import make_engine

    for mode in ("auto", "tools"):
        server = OpenAILike()
        with server as url:
            settings = resolve({"base_url": url, "model": "m", "mode": mode, "cache": False,
                                "cache_dir": str(tmp / "sync")}, env={})  # fmt: skip
            engine = make_engine(settings)
            for n in range(5):
                engine.summarize(Article(text=long_article(300, seed=n)))
        retries = [h.get("x-stainless-retry-count") for h in server.headers]
        print(f"five sync engine.summarize calls (--mode {mode}): {len(server.requests)} "
              f"requests over {server.connections} connection(s), SDK retry counts {retries}")


if __name__ == "__main__":
    main()
