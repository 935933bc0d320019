"""The HTTP transport under the openai client: a slow answer is final, not retried.

The openai SDK retries read timeouts; against a server that keeps generating after the
client gives up (llama.cpp), each retry would queue behind the abandoned answer. This
transport turns a read timeout into `AnswerTimeout`, an `OpenAIError` the SDK passes through
without retrying, and the engine counts it as a failed attempt.
"""

from __future__ import annotations

from typing import Any

import httpx2
import openai


class AnswerTimeout(openai.APITimeoutError):
    """No answer came within the read timeout."""


class AnswerTimeoutTransport(httpx2.AsyncBaseTransport):
    """Wraps an httpx2 transport; a read timeout raises `AnswerTimeout`."""

    def __init__(self, inner: httpx2.AsyncBaseTransport) -> None:
        self.inner = inner

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        try:
            return await self.inner.handle_async_request(request)
        except httpx2.ReadTimeout:
            raise AnswerTimeout(request=request) from None

    async def aclose(self) -> None:
        await self.inner.aclose()


def http_client(
    transport: httpx2.AsyncBaseTransport | None = None,
    event_hooks: dict[str, list[Any]] | None = None,
) -> httpx2.AsyncClient:
    """An httpx2 client with the SDK's defaults, `AnswerTimeout` and the given hooks."""
    inner = transport or httpx2.AsyncHTTPTransport()
    return openai.DefaultAsyncHttpxClient(
        transport=AnswerTimeoutTransport(inner), event_hooks=event_hooks or {}
    )
