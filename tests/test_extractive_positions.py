"""Positions of the offline engine: who holds them, on what words, and with which stance."""

from __future__ import annotations

from summarizer.article import Article
from summarizer.brief.schema import Brief
from summarizer.engines.extractive.engine import ExtractiveEngine
from summarizer.engines.extractive.stance import advocacy, commitment, lexical, stance_of

ENGINE = ExtractiveEngine()


def _brief(text: str, language: str | None = "en") -> Brief:
    article = Article(text=text, language=language)
    brief = ENGINE.summarize(article)
    for p in brief.positions:
        for q in p.evidence:
            assert q.start is not None and q.end is not None
            assert text[q.start : q.end] == q.text
    return brief


def _stances(text: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for p in _brief(text).positions:
        out.setdefault(p.holder, set()).add(p.stance)
    return out


def test_a_contracted_negation_turns_a_stance_word_round() -> None:
    assert lexical("the governors didn't welcome the plan") == {"oppose"}
    assert lexical("the governors welcome the plan") == {"support"}


def test_words_before_a_closing_attribution_are_the_holders() -> None:
    text = (
        "Harbour workers walked out across the port of Velmora on Monday.\n\n"
        "The new shift rules are unfair and unlawful, the Velmora Dockers Union said in a "
        "statement on Monday."
    )
    positions = [p for p in _brief(text).positions if p.holder == "Velmora Dockers Union"]
    assert positions and positions[0].stance == "oppose", positions
    assert positions[0].on.startswith("The new shift rules"), positions[0].on


def test_a_partial_quotation_inside_reported_speech_keeps_the_whole_clause() -> None:
    text = (
        "The inquiry into the Korvan mine closed on Friday.\n\n"
        'Ilse Marten said the closure was unlawful and the miners deserved "a fair hearing".'
    )
    assert "oppose" in _stances(text).get("Ilse Marten", set())


def test_commitments_support_what_they_commit_to_unless_negated() -> None:
    assert commitment("pledged", "that the fund would double its grants") == "support"
    assert commitment("announced", "that it would not renew the contract") == "oppose"
    assert commitment("claimed", "responsibility for the attack") == "support"
    assert commitment("said", "that it would double its grants") is None
    assert stance_of("pledged", "that the fund would double its grants", True) == "support"


def test_requests_and_calls_for_action() -> None:
    assert advocacy("urged", "the council to approve the budget") == "support"
    assert advocacy("urged", "voters not to approve the budget") == "oppose"
    assert advocacy("urged", "the army to withdraw its units from the towns") == "oppose"
    assert advocacy("asked", "the minister about the delays") is None  # a question
    assert advocacy("said", "the state should fund rural clinics") == "support"
    assert advocacy("said", "the state must end the curfew") == "oppose"
    assert advocacy("said", "the state should not fund the stadium") == "oppose"
    assert advocacy("said", "the tariffs were raised in May") is None


def test_a_request_without_an_infinitive_is_no_stance() -> None:
    assert stance_of("asked", "the panel about the wonderful, beautiful new park", True) is None


def test_engine_gives_a_request_its_stance() -> None:
    text = (
        "Farm groups met in Tarnow on Tuesday.\n\n"
        "Lena Vorst urged the regional assembly not to approve the water levy."
    )
    assert _stances(text).get("Lena Vorst") == {"oppose"}
