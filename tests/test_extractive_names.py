"""Name mentions of the offline engine: where a name starts and ends, on sentences written
for these tests."""

from __future__ import annotations

from summarizer.engines.extractive.engine import _mentions
from summarizer.engines.extractive.names import Mention
from summarizer.engines.extractive.segment import segment


def mentions(text: str) -> list[Mention]:
    """Every name mention the scanner finds in an English text."""
    return _mentions(segment(text, None), "en")


def names(text: str) -> list[str]:
    return [m.name for m in mentions(text)]


def test_a_middle_initial_stays_inside_the_name() -> None:
    found = names("Police later arrested Marta Q. Lindqvist, 41, near the harbour.")
    assert "Marta Q. Lindqvist" in found
    assert not any(n.startswith("Marta Q") and n != "Marta Q. Lindqvist" for n in found)


def test_an_initial_after_a_stop_word_starts_nothing() -> None:
    assert "A. Lindqvist" not in names("The fine was paid by A. Lindqvist on Monday.")


def test_a_generational_suffix_is_part_of_the_name() -> None:
    found = mentions("Prosecutors said Dorian Velk Jr., 47, pleaded guilty on Tuesday.")
    person = next(m for m in found if m.name.startswith("Dorian"))
    assert person.name == "Dorian Velk Jr."
    assert person.kind == "person"


def test_a_titled_name_keeps_its_suffix() -> None:
    found = mentions("District Attorney Omar Feld Sr. said the case was closed.")
    person = next(m for m in found if m.kind == "person")
    assert person.name == "Omar Feld Sr."
    assert person.titled_kind == "official"


def test_a_post_nominal_is_still_cut() -> None:
    assert "Owen Hartley" in names("The hearing was led by Owen Hartley QC for the bank.")
