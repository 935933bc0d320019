"""Word lists for the extractive engine, read from data files: one folder per language.

`lang/<code>/` holds a language's resources (stop words, titles, organisation heads, speech
verbs, stance cues, months, weekdays, ...) as `.txt` word lists (one entry a line, `#` starts
a comment) or small `.json` tables. The engine reads the union over every language folder, so
an English article that quotes a French minister still finds "la ministre"; a new language
is a new folder, not a code edit. `data/` holds lexicons that belong to no language (bare
organisation names and acronyms, instruments known by their acronym).

Every set is lower-case; the engine compares folded tokens against them.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

_ROOT = files("summarizer.engines.extractive")


@lru_cache(maxsize=1)
def languages() -> tuple[str, ...]:
    """The language folders present: the languages the offline engine supports."""
    folder = _ROOT / "lang"
    return tuple(sorted(p.name for p in folder.iterdir() if p.is_dir() and len(p.name) == 2))


def _files(name: str) -> list[Traversable]:
    out = []
    for code in languages():
        path = _ROOT / "lang" / code / name
        if path.is_file():
            out.append(path)
    return out


def _lines(path: Traversable) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [s for line in text.splitlines() if (s := line.split("#", 1)[0].strip())]


def words(name: str) -> frozenset[str]:
    """The union over languages of `lang/*/<name>.txt`."""
    return frozenset(w for path in _files(f"{name}.txt") for w in _lines(path))


def ordered(name: str, code: str) -> tuple[str, ...]:
    """One language's list in file order (months, weekdays)."""
    path = _ROOT / "lang" / code / f"{name}.txt"
    return tuple(_lines(path)) if path.is_file() else ()


def table(name: str, key: str) -> list[Any]:
    """The `key` entries of every language's `lang/*/<name>.json`, in language order."""
    return [json.loads(path.read_text(encoding="utf-8"))[key] for path in _files(f"{name}.json")]


def one(code: str, name: str) -> dict[str, Any]:
    """One language's table `lang/<code>/<name>.json` (empty when the file is absent)."""
    path = _ROOT / "lang" / code / f"{name}.json"
    return dict(json.loads(path.read_text(encoding="utf-8"))) if path.is_file() else {}


def shared(name: str, key: str) -> Any:
    """A language-independent table from `data/<name>.json`."""
    return json.loads((_ROOT / "data" / f"{name}.json").read_text(encoding="utf-8"))[key]


def shared_words(name: str) -> frozenset[str]:
    """A language-independent word list from `data/<name>.txt` (one a line, `#` comments)."""
    return frozenset(_lines(_ROOT / "data" / f"{name}.txt"))


def _merged(name: str, key: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for part in table(name, key):
        out.update(part)
    return out


def _merged_lists(name: str, key: str) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for part in table(name, key):
        for k, values in part.items():
            out.setdefault(k, []).extend(values)
    return {k: tuple(v) for k, v in out.items()}


WEEKDAYS = ordered("weekdays", "en")
MONTHS = ordered("months", "en")
# Month name (any language) or English abbreviation -> month number.
MONTH_NUMBER: dict[str, int] = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
for _code in languages():
    MONTH_NUMBER.update({m: i + 1 for i, m in enumerate(ordered("months", _code))})
MONTH_ABBR = {k: v for k, v in MONTH_NUMBER.items() if len(k) <= 4 and k in
              {m[:3] for m in MONTHS} | {"sept"}}  # fmt: skip
ALL_MONTHS = frozenset(MONTH_NUMBER)
ALL_WEEKDAYS = frozenset(d for code in languages() for d in ordered("weekdays", code))
# Weekday (any language) -> 0 for Monday ... 6 for Sunday.
WEEKDAY_NUMBER = {d: i for code in languages() for i, d in enumerate(ordered("weekdays", code))}

# Abbreviated titles before a name ("Sen."), and every abbreviation after which a full stop
# ends no sentence (those titles, "Jan.", "Inc.", "Calif.", ...).
TITLE_ABBREVIATIONS = words("title_abbreviations")
ABBREVIATIONS = TITLE_ABBREVIATIONS | words("abbreviations")
# Adjective endings per language ("nationale", "jurídica"), for the Romance languages that
# put adjectives after an organisation's head noun.
ADJECTIVE_ENDINGS: dict[str, tuple[str, ...]] = {
    code: found for code in languages() if (found := ordered("adjective_endings", code))
}


def adjective(code: str | None = None) -> re.Pattern[str]:
    """A word ending as one language's adjectives do (any language's, without a code)."""
    ends = ADJECTIVE_ENDINGS.get(code or "") or {e for v in ADJECTIVE_ENDINGS.values() for e in v}
    return re.compile("(?:" + "|".join(sorted(ends, key=len, reverse=True)) + ")$")


# Words that are never names on their own: function words, sentence openers, time words.
# Other languages' month names stay out: they are given names elsewhere ("Julio", "Mayo").
STOP = words("stop") | frozenset(WEEKDAYS) | frozenset(MONTHS) | frozenset(MONTH_ABBR)

HEAD_OF_STATE_TITLES = words("titles_head_of_state")
OFFICIAL_TITLES = words("titles_official")
PERSON_TITLES = words("titles_person")
MEDIA_TITLES = words("titles_media")
ROLES = words("roles")
BUSINESS_TITLES = words("titles_business")
BUSINESS_NOUNS = words("business_nouns")
FACILITIES = words("facilities")
# Heads of event, programme and product names; nouns a product name modifies; verbs after a
# subject.
THING_HEADS = words("thing_heads")
PRODUCT_NOUNS = words("product_nouns")
AGENT_VERBS = words("agent_verbs")
POSTNOMINALS = frozenset("SC QC KC Jr Jr. Sr Sr. MP MEP MSP MLA MPP OBE CBE KBE PhD".split())
NOT_ACTORS = tuple(sorted(words("not_actors")))
CURRENCIES = words("currencies")
TITLES = (HEAD_OF_STATE_TITLES | OFFICIAL_TITLES | PERSON_TITLES | MEDIA_TITLES
          | BUSINESS_TITLES)  # fmt: skip

# Heads that end (or, in Romance languages, begin) an organisation's name, with its kind.
ORG_HEADS: dict[str, str] = _merged("org_heads", "heads")
ORG_LEADS: dict[str, str] = _merged("org_leads", "leads")

# Bare names and acronyms the engine knows without context: (kind, alpha-3 or None).
KNOWN_ORGS: dict[str, tuple[str, str | None]] = {
    k: (v[0], v[1]) for k, v in shared("known_orgs", "orgs").items()
}
PLACE_HEADS = words("place_heads")
IMPERATIVES = words("imperatives")

# Reporting verbs and cue phrases that attribute a statement to a holder.
SPEECH_CUES = tuple(sorted(words("speech_verbs")))
FORWARD_CUES = words("forward_cues")
STANCE_CUES: dict[str, str] = {
    w: stance for part in table("stance", "oppose") for w in part for stance in ("oppose",)
} | {w: "support" for part in table("stance", "support") for w in part}
REQUEST_CUES = tuple(sorted(words("request_cues")))

# PLOVER-style event cues (category -> cue stems matched at word starts), outcome cues.
EVENT_CUES: dict[str, tuple[str, ...]] = _merged_lists("event_cues", "cues")
OUTCOME_CUES: dict[str, tuple[str, ...]] = _merged_lists("outcome_cues", "cues")

# Instruments best known by their acronym, and their kind.
INSTRUMENT_ACRONYMS: dict[str, str] = shared("instrument_acronyms", "acronyms")
LEGAL_HEADS = words("legal_heads") | frozenset(a.casefold() for a in INSTRUMENT_ACRONYMS)

# Regions: places, never actors.
REGIONS = words("regions")
