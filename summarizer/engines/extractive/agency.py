"""What a name does in its sentence: evidence that it acts, or that it names a thing.

An actor is a name the article uses as a doer: the subject of a verb ("China has warned",
"Boeing said", "the ministry will"). A place named in passing ("in Hong Kong", "the Mexico
border") does nothing; nor does a product or a programme ("the Orion spacecraft", "the Artemis
program"), nor an event or a work whose name ends with such a head ("the Dubai Air Show").
"""

from __future__ import annotations

import re

from summarizer.engines.extractive.lexicon import (
    AGENT_VERBS,
    PRODUCT_NOUNS,
    SPEECH_CUES,
    THING_HEADS,
)

_ADVERBS = ("also", "now", "then", "still", "already", "recently", "reportedly", "previously",
            "later", "not", "never", "initially", "eventually", "first", "however")
_VERBS = sorted({w for w in SPEECH_CUES if " " not in w} | AGENT_VERBS, key=len, reverse=True)
# After the name: an aside set off by commas, an adverb, then a verb (a speech verb, an
# auxiliary or modal, a past tense, or a progressive or passive after a copula).
_SUBJECT = re.compile(
    r",\s+(?:which|who)\s|(?:\s*,[^,.;:\"“”()]{1,80},)?"
    r"(?:\s+(?:" + "|".join(_ADVERBS) + r"))?\s+(?:"
    r"(?:is|was|are|were|has\s+been|had\s+been)\s+(?:not\s+)?[a-z]{2,}(?:ing|ed)\b|"
    r"(?:" + "|".join(map(re.escape, _VERBS)) + r")\b|[a-z]{3,}ed\b)"
)
_PRODUCT = re.compile(
    r"\s+(?:[a-z][\w-]*\s+){0,2}?(?:" + "|".join(sorted(PRODUCT_NOUNS, key=len, reverse=True))
    + r")\b"
)


def is_subject(text: str, end: int) -> bool:
    """Whether the name that ends at `end` is the subject of a verb right after it."""
    return _SUBJECT.match(text, end) is not None


# Before the name: the agent of a passive, or the other party ("sued by", "a claim against").
_PARTY = re.compile(r"\b(?:by|against)\s+(?:the\s+)?$", re.I)


def is_party(text: str, start: int) -> bool:
    """Whether the name that starts at `start` follows 'by' or 'against'."""
    return _PARTY.search(text, max(0, start - 14), start) is not None


def names_product(text: str, end: int) -> bool:
    """Whether the name that ends at `end` modifies a product or programme noun ("the Orion
    spacecraft", "its Starship reusable launch vehicle")."""
    return _PRODUCT.match(text, end) is not None


def thing_name(name: str) -> bool:
    """A name of two or more words that ends with an event, programme or product head."""
    words = name.split()
    return len(words) >= 2 and words[-1].casefold() in THING_HEADS
