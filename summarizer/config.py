"""Settings resolution: flags > environment > config file > defaults.

The environment and config file are read when a command runs (`resolve`), never at import.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from summarizer.errors import UsageError

ENGINES = ("auto", "llm", "extractive")
MODES = ("auto", "tools", "json_schema", "json", "md_json")
DEFAULT_OPENAI_MODEL = "gpt-4o-mini"
DEFAULT_LOCAL_MODEL = "local"
# reasoning_effort: auto sends low to a reasoning model (learned or --param-style reasoning)
EFFORTS = ("none", "minimal", "low", "medium", "high", "xhigh", "max")
REASONING_EFFORTS = ("auto", "off", *EFFORTS)
PARAM_STYLES = ("auto", "classic", "reasoning")
# The answer budget. A complete brief at the prompt's limits (8 actors, 6 positions, 4 legal
# items, 25-word quotes) is 2,000-2,600 tokens, up to ~3,500 with two quotes per item and
# pretty-printed JSON (tests/test_llm_params.py measures it); reasoning models get room for
# hidden reasoning on top (summarizer.engines.llm.params.REASONING_HEADROOM).
DEFAULT_MAX_TOKENS = 4000


@dataclass(frozen=True)
class Settings:
    """Everything that decides how articles are summarized."""

    engine: str = "auto"
    model: str | None = None
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)
    mode: str = "auto"
    max_retries: int = 2
    max_tokens: int = DEFAULT_MAX_TOKENS  # the answer budget
    temperature: float = 0.0
    timeout: float = 60.0
    deadline: float = 300.0
    prompt_dir: str | None = None
    concurrency: int = 4
    cache: bool = True
    cache_dir: str | None = None
    max_input_bytes: int = 5_000_000
    rpm: int = 0  # requests per minute cap for batches; 0 = none
    tpm: int = 0  # tokens per minute cap (estimated before sending); 0 = none
    prices_file: str | None = None  # TOML/JSON overriding the built-in price table
    reasoning_effort: str = "auto"  # see REASONING_EFFORTS
    context_tokens: int = 0  # the model's context window; 0 = learn it or use the table
    param_style: str = "auto"  # classic: max_tokens + temperature; reasoning: see PARAM_STYLES

    @property
    def llm_configured(self) -> bool:
        """Whether an LLM endpoint is configured (a key, or a base URL)."""
        return bool(self.api_key or self.base_url)

    @property
    def effective_engine(self) -> str:
        """'llm' or 'extractive', resolving 'auto'."""
        if self.engine == "auto":
            return "llm" if self.llm_configured else "extractive"
        return self.engine

    @property
    def effective_model(self) -> str:
        """The model name to request."""
        if self.model:
            return self.model
        return DEFAULT_LOCAL_MODEL if self.base_url else DEFAULT_OPENAI_MODEL


def config_path() -> Path:
    """The user config file (`SUMMARIZER_CONFIG` overrides the platform location)."""
    if env := os.environ.get("SUMMARIZER_CONFIG"):
        return Path(env)
    from platformdirs import user_config_dir

    return Path(user_config_dir("summarizer")) / "config.toml"


def _from_file(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(f"config file {path}: {exc}") from None
    section = data.get("summarizer", data)
    if not isinstance(section, dict):
        raise UsageError(f"config file {path}: [summarizer] must be a table of settings")
    return dict(section)


def _from_env(env: dict[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if env.get("OPENAI_API_KEY"):
        out["api_key"] = env["OPENAI_API_KEY"]
    if env.get("OPENAI_BASE_URL"):
        out["base_url"] = env["OPENAI_BASE_URL"]
    for f in fields(Settings):
        value = env.get(f"SUMMARIZER_{f.name.upper()}")
        if value not in (None, ""):
            out[f.name] = value
    return out


def _coerce(values: dict[str, Any]) -> dict[str, Any]:
    types = {f.name: f.type for f in fields(Settings)}
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key not in types:
            raise UsageError(f"unknown setting {key!r}")
        kind = str(types[key])
        try:
            if kind == "int":
                out[key] = int(value)
            elif kind == "float":
                out[key] = float(value)
            elif kind == "bool":
                out[key] = value if isinstance(value, bool) else str(value).lower() in (
                    "1", "true", "yes", "on")  # fmt: skip
            else:
                out[key] = None if value is None else str(value)
        except (TypeError, ValueError):
            raise UsageError(f"setting {key}: {value!r} is not a valid {kind}") from None
    return out


def resolve(flags: dict[str, Any] | None = None, env: dict[str, str] | None = None) -> Settings:
    """Merge defaults < config file < environment < flags (None flags are ignored)."""
    env = dict(os.environ) if env is None else env
    merged: dict[str, Any] = {}
    merged.update(_from_file(config_path()))
    merged.update(_from_env(env))
    merged.update({k: v for k, v in (flags or {}).items() if v is not None})
    settings = replace(Settings(), **_coerce(merged))
    if settings.engine not in ENGINES:
        raise UsageError(f"--engine must be one of {', '.join(ENGINES)}")
    if settings.mode not in MODES:
        raise UsageError(f"--mode must be one of {', '.join(MODES)}")
    if settings.max_retries < 0 or settings.concurrency < 1 or settings.max_tokens < 64:
        raise UsageError("--max-retries must be >= 0, -j >= 1 and --max-tokens >= 64")
    if not (settings.timeout > 0 and settings.deadline > 0):  # also refuses NaN
        raise UsageError("--timeout and --deadline must be > 0 seconds")
    if settings.reasoning_effort not in REASONING_EFFORTS:
        raise UsageError(f"--reasoning-effort must be one of {', '.join(REASONING_EFFORTS)}")
    if settings.param_style not in PARAM_STYLES:
        raise UsageError(f"--param-style must be one of {', '.join(PARAM_STYLES)}")
    if settings.context_tokens and settings.context_tokens < 512 or settings.context_tokens < 0:
        raise UsageError("--context-tokens must be 0 (learn it) or at least 512")
    if settings.rpm < 0 or settings.tpm < 0:
        raise UsageError("--rpm and --tpm must be >= 0 (0: no cap)")
    if settings.engine == "llm" and not settings.llm_configured:
        raise UsageError("--engine llm needs OPENAI_API_KEY or --base-url")
    return settings
