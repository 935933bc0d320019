"""Request parameters an endpoint accepts, learned from its own HTTP 400s.

Models differ by generation: OpenAI's reasoning models (gpt-5.x, the o-series) refuse
`max_tokens` ("Use 'max_completion_tokens' instead", `code: unsupported_parameter`) and any
`temperature` but the default (`code: unsupported_value`), and spend hidden reasoning tokens
inside `max_completion_tokens`. The engine does not guess this from model names: it reads
the `param` and `code` of the 400, changes the request, retries at once (not an attempt) and
remembers the result per endpoint and model beside the remembered output mode. The same 400
with a `context_length_exceeded` code (or llama.cpp's `n_ctx`) tells the context window.

Offline files (Batch API export) have no 400 to learn from: `family_style` is a small
model-family table for them, used only when the endpoint memory knows nothing.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields
from typing import Any

from summarizer.config import EFFORTS, PARAM_STYLES

__all__ = ["EFFORTS", "PARAM_STYLES", "EndpointParams", "ServerError", "learn", "apply"]

# Room for hidden reasoning on top of the answer budget, by effort (OpenAI reserves about
# 25k for its own examples; a brief at low effort needs far less).
REASONING_HEADROOM = {"none": 0, "minimal": 1000, "low": 3000, "medium": 8000,
                      "high": 16000, "xhigh": 24000, "max": 32000}  # fmt: skip
DEFAULT_EFFORT = "low"  # enough for a brief: the work is reading, not solving

# Context windows (tokens) of common models, for planning long articles before any 400.
CONTEXT_WINDOWS = (
    ("gpt-4.1", 1_047_576), ("gpt-5", 400_000), ("o1-mini", 128_000), ("o1", 200_000),
    ("o3", 200_000), ("o4-mini", 200_000), ("gpt-4o", 128_000), ("gpt-4-turbo", 128_000),
    ("gpt-4", 8_192), ("gpt-3.5-turbo", 16_385),
)  # fmt: skip
_REASONING_FAMILY = re.compile(r"^(o\d(-mini|-pro)?|gpt-5(\.\d+)?(-(mini|nano|pro|codex))?)(-|$)")
_WINDOW = re.compile(r"maximum context length is (\d+) tokens", re.I)
_IN_MESSAGES = re.compile(r"(\d+) (?:in the messages|in your prompt)", re.I)
_RESULTED = re.compile(r"messages resulted in (\d+) tokens", re.I)
_UNRECOGNIZED = re.compile(r"Unrecognized request argument supplied: (\w+)", re.I)
_AT_MOST = re.compile(r"supports at most (\d+) completion tokens", re.I)


_SET_PER_REQUEST = ("max_tokens", "max_completion_tokens", "temperature", "reasoning_effort")


@dataclass
class EndpointParams:
    """What one endpoint + model accepts (learned; stored in the endpoint memory)."""

    token_param: str = "max_tokens"  # or max_completion_tokens
    temperature: bool = True  # False: leave temperature out (only the default is allowed)
    reasoning: bool = False  # a reasoning model: hidden reasoning tokens, reasoning_effort
    effort: bool = True  # False: the endpoint refuses reasoning_effort
    context_tokens: int | None = None  # the context window, when a 400 told it
    max_output: int | None = None  # the model's completion token limit, when a 400 told it
    chars_per_token: float | None = None  # measured from a context_length_exceeded

    @classmethod
    def from_dict(cls, data: Any) -> EndpointParams:
        """Read a stored record, ignoring unknown or malformed keys."""
        if not isinstance(data, dict):
            return cls()
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})

    def to_dict(self) -> dict[str, Any]:
        """The record to store (only what differs from the defaults)."""
        default = asdict(EndpointParams())
        return {k: v for k, v in asdict(self).items() if default[k] != v}


@dataclass(frozen=True)
class ServerError:
    """The fields of an OpenAI-style error body: what the server said, and about what."""

    status: int
    message: str
    code: str | None = None
    param: str | None = None
    type: str | None = None
    n_ctx: int | None = None  # llama.cpp's exceed_context_size_error: the window
    n_prompt: int | None = None  # ... and the prompt's tokens

    @classmethod
    def of(cls, exc: Any) -> ServerError:
        """From an `openai.APIStatusError` (its body is the inner `error` object)."""
        body = getattr(exc, "body", None)
        inner = body.get("error", body) if isinstance(body, dict) else None
        inner = inner if isinstance(inner, dict) else {}
        message = inner.get("message") if isinstance(inner.get("message"), str) else None
        n_ctx, n_prompt = inner.get("n_ctx"), inner.get("n_prompt_tokens")
        return cls(
            status=int(getattr(exc, "status_code", 0) or 0),
            message=(message or str(getattr(exc, "message", "") or exc)).strip(),
            code=_text(inner.get("code")), param=_text(inner.get("param")),
            type=_text(inner.get("type")), n_ctx=n_ctx if isinstance(n_ctx, int) else None,
            n_prompt=n_prompt if isinstance(n_prompt, int) else None,
        )  # fmt: skip

    @property
    def context_window(self) -> int | None:
        """The window a context-length error names, or None for any other error."""
        if self.n_ctx and (self.type == "exceed_context_size_error" or self.status == 400):
            return self.n_ctx
        found = _WINDOW.search(self.message)
        if found and (self.code == "context_length_exceeded" or self.status == 400):
            return int(found.group(1))
        return None

    @property
    def prompt_tokens(self) -> int | None:
        """The prompt's size in the server's own tokens, when the message says it."""
        found = _IN_MESSAGES.search(self.message) or _RESULTED.search(self.message)
        return int(found.group(1)) if found else self.n_prompt


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def learn(params: EndpointParams, error: ServerError) -> str | None:
    """Change `params` after a 400 about a parameter; say what changed (None: nothing to learn).

    Only the error's own `param`/`code` (or llama.cpp's "Unrecognized request argument")
    decide; an error that names a parameter already changed is not learned twice, so a
    server that keeps refusing ends as a provider error, not a loop.
    """
    if error.status != 400:
        return None
    param = error.param
    if param is None and (found := _UNRECOGNIZED.search(error.message)):
        param = found.group(1)
    if param in ("max_tokens", "max_completion_tokens") and (
        found := _AT_MOST.search(error.message)
    ):  # "max_tokens is too large: 5000. This model supports at most 4096 completion tokens"
        if params.max_output == int(found.group(1)):
            return None
        params.max_output = int(found.group(1))
        return f"at most {params.max_output} completion tokens"
    refused = error.code == "unsupported_parameter" or "max_completion_tokens" in error.message
    if param == "max_tokens" and params.token_param == "max_tokens" and refused:
        params.token_param, params.reasoning = "max_completion_tokens", True
        return "max_tokens -> max_completion_tokens"
    if param == "max_completion_tokens" and params.token_param == "max_completion_tokens":
        params.token_param = "max_tokens"
        return "max_completion_tokens -> max_tokens"
    if param == "temperature" and params.temperature:
        params.temperature = False
        return "temperature left out"
    if param == "reasoning_effort" and params.effort:
        params.effort = False
        return "reasoning_effort left out"
    return None


def effort_for(setting: str, params: EndpointParams) -> str | None:
    """The reasoning_effort to send: the configured one, or low for a known reasoning model."""
    if not params.effort or setting == "off":
        return None
    if setting == "auto":
        return DEFAULT_EFFORT if params.reasoning else None
    return setting


def token_budget(answer_tokens: int, params: EndpointParams, effort: str | None) -> int:
    """The completion cap to send: the answer budget, plus reasoning room on reasoning models,
    never above the model's own output limit when the endpoint told it."""
    cap = answer_tokens
    if params.reasoning:
        # Without an effort sent, the model reasons at its own default (medium at OpenAI).
        cap += REASONING_HEADROOM.get(effort or "medium", 8000)
    return min(cap, params.max_output) if params.max_output else cap


def apply(kwargs: dict[str, Any], params: EndpointParams, temperature: float,
          effort: str | None, budget: int) -> dict[str, Any]:  # fmt: skip
    """The request with the token cap, temperature and reasoning effort this endpoint takes."""
    out = {k: v for k, v in kwargs.items() if k not in _SET_PER_REQUEST}
    out[params.token_param] = budget
    if params.temperature:
        out["temperature"] = temperature
    if effort:
        out["reasoning_effort"] = effort
    return out


def style_params(style: str) -> EndpointParams | None:
    """The parameters a `--param-style` names (None for auto)."""
    if style == "classic":
        return EndpointParams()
    if style == "reasoning":
        return EndpointParams(token_param="max_completion_tokens", temperature=False,
                              reasoning=True)  # fmt: skip
    return None


def family_style(model: str) -> str:
    """'reasoning' for OpenAI's reasoning-model families (o-series, gpt-5.x), else 'classic'."""
    name = model.strip().lower().removeprefix("openai/")
    chat = "-chat" in name  # gpt-5-chat-latest is the non-reasoning chat model
    return "reasoning" if _REASONING_FAMILY.match(name) and not chat else "classic"


def known_window(model: str) -> int | None:
    """The context window of a common model (longest matching family prefix), or None."""
    name = model.strip().lower().removeprefix("openai/")
    for prefix, window in CONTEXT_WINDOWS:
        if name == prefix or name.startswith(prefix + "-") or name.startswith(prefix + "."):
            return window
    return None
