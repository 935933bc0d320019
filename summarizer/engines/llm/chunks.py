"""Long articles: does a request fit the context window, and if not, where to split.

Token counts are estimated from characters (no tokenizer ships for local models, and
OpenAI's needs a download): `DEFAULT_CHARS_PER_TOKEN` is deliberately low, so estimates
err on the safe side; a `context_length_exceeded` that says how many tokens the messages
were replaces it with the server's own ratio (kept in the endpoint memory).

An article that does not fit is split at paragraph boundaries (blank lines, else line
breaks, else sentences for a single huge paragraph) into chunks that each fit with the
prompt and a smaller answer budget; each chunk repeats the previous chunk's last paragraph
when it is short enough, so a statement that spans a boundary is seen whole once.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

DEFAULT_CHARS_PER_TOKEN = 3.0
SAFETY_TOKENS = 64  # chat-template tokens the estimate cannot see
MIN_CHUNK_TOKENS = 300
MIN_ANSWER_TOKENS = 600
OVERLAP = 0.15  # at most this share of a chunk repeats the previous one's end
_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")
_LINE = re.compile(r"\n\s*")
_SENTENCE = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]?\s+")


@dataclass(frozen=True)
class Plan:
    """How to brief an article: whole, or in chunks (character spans) with a smaller budget."""

    spans: list[tuple[int, int]]
    answer_tokens: int

    @property
    def chunked(self) -> bool:
        """Whether the article is briefed in more than one part."""
        return len(self.spans) > 1


def tokens(chars: int, chars_per_token: float | None) -> int:
    """Estimated tokens of `chars` characters."""
    return math.ceil(chars / (chars_per_token or DEFAULT_CHARS_PER_TOKEN))


def plan(
    text: str, overhead_chars: int, window: int | None, answer_tokens: int,
    chars_per_token: float | None, reserve: int = 0,
) -> Plan:  # fmt: skip
    """Whole when prompt + article + answer fit the window (or no window is known), else chunks.

    Args:
        text: The article text.
        overhead_chars: Size of the request without the article (prompt, schema, tools).
        window: The context window in tokens, or None when unknown.
        answer_tokens: The answer budget for a whole-article brief.
        chars_per_token: The endpoint's measured ratio, or None for the cautious default.
        reserve: Completion tokens beyond the answer (reasoning headroom).
    """
    whole = [(0, len(text))]
    if not window:
        return Plan(whole, answer_tokens)
    overhead = tokens(overhead_chars, chars_per_token) + SAFETY_TOKENS
    article = tokens(len(text), chars_per_token)
    if overhead + article + answer_tokens + reserve <= window:
        return Plan(whole, answer_tokens)
    room = window - overhead - reserve
    # A chunk's brief is smaller (fewer actors asked for); split the room between the
    # chunk's text and its answer, but never give the answer less than it needs.
    answer = min(answer_tokens, max(MIN_ANSWER_TOKENS, room // 2))
    chunk_tokens = room - answer
    if chunk_tokens < MIN_CHUNK_TOKENS:
        raise ValueError(
            f"the prompt alone (~{overhead} tokens) and a {answer}-token answer leave no room "
            f"for the article in a {window}-token context window"
        )
    size = int(chunk_tokens * (chars_per_token or DEFAULT_CHARS_PER_TOKEN))
    return Plan(split(text, size), answer)


def _pieces(text: str, start: int, end: int, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """Spans of `text[start:end]` between matches of `pattern` (whitespace trimmed)."""
    spans, cursor = [], start
    for m in pattern.finditer(text, start, end):
        if text[cursor : m.start()].strip():
            spans.append((cursor, m.start()))
        cursor = m.end()
    if text[cursor:end].strip():
        spans.append((cursor, end))
    return spans


def units(text: str, size: int) -> list[tuple[int, int]]:
    """Paragraph spans, with any paragraph longer than `size` cut at lines, then sentences."""
    out: list[tuple[int, int]] = []
    for para in _pieces(text, 0, len(text), _PARAGRAPH):
        for line in [para] if para[1] - para[0] <= size else _pieces(text, *para, _LINE):
            if line[1] - line[0] <= size:
                out.append(line)
                continue
            for s in _pieces(text, *line, _SENTENCE):
                while s[1] - s[0] > size:  # one endless "sentence": cut at a space
                    cut = text.rfind(" ", s[0], s[0] + size)
                    cut = cut if cut > s[0] else s[0] + size
                    out.append((s[0], cut))
                    s = (cut, s[1])
                out.append(s)
    return out


def split(text: str, size: int) -> list[tuple[int, int]]:
    """Chunks of at most ~`size` characters at paragraph boundaries, overlapping a little."""
    parts = units(text, size)
    chunks: list[tuple[int, int]] = []
    i = 0
    while i < len(parts):
        start, j = parts[i][0], i
        while j + 1 < len(parts) and parts[j + 1][1] - start <= size:
            j += 1
        chunks.append((start, parts[j][1]))
        if j + 1 >= len(parts):
            break
        last = parts[j]
        # Repeat the last paragraph in the next chunk when it is short and not the whole chunk.
        fits = parts[j + 1][1] - last[0] <= size
        overlap = j > i and fits and last[1] - last[0] <= size * OVERLAP
        i = j if overlap else j + 1
    return chunks
