"""Reading brief files: JSON, the current schema, the schema version, field paths.

Problems are returned, never raised, so one bad file never stops a batch.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from summarizer.brief.schema import SCHEMA_VERSION, Brief


@dataclass
class Problem:
    """One thing wrong with a brief: a field path (may be empty) and a message."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


def expand_brief_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; folders become their `*.json` files (recursively, sorted, no dotfiles)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if os.path.isdir(p):  # unlike Path.is_dir, False (not OSError) for a name too long
            out += sorted(
                f for f in p.rglob("*.json")
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )  # fmt: skip
        else:
            out.append(p)
    return out


def field_path(loc: Sequence[int | str]) -> str:
    """A pydantic error location as a path: ('positions', 0, 'holder') -> positions[0].holder."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _message(err: Any) -> str:
    kind, value = err["type"], err.get("input")
    if kind == "missing":
        return "field required"
    if kind == "extra_forbidden":
        return f"unknown field (not in brief schema {SCHEMA_VERSION})"
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        return f"{value!r} is not one of {expected}"
    msg = str(err["msg"])
    return msg[:1].lower() + msg[1:] + (f", got {value!r}" if not isinstance(value, dict) else "")


def load_json(path: Path) -> tuple[Any, list[Problem]]:
    """Read a brief file as JSON; problems instead of exceptions."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem("", f"cannot read: {exc.strerror or exc}")]
    try:
        return json.loads(raw), []
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return None, [Problem("", f"not JSON: {exc}")]


def parse_brief(data: Any) -> tuple[Brief | None, list[Problem]]:
    """Validate JSON data against the current brief schema."""
    if not isinstance(data, dict):
        return None, [Problem("", f"a brief is a JSON object, not {type(data).__name__}")]
    prov = data.get("provenance")
    version = prov.get("schema_version") if isinstance(prov, dict) else None
    try:
        brief = Brief.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        if version is not None and str(version) != SCHEMA_VERSION:
            return None, [_version_problem(version, [field_path(e["loc"]) for e in errors])]
        return None, [Problem(field_path(e["loc"]), _message(e)) for e in errors]
    if version is not None and str(version) != SCHEMA_VERSION:
        return brief, [_version_problem(version, [])]
    return brief, []


def _version_problem(version: Any, differences: list[str]) -> Problem:
    older = _version_key(str(version)) < _version_key(SCHEMA_VERSION)
    shown = ", ".join(differences[:3]) + (", …" if len(differences) > 3 else "")
    detail = f" (fields that differ: {shown})" if differences else ""
    advice = (
        "re-run `summarizer summarize` on the article to regenerate it"
        if older
        else "validate it with the newer summarizer that wrote it, or upgrade this one"
    )
    return Problem(
        "provenance.schema_version",
        f"written by schema {version}; this is {SCHEMA_VERSION}{detail}: {advice}",
    )


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 0 for p in version.split("."))
