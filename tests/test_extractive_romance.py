"""French and Spanish positions in the offline engine: sentences written for these tests."""

from __future__ import annotations

from extractive_helpers import brief_of

from summarizer.brief.schema import Brief
from summarizer.engines.extractive.mention import Mention
from summarizer.engines.extractive.romance_titles import apposed_titles


def _held(brief: Brief) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for p in brief.positions:
        out.setdefault(p.holder, []).append(p.stance)
    return out


def test_french_stance_words() -> None:
    text = ("La mairie de Lorval a fermé la piscine municipale mardi. « Cette fermeture est "
            "injuste », a déclaré Paul Lemarchand, président du comité.")  # fmt: skip
    assert _held(brief_of(text, "fr")).get("Paul Lemarchand") == ["oppose"]


def test_french_denial() -> None:
    text = ("La mairie de Lorval a fermé la piscine municipale mardi. Paul Lemarchand a "
            "déclaré qu'il n'avait jamais reçu la lettre du maire.")  # fmt: skip
    assert _held(brief_of(text, "fr")).get("Paul Lemarchand") == ["oppose"]


def test_spanish_stance_words() -> None:
    text = ("El ayuntamiento de Valdera cerró la piscina municipal el martes. \"El cierre es "
            "injusto para las familias\", dijo Pablo Ruizábal, presidente del comité.")  # fmt: skip
    assert _held(brief_of(text, "es")).get("Pablo Ruizábal") == ["oppose"]


def test_spanish_speaker_after_the_verb_not_the_person_talked_about() -> None:
    text = ("El ayuntamiento de Valdera cerró la piscina municipal el martes. El alcalde "
            "Jorge Medina no contestó a las cartas, dijo Pablo Ruizábal, presidente del comité.")
    held = _held(brief_of(text, "es"))
    assert "Pablo Ruizábal" in held
    assert "Jorge Medina" not in held


def test_the_person_whose_role_names_the_organisation_speaks() -> None:
    text = ("Le tribunal de Lorval a condamné deux braconniers mardi. Claire Vautrin fondatrice "
            "de ARBO affirme « C’est une bonne décision pour la forêt ! »")  # fmt: skip
    held = _held(brief_of(text, "fr"))
    assert held.get("Claire Vautrin") == ["support"]
    assert "ARBO" not in held


def test_a_short_reply_is_no_denial() -> None:
    text = ("El juez Tomás Arévalo citó a la empresa el martes. «No lo sé», dijo Arévalo "
            "al salir del juzgado.")  # fmt: skip
    assert _held(brief_of(text, "es")).get("Tomás Arévalo") != ["oppose"]


def test_spanish_institutions_by_their_first_word() -> None:
    text = ("La Audiencia de Valdera rechazó el recurso el martes. La Fiscalía Anticorrupción "
            "estudia la decisión, dijo el fiscal Tomás Arévalo.")  # fmt: skip
    kinds = {a.name: a.kind for a in brief_of(text, "es").actors}
    assert kinds.get("Audiencia de Valdera") == "court"


def test_a_title_set_off_before_the_name() -> None:
    text = ("Le tribunal de Lorval a jugé l’affaire mardi. Le dossier a été confié à la juge "
            "d’instruction, Martine Vasseur, qui n’a rien dit. Le maire, Paul Lemarchand, "
            "a refusé de commenter. Les voisins sont inquiets.")  # fmt: skip
    kinds = {a.name: a.kind for a in brief_of(text, "fr").actors}
    assert kinds.get("Martine Vasseur") == "official"


def test_the_tribunal_is_the_court_named_before() -> None:
    text = ("Le Tribunal administratif de Lorval a examiné mardi le recours des riverains. "
            "Le tribunal a estimé que la fermeture était injuste.")  # fmt: skip
    assert any(h.startswith("Tribunal") for h in _held(brief_of(text, "fr")))


def test_spanish_imperfect_cue_and_the_judge() -> None:
    text = ("El juez Tomás Arévalo citó a la empresa el martes. El juez señala en el auto que "
            "la empresa ocultó datos. «Las cuentas no cuadran», sostenía Arévalo.")  # fmt: skip
    held = _held(brief_of(text, "es"))
    assert len(held.get("Tomás Arévalo", [])) == 2


def test_the_person_after_a_french_verb_is_its_object() -> None:
    text = ("Paul Lemarchand a été jugé mardi à Lorval pour braconnage. Prenant la parole devant "
            "le juge, Paul Lemarchand a reconnu les faits. Dans son délibéré, le juge audiencier "
            "a condamné Paul Lemarchand à un an de prison ferme. « C’est injuste », a déclaré "
            "le président du comité de soutien, Marc Delorme.")  # fmt: skip
    held = _held(brief_of(text, "fr"))
    assert "oppose" not in held.get("Paul Lemarchand", [])
    assert held.get("Marc Delorme") == ["oppose"]


def test_a_title_before_a_name_that_opens_a_clause_is_no_apposition() -> None:
    text = ("Prenant la parole devant le juge, Paul Lemarchand a reconnu les faits. Selon "
            "la juge, Martine Vasseur, le dossier est vide.")  # fmt: skip
    found = []
    for name in ("Paul Lemarchand", "Martine Vasseur"):
        at = text.index(name)
        found.append(Mention(at, at + len(name), name, "person", None, sentence=0))
    apposed_titles(found, text)
    assert found[0].title is None
    assert found[1].titled_kind == "official"


def test_spanish_jefe_is_a_title() -> None:
    text = ("El fiscal Tomás Arévalo se reunió con el jefe de la Fiscalía de Valdera, Jorge "
            "Medina, en Madrid. Medina no quiso comentar.")  # fmt: skip
    kinds = {a.name: a.kind for a in brief_of(text, "es").actors}
    assert kinds.get("Jorge Medina") == "official"
