"""Event cue scores: the quick path (cue substrings of the lower-cased text) counts exactly
what the case-insensitive cue patterns count, including letters that match another case."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from summarizer.engines.extractive import event, legal
from summarizer.engines.extractive.phrases import caseless_safe, may_match


def _full(text: str) -> tuple[tuple[str, int], ...]:
    return tuple((k, len(rx.findall(text))) for k, rx in event._CUE_RX.items())  # noqa: SLF001


@pytest.mark.parametrize(
    "text",
    [
        "Police ARRESTED two protesters after a march on Tuesday, officials said.",
        "The minister announced “sweeping” sanctions — and a ban on imports.",
        "The \u017fanctions were lifted.",  # long s: re.I matches it to "s"
        "Le gouvernement a annoncé des sanctions et une grève générale.",
        "Nothing happened here at all.",
        "",
    ],
)
def test_quick_cue_scores_equal_the_patterns(text: str) -> None:
    event._scores.cache_clear()  # noqa: SLF001
    assert event._scores(text) == _full(text)  # noqa: SLF001


def test_a_letter_with_another_case_takes_the_full_path() -> None:
    assert caseless_safe("“Quoted” — text’s dashes…")
    assert not caseless_safe("a \u017fanction")
    assert not caseless_safe("décision")
    assert dict(event._scores("The \u017fanctions were lifted."))["SANCTION"] == 1  # noqa: SLF001


def _sentences() -> list[str]:
    """Our own example articles' sentences, plus a few written to hit each regex."""
    root = Path(__file__).resolve().parents[1] / "examples"
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(root.glob("*.txt")))
    return [*re.split(r"(?<=[.!?”])\s+", text), "It is still unclear whether the port reopens.",
            "The ministry would not say when the ban ends.", "The panel heard it.",
            "The Supreme Court ruled on Tuesday that the ban was lawful.",
            "The dispute went to arbitration in London.", "The tribunal sat in Geneva.",
            "The Grand Chamber heard the case.", "Justice Maro asked.",
            "She ruled it out."]  # fmt: skip


def test_the_quick_tests_pass_every_sentence_their_regex_matches() -> None:
    """`may_match` is only a shortcut: no sentence its regex matches is skipped (the question,
    outcome and court regexes of event.py and legal.py)."""
    checks = [(event._QUESTION, event._QUESTION_WORDS)]  # noqa: SLF001
    checks += [(legal._COURTISH, legal._COURT_WORDS)]  # noqa: SLF001
    checks += [(rx, event._OUTCOME_WORDS[k]) for k, rx in event._OUTCOME_RX.items()]  # noqa: SLF001
    hits = 0
    for sentence in _sentences():
        for rx, words in checks:
            if rx.search(sentence):
                hits += 1
                assert may_match(sentence, words), (rx.pattern[:40], sentence)
    assert hits >= 10, hits
