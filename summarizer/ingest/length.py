"""The shortest text accepted as an article: `MIN_WORDS` words.

A nav menu ("Home News Sport About us"), a label or a one-word file is not an article,
and briefing it would only dress the text up as a title and a BLUF; such inputs are bad
input (exit 4). 25 words is about two sentences: the shortest real news items (wire
flashes, briefs) run to 40 words and more, while menus, cookie banners and page footers
that survive extraction stay well under it. Scripts written without spaces (Chinese,
Japanese, Thai...) count each character as a word, so a short paragraph in them passes
as an English one does.
"""

from __future__ import annotations

import re
from itertools import islice

from summarizer.errors import InputError

MIN_WORDS = 25
# Thai, Lao, Myanmar, Khmer, kana, CJK ideographs: written without spaces between words.
_UNSPACED = (r"\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf"
             r"\u4e00-\u9fff\uf900-\ufaff")  # fmt: skip
# One character of an unspaced script, or a run of other letters and digits.
_LETTER = rf"(?:(?![{_UNSPACED}])[^\W_])"
_WORD = re.compile(rf"[{_UNSPACED}]|{_LETTER}+(?:['’]{_LETTER}+)*")


def count_words(text: str) -> int:
    """Words in `text` (each character of an unspaced script counts as one)."""
    return len(_WORD.findall(text))


def require_article(text: str, ref: str, what: str = "too short to be an article") -> str:
    """`text` unchanged when it is long enough to be an article.

    Raises:
        InputError: Fewer than `MIN_WORDS` words; the message gives the count and the minimum.
    """
    if next(islice(_WORD.finditer(text), MIN_WORDS - 1, None), None) is not None:
        return text  # the MIN_WORDS-th word is there: no need to count the rest
    words = count_words(text)
    if words < MIN_WORDS:
        noun = "word" if words == 1 else "words"
        raise InputError(f"{ref}: {what} ({words} {noun}; an article has at least {MIN_WORDS})")
    return text
