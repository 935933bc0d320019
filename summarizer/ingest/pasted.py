"""Metadata from pasted articles: the header lines people paste above a text or Markdown body.

A paste often starts with noise (an ellipsis, a rule), a date line ("Sep. 3rd, 2024"), a
byline ("By Jane Doe"), and the headline. `split_header` reads those lines until the body
starts and returns the title, the date and the body. YAML-style front matter between `---`
lines (`title:`, `date:`, `url:`, `publisher:`/`source:`/`site_name:`, `lang:`/`language:`)
is read too; Markdown adds `# ` (or setext) headings as titles.

The body the engines see never repeats the title or the header lines: the title lives in
`Article.title`, the report date in `Article.published_at` (always `YYYY-MM-DD`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}  # fmt: skip
_MONTH_NAMES = (
    "january february march april may june july august september october november december"
).split()
_MONTH = r"(?P<month>[^\W\d_]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATE_PATTERNS = (
    re.compile(rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}", re.I),  # Sep. 3rd, 2024
    re.compile(rf"{_DAY}\.?\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}", re.I),  # 3 September 2024
    re.compile(r"(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)"),  # 2024-09-03
)
_DATE_WORDS = re.compile(
    r"\b(published|updated|posted|last|modified|on|at|le|publié|mis à jour|am|gmt|utc|"
    r"[ap]\.?m\.?|[a-z]{2,4}t|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|mon|tue|wed|thu|fri|sat|sun)\b",
    re.I,
)
_NOISE = re.compile(r"^[\s.…·•*_=~#\-–—|]*$")
_BYLINE = re.compile(r"^(by|par|von|por|di|door)\s+\S", re.I)
# A standalone dateline ("WASHINGTON —", "KYIV, Ukraine (AP) -") or reading-time line.
_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{2,40}(,[^—–]{1,40})?(\([\w .]+\))?\s*[—–-]{1,2}$")
_META_LINE = re.compile(r"^(\d+\s*min(ute)?s?\s+read|share( this( article)?)?|listen)$", re.I)
_URL_LINE = re.compile(r"^(?:(?:url|source|link)\s*:\s*)?(https?://\S+)$", re.I)
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_FM_LINE = re.compile(r"^(\s*$|\s*#|[\w-]+\s*:|\s+|-\s)")  # key: value, comment, list
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", re.S)


@dataclass
class Header:
    """What a pasted text says about itself, plus the body that follows."""

    body: str
    title: str | None = None
    published_at: str | None = None
    url: str | None = None
    publisher: str | None = None
    language: str | None = None


def parse_date(text: str) -> str | None:
    """Find a date in a short string and return it as `YYYY-MM-DD` (None if none or invalid).

    Understands "Sep. 3rd, 2024", "September 3, 2024", "3 September 2024", "3 septembre
    2024" and ISO "2024-09-03" (a time after it is ignored).
    """
    import datetime as dt

    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            number = _month_number(m["month"])
            if not number:
                continue
            try:
                return dt.date(int(m["year"]), number, int(m["day"])).isoformat()
            except ValueError:
                continue
    return None


def _month_number(month: str) -> int | None:
    if month.isdigit():
        return int(month)
    key = month.lower()
    if key in _MONTHS:
        return _MONTHS[key]
    full = [n for n, name in enumerate(_MONTH_NAMES, 1) if len(key) >= 3 and name.startswith(key)]
    return full[0] if len(full) == 1 else None


def date_line(line: str) -> str | None:
    """The ISO date when a line is only a date (with words like "Published", a weekday, a time)."""
    if len(line) > 80:
        return None
    found = parse_date(line)
    if not found:
        return None
    rest = line
    for pattern in _DATE_PATTERNS:
        rest = pattern.sub(" ", rest)
    rest = _DATE_WORDS.sub(" ", rest)
    rest = re.sub(r"[\d\s:.,/|()\-–—]+", " ", rest).strip()
    return found if len(rest) <= 3 else None


def _is_headline(line: str) -> bool:
    words = line.split()
    if not words or len(line) > 200 or len(words) > 30:
        return False
    return not line.endswith((".", ",", ";", ":")) or line.endswith(("...", "…"))


def _front_matter(text: str, header: Header) -> str:
    m = _FRONT_MATTER.match(text)
    if not m or not all(_FM_LINE.match(raw) for raw in m.group(1).splitlines()):
        return text
    for raw in m.group(1).splitlines():
        key, sep, value = raw.partition(":")
        value = value.strip().strip("\"'")
        if not sep or not value:
            continue
        key = key.strip().lower()
        if key == "title":
            header.title = value
        elif key in ("date", "published", "published_at", "pubdate"):
            header.published_at = parse_date(value)
        elif key in ("url", "link", "source_url"):
            header.url = value if value.startswith(("http://", "https://")) else None
        elif key in ("publisher", "source", "site_name", "sitename"):
            header.publisher = value
        elif key in ("lang", "language"):
            header.language = value.split("-")[0].split("_")[0].lower()[:2] or None
    return text[m.end() :]


def split_header(text: str, *, markdown: bool = False) -> Header:
    """Split a pasted article into its header metadata and its body.

    Leading noise lines (ellipses, rules), date lines, bylines and source URLs are read
    and dropped; the first other line is the title when it looks like a headline (short,
    not a sentence), or a Markdown `# ` / setext heading. Date lines and bylines right
    after the title are dropped too. When the first real line is a paragraph, there is no
    title and the body is the whole text.

    Args:
        text: The decoded text, LF line endings.
        markdown: Read `#` / setext headings and clean up Markdown in the body.

    Returns:
        The header; its `body` is stripped of surrounding blank lines.
    """
    header = Header(body="")
    text = _front_matter(text, header)
    lines = text.split("\n")
    i = _skip_header_lines(lines, 0, header)
    if i < len(lines) and header.title and _same(lines[i], header.title):
        i = _skip_header_lines(lines, i + 1, header)  # front matter title, repeated
    elif i < len(lines) and header.title is None:
        line = lines[i].strip()
        heading = _HEADING.match(line) if markdown else None
        next_line = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if heading:
            header.title, i = heading.group(1).strip(), i + 1
        elif markdown and _SETEXT.match(next_line) and _is_headline(line):
            header.title, i = line, i + 2
        elif _is_headline(line):
            header.title, i = line, i + 1
        i = _skip_header_lines(lines, i, header)
    header.body = "\n".join(lines[i:]).strip()
    if markdown:
        header.body = markdown_to_text(header.body)
    return header


def _same(line: str, title: str) -> bool:
    line = line.strip().lstrip("#").strip()
    return " ".join(line.split()).casefold() == " ".join(title.split()).casefold()


def _skip_header_lines(lines: list[str], i: int, header: Header) -> int:
    while i < len(lines):
        line = lines[i].strip()
        if _NOISE.match(line) or _DATELINE.match(line) or _META_LINE.match(line):
            i += 1
        elif _BYLINE.match(line) and len(line) < 80:
            i += 1
        elif (found := date_line(line)) is not None:
            header.published_at = header.published_at or found
            i += 1
        elif m := _URL_LINE.match(line):
            header.url = header.url or m.group(1)
            i += 1
        else:
            break
    return i


# Each pattern stops scanning at the next opener of its kind, so a text full of unclosed
# openers ("**a **a ...", "[[[", "[a](" ...) costs linear time, not quadratic.
_MD_TARGET = r"\((?:[^()]|\([^()]*\))*\)"  # (url), one level of nested parentheses
_MD_IMAGE = re.compile(rf"!\[[^\[\]]*\]{_MD_TARGET}")
_MD_LINK = re.compile(rf"\[([^\[\]]+)\]{_MD_TARGET}")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)((?:(?!\1).)+?)(?<=\S)\1")


def _drop_comments(body: str) -> str:
    """Remove `<!-- ... -->` comments (an unclosed one stays, as it is then plain text)."""
    out: list[str] = []
    pos = 0
    while (start := body.find("<!--", pos)) >= 0 and (end := body.find("-->", start + 4)) >= 0:
        out.append(body[pos:start])
        pos = end + 3
    return "".join(out) + body[pos:]


def markdown_to_text(body: str) -> str:
    """Light Markdown clean-up so quotes match: links become their text, images, HTML
    comments, bold markers and heading hashes go; lists and paragraphs stay."""
    body = _drop_comments(body)
    body = _MD_IMAGE.sub("", body)
    body = _MD_LINK.sub(r"\1", body)
    body = _MD_EMPHASIS.sub(r"\2", body)
    body = _unwrap(re.sub(r"\n{3,}", "\n\n", body).strip())
    return re.sub(r"(?m)^#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", r"\1", body)


_BLOCK_START = re.compile(r"^(\s*([-*+>|]|\d+[.)]|```|#{1,6}\s)|    )")


def _unwrap(body: str) -> str:
    """Join hard-wrapped paragraph lines (Markdown soft breaks) with a space."""
    out: list[str] = []
    for line in body.split("\n"):
        prev = out[-1] if out else ""
        if (
            prev.strip()
            and line.strip()
            and not _BLOCK_START.match(line)
            and not (_BLOCK_START.match(prev) or prev.endswith("  "))
        ):
            out[-1] = f"{prev.rstrip()} {line.strip()}"
        else:
            out.append(line)
    return "\n".join(out)
