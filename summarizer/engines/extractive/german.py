"""Minimal German: names and instruments in a language that capitalises every noun.

A capitalised word says little in German ("Streik", "Millionen Euro"), so only names that
something vouches for become mentions: a person after a title ("Vorsitzende Richterin Eva
Lang", "Wirtschaftsminister Jan Brandt"), a company with its legal form ("Nordstahl AG"), an
acronym ("IG BCE", "DGB"), or an institution by its head noun ("Arbeitsgericht Kassel",
"Bundesministerium der Finanzen"). Instruments are compounds on a legal head ("Kohleausstiegs-
gesetz", "Manteltarifvertrag") or a head with a lower-case adjective ("einstweilige Verfügung").
"""

from __future__ import annotations

import re

from summarizer.brief.countries import country_alpha3
from summarizer.engines.extractive.german_people import people, short_forms, short_mentions
from summarizer.engines.extractive.lexicon import KNOWN_ORGS, one, ordered
from summarizer.engines.extractive.names import Mention
from summarizer.engines.extractive.segment import Sentence

_NAMES = one("de", "names")  # lang/de/names.json
_TITLE_ENDS = tuple(_NAMES.get("title_ends", ()))
_HEAD_OF_STATE = tuple(_NAMES.get("head_of_state", ()))
_TITLE_KINDS: dict[str, str] = _NAMES.get("title_kinds", {})  # "-manager": business
# Institution heads (as the end of a compound) and their kind.
_ORG_ENDS: dict[str, str] = _NAMES.get("org_ends", {})
# Bare institution words that need a name after them ("Gewerkschaft IG BCE", not "Gewerkschaft").
_NEEDS_NAME = frozenset(_NAMES.get("needs_name", ()))
_FORMS = frozenset(_NAMES.get("forms", ()))
_WHOLE = frozenset(_NAMES.get("whole", ()))  # "Bundestag", "Stadtrat": an institution alone
_ADJ_ENDS = tuple(_NAMES.get("adjective_ends", ()))  # "Deutscher", "Europäische"
_WORD = re.compile(r"[A-ZÄÖÜ][\wÄÖÜäöüß]*(?:-[A-ZÄÖÜ][\wäöüß]*)*|[a-zäöüß][\wäöüß-]*")
_ARTICLES = frozenset(
    """der die das den dem des ein eine einen einem einer eines wegen gegen unter über oder
    aber hinter neben zwischen seine seinen seiner ihre ihren ihrer diese diesen dieser dieses
    jede jeden jeder jedes keine keinen keiner werden worden haben unsere unseren""".split()
)
_NAME = r"[A-ZÄÖÜ][a-zäöüßéè]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?"
_ACRONYM = re.compile(r"\b(?:IG\s+)?[A-ZÄÖÜ]{2,8}\b(?![-‐])")  # not "TV-Sender"
_FIRMS = frozenset(_NAMES.get("business_acronyms", ()))  # "BASF"
_MEDIA = frozenset(_NAMES.get("media", ()))  # "ZDF", "SPIEGEL"
_NOT_ACRONYMS = frozenset(_NAMES.get("not_acronyms", ()))
_PARTIES = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, _NAMES.get("parties", ())))
                      + r")(?![\w-])")  # fmt: skip
_STOP = _ARTICLES | frozenset(ordered("stop", "de"))
_PARTICLES = frozenset(_NAMES.get("particles", ()))  # "von", "di"


def common_nouns(text: str) -> frozenset[str]:
    """Capitalised words that follow an article somewhere in the text: nouns, not names."""
    words = re.findall(r"\b(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines)\s+"
                       r"([A-ZÄÖÜ][\wäöüß-]*)", text, re.I)  # fmt: skip
    return frozenset(words)


def _mention(s: Sentence, a: int, b: int, kind: str, title: tuple[int, int] | None = None,
             titled: str | None = None) -> Mention:  # fmt: skip
    return Mention(s.start + a, s.start + b, s.text[a:b], kind, None, sentence=s.index,
                   title=title, titled_kind=titled)  # fmt: skip


def _is_title(word: str) -> bool:
    return word.casefold().endswith(_TITLE_ENDS)


def _titled(s: Sentence, nouns: frozenset[str]) -> list[Mention]:
    out = []
    words = list(re.finditer(r"[\wÄÖÜäöüßéè-]+", s.text))
    for i, w in enumerate(words):
        if not _is_title(w.group()) or not w.group()[0].isupper():
            continue
        names: list[re.Match[str]] = []
        last = w.end()
        for n in words[i + 1 : i + 5]:
            if s.text[last : n.start()] != " ":
                break
            last = n.end()
            if names and n.group() in _PARTICLES:
                continue  # "Pietro di Salvatore"
            if not re.fullmatch(_NAME, n.group()) or n.group() in nouns:
                break
            if _is_title(n.group()):
                break
            names.append(n)
        if not names or len(names) == 1 and (names[0].group() in nouns or not re.match(
                r"\s*(?:[^\w\s]|$|[a-zäöüß])", s.text[names[0].end() :])):  # fmt: skip
            continue  # one name: "Bundesminister Haller sagte", not "Minister Haller Bank"
        t0 = w.start()
        if i and _is_title(words[i - 1].group()) and words[i - 1].group()[0].isupper():
            t0 = words[i - 1].start()  # "Vorsitzende Richterin"
        fold = w.group().casefold()
        kind = "head_of_state" if fold in _HEAD_OF_STATE else next(
            (k for end, k in _TITLE_KINDS.items() if fold.endswith(end)), "official")
        head = w.group().rsplit("-", 1)
        if len(head) == 2 and head[1] in ("Chef", "Chefin") and not _PARTIES.fullmatch(head[0]) \
                and head[0].casefold() not in KNOWN_ORGS:  # fmt: skip
            kind = "business"  # "Kaldo-Chef", not "SPD-Chef" or "UN-Chef"
        out.append(_mention(s, names[0].start(), names[-1].end(), "person",
                            (s.start + t0, s.start + w.end()), kind))  # fmt: skip
    return out


def _orgs(s: Sentence, nouns: frozenset[str]) -> list[Mention]:
    out = []
    toks = list(_WORD.finditer(s.text))
    for i, m in enumerate(toks):
        word = m.group()
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt and nxt.group() in _FORMS and word[0].isupper() and word not in _FORMS:
            out.append(_mention(s, m.start(), nxt.end(), "business"))
            continue
        fold = word.casefold()
        end = next((e for e in _ORG_ENDS if fold.endswith(e)), None)
        if not end or not word[0].isupper():
            continue
        a, b = m.start(), m.end()
        prev = toks[i - 1] if i else None
        if prev and prev.group()[0].isupper() and prev.group().endswith(_ADJ_ENDS) \
                and prev.group().casefold() not in _ARTICLES \
                and (prev.group() not in nouns or prev.group().endswith(_ADJ_ENDS[3:])) \
                and s.text[prev.end() : a] == " ":  # fmt: skip
            a = prev.start()  # "Deutscher Gewerkschaftsbund"
        named = nxt and nxt.group()[0].isupper() and nxt.group() not in nouns
        if named and nxt and s.text[b : nxt.start()] == " " and not _ACRONYM.fullmatch(nxt.group()):
            b = nxt.end()  # "Arbeitsgericht Kassel"
        elif a == m.start() and (fold in _NEEDS_NAME
                                 or fold == end != "gericht" and fold not in _WHOLE):
            continue
        out.append(_mention(s, a, b, _ORG_ENDS[end]))
    for m in _PARTIES.finditer(s.text):
        out.append(_mention(s, m.start(), m.end(), "civil_society"))
    for m in _ACRONYM.finditer(s.text):
        word = m.group()
        if word in _NOT_ACRONYMS or country_alpha3(word):
            continue  # "TV", "USA": no actor of its own
        known = KNOWN_ORGS.get(word.casefold())
        kind = known[0] if known else "media" if word in _MEDIA else (
            "business" if word in _FIRMS else "civil_society")
        out.append(_mention(s, m.start(), m.end(), kind))
    return out


def german_mentions(s: Sentence, nouns: frozenset[str],
                    short: dict[str, str] | None = None) -> list[Mention]:  # fmt: skip
    """Vouched-for names in one German sentence, without overlaps, in text order (`short`:
    the surnames and company names introduced in the article, with their kind)."""
    more = [_mention(s, a, b, kind) for a, b, kind in people(s, nouns, _STOP)]
    more += [_mention(s, a, b, kind) for a, b, kind in short_mentions(s, short or {})]
    found = sorted(_titled(s, nouns) + _orgs(s, nouns) + more, key=lambda m: (m.start, -m.end))
    out: list[Mention] = []
    for m in found:
        if not any(o.start <= m.start < o.end or m.start <= o.start < m.end for o in out):
            out.append(m)
    return out


class GermanScanner:
    """German mentions sentence by sentence, knowing the article's introduced names."""

    def __init__(self, text: str, sentences: list[Sentence]) -> None:
        self.nouns = common_nouns(text)
        found = [(m.name, m.kind) for s in sentences for m in german_mentions(s, self.nouns)]
        self.short = short_forms(found)

    def scan(self, s: Sentence) -> list[Mention]:
        """The sentence's mentions, short names included."""
        return german_mentions(s, self.nouns, self.short)


_LEGAL_ENDS: dict[str, str] = one("de", "instruments").get("ends", {})
_LEGAL_WHOLE = frozenset(one("de", "instruments").get("whole", ()))  # "der Bebauungsplan"
_LEGAL = re.compile(r"\b(?:([a-zäöüß]+(?:e|er|en|em|es))\s+)?"
                    r"([A-ZÄÖÜ][a-zäöüß]*(?:-[A-ZÄÖÜ][a-zäöüß]*)*)\b(?!-)")  # "Brenn-Urteil"


def german_instruments(s: Sentence) -> list[tuple[int, int, str]]:
    """Compounds on a legal head, or a bare head with a lower-case adjective."""
    out = []
    for m in _LEGAL.finditer(s.text):
        word = m.group(2).casefold()
        end = next((e for e in _LEGAL_ENDS if word.endswith(e)), None)
        if end is None:
            continue
        adjective = m.group(1) and m.group(1) not in _ARTICLES
        if word == end and not adjective and word not in _LEGAL_WHOLE:
            continue  # "ein Gesetz", "das Urteil": too vague alone
        start = m.start(1) if adjective else m.start(2)
        out.append((s.start + start, s.start + m.end(), _LEGAL_ENDS[end]))
    return out
