"""Which capitalised words make a person's name, and where a person's name starts or ends
inside a longer run: after an organisation's name, before "of" and a body, after a title
and a comma."""

from __future__ import annotations

import re

from summarizer.brief.countries import country_alpha3, is_city, is_subdivision
from summarizer.engines.extractive.capitalised import CONNECT, Tok, abstract, trim
from summarizer.engines.extractive.given import is_given
from summarizer.engines.extractive.lexicon import (
    KNOWN_ORGS,
    ORG_HEADS,
    PLACE_HEADS,
    POSTNOMINALS,
    ROLES,
    words,
)
from summarizer.engines.extractive.mention import (
    Mention,
    adjective_word,
    country_in,
    is_name_word,
    org_kind,
    possessive_country,
)
from summarizer.engines.extractive.segment import Sentence
from summarizer.engines.extractive.titles import PLURAL, PORTFOLIO, is_title, title_kind


def _office(t: Tok) -> bool:
    """A word of an office's name: a title, a body's head, a portfolio, a nation."""
    return (t.fold in CONNECT or t.fold in ORG_HEADS or t.fold in PORTFOLIO or is_title(t)
            or adjective_word(t) or bool(country_alpha3(t.text)))  # fmt: skip


_OPENERS = words("openers")  # words that open a sentence, not a name
_GERUND = re.compile(r"\w{3}ing$")
_OFFICERS = words("office_heads")  # "officer", "director": the head of a company office
_INNER = re.compile(r"(?<=[a-zà-ÿ,] )([A-ZÀ-Þ][\w’'-]*)")


def office_of(title: list[Tok]) -> int:
    """Where "of" or "for" follows one to three title words ("Head of", "General Manager
    of"), or 0."""
    at = next((i for i, t in enumerate(title[:5]) if t.fold in ("of", "for")), 0)
    words = title[:at]
    if at and all(t.cap for t in words) and is_title(words[0]) and words[-1].fold in _OFFICERS:
        return at  # "Chief Information Officer for": a title, any words, an office's head
    if 0 < at < 4 and all(t.cap and (is_title(t) or t.fold in PORTFOLIO or t.fold in ROLES)
                          for t in words) and any(is_title(t) or t.fold in ROLES for t in words):
        return at  # fmt: skip
    return 0


class PersonWords:
    """The person-name tests of one article (they need its lower-case words)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lower = frozenset(re.findall(r"(?<![\w’'])[a-zà-ÿ][\w’'-]*", text))
        # Capitalised words written after a lower-case word or a comma: used as names there.
        self.inner = frozenset(_INNER.findall(text))
        self._alone: dict[str, bool] = {}  # word -> whether the text uses it alone (_pair)

    def opener(self, run: list[Tok]) -> bool:
        """Whether a sentence-opening run starts with a word that opens the sentence but is
        no name: a courtesy word, a quantifier or a gerund ("Thanks Ana", "Watching Ferren"),
        no given name, never written as a name elsewhere while the word after it is."""
        first = run[0]
        return (first.text not in self.inner and run[1].text in self.inner
                and (first.fold in _OPENERS or bool(_GERUND.search(first.fold)))
                and not is_given(first.text) and first.fold not in KNOWN_ORGS
                and not is_title(first) and first.fold not in CONNECT
                and not org_kind(run))  # fmt: skip

    def _personal(self, tail: list[Tok]) -> bool:
        if len(tail) > 4 or not all(is_name_word(t) or t.fold in CONNECT for t in tail):
            return False
        if abstract(tail[-1].fold):
            return False  # "National Development", "Human Rights": not a person
        if any(t.fold in ORG_HEADS or t.fold in PLACE_HEADS for t in tail):
            return False
        if tail[0].fold in KNOWN_ORGS:
            return False
        if all(t.fold in self.lower for t in tail if t.fold not in CONNECT):
            return False
        return not (len(tail) == 1 and country_alpha3(tail[0].text))

    def _title_before(self, title: list[Tok], run: list[Tok], s: Sentence) -> Mention | None:
        """The person a capitalised title stands before, after a comma: "the Speaker of the
        Assembly, Ada Obi" (every word of the title a title, an office or a body's word)."""
        if self.text[title[-1].end : run[0].start] != ", " or not is_title(title[0]):
            return None
        if len(run) > 2 and run[-1].text in POSTNOMINALS:
            run = run[:-1]  # "Owen Hart SC"
        if not self._named(run) or not all(_office(t) for t in title):
            return None
        kind, country = self._office_kind(title, s)
        return Mention(run[0].start, run[-1].end, self.text[run[0].start : run[-1].end],
                       "person", country, sentence=s.index, title=(title[0].start, title[-1].end),
                       titled_kind=kind, possessive=run[-1].poss)  # fmt: skip

    def title_after(self, m: Mention, run: list[Tok], title: list[Tok], s: Sentence) -> bool:
        """Give person m the capitalised title that follows its name after a comma ("Ada
        Obi, Director of the Port Authority, said"); whether it did."""
        if m.kind != "person" or m.title is not None or m.end != run[-1].end:
            return False
        if self.text[run[-1].end : title[0].start] != ", " or not is_title(title[0]):
            return False
        of = 0 < office_of(title) and len(title) <= 8  # "Director of X", "General Manager of X"
        if not self._named(run) or not (of or all(_office(t) for t in title)) or title[-1].poss:
            return False
        m.titled_kind, m.country = self._office_kind(title, s)
        m.title = (title[0].start, title[-1].end)
        return True

    def _named(self, run: list[Tok]) -> bool:
        """A person's name of two to four words, no title among them."""
        return (2 <= len(run) <= 4 and self._personal(run) and not run[-1].poss
                and not any(is_title(t) for t in run))  # fmt: skip

    def _office_kind(self, title: list[Tok], s: Sentence) -> tuple[str, str | None]:
        country = country_in(title) or possessive_country(self.text, title[0], s)
        kind = title_kind([t.fold.rstrip(".") for t in title], True, country)
        if kind == "head_of_state" and any(t.fold in ORG_HEADS for t in title):
            kind = "official"  # "President of the Senate" presides over a body, not a state
        return kind, country

    def _person_after(self, run: list[Tok], led: bool) -> int:
        """Where a person's name starts after an organisation's ("Ministry of Mines and Ada
        Obi", "... Farmers Union Ada Obi"), or 0: two to three name words, the last of the
        run, never written in lower case."""
        for i in range(1, len(run) - 1):
            person = run[i + 1 :] if run[i].fold == "and" else run[i:]
            if not (2 <= len(person) <= 3) or any(t.fold in CONNECT for t in person):
                continue
            if run[i].fold == "and" and not led:
                continue
            if run[i].fold != "and" and (run[i - 1].fold not in ORG_HEADS or i < 2):
                continue
            if is_title(person[0]) and org_kind(run[: i - 1]):
                continue  # "Harbour House Press Secretary Ada Obi": a title of two words
            if all(t.fold not in self.lower for t in person) and self._personal(person):
                return i if self._named_alone(person) else 0
        return 0

    def _named_alone(self, person: list[Tok]) -> bool:
        """Whether a name stands as a person's: an apposition follows it ("Ada Obi, the
        minister"), or its last word is used on its own elsewhere ("Obi said")."""
        if re.match(r",\s+(?:the|a|an|who|whose)\s", self.text[person[-1].end :]):
            return True
        whole = self.text[person[0].start : person[-1].end]
        return self.text.count(person[-1].text) > self.text.count(whole)

    def _person_of(self, run: list[Tok], nxt: Tok | None) -> bool:
        """Whether a run is a person "of" a body: "Rosa Vela of the Andean Network" (two
        name words or more, the body not a country), "Lind of the Times" (one word: the body
        must be an organisation)."""
        of = next((i for i, t in enumerate(run) if t.fold == "of"), 0)
        rest = trim(run[of + 1 :]) if of else []
        if not rest or any(is_title(t) for t in run[:of]) or not self._personal(run[:of]):
            return False  # "National System of ...": not a person
        if of >= 2:
            return not country_alpha3(self.text[rest[0].start : rest[-1].end])
        one = run[0].fold
        if one in ORG_HEADS or one in PLACE_HEADS or one in KNOWN_ORGS or not is_name_word(run[0]):
            return False
        body = org_kind(rest) or (nxt is not None and not nxt.cap and nxt.fold in ORG_HEADS)
        return bool(body) and not country_alpha3(self.text[rest[0].start : rest[-1].end])

    def _pair(self, tok: Tok) -> bool:
        """Two names joined by a hyphen ("Ardent-Bellweather"), each used alone in the text."""
        parts = tok.text.split("-")
        if len(parts) != 2 or not all(len(p) > 1 and p[0].isupper() for p in parts):
            return False
        return all(self._used_alone(p) for p in parts)

    def _used_alone(self, word: str) -> bool:
        """Whether the text has the word standing alone (any case), asked once a word."""
        alone = self._alone.get(word)
        if alone is None:
            found = re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", self.text, re.I)
            alone = self._alone[word] = found is not None
        return alone

    def _given_place(self, run: list[Tok]) -> bool:
        """A given name that is a country's ("Jordan Lind"): the surname is used alone too."""
        return (len(run) == 2 and bool(country_alpha3(run[0].text)) and not run[1].text.isupper()
                and self._personal(run[1:]) and self._named_alone(run))  # fmt: skip

    def _place_prefix(self, run: list[Tok]) -> str:
        """The place of two or three words a longer name starts with ("Port Vila" in "Port
        Vila Stock Exchange"), or "": a person's name does not start with one."""
        for k in (3, 2):
            if len(run) > k:
                place = self.text[run[0].start : run[k - 1].end]
                if country_alpha3(place) or is_city(place) or is_subdivision(place):
                    return place
        return ""

    def _share_plural_titles(self, mentions: list[Mention]) -> None:
        """'Justices Ada Sow, Bea Kone and Cy Ba': every name in the
        list gets the plural title's kind and span."""
        for prev, m in zip(mentions, mentions[1:], strict=False):
            if prev.title is None or m.title is not None or m.kind not in ("person", "single"):
                continue
            words = self.text[prev.title[0] : prev.title[1]].split()
            if not (words and words[-1].casefold() in PLURAL):
                continue  # not a plural title
            if re.fullmatch(r",\s+(?:and\s+)?|\s+and\s+", self.text[prev.end : m.start]):
                m.kind, m.title, m.titled_kind = "person", prev.title, prev.titled_kind
