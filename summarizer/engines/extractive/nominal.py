"""The actor a common-noun phrase before or after a speech cue names ("the company said",
"said the ministry"): the latest actor named before it whose name holds the noun, or whose
kind the noun can stand for (lang/<code>/nominal_heads.json)."""

from __future__ import annotations

import re

from summarizer.brief.countries import country_alpha3, demonym_alpha3
from summarizer.engines.extractive.actors import Cluster
from summarizer.engines.extractive.reporting import NOMINAL, NOMINAL_KIND


def nominal_actor(window: str, at: int, clusters: list[Cluster], *, forward: bool,
                  quotes: list[tuple[int, int]]) -> Cluster | None:  # fmt: skip
    """The actor a phrase like "the company" names, when it stands right before the cue
    (or right after it, `forward`): the latest such actor named outside quotation marks
    before `at`."""
    found = list(NOMINAL.finditer(window))
    if not found:
        return None
    hit = found[0] if forward else found[-1]
    if (window[: hit.start()].strip() if forward
            else not re.fullmatch(r"\s*(?:[\w-]+\s+){0,2}", window[hit.end() :])):
        return None  # the phrase is not the cue's subject or its inverted speaker
    noun = hit.group(1).casefold()
    kinds = NOMINAL_KIND.get(noun, ())
    adjective = re.search(r"(\w+)\s+\w+$", window[: hit.end()])
    code = demonym_alpha3(adjective.group(1)) if adjective else None
    before = [(max((m.start for m in c.mentions if m.start < at
                    and not any(a <= m.start < b for a, b in quotes)), default=-1), c)
              for c in clusters]  # fmt: skip
    recent = [c for pos, c in sorted(before, key=lambda t: -t[0]) if pos >= 0]
    for test in (lambda c: noun in c.name.casefold(),  # a country is no "commission"
                 lambda c: c.kind in kinds and not country_alpha3(c.name)):
        for c in recent:
            if test(c) and (not code or c.country == code):
                return c
    return None
