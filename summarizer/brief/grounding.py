"""Grounding: find quotes and names in the article, and check a brief's consistency.

Matching normalises whitespace, typographic quotes, dashes and case, tries an exact match
first, then a fuzzy one (rapidfuzz) above a threshold. Offsets are always in the original
article text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz

from summarizer.brief.schema import GroundingReport, Quote

if TYPE_CHECKING:
    from summarizer.brief.schema import Brief, DraftBrief

FUZZY_THRESHOLD = 90.0
NAME_THRESHOLD = 90.0
_TRANSLATE = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u00b4`", "'"),
        **dict.fromkeys('"\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb', ""),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
        **dict.fromkeys("\u00ad\u200b\u200c\u200d\ufeff", ""),
    }
)
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|\u2026|\[\.\.\.\])\s*")
_EDGE = " \t\n\"'.,;:!?()[]"
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019]?(?=\s)|\n")
_WORD = re.compile(r"\w+")
_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def normalize(text: str) -> str:
    """The comparable form of a text: folded case, plain quotes and dashes, single spaces."""
    return " ".join(text.translate(_TRANSLATE).replace("\u2026", "...").casefold().split())


class ArticleIndex:
    """An article's normalised text with a map back to original offsets."""

    def __init__(self, text: str) -> None:
        self.text = text
        chars: list[str] = []
        offsets: list[int] = []
        space = True
        for i, ch in enumerate(text):
            if ch.isspace():
                if not space:
                    chars.append(" ")
                    offsets.append(i)
                space = True
                continue
            folded = ch.translate(_TRANSLATE).replace("\u2026", "...").casefold()
            for c in folded:
                chars.append(c)
                offsets.append(i)
            space = False if folded else space
        self.norm = "".join(chars)
        self.offsets = offsets

    def _span(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets[start], self.offsets[end - 1] + 1

    def _find(self, needle: str, fuzzy: bool) -> tuple[int, int, bool] | None:
        if not needle:
            return None
        pos = self.norm.find(needle)
        if pos >= 0:
            return (*self._span(pos, pos + len(needle)), True)
        if not fuzzy or len(needle) < 12:
            return None
        al = fuzz.partial_ratio_alignment(needle, self.norm, score_cutoff=FUZZY_THRESHOLD)
        if al is None or al.dest_end <= al.dest_start:
            return None
        start, end = self._span(al.dest_start, al.dest_end)
        while start > 0 and self.text[start - 1].isalnum():
            start -= 1
        while end < len(self.text) and self.text[end].isalnum():
            end += 1
        return start, end, False

    def locate(self, quote: str) -> Quote:
        """Find a quote; return it with its span and match status."""
        parts = [normalize(p).strip(_EDGE) for p in _ELLIPSIS.split(quote)]
        parts = [p for p in parts if p]
        found = [self._find(p, fuzzy=True) for p in parts]
        if not parts or any(f is None for f in found):
            return Quote(text=quote, match="missing")
        spans = [f for f in found if f is not None]
        exact = all(f[2] for f in spans)
        return Quote(
            text=quote, start=spans[0][0], end=spans[-1][1], match="exact" if exact else "fuzzy"
        )

    def mentions(self, name: str) -> bool:
        """Whether the article names this (normalised exactly, or nearly for long names)."""
        needle = normalize(name).strip(_EDGE)
        if not needle:
            return False
        if re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", self.norm):
            return True
        return len(needle) >= 8 and fuzz.partial_ratio(needle, self.norm) >= NAME_THRESHOLD

    def first_mention(self, name: str) -> Quote | None:
        """The sentence of the first mention of `name`, as an evidence quote."""
        pos = self.norm.find(normalize(name))
        if pos < 0:
            return None
        at = self.offsets[pos]
        bounds = [m.end() for m in _SENTENCE_END.finditer(self.text, 0, at)]
        left = bounds[-1] if bounds else 0
        m = _SENTENCE_END.search(self.text, at)
        right = m.start() + 1 if m else len(self.text)
        sentence = self.text[left:right]
        left += len(sentence) - len(sentence.lstrip())
        sentence = sentence.strip()
        return Quote(text=sentence, start=left, end=left + len(sentence), match="exact")

    def draft_problems(self, draft: DraftBrief) -> list[str]:
        """What is wrong with a model's answer against this article (see `draft_problems`)."""
        return draft_problems(draft, self)


@lru_cache(maxsize=4096)
def _tokens(name: str) -> frozenset[str]:
    """A name's words, normalised (cached: every position's holder is checked against every
    actor of its brief)."""
    return frozenset(_WORD.findall(normalize(name)))


def same_actor(a: str, b: str) -> bool:
    """Whether two names plausibly refer to one actor ('Putin' ~ 'Vladimir Putin')."""
    ta, tb = _tokens(a), _tokens(b)
    return bool(ta and tb) and (ta <= tb or tb <= ta)


def _items(draft: Any) -> Iterable[tuple[str, Any]]:
    yield "event", draft.event
    for i, a in enumerate(draft.actors):
        yield f"actors[{i}]", a
    for i, p in enumerate(draft.positions):
        yield f"positions[{i}]", p
    for i, lc in enumerate(draft.legal_context):
        yield f"legal_context[{i}]", lc
    yield "outcome", draft.outcome


def consistency_problems(brief: Any) -> list[str]:
    """Rules that need no article: holders are actors, no duplicates, dates well formed."""
    problems: list[str] = []
    names = [a.name for a in brief.actors]
    seen: set[str] = set()
    for i, name in enumerate(names):
        if (key := normalize(name)) in seen:
            problems.append(f"actors[{i}].name: duplicate actor {name!r}")
        seen.add(key)
    for i, p in enumerate(brief.positions):
        if not any(same_actor(p.holder, n) for n in names):
            problems.append(
                f"positions[{i}].holder: {p.holder!r} is not an actor (actors: "
                + ", ".join(repr(n) for n in names) + ")"
            )  # fmt: skip
    if brief.event.date and not _DATE.match(brief.event.date):
        problems.append(f"event.date: {brief.event.date!r} is not YYYY-MM-DD, YYYY-MM or YYYY")
    return problems


def draft_problems(draft: DraftBrief, index: ArticleIndex) -> list[str]:
    """Everything wrong with a model's answer, phrased so the model can fix it."""
    problems = consistency_problems(draft)
    for i, actor in enumerate(draft.actors):
        if not index.mentions(actor.name):
            problems.append(
                f"actors[{i}].name: the article never mentions {actor.name!r}; "
                "use names exactly as written in the article"
            )
    for i, lc in enumerate(draft.legal_context):
        if lc.body and not index.mentions(lc.body):
            problems.append(f"legal_context[{i}].body: the article never mentions {lc.body!r}")
    for path, item in _items(draft):
        needs_quote = not path.startswith("actors")
        if needs_quote and not item.evidence:
            problems.append(f"{path}.evidence: give at least one quote from the article")
        for j, text in enumerate(item.evidence):
            if index.locate(text).match == "missing":
                problems.append(
                    f"{path}.evidence[{j}]: quote not found in the article: {text!r}; "
                    "copy the words exactly"
                )
    return problems


def report(quotes: Iterable[Quote], problems: list[str] | None = None) -> GroundingReport:
    """Summarise match statuses into a grounding report."""
    rep = GroundingReport(problems=list(problems or []))
    for q in quotes:
        rep.quotes += 1
        setattr(rep, q.match, getattr(rep, q.match) + 1)
    rep.grounded_rate = round((rep.exact + rep.fuzzy) / rep.quotes, 4) if rep.quotes else 1.0
    return rep


def all_quotes(brief: Brief) -> list[Quote]:
    """Every evidence quote in a stored brief."""
    return [q for _, item in _items(brief) for q in item.evidence]


def iter_evidence(brief: Brief) -> Iterable[tuple[str, Quote]]:
    """Every evidence quote in a stored brief with its field path (`event.evidence[0]`)."""
    for path, item in _items(brief):
        for j, quote in enumerate(item.evidence):
            yield f"{path}.evidence[{j}]", quote
