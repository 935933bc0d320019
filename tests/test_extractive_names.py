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


def test_a_middle_initial_that_is_also_a_word_stays_inside() -> None:
    assert "Ines A. Varga" in names("The court heard Ines A. Varga, who spoke for the firm.")


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


def test_a_person_of_a_party_is_cut_before_of() -> None:
    found = mentions("The island's leader, Mei-ling Cho of the Civic Renewal party, spoke.")
    assert "Mei-ling Cho" in [m.name for m in found]
    assert not any("Cho of" in m.name for m in found)
    assert "Civic Renewal" in [m.name for m in found]


def test_a_surname_of_a_newspaper_is_two_mentions() -> None:
    found = names("Critics were muted, Tamsin Orr wrote. Orr of the Courier Times said so.")
    assert "Orr" in found and "Courier Times" in found
    assert not any(n.startswith("Orr of") for n in found)


def test_a_one_word_body_of_a_place_stays_whole() -> None:
    assert "University of Leeds" in names("She studied at the University of Leeds for years.")


def test_a_title_before_a_comma_titles_the_name_after_it() -> None:
    found = mentions("The Speaker of the Assembly, Ada Obinna, and two others went to court.")
    assert [m.name for m in found] == ["Ada Obinna"]  # the office itself is no actor
    person = found[0]
    assert person.kind == "person" and person.title is not None
    assert person.titled_kind == "official"  # presides over a body: not a head of state


def test_a_presiding_title_over_a_body_is_no_head_of_state() -> None:
    found = mentions("The President of the Senate, Ada Obinna, filed the suit.")
    assert [(m.name, m.titled_kind) for m in found] == [("Ada Obinna", "official")]


def test_a_person_after_a_ministry_and_and_is_a_person_of_their_own() -> None:
    found = names("Letters went to the Ministry of Ports and Tomas Brevik, the ports minister.")
    assert "Tomas Brevik" in found
    assert not any("Ports and" in n for n in found)


def test_a_ministry_with_two_portfolios_stays_whole() -> None:
    found = names("Officials of the Ministry of Fisheries and Coastal Planning met on Monday.")
    assert "Ministry of Fisheries and Coastal Planning" in found


def test_a_person_glued_after_a_body_is_cut_off() -> None:
    text = "She met the envoy to the Nordic Union Halvard Mørk on Friday. Mørk said little."
    found = names(text)
    assert "Halvard Mørk" in found and "Nordic Union" in found


def test_a_body_named_for_a_two_word_place_is_no_person() -> None:
    found = mentions("Shares will trade on the Buenos Aires Metals Exchange next week.")
    body = next(m for m in found if m.name == "Buenos Aires Metals Exchange")
    assert body.kind != "person" and body.country is None


def test_a_one_word_place_still_starts_a_persons_name() -> None:
    found = mentions("Critics said Jordan Vellacott wrote the report, and Vellacott agreed.")
    assert ("Jordan Vellacott", "person") in [(m.name, m.kind) for m in found]


def test_link_texts_run_together_are_no_name() -> None:
    found = names("He left. Rep. Ada Obinna-KaluAda Obinna-KaluMensah doubles down on tariffs.")
    assert not any("KaluAda" in n for n in found)


def test_a_camel_case_company_is_still_a_name() -> None:
    assert "BrightHaven" in names("Investors in BrightHaven sold shares, BrightHaven said.")


def test_two_names_joined_by_a_hyphen_are_no_name() -> None:
    text = "Ardent and Bellweather agreed. The Ardent-Bellweather merger closed on Friday."
    found = names(text)
    assert "Ardent-Bellweather" not in found
    assert "Ardent" in found and "Bellweather" in found


def test_a_hyphenated_surname_is_still_a_name() -> None:
    text = "Critics said Ines Varga-Lind spoke first, and Varga-Lind agreed."
    assert "Ines Varga-Lind" in names(text)


def test_an_office_of_a_company_names_the_company() -> None:
    found = mentions("The deal pleased Ada Lind, the CEO of Norvale Shipping Group, on Monday.")
    assert "Norvale Shipping Group" in [m.name for m in found]
    assert not any(m.name.startswith("CEO") for m in found)


def test_he_is_part_of_a_chinese_name_after_a_surname() -> None:
    text = "Talks resumed with vice-premier Wang He, who arrived late. Wang He spoke."
    assert "Wang He" in names(text)


def test_he_opens_a_chinese_name() -> None:
    text = "“Who knows?” He Zhaoming, a trade scholar, said. Talks went on."
    assert "He Zhaoming" in names(text)


def test_he_is_still_the_pronoun() -> None:
    found = names("Maria Lindqvist left early. He Said He Would Stay, he said.")
    assert not any(n.startswith("He") or n.endswith(" He") for n in found)


def test_a_prefixed_title_titles_the_name() -> None:
    found = mentions("The talks were led by vice-premier Wang Lemin on Monday.")
    person = next(m for m in found if m.name == "Wang Lemin")
    assert person.title is not None and person.kind == "person"


def test_a_places_people_are_no_actor() -> None:
    found = names("Most Kenyans and many Albertans backed the plan, Ada Lind said.")
    assert "Kenyans" not in found and "Albertans" not in found
    assert "Ada Lind" in found


def test_a_quoted_title_is_no_actor() -> None:
    found = names("The charity ran its ‘Clean Slate’ campaign with Ada Lind last year.")
    assert "Clean Slate" not in found and "Ada Lind" in found


def test_a_name_opening_the_text_is_still_read() -> None:
    assert names("Ada Lind said so. Lind agreed.")[0] == "Ada Lind"


def test_a_two_word_title_after_a_body_is_no_part_of_the_body() -> None:
    text = "It is false, Harbour House Press Secretary Ada Obinna said. Obinna left."
    found = mentions(text)
    assert "Harbour House" in [m.name for m in found]
    assert not any(m.name.startswith("Harbour House Press") for m in found)
    person = next(m for m in found if m.name == "Ada Obinna")
    assert text[person.title[0] : person.title[1]] == "Press Secretary"


def test_a_two_word_title_in_a_titled_run() -> None:
    text = "The secretary spoke. Then Harbour House Press Secretary Ada Obinna said no."
    assert "Harbour House" in names(text)


def test_a_title_after_a_name_titles_it() -> None:
    text = "The plan was sound, said Ada Obinna, Director of Port Planning, on Monday."
    found = mentions(text)
    person = next(m for m in found if m.name == "Ada Obinna")
    assert person.title is not None and person.titled_kind == "official"
    assert text[person.title[0] : person.title[1]] == "Director of Port Planning"
    assert [m.name for m in found] == ["Ada Obinna"]


def test_a_title_then_a_company_after_a_name() -> None:
    text = "The shares will rise, said Ada Obinna, Director, Norvale Securities, on Monday."
    found = mentions(text)
    assert [m.name for m in found] == ["Ada Obinna", "Norvale Securities"]
    assert found[0].title is not None and found[1].kind != "person"


def test_a_royal_title_stays_in_a_one_word_name() -> None:
    found = names("His mother, Queen Maren, was said to be displeased. Maren said nothing.")
    assert "Queen Maren" in found


def test_a_minister_title_does_not_stay_in_the_name() -> None:
    assert "Ada Obinna" in names("Later, Minister Ada Obinna spoke to the press.")


def test_an_acronym_and_a_bank_are_two_names() -> None:
    found = names("Analysts named KBL and Norvale Bank as the main winners of the ruling.")
    assert "KBL" in found and "Norvale Bank" in found


def test_a_body_with_and_inside_stays_whole() -> None:
    found = names("The Food and Drug Administration approved it on Monday.")
    assert "Food and Drug Administration" in found


def test_an_event_is_no_actor() -> None:
    found = names("The order came at the Vendra Air Show, Norvale Airlines said on Monday.")
    assert "Vendra Air Show" not in found and "Norvale Airlines" in found


def test_a_street_address_is_no_actor() -> None:
    found = names("Police searched a garage behind 2134 Orrin Place and 88 Vell Drive on Monday.")
    assert "Orrin Place" not in found and "Vell Drive" not in found


def test_a_portfolio_word_alone_titles_no_one() -> None:
    found = mentions("Shares of Home Depot fell after Home Secretary Ada Obi spoke on Monday.")
    assert ("Home Depot", "person") not in [(m.name, m.kind) for m in found]
    assert "Depot" not in [m.name for m in found], found
    assert ("Ada Obi", "person") in [(m.name, m.kind) for m in found]


def test_a_companys_office_named_without_a_person_is_no_name() -> None:
    found = names("Harrow Freight hired Ivo Lind as Chief Revenue Officer, the firm said.")
    assert "Chief Revenue Officer" not in found and "Ivo Lind" in found, found


def test_and_before_a_head_with_of_starts_a_second_name() -> None:
    found = names("The Brellin and University of Tarnow lawsuits were heard on Monday.")
    assert "Brellin and University of Tarnow" not in found, found
    assert "University of Tarnow" in found, found


def test_and_joins_a_name_whose_head_follows_a_plural_possessive() -> None:
    found = names("The Schools and Academies Governors’ Association (SAGA) backed the plan.")
    assert "Schools and Academies Governors’ Association" in found, found


def test_a_surname_that_is_a_function_word_in_another_language_ends_the_name() -> None:
    found = names("Bank chief Hiroki Son has told staff that profits must rise.")
    assert "Hiroki Son" in found, found


def test_a_count_before_of_is_no_part_of_the_name() -> None:
    found = names("Seven of Ada Obi’s goals came from corners, the coach said.")
    assert "Seven of Ada Obi" not in found, found
    assert "Ada Obi" in found, found


def test_a_schedule_line_opening_with_host_names_the_team_only() -> None:
    found = names("Falcons: Host the Ravens on Friday.")
    assert "Host the Ravens" not in found, found
