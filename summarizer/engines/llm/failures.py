"""One-line messages for failed requests, each quoting what the server itself said."""

from __future__ import annotations

from typing import Any

from summarizer.engines.llm.reask import error_detail
from summarizer.redact import redact

DETAIL_CHARS = 300


def server_says(exc: Exception, limit: int = DETAIL_CHARS) -> str:
    """The server's own error message on one line, shortened (not yet redacted)."""
    text = " ".join(error_detail(exc).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def describe(exc: Exception, host: str, model: str, timeout: float, api_key: str | None) -> str:
    """The one-line error for a failed request, with the server's message, secrets removed."""
    import openai

    status = getattr(exc, "status_code", None)
    said = f" (HTTP {status}: {server_says(exc)})" if status else ""
    messages: list[tuple[type[Exception], str]] = [
        (openai.AuthenticationError,
         f"authentication failed at {host}{said}: check OPENAI_API_KEY"),
        (openai.PermissionDeniedError, f"{host} refused access{said}"),
        (openai.NotFoundError, f"model {model!r} or endpoint not found at {host}{said}"),
        (openai.RateLimitError, f"rate limited by {host}, still after retries with backoff{said}"),
        (openai.APITimeoutError, f"request to {host} timed out after {timeout:g}s"),
        (openai.APIConnectionError, f"cannot connect to {host}: {server_says(exc)}"),
        (openai.APIStatusError, f"{host} answered HTTP {status}: {server_says(exc)}"),
    ]  # fmt: skip
    text = next((m for cls, m in messages if isinstance(exc, cls)), f"{host}: {server_says(exc)}")
    return redact(" ".join(text.split()), api_key)


def rejected(status: int, exc: Exception, api_key: str | None) -> str:
    """How one rejected output mode is listed: its status and the server's words."""
    return redact(f"HTTP {status}: {server_says(exc, 120)}", api_key)


def status_of(exc: Any) -> int:
    """The HTTP status of an `openai.APIStatusError` (0 when there is none)."""
    return int(getattr(exc, "status_code", 0) or 0)
