"""Legal context of the offline engine: instruments named by a head noun and a qualifier.

Every sentence here is written for the test; each test fails when its rule is removed.
"""

from __future__ import annotations

from extractive_helpers import brief_of


def _instruments(text: str) -> list[str]:
    brief = brief_of(text, "en")
    for item in brief.legal_context:
        assert item.instrument in text and item.evidence
    return [item.instrument for item in brief.legal_context]


def test_a_deal_is_named_by_its_party() -> None:
    text = (
        "Harbor Freight Lines reached a settlement with the attorney general last spring. "
        "Last week the carrier signed an agreement with Marlow Logistics to share depots."
    )
    found = _instruments(text)
    assert "a settlement with the attorney general" in found, found
    assert "an agreement with Marlow Logistics" in found, found


def test_a_peoples_adjective_is_no_party() -> None:
    text = (
        "Ministers said a contract with the Greek ministry was near. "
        "Lawmakers debated tariffs on Chinese goods."
    )
    found = _instruments(text)
    assert not any("Greek" in f or "Chinese" in f for f in found), found


def test_quoted_modifiers_and_scare_quotes() -> None:
    text = (
        "Officials hailed a “landmark” Phase 2 customs agreement on Monday. "
        "A 'stage two' fisheries deal was expected within weeks."
    )
    found = _instruments(text)
    assert "Phase 2 customs agreement" in found, found
    assert "A 'stage two' fisheries deal" in found, found


def test_regulatory_actions_by_an_agency_acronym() -> None:
    text = "The Kestrel pump recently received FDA clearance for sales in clinics."
    assert "FDA clearance" in _instruments(text)
    plain = "The store held a clearance sale, and the plan won broad approval from staff."
    assert _instruments(plain) == []


def test_money_year_and_name_qualify_grants_acts_and_budgets() -> None:
    text = (
        "In May the agency asked for a $3.2 million grant to Harbor Labs. "
        "The 2014 Coastal authorization act directed it to build the port. "
        "Governors defended the state budget approved in April. "
        "NASA spent part of its $1.4 billion budget amendment on engines."
    )
    found = _instruments(text)
    for item in ("a $3.2 million grant", "The 2014 Coastal authorization act",
                 "the state budget", "$1.4 billion budget amendment"):  # fmt: skip
        assert item in found, (item, found)
    plain = (
        "It was an act of kindness and a generous grant of time. "
        "The household budget was tight."
    )
    assert _instruments(plain) == []


def test_deal_needs_a_topic_a_name_or_a_party() -> None:
    text = "The board approved a merger deal, and the Halvorsen deal closed in March."
    found = _instruments(text)
    assert "a merger deal" in found and "the Halvorsen deal" in found, found
    plain = (
        "She explained how to deal with the issue. A good deal of money was spent, "
        "and the little deal they made did not last."
    )
    assert _instruments(plain) == []


def test_clauses_and_compulsory_purchases() -> None:
    text = (
        "Critics cited the supremacy clause. The council completed a compulsory purchase of "
        "the mill last year."
    )
    found = _instruments(text)
    assert "the supremacy clause" in found and "a compulsory purchase" in found, found
    assert _instruments("The shop made a large purchase and added a clause.") == []


def test_injunction_against_a_practice() -> None:
    text = "The high court on Monday issued an injunction against street vending."
    assert "an injunction against street vending" in _instruments(text)


def test_strict_modifiers_make_the_topic_complement_redundant() -> None:
    text = "The ministry imposed anti-dumping duties on steel imports from three countries."
    assert "anti-dumping duties" in _instruments(text)


def test_impeachment_proceedings_are_a_process_not_an_instrument() -> None:
    text = "The House opened impeachment proceedings against the governor in May."
    assert not any("proceedings" in f for f in _instruments(text))


def test_a_quoted_name_may_hold_any_word() -> None:
    text = "A 'round one' fisheries deal was expected within weeks of the summit."
    assert "A 'round one' fisheries deal" in _instruments(text)


def test_an_obligation_alone_is_no_instrument() -> None:
    text = "He said he was bound to tell his friend in person that the trip was over."
    assert _instruments(text) == []


def test_the_political_sense_of_order_is_no_instrument() -> None:
    text = (
        "A judge in the court said the ruling stood. Critics warned that the liberal "
        "international order was fraying."
    )
    assert not any("order" in f for f in _instruments(text))


def test_a_verb_before_a_head_is_no_modifier() -> None:
    text = "The pact requires deeper concessions from both capitals, envoys said."
    assert not any("requires" in f for f in _instruments(text))


def test_case_numbers() -> None:
    text = (
        "The suit, with number KHC/MZ/07/114/2021, was filed on Monday. A second claim, "
        "case No. 3:20-cv-01187, is pending; HIV/AIDS groups and AC/DC fans watched."
    )
    found = _instruments(text)
    assert "KHC/MZ/07/114/2021" in found and "case No. 3:20-cv-01187" in found, found
    assert not any("AIDS" in f or "AC/DC" in f for f in found), found


def test_warrants_named_by_a_county() -> None:
    text = "Dana Reyes: Two Marlow County warrants, possession of a stolen vehicle."
    assert "Two Marlow County warrants" in _instruments(text)


def test_an_owner_is_named_whole_and_a_date_owns_nothing() -> None:
    text = (
        "A court upheld the Marlow Harbour Authority's licence last year. "
        "Wednesday's ruling surprised the court's clerks."
    )
    found = _instruments(text)
    assert "Marlow Harbour Authority's licence" in found, found
    assert not any("Wednesday" in f for f in found), found


def test_the_named_thing_a_ruling_is_on() -> None:
    text = "Investors cheered the Supreme Court's ruling on the Halvorsen Steel resolution."
    assert "Supreme Court's ruling on the Halvorsen Steel resolution" in _instruments(text)


def test_a_two_word_peoples_adjective_is_no_party() -> None:
    text = "The ministry imposed tariffs on South African steel, the WTO said."
    assert not any("South" in f for f in _instruments(text))


def test_an_instrument_noun_before_a_verb_is_the_subject() -> None:
    text = "The statute permits fishing. The 2018 law issues final decisions on permits."
    found = _instruments(text)
    assert "The 2018 law" in found, found
    assert not any("permits" in f or "issues" in f for f in found), found


def test_a_vote_count_is_no_description_of_a_ruling() -> None:
    text = "The court issued a 5-4 ruling, and the judges reached a 3–2 decision."
    assert _instruments(text) == []


def test_two_named_instruments_joined_by_and_the() -> None:
    text = "The panel said the Oslo Accord and the Harbour Safety Convention both apply."
    found = _instruments(text)
    assert "Oslo Accord" in found and "Harbour Safety Convention" in found, found
    one = _instruments("Ministers ratified the Trade Regulation and Fair Dealing Act on Monday.")
    assert one == ["Trade Regulation and Fair Dealing Act"], one


def test_a_named_law_on_a_subject_of_a_subject() -> None:
    text = "Parliament passed the Law on the Protection of Wetlands in July."
    assert "Law on the Protection of Wetlands" in _instruments(text)


def test_a_described_scheme_but_not_a_fraud() -> None:
    text = (
        "The city introduced a congestion charging scheme in May. "
        "Prosecutors said the broker ran a Ponzi scheme for years."
    )
    found = _instruments(text)
    assert "a congestion charging scheme" in found, found
    assert not any("Ponzi" in f for f in found), found


def test_a_class_of_instruments_is_no_instrument() -> None:
    text = "Campaigners want common sense pollution laws and future additional amendments."
    assert _instruments(text) == []
    assert _instruments("The board faced criminal charges in March.") == ["criminal charges"]


def test_a_manner_adjective_does_not_name_a_ruling() -> None:
    text = "The court reached a unanimous decision, and the tribunal gave a favourable judgment."
    assert _instruments(text) == []


def test_a_body_of_law_is_no_instrument() -> None:
    text = "States must respect international law and international humanitarian law, he said."
    assert _instruments(text) == []


def test_a_common_noun_owner_is_not_part_of_the_name() -> None:
    text = (
        "The regulator revoked the company's special mining licence. "
        "The court heard the bank's appeal on Monday, and the judge's order stood."
    )
    found = _instruments(text)
    assert "special mining licence" in found, found
    assert not any("appeal" in f or "company's" in f for f in found), found
    assert any("judge's order" in f for f in found), found


def test_parties_only_when_nothing_else_describes_the_treaty() -> None:
    text = (
        "Lawyers cited the 1981 extradition treaty between Norway and Chile, and "
        "the 1975 treaty between Mali and Niger."
    )
    found = _instruments(text)
    assert "the 1981 extradition treaty" in found, found
    assert "the 1975 treaty between Mali and Niger" in found, found


def test_everyday_deals_protocols_and_games_are_not_instruments() -> None:
    text = (
        "The repair center deals with Bosch boilers. Shoppers found Pixel deals and 2021 deals "
        "on phones. The team's concussion protocol and the HDMI protocol were updated. Broncos "
        "vs. Raiders starts at noon. She called it an unprecedented resolution, a resolution of "
        "1080 pixels."
    )
    assert _instruments(text) == []
    treaty = "Both states signed a fisheries protocol and trade deals with Chile."
    found = _instruments(treaty)
    assert "a fisheries protocol" in found and "trade deals with Chile" in found, found


def test_a_pronoun_owned_ruling_is_no_instrument() -> None:
    text = "The judge explained her decision in court, and his ruling stood."
    assert _instruments(text) == []


def test_a_count_or_a_sales_scheme_describes_nothing() -> None:
    text = "The agency awarded the three contracts last year and dropped its pricing scheme."
    assert _instruments(text) == []
