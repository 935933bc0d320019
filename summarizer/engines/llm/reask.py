"""Reading a model's answer, and phrasing what is wrong with it for the re-ask."""

from __future__ import annotations

from typing import Any


class Problems(Exception):
    """The problems of one answer, phrased for the model (what re-asks carry)."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(f"- {line}" for line in lines))


def raw_answer(completion: Any) -> str:
    """The model's answer text: tool-call arguments, or the message content."""
    message = completion.choices[0].message
    calls = getattr(message, "tool_calls", None) or []
    if calls:
        return "\n".join(c.function.arguments or "" for c in calls)
    return message.content or ""


def problem_lines(exc: Exception) -> list[str]:
    """One line per problem of a failed parse, with field paths, without pydantic's noise."""
    from pydantic import ValidationError

    cause = exc
    while not isinstance(cause, ValidationError) and cause.__cause__ is not None:
        cause = cause.__cause__  # type: ignore[assignment]
    if isinstance(cause, ValidationError) and cause.errors()[0]["type"] == "json_invalid":
        return [f"the answer is not valid JSON: {cause.errors()[0]['msg']}"]
    if not isinstance(cause, ValidationError):
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return [f"the answer is not valid JSON for the brief: {first[:300]}"]
    lines: list[str] = []
    for err in cause.errors(include_url=False):
        path = ".".join(str(p) for p in err["loc"])
        msg = str(err["msg"]).removeprefix("Value error, ")
        if "\n- " in msg:
            lines.extend(msg.split("\n- ")[1:])
        else:
            lines.append(f"{path}: {msg}" if path else msg)
    return lines


def error_detail(exc: Exception) -> str:
    """The server's own error message when the body has one, else the exception's text."""
    body = getattr(exc, "body", None)
    if isinstance(body, dict):
        inner = body.get("error", body)
        message = inner.get("message") if isinstance(inner, dict) else inner
        if isinstance(message, str) and message.strip():
            return message
    return str(getattr(exc, "message", "") or exc)


def with_user_message(kwargs: dict[str, Any], problems: Problems) -> dict[str, Any]:
    """The request again, with the problems appended as a user message."""
    messages = [
        *kwargs["messages"],
        {"role": "user", "content": f"Fix these problems:\n{problems}"},
    ]
    return {**kwargs, "messages": messages}
