"""Legal instruments in French and Spanish: a head after a determiner, then its complement.

"la loi d'orientation agricole", "le décret du 3 janvier", "la directive européenne de 2009
sur l'utilisation durable des pesticides", "el tratado de extradición de 1970". The complement
runs over adjectives, dates and "de/du/sur ..." phrases and stops at a verb, a participle,
a relative pronoun or punctuation.
"""

from __future__ import annotations

import re

from summarizer.engines.extractive.segment import Sentence

Found = tuple[int, int, str]  # start, end, kind

_HEADS: dict[str, str] = {
    **dict.fromkeys(("projet de loi", "proposition de loi", "proyecto de ley", "loi", "lois",
                     "décret", "décrets", "directive", "règlement", "code",
                     "ordonnance", "arrêté", "constitution", "charte", "circulaire", "ley",
                     "leyes", "decreto", "reglamento", "código", "constitución", "directiva",
                     "norma"), "statute"),
    **dict.fromkeys(("traité", "convention", "accord", "accords", "pacte", "protocole",
                     "tratado", "convenio", "acuerdo", "pacto", "protocolo"), "treaty"),
    **dict.fromkeys(("résolution", "resolución"), "resolution"),
    **dict.fromkeys(("jugement", "arrêt", "sentencia", "fallo", "orden"), "court_decision"),
    **dict.fromkeys(("mandat d'arrêt", "mandat d’arrêt", "orden de detención",
                     "orden de captura"), "warrant"),
}  # fmt: skip
# Heads that name an instrument with a determiner alone ("le décret", "la Constitution").
_STANDALONE = frozenset(
    (
        "décret",
        "directive",
        "ordonnance",
        "arrêté",
        "constitution",
        "charte",
        "traité",
        "decreto",
        "reglamento",
        "constitución",
        "directiva",
        "tratado",
        "mandat d'arrêt",
        "mandat d’arrêt",
        "orden de detención",
        "orden de captura",
    )
)
_DET = (r"(?:le|la|les|l['’]|du|des|un|une|ce|cette|son|sa|ses|leur|el|los|las|una|del|al|su|"
        r"sus|este|esta|dicho|dicha)")  # fmt: skip
_HEAD_RX = re.compile(
    rf"(?<![\w’']){_DET}\s*("
    + "|".join(sorted((re.escape(h) for h in _HEADS), key=len, reverse=True))
    + r")(?![\w’'])",
    re.I,
)
_LINK = frozenset("de du des d' d’ sur le les la l' l’ relatif relative relatifs à en el los las "
                  "del sobre".split())  # fmt: skip
# Words that end the complement: verbs, relatives, prepositions of circumstance.
_END = frozenset(
    """qui que qu' qu’ dont où est sont a ont avait avaient était sera doit peut pour par
    dans avec sans mais ou et se s' s’ ne n' n’ pas il elle ils elles on y lors depuis
    avant après contre entre selon comme si cependant que es son ha han fue era será
    puede debe para por con sin pero o y se no lo le les como cuando según""".split()
)
_TOKEN = re.compile(r"(?:[dlnsjcmt]|qu)['’]|[^\W_]+(?:-[^\W_]+)*|\d+|[^\w\s]", re.I)
_ADJECTIVE = {
    "fr": re.compile(r"(?:elle|el|els|elles|al|ale|aux|ales|ien|ienne|iens|iennes|aire|aires|ique|"
                     r"iques|if|ive|ifs|ives|ais|aise|ois|oise|ain|aine|ains|aines|ier|ière|iers|"
                     r"ières|able|ables|ible|ibles|eux|euse|enne|ennes|ole|oles|il|ile|iles|ante|"
                     r"antes|ente|entes|ure|ures)$"),
    "es": re.compile(r"(?:al|ales|ano|ana|anos|anas|ico|ica|icos|icas|ivo|iva|ivos|ivas|ario|"
                     r"aria|arios|arias|ense|enses|ista|istas|able|ables|ible|ibles|il|iles|"
                     r"ino|ina|inos|inas|eño|eña|eños|eñas)$"),
}  # fmt: skip
_MONTHS = frozenset(
    """janvier février mars avril mai juin juillet août septembre octobre novembre décembre
    enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre
    diciembre""".split()
)


def _complement(text: str, at: int, limit: int, language: str | None) -> int:
    """End of the complement that follows a head at `at` (== at when there is none)."""
    adjective = _ADJECTIVE.get(language or "", _ADJECTIVE["fr"])
    end, count, linked = at, 0, False
    for t in _TOKEN.finditer(text, at, limit):
        word = t.group().casefold()
        if count >= 10:
            break
        if word in _LINK:
            linked = True
        elif word in _END or not (word[0].isalnum()):
            break
        elif not linked and not (adjective.search(word) or word.isdigit() or word in _MONTHS):
            break  # "le décret publié dimanche", "la loi permettra"
        else:
            linked = False
            end = t.end()
        count += 1
    return end


def romance(s: Sentence, language: str | None) -> list[Found]:
    """Instruments in one French or Spanish sentence: (start, end, kind)."""
    out: list[Found] = []
    for m in _HEAD_RX.finditer(s.text):
        head = m.group(1).casefold()
        end = _complement(s.text, m.end(), len(s.text), language)
        if end == m.end() and head not in _STANDALONE:
            continue  # "la loi" alone is too vague
        out.append((s.start + m.start(1), s.start + end, _HEADS.get(head, "statute")))
    return out
