"""Positions of the offline engine: which words a holder is tied to, and how sure a stance is.

Sentences here are written for the tests (no article text)."""

from __future__ import annotations

from extractive_helpers import brief_of

from summarizer.engines.extractive.stance import flat


def _stances(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for p in brief_of(text, "en").positions:
        out.setdefault(p.holder, []).append(p.stance)
    return out


def test_a_plain_factual_report_is_neutral_not_unclear() -> None:
    assert flat("the ferry to Ostrava leaves at nine on weekdays from pier four", True)
    assert not flat("the timetable is a disgrace and a danger to passengers", True)
    assert not flat("the ferry leaves at nine on weekdays", False)  # no English lexicon
    text = (
        "Harbour traffic in Velmora rose in May.\n\n"
        "Ships unloaded 40,000 tonnes of grain at the eastern quay in May, harbour master "
        "Ilse Marten said on Monday."
    )
    assert _stances(text).get("Ilse Marten") == ["neutral"]


def test_a_holder_keeps_the_statements_that_take_a_side() -> None:
    said = [f"Tomas Brenner said the ferry number {n} leaves at {n} past nine from pier four."
            for n in range(1, 4)]  # fmt: skip
    text = (
        "The Velmora ferry timetable changed on Monday.\n\n" + " ".join(said)
        + " Tomas Brenner said the new timetable was a disgrace and unfair to commuters."
    )
    assert "oppose" in _stances(text).get("Tomas Brenner", []), _stances(text)
