"""Event, outcome and open questions from the headline and the lead.

The event sentence is the early sentence with the most event cues (the lead wins ties); its
type is the PLOVER category whose cues weigh most over headline and lead; its date is the
first date the lead states, weekdays resolved against the report date.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from summarizer.brief.schema import Event, Outcome, Quote
from summarizer.engines.extractive.lexicon import ALL_MONTHS, ALL_WEEKDAYS, EVENT_CUES, OUTCOME_CUES
from summarizer.engines.extractive.phrases import caseless_safe, may_match
from summarizer.engines.extractive.segment import Doc, Sentence, event_date, span

_ORDER = list(EVENT_CUES)


def _cue_regexes(cues: dict[str, tuple[str, ...]]) -> dict[str, re.Pattern[str]]:
    """One case-insensitive regex per category, matching any of its cues at a word start."""
    return {k: re.compile(r"\b(?:" + "|".join(map(re.escape, v)) + ")", re.I)
            for k, v in cues.items()}  # fmt: skip


_CUE_RX = _cue_regexes(EVENT_CUES)
_OUTCOME_RX = _cue_regexes(OUTCOME_CUES)
# Each category's cues in lower case, for a quick test before its regex (None: not all ASCII).
_OUTCOME_WORDS = {k: tuple(c.lower() for c in v) if all(c.isascii() for c in v) else None
                  for k, v in OUTCOME_CUES.items()}  # fmt: skip
_NOT_PLACE = ALL_WEEKDAYS | ALL_MONTHS
_PLACE = re.compile(
    r"\b(?:in|at|outside|near|through|across)\s+((?:central\s+)?[A-ZÀ-Þ][\w’'-]+(?:\s+[A-ZÀ-Þ][\w’'-]+){0,3}"
    r"(?:,\s+[A-ZÀ-Þ][\w’'-]+(?:\s+[A-ZÀ-Þ][\w’'-]+)?)?)"
)
_QUESTION = re.compile(
    r"\b(?:unclear|uncertain|remains to be seen|not known|unknown|did not say whether|"
    r"would not say|whether|open question)\b",
    re.I,
)
# A word each _QUESTION match holds: an ASCII sentence without one has no match.
_QUESTION_WORDS = ("unclear", "uncertain", "seen", "known", "not say", "whether", "question")
LEAD = 5
# A category needs more than one cue in the event sentence alone (weight 1.5): a cue in the
# headline, or two cues. A lone word ("charged", "march") is too weak to type the event;
# OTHER says less, and a wrong type is worse than a general one.
MIN_EVIDENCE = 1.5


_ANY_CUE = re.compile("|".join(f"(?:{rx.pattern})" for rx in _CUE_RX.values()), re.I)
_LOWER_CUES = {k: tuple(cue.lower() for cue in v) for k, v in EVENT_CUES.items()}


@lru_cache(maxsize=512)
def _scores(text: str) -> tuple[tuple[str, int], ...]:
    if caseless_safe(text):  # a category none of whose cues is in the text scores 0
        low = text.lower()
        return tuple((k, len(rx.findall(text)) if any(c in low for c in _LOWER_CUES[k]) else 0)
                     for k, rx in _CUE_RX.items())  # fmt: skip
    if not _ANY_CUE.search(text):  # most sentences: one search instead of sixteen
        return tuple((k, 0) for k in _CUE_RX)
    return tuple((k, len(rx.findall(text))) for k, rx in _CUE_RX.items())


def _cue_score(text: str) -> dict[str, int]:
    return dict(_scores(text))


def event_sentences(doc: Doc) -> list[Sentence]:
    """The sentence that states what happened (first of the lead unless a later one is clearer)."""
    lead = doc.sentences[:LEAD]
    if not lead:
        return []
    best = max(lead, key=lambda s: (sum(_cue_score(s.text).values()) - 1.5 * s.index, -s.index))
    return [best]


def event_type(doc: Doc, headline: str | None, chosen: list[Sentence]) -> str:
    """The PLOVER category whose cues weigh most over headline, event sentence and lead
    (OTHER when no category has more than MIN_EVIDENCE)."""
    total = dict.fromkeys(_ORDER, 0.0)
    weighted = [(headline or "", 2.0)] + [(s.text, 1.5) for s in chosen]
    weighted += [(s.text, 0.5) for s in doc.sentences[:3] if s not in chosen]
    for text, w in weighted:
        for k, n in _cue_score(text).items():
            total[k] += w * n
    best = max(_ORDER, key=lambda k: (total[k], -_ORDER.index(k)))
    return best if total[best] > MIN_EVIDENCE else "OTHER"


def _place_in(doc: Doc, sentences: list[Sentence]) -> str | None:
    for s in sentences:
        for m in _PLACE.finditer(s.text):
            if m.group(1).split()[0].casefold().strip(",") not in _NOT_PLACE:
                return span(doc.text, s.start + m.start(1), s.start + m.end(1)).text
    return None


def _place(doc: Doc, chosen: list[Sentence]) -> str | None:
    found = _place_in(doc, chosen)
    if found is None and doc.dateline:
        name = re.match(r"[^—–(-]+", doc.dateline.text)
        found = name.group().strip(" ,") if name else None
    return found or _place_in(doc, doc.sentences[:3])


def build_event(doc: Doc, headline: str | None) -> Event:
    """The event: its sentence, PLOVER type, date (from the lead), place and evidence."""
    chosen = event_sentences(doc)
    date = None
    evidence: list[Quote] = [s.quote() for s in chosen]
    for s in chosen + [s for s in doc.sentences[:LEAD] if s not in chosen]:
        date = event_date(s.text, doc.report_date)
        if date:
            if s not in chosen:
                evidence.append(s.quote())
            break
    summary = chosen[0].text if chosen else (headline or "")
    return Event(
        summary=summary,
        event_type=event_type(doc, headline, chosen),  # type: ignore[arg-type]
        date=date[0] if date else None,
        date_precision=date[1] if date else "unknown",  # type: ignore[arg-type]
        location=_place(doc, chosen),
        evidence=evidence,
    )


def _first(sentences: list[Sentence], status: str, skip: set[int]) -> Sentence | None:
    rx, words = _OUTCOME_RX[status], _OUTCOME_WORDS[status]
    return next((s for s in sentences if s.index not in skip and may_match(s.text, words)
                 and rx.search(s.text)), None)  # fmt: skip


def build_outcome(doc: Doc, event: list[Sentence]) -> Outcome:
    """What resulted or is pending: status, a description span, next steps, evidence."""
    lead = doc.sentences[: LEAD + 3]
    skip: set[int] = set()
    status: Any
    for status in ("cancelled", "postponed"):
        s = _first(doc.sentences[:3], status, skip)
        if s:
            return Outcome(status=status, description=s.text, evidence=[s.quote()])
    skip = {s.index for s in doc.sentences if s.text[:1] in "\"“‘'"}
    tail = doc.sentences[len(doc.sentences) * 2 // 3 :] if len(doc.sentences) > 3 else []
    pending = _first(tail, "pending", skip) or _first(doc.sentences[2:], "pending", skip)
    done = _first(lead, "occurred", skip)
    if done is None and event and re.search(r"\b\w+ed\b|\b(?:was|were|has|have)\b", event[0].text):
        done = event[0]
    main = done or pending or (event[0] if event else None)
    if main is None:
        return Outcome(status="unknown", description="")
    status = "occurred" if done else "pending" if pending else "unknown"
    evidence = [main.quote()] + ([pending.quote()] if pending and pending is not main else [])
    return Outcome(
        status=status,
        description=main.text,
        next_steps=pending.text if pending and pending is not main else None,
        evidence=evidence,
    )


def open_questions(doc: Doc, limit: int = 3) -> list[str]:
    """Sentences that say something is unclear, undecided or not known (as spans)."""
    out = []
    for s in doc.sentences:
        if not may_match(s.text, _QUESTION_WORDS):
            continue
        if _QUESTION.search(s.text) and len(s.text) < 400:
            out.append(s.text)
            if len(out) == limit:
                break
    return out


def report_date(value: str | None) -> dt.date | None:
    """A date from an ISO 8601 report date string (None when absent or unreadable)."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
