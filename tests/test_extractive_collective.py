"""Collective actors in lower case after a modifier ("the Afghan government", "Hong Kong
police"), on sentences written for the test."""

from __future__ import annotations

from extractive_helpers import actor_names as _names


def test_collective_actors_after_a_place_a_nationality_or_a_name() -> None:
    text = (
        "Fighting resumed near the border on Monday. The Zambian government has rejected the "
        "ceasefire terms, and Malawi's foreign ministry said talks would go on. Ten people were "
        "detained by Lusaka police. Governor Ada Mbeki spoke on Tuesday; the Mbeki "
        "administration will appeal."
    )
    names = _names(text)
    for expected in ("Zambian government", "Malawi's foreign ministry", "Lusaka police",
                     "Mbeki administration"):  # fmt: skip
        assert expected in names, (expected, names)


def test_collective_phrases_without_evidence_or_modifier_are_not_actors() -> None:
    text = (
        "Prices rose on Monday. The new government has rejected the plan. Officials at the "
        "Zambian government offices were closed. Last year officials said little, and Zambian "
        "police records were sealed."
    )
    names = _names(text)
    assert not {n for n in names if n.endswith(("government", "police", "officials"))}, names
