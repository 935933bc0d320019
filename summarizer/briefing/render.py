"""Briefing documents: one or many briefs rendered to Markdown or standalone HTML.

Templates are Jinja2, run in a `SandboxedEnvironment` (custom templates too). HTML output is
autoescaped; Markdown output escapes every `{{ value }}` through `md_escape` (a `finalize`
hook), so text from articles and models never becomes markup in either format. Values
wrapped in `markupsafe.Markup` (or passed through `|safe`) are emitted as they are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote as urlquote
from urllib.parse import urlsplit

from markupsafe import Markup

from summarizer.brief.grounding import normalize, same_actor
from summarizer.brief.schema import Actor, Brief, Position, Quote, Source
from summarizer.errors import InputError, UsageError

Format = Literal["md", "html"]
Order = Literal["input", "date"]
FORMATS: dict[str, Format] = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
TEMPLATES = Path(__file__).parent / "templates"
DEFAULT_TITLE = "Briefing"

_SPACES = re.compile(r"\s+")
_MD_ANYWHERE = re.compile(r"([\\`*_\[\]<>|~&#])")
_MD_LINE_START = re.compile(r"^(\s*)([+=-])|^(\s*\d+)([.)])")


def md_escape(text: str) -> str:
    """Escape text so Markdown renders it literally (one line; safe inside table cells)."""
    flat = _SPACES.sub(" ", str(text))
    flat = _MD_ANYWHERE.sub(r"\\\1", flat)
    return _MD_LINE_START.sub(lambda m: "\\".join(g for g in m.groups() if g is not None), flat)


def safe_url(url: str | None) -> str | None:
    """The URL if it is a plain http(s) link, percent-encoding characters that break markup."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return urlquote(url, safe="/:?#[]@!$&'*+,;=%-._~")


def _md_finalize(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    return md_escape(str(value))


@dataclass
class Footnote:
    """One evidence quote as an endnote pointing back to its source."""

    number: int
    quote: Quote
    source: Source
    url: str | None


@dataclass
class PositionGroup:
    """The positions one actor holds."""

    holder: str
    actor: Actor | None
    positions: list[Position]


@dataclass
class Section:
    """One article in the document: the brief plus what the templates need."""

    index: int
    anchor: str
    brief: Brief
    headline: str
    date: str | None
    url: str | None
    groups: list[PositionGroup]
    footnotes: list[Footnote] = field(default_factory=list)
    _numbers: dict[tuple[str, int | None], int] = field(default_factory=dict)
    _cited: set[int] = field(default_factory=set)

    def cite(self, evidence: Sequence[Quote]) -> list[int]:
        """Footnote numbers for these quotes, in order, without repeats."""
        out: list[int] = []
        for q in evidence:
            n = self._numbers.get((normalize(q.text), q.start))
            if n is not None and n not in out:
                out.append(n)
        return out

    def first_ref(self, number: int) -> bool:
        """True the first time a footnote is referenced (it gets the back-link anchor)."""
        first = number not in self._cited
        self._cited.add(number)
        return first


def _evidence_lists(brief: Brief) -> list[list[Quote]]:
    lists = [brief.event.evidence]
    lists += [a.evidence for a in brief.actors]
    lists += [p.evidence for p in brief.positions]
    lists += [lc.evidence for lc in brief.legal_context]
    return [*lists, brief.outcome.evidence]


def _groups(brief: Brief) -> list[PositionGroup]:
    groups: list[PositionGroup] = []
    for pos in brief.positions:
        actor = next((a for a in brief.actors if same_actor(pos.holder, a.name)), None)
        key = actor.name if actor else pos.holder
        group = next((g for g in groups if g.holder == key), None)
        if group is None:
            groups.append(PositionGroup(key, actor, [pos]))
        else:
            group.positions.append(pos)
    order = {a.name: i for i, a in enumerate(brief.actors)}
    return sorted(groups, key=lambda g: order.get(g.holder, len(order)))


def _date_key(brief: Brief) -> str | None:
    return brief.event.date or (brief.source.published_at or "")[:10] or None


def build_sections(briefs: Sequence[Brief], order: Order = "input") -> list[Section]:
    """Per-article view models with document-wide footnote numbers."""
    items = list(briefs)
    if order == "date":
        items.sort(key=lambda b: (_date_key(b) is None, _date_key(b) or ""))
    sections: list[Section] = []
    number = 0
    for i, brief in enumerate(items, 1):
        headline = brief.source.title or brief.event.summary
        section = Section(
            i, f"article-{i}", brief, headline, _date_key(brief), safe_url(brief.source.url),
            _groups(brief),
        )  # fmt: skip
        for quote in (q for ev in _evidence_lists(brief) for q in ev):
            key = (normalize(quote.text), quote.start)
            if key not in section._numbers:
                number += 1
                section._numbers[key] = number
                section.footnotes.append(Footnote(number, quote, brief.source, section.url))
        sections.append(section)
    return sections


def _environment(fmt: Format, folder: Path) -> Any:
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment
    from pydantic import BaseModel

    class Sandbox(SandboxedEnvironment):
        """Only data fields of pydantic models (no methods such as `parse_file`)."""

        def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
            if isinstance(obj, BaseModel):
                return attr in type(obj).model_fields
            return bool(super().is_safe_attribute(obj, attr, value))

    env = Sandbox(
        loader=FileSystemLoader(str(folder)),
        autoescape=fmt == "html",
        finalize=_md_finalize if fmt == "md" else None,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = lambda v: Markup(_md_finalize(v))
    env.filters["md_url"] = lambda u: Markup(f"<{u}>") if safe_url(u) else md_escape(u or "")
    env.filters["label"] = lambda v: str(v or "").replace("_", " ")
    return env


def _language(sections: Sequence[Section]) -> str:
    langs = {s.brief.source.language for s in sections if s.brief.source.language}
    return langs.pop() if len(langs) == 1 else "en"


def render(
    briefs: Sequence[Brief],
    fmt: Format,
    *,
    title: str | None = None,
    order: Order = "input",
    template: Path | None = None,
    date: str | None = None,
) -> str:
    """Render briefs as one briefing document.

    Args:
        briefs: One or more stored briefs.
        fmt: "md" or "html"; decides escaping (and the built-in template).
        title: Document title (default "Briefing").
        order: "input" keeps the given order; "date" sorts by event (else report) date.
        template: A custom Jinja2 template file, rendered in the sandbox.
        date: The document date (default: today, UTC).

    Returns:
        The document text.
    """
    sections = build_sections(briefs, order)
    context = {
        "title": title or DEFAULT_TITLE,
        "date": date or datetime.now(UTC).date().isoformat(),
        "sections": sections,
        "language": _language(sections),
        "count": len(sections),
    }
    folder, name = (TEMPLATES, f"briefing.{fmt}.j2")
    if template is not None:
        folder, name = template.parent, template.name
    try:
        text = _environment(fmt, folder).get_template(name).render(context)
    except Exception as exc:
        from jinja2 import TemplateError

        # From a custom template every error is the user's (syntax, not UTF-8, `{{ 1/0 }}`);
        # from a built-in one, anything but Jinja's own errors is a bug and propagates.
        if template is None and not isinstance(exc, TemplateError):
            raise
        raise UsageError(_template_problem(name, exc)) from None
    return text.rstrip() + "\n"


def _template_problem(name: str, exc: Exception) -> str:
    from jinja2 import TemplateSyntaxError

    line = f" line {exc.lineno}" if isinstance(exc, TemplateSyntaxError) and exc.lineno else ""
    return f"template {name}{line}: {type(exc).__name__}: {' '.join(str(exc).split())}"


def render_markdown(briefs: list[Brief], title: str | None = None) -> str:
    """A Markdown briefing document (what `summarize --format md` prints)."""
    return render(briefs, "md", title=title)


def render_html(briefs: list[Brief], title: str | None = None) -> str:
    """A standalone HTML briefing document (inline CSS, no scripts, printable)."""
    return render(briefs, "html", title=title)


def output_format(output: str, template: Path | None = None) -> Format:
    """The format an output path asks for (`-` is Markdown on stdout)."""
    if output == "-":
        return "md"
    fmt = FORMATS.get(Path(output).suffix.lower())
    if fmt:
        return fmt
    if template is not None:
        return "html" if ".htm" in template.name.lower() else "md"
    raise UsageError(f"{output}: unknown output format; use .md, .html or - (Markdown)")


def read_briefs(paths: Sequence[Path]) -> list[Brief]:
    """Load the briefs to render (from `expand_brief_paths`).

    Raises:
        UsageError: There are none (an empty folder): like `validate`, not an empty briefing.
        InputError: A file is not a valid brief.
    """
    if not paths:
        raise UsageError("no briefs to render: the folders given hold no .json files")
    return [read_brief(p) for p in paths]


def read_brief(path: Path) -> Brief:
    """Load one stored brief; InputError with the first problem when it is not valid."""
    from summarizer.brief.files import load_json, parse_brief

    data, problems = load_json(path)
    if not problems:
        brief, problems = parse_brief(data)
        if brief is not None:
            return brief
    first = problems[0]
    where = f"{first.path}: " if first.path else ""
    raise InputError(
        f"{path}: not a valid brief: {where}{first.message} "
        f"(run `summarizer validate {path}` for the full report)"
    )
