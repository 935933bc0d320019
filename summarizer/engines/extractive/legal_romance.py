"""Legal instruments in French and Spanish: a head after a determiner, then its complement.

"la loi d'orientation agricole", "le décret du 3 janvier", "la directive européenne de 2009
sur l'utilisation durable des pesticides", "el tratado de extradición de 1970". The complement
runs over adjectives, dates and "de/du/sur ..." phrases and stops at a verb, a participle,
a relative pronoun or punctuation.
"""

from __future__ import annotations

import re

from summarizer.engines.extractive.lexicon import (
    ADJECTIVE_ENDINGS,
    ALL_MONTHS,
    adjective,
    languages,
    one,
)
from summarizer.engines.extractive.segment import Sentence

Found = tuple[int, int, str]  # start, end, kind

_TABLES = [one(code, "instruments") for code in languages()]
# Heads of instruments in the languages that put modifiers after the head (lang/*/instruments.json
# with a "standalone" list), their kind, and those a determiner alone makes an instrument.
_HEADS: dict[str, str] = {h: k for t in _TABLES if "standalone" in t for h, k in t["heads"].items()}
_STANDALONE = frozenset(h for t in _TABLES for h in t.get("standalone", ()))
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
# language -> a word with its adjective endings ("nationale", "jurídica")
_ADJECTIVE = {code: adjective(code) for code in ADJECTIVE_ENDINGS}
_MONTHS = ALL_MONTHS


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
