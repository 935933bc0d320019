"""Stance rules of the offline engine (wave 5): which of a holder's positions comes first,
and when a statement takes a side. Sentences written for these tests."""

from __future__ import annotations

from extractive_helpers import brief_of

from summarizer.engines.extractive.stance import flat, stance_of


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


def _holders(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for p in brief_of(text, "en").positions:
        out.setdefault(p.holder, []).append(p.summary)
    return out


def test_he_after_a_title_and_a_name_is_the_person_not_the_employer() -> None:
    text = (
        "A winter storm crossed the Dorvan plains on Monday.\n\n"
        "Radio Kestrel forecaster Milan Oduya expected more snow in the hills.\n\n"
        "But he added: \"The worst of the storm is behind us now.\"\n\n"
        "Roads reopened on Tuesday."
    )
    holders = _holders(text)
    assert "Radio Kestrel" not in holders, holders
    assert any("he added" in s for s in holders.get("Milan Oduya", [])), holders


def test_a_pronoun_whose_words_another_speaker_reports_holds_nothing() -> None:
    text = (
        "The Senate of Ardonia met the visiting delegation on Friday.\n\n"
        "The Ardonian Farmers League attended the meeting with Senator Paulo Mendes and "
        "claimed he announced a new subsidy.\n\n"
        "The meeting ended at noon."
    )
    holders = _holders(text)
    assert "Paulo Mendes" not in holders, holders


def test_hindsight_criticises_what_happened() -> None:
    assert stance_of("said", " the grant should have gone to the rural clinics", True) == "oppose"
    assert stance_of("said", " the grant should go to the rural clinics", True) == "support"


def test_a_quoted_title_before_the_speaker_is_not_the_speakers_words() -> None:
    text = (
        "The Halden film prizes were handed out in Orvik on Saturday.\n\n"
        "But “Silver Harbour” actor Tomas Lind said the top prize should have gone to the "
        "drama “Night Ferry.”\n\n"
        "The ceremony ends the festival."
    )
    positions = [p for p in brief_of(text, "en").positions if p.holder == "Tomas Lind"]
    assert positions and positions[0].stance == "oppose", positions
    assert positions[0].on.startswith("the top prize"), positions[0].on


def test_a_side_taken_in_so_many_words_comes_before_one_read_from_sentiment() -> None:
    text = (
        "The Marlow council voted on Tuesday to close the old ferry pier.\n\n"
        "Council member Ines Varga said the evening was lovely and the crowd was wonderful.\n\n"
        "Later, Varga criticised the closure of the pier.\n\n"
        "The pier will close in March."
    )
    stances = _positions(text, "Ines Varga")
    assert stances[:2] == ["oppose", "support"], stances


def test_he_with_an_auxiliary_and_an_adverb_before_the_cue_is_the_person_named() -> None:
    text = (
        "The Brevik label sued its former manager on Monday.\n\n"
        "Label founder Oskar Lindqvist has been accused of withholding royalties.\n\n"
        "He has repeatedly denied the claims.\n\n"
        "The case opens in June."
    )
    assert _positions(text, "Oskar Lindqvist") == ["oppose"], _positions(text, "Oskar Lindqvist")


def test_a_media_company_holds_what_its_chief_executive_says() -> None:
    text = (
        "A court in Velmora upheld the suspension of the broadcaster Kestrel TV on Monday.\n\n"
        "Kestrel TV chief executive Milan Oduya said the station would appeal the ruling.\n\n"
        "The suspension runs for thirty days."
    )
    holders = _holders(text)
    assert "Milan Oduya" in holders and "Kestrel TV" in holders, holders


def test_a_call_for_a_sanction_or_a_reproach_is_opposition() -> None:
    assert stance_of("said", " the harbour master should resign over the spill", True) == "oppose"
    assert stance_of("said", " the board must be held accountable for the losses", True) == (
        "oppose")
    assert stance_of("said", " he should be ashamed of the new rules", True) == "oppose"
    assert stance_of("said", " the harbour master should not resign", True) == "support"


def test_reported_harm_is_a_fact_not_a_judgement() -> None:
    words = " three people were killed and two injured in the fire at the depot on Friday"
    assert stance_of("said", words, True) == "neutral"
    assert flat(words, True)
    named = " two United States soldiers were killed in a crash near the border"
    assert stance_of("said", named, True) == "neutral"  # no praise left when harm is left out
    assert stance_of("said", " the raid was a cruel and disgraceful act", True) == "oppose"


def test_she_does_not_point_to_a_name_that_only_modifies_a_noun() -> None:
    text = (
        "Solicitor General Ana Brill argued the Harrow case before the Supreme Court on "
        "Monday.\n\n"
        "Brill, who grew up in Tolland, studied at Emory University. Dana Kovac, the singer, "
        "founded a prize for young lawyers in 1990.\n\n"
        "As a teen she entered debating contests, and later she won the Dana Kovac prize.\n\n"
        "She said she used the prize money for law school.\n\n"
        "The Supreme Court will rule in June."
    )
    assert "Dana Kovac" not in _holders(text), _holders(text)


def test_according_to_a_statement_from_a_body_is_the_bodys_position() -> None:
    lead = (
        "Harbour workers of the Velmora Dockers Union walked out across the port of Velmora "
        "on Monday. The Velmora Port Authority called the strike illegal.\n\n"
    )
    for line, holder in (
        ("According to a statement from the Velmora Dockers Union, the strike will continue "
         "until Friday.", "Velmora Dockers Union"),
        ("The strike is unlawful, according to a spokesman for the Velmora Port Authority.",
         "Velmora Port Authority"),
    ):  # fmt: skip
        found = [p.holder for p in brief_of(lead + line + "\n\nTalks resume on Friday.",
                                            "en").positions if p.summary == line]  # fmt: skip
        assert found == [holder], (line, found)


def test_an_opening_frame_is_not_the_holders_words_when_a_clause_follows_the_cue() -> None:
    text = (
        "Harbour workers of the Velmora Dockers Union walked out across the port of Velmora "
        "on Monday.\n\n"
        "In a statement on Tuesday, the Velmora Dockers Union said the new rules were unfair."
        "\n\nTalks resume on Friday."
    )
    found = [p for p in brief_of(text, "en").positions if p.holder == "Velmora Dockers Union"]
    assert found and found[0].stance == "oppose", found
    assert found[0].on.startswith("the new rules"), found[0].on
