"""HTML pages to Articles, with trafilatura doing the main-text extraction.

trafilatura (precision mode, comments off) finds the article body and the page metadata
(title, site name, date, canonical URL); this module adds what it leaves out: the
language from `<html lang>` / `og:locale` / `Content-Language`, the pruning of hidden
"skip" links, and a small clean-up of the extracted lines (a repeated headline, "Continue
reading" / "Read more" teasers, and a trailing "More stories" / "Other columns" block).
"""

from __future__ import annotations

import re
from typing import Any

from summarizer.article import Article
from summarizer.errors import InputError
from summarizer.ingest.length import require_article
from summarizer.language import page_or_text_language

# Screen-reader-only and hidden elements: never what a reader sees.
_PRUNE = [
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' visually-hidden ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' sr-only ')]",
    "//*[contains(@class, 'screen-reader-text') or contains(@class, 'skip-link')]",
    "//*[@hidden or @aria-hidden='true']",
    "//*[contains(translate(@style, ' ', ''), 'display:none')]",
]
# Whole lines that are navigation inside the body, in the languages we see most.
_TEASER = re.compile(
    r"^(continue reading( the main story)?|advertisement|publicité|anzeige|"
    r"(read|see) (more|also|next)\b.*|related\s*:.*|(à )?lire aussi\b.*|voir aussi\b.*|"
    r"share this( article)?|skip to .*)$",
    re.I,
)
# A short line opening a block of links to other articles: everything after it goes.
_RELATED = re.compile(
    r"^(other [\w ]{0,30}(columns|stories|articles)|more (stories|from [\w .]{1,30}|on this "
    r"story)|related (stories|articles|content|coverage)|most (read|popular|viewed|shared)|"
    r"recommended( for you)?|you (may|might) also like|sur le même sujet|les plus lus|"
    r"à lire aussi|dans la même rubrique)$",
    re.I,
)


def _space(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def page_language(tree: Any) -> str | None:
    """The page's declared language as an ISO 639-1 code (None when it declares none)."""
    candidates = [
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        *tree.xpath("//meta[@property='og:locale']/@content"),
        *tree.xpath("//meta[translate(@http-equiv, 'CONTENT-LANGUAGE', 'content-language')"
                    "='content-language']/@content"),
        *tree.xpath("//meta[@name='language' or @name='lang']/@content"),
    ]  # fmt: skip
    for value in candidates:
        code = re.split(r"[-_,;\s]", (value or "").strip().lower())[0]
        if re.fullmatch(r"[a-z]{2}", code):
            return code
    return None


def _fallback_title(tree: Any) -> str | None:
    for xpath in ("//meta[@property='og:title']/@content", "//title/text()", "//h1//text()"):
        if found := [_space(v) for v in tree.xpath(xpath) if _space(v)]:
            return str(found[0])
    return None


def clean_lines(text: str, title: str | None) -> str:
    """Drop a leading repeat of the title, teaser lines, and a trailing related-links block."""
    lines = [line.rstrip() for line in text.split("\n")]
    if title and lines and _space(lines[0]).casefold() == _space(title).casefold():
        lines = lines[1:]
    kept: list[str] = []
    for index, line in enumerate(lines):
        stripped = line.strip(" -–—•|")
        if _RELATED.match(stripped) and index > len(lines) // 2:
            break
        if not _TEASER.match(stripped):
            kept.append(line)
    return "\n".join(kept).strip()


def _extract(tree: Any, url: str | None, precision: bool) -> Any:
    import trafilatura
    from lxml.html import HtmlElement

    copy = HtmlElement.__deepcopy__(tree, {})
    return trafilatura.bare_extraction(
        copy,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_precision=precision,
        favor_recall=not precision,
        prune_xpath=_PRUNE,
    )


def article_from_html(html: str, *, ref: str, url: str | None = None) -> Article:
    """Extract the article in an HTML page.

    Args:
        html: The decoded page.
        ref: The input's name (for errors and `Article.origin`).
        url: The address the page was fetched from, if it was; otherwise the page's own
            canonical / `og:url` is used when it gives one.

    Returns:
        The Article: main text without navigation, ads, comments or scripts; the title a
        reader sees; publisher from `og:site_name` (trafilatura's sitename); `published_at`
        as `YYYY-MM-DD` (the page's original publication date, when it gives one); language
        from the page's metadata, else guessed from the text.

    Raises:
        InputError: When the page cannot be parsed or has no article text (a menu, or
            fewer than `summarizer.ingest.length.MIN_WORDS` words).
    """
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        raise InputError(f"{ref}: cannot parse the HTML page")
    doc = _extract(tree, url, precision=True)
    if doc is None or not (doc.text or "").strip():
        doc = _extract(tree, url, precision=False)
    if doc is None or not (doc.text or "").strip():
        raise InputError(f"{ref}: no article text found in the HTML page")
    title = _space(doc.title) or _fallback_title(tree)
    text = require_article(clean_lines(doc.text, title), ref,
                           "no article text found in the HTML page")  # fmt: skip
    return Article(
        text=text,
        title=title or None,
        url=url or doc.url or None,
        publisher=_space(doc.sitename) or None,
        published_at=doc.date or None,
        language=page_or_text_language(page_language(tree), text),
        origin=ref,
    )
