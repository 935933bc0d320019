"""An OpenAI-compatible test server on 127.0.0.1 for batch runs: latency, 429s, 5xx, headers.

Unlike `openai_server.OpenAIServer` (one scripted reply after another), each request is
answered by a function of its body, so concurrent requests get the right answer whatever
order they arrive in. It counts requests in flight (and the most at once), and can hold the
first requests back until `hold` of them are in flight together, which makes a concurrency
bound observable without timing assumptions.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).parent / "fixtures" / "llm"
Answer = tuple[int, Any, dict[str, str]]  # status, JSON payload, extra headers


def capable_answer(body: dict[str, Any]) -> Answer:
    """The capable model's answer (tests/fixtures/llm) in the mode the request asks for."""
    fmt = body.get("response_format") or {}
    if body.get("tools"):
        name = "capable-tools"
    elif fmt.get("type") == "json_schema":
        name = "capable-json_schema"
    elif fmt.get("type") == "json_object":
        name = "capable-json"
    else:
        name = "capable-md_json"
    return 200, _fixture(name), {}


@cache
def _fixture(name: str) -> dict[str, Any]:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def article_tag(body: dict[str, Any]) -> str:
    """The `[tag]` test articles carry in their text (see `write_articles`), or ''."""
    text = json.dumps(body.get("messages", []))
    start = text.find("[article-")
    return text[start + 1 : text.find("]", start)] if start >= 0 else ""


def write_articles(folder: Path, count: int) -> list[Path]:
    """`count` copies of the fixture article, each made distinct by a `[article-N]` line."""
    folder.mkdir(parents=True, exist_ok=True)
    base = (FIXTURES / "article.txt").read_text(encoding="utf-8")
    paths = []
    for n in range(count):
        path = folder / f"a{n:05d}.txt"
        path.write_text(f"{base.rstrip()}\n\nReference: [article-{n}]\n", encoding="utf-8")
        paths.append(path)
    return paths


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the default backlog of 5 drops bursts of connections

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that hung up (an interrupted run) is expected here


class BatchServer:
    """`with BatchServer(answer, latency=0.1) as url:` serves /v1/chat/completions."""

    def __init__(
        self,
        answer: Callable[[dict[str, Any]], Answer] = capable_answer,
        latency: float = 0.0,
        hold: int = 0,
        hold_timeout: float = 5.0,
    ) -> None:
        self.answer, self.latency = answer, latency
        self.hold, self.hold_timeout = hold, hold_timeout
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []  # each request's headers, lower-case names
        self.inflight = 0
        self.max_inflight = 0
        self.cond = threading.Condition()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                with server.cond:
                    server.headers.append({k.lower(): v for k, v in self.headers.items()})
                status, payload, headers = server._serve(body)
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)

        self.httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def _serve(self, body: dict[str, Any]) -> Answer:
        with self.cond:
            self.requests.append(body)
            self.inflight += 1
            self.max_inflight = max(self.max_inflight, self.inflight)
            self.cond.notify_all()
            if self.hold:  # the first requests wait (bounded) until `hold` are in flight at once
                self.cond.wait_for(lambda: self.max_inflight >= self.hold, self.hold_timeout)
        try:
            if self.latency:
                time.sleep(self.latency)
            return self.answer(body)
        finally:
            with self.cond:
                self.inflight -= 1

    def tags(self) -> list[str]:
        """The article tag of each request received, in order."""
        with self.cond:
            return [article_tag(b) for b in self.requests]

    @property
    def base_url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    def __enter__(self) -> str:
        self.thread.start()
        return self.base_url

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
