"""Actor precision: names that are pieces of longer names, or products, are no actors."""

from __future__ import annotations

from extractive_helpers import actor_names, brief_of


def test_a_name_cut_before_to_and_a_capitalised_word_is_no_actor() -> None:
    text = ("Ivo Brask said he had been a patron of the [Northern Society for the Prevention of "
            "Harm to Children] for years. Brask said the scheme had ended.")
    names = actor_names(text)
    assert "Ivo Brask" in names
    assert not any(n.startswith("Northern Society") for n in names), names


def test_a_name_cut_after_a_capitalised_word_and_for_is_no_actor() -> None:
    text = ("Ilsa Marn, a fellow at the Centre for a Fairer Northern Society, said the levy would "
            "fail. Marn said ministers had been warned.")
    names = actor_names(text)
    assert "Ilsa Marn" in names
    assert "Fairer Northern Society" not in names, names


def test_a_two_word_product_name_that_never_acts_is_no_actor() -> None:
    text = ("Kesterby Aerospace will launch the Velmora Falcon rocket in June. Engineers at "
            "Kesterby Aerospace said the Velmora Falcon rocket was ready for flight. Reporters "
            "saw the Velmora Falcon on Monday.")
    names = actor_names(text)
    assert "Kesterby Aerospace" in names
    assert "Velmora Falcon" not in names, names


def test_a_name_ending_in_poll_is_a_survey_not_an_actor() -> None:
    text = ("A Daily Courier Poll found that 60 percent backed the levy. The Daily Courier Poll "
            "was taken in May. Ivo Brask said the Daily Courier Poll showed strong support.")
    names = actor_names(text)
    assert "Ivo Brask" in names
    assert "Daily Courier Poll" not in names, names


def _long_story(late: str) -> str:
    """A story of 30 sentences about one council; `late` is its 28th sentence."""
    body = [f"The Kesterby council met for the {n}th time on the levy plan." for n in range(4, 31)]
    body.insert(27, late)
    return ("Ilsa Marn, the mayor of Kesterby, said the levy plan would pass. Marn said the "
            "council had voted twice. " + " ".join(body))


def test_a_body_named_once_late_in_passing_is_no_actor() -> None:
    names = actor_names(_long_story("A similar plan was once studied by staff at the Orvane "
                                    "Harbour Commission in the south."))
    assert "Ilsa Marn" in names
    assert "Orvane Harbour Commission" not in names, names


def test_a_body_named_once_late_that_speaks_stays_an_actor() -> None:
    names = actor_names(_long_story("The Orvane Harbour Commission said a similar plan had "
                                    "failed."))
    assert "Orvane Harbour Commission" in names, names


def test_a_city_named_often_that_never_acts_is_a_place_not_an_actor() -> None:
    text = ("Le congrès du parti s'est ouvert à Lyon samedi. A Lyon, Ana Ruiz a défendu sa "
            "méthode devant les militants. Les ministres venus à Lyon ont applaudi la Première "
            "ministre. Ana Ruiz a quitté Lyon dimanche soir, a indiqué son entourage.")
    names = {a.name for a in brief_of(text, "fr").actors}
    assert "Ana Ruiz" in names
    assert "Lyon" not in names, names


def test_a_title_case_phrase_opening_with_an_adverb_is_no_name() -> None:
    text = ("Ivo Brask said Too Big To Fail was over. He said Too Big To Fail had cost the "
            "Kesterby Treasury billions.")
    names = actor_names(text)
    assert "Ivo Brask" in names
    assert not any(n.startswith("Too") for n in names), names


def test_a_body_named_once_late_is_kept_where_its_acts_are_not_read() -> None:
    body = [f"Le conseil de Kesterby s'est réuni pour la {n}e fois." for n in range(4, 31)]
    body.insert(27, "Un plan semblable avait été étudié par le Conseil d'Orvane.")
    text = "Ilsa Marn, la maire de Kesterby, a déclaré que la taxe serait votée. " + " ".join(body)
    names = {a.name for a in brief_of(text, "fr").actors}
    assert "Conseil d'Orvane" in names, names


def test_a_body_named_once_late_beside_reported_words_stays_an_actor() -> None:
    names = actor_names(_long_story("Ivo Brask, an engineer with the Orvane Harbour Commission, "
                                    "said a similar plan had failed."))
    assert "Orvane Harbour Commission" in names, names


def test_a_person_before_to_and_a_capitalised_word_is_no_cut_name() -> None:
    text = ("The regional court ordered Kesterby to restore Justices Ivo Brask, Lena Ostrova and "
            "Ana Ruiz Marn to the Supreme Court within 60 days.")
    assert "Ana Ruiz Marn" in actor_names(text)


def test_a_tournament_or_a_series_is_no_actor() -> None:
    text = ("Ivo Brask won the Kesterby Open on Sunday. Brask said the Kesterby Open had been his "
            "hardest week. He now leads the Velmora Series, and Brask said the Velmora Series "
            "would end in May.")
    names = actor_names(text)
    assert any("Brask" in n for n in names), names
    assert "Kesterby Open" not in names and "Velmora Series" not in names, names
