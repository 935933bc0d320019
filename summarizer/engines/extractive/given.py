"""Given names: whether a word is a first name people bear ("Anna", "Marcus", "Jean-Luc").

The list (`data/given_names.txt`, the 1990 US Census first names, public domain, built by
`scripts/build_given_names.py`) is a real-world lexicon, read once on first use. It is
positive evidence only: a capitalised run that opens with a given name reads as a person,
while one that opens with none ("Stadia Pro", "Blue Origin") needs other evidence, since
the list misses many names.
"""

from __future__ import annotations

from functools import lru_cache

from summarizer.brief.countries import country_alpha3
from summarizer.engines.extractive.lexicon import shared_words


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    return shared_words("given_names")


def is_given(word: str) -> bool:
    """Whether `word` (any case; a hyphenated pair by its first part) is a given name,
    or an initial ("J.", "J.J.")."""
    fold = word.casefold()
    if fold.endswith(".") and len(fold.replace(".", "")) <= 2:
        return not country_alpha3(word)  # "J.", "J.J."; not "U.S."
    return fold in _names() or fold.split("-", 1)[0] in _names()


def opens_with_given(name: str) -> bool:
    """Whether a multi-word name starts with a given name or an initial."""
    first = name.split(maxsplit=1)[0] if name.strip() else ""
    return bool(first) and is_given(first.strip("“”\"'‘’"))
