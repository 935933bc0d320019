"""A name mention, and the word tests the name scanner and its helpers share: which words
are name words, which head noun makes a run an organisation, which country a run names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.brief.countries import country_alpha3, demonym_alpha3, is_demonym, is_subdivision
from summarizer.engines.extractive.capitalised import Tok
from summarizer.engines.extractive.lexicon import (
    KNOWN_ORGS,
    ORG_HEADS,
    ORG_LEADS,
    PLACE_HEADS,
    PRODUCT_NOUNS,
    words,
)
from summarizer.engines.extractive.segment import Sentence
from summarizer.engines.extractive.titles import PORTFOLIO_ONLY, is_title, title_kind

_BODIES = words("national_bodies")  # heads a state may own too: "commission", "council"
Title = tuple[tuple[int, int], str, str | None]  # span, kind, country


@dataclass
class Mention:
    """One name occurrence: its span, what it looks like, and what surrounds it."""

    start: int
    end: int
    name: str
    kind: str  # person, org kind (court, igo, ...), state, single
    country: str | None
    sentence: int
    title: tuple[int, int] | None = None
    titled_kind: str | None = None
    initial: bool = False
    locative: bool = False
    possessive: bool = False


def country_in(toks: list[Tok]) -> str | None:
    """The first country a run's words name or imply ("Kenyan" -> KEN)."""
    for tok in toks:
        code = demonym_alpha3(tok.text) or (country_alpha3(tok.text) if len(tok.text) > 3 else None)
        if code:
            return code
    return None


def org_kind(toks: list[Tok]) -> str | None:
    """The kind of organisation a run's head noun, leading word or lexicon entry makes."""
    if toks[0].fold in KNOWN_ORGS:
        return KNOWN_ORGS[toks[0].fold][0]
    if toks[0].fold in ORG_LEADS and len(toks) > 1:
        return ORG_LEADS[toks[0].fold]
    for i in range(len(toks) - 1, -1, -1):
        tok = toks[i]
        if tok.fold not in ORG_HEADS:
            continue
        if i > 0 or len(toks) == 1 or toks[1].fold in ("of", "for", "on", "to"):
            if not (tok.fold == "international" and i == 0):
                return _national(toks, ORG_HEADS[tok.fold])
    return None


def head_kind(fold: str) -> str:
    """The kind a lower-case organisation head after a name gives it ("the Velora ministry":
    state); a product or service noun makes a product line ("its Velora TV service"): other."""
    return "other" if fold in PRODUCT_NOUNS else ORG_HEADS[fold]


def _national(toks: list[Tok], kind: str) -> str:
    """A commission or council named for one country or region is the state's body, not an
    intergovernmental one ("the Kenyan Sports Commission", "Ontario Energy Council")."""
    if kind != "igo" or toks[0].fold in KNOWN_ORGS or toks[-1].fold not in _BODIES or (
            len(toks) > 1 and toks[1].fold in PLACE_HEADS):  # fmt: skip
        return kind  # not "the Indian Ocean Tuna Commission"
    first = toks[0].text
    return "state" if country_alpha3(first) or demonym_alpha3(first) or is_subdivision(
        " ".join(t.text for t in toks[:2])) or is_subdivision(first) else kind


_CONTINENTAL = frozenset(
    "african asian european american arab caribbean pacific atlantic nordic baltic balkan "
    "andean latin".split()
)


def led(run: list[Tok]) -> bool:
    """A run that starts with an organisation head and "of": "Department of Mines, ..."."""
    return len(run) > 2 and run[0].fold in ORG_HEADS and run[1].fold in ("of", "for", "on")


def adjective_word(tok: Tok) -> bool:
    """A demonym or a continent's adjective: 'Western Australian', 'West African'."""
    return is_demonym(tok.text) or tok.fold in _CONTINENTAL


# Generational suffixes, part of a person's name ("Ray Cole Jr.", "Lena Ruiz III").
GENERATIONAL = frozenset(("Jr", "Sr", "II", "III", "IV"))


def is_name_word(tok: Tok) -> bool:
    """A capitalised word of letters (hyphens and apostrophes allowed)."""
    return tok.cap and tok.text.replace("-", "").replace("’", "").replace("'", "").isalpha()


def possessive_country(text: str, first: Tok, s: Sentence) -> str | None:
    """The country of a possessive just before a run: "Kenya's Ministry of ..."."""
    m = _POSSESSIVE_END.search(text[max(s.start, first.start - 40) :
                                                     first.start])  # fmt: skip
    return country_alpha3(m.group(1)) if m and len(m.group(1)) > 3 else None


def lower_title(text: str, first: Tok, toks: list[Tok]) -> Title | None:
    """A lower-case title just before the name ('spokesman X', 'its president, X').

    Returns the title's span, its kind and the country it names, or None.
    """
    idx = toks.index(first)
    taken: list[Tok] = []
    for tok in reversed(toks[max(0, idx - 4) : idx]):
        if is_title(tok) and not tok.cap or demonym_alpha3(tok.text) and taken:
            taken.insert(0, tok)
            continue
        break
    if not taken or text[taken[-1].end : first.start].strip(" ,") != "":
        return None
    words = [t.fold for t in taken if is_title(t)]
    j = idx - len(taken)  # taken are the tokens right before the name
    if all(w in PORTFOLIO_ONLY for w in words) and text[taken[-1].end : first.start] == " " and (
            j == 0 or toks[j - 1].fold != "of"):  # fmt: skip
        return None  # "a home Lumo-Net link" (not "secretary of state X"): a portfolio alone
    country = country_in(toks[max(0, j - 1) : j + len(taken)])
    if country is None and j > 0 and toks[j - 1].fold in KNOWN_ORGS:
        country = KNOWN_ORGS[toks[j - 1].fold][1]
    kind = title_kind(words, False, country)
    if kind == "person" and j > 0 and toks[j - 1].cap and _public(toks[j - 1]):
        kind = "official"  # "the Port Authority spokesman X": the voice of a public body
    return (taken[0].start, taken[-1].end), kind, country


def _public(tok: Tok) -> bool:
    """A capitalised word that heads or names a public body ("Service", "Ministry")."""
    known = KNOWN_ORGS.get(tok.fold)
    return (known[0] if known else ORG_HEADS.get(tok.fold)) in ("state", "court", "igo")


def inhabitants(text: str) -> bool:
    """A place's people in the plural: a demonym's ("Kenyans") or a region's ("Albertans")."""
    return text.endswith("s") and (is_demonym(text[:-1]) or text.endswith("ns") and bool(
        is_subdivision(text[:-2]) or country_alpha3(text[:-2])))


_GLUE = re.compile(r"(?<=[a-zà-ÿ])[A-ZÀ-Þ][a-zà-ÿ]+")
_POSSESSIVE_END = re.compile(r"([A-Z][\w-]+)['’]s\s+$")


def glued(tok: Tok, run: list[Tok]) -> bool:
    """A word run into the next one by lost markup: a capitalised word that starts inside
    a word ("ObiAda") and is itself a word of the run ("Ada")."""
    words = {t.text for t in run}
    return any(m.group() in words for m in _GLUE.finditer(tok.text))
