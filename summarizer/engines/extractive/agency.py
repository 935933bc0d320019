"""What a name does in its sentence: evidence that it acts, or that it names a thing.

An actor is a name the article uses as a doer: the subject of a verb ("China has warned",
"Boeing said", "the ministry will"). A place named in passing ("in Hong Kong", "the Mexico
border") does nothing; nor does a product or a programme ("the Orion spacecraft", "the Artemis
program"), nor an event or a work whose name ends with such a head ("the Dubai Air Show").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from summarizer.brief.countries import is_demonym
from summarizer.engines.extractive.given import is_given
from summarizer.engines.extractive.lexicon import (
    AGENT_VERBS,
    ORG_HEADS,
    PRODUCT_NOUNS,
    SPEECH_CUES,
    STOP,
    THING_HEADS,
    TITLES,
    table,
    words,
)
from summarizer.engines.extractive.names import Mention
from summarizer.engines.extractive.titles import PERSON_KINDS


class Cluster(Protocol):
    """What `mark` reads and writes of an actor cluster (actors.Cluster)."""

    name: str
    kind: str
    mentions: list[Mention]
    agent: int
    product: int
    attributive: bool


_ADVERBS = sorted(words("subject_adverbs"))
# "states" and "say" after a name are nouns as often as verbs ("U.S. states", "a say").
_VERBS = sorted({w for w in SPEECH_CUES if " " not in w and w not in ("states", "say")}
                | AGENT_VERBS, key=len, reverse=True)  # fmt: skip
# After the name: an aside set off by commas, an adverb, then a verb (a speech verb, an
# auxiliary or modal, a past tense, or a progressive or passive after a copula).
_SUBJECT = re.compile(
    r",\s+(?:which|who)\s|(?:\s*,[^,.;:\"“”()]{1,80},)?"
    r"(?:\s+(?:" + "|".join(_ADVERBS) + r"))?"
    r"(?:\s+(?:in|on)\s+(?:\d{4}|[A-Z][a-z]+day)|\s+(?:last|this|next)\s+(?:week|month|year))?"
    r"\s+(?:(?:is|was|are|were|has\s+been|had\s+been)\s+(?:(?:" + "|".join(_ADVERBS)
    + r")\s+){0,2}[a-z]{2,}(?:ing|ed)\b|"
    r"(?:" + "|".join(map(re.escape, _VERBS)) + r")\b|[a-z]{3,}ed\b)"
)
_PRODUCT = re.compile(
    r"\s+(?:[a-z][\w-]*\s+){0,2}?(?:" + "|".join(sorted(PRODUCT_NOUNS, key=len, reverse=True))
    + r")\b"
)


def is_subject(text: str, end: int) -> bool:
    """Whether the name that ends at `end` is the subject of a verb right after it."""
    return _SUBJECT.match(text, end) is not None


_SAYS = sorted((w for w in SPEECH_CUES if " " not in w and w not in ("say", "states", "stating",
                                                                     "arguing")),
               key=len, reverse=True)  # fmt: skip
_SPEAKS = re.compile(r"(?:\s+(?:" + "|".join(_ADVERBS) + r"))?\s+(?:" + "|".join(_SAYS) + r")\b")
# Just before a word that is only part of a name: another capitalised word or an initial
# ("Sonya A. Zoghlin"), or a handle's or a tag's sign ("@MattBevin").
# Or after a name and one or two short connectors ("Dar es Salaam", "Food Security and
# Nature"), or after "of" or "on" ("the Law on Plantations").
_FRAGMENT = re.compile(
    r"(?:[A-Z][\w’'-]*\.?\s+|[@#]|[A-Z][\w’'-]*,?\s+(?:[a-z]{1,3}\s+){1,2}|\b(?:of|on)\s+)$"
)


_PASSIVE_BY = re.compile(r"\b(?:[a-z]{3,}(?:ed|en|ght)\s+by|against)\s+(?:the\s+)?$")
_NEXT_WORD = re.compile(r"\s+([a-z][\w-]*)")
_CREDIT = re.compile(r"\s+contributed\b")
_COMPASS = words("compass")


def modifies(text: str, end: int) -> bool:
    """Whether the name that ends at `end` modifies the noun after it ("the U.S. government");
    not before a title ("an X spokesman"), where the name is who the officer speaks for."""
    nxt = _NEXT_WORD.match(text, end)
    return nxt is not None and nxt.group(1) not in STOP and nxt.group(1) not in TITLES


def speaks(text: str, end: int) -> bool:
    """Whether a speech verb follows the name that ends at `end` ("Nomura said")."""
    return _SPEAKS.match(text, end) is not None


def fragment(text: str, start: int) -> bool:
    """Whether the word at `start` continues a name or a handle rather than starting one."""
    return _FRAGMENT.search(text, max(0, start - 30), start) is not None


# Before the name: the agent of a passive, or the other party ("sued by", "a claim against").
_PARTY = re.compile(r"\b(?:by|against)\s+(?:the\s+)?$", re.I)


def is_party(text: str, start: int) -> bool:
    """Whether the name that starts at `start` follows 'by' or 'against'."""
    return _PARTY.search(text, max(0, start - 14), start) is not None


# A state's organs: state bodies a collective noun or an organisation head names, and courts.
_ORGANS = sorted({k for part in table("collective_heads", "heads") for k, v in part.items()
                  if v == "state"} | {h for h, k in ORG_HEADS.items() if k in ("state", "court")},
                 key=len, reverse=True)  # fmt: skip
_ORGAN = r"(?:" + "|".join(map(re.escape, _ORGANS)) + r")\b"
_OWNED_ORGAN = re.compile(r"['’]s?\s+(?:[\w’'-]+\s+){0,2}?" + _ORGAN, re.I)


ORGAN_AFTER = re.compile(  # after a demonym: "Peruvian troops", "the Chilean interior ministry"
    r"\s+(?:[a-z][\w-]+\s+){0,2}?" + _ORGAN
)


def owns_organ(text: str, end: int) -> bool:
    """Whether a state's possessive names one of its organs ("Zambia's Constitutional Court",
    "Chile’s interior ministry"): the state acts through it."""
    return _OWNED_ORGAN.match(text, end) is not None


def names_product(text: str, end: int) -> bool:
    """Whether the name that ends at `end` modifies a product or programme noun ("the Orion
    spacecraft", "its Starship reusable launch vehicle")."""
    return _PRODUCT.match(text, end) is not None


_TIERS = words("product_tiers")


def thing_name(name: str) -> bool:
    """A name of two or more words that ends with an event, programme or product head, or
    with a product tier after a word that is no given name ("Stadia Pro", not "Ana Max")."""
    parts = name.split()
    if len(parts) < 2:
        return False
    last = parts[-1].casefold()
    return last in THING_HEADS or (last in _TIERS and not is_given(parts[0]))


def mark(clusters: Sequence[Cluster], text: str, english: bool = True) -> None:
    """Count each cluster's mentions that act (`agent`) and that name a product (`product`),
    and note a cluster only ever used as a place or an English modifier (`attributive`)."""
    people = (c for c in clusters if c.kind in PERSON_KINDS and len(c.name.split()) > 1)
    firsts = {c.name.split()[0].casefold() for c in people}
    for c in clusters:
        if c.kind not in ("single", "state", "person", "other"):
            continue  # a body named by its head noun, or a titled person: kept anyway
        if c.kind == "single" and c.name.casefold() in firsts:
            continue  # "Matt" beside "Matt Bevin": a first name, not an actor of its own
        c.agent = sum(_acts(c, m, text) for m in c.mentions)
        c.attributive = english and all(
            not m.possessive and (m.locative or modifies(text, m.end)) for m in c.mentions
        )
        if c.kind != "state":  # a state is never read as a product
            c.product = sum(names_product(text, m.end) for m in c.mentions if not m.possessive)


def _acts(c: Cluster, m: Mention, text: str) -> bool:
    """Whether a mention is the subject of a verb or a party ("sued by X"): a lone word that
    opens a sentence only counts before a speech verb ("Nomura said"); a person's name after
    "by" or before "contributed" is a credit line, not an act."""
    if m.locative or (c.kind == "single" and fragment(text, m.start)):
        return False
    if m.initial and c.kind == "single":
        return speaks(text, m.end) and not c.name.endswith("s")
    if c.kind == "person":
        words = c.name.split()
        if words[0].casefold() in _COMPASS or is_demonym(words[-1].removesuffix("s")):
            return False  # "Southern California", "African Americans": no one's name
        if _PASSIVE_BY.search(text, max(0, m.start - 30), m.start):
            return True  # "a claim brought by X": but not "Reporting by X", a credit line
        return not m.possessive and is_subject(text, m.end) and not _CREDIT.match(text, m.end)
    if m.possessive:
        return c.kind == "state" and owns_organ(text, m.end)
    return is_subject(text, m.end) or (is_party(text, m.start) and not modifies(text, m.end))
