"""One request to the endpoint, with the parameters it accepts, counted as an attempt.

A 400 about a request parameter (`param: max_tokens`, `temperature`, ...) is learned
(`summarizer.engines.llm.params.learn`), stored in the endpoint memory and sent again at
once: it is not an attempt and never a rejected output mode. A 400 about the context window
becomes `ContextExceeded`, which makes the engine re-plan the article in chunks. Any other
failure is one line quoting the server's own message (redacted).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from summarizer.brief.schema import Usage
from summarizer.engines.llm.failures import describe, rejected, status_of
from summarizer.engines.llm.params import (
    EndpointParams,
    ServerError,
    apply,
    effort_for,
    learn,
    token_budget,
)
from summarizer.engines.llm.reask import raw_answer
from summarizer.errors import ProviderError
from summarizer.redact import redact

LLMEngine = Any  # summarizer.engines.llm.engine.LLMEngine (which imports this module)

# HTTP statuses with which an endpoint refuses an output mode (llama.cpp: 500 on json_schema).
MODE_REJECTED = {400, 415, 422, 500, 501}
REQUEST_PARAMS = {"max_tokens", "max_completion_tokens", "temperature", "reasoning_effort"}
PARAM_CODES = {"unsupported_parameter", "unsupported_value", "context_length_exceeded"}
_MAX_FIXES = 6  # parameter fixes for one request before the 400 is reported as it is


class ModeRejected(Exception):
    """The endpoint refused the output mode (the message quotes it)."""


class ContextExceeded(Exception):
    """The request did not fit the context window."""

    def __init__(self, error: ServerError, sent_chars: int) -> None:
        super().__init__(error.message)
        self.error, self.sent_chars = error, sent_chars


@dataclass
class Attempts:
    """What the attempts at one article (or chunk) have cost and produced so far."""

    count: int = 0
    usage: Usage = field(default_factory=Usage)
    last_raw: str | None = None
    problems: list[str] = field(default_factory=list)
    cap: int | None = None  # the completion token cap last sent
    effort: str | None = None  # the reasoning effort last sent
    learned: list[str] = field(default_factory=list)
    extra: int = 0  # more room after hidden reasoning used up the cap

    def reasoned(self, completion: Any, cap: int | None) -> int:
        """After a cut-off answer: the reasoning tokens it spent, when they took half the
        cap or more (then the next attempt gets that much more room), else 0."""
        spent = reasoning_tokens(completion)
        if cap and spent >= cap // 2:
            self.extra = max(self.extra, spent)
            return spent
        return 0

    def answered(self, completion: Any) -> Any:
        """Count an attempt that got an answer, with its usage and raw text."""
        self.count += 1
        self.usage.add(getattr(completion, "usage", None))
        self.last_raw = raw_answer(completion)
        return completion

    def merge(self, other: Attempts) -> None:
        """Add a chunk's attempts and usage to the article's."""
        self.count += other.count
        self.usage.add(other.usage)
        self.usage.reasoning_tokens += other.usage.reasoning_tokens
        self.cap, self.effort = other.cap or self.cap, other.effort or self.effort
        self.learned += other.learned


def effort(engine: LLMEngine) -> str | None:
    """The reasoning effort the engine sends now."""
    return effort_for(engine.settings.reasoning_effort, engine.params)


def is_param_error(error: ServerError) -> bool:
    """A 400 about a request parameter or the context: never a rejected output mode."""
    return error.param in REQUEST_PARAMS or error.code in PARAM_CODES


def reasoning_tokens(completion: Any) -> int:
    """The hidden reasoning tokens an answer reports (`completion_tokens_details`)."""
    details = getattr(getattr(completion, "usage", None), "completion_tokens_details", None)
    return int(getattr(details, "reasoning_tokens", 0) or 0)


def _sent(engine: LLMEngine, kwargs: dict[str, Any], answer: int, params: EndpointParams,
          extra: int = 0) -> tuple[dict[str, Any], int, str | None]:  # fmt: skip
    level = effort(engine)
    cap = token_budget(answer, params, level) + extra
    return apply(kwargs, params, engine.settings.temperature, level, cap), cap, level


async def send(engine: LLMEngine, kwargs: dict[str, Any], answer: int, probe: bool,
               state: Attempts) -> Any:  # fmt: skip
    """One request, counted as an attempt; None when no answer came within the timeout.

    Under `--mode auto` the first request of a mode goes out without the SDK's retries, so
    a rejected mode (HTTP 400/415/422/500/501 that is not about a parameter) falls back at
    once; other failures of that probe are retried normally.
    """
    import openai

    from summarizer.engines.llm.transport import AnswerTimeout

    probing = probe and engine.settings.mode == "auto"
    params, key = engine.params, engine.settings.api_key
    for _ in range(_MAX_FIXES):
        sent, state.cap, state.effort = _sent(engine, kwargs, answer, params, state.extra)
        client = engine.client.with_options(max_retries=0) if probing else engine.client
        try:
            completion = await client.chat.completions.create(**sent)
        except AnswerTimeout:
            state.count += 1
            return None
        except openai.APIStatusError as exc:
            error = ServerError.of(exc)
            change = learn(params, error)
            if change or _sent(engine, kwargs, answer, params, state.extra)[0] != sent:
                # learned now, or by a request running beside this one: send it again
                state.learned += [change] if change else []
                engine.modes.save_params(engine.host, engine.model)
                continue
            if error.context_window:
                raise ContextExceeded(error, request_chars(sent)) from None
            if probing and status_of(exc) in MODE_REJECTED and not is_param_error(error):
                raise ModeRejected(rejected(status_of(exc), exc, key)) from None
            if probing and status_of(exc) not in MODE_REJECTED:
                probing = False  # a 429 or 503 on the probe: send again with the SDK's retries
                continue
            fatal = status_of(exc) in (401, 403, 404)
            raise ProviderError(_describe(engine, exc), fatal=fatal) from None
        except openai.APIConnectionError as exc:
            if probing:
                probing = False
                continue
            raise ProviderError(_describe(engine, exc), fatal=True) from None
        except openai.OpenAIError as exc:
            raise ProviderError(_describe(engine, exc)) from None
        if reasoning_tokens(completion) and not params.reasoning:
            params.reasoning = True  # it reasons: give it headroom and low effort from now on
            engine.modes.save_params(engine.host, engine.model)
        return state.answered(completion)
    raise ProviderError(redact(f"{engine.host} kept refusing the request's parameters: "
                               f"{', '.join(state.learned)}", key))  # fmt: skip


def request_chars(request: dict[str, Any]) -> int:
    """The characters of a request that count against the context (all but the model name)."""
    return len(json.dumps({k: v for k, v in request.items() if k != "model"}))


def _describe(engine: LLMEngine, exc: Exception) -> str:
    s = engine.settings
    return describe(exc, engine.host, engine.model, s.timeout, s.api_key)


def learn_window(engine: LLMEngine, exc: ContextExceeded) -> None:
    """Remember the window a context error named, and the server's chars-per-token ratio.

    Raises:
        ProviderError: Nothing new was learned (the plan would not change), or the window
            was set by `--context-tokens` and the server disagrees.
    """
    params, error = engine.params, exc.error
    window = error.context_window
    before = (params.context_tokens, params.chars_per_token)
    said = redact(f"{engine.host} answered HTTP 400: {error.message}", engine.settings.api_key)
    if engine.settings.context_tokens and window and window < engine.settings.context_tokens:
        raise ProviderError(f"{said} (--context-tokens is {engine.settings.context_tokens})")
    params.context_tokens = window
    if error.prompt_tokens:
        ratio = round(exc.sent_chars / error.prompt_tokens, 3)
        if params.chars_per_token and ratio >= params.chars_per_token:
            ratio = round(params.chars_per_token * 0.8, 3)
        params.chars_per_token = ratio
    elif before[0] == window:  # told nothing new: assume denser text than estimated
        from summarizer.engines.llm.chunks import DEFAULT_CHARS_PER_TOKEN

        params.chars_per_token = round((params.chars_per_token or DEFAULT_CHARS_PER_TOKEN) * 0.7, 3)
    if (params.context_tokens, params.chars_per_token) == before or not window:
        raise ProviderError(said)
    engine.modes.save_params(engine.host, engine.model)
