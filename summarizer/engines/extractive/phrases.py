"""Finding any of a few hundred words or phrases in a text by set look-up.

A regular expression with hundreds of alternatives tries each one at every position; this
looks each word up once and checks the phrases that start with it. Matches behave like
`re.Match` objects for the parts the engine uses (`group`, `start`, `end`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@dataclass(frozen=True, slots=True)
class Found:
    """One phrase found: its text and offsets (relative to the text searched)."""

    text: str
    begin: int
    stop: int

    def group(self, _index: int = 0) -> str:
        """The phrase as written (every group is the whole phrase)."""
        return self.text

    def start(self, _index: int = 0) -> int:
        """Where it starts."""
        return self.begin

    def end(self, _index: int = 0) -> int:
        """Where it ends."""
        return self.stop


class Phrases:
    """A set of words and phrases, matched at word boundaries (case-sensitive unless `fold`)."""

    def __init__(self, phrases: Iterable[str], fold: bool = False) -> None:
        self.fold = fold
        self.first: dict[str, list[str]] = {}
        for phrase in sorted(set(phrases), key=len, reverse=True):
            key = _WORD.match(phrase)
            if key is None:
                continue
            word = key.group().casefold() if fold else key.group()
            self.first.setdefault(word, []).append(phrase.casefold() if fold else phrase)

    def finditer(self, text: str) -> Iterator[Found]:
        """Non-overlapping phrases in text order, the longest at each place."""
        words, folded, starts = _tokenised(text)
        seq, first = folded if self.fold else words, self.first
        if first.keys().isdisjoint(seq):
            return  # no phrase's first word here: one set test instead of a loop per word
        pos = 0
        for i in [i for i, word in enumerate(seq) if word in first]:  # only where one starts
            start = starts[i]
            if start < pos:
                continue
            for phrase in first[seq[i]]:
                end = start + len(phrase)
                same = text[start:end]
                if self.fold:
                    same = same.casefold()
                if same == phrase and not (end < len(text) and (text[end].isalnum()
                                                                or text[end] == "_")):  # fmt: skip
                    yield Found(text[start:end], start, end)
                    pos = end
                    break


def words(text: str) -> tuple[str, ...]:
    """A text's words (letters and digits, inner apostrophes kept), cached per text."""
    return _tokenised(text)[0]


@lru_cache(maxsize=512)
def _tokenised(text: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[int, ...]]:
    """A text's words, folded words and word starts (one pass, shared by every phrase set
    that searches the same sentence)."""
    found = list(_WORD.finditer(text))  # one pass: the words and their starts
    words = tuple(map(re.Match.group, found))
    return words, tuple(map(str.casefold, words)), tuple(map(re.Match.start, found))


def caseless_safe(text: str) -> bool:
    """Whether a case-insensitive match in `text` is a substring of `text.lower()`: true
    when every non-ASCII character has no other case (quotes, dashes), not for "é"."""
    return all(c.lower() == c == c.upper() for c in set(_NON_ASCII.findall(text)))


def may_match(text: str, words: tuple[str, ...] | None) -> bool:
    """False when a case-insensitive regex of ASCII words cannot match: the text, whose
    non-ASCII characters have no other case, holds none of `words` (lower case; a word each
    match contains). None: no quick test for that regex."""
    if words is None or not (text.isascii() or caseless_safe(text)):
        return True
    lower = text.lower()
    return any(w in lower for w in words)
