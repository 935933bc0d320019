"""Prompt templates: shipped, sandboxed, overridable, hashed."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.article import Article
from summarizer.engines.llm.prompts import default_prompt_dir, load_prompts
from summarizer.errors import UsageError


def test_default_templates_render_the_article_as_data() -> None:
    prompts = load_prompts()
    assert (default_prompt_dir() / "brief.system.j2").is_file()
    system, user = prompts.render(
        Article(text="Body text.", title="Headline", published_at="2025-01-02")
    )
    assert system["role"] == "system" and "word for word" in system["content"]
    assert user["role"] == "user"
    assert "<article>\nBody text.\n</article>" in user["content"]
    assert "Headline" in user["content"] and "2025-01-02" in user["content"]


def test_prompt_dir_override_changes_the_hash(tmp_path: Path) -> None:
    for part in ("system", "user"):
        (tmp_path / f"brief.{part}.j2").write_text(f"{part}: {{{{ text }}}}", encoding="utf-8")
    custom = load_prompts(tmp_path)
    assert custom.sha256 != load_prompts().sha256
    assert custom.render(Article(text="x"))[1]["content"] == "user: x"


def test_templates_are_sandboxed(tmp_path: Path) -> None:
    (tmp_path / "brief.system.j2").write_text("{{ ''.__class__.__mro__ }}", encoding="utf-8")
    (tmp_path / "brief.user.j2").write_text("{{ text }}", encoding="utf-8")
    with pytest.raises(UsageError, match="unsafe"):
        load_prompts(tmp_path).render(Article(text="x"))


def test_missing_template_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="prompt template not found"):
        load_prompts(tmp_path)
