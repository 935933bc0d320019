"""Output modes: what to try per endpoint, and what worked before (remembered on disk)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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
    """Which mode worked for an endpoint + model, kept in a small JSON file."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._data: dict[str, str] | None = None

    def _load(self) -> dict[str, str]:
        if self._data is None:
            self._data = {}
            if self.path and self.path.is_file():
                try:
                    self._data = dict(json.loads(self.path.read_text(encoding="utf-8")))
                except (OSError, ValueError):
                    self._data = {}
        return self._data

    def candidates(self, endpoint: str, model: str, requested: str) -> list[str]:
        """Modes to try in order: the requested one, or for auto the remembered one first."""
        if requested != "auto":
            return [requested]
        known = self._load().get(f"{endpoint}|{model}")
        return [known, *(m for m in AUTO_ORDER if m != known)] if known else list(AUTO_ORDER)

    def remember(self, endpoint: str, model: str, mode: str) -> None:
        """Record a mode the endpoint accepted."""
        data = self._load()
        key = f"{endpoint}|{model}"
        if data.get(key) == mode:
            return
        data[key] = mode
        if self.path:
            try:
                write_atomic(self.path, json.dumps(data, indent=1, sort_keys=True))
            except OSError:
                pass
