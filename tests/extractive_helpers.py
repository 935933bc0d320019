"""One way for the offline engine's tests to get a brief: every quote an exact span of the
text, and never the fallback brief, so a test that asserts something is absent ("no
instrument", "no actor") fails when the engine stops working instead of passing vacuously."""

from __future__ import annotations

from summarizer.article import Article
from summarizer.brief.grounding import all_quotes
from summarizer.brief.schema import Brief
from summarizer.engines.extractive.engine import ExtractiveEngine

ENGINE = ExtractiveEngine()


def brief_of(text: str, language: str | None = None) -> Brief:
    """The engine's brief for a text, checked: quotes exact, built by the rules."""
    brief = ENGINE.summarize(Article(text=text, language=language))
    problems = brief.provenance.grounding.problems if brief.provenance.grounding else []
    assert not any(p.startswith("extractive fallback") for p in problems), problems
    for q in all_quotes(brief):
        assert q.start is not None and q.end is not None and text[q.start : q.end] == q.text, q
    return brief


def actor_names(text: str) -> set[str]:
    """The names of the actors the engine lists for a text."""
    return {a.name for a in brief_of(text).actors}
