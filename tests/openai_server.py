"""Real OpenAI-compatible HTTP servers on 127.0.0.1 for end-to-end tests.

- `OpenAIServer(endpoint)` serves a `FakeEndpoint`'s script, one reply after another.
- `OpenAILike(reasoning=..., window=...)` answers the way OpenAI's API documents it: a
  reasoning model's parameter errors and reasoning-token usage, the `context_length_exceeded`
  error of a small context window, with OpenAI's error bodies verbatim (kind: hand-written
  to OpenAI's documented format, checked against the bodies users report from the live API).
"""

from __future__ import annotations

import json
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


# ------------------------------------------------ a server that answers as OpenAI documents

MAX_TOKENS_ERROR = {"error": {
    "message": "Unsupported parameter: 'max_tokens' is not supported with this model. "
               "Use 'max_completion_tokens' instead.",
    "type": "invalid_request_error", "param": "max_tokens", "code": "unsupported_parameter"}}
CONTEXT_MESSAGE = (
    "This model's maximum context length is {window} tokens. However, you requested {total} "
    "tokens ({prompt} in the messages, {completion} in the completion). Please reduce the "
    "length of the messages or completion."
)
REASONING_BY_EFFORT = {"none": 0, "minimal": 150, "low": 900, "medium": 2500, "high": 6000}


def temperature_error(value: Any) -> dict[str, Any]:
    """OpenAI's 400 body for a non-default temperature on a reasoning model."""
    shown = int(value) if float(value).is_integer() else value
    return {"error": {
        "message": f"Unsupported value: 'temperature' does not support {shown} with this model. "
                   "Only the default (1) value is supported.",
        "type": "invalid_request_error", "param": "temperature", "code": "unsupported_value"}}


def context_error(window: int, prompt: int, completion: int) -> dict[str, Any]:
    """OpenAI's 400 body for a request longer than the context window."""
    message = CONTEXT_MESSAGE.format(window=window, total=prompt + completion, prompt=prompt,
                                     completion=completion)  # fmt: skip
    return {"error": {"message": message, "type": "invalid_request_error", "param": "messages",
                      "code": "context_length_exceeded"}}  # fmt: skip


def prompt_tokens(body: dict[str, Any]) -> int:
    """The server's token count of a request's prompt: 4 characters a token, schema included."""
    counted = {k: body[k] for k in ("messages", "tools", "response_format") if k in body}
    return -(-len(json.dumps(counted)) // 4)


def in_mode(body: dict[str, Any], text: str) -> dict[str, Any]:
    """The message carrying `text` the way the request's output mode asks for it."""
    fmt = body.get("response_format") or {}
    if body.get("tools"):
        call = {"name": body["tools"][0]["function"]["name"], "arguments": text}
        return {"role": "assistant", "content": None,
                "tool_calls": [{"id": "call_1", "type": "function", "function": call}]}  # fmt: skip
    if fmt.get("type") in ("json_schema", "json_object"):
        return {"role": "assistant", "content": text}
    return {"role": "assistant", "content": f"```json\n{text}\n```"}


class OpenAILike(BatchServer):
    """A loopback server that answers like OpenAI's chat completions, as documented.

    Args:
        reasoning: Behave like a reasoning model (gpt-5.x, o-series): HTTP 400 to
            `max_tokens` and to any temperature but 1, with OpenAI's own error bodies;
            hidden reasoning tokens (by `reasoning_effort`, default medium) counted inside
            `max_completion_tokens` and reported in `completion_tokens_details`.
        window: The context window: a request whose prompt plus completion cap exceeds it
            gets OpenAI's `context_length_exceeded` 400.
        answer: The answer text for a request body (default: `synthetic.answer_json`, a
            capable model's grounded brief of the article in the request).
        reasoning_tokens: Reasoning tokens spent per effort, over `REASONING_BY_EFFORT`.
    """

    def __init__(self, reasoning: bool = False, window: int | None = None,
                 answer: Any = None, model: str = "gpt-test",
                 reasoning_tokens: dict[str, int] | None = None) -> None:  # fmt: skip
        from synthetic import answer_json

        self.reasoning, self.window, self.model = reasoning, window, model
        self.by_effort = REASONING_BY_EFFORT | (reasoning_tokens or {})
        self.text_of = answer or answer_json
        self.statuses: list[int] = []
        self.connections = 0  # TCP connections accepted (HTTP/1.1 keep-alive, like OpenAI)
        super().__init__(answer=self._answer)
        server, base = self, self.httpd.RequestHandlerClass

        class KeepAlive(base):  # type: ignore[valid-type,misc]
            protocol_version = "HTTP/1.1"

            def setup(self) -> None:
                super().setup()
                with server.cond:
                    server.connections += 1

        self.httpd.RequestHandlerClass = KeepAlive

    def _answer(self, body: dict[str, Any]) -> Answer:
        status, payload = self._respond(body)
        with self.cond:
            self.statuses.append(status)
        return status, payload, {}

    def _respond(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        if self.reasoning and "max_tokens" in body:
            return 400, MAX_TOKENS_ERROR
        if self.reasoning and body.get("temperature", 1) != 1:
            return 400, temperature_error(body["temperature"])
        cap = body.get("max_completion_tokens") or body.get("max_tokens") or 16_000
        prompt = prompt_tokens(body)
        if self.window and prompt + cap > self.window:
            return 400, context_error(self.window, prompt, cap)
        text = self.text_of(body)
        reasoning = self.by_effort[body.get("reasoning_effort") or "medium"]
        reasoning = reasoning if self.reasoning else 0
        answer = -(-len(text) // 4)
        finish = "tool_calls" if body.get("tools") else "stop"
        if reasoning + answer > cap:  # the cap ran out: reasoning first, then the answer
            kept = max(0, cap - reasoning) * 4
            text, answer, finish = text[:kept], max(0, cap - reasoning), "length"
            reasoning = min(reasoning, cap)
        usage = {"prompt_tokens": prompt, "completion_tokens": reasoning + answer,
                 "total_tokens": prompt + reasoning + answer,
                 "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
                 "completion_tokens_details": {"reasoning_tokens": reasoning, "audio_tokens": 0,
                                               "accepted_prediction_tokens": 0,
                                               "rejected_prediction_tokens": 0}}  # fmt: skip
        return 200, {
            "id": f"chatcmpl-{len(self.requests)}", "object": "chat.completion", "created": 0,
            "model": self.model, "usage": usage,
            "choices": [{"index": 0, "message": in_mode(body, text), "finish_reason": finish,
                         "logprobs": None}],
        }  # fmt: skip
