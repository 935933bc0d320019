"""German people and companies named without a title: what vouches for a name in German.

German capitalises every noun, so a capitalised pair is a name only on other evidence: a
first name people bear ("Fabiana Krell", the census list plus `lang/de/given_names.txt`), a
speech verb right before it ("sagt Ole Brenn"), or a company noun before it ("der
Streamingdienst Kaldo"). A person introduced so is later named by the surname alone
("Brenn"), a company by its name alone ("Kaldo").
"""

from __future__ import annotations

import re

from summarizer.engines.extractive.given import is_given
from summarizer.engines.extractive.lexicon import one, ordered
from summarizer.engines.extractive.segment import Sentence

_NAMES = one("de", "names")
_GIVEN = frozenset(w.casefold() for w in ordered("given_names", "de"))
_SPEECH = frozenset(w.casefold() for w in ordered("speech_verbs", "de"))
_PARTICLES = frozenset(_NAMES.get("particles", ()))
_BUSINESS_ENDS = tuple(_NAMES.get("business_ends", ()))
_TITLE_ENDS = tuple(_NAMES.get("title_ends", ()))
# Endings of abstract nouns, never of a surname ("Regierung", "Freiheit", "Nation").
_NOUNISH = re.compile(r"(?:ung|heit|keit|schaft|ion|tät|ismus|nis|tum|chen|ität|ie|ik)s?$")
_TOKEN = re.compile(r"[A-Za-zÄÖÜäöüßÀ-ÿ][\wÄÖÜäöüßÀ-ÿ'’-]*")
_NAME = re.compile(r"[A-ZÄÖÜÀ-Þ][a-zäöüßà-ÿ]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?")
_BRAND = re.compile(r"[A-ZÄÖÜ][\wäöüß]*[a-zäöüß][\wäöüß]*")  # "Kaldo", "MusicBox"
Span = tuple[int, int, str]  # start, end (in the sentence), kind: person or business


def given(word: str) -> bool:
    """Whether a word is a first name (US census list or the German list)."""
    return word.casefold() in _GIVEN or is_given(word)


def _title(word: str) -> bool:
    return word.casefold().endswith(_TITLE_ENDS)


def _surname(word: str, nouns: frozenset[str], stop: frozenset[str]) -> bool:
    return bool(_NAME.fullmatch(word)) and word not in nouns and word.casefold() not in stop \
        and not _NOUNISH.search(word) and not _title(word)  # fmt: skip


def people(s: Sentence, nouns: frozenset[str], stop: frozenset[str]) -> list[Span]:
    """Persons a first name or a speech verb vouches for, and companies a company noun
    introduces, in one sentence: (start, end, kind) relative to the sentence."""
    toks = list(_TOKEN.finditer(s.text))
    out: list[Span] = []
    i = 0
    while i < len(toks):
        w = toks[i].group()
        after_speech = i > 0 and toks[i - 1].group().casefold() in _SPEECH \
            and s.text[toks[i - 1].end() : toks[i].start()] == " "  # fmt: skip
        if _NAME.fullmatch(w) and w not in nouns and w.casefold() not in stop \
                and not _title(w) and (given(w) or after_speech and _surname(w, nouns, stop)):
            end, j = toks[i].end(), i + 1
            while j < len(toks) and j <= i + 3 \
                    and s.text[toks[j - 1].end() : toks[j].start()] == " ":  # fmt: skip
                word = toks[j].group()
                if word in _PARTICLES and j + 1 < len(toks) \
                        and _surname(toks[j + 1].group(), nouns, stop):  # fmt: skip
                    j += 1  # "Kris de Decker"
                    continue
                first = end == toks[i].end() and given(w)  # "Lena Vogel": a noun may be a name
                if not _surname(word, frozenset() if first else nouns, stop) \
                        or s.text[end - 1] == "s" and end > toks[i].end():  # fmt: skip
                    break  # "Ida Brenns Motto": a genitive before its noun
                end, j = toks[j].end(), j + 1
            if end > toks[i].end():
                out.append((toks[i].start(), end, "person"))
                i = j
                continue
        if w[0].isupper() and w.casefold().endswith(_BUSINESS_ENDS) and i + 1 < len(toks):
            nxt = toks[i + 1]
            if s.text[toks[i].end() : nxt.start()] == " " and _BRAND.fullmatch(nxt.group()) \
                    and nxt.group() not in nouns and nxt.group().casefold() not in stop \
                    and not _NOUNISH.search(nxt.group()) and not given(nxt.group()):  # fmt: skip
                out.append((nxt.start(), nxt.end(), "business"))
                i += 2
                continue
        i += 1
    return out


def short_forms(found: list[tuple[str, str]]) -> dict[str, str]:
    """Short names an introduced actor goes by later: a person's surname, a company's name
    (`found`: (name, kind) pairs) -> kind."""
    out: dict[str, str] = {}
    for name, kind in found:
        parts = name.split()
        if kind == "person" and len(parts) >= 2:
            out.setdefault(parts[-1], "person")
        elif kind == "business" and len(parts) == 1:
            out.setdefault(name, "business")
    return out


def short_mentions(s: Sentence, short: dict[str, str]) -> list[Span]:
    """Where a sentence names an introduced actor by its short name alone."""
    if not short:
        return []
    return [(m.start(), m.end(), short[m.group()]) for m in _TOKEN.finditer(s.text)
            if m.group() in short]  # fmt: skip
