"""Briefing a long article in parts: each chunk on its own, then one merged brief.

The engine plans the chunks (`summarizer.engines.llm.chunks.plan`); here each is briefed like
an article of its own (same prompt, fewer actors and positions asked for, its own deadline
and attempts), in order, and the briefs are merged (`merge`). The engine then grounds
the merged brief against the whole article.
"""

from __future__ import annotations

import asyncio
from typing import Any

from summarizer.article import Article
from summarizer.brief.grounding import ArticleIndex
from summarizer.brief.schema import Chunk, DraftBrief
from summarizer.engines.llm.calls import Attempts
from summarizer.engines.llm.chunks import Plan
from summarizer.engines.llm.merge import merge
from summarizer.errors import NoValidBriefError

CHUNK_LIMITS = {"max_actors": 5, "max_positions": 4, "max_legal": 3}  # per part of an article
# One at a time: small windows are mostly local servers that answer one request at a time,
# where a queued chunk would spend its request timeout waiting (-j still runs articles at once).
CHUNKS_AT_ONCE = 1


async def in_chunks(
    engine: Any, article: Article, layout: Plan, state: Attempts
) -> tuple[DraftBrief, str, list[Chunk]]:
    """Brief each chunk in order, then merge them into one brief of the article.

    A chunk without a valid brief is left out and recorded (`ok: false`), unless it is the
    lead, which goes first: when it fails, no other chunk is asked. A provider or context
    error stops every chunk of the article.
    """
    gate = asyncio.Semaphore(CHUNKS_AT_ONCE)

    async def one(start: int, end: int) -> tuple[DraftBrief | None, str, Attempts, Any]:
        part = Article(text=article.text[start:end], title=article.title, url=article.url,
                       publisher=article.publisher, published_at=article.published_at,
                       language=article.language, origin=article.origin)  # fmt: skip
        own = Attempts()
        async with gate:
            try:
                draft, mode = await engine.deadline(
                    part, ArticleIndex(part.text), own, layout.answer_tokens, CHUNK_LIMITS
                )
            except NoValidBriefError as exc:
                return None, "", own, exc
            finally:
                state.merge(own)
        return draft, mode, own, None

    lead = await one(*layout.spans[0])  # first: without a lead there is no event, no brief
    if lead[0] is None:
        raise lead[3]
    tasks = [asyncio.ensure_future(one(*span)) for span in layout.spans[1:]]
    try:
        results = [lead, *await asyncio.gather(*tasks)]
    except BaseException:  # a provider or context error: the other chunks stop too
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
    chunks = [Chunk(start=s, end=e, attempts=r[2].count, ok=r[0] is not None)
              for (s, e), r in zip(layout.spans, results, strict=True)]  # fmt: skip
    drafts = [r[0] for r in results if r[0] is not None]
    return merge(drafts), lead[1], chunks
