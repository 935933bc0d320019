"""Actors: name mentions grouped into one actor each, ranked, and kept when salient.

Grouping merges a surname into the full name ("Putin" -> "Vladimir Putin"), an acronym into
its long form ("ICC" -> "International Criminal Court"), and a capital or seat of power into
its state ("Kremlin" -> "Russia") when the state is named too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from summarizer.brief.countries import (
    SEATS,
    country_alpha3,
    demonym_alpha3,
    is_city,
    is_demonym,
    is_subdivision,
)
from summarizer.brief.grounding import normalize as _normalize
from summarizer.engines.extractive.agency import ORGAN_AFTER, mark, thing_name
from summarizer.engines.extractive.cut_names import cut, passing
from summarizer.engines.extractive.given import opens_with_given
from summarizer.engines.extractive.lexicon import (
    BUSINESS_NOUNS,
    KNOWN_ORGS,
    ORG_HEADS,
    PERSON_TITLES,
    ROLES,
    TITLES,
    words,
)
from summarizer.engines.extractive.names import Mention
from summarizer.engines.extractive.nicknames import merge_nicknames
from summarizer.engines.extractive.not_actors import venue
from summarizer.engines.extractive.titles import PERSON_KINDS

MAX_ACTORS = 20
normalize = lru_cache(maxsize=16384)(_normalize)  # names are compared again and again
_ACRONYM_DEF = re.compile(r"([A-ZÀ-Þ][^()\n]{3,90}?)\s*\(([A-Z][A-Za-z]{1,9})\)")
_APPOSITIVE = re.compile(
    r"^,\s+(?:(?:the|a|an|its|his|her)\s+)?((?:[\w’'-]+\s+){0,6}?)([\w’'-]+)"
    r"(?=[,.;]|\s+(?:of|for|who|at|to|in|on|since|from)\b)"
)
# Kinds whose names later mentions shorten: a person's to the surname ("Putin"), a company's to
# its first words ("Norvale"), and single words not yet given a kind.
_SHORTENED = PERSON_KINDS | {"single", "business"}
_KIND_RANK = {"head_of_state": 0, "official": 1, "media": 2, "business": 3, "person": 4}
_ELIDED = re.compile(r"[dl]['’][A-ZÀ-Þ]")  # "d’État"
_FIRM = re.compile(
    r",\s+(?:the|a|an)\s+(?:(?!(?:for|of|at|with|in|to|on|by|from|and|or|who|that)\s)"
    r"[\w’'-]+\s+){0,4}?(?:"
    + "|".join(sorted(map(re.escape, BUSINESS_NOUNS - {"group"}), key=len, reverse=True))
    + r")(?![\w’'-])"
)
_HEAD_WORDS = frozenset(("president", "prime", "king", "queen", "chancellor"))
_NEVER = words("not_actor_names")  # "Earth", "Thanksgiving", "Sensex", "the Oscars"


@dataclass
class Cluster:
    """One actor: every mention of it, and what the mentions say about it."""

    name: str
    kind: str
    country: str | None
    mentions: list[Mention] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    title: tuple[int, int] | None = None
    headline: int = 0
    holder: bool = False
    adjectival: int = 0  # a state's demonym used as an adjective ("Colombian troops")
    agent: int = 0  # mentions that are the subject of a verb ("China has warned")
    product: int = 0  # mentions before a product noun ("the Orion spacecraft")
    attributive: bool = False  # every mention a place or a modifier ("Bay Area commuters")
    spelt: bool = False  # an acronym the text spells out ("Superintendency of Electricity (SIE)")

    @property
    def first(self) -> Mention:
        """The earliest mention."""
        return min(self.mentions, key=lambda m: m.start)

    def add(self, m: Mention) -> None:
        """Take a mention (and the title and country it carries)."""
        self.mentions.append(m)
        self.aliases.add(m.name)
        if m.title and (self.title is None or m.titled_kind != "person"):
            if self.title is None or m.start < self.title[0]:
                self.title = m.title
            if m.titled_kind and _KIND_RANK.get(m.titled_kind, 9) < _KIND_RANK.get(self.kind, 9):
                self.kind = m.titled_kind
        self.country = self.country or m.country


@lru_cache(maxsize=4096)
def _tokens(name: str) -> tuple[str, ...]:
    """A name's words, normalised, without 'of', 'the', 'and' (cached: merging asks often)."""
    return tuple(t for t in re.findall(r"\w+", normalize(name)) if t not in ("of", "the", "and"))


def _initials(name: str) -> str:
    return "".join(t[0] for t in _tokens(name)).upper()


def _key(m: Mention) -> str:
    return normalize(m.name).strip(".")


def group(mentions: list[Mention], text: str, language: str | None = None) -> list[Cluster]:
    """Group mentions into clusters, one per actor (`language`: the article's, None if unsure)."""
    clusters: dict[str, Cluster] = {}
    for m in sorted(mentions, key=lambda m: (m.kind == "single", -len(m.name), m.start)):
        key = _key(m)
        if key not in clusters:
            clusters[key] = Cluster(m.name, m.kind, m.country)
        clusters[key].add(m)
    out = list(clusters.values())
    _merge_acronyms(out, text)
    _merge_inverted(out)
    _merge_people(out, text)
    merge_nicknames(out, _absorb)
    _merge_places(out)
    for c in out:
        known = KNOWN_ORGS.get(c.name.casefold()) if " " in c.name else None
        if known is not None:  # "Islamic State", "Quai d'Orsay": the lexicon knows them
            c.kind, c.country = known[0], c.country or known[1]
        elif c.kind == "person":
            _appositive(c, text)
        if (c.kind in ("single", "other", "person") and c.title is None
                and not opens_with_given(c.name) and _firm(c, text)):  # fmt: skip
            c.kind = "business"  # "Norvale, the embattled mining company"
    _adjectives([c for c in out if c.mentions and c.kind == "state"], text)
    mark(out, text, english=language in (None, "en"))
    return [c for c in out
            if c.mentions and not _adjective_only(c, text) and not cut(c.mentions, text)]


def _adjective_only(c: Cluster, text: str) -> bool:
    """A lone capitalised adjective ("the Democratic candidate", "Islamic law"): most of its
    mentions stand before a lower-case word."""
    if c.kind != "single" or not c.name.endswith(("ic", "ical")):
        return False
    before = sum(bool(re.match(r"\s[a-z]", text[m.end : m.end + 2])) for m in c.mentions)
    return before * 2 > len(c.mentions)


def _adjectives(states: list[Cluster], text: str) -> None:
    """Count each state's demonym used as an adjective: a state named once, but called
    'Colombian' throughout, is still an actor."""
    codes = {c.country: c for c in states if c.country and c.name.casefold() not in SEATS}
    if not codes:
        return
    for found in re.finditer(r"\b[A-Z][a-zà-ÿ]+(?=\s+[a-z])", text):
        code = demonym_alpha3(w := found.group())
        if code in codes and w not in codes[code].aliases and ORGAN_AFTER.match(text, found.end()):
            codes[code].adjectival += 1  # not "Korean language": no organ, only a quality


def _absorb(into: Cluster, other: Cluster) -> None:
    for m in other.mentions:
        into.add(m)
    other.mentions = []


_PAREN_ACRONYM = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)")


def _acronym_definitions(text: str) -> dict[str, str]:
    """'Court of Arbitration for Sport (CAS)' -> {'CAS': 'Court of Arbitration for Sport'}:
    _ACRONYM_DEF tried only just before each bracketed acronym, not at every capital."""
    out, done = {}, 0
    for p in _PAREN_ACRONYM.finditer(text):
        at = p.start()
        low = max(done, at - 120)
        low = max(low, *(text.rfind(c, low, at) + 1 for c in "()\n"))
        m = _ACRONYM_DEF.search(text, low, p.end())
        if m and m.end() == p.end():
            out[m.group(2)] = m.group(1)
            done = p.end()
    return out


def _merge_acronyms(clusters: list[Cluster], text: str) -> None:
    defined = _acronym_definitions(text)
    by_key = {normalize(c.name): c for c in clusters}
    for spelt in defined.values():  # "Legal Assistance Centre (LAC)": a body the text spells
        if (named := by_key.get(normalize(spelt))) is not None:
            named.spelt = True
    for c in clusters:
        if not c.mentions or not (c.name.isupper() and 2 <= len(c.name) <= 8):
            continue
        long = defined.get(c.name)
        c.spelt = long is not None
        target = None
        for other in clusters:
            if other is c or not other.mentions or len(_tokens(other.name)) < 2:
                continue
            if (long and normalize(long).endswith(normalize(other.name))) or _initials(
                other.name
            ) == c.name.replace(".", ""):
                target = other
                break
        if target is None and c.name in ("US", "U.S.", "UK", "U.K."):
            target = by_key.get("united states" if "S" in c.name else "united kingdom")
        if target is not None:
            _absorb(target, c)
            if c.kind != "single" and target.kind in ("single", "other"):
                target.kind = c.kind


_INVERTED = re.compile(r"^(?:the\s+)?((?:[A-Z][\w’'-]*\s+){1,4})([A-Z][a-z]+)$")


def _merge_inverted(clusters: list[Cluster]) -> None:
    """A body named both ways round ("Homeland Security Department", "Department of Homeland
    Security"): one actor, under the name used more often (the earlier on a tie)."""
    by_key = {normalize(c.name): c for c in clusters if c.mentions}
    for c in clusters:
        m = _INVERTED.match(c.name)
        if not c.mentions or not m or m.group(2).casefold() not in ORG_HEADS:
            continue
        other = by_key.get(normalize(f"{m.group(2)} of {m.group(1).strip()}"))
        if other is None or other is c or not other.mentions:
            continue
        keep, drop = sorted((c, other), key=lambda x: (-len(x.mentions), x.first.start))
        _absorb(keep, drop)


def _owns(short: Cluster, long: Cluster, text: str) -> bool:
    """Whether a name's longer form is a thing the short one owns: the short form is named more
    often and once as its possessor ("Ascom’s Unite Connect" beside "Ascom Unite Connect")."""
    rest = long.name[len(short.name) :].strip()
    owned = any(text.startswith(("’s " + rest, "'s " + rest), m.end) for m in short.mentions)
    return owned and len(short.mentions) > len(long.mentions)


def _merge_people(clusters: list[Cluster], text: str) -> None:
    """A surname into its full name ("Putin"), and a name's first words into the whole name
    when only one name starts with them ("Norvale" -> "Norvale Mineração")."""
    people = [c for c in clusters if c.kind in _SHORTENED and len(_tokens(c.name)) >= 2]
    for c in clusters:
        if not c.mentions or c.kind not in _SHORTENED:
            continue
        toks = _tokens(c.name)
        if len(toks) == 1:  # the full name introduced first: "Diaz" is Maria, not Ana
            found = [o for o in people
                     if o is not c and o.mentions and toks[0] in _tokens(o.name)[1:]
                     and o.kind in PERSON_KINDS]  # "Ascom" is no surname of "Head of ... Ascom"
            other = min(found, key=lambda o: o.first.start, default=None)
            if other is not None:
                _absorb(other, c)
                other.kind = other.kind if other.kind != "single" else "person"
                continue
            if c.title is not None and c.kind in PERSON_KINDS:  # "Mr. Xi" is Xi Jinping
                found = [o for o in people if o is not c and o.mentions
                         and o.kind in PERSON_KINDS and len(_tokens(o.name)) == 2
                         and _tokens(o.name)[0] == toks[0]]  # fmt: skip
                if len(found) == 1:
                    _absorb(found[0], c)
                    continue
        prefix = normalize(c.name) + " "
        longer = [o for o in people if o is not c and o.mentions and o.title is None
                  and normalize(o.name).startswith(prefix)]  # fmt: skip
        if len(longer) == 1 and c.title is None and not c.name.isupper():
            if c.kind == "single" and _owns(c, longer[0], text):
                _absorb(c, longer[0])  # "Ascom", "Ascom’s Unite Connect": not one name
            elif sum(m.start < longer[0].first.start for m in c.mentions) < 2:
                _absorb(longer[0], c)  # not "Boeing" twice, then "Boeing Defense": a unit


def _merge_places(clusters: list[Cluster]) -> None:  # "Kremlin", "Russian" into "Russia"
    states: dict[str | None, Cluster] = {}
    for c in sorted(clusters, key=lambda c: len(c.mentions)):
        if c.kind == "state" and c.mentions and c.name.casefold() not in SEATS:
            if country_alpha3(c.name):
                states[c.country] = c
    for c in clusters:
        if not c.mentions or c.kind not in ("single", "state"):
            continue
        kind, code = KNOWN_ORGS.get(c.name.casefold(), ("", demonym_alpha3(c.name)))
        seat = code and kind in ("", "state") and not c.name.isupper()  # not "CIA", "BBC"
        target = states.get(code) if seat else None
        if target is not None and target is not c:
            _absorb(target, c)
        elif code and c.kind == "single":  # "the Kremlin" without Russia; "CIA": no state
            c.kind, c.country = kind or "state", code


def _appositive(c: Cluster, text: str) -> None:
    """Read a title after the name: 'Mira Solberg, the Estonian prime minister'."""
    for m in c.mentions:
        a = _APPOSITIVE.match(text[m.end : m.end + 80])
        if not a:
            continue
        words = (a.group(1) + a.group(2)).split()
        if words and words[-1].casefold() in TITLES:
            if c.title is None:
                c.title = (m.end + a.start(1), m.end + a.end(2))
            code = next(filter(None, map(demonym_alpha3, words)), None)
            c.country = c.country or code
            if code and _HEAD_WORDS & {w.casefold() for w in words}:
                c.kind = "head_of_state"
            elif c.kind in ("person", "single"):  # "X, a lawyer with the group": a person
                generic = (words[-1].casefold() in PERSON_TITLES or all(
                    w.casefold() in ROLES or w.casefold() in PERSON_TITLES for w in words[-2:]
                )) and not code  # "a trade professor": a professor, whatever he teaches
                c.kind = "person" if generic else "official"
            return


def _firm(c: Cluster, text: str) -> bool:
    """Whether a comma and a noun phrase headed by a business noun follow a mention: "X, the
    embattled Chinese tech company", "X, a Houston-based lender"."""
    return any(_FIRM.match(text, m.end, m.end + 90) for m in c.mentions)


def _keeps(c: Cluster) -> bool:
    if c.name.casefold() in _NEVER and c.title is None:
        return False  # a planet, a holiday, a market index, an award: never a doer
    if thing_name(c.name):
        return False  # "the Dubai Air Show", "the Cold War": an event or a programme
    if venue(c.name) and not (c.agent or c.holder or c.spelt):
        return False  # "the Corvane Bank Amphitheatre": a venue that neither acts nor speaks
    n = len(c.mentions)
    early = c.first.sentence <= 2
    if c.kind == "single":
        used = [m for m in c.mentions if not m.locative]
        mid = [m for m in used if not m.initial]
        if is_city(c.name) and (len(used) < 3 or not (c.agent or c.holder or any(
                m.possessive for m in c.mentions))):  # "the congress in Lyon": a place
            return False
        if c.name.isupper() and len(c.name) <= 6:
            if c.spelt or len(c.aliases) > 1:  # spelt out: "Agency for ... (AEX)"
                return n >= 2 or c.holder
            # "the CEO", "on TV": a common noun's short form, unless it acts or owns
            return c.agent > 0 or c.holder or any(m.possessive for m in c.mentions)
        if c.product * 2 >= n and not c.agent:
            return False  # "the Orion spacecraft", "its Starship vehicle": a thing
        if is_demonym(c.name.removesuffix("s")):
            return False  # "Americans"
        if c.agent or any(m.possessive for m in mid):
            return True  # "Nomura said", "sued by Norvale", "Norvale’s plant"
        return bool(mid) and (len(used) >= 3 or (c.holder and n >= 2))
    if c.kind in ("person", "other") and not (c.agent or c.title) and (
        c.attributive or (c.product * 2 >= n and not c.holder)  # "the Falcon Heavy rocket"
    ):
        return False  # "a Sierra Nevada town", "in Inner Mongolia": a place, not a doer
    if c.kind == "person" and not c.agent and (
        is_city(c.name) or is_subdivision(c.name) or country_alpha3(c.name)
    ):
        return False  # "a Springfield girl", "Miss Nevada": a place read as a name, never acting
    if c.kind == "person":
        return n >= 2 or c.holder or c.title is not None or c.agent > 0
    if c.kind == "state" and is_subdivision(c.name):  # "South Dakota spends": a state that
        return not is_city(c.name) and n >= 2 and (c.agent > 0 or c.holder or any(
            m.possessive for m in c.mentions))  # acts or owns, named twice or more
    if c.kind == "state":
        if _organ(c.name):
            return True
        if c.name.casefold() not in SEATS and not (
            c.agent or c.holder or c.adjectival >= 2 or sum(m.possessive for m in c.mentions) >= 2
        ):  # a place named in passing, or only to place a thing ("Dubai's carrier", "Afghan
            return False  # forces"): it neither acts nor owns things time and again
        if c.adjectival >= 2:
            return True  # "the Peruvian government said ..., Peruvian troops": its organs act
        return any(not m.locative for m in c.mentions) and (n >= 2
                                                             or c.holder or early or c.agent > 0
                                                             or c.headline > 0)  # fmt: skip
    return True


def _organ(name: str) -> bool:
    """A state organ in title case ("Ministry of Finance"): an actor even if named once."""
    words = [w for w in name.split() if w.casefold() not in ("of", "for", "the", "and", "on")]
    return (len(words) >= 2 and not country_alpha3(name)
            and all(w[0].isupper() or _ELIDED.match(w) for w in words))  # fmt: skip


def score(c: Cluster) -> float:
    """Salience: mentions, headline, holding a position, a title, an early first mention."""
    s = len(c.mentions) + 2.0 * c.headline + 3.0 * c.holder + 1.5 * (c.title is not None)
    s += 2.0 * (c.first.sentence <= 2) + 1.0 * (c.first.sentence <= 6)
    s += 0.5 * min(c.adjectival, 4)
    s += 1.0 * (c.kind == "court")  # a legal brief's courts matter even when named once
    s -= 1.5 * (c.kind == "single") + 1.0 * all(m.locative for m in c.mentions)
    return s


def select(clusters: list[Cluster], text: str, language: str | None = None) -> list[Cluster]:
    """The salient actors, best first, at most MAX_ACTORS (a passing mention is left out only
    in English, where what a name does is read)."""
    english = language in (None, "en")
    kept = [c for c in clusters if c.mentions and _keeps(c) and not (english and passing(c, text))]
    kept.sort(key=lambda c: (-score(c), c.first.start))
    return kept[:MAX_ACTORS]

