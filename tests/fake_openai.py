"""A scripted OpenAI-compatible endpoint on httpx2's MockTransport (the transport openai uses).

Each request to /chat/completions takes the next scripted reply; every request is recorded.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx2

FIXTURES = Path(__file__).parent / "fixtures" / "llm"
Reply = dict[str, Any] | tuple[int, dict[str, Any]] | Callable[[dict[str, Any]], Any]


def fixture(name: str) -> dict[str, Any]:
    """A response fixture from tests/fixtures/llm/<name>.json."""
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def completion(
    content: str | None = None,
    *,
    arguments: str | None = None,
    finish: str = "stop",
    tokens: tuple[int, int] = (100, 50),
) -> dict[str, Any]:
    """A chat.completion body with message content or one tool call."""  # fmt: skip
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if arguments is not None:
        call = {"name": "DraftBrief", "arguments": arguments}
        message["tool_calls"] = [{"id": "call_1", "type": "function", "function": call}]
        finish = "tool_calls" if finish == "stop" else finish
    return {
        "id": "chatcmpl-test", "object": "chat.completion", "created": 0, "model": "test",
        "choices": [{"index": 0, "message": message, "finish_reason": finish}],
        "usage": {"prompt_tokens": tokens[0], "completion_tokens": tokens[1],
                  "total_tokens": sum(tokens)},
    }  # fmt: skip


class FakeEndpoint:
    """Replies in order; `requests` holds each request body received."""

    def __init__(self, *replies: Reply) -> None:
        self.replies = list(replies)
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []

    def respond(self, body: dict[str, Any], headers: dict[str, str]) -> tuple[int, Any]:
        """Record one request and give the next scripted (status, payload)."""
        self.requests.append(body)
        self.headers.append(headers)
        if not self.replies:
            return 500, {"error": {"message": "no scripted reply left"}}
        reply = self.replies.pop(0)
        if callable(reply):
            reply = reply(body)
        return reply if isinstance(reply, tuple) else (200, reply)

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        body = json.loads(request.content or b"{}")
        status, payload = self.respond(body, dict(request.headers))
        return httpx2.Response(status, json=payload)

    def client(self, api_key: str = "sk-test-not-a-real-key-123456") -> Any:
        """An AsyncOpenAI client whose transport is this endpoint."""
        import openai

        return openai.AsyncOpenAI(
            api_key=api_key, base_url="http://fake.local/v1", max_retries=0,
            http_client=httpx2.AsyncClient(transport=httpx2.MockTransport(self)),
        )  # fmt: skip
