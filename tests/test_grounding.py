"""Quote and name matching against the article; consistency rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.brief.grounding import (
    ArticleIndex,
    consistency_problems,
    draft_problems,
    same_actor,
)
from summarizer.brief.schema import DraftBrief

LLM = Path(__file__).parent / "fixtures" / "llm"
TEXT = (LLM / "article.txt").read_text(encoding="utf-8")


@pytest.fixture
def index() -> ArticleIndex:
    return ArticleIndex(TEXT)


def draft(**changes: object) -> DraftBrief:
    data = json.loads((LLM / "capable-draft.json").read_text(encoding="utf-8"))
    data.update(changes)
    return DraftBrief.model_validate(data)


def test_exact_quote_gets_its_span(index: ArticleIndex) -> None:
    q = index.locate("suspended construction of a container terminal")
    assert q.match == "exact"
    assert TEXT[q.start : q.end] == "suspended construction of a container terminal"


def test_normalises_case_whitespace_quotes_and_dashes(index: ArticleIndex) -> None:
    q = index.locate("Chief  justice MIKAEL ORRIN wrote that the ministry \u201ccannot treat")
    assert q.match == "exact"
    assert TEXT[q.start : q.end].startswith("Chief Justice Mikael Orrin")


def test_fuzzy_quote_is_marked_fuzzy_and_snapped_to_words(index: ArticleIndex) -> None:
    q = index.locate("the government had aproved the project without the environmental assesment")
    assert q.match == "fuzzy"
    assert TEXT[q.start : q.end].startswith("the government had approved")
    assert TEXT[q.end - 1].isalnum()


def test_invented_quote_is_missing(index: ArticleIndex) -> None:
    q = index.locate("The court ordered the minister to resign immediately")
    assert (q.match, q.start, q.end) == ("missing", None, None)


def test_elided_quote_spans_both_parts(index: ArticleIndex) -> None:
    q = index.locate("The Port Authority of Norland ... would stop on Friday")
    assert q.match == "exact"
    assert TEXT[q.start : q.end] == "The Port Authority of Norland said work would stop on Friday"


def test_mentions_by_word_boundary(index: ArticleIndex) -> None:
    assert index.mentions("Blue Coast Alliance")
    assert not index.mentions("Joe Biden")
    assert not index.mentions("Norl")  # not a name on its own


def test_first_mention_is_a_sentence_span(index: ArticleIndex) -> None:
    q = index.first_mention("Ana Ruiz")
    assert q is not None and "Ana Ruiz" in q.text
    assert TEXT[q.start : q.end] == q.text


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [("Putin", "Vladimir Putin", True), ("Eliza Brandt", "Brandt", True), ("Ruiz", "Orrin", False)],
)
def test_same_actor(a: str, b: str, same: bool) -> None:
    assert same_actor(a, b) is same


def test_capable_answer_has_no_problems(index: ArticleIndex) -> None:
    assert draft_problems(draft(), index) == []


def test_invented_actor_quote_court_and_holder_are_all_reported(index: ArticleIndex) -> None:
    d = draft()
    d.actors[1].name = "Joe Biden"
    d.positions[0].holder = "Joe Biden"
    d.positions[1].holder = "Greenpeace"
    d.legal_context[0].body = "European Court of Human Rights"
    d.event.evidence = ["The court banned all ships from the bay"]
    problems = "\n".join(draft_problems(d, index))
    assert "actors[1].name: the article never mentions 'Joe Biden'" in problems
    assert "positions[1].holder: 'Greenpeace' is not an actor" in problems
    assert "legal_context[0].body: the article never mentions 'European Court" in problems
    assert "event.evidence[0]: quote not found" in problems


def test_missing_evidence_and_bad_date_and_duplicates() -> None:
    d = draft()
    d.outcome.evidence = []
    d.event.date = "14/03/2025"
    d.actors.append(d.actors[0])
    problems = "\n".join(draft_problems(d, ArticleIndex(TEXT)))
    assert "outcome.evidence: give at least one quote" in problems
    assert "event.date: '14/03/2025' is not YYYY-MM-DD" in problems
    assert "duplicate actor 'Supreme Court of Norland'" in "\n".join(consistency_problems(d))


def test_schema_validation_with_context_raises_grounding_errors() -> None:
    data = json.loads((LLM / "capable-draft.json").read_text(encoding="utf-8"))
    data["actors"][0]["name"] = "Atlantis Navy"
    with pytest.raises(ValueError, match="never mentions 'Atlantis Navy'"):
        DraftBrief.model_validate(data, context={"article_index": ArticleIndex(TEXT)})
    # Without an article the same answer is only schema-checked.
    assert DraftBrief.model_validate(data).actors[0].name == "Atlantis Navy"
