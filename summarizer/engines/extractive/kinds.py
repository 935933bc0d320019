"""The kind of an actor the text gives no head noun or title for: a known organisation, a
company (business words near it, an officer of it named, a comma and a business noun after
it), a sports club, or the person or other body its mentions make it."""

from __future__ import annotations

import re
from typing import Protocol

from summarizer.brief.countries import country_alpha3, demonym_alpha3, is_city, is_subdivision
from summarizer.engines.extractive.given import opens_with_given
from summarizer.engines.extractive.lexicon import (
    BUSINESS_NOUNS,
    BUSINESS_TITLES,
    KNOWN_ORGS,
    ORG_HEADS,
    ROLES,
    TITLES,
    words,
)
from summarizer.engines.extractive.names import Mention


class Actor(Protocol):
    """What `final_kind` reads of an actor cluster (actors.Cluster)."""

    name: str
    kind: str
    aliases: set[str]
    mentions: list[Mention]
    title: tuple[int, int] | None


_PERSONAL = re.compile(r"\b(?:he|she|his|her|him)\b", re.I)
_BUSINESS = re.compile(
    r"\b(?:compan(?:y|ies)|firms?|shareholders?|corporations?|startups?|"
    r"acquisitions?|chief executive|ceo|brand|products?|shares|stock|investors?|revenues?|"
    r"profits?|sales|customers|valuation|ipo|listing|airline|carrier|retailer|manufacturer)\b",
    re.I,
)


def _placed_known(name: str) -> tuple[str, str | None] | None:
    """A known organisation named with its place or nationality ("Afghan Taliban")."""
    words = name.split()
    known = KNOWN_ORGS.get(words[-1].casefold()) if len(words) > 1 else None
    if known is None or not all(demonym_alpha3(w) or country_alpha3(w) for w in words[:-1]):
        return None
    return known


_TEAM = re.compile(r"\b(?:" + "|".join(sorted(words("team_cues"), key=len, reverse=True))
                   + r")\b", re.I)


def _team(c: Actor, text: str) -> bool:
    """A club or team: two sports words near its mentions, and no place's or country's name."""
    if country_alpha3(c.name) or is_city(c.name) or is_subdivision(c.name):
        return False
    near = " ".join(text[max(0, m.start - 80) : m.end + 80] for m in c.mentions[:6])
    return len(_TEAM.findall(near)) >= 2


_OFFICE = "|".join(sorted(map(re.escape, BUSINESS_TITLES | {"chief executive"}), key=len,
                          reverse=True))
_OFFICER_AFTER = re.compile(rf"(?:['’]s)?\s+(?:{_OFFICE})\b", re.I)
_OFFICER_BEFORE = re.compile(rf"\b(?:{_OFFICE})\s+of\s+$", re.I)


def _led_firm(name: str, text: str) -> bool:
    """Whether the text names a company officer of `name`: "X CEO", "X's founder", "the
    chief executive of X"."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        whole = (at == 0 or not text[at - 1].isalnum()) and not text[end : end + 1].isalnum()
        if whole and (_OFFICER_AFTER.match(text, end)
                      or _OFFICER_BEFORE.search(text, max(0, at - 30), at)):  # fmt: skip
            return True
        at = text.find(name, end)
    return False


_OFFICES = "|".join(sorted(map(re.escape, words("company_offices")), key=len, reverse=True))
_COMPANY_OFFICE = re.compile(r"\b(?:" + _OFFICES + r")\b", re.I)  # "CEO", "chief operating officer"
_OFFICE_END = re.compile(r"\b(?:" + _OFFICES + r")$", re.I)
_OWNER = re.compile(r"(?:['’]s|\bits)\s+$")  # "Norvale's chief operating officer"
_CAPITALISED = re.compile(r"[A-Z][\w.&’'-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w.&’'-]*)*")


_FIRM_ROLE = re.compile(r"([A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*)?)(?:['’]s?)?\s+(?:executive\s+)?"
                        r"(?:[Pp]resident|[Dd]irector|[Ss]pokes(?:person|man|woman))$")


def _firm_named(name: str, text: str) -> bool:
    """Whether the text calls `name` a business: an unknown name with firm's words near it."""
    head = name.split()[-1].casefold()
    if name.isupper() or KNOWN_ORGS.get(name.casefold()) or ORG_HEADS.get(head):
        return False  # "CPUC President": an acronym may be a public body's
    near = " ".join(text[max(0, m.start() - 80) : m.end() + 80]
                    for m in re.finditer(re.escape(name), text))  # fmt: skip
    return len(_BUSINESS.findall(near)) >= 2


_OF_FIRM = re.compile(r"\s+(?:of|for|at|with)\s+"
                      r"(?:[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}\s+(?:of|for|at)\s+)?(?:the\s+)?"
                      r"([A-Z][\w&’'-]*(?:\s+[A-Z][\w&’'-]*){0,3}\.?)")


def _a_firm(name: str, text: str) -> bool:
    """A company by evidence: a business head noun, the lexicon, or firm's words near it."""
    known = KNOWN_ORGS.get(name.casefold())
    if known is not None:
        return known[0] == "business"
    return ORG_HEADS.get(name.split()[-1].casefold()) == "business" or _firm_named(name, text)


def _company_officer(c: Actor, text: str) -> bool:
    """A person titled with a company office ("CEO", "executive chairman"), the title naming
    no place ("Hong Kong Chief Executive") and no public or non-profit body: a business's
    voice, which the schema files under the business."""
    if c.kind not in ("person", "official") or c.title is None:
        return False
    role = text[c.title[0] : c.title[1]]
    whole = _OFFICE_END.search(text, max(0, c.title[0] - 40), c.title[1])
    if whole and _OWNER.search(text, max(0, whole.start() - 30), whole.start()):
        role = text[min(whole.start(), c.title[0]) : c.title[1]]  # "chief operating officer"
    firm = _FIRM_ROLE.match(role)  # "Norvale President", "Norvale's director"
    if not (_COMPANY_OFFICE.search(role) or firm and _firm_named(firm.group(1), text)):
        of = _OF_FIRM.match(text, c.title[1])  # "X, vice president of sales for Norvale"
        if of is None or not _a_firm(of.group(1), text):
            return False
        role = text[c.title[0] : of.end()]
    for run in _CAPITALISED.findall(role):
        found = run.split()
        spans = (" ".join(found[i:j]) for i in range(len(found)) for j in range(i + 1, i + 4))
        if any(country_alpha3(w) or demonym_alpha3(w) or is_city(w) or is_subdivision(w)
               for w in spans):  # fmt: skip
            return False
        if any(ORG_HEADS.get(w.casefold(), "business") != "business" for w in found):
            return False  # "Executive Director of the Wikimedia Foundation"
    return True


_AT_FIRM = re.compile(r",\s+(?:an?\s+|the\s+)?(?:[a-z][\w-]*\s+){1,7}?(?:at|with)\s+"
                      r"(?:the\s+)?([A-Z][\w&’'-]*(?:\s+[A-Z][\w&’'-]*){0,3}\.?)")


_OWNS_FIRM = re.compile(
    r",\s+(?:the|an?|its)\s+(?:[a-z-]+\s+)?(?:" + _OFFICES + r")\s+(?:of|at)\s+(?:an?|the)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:" + "|".join(sorted(map(re.escape, BUSINESS_NOUNS), key=len,
                                               reverse=True)) + r")\b")  # "the owner of a firm"


def _works_for_firm(c: Actor, text: str) -> bool:
    """An untitled person set off as working at a company by evidence: "X, an analyst at
    Norvale Securities", "X, head of research with Norvale"."""
    if c.kind != "person" or c.title is not None:
        return False
    for m in c.mentions[:4]:
        if _OWNS_FIRM.match(text, m.end):
            return True  # "X, the owner of a commercial landscaping company"
        at = _AT_FIRM.match(text, m.end)
        if at and _a_firm(at.group(1), text) and not (country_alpha3(at.group(1))
                                                      or is_city(at.group(1))):
            return True
    return False


def final_kind(c: Actor, text: str) -> str:
    """The schema's ActorKind for a cluster: an untitled 'person' that the text calls a
    company and never 'he' or 'she' is a business."""
    known = KNOWN_ORGS.get(c.name.casefold()) or _placed_known(c.name)
    if known is not None and (c.kind == "single" or " " in c.name):  # "Islamic State"
        return known[0]
    if _company_officer(c, text) or _works_for_firm(c, text):
        return "business"  # "Norvale CEO Ada Obi", "Ada Obi, its chief operating officer"
    if c.kind in ("single", "other") and _team(c, text):
        return "business"  # a sports club: "the Sabres' season", "Hotspur's coach"
    if (c.kind in ("single", "other") or (c.kind == "person" and c.title is None
                                          and not opens_with_given(c.name))) and _led_firm(
        c.name, text
    ):  # fmt: skip
        return "business"  # "Norvale CEO Ada Obi", "the founder of Norvale"
    if c.kind == "single" or (c.kind == "person" and c.title is None):
        near = " ".join(text[max(0, m.start - 80) : m.end + 80] for m in c.mentions[:6])
        after = " ".join(text[m.end : m.end + 100] for m in c.mentions[:6])
        cues = len(_BUSINESS.findall(near))  # a person-like name needs one cue, a word two
        if cues >= (1 if c.kind == "person" else 2) and (c.kind == "single"
                                                         or not _PERSONAL.search(after)):
            return "business"
        return "other" if c.kind == "single" or not _a_person(c, text) else c.kind
    return c.kind


_STOPS = frozenset(w.capitalize() for w in words("stop"))  # "The Arrow": no one's given name
_VERBS = "|".join(sorted(map(re.escape, words("speech_verbs")), key=len, reverse=True))
# "X said", "X then said", "X, a lawyer, said": a speech verb of any language after the name
_SAID_AFTER = re.compile(rf"(?:\s+\w+|,[^,.;:]{{1,90}},|,)?\s+(?:{_VERBS})\b", re.I)
_ROLE_AFTER = re.compile(r"(?:,\s+(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,3}?([a-z]+)\b"
                         r"|\s+of\s+the\s+[A-Z])")  # "X, a lawyer at ...", "X of the Union"
_SAID_BEFORE = re.compile(rf"\b(?:{_VERBS}|told|according to|asked)\s+$", re.I)


def _a_person(c: Actor, text: str) -> bool:
    """Evidence that an untitled name is a person's: a given name first, the surname used
    alone, a speech verb beside it, or 'he'/'she' after it; else it may be a product, a
    work or a firm ("Falcon Heavy", "Windows Mobile"), and the kind is 'other'."""
    if opens_with_given(c.name) or any(" " not in a for a in c.aliases):
        return True
    last = re.escape(c.name.split()[-1])  # "Ana Lobo ... Rui Lobo": a family name
    if len(set(re.findall(rf"\b([A-ZÀ-Þ][\w’'-]+)\s+{last}\b", text)) - _STOPS) >= 2:
        return True
    return any(_SAID_AFTER.match(text, m.end)
               or _SAID_BEFORE.search(text, max(0, m.start - 20), m.start)
               or _PERSONAL.search(text, m.end, m.end + 100) or _role(text, m.end)
               for m in c.mentions[:8])


def _role(text: str, end: int) -> bool:
    """A role set off after the name ("X, a lawyer at ...", "X of the Union"): a person."""
    found = _ROLE_AFTER.match(text, end)
    return found is not None and (found.group(1) is None or found.group(1) in TITLES
                                  or found.group(1) in ROLES)
