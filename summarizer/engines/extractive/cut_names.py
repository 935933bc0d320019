"""Names the scanner cut out of a longer name: an actor is the whole name, never a piece of it.

A run of capitalised words that "for" ties to a capitalised word before it ("Just Economy" in
"the Centre for a Just Economy"), or that "to" ties to one after it ("Care of Birds" in "the
Society for the Care of Birds to Young Owners"), is a piece of a longer name: alone it names
no one. ("of" is not read so: "Ana Ruiz of the Daily Courier" names two actors.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.engines.extractive.names import Mention

_CUT_BEFORE = re.compile(r"[A-Z][\w’'-]+\s+for\s+(?:(?:the|a|an)\s+)?$")
_CUT_AFTER = re.compile(r"\s+to\s+(?:the\s+)?[A-Z]")


def cut(mentions: Sequence[Mention], text: str) -> bool:
    """Whether every mention of a name of two or more words is a piece of a longer name."""
    return all(
        " " in m.name and (_CUT_BEFORE.search(text, max(0, m.start - 40), m.start) is not None
                           or _CUT_AFTER.match(text, m.end) is not None)
        for m in mentions
    )
