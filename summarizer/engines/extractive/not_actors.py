"""Capitalised runs that are not actors: instruments, facilities, currencies, publications,
citations, and names inside an instrument's title."""

from __future__ import annotations

import re

from summarizer.engines.extractive.capitalised import Tok, abstract
from summarizer.engines.extractive.lexicon import (
    CURRENCIES,
    FACILITIES,
    LEGAL_HEADS,
    NOT_ACTORS,
    words,
)

_THING_AFTER = LEGAL_HEADS | FACILITIES | CURRENCIES
EVENTS = words("events")  # "Dubai Air Show", "Climate Action Summit"
# Inside an instrument's long title: "Act on Rules to Assign ... and to Regulate the ".
_IN_TITLE = re.compile(
    r"\b(?:Act|Law|Code|Decree|Convention|Treaty|Protocol)\s+(?:on|of|to|for)\s+"
    r"(?:(?:[A-Z][\w’'-]*|and|to|the|of|for|on|in)\s+)*$"
)
_TITLE_HEADS = re.compile("Act|Law|Code|Decree|Convention|Treaty|Protocol")  # any one, anywhere
# A token that is a code or a citation's initials, not a name: "B-4", "G.S. 160D-1207".
CITATION = re.compile(r"[A-Z]+-\d[\w-]*\b|(?:[A-Z]\.){2,}\s+§?\s*\d")
# A name that goes on into a named instrument: "National Transition" in "... and Renewal Plan",
# "Computer Networks" in "... (Offences Relating to Computer Networks) Act".
_AND_NAMED = re.compile(
    r"(?:\s+(?:and|&)\s+(?:[A-Z][\w’'-]*\s+){0,3}|[^()]{0,60}\)\s+|\s+\([^()]{0,80}\)\s+)(?:"
    + "|".join(sorted(h.capitalize() for h in LEGAL_HEADS if h.isalpha()))
    + r")\b"
)


def is_thing(text: str, run: list[Tok], nxt: Tok | None, led: bool) -> bool:
    """Whether a run names an instrument, a facility, a currency or a publication (`led`: the run
    starts with an organisation head and "of", as in "Ministry of Law")."""
    if run[-1].fold in LEGAL_HEADS and not led:
        return True  # "Water Safety Policy"; not "Ministry of Law"
    if run[-1].fold in EVENTS and len(run) > 1:
        return True  # "the Harbour Air Show": an event
    pairs = zip(run[:3], run[1:], strict=False)
    if any(t.fold in LEGAL_HEADS and n.fold in ("of", "on") for t, n in pairs):
        return True  # "Charter of Fundamental Rights of ...", "General Statute of ..."
    window = max(0, run[0].start - 200), run[0].start  # a match needs a head word in it
    if _TITLE_HEADS.search(text, *window) and _IN_TITLE.search(text, *window):
        return True  # "Spectrum Bands" in "the Act on Rules to Assign Radio ..."
    if run[0].fold in ("article", "section") or " ".join(t.fold for t in run).startswith(
        NOT_ACTORS
    ):
        return True  # "Article X"; "the Official Gazette"
    if nxt and not nxt.cap and nxt.fold in _THING_AFTER and (
        text[run[-1].end : nxt.start] == " "
    ):
        return True  # "the X act", "its Serra Azul mine", "CFA francs"
    return bool(_AND_NAMED.match(text, run[-1].end))  # "National Transition and ..."


_DIGIT_AFTER = re.compile(r" \d")
_DIGIT_BEFORE = re.compile(r"\d[\w-]* $")


def numbered(text: str, tok: Tok) -> bool:
    """A word with a number beside it or inside it ("Phase 1", "737 Max", "A350"): a model or
    a part, not a name."""
    return (any(c.isdigit() for c in tok.text)
            or bool(_DIGIT_AFTER.match(text[tok.end : tok.end + 2]))
            or bool(_DIGIT_BEFORE.search(text[max(0, tok.start - 8) : tok.start])))


_VENUES = words("venue_heads")
_WEAK_VENUES = words("venue_heads_weak")


def venue(name: str) -> bool:
    """A venue's name: a venue head last ("Arena"), or a weak one ("Center") after words
    none of which is abstract ("Xfinity Center"; not "Legal Assistance Centre")."""
    parts = name.casefold().split()
    if parts[-1] in _VENUES:
        return True
    return parts[-1] in _WEAK_VENUES and not any(abstract(w) for w in parts[:-1])
