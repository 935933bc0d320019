"""French and Spanish titles set off before a name: "la juge d'instruction, Ana Ruiz".

Romance languages put the office first, with its complement, then a comma and the name:
"le juge des libertés et de la détention, Paul Leroux", "el fiscal jefe de Valdera, Pablo
Ruiz". The name is the title holder: an official, as if titled directly.
"""

from __future__ import annotations

import re

from summarizer.engines.extractive.lexicon import ordered
from summarizer.engines.extractive.mention import Mention

# French and Spanish one-word official titles, longest first (also read by inverted_speech.py).
TITLES = sorted({w.casefold() for code in ("fr", "es") for w in ordered("titles_official", code)
                 if w.isalpha() and len(w) > 3}, key=len, reverse=True)  # fmt: skip
_BEFORE = re.compile(
    r"(?i:\b(?:le|la|l['’]|el|al|del|du|de la|par le|par la)\s*)"
    r"(" + "|".join(map(re.escape, TITLES)) + r")\b"
    r"(?:\s+(?:de|des|du|d['’]|del|de la|en)\s*[^,;.()\"«»]{1,50})?,\s*$"
)

_CLOSED = re.compile(r"\s*(?:[,.;:)]|$)")  # the apposition ends with the name


def apposed_titles(mentions: list[Mention], text: str) -> None:
    """Give an untitled person the title set off before its name (in place)."""
    for m in mentions:
        if m.kind != "person" or m.title is not None:
            continue
        found = _BEFORE.search(text, max(0, m.start - 90), m.start)
        if found is not None and _CLOSED.match(text, m.end):  # not "devant le juge, X a dit"
            m.title = (found.start(1), found.end(1))
            m.titled_kind = "official"
