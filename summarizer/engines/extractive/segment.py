"""Segmentation for the extractive engine: header lines, sentences, dates.

Every piece keeps its offsets in the original text, so anything the engine quotes is a span.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from summarizer.brief.schema import Quote
from summarizer.engines.extractive.lexicon import (
    ABBREVIATIONS,
    ALL_WEEKDAYS,
    MONTH_NUMBER,
    WEEKDAY_NUMBER,
    languages,
)

_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+(?:[\"'“‘(\[]|«\s?)?[A-Z0-9À-Þ])|\n+")
_DATELINE = re.compile(  # "BRUSSELS —", "DUBAI, United Arab Emirates (Reuters) -"
    r"^[A-ZÀ-Þ][A-ZÀ-Þ .,'-]{2,40}(?:,\s+[A-ZÀ-Þ][\w.'-]*(?:\s[A-ZÀ-Þ][\w.'-]*){0,3})?"
    r"\s*(?:\([^)]{1,40}\))?\s*(?:[—–-]{1,2}\s+|(?:--|[—–])(?=[A-ZÀ-Þ\"“]))"  # "CITY--Firm"
)
_MONTH = "|".join(sorted(MONTH_NUMBER, key=len, reverse=True))
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_DATE_MDY = re.compile(rf"\b({_MONTH})\.?\s+{_DAY},?(?:\s+(\d{{4}}))?\b", re.I)
_DATE_DMY = re.compile(rf"\b{_DAY}\s+({_MONTH})\.?,?(?:\s+(\d{{4}}))?\b", re.I)
_DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_WEEKDAY = re.compile(
    r"\b(?:(?:on|last|this|since|until|by)\s+(" + "|".join(ALL_WEEKDAYS) + r")"
    r"|(?:ce|le|dès|depuis|este|el|am|seit)\s+(" + "|".join(ALL_WEEKDAYS) + r"))\b", re.I
)


@dataclass(frozen=True)
class Sentence:
    """One sentence (or header line) with its offsets in the article."""

    start: int
    end: int
    text: str
    index: int

    def quote(self) -> Quote:
        """This sentence as an exact evidence quote."""
        return Quote(text=self.text, start=self.start, end=self.end, match="exact")


@dataclass
class Doc:
    """An article cut into header lines and body sentences."""

    text: str
    headline: Sentence | None = None
    report_date: dt.date | None = None
    dateline: Sentence | None = None
    sentences: list[Sentence] = field(default_factory=list)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """text[start:end] without the blanks around it, as offsets."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def span(text: str, start: int, end: int) -> Quote:
    """An exact quote of text[start:end], trimmed of surrounding blanks."""
    start, end = _trim(text, start, end)
    return Quote(text=text[start:end], start=start, end=end, match="exact")


def _sentence(text: str, start: int, end: int, index: int) -> Sentence:
    """A Sentence of text[start:end], trimmed of surrounding blanks."""
    start, end = _trim(text, start, end)
    return Sentence(start, end, text[start:end], index)


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _is_header(line: str) -> bool:
    words = line.split()
    return bool(words) and len(words) <= 16 and not re.search(r"[.!?:;]['\"”’]?$", line)


def _header(doc: Doc, text: str) -> int:
    """Read headline and date lines at the top; return where the body starts."""
    body = 0
    for start, end in _lines(text)[:8]:
        line = text[start:end].strip()
        if not line or set(line) <= set(".…-–—*# "):
            body = end
            continue
        if not _is_header(line):
            break
        found = find_dates(line)
        if found and doc.report_date is None and found[0][2] is not None:
            doc.report_date = found[0][2]
        elif doc.headline is None and len(line.split()) >= 3 and not found:
            doc.headline = _sentence(text, start, end, -1)
        body = end
    return body


_LAST_WORD = re.compile(r"(\w+)\W*\Z")
_WORD_CHAR = re.compile(r"\w")


def _splits(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, left = [], start
    for m in _END.finditer(text, start, end):
        window = max(left, m.start() - 24)  # the word before the stop, not the whole sentence
        word = _LAST_WORD.search(text, window, m.start() + 1)
        whole = word is not None and (word.start() > window or window == left)
        token = word.group(1).casefold() if word and whole else ""
        if m.group().startswith(".") and (token in ABBREVIATIONS or len(token) == 1):
            continue
        out.append((left, m.end()))
        left = m.end()
    out.append((left, end))
    return out


def segment(text: str, report_date: dt.date | None = None) -> Doc:
    """Cut an article into header, dateline and sentences, all with original offsets.

    Args:
        text: The article text.
        report_date: The report date when the caller knows it (else read from the header).

    Returns:
        The segmented document.
    """
    doc = Doc(text=text, report_date=report_date)
    body = _header(doc, text)
    m = _DATELINE.match(text[body:].lstrip())
    if m:
        lead = body + len(text[body:]) - len(text[body:].lstrip())
        doc.dateline = _sentence(text, lead, lead + m.end(), -1)
        body = lead + m.end()
    for s, e in _splits(text, body, len(text)):
        one = _sentence(text, s, e, len(doc.sentences))
        if one.text and _WORD_CHAR.search(one.text):
            doc.sentences.append(one)
    return doc


def _make_date(year: int | None, month: int, day: int | None) -> dt.date | None:
    try:
        return dt.date(year or 1, month, day or 1)
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, int, dt.date | None, dt.date | None]]:
    """Explicit dates in a text: (start, end, full date or None, date without year or None)."""
    out: list[tuple[int, int, dt.date | None, dt.date | None]] = []
    for m in _DATE_ISO.finditer(text):
        d = _make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        out.append((m.start(), m.end(), d, d))
    for rx, mi, di in ((_DATE_MDY, 1, 2), (_DATE_DMY, 2, 1)):
        for m in rx.finditer(text):
            word = m.group(mi).casefold()
            month = MONTH_NUMBER.get(word) or MONTH_NUMBER.get(word[:3], 0)
            year = int(m.group(3)) if m.group(3) else None
            d = _make_date(year, month, int(m.group(di)))
            if d is not None:
                out.append((m.start(), m.end(), d if year else None, d))
    return sorted(out, key=lambda t: t[0])


# Date phrases the month tables above miss: "1er mai", "5. Mai 2020", "5 de mayo de 2020",
# "the 5th of May". dateparser reads them (only these phrases, only when a sentence has no
# other date).
_SPELLED = re.compile(
    rf"\b(?:the\s+)?\d{{1,2}}(?:er|º|°|\.|st|nd|rd|th)?\s+(?:of\s+|de\s+)?(?:{_MONTH})\b\.?"
    r"(?:,?\s+(?:de\s+)?(\d{4})\b)?",
    re.I,
)


def _spelled(text: str, report: dt.date | None) -> tuple[dt.date | None, dt.date | None] | None:
    """A date phrase of `_SPELLED` read by dateparser: (full date or None, date without year)."""
    m = _SPELLED.search(text)
    if m is None:
        return None
    import dateparser  # heavy: only for the few phrases the month tables miss

    base = dt.datetime(report.year if report else 2000, 1 if report is None else report.month,
                       1 if report is None else report.day)  # fmt: skip
    parsed = dateparser.parse(m.group(), languages=list(languages()), settings={
        "RELATIVE_BASE": base, "REQUIRE_PARTS": ["day", "month"]})  # fmt: skip
    if parsed is None:
        return None
    day = parsed.date()
    return (day if m.group(1) else None), day


def event_date(text: str, report: dt.date | None) -> tuple[str, str] | None:
    """The event date a sentence states, as (YYYY-MM-DD, precision), or None.

    Weekdays ("on Tuesday") resolve to the latest such day on or before the report date.
    """
    dates = [(full, partial) for _, _, full, partial in find_dates(text)]
    if not dates and (spelled := _spelled(text, report)):
        dates = [spelled]
    for full, partial in dates:
        if full:
            return full.isoformat(), "day"
        if partial and report:
            d = _make_date(report.year, partial.month, partial.day)
            if d and d > report + dt.timedelta(days=31):
                d = _make_date(report.year - 1, partial.month, partial.day)
            if d:
                return d.isoformat(), "day"
    m = _WEEKDAY.search(text)
    if m and report:
        back = (report.weekday() - WEEKDAY_NUMBER[(m.group(1) or m.group(2)).casefold()]) % 7
        return (report - dt.timedelta(days=back)).isoformat(), "day"
    return None
