"""Given names and the words around them: product tiers and sentence openers are no people,
on sentences written for these tests."""

from __future__ import annotations

from extractive_helpers import actor_names, brief_of
from test_extractive_names import names

from summarizer.engines.extractive.given import is_given, opens_with_given


def test_the_given_name_lexicon_knows_names_and_not_words() -> None:
    assert is_given("Margaret") and is_given("jean-luc") and is_given("J.")
    assert not is_given("Stadia") and not is_given("Thanks")
    assert opens_with_given("Anna Berg") and not opens_with_given("Blue Origin")


def test_a_brand_with_a_tier_word_is_a_product_not_a_person() -> None:
    text = (
        "Quarnel launched its Veltrix Pro service on Monday. Quarnel said Veltrix Pro costs "
        "ten dollars a month. Users of Veltrix Pro said the service was slow. "
        "Quarnel expects more users next year, Quarnel said."
    )
    found = actor_names(text)
    assert "Quarnel" in found
    assert "Veltrix Pro" not in found


def test_a_person_whose_surname_is_a_tier_word_stays_a_person() -> None:
    text = (
        "Daniel Max said the plan would fail. Daniel Max told reporters he would vote no. "
        "The council meets again in May."
    )
    assert "Daniel Max" in actor_names(text)


def test_a_courtesy_word_opening_a_sentence_is_cut_from_the_name() -> None:
    text = (
        "The new chief of the league is Tomasz Brell, the board said on Monday. "
        "Thanks Tomasz for the years of work, wrote a member of the board. "
        "The board thanked Tomasz again on Tuesday."
    )
    found = names(text)
    assert "Thanks Tomasz" not in found
    assert "Tomasz" in found


def test_a_gerund_opening_a_sentence_is_cut_from_the_name() -> None:
    text = (
        "Ferren Mills said on Monday it would close. Watching Ferren dwindle was hard, "
        "a worker said. Ferren Mills will shut in June."
    )
    assert "Watching Ferren" not in names(text)


def test_a_state_of_a_federation_that_acts_is_an_actor() -> None:
    text = (
        "North Dakota launched a campaign against smoking on Monday. The governor said the "
        "campaign cost little. North Dakota spends more on health than its neighbours, "
        "officials said."
    )
    assert "North Dakota" in actor_names(text)


def test_a_state_of_a_federation_named_in_passing_is_no_actor() -> None:
    text = (
        "Dara Quill, a farmer from North Dakota, said the harvest was poor. Quill said "
        "prices fell. The harvest in North Dakota was the worst in years, Quill said."
    )
    assert "North Dakota" not in actor_names(text)


def test_a_name_before_a_copula_an_adverb_and_a_progressive_acts() -> None:
    text = (
        "The studio's new film may be delayed, reports said on Monday. It seems Brightwater is "
        "still weighing two scripts for the film, according to one report. The film was due in May."
    )
    assert "Brightwater" in actor_names(text)


def test_a_name_described_as_a_company_after_a_comma_is_a_business() -> None:
    text = (
        "The ministry extended a licence that lets local firms sell parts to Quorvex, the "
        "embattled Chinese telecoms company. Markets rose on the news, traders said."
    )
    kinds = {a.name: a.kind for a in brief_of(text).actors}
    assert kinds.get("Quorvex") == "business"


def test_a_person_described_by_a_phrase_about_a_firm_stays_a_person() -> None:
    text = (
        "Orla Venn, a lawyer for the mining company, said the permit was valid. "
        "She said the firm would appeal."
    )
    kinds = {a.name: a.kind for a in brief_of(text).actors}
    assert kinds.get("Orla Venn") != "business"


def test_a_club_named_among_sports_words_is_a_business() -> None:
    text = (
        "The Harriers beat the visitors 3-1 on Saturday. The Harriers scored twice in the "
        "second half, and the Harriers coach said the season was not over. The Harriers "
        "have won five games in a row."
    )
    kinds = {a.name: a.kind for a in brief_of(text).actors}
    assert kinds.get("Harriers") == "business"


def test_a_one_word_company_stays_a_business_beside_a_man_s_words() -> None:
    text = (
        "Corvane said its profits rose, and its chief executive said he was pleased. "
        "Corvane shares rose 5 percent after he spoke, and Corvane said sales were strong."
    )
    kinds = {a.name: a.kind for a in brief_of(text).actors}
    assert kinds.get("Corvane") == "business"


def test_a_name_whose_chief_executive_the_text_names_is_a_business() -> None:
    text = (
        "Halvane CEO Ruth Okafor said the plant would stay open. Okafor told staff on "
        "Monday that Halvane would hire more workers. Halvane would add a second line, "
        "she said."
    )
    kinds = {a.name: a.kind for a in brief_of(text).actors}
    assert kinds.get("Halvane") == "business"


def test_a_hyphenated_modifier_before_a_body_is_not_part_of_its_name() -> None:
    found = names("The league-leading Harriers won again, and the GOP-dominated Senate voted.")
    assert "GOP-dominated Senate" not in found
    assert not any(n.startswith("GOP") for n in found)


def test_a_venue_named_for_a_sponsor_is_no_actor() -> None:
    text = (
        "The band will play the Corvane Bank Amphitheatre in June and the Halvane Arena in "
        "July, the promoter said. Tickets for the Corvane Bank Amphitheatre go on sale "
        "Friday, and the Corvane Bank Amphitheatre expects a full house."
    )
    found = actor_names(text)
    assert "Corvane Bank Amphitheatre" not in found


def test_an_administrator_is_an_official() -> None:
    text = (
        "The space agency will pick two landers, Agency Administrator Rhea Tamsin said on "
        "Monday. Tamsin said the first flight would come in 2027."
    )
    kinds = {a.name: a.kind for a in brief_of(text).actors}
    assert kinds.get("Rhea Tamsin") == "official"


def test_a_common_word_after_a_lone_given_name_is_a_surname() -> None:
    assert "Martin Early" in names('"It works," says Martin Early, a partner at the studio.')


def test_a_person_s_possessive_ends_the_name_before_a_company() -> None:
    found = names("The contract went to Maria Quellis’s Blue Tessaline on Monday.")
    assert "Maria Quellis" in found and "Blue Tessaline" in found
    assert "U.S. Attorney’s Office" in names("The U.S. Attorney’s Office said so on Monday.")


def test_a_professor_in_apposition_is_a_person_not_an_official() -> None:
    text = (
        '"Tariffs are a tax," said Lena Fairbrook, a professor at the city university. '
        "Fairbrook said prices would rise."
    )
    kinds = {a.name: a.kind for a in brief_of(text).actors}
    assert kinds.get("Lena Fairbrook") == "person"


def test_a_defendant_s_attorney_is_a_person() -> None:
    text = (
        "The man admitted the threat in court on Monday. His attorney, Dana Whitcombe, said "
        "he regretted it. Whitcombe said he would appeal the sentence."
    )
    kinds = {a.name: a.kind for a in brief_of(text).actors}
    assert kinds.get("Dana Whitcombe") == "person"


def test_an_office_of_two_title_words_and_of_is_no_actor_but_its_body_is() -> None:
    found = names('"We are pleased," says Ana Berg, Chief Executive of Norvale Group.')
    assert "Norvale Group" in found
    assert not any(n.startswith("Chief Executive") for n in found)


def test_a_nation_s_leader_is_a_head_of_state() -> None:
    text = (
        "Talks stalled again on Monday. Chilean leader Oskar Varl has been expected to "
        "sign the deal for a month, officials said. Varl said he was ready."
    )
    kinds = {a.name: a.kind for a in brief_of(text).actors}
    assert kinds.get("Oskar Varl") == "head_of_state", kinds


def test_a_plural_possessive_before_an_abstract_noun_stays_inside_the_name() -> None:
    assert "Tenants' Rights Alliance" in names("The Tenants' Rights Alliance sued the city.")



def test_a_venue_named_center_is_no_actor() -> None:
    text = (
        "The band plays the Corvane Music Center on June 3 and the Halvane Center on June 5, "
        "the promoter said. Tickets for the Corvane Music Center sell fast, and the Corvane "
        "Music Center expects a full house."
    )
    assert "Corvane Music Center" not in actor_names(text)


def test_a_named_disease_is_no_actor() -> None:
    text = (
        "A sixth person has died of Western Marsh Fever, health officials said. Western Marsh "
        "Fever spreads through mosquito bites, and Western Marsh Fever has no cure."
    )
    assert "Western Marsh Fever" not in actor_names(text)


def test_a_finals_or_a_keynote_is_an_event_not_an_actor() -> None:
    text = (
        "The Marlow Open Finals began on Monday. The Marlow Open Finals drew large crowds, "
        "and the Marlow Open Finals said ticket sales rose."
    )
    assert "Marlow Open Finals" not in actor_names(text)


def test_a_lone_position_letter_before_a_name_is_cut() -> None:
    found = names("Later, F Tomasz Brell scored twice for the visitors.")
    assert "Tomasz Brell" in found and "F Tomasz Brell" not in found
