"""Event cue scores: the quick path (cue substrings of the lower-cased text) counts exactly
what the case-insensitive cue patterns count, including letters that match another case."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive import event
from summarizer.engines.extractive.phrases import caseless_safe


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
