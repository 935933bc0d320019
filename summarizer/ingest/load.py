"""Turn inputs (files, stdin, HTML, URLs, folders, globs) into `Article`s.

Every engine reads articles through `load_article`; `expand_inputs` turns what a user
typed into the ordered list of inputs to load. Input kinds:

- `-`: standard input (HTML when it starts like a page, else text).
- `http://` / `https://` URLs: fetched by `summarizer.ingest.fetch` (limits, cache), then read
  as HTML or text by the response's content type.
- `.html` / `.htm` / `.xhtml` files: main text and metadata by `summarizer.ingest.html`.
- `.md` / `.markdown` files: front matter and `# ` title, light Markdown clean-up.
- Any other file: text (or HTML when it starts like a page), with the pasted-header
  metadata of `summarizer.ingest.pasted`.

`Article.text` is the body only: the title is in `Article.title`, never repeated as the
first line, and header lines (ellipses, date lines, bylines) are dropped. `published_at`
is always an ISO date, `YYYY-MM-DD`.
"""

from __future__ import annotations

import glob
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from summarizer.article import Article
from summarizer.errors import InputError
from summarizer.ingest.decode import decode_bytes
from summarizer.ingest.fetch import fetch, is_url
from summarizer.ingest.length import require_article
from summarizer.ingest.pasted import split_header
from summarizer.language import detect_language

DEFAULT_MAX_BYTES = 5_000_000
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})
SUPPORTED_SUFFIXES = HTML_SUFFIXES | MARKDOWN_SUFFIXES | TEXT_SUFFIXES
_HTML_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head)\b",
                         re.I | re.S)  # fmt: skip
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)


def _supported(path: Path) -> bool:
    return _suffix(path) in SUPPORTED_SUFFIXES and not path.name.startswith(".")


def _suffix(path: Path) -> str:
    """The suffix that says what a file holds: `.html` for `page.html.gz`."""
    if path.suffix.lower() == ".gz":
        return Path(path.stem).suffix.lower()
    return path.suffix.lower()


def _gunzip(data: bytes, ref: str, max_bytes: int) -> bytes:
    """The content of a gzip file, capped like any input."""
    import gzip
    import io

    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            return _read_capped(fh, ref, max_bytes)  # type: ignore[arg-type]
    except (OSError, EOFError) as exc:
        raise InputError(f"{ref}: not a readable gzip file ({exc})") from None


def _folder_files(ref: str) -> list[str]:
    folder = Path(ref)
    try:
        files = sorted(p for p in folder.iterdir() if p.is_file() and _supported(p))
    except OSError as exc:
        raise InputError(f"{ref}: cannot read folder: {exc.strerror or exc}") from None
    if not files:
        raise InputError(f"{ref}: no supported files in this folder (.txt, .md, .html)")
    return [str(p) for p in files]


def _glob_files(ref: str) -> list[str]:
    found: list[str] = []
    for match in sorted(glob.glob(ref, recursive=True)):
        path = Path(match)
        if path.is_file() and _supported(path):
            found.append(match)
    if not found:
        raise InputError(f"{ref}: matches no supported files (.txt, .md, .html)")
    return found


def expand_inputs(inputs: list[str]) -> list[str]:
    """Expand folders and globs into a stable, ordered list of input references.

    Args:
        inputs: What the user typed: files, folders, globs, URLs, `-`.

    Returns:
        In the order given: a folder becomes its supported files (`.txt`, `.md`, `.html`
        and their variants, hidden files skipped, not recursive), sorted by name; a glob
        (`*`, `?`, `[`, `**` recursive) becomes its supported matches, sorted; URLs, `-`
        and plain paths (even missing ones, which `load_article` reports) pass through.
        A file reached twice is listed once.

    Raises:
        InputError: A folder with nothing usable, or a glob that matches nothing usable.
    """
    out: list[str] = []
    seen: set[str] = set()
    for ref in inputs:
        if ref == "-" or is_url(ref):
            refs = [ref]
        elif os.path.isdir(ref):
            refs = _folder_files(ref)
        elif not os.path.exists(ref) and glob.has_magic(ref):
            refs = _glob_files(ref)
        else:
            refs = [ref]
        for item in refs:
            key = item if item == "-" or is_url(item) else os.path.realpath(item)
            if key not in seen:
                seen.add(key)
                out.append(item)
    return out


def _too_large(ref: str, size: int | None, max_bytes: int) -> InputError:
    """`size` is None for a stream read only up to the cap."""
    amount = f"over {max_bytes:,} bytes" if size is None else f"{size:,} bytes > {max_bytes:,}"
    return InputError(f"{ref}: too large ({amount}; raise SUMMARIZER_MAX_INPUT_BYTES to allow it)")


def _read_capped(stream: BinaryIO, ref: str, max_bytes: int) -> bytes:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _too_large(ref, None, max_bytes)
    return data


def _read_file(ref: str, max_bytes: int) -> bytes:
    path = Path(ref)
    try:
        if path.is_dir():
            raise InputError(f"{ref}: is a folder (summarize takes folders; extract one file)")
        size = path.stat().st_size
        if size > max_bytes:
            raise _too_large(ref, size, max_bytes)
        with path.open("rb") as fh:
            return _read_capped(fh, ref, max_bytes)
    except FileNotFoundError:
        raise InputError(f"{ref}: no such file") from None
    except PermissionError:
        raise InputError(f"{ref}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{ref}: cannot read: {exc.strerror or exc}") from None


def _read_stdin(max_bytes: int) -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        text = sys.stdin.read(max_bytes + 1) if sys.stdin else ""
        data = text.encode("utf-8")
        if len(data) > max_bytes:
            raise _too_large("-", None, max_bytes)
        return data
    return _read_capped(stream, "-", max_bytes)


def looks_like_html(data: bytes) -> bool:
    """Whether bytes start like an HTML page (doctype, `<html>` or `<head>`)."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf")
    return bool(_HTML_START.match(head))


def html_article(data: bytes, ref: str, *, url: str | None = None,
                 charset: str | None = None) -> Article:  # fmt: skip
    """An Article from an HTML page's bytes (charset from the header, else the page's meta)."""
    from summarizer.ingest.html import article_from_html

    if charset is None and (m := _META_CHARSET.search(data[:4096])):
        charset = m.group(1).decode("ascii", "replace")
    html = decode_bytes(data, ref, declared=charset)
    if not html.strip():
        raise InputError(f"{ref}: empty input")
    return article_from_html(html, ref=ref, url=url)


def text_article(data: bytes, ref: str, *, markdown: bool = False, url: str | None = None,
                 charset: str | None = None) -> Article:  # fmt: skip
    """An Article from a plain-text or Markdown input, header lines read as metadata."""
    text = decode_bytes(data, ref, declared=charset)
    if not text.strip():
        raise InputError(f"{ref}: empty input (no text)")
    header = split_header(text, markdown=markdown)
    body = header.body or (header.title or "")
    if not body.strip():
        raise InputError(f"{ref}: empty input (no article text)")
    return Article(
        text=require_article(body, ref),
        title=header.title,
        url=url or header.url,
        publisher=header.publisher,
        published_at=header.published_at,
        language=header.language or detect_language(body),
        origin=ref,
    )


@dataclass(frozen=True)
class Raw:
    """An input's bytes as read, and how to parse them (`html`, `text` or `markdown`)."""

    ref: str
    data: bytes
    kind: str
    url: str | None = None
    charset: str | None = None


def _url_input(ref: str, max_bytes: int, cache: bool, timeout: float | None) -> Raw:
    page = fetch(ref, max_bytes=max_bytes, timeout=timeout, cache=cache)
    kind = page.content_type.lower()
    if kind in ("text/html", "application/xhtml+xml") or (
        kind in ("", "application/octet-stream", "text/plain") and looks_like_html(page.body)
    ):
        return Raw(ref, page.body, "html", url=page.url, charset=page.charset)
    if kind.startswith("text/") or kind == "":
        markdown = kind == "text/markdown"
        return Raw(ref, page.body, "markdown" if markdown else "text", page.url, page.charset)
    raise InputError(f"{ref}: unsupported content type {kind} (want HTML or text)")


def read_input(
    ref: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cache: bool = True,
    timeout: float | None = None,
) -> Raw:
    """Read one input's bytes (a file, standard input, a download): I/O only, no parsing.

    Safe to run in several threads at once; `parse_input` is not (HTML parsing must never
    run beside another parse). Arguments and errors as for `load_article`.
    """
    if ref == "-":
        data = _read_stdin(max_bytes)
        return Raw(ref, data, "html" if looks_like_html(data) else "text")
    if is_url(ref):
        return _url_input(ref, max_bytes, cache, timeout)
    data = _read_file(ref, max_bytes)
    suffix = _suffix(Path(ref))
    if Path(ref).suffix.lower() == ".gz":
        data = _gunzip(data, ref, max_bytes)
    if suffix in HTML_SUFFIXES or (suffix not in SUPPORTED_SUFFIXES and looks_like_html(data)):
        return Raw(ref, data, "html")
    return Raw(ref, data, "markdown" if suffix in MARKDOWN_SUFFIXES else "text")


def parse_input(raw: Raw) -> Article:
    """The Article in an input's bytes (decoding, HTML extraction, header metadata).

    HTML goes through trafilatura / lxml, whose shared libxml2 state must never be used by
    two threads at once: call this from one thread only (see `summarizer.batch.work`).
    """
    if raw.kind == "html":
        return html_article(raw.data, raw.ref, url=raw.url, charset=raw.charset)
    return text_article(raw.data, raw.ref, markdown=raw.kind == "markdown", url=raw.url,
                        charset=raw.charset)  # fmt: skip


def load_article(
    ref: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cache: bool = True,
    timeout: float | None = None,
) -> Article:
    """Read one input into an Article (`read_input`, then `parse_input`).

    Args:
        ref: A file path, an http(s) URL, or `-` for standard input.
        max_bytes: Largest input accepted, checked before reading a file (its size) and
            while reading stdin or a download.
        cache: For URLs, read and write the page cache.
        timeout: For URLs, seconds per connection or read (default from
            `SUMMARIZER_FETCH_TIMEOUT`, else 20).

    Returns:
        The Article, with `origin` set to `ref`.

    Raises:
        InputError: A one-line reason starting with `ref`: missing file, folder, empty or
            binary input, too large, a page with no article text, text too short to be an
            article (`summarizer.ingest.length.MIN_WORDS`), an unreachable or non-http URL.
    """
    raw = read_input(ref, max_bytes=max_bytes, cache=cache, timeout=timeout)
    return parse_input(raw)
