"""Gold annotations: find, load and validate gold files (format 1, see docs/gold-format.md).

Every problem is one line naming the file and the field (`gold/x.json: key_actors[2].kind:
...`), raised as a `GoldError` (exit 2). A gold file names its article by a path relative
to the gold file, or by a URL.
"""

from __future__ import annotations

import glob
import json
import os
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from summarizer.brief.schema import ActorKind, EventType, OutcomeStatus, Stance
from summarizer.errors import InputError, UsageError

FORMAT = 1


class GoldError(UsageError):
    """A gold file that cannot be read as format 1 (exit 2)."""


class _Item(BaseModel):
    model_config = ConfigDict(extra="allow")

    @field_validator("name", "holder", check_fields=False)
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        return value


class GoldActor(_Item):
    """An actor a brief must have: its name, other names it goes by, and its kind."""

    name: str
    aliases: list[str] = Field(default_factory=list)
    kind: ActorKind


class GoldInstrument(_Item):
    """A legal instrument a brief should name, by its name or an alias."""

    name: str
    aliases: list[str] = Field(default_factory=list)


class GoldPosition(_Item):
    """A stance an actor takes in the article (`on` and `evidence` are for people)."""

    holder: str
    stance: Stance
    evidence: str | None = None


class Gold(BaseModel):
    """One article's annotation. Extra keys (`id`, `url`, `language`, `note`, ...) are kept."""

    model_config = ConfigDict(extra="allow")

    format: Literal[1]
    article: str
    key_actors: list[GoldActor]
    other_actors: list[str] = Field(default_factory=list)
    legal_instruments: list[GoldInstrument] = Field(default_factory=list)
    positions: list[GoldPosition] = Field(default_factory=list)
    event_type: EventType | None = None
    outcome_status: OutcomeStatus | None = None

    @field_validator("article")
    @classmethod
    def _article_given(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must name the article (a path relative to this file, or a URL)")
        return value


class GoldFile(BaseModel):
    """A loaded gold file: where it is, its annotation, and its article's reference."""

    path: Path
    gold: Gold

    @property
    def id(self) -> str:
        """The gold's `id`, else the file stem."""
        extra = self.gold.model_extra or {}
        return str(extra.get("id") or self.path.stem)

    @property
    def article_ref(self) -> str:
        """The article as `load_article` takes it: a URL, or a path resolved from the file."""
        ref = self.gold.article
        if "://" in ref:
            return ref
        return os.path.normpath(self.path.parent / ref)

    @property
    def language(self) -> str | None:
        """The annotated language, when given."""
        extra = self.gold.model_extra or {}
        value = extra.get("language")
        return str(value) if value else None


def _field(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _message(error: dict[str, Any]) -> str:
    kind, ctx = error["type"], error.get("ctx") or {}
    got = error.get("input")
    if kind == "missing":
        return "missing"
    if kind == "literal_error" and error["loc"] == ("format",):
        return f"{got!r} is not supported (this version reads gold format {FORMAT})"
    if kind == "literal_error":
        return f"{got!r} is not one of {ctx.get('expected', '')}"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return f"{error['msg'].lower()} (got {got!r})" if got is not None else error["msg"].lower()


def parse_gold(data: Any, path: Path) -> GoldFile:
    """Validate parsed JSON as a format-1 gold file.

    Raises:
        GoldError: The first problem, naming the file and the field.
    """
    if not isinstance(data, dict):
        raise GoldError(f"{path}: (top level): must be a JSON object")
    if "format" not in data:
        hint = "; an older gold file? see docs/gold-format.md" if "split" in data else ""
        raise GoldError(f"{path}: format: missing (expected \"format\": {FORMAT}{hint})")
    try:
        gold = Gold.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        first = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise GoldError(f"{path}: {_field(first['loc'])}: {_message(dict(first))}{more}") from None
    return GoldFile(path=path, gold=gold)


def load_gold(path: str | Path) -> GoldFile:
    """Read and validate one gold file.

    Raises:
        InputError: The file cannot be read (exit 4).
        GoldError: It is not valid JSON or not a valid format-1 gold file (exit 2).
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        why = getattr(exc, "strerror", None) or exc
        raise InputError(f"{path}: cannot read the gold file: {why}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path}: (top level): not valid JSON: {exc.msg} at line "
                        f"{exc.lineno} column {exc.colno}") from None  # fmt: skip
    return parse_gold(data, path)


def expand_gold(refs: list[str]) -> list[Path]:
    """Gold files from files, folders (every *.json below, sorted, dot-files and dot-folders
    skipped) and globs, in order, once.

    Raises:
        InputError: A reference matches no file.
    """
    out: list[Path] = []
    for ref in refs:
        path = Path(ref)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.json") if p.is_file()
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
        elif path.is_file():
            found = [path]
        else:
            found = sorted(Path(p) for p in glob.glob(ref, recursive=True) if Path(p).is_file())
        if not found:
            raise InputError(f"{ref}: no gold files found")
        out += [p for p in found if p not in out]
    return out
