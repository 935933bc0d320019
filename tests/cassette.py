"""Record and replay HTTP exchanges on httpx2, the transport openai 3.x really sends through.

A cassette is one JSON file::

    {"origin": "recorded from <server>, <model>, on <date>",   # what produced it
     "kind": "recorded",
     "meta": {...},                                             # scenario, settings, notes
     "interactions": [{"request": {"method", "path", "body"},
                       "response": {"status", "headers", "body"}}, ...]}

`RecordingTransport` wraps a real transport and writes every exchange, with secrets
filtered: only a few harmless headers are kept (never Authorization, api-key or cookies) and
every body goes through `summarizer.redact.redact`. `ReplayTransport` serves the recorded
responses in order and never touches the network; a request whose method or path differs
from the recording, or one more request than was recorded, fails the test loudly.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx2

from summarizer.redact import redact

# Response headers worth keeping; everything else (auth, cookies, ids, dates) is dropped.
KEPT_RESPONSE_HEADERS = ("content-type", "retry-after", "x-should-retry")
SECRET_HEADERS = ("authorization", "api-key", "x-api-key", "cookie", "set-cookie",
                  "openai-organization", "openai-project")  # fmt: skip
_WIRE = ("content-encoding", "content-length", "transfer-encoding")


def _body(content: bytes, *secrets: str | None) -> Any:
    """A body as JSON when it is JSON (else text), with secrets and key-like strings removed."""
    text = redact(content.decode("utf-8", errors="replace"), *secrets)
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return {"_text": text}


def _encode(body: Any) -> bytes:
    if body is None:
        return b""
    if isinstance(body, dict) and set(body) == {"_text"}:
        return str(body["_text"]).encode("utf-8")
    return json.dumps(body, ensure_ascii=False).encode("utf-8")


class RecordingTransport(httpx2.AsyncBaseTransport):
    """Send through `inner` and write each exchange to the cassette at `path` as it happens.

    Args:
        inner: the transport that really sends (e.g. `httpx2.AsyncHTTPTransport()`).
        path: the cassette file (rewritten after every exchange, so a crash keeps what came).
        origin: where the responses come from, e.g. "recorded from llama-cpp-python 0.3.36
            server, Gemma 3 270M Q4_K_M, on 2025-01-01".
        secrets: extra strings to remove from bodies (the API key used while recording).
        meta: free-form description of the scenario, stored beside the exchanges.
    """

    def __init__(
        self,
        inner: httpx2.AsyncBaseTransport,
        path: Path,
        origin: str,
        secrets: tuple[str | None, ...] = (),
        meta: dict[str, Any] | None = None,
    ) -> None:
        self.inner = inner
        self.path = Path(path)
        self.origin = origin
        self.secrets = secrets
        self.meta: dict[str, Any] = dict(meta or {})
        self.interactions: list[dict[str, Any]] = []  # fmt: skip

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        """Send the request, record the exchange, and hand back an equivalent response."""
        content = await request.aread()
        sent = {"method": request.method, "path": request.url.path,
                "body": _body(content, *self.secrets)}  # fmt: skip
        try:
            response = await self.inner.handle_async_request(request)
            data = await response.aread()
        except httpx2.TransportError as exc:  # a timeout or lost connection is recorded too
            self.interactions.append({"request": sent, "error": type(exc).__name__})
            self.save()
            raise
        await response.aclose()
        headers = {k.lower(): v for k, v in response.headers.items()
                   if k.lower() in KEPT_RESPONSE_HEADERS}  # fmt: skip
        received = {"status": response.status_code, "headers": headers,
                    "body": _body(data, *self.secrets)}  # fmt: skip
        self.interactions.append({"request": sent, "response": received})
        self.save()
        # `data` is already decoded: drop the headers that describe the wire encoding.
        passed = [(k, v) for k, v in response.headers.items() if k.lower() not in _WIRE]
        return httpx2.Response(response.status_code, headers=passed, content=data,
                               request=request)  # fmt: skip

    def save(self) -> None:
        """Write the cassette (origin, meta, exchanges so far)."""
        cassette = {"origin": self.origin, "kind": "recorded", "meta": self.meta,
                    "interactions": self.interactions}  # fmt: skip
        text = redact(json.dumps(cassette, indent=1, ensure_ascii=False), *self.secrets)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(text + "\n", encoding="utf-8")

    async def aclose(self) -> None:
        await self.inner.aclose()


class CassetteMismatch(AssertionError):
    """A replayed run asked for something the recording does not have."""


class ReplayTransport(httpx2.AsyncBaseTransport):
    """Serve a cassette's responses in order; `requests` keeps each request body received.

    Mismatches raise `CassetteMismatch` inside the client *and* are kept in `errors`, because
    the openai client turns transport exceptions into connection errors: call `check()` at
    the end of the test (the `replay` fixture does) so they cannot pass unnoticed.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.cassette: dict[str, Any] = json.loads(self.path.read_text(encoding="utf-8"))
        self.interactions: list[dict[str, Any]] = list(self.cassette["interactions"])
        self.requests: list[dict[str, Any]] = []
        self.errors: list[str] = []

    @property
    def origin(self) -> str:
        """The cassette's label: what produced these responses."""
        return str(self.cassette["origin"])

    @property
    def meta(self) -> dict[str, Any]:
        """The scenario description stored with the cassette."""
        return dict(self.cassette.get("meta", {}))

    @property
    def used(self) -> int:
        """How many recorded exchanges have been served."""
        return len(self.requests)

    def _fail(self, message: str) -> CassetteMismatch:
        self.errors.append(message)
        return CassetteMismatch(f"{self.path.name}: {message}")

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        """The next recorded response, after checking that the request is the recorded one."""
        content = await request.aread()
        number = len(self.requests) + 1
        self.requests.append(json.loads(content) if content else {})
        if number > len(self.interactions):
            raise self._fail(f"request {number} ({request.method} {request.url.path}) but only "
                             f"{len(self.interactions)} were recorded")  # fmt: skip
        recorded = self.interactions[number - 1]
        want = (recorded["request"]["method"], recorded["request"]["path"])
        if (request.method, request.url.path) != want:
            raise self._fail(f"request {number} is {request.method} {request.url.path}, "
                             f"recorded {want[0]} {want[1]}")  # fmt: skip
        if "error" in recorded:  # a recorded timeout or connection failure, raised again
            raise getattr(httpx2, recorded["error"])(recorded["error"], request=request)
        reply = recorded["response"]
        return httpx2.Response(reply["status"], headers=reply.get("headers") or {},
                               content=_encode(reply.get("body")), request=request)  # fmt: skip

    def check(self, all_used: bool = True) -> None:
        """Fail if any request did not match, or (by default) if recorded exchanges are left."""
        if self.errors:
            raise CassetteMismatch(f"{self.path.name}: {'; '.join(self.errors)}")
        if all_used and self.used != len(self.interactions):
            recorded = len(self.interactions)
            raise CassetteMismatch(
                f"{self.path.name}: {self.used} of {recorded} recorded requests were made"
            )

    def client(self, settings: Any) -> Any:
        """The engine's own client (`make_client`) for `settings`, sending through this replay."""
        from summarizer.engines.llm.engine import make_client

        return make_client(settings, http_client=httpx2.AsyncClient(transport=self))
