"""Stance rules of the offline engine (wave 5): which of a holder's positions comes first,
and when a statement takes a side. Sentences written for these tests."""

from __future__ import annotations

from extractive_helpers import brief_of


def _positions(text: str, holder: str) -> list[str]:
    return [p.stance for p in brief_of(text, "en").positions if p.holder == holder]


def test_a_holders_first_position_is_one_that_takes_a_side() -> None:
    text = (
        "The Marlow council voted on Tuesday to close the old ferry pier.\n\n"
        "Council member Ines Varga said the meeting started at nine in the morning.\n\n"
        "Later, Varga said the closure was a reckless and unfair decision.\n\n"
        "The pier will close in March."
    )
    stances = _positions(text, "Ines Varga")
    assert stances and stances[0] == "oppose", stances
