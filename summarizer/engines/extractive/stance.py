"""A statement's stance from the holder's own words, and what the statement is about.

In order: the cue verb itself ("criticised", "welcomed"); stance words inside the holder's
words (the quotation, or the reported clause after the cue), a negation just before a word
turning it round; for English, the valence of those words by VADER's general-purpose
sentiment lexicon (vaderSentiment), when it is clear. Anything else is `unclear`: a reporting
verb alone says nothing about where the holder stands.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from summarizer.brief.schema import Quote
from summarizer.engines.extractive.lexicon import STANCE_CUES
from summarizer.engines.extractive.phrases import Found, Phrases
from summarizer.engines.extractive.segment import Sentence, span

VALENCE = 0.3  # |compound| under which VADER's answer is no evidence
_STANCE_OF = {cue.casefold(): stance for cue, stance in STANCE_CUES.items()}
_STANCE = Phrases(STANCE_CUES, fold=True)  # by set look-up: hundreds of cues
_NEGATION = re.compile(r"\b(?:not|no|never|n['’]t|cannot|without|ne|pas|nicht|kein\w*)\W+"
                       r"(?:\w+\W+){0,2}$", re.I)  # fmt: skip
_FLIP = {"support": "oppose", "oppose": "support"}


@lru_cache(maxsize=1)
def _vader() -> Any:
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:  # pragma: no cover - declared dependency
        return None
    return SentimentIntensityAnalyzer()


def lexical(words: str) -> set[str]:
    """The stances the stance words in a text give, a negation turning each round."""
    found = set()
    for m in _STANCE.finditer(words):
        stance = _STANCE_OF.get(m.group().casefold())
        if stance is None:
            continue
        negated = _NEGATION.search(words, max(0, m.start() - 30), m.start())
        found.add(_FLIP[stance] if negated else stance)
    return found


def stance_of(cue: str, words: str, english: bool) -> str | None:
    """'support', 'oppose' or 'mixed' when the evidence says so, else None.

    Args:
        cue: The reporting or stance verb that ties the holder to the words.
        words: The holder's own words (a quotation, or the reported clause).
        english: Whether the sentiment lexicon (English) may be asked.
    """
    verb = _STANCE_OF.get(cue.casefold())
    if verb is not None:
        return verb
    found = lexical(words)
    if len(found) > 1:
        return "mixed"
    if found:
        return found.pop()
    analyzer = _vader() if english and len(words.split()) >= 3 else None
    if analyzer is None:
        return None
    score = analyzer.polarity_scores(words)["compound"]
    return "support" if score >= VALENCE else "oppose" if score <= -VALENCE else None


_ON_WORDS = 14
_LEAD_IN = re.compile(
    r"^[\s,]*(?:\w+ing\s+)?(?:(?:\w+\s+){0,5}?that\s+|to\s+|about\s+|on\s+|for\s+|of\s+)?",
    re.I,
)


def on_span(text: str, s: Sentence, cue: Found, quotes: list[tuple[int, int]]) -> Quote:
    """What a statement is about: the start of its quotation or of its reported clause."""
    start = s.start + cue.end()
    if quotes and quotes[0][1] <= s.start + cue.start():
        a, b = max(quotes[0][0] + 1, s.start), quotes[0][1] - 1
        words = list(re.finditer(r"\S+", text[a:b]))
        end = a + words[min(len(words), _ON_WORDS) - 1].end() if words else b
        return span(text, a, end)
    lead = _LEAD_IN.match(text[start : s.end])
    start += lead.end() if lead else 0
    m = re.search(r"[,;.?!]|$", text[start : s.end])
    end = start + (m.start() if m else 0)
    if end - start < 12 and quotes:
        start, end = quotes[0][0] + 1, quotes[0][1] - 1
    if end - start < 12:
        start, end = s.start, s.end
    words = list(re.finditer(r"\S+", text[start:end]))
    if len(words) > _ON_WORDS:
        end = start + words[_ON_WORDS - 1].end()
    q = span(text, start, end)
    tail = re.search(r"\s+(?:of|to|for|on|that|the|a|and|with|by|in)$", q.text)
    return span(text, start, end - len(tail.group())) if tail else q
