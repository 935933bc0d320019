"""Turn inputs (files, stdin, HTML, URLs, folders) into `Article`s.

Placeholder: plain UTF-8 text files and stdin only. Replaced by the full ingestion layer.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .article import Article
from .errors import InputError

DEFAULT_MAX_BYTES = 5_000_000


def expand_inputs(inputs: list[str]) -> list[str]:
    """Expand folders and globs into a stable, ordered list of input references."""
    return list(inputs)


def load_article(ref: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read one input into an Article; raise InputError with a one-line reason."""
    try:
        data = sys.stdin.buffer.read() if ref == "-" else Path(ref).read_bytes()
    except OSError as exc:
        raise InputError(f"{ref}: cannot read: {exc.strerror or exc}") from None
    text = data.decode("utf-8", errors="replace").strip()
    if not text:
        raise InputError(f"{ref}: empty input")
    return Article(text=text, origin=ref)
