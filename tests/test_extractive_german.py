"""German names and positions in the offline engine: sentences written for these tests."""

from __future__ import annotations

from extractive_helpers import brief_of

from summarizer.brief.schema import Brief
from summarizer.engines.extractive.german import GermanScanner
from summarizer.engines.extractive.segment import segment

_LEAD = "Die Stadt Lindenau plant einen neuen Busbahnhof am Rand der Altstadt. "


def _actors(brief: Brief) -> dict[str, str]:
    return {a.name: a.kind for a in brief.actors}


def _held(brief: Brief) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for p in brief.positions:
        out.setdefault(p.holder, []).append(p.stance)
    return out


def test_a_first_name_vouches_for_a_person() -> None:
    brief = brief_of(_LEAD + "Lena Vogel kritisierte die Entscheidung am Montag scharf.", "de")
    assert "Lena Vogel" in _actors(brief)


def test_a_speech_verb_vouches_for_the_name_after_it() -> None:
    brief = brief_of(_LEAD + "„Das ist viel zu teuer“, sagt Okko Brennecke.", "de")
    assert "Okko Brennecke" in _actors(brief)
    assert "Okko Brennecke" in _held(brief)


def test_a_title_vouches_for_one_surname() -> None:
    brief = brief_of(_LEAD + "Bundesinnenminister Haldmann kritisierte den Plan.", "de")
    assert _actors(brief).get("Haldmann") == "official"


def _mentions(text: str) -> list[str]:
    doc = segment(text, None)
    scanner = GermanScanner(text, doc.sentences)
    return [m.name for s in doc.sentences for m in scanner.scan(s)]


def test_a_genitive_ends_the_name() -> None:
    names = _mentions(_LEAD + "Jens Arndt sagte, Lena Vogels Gutachten sei falsch.")
    assert "Lena Vogels" in names
    assert "Lena Vogels Gutachten" not in names


def test_the_surname_alone_names_the_person_introduced() -> None:
    text = _LEAD + "Lena Vogel leitet den Verkehrsverein. Laut Vogel würden die Anwohner entlastet."
    brief = brief_of(text, "de")
    assert _held(brief).get("Lena Vogel") == ["support"]


def test_a_company_noun_vouches_for_the_company() -> None:
    brief = brief_of(_LEAD + "Der Streamingdienst Kaldo kritisierte die Stadt. Kaldo will klagen.",
                     "de")  # fmt: skip
    assert _actors(brief).get("Kaldo") == "business"


def test_acronyms_that_name_no_actor() -> None:
    text = _LEAD + ("Der TV-Sender zeigte Bilder aus den USA. Im TV sprach Lena Vogel. "
                    "Die Netze sollen wachsen, sagt die Gewerkschaft IG BCE.")  # fmt: skip
    names = _actors(brief_of(text, "de"))
    assert not {"TV", "USA"} & set(names)


def test_the_speaker_follows_the_verb_of_an_inserted_clause() -> None:
    text = _LEAD + ("Den Bürgermeister Jens Arndt kenne sie gar nicht, sagte die "
                    "Gewerkschaftschefin Ilka Dornbusch.")  # fmt: skip
    held = _held(brief_of(text, "de"))
    assert "Ilka Dornbusch" in held
    assert "Jens Arndt" not in held


def test_an_inserted_clause_without_an_actor_after_it_has_no_holder() -> None:
    text = _LEAD + "Jens Arndt habe den Plan nie gesehen, sagte ein Mitarbeiter der Stadt."
    assert "Jens Arndt" not in _held(brief_of(text, "de"))


def test_a_denial_opposes() -> None:
    text = _LEAD + "Jens Arndt sagte, er habe von dem Vertrag nichts gewusst."
    assert _held(brief_of(text, "de")).get("Jens Arndt") == ["oppose"]


def test_a_demand_supports() -> None:
    text = _LEAD + "Auch Jens Arndt fordert mehr Busse für die Altstadt."
    assert _held(brief_of(text, "de")).get("Jens Arndt") == ["support"]


def test_title_kinds_by_their_ending() -> None:
    text = _LEAD + ("Kaldo-Manager Jens Arndt widersprach. Später sprach SPD-Chef Ole Brandtner. "
                    "Redakteurin Ilka Dornbusch schrieb dazu einen Kommentar. "
                    "Kaldo-Chef Uwe Brammerts sagte nichts.")  # fmt: skip
    kinds = _actors(brief_of(text, "de"))
    assert kinds.get("Jens Arndt") == "business"
    assert kinds.get("Ole Brandtner") == "official"
    assert kinds.get("Ilka Dornbusch") == "media"
    assert kinds.get("Uwe Brammerts") == "business"


def test_a_pronoun_after_the_verb_is_its_subject() -> None:
    text = _LEAD + ("Das Landgericht Lindenau prüfte die Klage der Anwohner. Zwar erklärte es "
                    "einen Teil der Klage für unzulässig.")  # fmt: skip
    assert "Landgericht Lindenau" in _held(brief_of(text, "de"))


def test_nach_angaben_names_the_holder_after_an_article() -> None:
    text = _LEAD + "Nach Angaben der Gewerkschaft IG BCE würden die Beschäftigten entlastet."
    assert _held(brief_of(text, "de")).get("IG BCE") == ["support"]


def test_he_is_the_manager_who_spoke_last() -> None:
    text = _LEAD + ("Minister Jens Arndt lobte den Plan. Der Bau sei zu teuer, sagt "
                    "Kaldo-Manager Uwe Brammerts. Das Vorhaben sei „völlig unverständlich“, "
                    "warnt er.")  # fmt: skip
    held = _held(brief_of(text, "de"))
    assert len(held.get("Uwe Brammerts", [])) == 2
    assert held.get("Jens Arndt") == ["support"]


def test_institutions_alone_and_with_their_adjective() -> None:
    text = _LEAD + ("Der Stadtrat stimmte zu. Die Europäische Prüfbehörde und der Bayerische "
                    "Prüfverband kritisierten den Plan. Ein Pharmakonzern schwieg.")  # fmt: skip
    names = set(_mentions(text))
    assert {"Stadtrat", "Europäische Prüfbehörde", "Bayerische Prüfverband"} <= names
    assert "Pharmakonzern" not in names and "Der Stadtrat" not in names


def test_a_demand_is_a_cue() -> None:
    text = _LEAD + "Die Bundesnetzagentur verlangt die Rückzahlung der illegalen Zuschüsse."
    assert "Bundesnetzagentur" in _held(brief_of(text, "de"))


def test_a_separable_verb_needs_its_particle() -> None:
    text = _LEAD + ("Die Stadtverwaltung wies die Vorwürfe am Montag zurück. Die Bundesnetzagentur "
                    "teilte das Budget unter den Ländern auf.")  # fmt: skip
    held = _held(brief_of(text, "de"))
    assert held.get("Stadtverwaltung") == ["oppose"]
    assert "Bundesnetzagentur" not in held


def test_the_judges_are_the_court_named_before() -> None:
    text = _LEAD + ("Das Landgericht Lindenau verhandelte am Montag den Fall. Die zuständigen "
                    "Richter erklärten den Vertrag für unzulässig.")  # fmt: skip
    assert _held(brief_of(text, "de")).get("Landgericht Lindenau") == ["oppose"]


def test_a_name_particle_stays_in_the_name() -> None:
    names = _mentions(_LEAD + "Das bestätigte Chefredakteur Pietro di Salvatore am Montag.")
    assert "Pietro di Salvatore" in names


def test_a_first_name_and_a_particle_name() -> None:
    assert "Giovanni de Santis" in _mentions(_LEAD + "Am Abend kam Giovanni de Santis dazu.")


def test_instruments_whole_and_hyphenated() -> None:
    text = _LEAD + ("Im Gemeinderat wurde der Bebauungsplan beschlossen. Das Brenn-Urteil "
                    "gilt seit Montag.")  # fmt: skip
    names = {i.instrument for i in brief_of(text, "de").legal_context}
    assert {"Bebauungsplan", "Brenn-Urteil"} <= names


def test_a_name_and_a_colon_open_the_persons_words() -> None:
    text = _LEAD + ("Herr Brammerts, wie sehen Sie den Plan? Uwe Brammerts: Der Plan ist ein "
                    "Fehler und viel zu teuer.")  # fmt: skip
    assert _held(brief_of(text, "de")).get("Uwe Brammerts") == ["oppose"]


def test_media_acronyms_are_media() -> None:
    text = _LEAD + "Das ZDF berichtete am Montag über den Plan. Das ZDF zeigte die Baustelle."
    assert _actors(brief_of(text, "de")).get("ZDF") == "media"


def test_company_acronyms_are_businesses() -> None:
    text = _LEAD + "Die BASF baut ein neues Werk. Die BASF zahlt dafür zwei Millionen Euro."
    assert _actors(brief_of(text, "de")).get("BASF") == "business"
