"""Check stored briefs: the schema, the consistency rules, and the quotes against the article.

Each problem names the field path (`positions[0].holder`) and a message. The article is the
one given with `--article`, else the brief's `provenance.article_origin` when it is a
readable local file; it is read with `summarizer.ingest.load_article`, so the text is the
text the engine saw. Articles and their indexes are cached (by path and by sha256).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from summarizer.article import Article
from summarizer.brief.files import Problem, expand_brief_paths, field_path, load_json, parse_brief
from summarizer.brief.grounding import (
    _EDGE,
    FUZZY_THRESHOLD,
    ArticleIndex,
    consistency_problems,
    iter_evidence,
    normalize,
)
from summarizer.brief.schema import Brief, Quote
from summarizer.errors import SummarizerError, UsageError

_LANGUAGE = re.compile(r"^[a-z]{2}$")
_ALPHA3 = re.compile(r"^[A-Z]{3}$")
__all__ = [
    "Articles", "FileReport", "Problem", "expand_brief_paths", "field_path", "load_json",
    "parse_brief", "quote_problems", "rule_problems", "validate_file", "validate_paths",
]  # fmt: skip


@dataclass
class FileReport:
    """The outcome of validating one brief file."""

    file: str
    problems: list[Problem] = field(default_factory=list)
    article: str | None = None

    @property
    def ok(self) -> bool:
        """True when the brief has no problems."""
        return not self.problems

    def as_dict(self) -> dict[str, Any]:
        """The JSON report entry: file, ok, problems, and the article checked against."""
        return {
            "file": self.file,
            "ok": self.ok,
            "problems": [{"path": p.path, "message": p.message} for p in self.problems],
            "article": self.article,
        }


def rule_problems(brief: Brief) -> list[Problem]:
    """Consistency rules that need no article."""
    problems = [Problem(*p.split(": ", 1)) for p in consistency_problems(brief)]
    src = brief.source
    if src.language and not _LANGUAGE.match(src.language):
        problems.append(Problem("source.language", f"{src.language!r} is not ISO 639-1"))
    if src.published_at and not _iso_datetime(src.published_at):
        problems.append(Problem("source.published_at", f"{src.published_at!r} is not ISO 8601"))
    if not _iso_datetime(brief.provenance.created_at):
        problems.append(
            Problem("provenance.created_at", f"{brief.provenance.created_at!r} is not ISO 8601")
        )
    for i, actor in enumerate(brief.actors):
        if actor.country is not None and not _is_alpha3(actor.country):
            message = f"{actor.country!r} is not an ISO 3166-1 alpha-3 code"
            problems.append(Problem(f"actors[{i}].country", message))
    for path, q in iter_evidence(brief):
        problems += _span_shape(path, q)
    return problems


def _iso_datetime(value: str) -> bool:
    from datetime import date, datetime

    try:
        (date if len(value) == 10 else datetime).fromisoformat(value)
    except ValueError:
        return False
    return True


def _is_alpha3(code: str) -> bool:
    from summarizer.brief.countries import to_alpha3

    return bool(_ALPHA3.match(code)) and to_alpha3(code) == code


def _span_shape(path: str, q: Quote) -> list[Problem]:
    if q.match == "missing":
        return [Problem(path, f"quote not found in the article (recorded as missing): {q.text!r}")]
    if q.start is None or q.end is None:
        return [Problem(path, f"the quote is marked {q.match!r} but has no span (start and end)")]
    if not 0 <= q.start < q.end:
        return [Problem(path, f"span {q.start}-{q.end} is not a valid range")]
    return []


def quote_problems(brief: Brief, index: ArticleIndex) -> list[Problem]:
    """Every quote must be in the article, at its recorded span, with the right match status."""
    problems: list[Problem] = []
    text = index.text
    for path, q in iter_evidence(brief):
        found = index.locate(q.text)
        if found.match == "missing":
            problems.append(Problem(path, f"quote not found in the article: {q.text!r}"))
            continue
        if q.start is None or q.end is None or q.match == "missing":
            continue  # reported by rule_problems
        at = f" (the quote is at {found.start}-{found.end})"
        if q.end > len(text):
            problems.append(Problem(
                path, f"span {q.start}-{q.end} is outside the article ({len(text)} characters)"
                + at))  # fmt: skip
        elif (q.start, q.end) != (found.start, found.end) and not _span_matches(text, q):
            problems.append(Problem(
                path, f"span {q.start}-{q.end} does not match the quote: the article has "
                f"{text[q.start:q.end]!r} there" + at))  # fmt: skip
        elif q.match != found.match:
            problems.append(
                Problem(f"{path}.match", f"recorded {q.match!r} but the quote is {found.match!r}")
            )
    return problems


def _span_matches(text: str, q: Quote) -> bool:
    assert q.start is not None and q.end is not None
    span, quote = normalize(text[q.start : q.end]).strip(_EDGE), normalize(q.text).strip(_EDGE)
    if span == quote:
        return True
    return q.match == "fuzzy" and fuzz.ratio(span, quote) >= FUZZY_THRESHOLD


class Articles:
    """Articles by path and their indexes by sha256, loaded once per run."""

    def __init__(self) -> None:
        self._articles: dict[str, Article | None] = {}
        self._indexes: dict[str, ArticleIndex] = {}
        self._origins: dict[tuple[str, str], tuple[str, Article] | None] = {}

    def load(self, ref: str, *, strict: bool = False) -> Article | None:
        """The article at a local path; None when unreadable (InputError when `strict`)."""
        from summarizer.ingest.load import load_article

        key = ref if "://" in ref else str(Path(ref).resolve())
        if key not in self._articles:
            try:
                self._articles[key] = load_article(ref)
            except SummarizerError:
                if strict:
                    raise
                self._articles[key] = None
        return self._articles[key]

    def index(self, article: Article) -> ArticleIndex:
        """The (cached) grounding index of an article."""
        if article.sha256 not in self._indexes:
            self._indexes[article.sha256] = ArticleIndex(article.text)
        return self._indexes[article.sha256]

    def for_brief(self, brief: Brief, brief_path: Path) -> tuple[str, Article] | None:
        """The article recorded in the brief's provenance, when it is a readable local file."""
        origin = brief.provenance.article_origin
        if not origin or origin == "-" or "://" in origin:
            return None
        key = (origin, str(brief_path.parent))
        if key not in self._origins:
            self._origins[key] = None
            for candidate in (Path(origin), brief_path.parent / origin):
                article = self.load(str(candidate)) if os.path.isfile(candidate) else None
                if article is not None:
                    self._origins[key] = (str(candidate), article)
                    break
        return self._origins[key]


def validate_file(
    path: Path, *, article: tuple[str, Article] | None = None, articles: Articles | None = None
) -> FileReport:
    """Validate one brief file (against `article` if given, else its recorded origin)."""
    articles = articles or Articles()
    report = FileReport(str(path))
    data, report.problems = load_json(path)
    if report.problems:
        return report
    brief, report.problems = parse_brief(data)
    if brief is None or report.problems:
        return report
    report.problems = rule_problems(brief)
    found = article or articles.for_brief(brief, path)
    if found is not None:
        report.article, art = found
        if art.sha256 != brief.provenance.article_sha256:
            report.problems.append(Problem(
                "provenance.article_sha256", f"the brief was written from a different text "
                f"({brief.provenance.article_sha256[:12]}…) than {report.article} "
                f"({art.sha256[:12]}…); the article changed or is not the brief's"))  # fmt: skip
        report.problems += quote_problems(brief, articles.index(art))
    return report


def validate_paths(paths: Sequence[str | Path], article: str | None = None) -> list[FileReport]:
    """Validate brief files and folders; `article` (a path) overrides the recorded origins."""
    files = expand_brief_paths(paths)
    if not files:
        raise UsageError("no briefs to validate: the folders given hold no .json files")
    articles = Articles()
    given: tuple[str, Article] | None = None
    if article:
        loaded = articles.load(article, strict=True)
        given = (article, loaded) if loaded is not None else None
    return [validate_file(p, article=given, articles=articles) for p in files]
