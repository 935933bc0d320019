"""Output modes, and what an endpoint accepted before (remembered on disk).

The endpoint memory is one small JSON file in the cache folder (`modes.json`), one record
per endpoint and model::

    {"api.openai.com|gpt-5-mini": {"mode": "tools",
                                   "params": {"token_param": "max_completion_tokens",
                                              "temperature": false, "reasoning": true}}}

`mode` is the output mode that worked; `params` what the endpoint's 400s taught
(`summarizer.engines.llm.params`). Records written by older versions (a bare mode string)
are read as `{"mode": ...}`.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

from summarizer.engines.llm.params import EndpointParams
from summarizer.files import write_atomic

AUTO_ORDER = ("tools", "json_schema", "json", "md_json")


def instructor_mode(name: str) -> Any:
    """The instructor Mode for one of our mode names."""
    import instructor

    return {
        "tools": instructor.Mode.TOOLS,
        "json_schema": instructor.Mode.JSON_SCHEMA,
        "json": instructor.Mode.JSON,
        "md_json": instructor.Mode.MD_JSON,
    }[name]


class ModeMemory:
    """What worked for an endpoint + model: its output mode and its request parameters."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._data: dict[str, dict[str, Any]] | None = None
        self._params: dict[str, EndpointParams] = {}
        self._lock = threading.Lock()

    def _load(self) -> dict[str, dict[str, Any]]:
        if self._data is None:
            raw: Any = {}
            if self.path and self.path.is_file():
                try:
                    raw = json.loads(self.path.read_text(encoding="utf-8"))
                except (OSError, ValueError):
                    raw = {}
            raw = raw if isinstance(raw, dict) else {}
            self._data = {
                key: {"mode": value} if isinstance(value, str) else dict(value)
                for key, value in raw.items()
                if isinstance(value, str | dict)
            }
        return self._data

    def _save(self) -> None:
        if self.path:
            try:
                write_atomic(self.path, json.dumps(self._load(), indent=1, sort_keys=True))
            except OSError:
                pass

    def candidates(self, endpoint: str, model: str, requested: str) -> list[str]:
        """Modes to try in order: the requested one, or for auto the remembered one first."""
        if requested != "auto":
            return [requested]
        known = self.mode(endpoint, model)
        return [known, *(m for m in AUTO_ORDER if m != known)] if known else list(AUTO_ORDER)

    def mode(self, endpoint: str, model: str) -> str | None:
        """The output mode that worked before, if any."""
        mode = self._load().get(f"{endpoint}|{model}", {}).get("mode")
        return mode if mode in AUTO_ORDER else None

    def remember(self, endpoint: str, model: str, mode: str) -> None:
        """Record a mode the endpoint accepted."""
        with self._lock:
            record = self._load().setdefault(f"{endpoint}|{model}", {})
            if record.get("mode") != mode:
                record["mode"] = mode
                self._save()

    def params(self, endpoint: str, model: str) -> EndpointParams:
        """The live parameters of an endpoint (one shared object, learned into in place)."""
        key = f"{endpoint}|{model}"
        with self._lock:
            if key not in self._params:
                stored = self._load().get(key, {}).get("params")
                self._params[key] = EndpointParams.from_dict(stored)
            return self._params[key]

    def known_params(self, endpoint: str, model: str) -> bool:
        """Whether anything was learned about this endpoint's parameters."""
        return bool(self._load().get(f"{endpoint}|{model}", {}).get("params"))

    def save_params(self, endpoint: str, model: str) -> None:
        """Store what was learned into `params(endpoint, model)`."""
        key = f"{endpoint}|{model}"
        with self._lock:
            learned = self._params.get(key, EndpointParams()).to_dict()
            record = self._load().setdefault(key, {})
            if record.get("params", {}) != learned:
                record["params"] = learned
                self._save()
