"""Collective actors written in lower case after a modifier: "the Afghan government", "Hong Kong
police", "the Trump administration", "China's commerce ministry", "Iranian security forces".

Such a phrase is an actor only on evidence: it is the subject of a verb ("the Afghan
government has ruled out ..."), a possessor, or the agent of a passive ("killed by Iranian
security forces"). Its modifier must be a place, a nationality or a name the article already
uses ("Trump"), so "the new government" or "Last year officials" are never taken.
"""

from __future__ import annotations

import re

from summarizer.brief.countries import country_alpha3, demonym_alpha3, is_city, is_subdivision
from summarizer.engines.extractive.agency import is_party, is_subject
from summarizer.engines.extractive.lexicon import STOP, table
from summarizer.engines.extractive.names import Mention
from summarizer.engines.extractive.segment import Sentence

HEADS: dict[str, str] = {
    k: v for part in table("collective_heads", "heads") for k, v in part.items()
}
_HEAD = "|".join(sorted(HEADS, key=len, reverse=True))
_ANY_HEAD = re.compile(r"\b(?:" + _HEAD + r")\b")
_PHRASE = re.compile(
    r"(?<![\w’'.-])((?:The\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}?)"
    r"\s+((?:[a-z][a-z-]+\s+){0,2}?)(" + _HEAD + r")\b(?!['’-])"
)


def _modifier(mod: str, names: frozenset[str]) -> str | None:
    """The modifier's country code ('' when it is a name the text uses), None when it is
    neither a place, a nationality nor a known name."""
    code = demonym_alpha3(mod) or country_alpha3(mod)
    if code:
        return code
    if is_city(mod) or is_subdivision(mod) or mod in names:
        return ""
    return None


def collective_mentions(
    text: str, sentences: list[Sentence], found: list[Mention]
) -> list[Mention]:
    """Collective actors with evidence, one mention each, in article order."""
    names = frozenset(w for m in found for w in (m.name, m.name.split()[-1]))
    out: list[Mention] = []
    for s in sentences:
        if _ANY_HEAD.search(text, s.start, s.end) is None:
            continue  # most sentences name no collective: skip the costlier scan
        for p in _PHRASE.finditer(text, s.start, s.end):
            start, mod, middle = p.start(1), p.group(1), p.group(2).split()
            if mod.startswith("The "):
                start, mod = start + 4, mod[4:]
            poss = mod.endswith(("'s", "’s"))
            mod = mod[:-2] if poss else mod
            if (mod.casefold() in STOP and not mod.isupper()) or any(
                w in STOP or w == "own" or w.endswith(("ed", "ly", "ing")) for w in middle
            ):
                continue
            code = _modifier(mod, names)
            if code is not None and _acts(text, start, p.end()):
                out.append(_mention(text, s, start, p.end(), HEADS[p.group(3)], code or None))
    return out


def _acts(text: str, start: int, end: int) -> bool:
    return text.startswith(("'s", "’s"), end) or is_subject(text, end) or is_party(text, start)


def _mention(text: str, s: Sentence, start: int, end: int, kind: str, code: str | None) -> Mention:
    initial = text[s.start : start].strip() in ("", "The", "the")
    poss = text.startswith(("'s", "’s"), end)
    return Mention(start, end, text[start:end], kind, code, sentence=s.index, initial=initial,
                   possessive=poss)  # fmt: skip


def merge(found: list[Mention], extra: list[Mention]) -> list[Mention]:
    """The mentions with the collective ones in, dropping any mention inside one of them."""
    if not extra:
        return found
    kept = [m for m in found if not any(e.start <= m.start and m.end <= e.end for e in extra)]
    return sorted(kept + extra, key=lambda m: m.start)
