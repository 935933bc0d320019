"""Positions of the offline engine: which words a holder is tied to, and how sure a stance is.

Sentences here are written for the tests (no article text)."""

from __future__ import annotations

from extractive_helpers import brief_of

from summarizer.engines.extractive.stance import commitment, flat, lexical, stance_of


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


def _holders(text: str) -> set[str]:
    return {p.holder for p in brief_of(text, "en").positions}


def test_a_place_after_a_preposition_and_a_possessive_holds_nothing() -> None:
    text = (
        "Health officers in Spain’s Catalonia have confirmed that a second school will close "
        "on Friday.\n\nCatalonia closed a first school last week, and Catalonia has 40 cases."
    )
    assert "Catalonia" not in _holders(text)


def test_a_common_noun_never_points_back_to_a_country() -> None:
    text = (
        "Flooding hit Peru on Monday. Peru asked its neighbours for help, and Peru sent "
        "troops.\n\nThe water commission said in a statement that two dams had been opened."
    )
    said = [p.evidence[0].text for p in brief_of(text, "en").positions if p.holder == "Peru"]
    assert not any("commission" in e for e in said), said


def test_a_person_the_quoted_words_talk_about_is_not_their_speaker() -> None:
    text = (
        "The estate of the painter Ilse Marten went to auction on Monday.\n\n"
        "Her cousin Tomas Brenner opposed the sale. Ilse Marten had lived in Velmora.\n\n"
        "“I cannot believe Ilse Marten would want her paintings sold,” she said."
    )
    assert "Ilse Marten" not in _holders(text)


def test_words_a_speaker_only_recalls_are_not_the_pronouns_position() -> None:
    text = (
        "Tomas Brenner lost the Velmora mayoral race on Sunday. Brenner had led the polls.\n\n"
        "An aide recalled that he said, “we will fight this result in court,” the party said."
    )
    assert "Tomas Brenner" not in _holders(text)
    assert "Tomas Brenner" in _holders(text.replace("An aide recalled that he", "He"))


def test_acts_and_writings_are_not_reported_speech() -> None:
    for sentence in (
        "Then Tomas Brenner responded by pushing Ilse Marten off the stage.",
        "After that, Tomas Brenner wrote, and wrote, and wrote.",
        "Tomas Brenner wrote handbooks for sailors and a novel about the harbour.",
        "The letter Tomas Brenner wrote was kind and loving.",
    ):
        text = "The Velmora festival opened on Friday.\n\n" + sentence
        assert "Tomas Brenner" not in _holders(text), sentence
    said = ("The Velmora festival opened on Friday.\n\n"
            "Tomas Brenner wrote that the festival was a triumph.")
    assert "Tomas Brenner" in _holders(said)


def test_an_officer_with_a_long_title_speaks_for_the_company() -> None:
    text = (
        "Harbour cranes were ordered on Monday.\n\n"
        "“We are delighted with this order,” said Tomas Brenner, vice president of business "
        "development at Norvale Shipping Company.\n\nNorvale Shipping Company builds cranes."
    )
    assert "Norvale Shipping Company" in _holders(text), _holders(text)


def test_a_quotation_begun_in_an_earlier_sentence_is_the_speakers_words() -> None:
    text = (
        "The Velmora bridge was finished on Friday.\n\n"
        "“The new bridge is wonderful and beautiful, a great joy for everyone. "
        "It opens on Monday,” said Tomas Brenner, the town engineer."
    )
    assert _stances(text).get("Tomas Brenner") == ["support"], _stances(text)


def test_curly_quotation_marks_hide_no_word_from_the_sentiment_lexicon() -> None:
    assert stance_of("said", "“The new timetable is terrible,”", True) == "oppose"
    assert stance_of("said", "“We’re thrilled,” and “grateful”", True) == "support"


def test_a_one_word_reply_gives_a_stance_only_when_strong() -> None:
    assert stance_of("said", "“Amazing,”", True) == "support"
    assert stance_of("said", "“Terrible.”", True) == "oppose"
    assert stance_of("said", "“Maybe,”", True) is None


def test_a_stance_word_in_the_passive_is_someone_elses_stance() -> None:
    assert lexical("the plan was backed by the council") == set()
    assert lexical("the council backed the plan") == {"support"}


def test_a_general_manager_speaks_for_the_company() -> None:
    text = (
        "Harbour cranes were ordered on Monday.\n\n"
        "“We are delighted with this order,” said Tomas Brenner, general manager of "
        "Norvale Shipping Company.\n\nNorvale Shipping Company builds cranes."
    )
    assert "Norvale Shipping Company" in _holders(text), _holders(text)


def test_he_does_not_point_back_to_a_person_named_after_a_preposition() -> None:
    text = (
        "A caller threatened a Velmora councillor in March.\n\n"
        "The call went to the offices of Tomas Brenner. During the call, he asked about the "
        "budget and said the council should resign."
    )
    assert "Tomas Brenner" not in _holders(text), _holders(text)


def test_a_source_that_passes_on_someone_elses_quotation_holds_nothing() -> None:
    text = (
        "Ferries stopped in Velmora on Monday.\n\n"
        "According to Reuters, one commuter on the quay posted: “This is a disgrace, and "
        "nobody told us anything.”\n\nReuters reported the strike first."
    )
    assert "Reuters" not in _holders(text), _holders(text)


def test_announcing_a_fact_about_others_commits_the_holder_to_nothing() -> None:
    assert commitment("announced", "that the ferry captain was retiring") is None
    assert commitment("announced", "that it would close the quay") == "support"
    assert commitment("announced", "that it had bought the quay") == "support"
    assert commitment("announced", "that the port will close on Monday") == "support"
