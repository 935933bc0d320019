"""German separable speech verbs: "Die Polizei teilte am Montag mit, ...", "X wies das zurück".

The finite verb ("teilte", "wies") is a cue only when its particle ("mit", "zurück") closes
the clause; some particles give the stance ("zurück", "ab": oppose; "an": support, as one
who announces something stands by it). Data: `lang/de/separable.json`.
"""

from __future__ import annotations

import re

from summarizer.engines.extractive.lexicon import one

_TABLE = one("de", "separable")
_VERBS: dict[str, list[str]] = _TABLE.get("verbs", {})
_STANCE: dict[str, str] = _TABLE.get("stance", {})
_CLAUSE_END = re.compile(r"[,.;:!?\"“”„«»–()]|$")


def particle(text: str, after: int, verb: str) -> str | None:
    """The particle that closes the clause of a separable verb ending at `after`: "" when the
    verb is separable and no particle of its closes the clause (no cue), None when it is not
    a separable verb."""
    wanted = _VERBS.get(verb.casefold())
    if wanted is None:
        return None
    end = _CLAUSE_END.search(text, after)
    clause = text[after : end.start() if end else len(text)].split()
    return clause[-1] if clause and clause[-1] in wanted else ""


def particle_stance(found: str | None) -> str | None:
    """The stance a closing particle gives ("zurück": oppose), if any."""
    return _STANCE.get(found) if found else None
