"""Titles before names: which words are titles, what kind of actor a title makes, and which
title words are too weak ("National", "Federal") to make the word after them a name."""

from __future__ import annotations

from summarizer.engines.extractive.capitalised import Tok
from summarizer.engines.extractive.lexicon import (
    BUSINESS_TITLES,
    HEAD_OF_STATE_TITLES,
    MEDIA_TITLES,
    PERSON_TITLES,
    ROLES,
    TITLES,
    words,
)

# The kinds of a named person (what `title_kind` gives): who can hold a position in their own
# words.
PERSON_KINDS = frozenset(("person", "head_of_state", "official", "media"))
# Titles that stay in the name of a royal or a pope named by one given name ("Queen Elizabeth").
ROYAL = words("titles_royal")
# Plural titles that stand before a list of names: "Justices A, B and C".
PLURAL = words("titles_plural")
# Title words that are adjectives or portfolios, too weak to make one word after them a name.
PORTFOLIO = words("title_portfolios")
# Portfolio words that are a title only beside one ("Home Secretary", "Energy Minister").
PORTFOLIO_ONLY = PORTFOLIO - words("title_portfolios_alone")
# Prefixes that make a title of a title: "vice-premier", "co-founder", "ex-minister".
_PREFIXES = words("title_prefixes")
_NATION_LEADERS = words("nation_leaders")
# Endings of common nouns, not of given names: "for Contracting Luis Ortega".
NOUNISH = ("ing", "tion", "ment", "ance", "ence", "ship", "ure", "ism", "ity")


def is_title(tok: Tok) -> bool:
    """A title word, also in the plural before a list of names ("Justices A, B and C")."""
    fold = tok.fold.rstrip(".")
    if fold in TITLES or (fold in PLURAL and tok.cap):
        return True
    prefix, _, rest = fold.partition("-")  # "vice-premier", "co-founder", "ex-minister"
    return prefix in _PREFIXES and rest in TITLES


def title_kind(words: list[str], capitalised: bool, country: str | None) -> str:
    """The actor kind a title gives: head of state, media, person or official."""
    if any(w in HEAD_OF_STATE_TITLES for w in words) and (capitalised or country):
        if ("minister" not in words or "prime" in words) and not {"vice", "deputy"} & set(words):
            return "head_of_state"
    if len(words) == 1 and words[0] in _NATION_LEADERS and country and not capitalised:
        return "head_of_state"  # "Chinese leader X": a nation's leader
    if any(w in MEDIA_TITLES for w in words):
        return "media"
    if words and all(w in ROYAL and w not in HEAD_OF_STATE_TITLES for w in words):
        return "person"  # "Prince X": a royal holds no office
    if any(w in BUSINESS_TITLES for w in words):
        return "person"  # a chief executive is a person; the company is the business
    if words and all(w.rstrip(".") in PERSON_TITLES for w in words):
        return "person"
    if not capitalised and not country and all(w in ROLES for w in words):
        return "person"  # "its president, X", "the group's director, X": not an office of state
    return "official" if any(w not in PERSON_TITLES for w in words) else "person"
