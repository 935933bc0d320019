"""Prompt templates: Jinja2 files rendered in a sandbox into chat messages.

Templates ship inside the wheel (`summarizer/prompts/`); in a source checkout they are read
from the top-level `prompts/`. `--prompt-dir` overrides both.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, get_args

from summarizer.article import Article
from summarizer.brief.schema import ActorKind, EventType, LegalKind
from summarizer.errors import UsageError

TEMPLATE_NAME = "brief"
_PARTS = ("system", "user")
_ARTICLE_END = "</article>"


def default_prompt_dir() -> Path:
    """The packaged templates, or the checkout's `prompts/` in a development install."""
    package = Path(__file__).resolve().parents[2]  # summarizer/
    packaged = package / "prompts"
    if packaged.is_dir():
        return packaged
    return package.parent / "prompts"


@dataclass(frozen=True)
class PromptSet:
    """A loaded pair of templates and the hash that identifies them."""

    name: str
    sources: dict[str, str]
    sha256: str

    @cached_property
    def _compiled(self) -> dict[str, Any]:
        from jinja2 import TemplateError
        from jinja2.sandbox import SandboxedEnvironment

        env = SandboxedEnvironment(autoescape=False, keep_trailing_newline=True)
        try:
            return {part: env.from_string(self.sources[part]) for part in _PARTS}
        except TemplateError as exc:
            raise UsageError(f"prompt template {self.name}: {exc}") from None

    def render(self, article: Article, **limits: int) -> list[dict[str, str]]:
        """Render system and user messages for one article (the article is data only)."""
        from jinja2 import TemplateError

        templates = self._compiled
        values = {
            "max_actors": 8, "max_positions": 6, "max_legal": 4,
            "event_types": ", ".join(get_args(EventType)),
            "actor_kinds": ", ".join(get_args(ActorKind)),
            "legal_kinds": ", ".join(get_args(LegalKind)),
            "title": article.title, "published_at": article.published_at,
            "publisher": article.publisher,
            # An article cannot close its own data block.
            "text": article.text.replace(_ARTICLE_END, "</ article>"),
        } | limits  # fmt: skip
        try:
            return [
                {
                    "role": part,
                    "content": templates[part].render(values).strip(),
                }
                for part in _PARTS
            ]
        except TemplateError as exc:
            raise UsageError(f"prompt template {self.name}: {exc}") from None


def load_prompts(prompt_dir: str | Path | None = None, name: str = TEMPLATE_NAME) -> PromptSet:
    """Load `<name>.system.j2` and `<name>.user.j2`; raise UsageError if either is missing."""
    folder = Path(prompt_dir) if prompt_dir else default_prompt_dir()
    sources: dict[str, str] = {}
    for part in _PARTS:
        path = folder / f"{name}.{part}.j2"
        try:
            sources[part] = path.read_text(encoding="utf-8")
        except OSError:
            raise UsageError(f"prompt template not found: {path}") from None
    digest = hashlib.sha256("\0".join(sources[p] for p in _PARTS).encode()).hexdigest()
    return PromptSet(name=name, sources=sources, sha256=digest)
