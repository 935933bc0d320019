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


# How each setting is spelled on the command line (others: `--` + name with dashes).
FLAGS = {"concurrency": "-j", "cache": "--no-cache"}


def cache_folder(override: str | None = None) -> Path:
    """The user cache folder: `override` when given (the settings' `cache_dir`, or
    `SUMMARIZER_CACHE_DIR` where no settings are at hand), else the platform's."""
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("summarizer"))


def config_path(env: dict[str, str] | None = None) -> Path:
    """The user config file (`SUMMARIZER_CONFIG` overrides the platform location)."""
    env = dict(os.environ) if env is None else env
    if path := env.get("SUMMARIZER_CONFIG"):
        return Path(path)
    from platformdirs import user_config_dir

    return Path(user_config_dir("summarizer")) / "config.toml"


def _from_file(path: Path, named: bool) -> dict[str, Any]:
    """The settings in a config file; `named` (by SUMMARIZER_CONFIG) means it must exist."""
    if not path.is_file():
        if named:
            why = "is a folder" if path.is_dir() else "no such file"
            raise UsageError(f"config file {path} (from SUMMARIZER_CONFIG): {why}")
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(f"config file {path}: {exc}") from None
    section = data.get("summarizer", data)
    if not isinstance(section, dict):
        raise UsageError(f"config file {path}: [summarizer] must be a table of settings")
    known = {f.name for f in fields(Settings)}
    if unknown := [key for key in section if key not in known]:
        raise UsageError(f"config file {path}: unknown setting {unknown[0]!r}")
    return dict(section)


def _from_env(env: dict[str, str]) -> dict[str, tuple[Any, str]]:
    """Settings from the environment, each with the variable it came from."""
    out: dict[str, tuple[Any, str]] = {}
    for name, var in (("api_key", "OPENAI_API_KEY"), ("base_url", "OPENAI_BASE_URL")):
        if env.get(var):
            out[name] = (env[var], var)
    for f in fields(Settings):
        var = f"SUMMARIZER_{f.name.upper()}"
        if env.get(var) not in (None, ""):
            out[f.name] = (env[var], var)
    return out


def _coerce(values: dict[str, Any], origin: dict[str, str]) -> dict[str, Any]:
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
            raise UsageError(f"{origin[key]}: {value!r} is not a valid {kind}") from None
    return out


def _is_url(value: str) -> bool:
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def _check(s: Settings, origin: dict[str, str]) -> None:
    """Each bad value is a usage error naming only where it came from."""

    def name(key: str) -> str:
        return origin.get(key) or FLAGS.get(key) or "--" + key.replace("_", "-")

    if s.engine not in ENGINES:
        raise UsageError(f"{name('engine')} must be one of {', '.join(ENGINES)}")
    if s.mode not in MODES:
        raise UsageError(f"{name('mode')} must be one of {', '.join(MODES)}")
    minimums = (("max_retries", 0), ("concurrency", 1), ("max_tokens", 64), ("rpm", 0),
                ("tpm", 0))  # fmt: skip
    for key, least in minimums:
        if getattr(s, key) < least:
            extra = " (0: no cap)" if key in ("rpm", "tpm") else ""
            raise UsageError(f"{name(key)} must be >= {least}{extra}")
    for key in ("timeout", "deadline"):
        if not getattr(s, key) > 0:  # also refuses NaN
            raise UsageError(f"{name(key)} must be > 0 seconds")
    if s.reasoning_effort not in REASONING_EFFORTS:
        choices = ", ".join(REASONING_EFFORTS)
        raise UsageError(f"{name('reasoning_effort')} must be one of {choices}")
    if s.param_style not in PARAM_STYLES:
        raise UsageError(f"{name('param_style')} must be one of {', '.join(PARAM_STYLES)}")
    if s.context_tokens < 0 or 0 < s.context_tokens < 512:
        raise UsageError(f"{name('context_tokens')} must be 0 (learn it) or at least 512")
    if s.base_url is not None and not _is_url(s.base_url):
        raise UsageError(f"{name('base_url')} {s.base_url!r} is not a URL "
                         "(expected http(s)://host[:port]/path)")  # fmt: skip
    if s.engine == "llm" and not s.llm_configured:
        raise UsageError("--engine llm needs OPENAI_API_KEY or --base-url")


def resolve(flags: dict[str, Any] | None = None, env: dict[str, str] | None = None) -> Settings:
    """Merge defaults < config file < environment < flags (None flags are ignored).

    Raises:
        UsageError: A bad value, named by where it came from (flag, variable or file); a
            config file named by `SUMMARIZER_CONFIG` that does not exist.
    """
    env = dict(os.environ) if env is None else env
    path = config_path(env)
    merged: dict[str, Any] = {}
    origin: dict[str, str] = {}
    for key, value in _from_file(path, named=bool(env.get("SUMMARIZER_CONFIG"))).items():
        merged[key], origin[key] = value, f"setting {key} in {path}"
    for key, (value, var) in _from_env(env).items():
        merged[key], origin[key] = value, var
    for key, value in (flags or {}).items():
        if value is not None:
            merged[key], origin[key] = value, FLAGS.get(key) or "--" + key.replace("_", "-")
    settings = replace(Settings(), **_coerce(merged, origin))
    _check(settings, origin)
    return settings
