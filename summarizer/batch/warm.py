"""Warm-up for the worker fork server: imported there only, never by the tool itself.

`summarizer.batch.pool` starts its workers by forking a server that has preloaded this
module (or `summarizer.batch.warm_html`, when a batch may hold web pages). Importing it
briefs one small text, so the offline engine has built its tables once, before the fork:
every worker then starts warm and shares those pages of memory with its siblings instead
of rebuilding them. The HTML warm-up also reads a page, loading the parsing libraries
(trafilatura, lxml: about 0.3 s), which a batch of text files never needs.
"""

from __future__ import annotations

_PAGE = """<!doctype html><html lang="en"><head><title>Harbour Board Approves Ferry Link</title>
<meta property="og:site_name" content="Warm-up Gazette"></head><body><article>
<h1>Harbour Board Approves Ferry Link</h1><p>Published 3 March 2025.</p>
<p>The Harbour Board of Norland on Monday approved a ferry link between Velmora and the
islands, its chair Anna Berg said, after the Supreme Court rejected an appeal under the
Coastal Protection Act.</p><p>The first ferry is due to sail in June, the board said in a
statement, and the government in Velmora welcomed the decision.</p></article></body></html>"""
_TEXT = (
    "Harbour Board Approves Ferry Link\n\nThe Harbour Board of Norland on Monday approved a "
    "ferry link between Velmora and the islands, its chair Anna Berg said, after the Supreme "
    "Court rejected an appeal under the Coastal Protection Act.\n\nThe first ferry is due to "
    "sail in June, the board said in a statement, and the government in Velmora welcomed the "
    "decision.\n"
)


def warm(html: bool = False) -> None:
    """Brief the text above once, or with `html` the page (errors are ignored: this is only
    a warm-up)."""
    from summarizer.engines.extractive.engine import ExtractiveEngine
    from summarizer.ingest.load import html_article, text_article

    try:
        article = (html_article(_PAGE.encode(), "warm-up.html") if html
                   else text_article(_TEXT.encode(), "warm-up.txt"))  # fmt: skip
        ExtractiveEngine().summarize(article)
    except Exception:  # noqa: BLE001, S110 - a failed warm-up only costs the first input time
        pass


warm()
