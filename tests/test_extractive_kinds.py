"""Actor kinds in English: company officers, royals and appositive titles (sentences written
for these tests)."""

from __future__ import annotations

from extractive_helpers import brief_of


def _kinds(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in brief_of(text).actors}


def test_a_company_officer_speaks_for_the_business() -> None:
    text = (
        "Brindle Foods cut its forecast on Tuesday. Brindle Foods CEO Oren Vask said demand "
        "had slowed. Vask added that prices would rise. Later, Nell Arro, its chief operating "
        "officer, said two plants would close, and Arro said staff would be moved."
    )
    kinds = _kinds(text)
    assert kinds.get("Oren Vask") == "business", kinds
    assert kinds.get("Nell Arro") == "business", kinds


def test_a_chief_executive_of_a_place_stays_an_official() -> None:
    text = (
        "Protests spread on Sunday. Hong Kong Chief Executive Mara Lune said order would "
        "return. Lune added that talks were possible, and Lune said police would withdraw."
    )
    assert _kinds(text).get("Mara Lune") != "business", _kinds(text)


def test_a_royal_without_office_is_a_person() -> None:
    text = (
        "The palace issued a statement on Monday. Prince Aldric said he regretted the "
        "interview. Aldric said he would step back from public duties."
    )
    assert _kinds(text).get("Prince Aldric") == "person", _kinds(text)


def test_an_appositive_headed_by_a_persons_title_makes_a_person() -> None:
    text = (
        "Tariffs rose again on Friday. Ilse Varga, an adjunct professor at a state university, "
        "said the move would hurt farmers. Tomas Brel, a trade professor, said exports would "
        "fall. Varga and Brel said talks should resume."
    )
    kinds = _kinds(text)
    assert kinds.get("Ilse Varga") == "person", kinds
    assert kinds.get("Tomas Brel") == "person", kinds


def test_a_government_agency_known_by_its_acronym_is_a_state_body() -> None:
    text = (
        "NASA said on Monday that the lunar lander would fly next year. NASA added that two "
        "firms had bid, and the FDA said the trial could start."
    )
    assert _kinds(text).get("NASA") == "state", _kinds(text)


def test_a_name_before_facility_is_a_place_not_an_actor() -> None:
    text = (
        "An outbreak at the FDA Brenna facility sickened 30 workers. Officials at the "
        "FDA Brenna facility said doctors were sent, and Ada Voss said more would follow."
    )
    assert "FDA Brenna" not in _kinds(text), _kinds(text)


def test_an_agency_known_by_its_acronym_is_not_merged_into_its_state() -> None:
    text = (
        "The CIA said on Monday that it had seen the files. The United States said the files "
        "were secret, and the CIA added that the United States would not comment further."
    )
    kinds = _kinds(text)
    assert kinds.get("CIA") == "state", kinds
    assert "United States" in kinds, kinds


def test_a_candidate_for_office_is_an_official() -> None:
    text = (
        "Voters met on Tuesday night when the newest presidential hopeful, Corin Maddox, "
        "stopped by. Maddox said the race was open, and Maddox promised lower rents."
    )
    assert _kinds(text).get("Corin Maddox") == "official", _kinds(text)


def test_a_known_news_outlet_is_media() -> None:
    text = (
        "The drills ended on Friday. Rodong Sinmun said the drills were a rehearsal for war, "
        "and Rodong Sinmun warned that talks would not resume."
    )
    assert _kinds(text).get("Rodong Sinmun") == "media", _kinds(text)


def test_the_president_of_a_named_firm_speaks_for_the_business() -> None:
    text = (
        "Zelvio shares rose after the company beat its sales forecast, and investors cheered. "
        "Zelvio President Mara Quist said profits would grow. Quist said the firm's customers "
        "wanted more products."
    )
    assert _kinds(text).get("Mara Quist") == "business", _kinds(text)
