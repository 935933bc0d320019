"""Positions of the offline engine: who holds them, on what words, and with which stance."""

from __future__ import annotations

from extractive_helpers import brief_of

from summarizer.brief.schema import Brief
from summarizer.engines.extractive.stance import advocacy, commitment, lexical, stance_of


def _brief(text: str, language: str | None = "en") -> Brief:
    return brief_of(text, language)


def _stances(text: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for p in _brief(text).positions:
        out.setdefault(p.holder, set()).add(p.stance)
    return out


def test_a_contracted_negation_turns_a_stance_word_round() -> None:
    assert lexical("the governors didn't welcome the plan") == {"oppose"}
    assert lexical("the governors welcome the plan") == {"support"}


def test_words_before_a_closing_attribution_are_the_holders() -> None:
    text = (
        "Harbour workers walked out across the port of Velmora on Monday.\n\n"
        "The new shift rules are unfair and unlawful, the Velmora Dockers Union said in a "
        "statement on Monday."
    )
    positions = [p for p in _brief(text).positions if p.holder == "Velmora Dockers Union"]
    assert positions and positions[0].stance == "oppose", positions
    assert positions[0].on.startswith("The new shift rules"), positions[0].on


def test_a_partial_quotation_inside_reported_speech_keeps_the_whole_clause() -> None:
    text = (
        "The inquiry into the Korvan mine closed on Friday.\n\n"
        'Ilse Marten said the closure was unlawful and the miners deserved "a fair hearing".'
    )
    assert "oppose" in _stances(text).get("Ilse Marten", set())


def test_commitments_support_what_they_commit_to_unless_negated() -> None:
    assert commitment("pledged", "that the fund would double its grants") == "support"
    assert commitment("announced", "that it would not renew the contract") == "oppose"
    assert commitment("claimed", "responsibility for the attack") == "support"
    assert commitment("said", "that it would double its grants") is None
    assert stance_of("pledged", "that the fund would double its grants", True) == "support"


def test_requests_and_calls_for_action() -> None:
    assert advocacy("urged", "the council to approve the budget") == "support"
    assert advocacy("urged", "voters not to approve the budget") == "oppose"
    assert advocacy("urged", "the army to withdraw its units from the towns") == "oppose"
    assert advocacy("asked", "the minister about the delays") is None  # a question
    assert advocacy("said", "the state should fund rural clinics") == "support"
    assert advocacy("said", "the state must end the curfew") == "oppose"
    assert advocacy("said", "the state should not fund the stadium") == "oppose"
    assert advocacy("said", "the tariffs were raised in May") is None


def test_a_request_without_an_infinitive_is_no_stance() -> None:
    assert stance_of("asked", "the panel about the wonderful, beautiful new park", True) is None


def test_engine_gives_a_request_its_stance() -> None:
    text = (
        "Farm groups met in Tarnow on Tuesday.\n\n"
        "Lena Vorst urged the regional assembly not to approve the water levy."
    )
    assert _stances(text).get("Lena Vorst") == {"oppose"}


def _holders(text: str) -> set[str]:
    return {p.holder for p in _brief(text).positions}


def test_a_name_that_modifies_another_noun_is_not_the_speaker() -> None:
    base = "Ticket prices at the Orvane Arena rose again on Monday.\n\n"
    assert "Orvane Arena" not in _holders(
        base + '"This is a scandal," one Orvane Arena regular said.'
    )
    assert "Orvane Arena" in _holders(base + '"This is a scandal," an Orvane Arena spokesman said.')


def test_cues_that_report_nothing_held() -> None:
    base = "The Selvik Shipping Group reported a loss on Monday.\n\n"
    assert "Selvik Shipping Group" not in _holders(
        base + "Its chief Tomas Ekdal declined to say when the Selvik Shipping Group would cut "
        "jobs."
    )
    assert "Marta Quell" not in _holders(
        base + "The merger could go ahead if Marta Quell agrees to sell her shares."
    )


def test_a_closing_he_said_points_to_the_last_speaker() -> None:
    text = (
        "Storms hit the coast on Sunday.\n\n"
        '"The dykes held," said Pieter Haalst, the chief engineer.\n\n'
        "The town of Emma Rijn saw the worst flooding in decades, he said."
    )
    holders = [p.holder for p in _brief(text).positions]
    assert "Pieter Haalst" in holders and "Emma Rijn" not in holders, holders


def test_the_person_a_letter_is_addressed_to_is_not_its_author() -> None:
    text = (
        "Doctors offered free vaccines on Friday.\n\n"
        "In a letter to Karl Bender, the acting head of the Migration Office, said they "
        "would provide the doses."
    )
    assert "Karl Bender" not in _holders(text)


def test_a_relaying_source_is_not_a_holder() -> None:
    text = (
        "The harvest failed in the north this year.\n\n"
        "The Norvik Grain Board said the losses were severe, according to the Harlow Gazette."
    )
    holders = _holders(text)
    assert "Norvik Grain Board" in holders and "Harlow Gazette" not in holders, holders


def test_the_speaker_is_named_after_the_cue_only_after_the_words() -> None:
    base = "Cosmetics shares rose on Monday.\n\n"
    assert "Velda Corp" not in _holders(
        base + "The handbook notes the Velda Corp rule that staff be trained every year."
    )
    holders = _holders(
        base + "The Velda-Orrin deal could start a new trend for retailers, says Ana Ruiz, "
        "an analyst at Brightwater."
    )
    assert "Ana Ruiz" in holders and "Velda-Orrin" not in holders, holders


def test_an_officer_speaks_for_the_organisation_an_analyst_does_not() -> None:
    base = "Freight rates fell again in March.\n\n"
    holders = _holders(
        base + '"We will cut routes," said Mira Solberg, the chief executive of the Kessel '
        "Shipping Company."
    )
    assert {"Mira Solberg", "Kessel Shipping Company"} <= holders, holders
    holders = _holders(
        base + '"Rates will fall further," said Mira Solberg, a professor at the Kessel '
        "Institute of Technology."
    )
    assert "Mira Solberg" in holders and "Kessel Institute of Technology" not in holders
    holders = _holders(base + 'Kessel Shipping Company spokesman Li Wei said routes would go.')
    assert {"Li Wei", "Kessel Shipping Company"} <= holders, holders


def test_names_inside_a_phrase_or_used_as_nouns_are_no_speakers() -> None:
    base = "Water use rose again in the dry summer.\n\n"
    assert "Lancet Review" not in _holders(
        base + "The authors of a study published in the journal Lancet Review argued that "
        "metering works."
    )
    assert "U.S." not in _holders(base + "A map shows the U.S. states where meters are required.")
    assert "Orvane Arena" not in _holders(
        base + '"A scandal, frankly," one Orvane Arena regular said, per the Tarn Herald.'
    )
    assert "Kessel Agency" not in _holders(base + "The Kessel Agency also added new meters.")


def test_an_according_to_source_before_the_speaker_is_a_relay() -> None:
    text = (
        "The harvest failed in the north this year.\n\n"
        "According to the Harlow Gazette, Pieter Haalst wrote in a blog post that the losses "
        "were hidden."
    )
    holders = _holders(text)
    assert "Pieter Haalst" in holders and "Harlow Gazette" not in holders, holders


def test_an_office_speaks_for_its_possessor() -> None:
    base = "Clashes closed the road to Tarnow on Sunday.\n\n"
    holders = _holders(base + "Ombudsman Lidia Varga's office said the deaths were caused by "
                       "gunshots and called on the army to withdraw.")  # fmt: skip
    assert "Lidia Varga" in holders, holders
    holders = _holders(base + "Tarnow's attorney-general, Piotr Wren, said the army would stay.")
    assert "Piotr Wren" in holders, holders


def test_a_contrast_pulling_both_ways_is_mixed() -> None:
    words = "There is a bit more risk, but there is also a wonderful reward for patient buyers"
    assert stance_of("said", words, True) == "mixed"
    assert stance_of("said", "There is a wonderful reward for patient buyers", True) == "support"


def test_an_apposition_may_hold_a_company_abbreviation() -> None:
    text = (
        "Hospitals will test the new alarm system this year.\n\n"
        "Rhea Lindqvist, senior vice president of sales for Kessel Medical, Inc., says: "
        "\u201cThe system will help nurses.\u201d"
    )
    assert "Rhea Lindqvist" in _holders(text)


def test_the_writers_own_verb_is_no_actors_position() -> None:
    text = (
        "I stopped using the Velda app last year.\n\n"
        "Velda Media records these people as my contacts, even though I've never agreed to "
        "this kind of tracking."
    )
    assert "Velda Media" not in _holders(text)


def test_a_reported_clause_stops_where_someone_else_is_reported() -> None:
    text = (
        "The senator spoke after the vote on Monday.\n\n"
        "Senator Ilse Marten vowed to keep trying, but the Tarn Herald's editor Rolf Brandt "
        "said the senator did not sound confident."
    )
    stances = _stances(text)
    assert stances.get("Ilse Marten") == {"support"}, stances


def test_a_name_after_a_preposition_following_the_cue_is_no_speaker() -> None:
    text = (
        "Un séisme a frappé la vallée de Sarnen samedi.\n\n"
        "Deux Français ont été blessés, a déclaré jeudi le ministre des Affaires Étrangères."
    )
    holders = {p.holder for p in _brief(text, "fr").positions}
    assert not any("Affaires" in h for h in holders), holders


def test_complying_or_taking_note_is_neutral() -> None:
    assert stance_of("said", "the ministry would comply with the judgment", True) == "neutral"
    assert stance_of("said", "it takes note of the ruling and is studying it", True) == "neutral"
    assert stance_of("said", "it refused to comply with the ruling", True) == "oppose"


def test_a_relative_pronoun_before_the_cue_points_to_the_name_before_it() -> None:
    text = (
        "A court annulled the marina permit on Friday.\n\n"
        "The ruling was criticised by the mayor of Tarnow, Lidia Varga, who said the marina "
        "would have created 400 jobs."
    )
    assert "Lidia Varga" in _holders(text)


def test_a_participle_after_a_comma_shares_the_main_subject() -> None:
    text = (
        "The fishing fleet returned to port on Monday.\n\n"
        "Chile reacted sharply to the new quota, accusing Peru of breaking the treaty."
    )
    stances = _stances(text)
    assert stances.get("Chile") == {"oppose"}, stances


def test_calling_something_a_name_is_a_judgement_naming_is_not() -> None:
    base = "Parliament voted on the central bank bill on Tuesday.\n\n"
    stances = _stances(base + 'Opposition leader Lidia Varga called the bill "an act of revenge".')
    assert stances.get("Lidia Varga") == {"oppose"}, stances
    assert "Lidia Varga" not in _holders(
        base + "Lidia Varga called a meeting of the finance committee for Friday."
    )


def test_an_inverted_speaker_may_follow_a_place_modified_title() -> None:
    text = (
        "The deportation flight was halted on Friday.\n\n"
        '"A deal that nobody checks is a gamble," said the group\'s Norway director, Ilse Marten.'
    )
    assert "Ilse Marten" in _holders(text)


def test_an_actor_named_with_its_head_noun_or_an_auxiliary_is_the_speaker() -> None:
    base = "The bill reached parliament on Monday.\n\n"
    assert "Civic Dawn" in _holders(base + "The ruling Civic Dawn party says the bill is needed.")
    french = (
        "Le projet de loi arrive au Parlement lundi.\n\n"
        "La Coordination paysanne a annoncé des rassemblements dès vendredi."
    )
    holders = {p.holder for p in _brief(french, "fr").positions}
    assert "Coordination paysanne" in holders, holders


def test_a_name_followed_by_a_verb_after_the_cue_is_the_reported_subject() -> None:
    text = (
        "The court ruled on the surrender on Tuesday.\n\n"
        "The Federal Ministry of Justice, which handled the surrender in April, said Germany "
        "would continue to meet its obligations."
    )
    holders = _holders(text)
    assert "Federal Ministry of Justice" in holders and "Germany" not in holders, holders
