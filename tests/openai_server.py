"""A real OpenAI-compatible HTTP server on 127.0.0.1 that serves a `FakeEndpoint`'s script.

For end-to-end CLI tests: the CLI builds its own client and talks HTTP to this server, which
answers each request with the endpoint's next scripted reply.
"""

from __future__ import annotations

from typing import Any

from batch_server import Answer, BatchServer
from fake_openai import FakeEndpoint


class OpenAIServer(BatchServer):
    """`with OpenAIServer(endpoint) as base_url:` serves the script in order."""

    def __init__(self, endpoint: FakeEndpoint) -> None:
        self.endpoint = endpoint
        super().__init__(answer=self._next)

    def _next(self, body: dict[str, Any]) -> Answer:
        status, payload = self.endpoint.respond(body, {})
        return status, payload, {}
