"""Wording shared by the commands' messages."""

from __future__ import annotations


def count(n: int, noun: str) -> str:
    """'1 brief', '2 briefs': a number with its noun in the right number."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
