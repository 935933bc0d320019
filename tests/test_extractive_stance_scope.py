"""Stance scope rules of the offline engine (wave 5 fixes): evaluative words the sentiment
lexicon misses, phrases that only name something, a cue and the word after it, and where a
holder's reported clause ends. Sentences written for these tests."""

from __future__ import annotations

from extractive_helpers import brief_of

from summarizer.engines.extractive.stance import stance_of


def test_evaluative_words_the_sentiment_lexicon_misses_are_opposition() -> None:
    words = " the new tariff would be detrimental to the many small shops"
    assert stance_of("said", words, True) == "oppose"
    words = "The claim that the lake is clean again is simply incorrect"
    assert stance_of("says", words, True) == "oppose"
    assert stance_of("said", " it was premature to sign the harbour contract", True) == "oppose"


def test_a_stance_word_inside_a_naming_phrase_gives_no_stance() -> None:
    words = " more illegal immigrants had found work on the orchards of the valley"
    assert stance_of("said", words, True) != "oppose"


def test_a_cue_and_the_word_after_it_can_take_a_side() -> None:
    words = " against too much change to a school board founded a century ago"
    assert stance_of("cautioned", words, True) == "oppose"
    assert stance_of("called", " the verdict a landmark for the valley", True) == "support"


def test_a_holders_words_end_before_another_speakers_clause() -> None:
    text = (
        "The Brenna river bridge has been closed since the spring floods.\n\n"
        "After Mayor Tomas Rivka said in May that the bridge would be opened this summer, "
        "engineer Hala Moreno said that it was premature to open it.\n\n"
        "Repairs continue."
    )
    stances = {p.holder: p.stance for p in brief_of(text, "en").positions}
    assert stances.get("Tomas Rivka") != "oppose", stances


def test_saying_there_is_no_need_or_no_intention_is_opposition() -> None:
    words = " the town does not need a second stadium if the first one stays half empty"
    assert stance_of("said", words, True) == "oppose"
    words = " the port doesn't intend to raise its fees for the fishing fleet"
    assert stance_of("said", words, True) == "oppose"


def test_spanish_complaints_are_opposition() -> None:
    assert stance_of("", "cada semana llegan quejas sobre el nuevo horario", False) == "oppose"


def test_like_with_no_one_who_likes_is_no_praise() -> None:
    assert stance_of("said", " he was running like twelve small errands at once", True) is None
    assert stance_of("said", " we really like the new timetable", True) == "support"


def test_being_lucky_to_survive_is_a_fear_not_praise() -> None:
    words = " the bakery will be lucky to stay open until spring"
    assert stance_of("said", words, True) == "oppose"


def test_what_someone_needed_is_no_support_but_what_is_needed_is() -> None:
    assert stance_of("said", " only four of the ten drivers he needed came to work", True) is None
    assert stance_of("said", " a new clinic is needed in the village", True) == "support"


def test_the_evidence_of_a_quotation_closed_in_its_last_sentence_is_the_whole_quotation() -> None:
    text = (
        "The Lorn valley dam will close its gates next year.\n\n"
        "\"There will be less water for the orchards. No doubt,\" farmer Ivo Sandor said.\n\n"
        "The gates close in May."
    )
    evidence = [p.evidence[0].text for p in brief_of(text, "en").positions
                if p.holder == "Ivo Sandor"]  # fmt: skip
    assert evidence and evidence[0].startswith("\"There will be less water"), evidence


def test_a_blame_withheld_is_no_praise_but_praise_withheld_is_blame() -> None:
    assert stance_of("said", " he was not concerned about the long meeting", True) is None
    assert stance_of("said", " the new fares are not welcome on the islands", True) == "oppose"


def test_common_evaluative_phrases_take_a_side() -> None:
    words = " it is hard to justify a second runway while the first one stands idle"
    assert stance_of("said", words, True) == "oppose"
    words = " the new bus lanes are a step in the right direction for the district"
    assert stance_of("said", words, True) == "support"


def test_a_point_conceded_and_another_held_is_mixed() -> None:
    text = (
        "The Harrow street market closed early on Saturday after a power cut.\n\n"
        "Organiser Mira Tallis admitted that the stalls had been too crowded, but said the "
        "market had raised money for the local school.\n\n"
        "The market opens again next month."
    )
    stances = [p.stance for p in brief_of(text, "en").positions if "Mira Tallis" in p.holder]
    assert stances and stances[0] == "mixed", stances


def test_a_side_in_so_many_words_on_each_side_of_but_is_mixed() -> None:
    words = " the new timetable but said the council should have kept the night buses"
    assert stance_of("welcomed", words, True) == "mixed"
    words = " the plan is unfair to the night workers but the council should keep it"
    assert stance_of("said", words, True) == "mixed"


def test_asking_another_to_review_what_it_did_is_criticism() -> None:
    words = " it wanted the stadium to review the way the crowd was handled"
    assert stance_of("said", words, True) == "oppose"
    assert stance_of("said", " it was reviewing the way the crowd was handled", True) == "neutral"


def test_uncertain_circumstances_name_a_setting_not_a_doubt() -> None:
    words = " the fleet's skill at landing under uncertain circumstances is what the navy needs"
    assert stance_of("said", words, True) != "oppose"


def test_an_act_of_others_in_the_passive_is_not_the_holders_side() -> None:
    words = " they do not know when the new ferry timetable will be approved"
    assert stance_of("said", words, True) != "support"
    assert stance_of("said", " the council approved the new ferry timetable", True) == "support"


def test_a_clause_of_the_reporter_before_the_holder_is_not_read_as_a_frame() -> None:
    text = (
        "The Selby harbour bridge was damaged in the winter storms.\n\n"
        "A new bridge is coming, but Mayor Ada Brenner said she was unsure when the bridge "
        "would be open.\n\n"
        "Work starts in April."
    )
    stances = [p.stance for p in brief_of(text, "en").positions if "Ada Brenner" in p.holder]
    assert stances and stances[0] != "oppose", stances
