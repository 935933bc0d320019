"""Datelines glued by a double hyphen, portfolio words alone and product lines: general
actor and kind fixes of the offline engine, on sentences written for these tests."""

from __future__ import annotations

from extractive_helpers import brief_of

from summarizer.engines.extractive.engine import _mentions
from summarizer.engines.extractive.names import Mention
from summarizer.engines.extractive.segment import segment


def mentions(text: str) -> list[Mention]:
    """Every name mention the scanner finds in an English text."""
    return _mentions(segment(text, None), "en")


def test_a_double_hyphen_dateline_is_not_part_of_the_name() -> None:
    found = [m.name for m in mentions("OSLO--Corvane Holdings is readying a new tablet plan.")]
    assert "Corvane Holdings" in found
    assert not any("--" in n for n in found)


def test_a_double_hyphen_dash_ends_a_name() -> None:
    found = [m.name for m in mentions("Two members--Tarrant and Velk--voted against the plan.")]
    assert not any("--" in n for n in found)


def test_a_lower_case_portfolio_word_alone_titles_no_one() -> None:
    found = mentions("Viewers can stream films over a home Lumo-Net link from next week.")
    assert all(m.title is None and m.kind != "person" for m in found), found


def test_secretary_of_state_still_titles_the_name() -> None:
    found = mentions("The talks were led by secretary of state Dana Holloway last week.")
    person = next(m for m in found if m.name == "Dana Holloway")
    assert person.titled_kind == "official"


def test_a_name_before_a_lower_case_service_noun_is_a_product_line() -> None:
    found = mentions("Customers of the Velora Stream service can now watch on phones.")
    found += mentions("She said the Velora Stream service would reach Oslo next year.")
    lines = [m for m in found if m.name == "Velora Stream"]
    assert len(lines) == 2 and all(m.kind == "other" for m in lines), lines


def test_an_office_of_a_company_is_no_actor_but_the_company_is() -> None:
    found = [m.name for m in mentions(
        "She is now Chief Data Officer for Pellham Communications, the firm said.")]
    assert "Pellham Communications" in found
    assert not any(n.startswith("Chief") for n in found), found


def test_a_company_cio_titles_the_name() -> None:
    found = mentions("Pellham CIO Rana Odeh showed the new app to reporters on Monday.")
    person = next(m for m in found if m.name == "Rana Odeh")
    assert person.title is not None


def test_a_dateline_glued_to_the_first_word_is_cut_off() -> None:
    for text in ("TALLINN--Pellham Group said on Monday it would close two mills.",
                 "FARGO, N.D.--Pellham Group said on Monday it would close two mills.",
                 "TALLINN—Pellham Group said on Monday it would close two mills."):
        doc = segment(text, None)
        assert doc.dateline is not None and doc.dateline.text.startswith(text[:5]), text
        assert [m.name for m in mentions(text)] == ["Pellham Group"], text


def _kinds(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in brief_of(text).actors}


def test_a_compound_company_office_before_the_name_makes_a_business_voice() -> None:
    text = ("Pellham Group said sales fell. Pellham's chief operating officer, Rana Odeh, said "
            "two mills would close. Odeh said staff would move to the Tallinn plant.")
    assert _kinds(text).get("Rana Odeh") == "business", _kinds(text)


def test_a_title_of_a_firm_after_the_name_makes_a_business_voice() -> None:
    text = ("Pellham Communications said its shares fell. Ivo Brask, vice president of retail "
            "sales for Pellham Communications, said customers would wait. Brask said prices "
            "would rise.")
    assert _kinds(text).get("Ivo Brask") == "business", _kinds(text)


def test_a_title_of_a_public_body_after_the_name_is_no_business() -> None:
    text = ("The rules changed on Monday. Ivo Brask, director of the Tallinn Port Authority, "
            "said ships would wait. Brask said fees would rise for shipping companies.")
    assert _kinds(text).get("Ivo Brask") != "business", _kinds(text)


def test_an_untitled_name_with_no_sign_of_a_person_is_other() -> None:
    text = ("Pellham Group will launch the Arrow Lark next spring. The Arrow Lark rocket can lift "
            "ten tonnes, and the Arrow Lark will fly from Tallinn, Pellham Group said.")
    assert _kinds(text).get("Arrow Lark", "other") == "other", _kinds(text)


def test_an_untitled_name_that_speaks_stays_a_person() -> None:
    text = ("Pellham Group cut two hundred jobs on Monday. Zorvan Pellek said the cuts were "
            "unfair, and Zorvan Pellek added that workers would strike.")
    assert _kinds(text).get("Zorvan Pellek") == "person", _kinds(text)


def test_the_spokesman_of_a_public_body_is_an_official() -> None:
    found = mentions("The rules stand, Harbour Service spokesman Ivo Brask said on Monday.")
    person = next(m for m in found if m.name == "Ivo Brask")
    assert person.titled_kind == "official"


def test_the_president_of_a_regional_fed_is_an_official() -> None:
    found = mentions("Two members, Kesterby Fed President Varto, dissented on Monday.")
    person = next(m for m in found if m.name == "Varto")
    assert person.titled_kind == "official"


def test_a_person_set_off_as_working_at_a_company_is_its_voice() -> None:
    text = ("Oil fell on Monday. Prices may slip further, said Ivo Brask, senior commodities "
            "trader and strategist at Norvale Securities Inc. Brask said demand was weak.")
    assert _kinds(text).get("Ivo Brask") == "business", _kinds(text)


def test_an_abbreviated_saint_stays_in_the_place_name() -> None:
    found = [m.name for m in mentions("The firm moved to St. Kesterby in 2010 and hired staff.")]
    assert "St. Kesterby" in found and "Kesterby" not in found, found


def test_a_known_body_and_another_body_are_two_actors() -> None:
    found = [m.name for m in mentions(
        "Officials at the Federal Reserve and Harbour Department said growth slowed.")]
    assert "Harbour Department" in found, found
    assert not any(" and " in n for n in found), found


def test_a_sentence_opening_preposition_is_no_part_of_a_name() -> None:
    found = [m.name for m in mentions("Unlike the Harbour Guard, the navy kept its old rules.")]
    assert "Harbour Guard" in found and not any(n.startswith("Unlike") for n in found), found


def test_a_writer_title_is_split_off_the_name() -> None:
    found = mentions("Harbour Daily staff writer Ivo Brask reported that the port would close.")
    person = next(m for m in found if m.name == "Ivo Brask")
    assert person.titled_kind == "media"


def test_a_commission_named_for_one_country_is_the_states() -> None:
    kinds = {m.name: m.kind for m in mentions(
        "The Kenyan Fisheries Commission and the European Commission met on Monday.")}
    assert kinds.get("Kenyan Fisheries Commission") == "state", kinds
    assert kinds.get("European Commission") == "igo", kinds


def test_a_sentence_opening_chief_executive_of_no_named_firm_is_no_business() -> None:
    text = ("The Harbour Users Chamber said the ruling was wrong. Chief executive Ivo Brask "
            "said members would appeal, and Brask said the chamber would meet on Friday.")
    assert _kinds(text).get("Ivo Brask") != "business", _kinds(text)


def test_a_lawyer_for_a_firm_is_no_business_voice() -> None:
    text = ("Pellham Group Inc. lost the case. Ivo Brask, a lawyer for Pellham Group Inc., said "
            "he would appeal. Brask said the judge had erred.")
    assert _kinds(text).get("Ivo Brask") != "business", _kinds(text)


def test_a_name_set_off_by_a_role_is_a_person() -> None:
    text = ("Campaigners welcomed the fine. Zorvan Pellek, a lawyer at the Kesterby group that "
            "filed the complaint, called the delay unacceptable.")
    assert _kinds(text).get("Zorvan Pellek") == "person", _kinds(text)


def test_a_commission_named_for_an_ocean_stays_intergovernmental() -> None:
    kinds = {m.name: m.kind for m in mentions("The Indian Ocean Whale Commission met on Monday.")}
    assert kinds.get("Indian Ocean Whale Commission") == "igo", kinds


def test_the_owner_of_a_company_speaks_for_business() -> None:
    text = ("Workers left the state after the law passed. Ivo Brask, the owner of a small "
            "roofing company in Kesterby, lost four of his men. Brask said he could not replace "
            "them.")
    assert _kinds(text).get("Ivo Brask") == "business", _kinds(text)
