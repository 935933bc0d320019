"""Where a batch reads and briefs each input, so that no two threads ever parse HTML at once.

trafilatura, htmldate and lxml share libxml2 state that is not safe to use from several
threads at once: batches crashed natively (segfault, double free) when pages were parsed
in concurrent `asyncio.to_thread` workers. Every batch therefore uses one of two runners:

- `Local`: this process reads every input in one dedicated thread, one at a time, so at
  most one thread ever runs HTML parsing. An LLM engine then works on the event loop
  (its requests overlap); the offline engine briefs in that same thread.
- `Pool`: with the offline engine and room for more than one worker, each input is read
  *and* briefed in a worker process (single-threaded, so parsing is never concurrent
  inside it). The engine is CPU-bound, so this is what makes `-j` parallel. Standard input
  is still read here, in the reading thread, and only briefed in a worker.

Both return an `Outcome`: the brief already serialized as stored, and the few provenance
figures the batch records, so a finished brief is never held longer than its write.
"""

from __future__ import annotations

import asyncio
import os
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from summarizer.errors import (
    InputError,
    NoValidBriefError,
    ProviderError,
    SummarizerError,
    UsageError,
)

if TYPE_CHECKING:
    from summarizer.article import Article
    from summarizer.brief.schema import Brief
    from summarizer.config import Settings
    from summarizer.engines import Engine

_BY_CODE: dict[int, type[SummarizerError]] = {
    1: NoValidBriefError, 2: UsageError, 3: ProviderError, 4: InputError,
}  # fmt: skip


@dataclass(frozen=True)
class Outcome:
    """One input's result: the stored brief text and its figures, or the error."""

    text: str | None = None
    sha256: str | None = None
    tokens: int = 0
    cost_usd: float | None = None
    cached: bool = False
    attempts: int = 1
    read: bool = False  # the input became an article (something was summarized)
    error: SummarizerError | None = None


def brief_text(brief: Brief, fmt: str, lines: bool = False) -> str:
    """A brief as stored: indented JSON, one JSON line, or Markdown."""
    if fmt == "md":
        from summarizer.briefing.render import render_markdown

        return render_markdown([brief])
    return brief.model_dump_json() if lines else brief.model_dump_json(indent=2)


def done(brief: Brief, fmt: str, lines: bool) -> Outcome:
    """The Outcome of a brief (serialized here, then dropped)."""
    p = brief.provenance
    return Outcome(
        text=brief_text(brief, fmt, lines), sha256=p.article_sha256,
        tokens=0 if p.cached else p.usage.total_tokens, cost_usd=None if p.cached else p.cost_usd,
        cached=p.cached, attempts=p.attempts, read=True,
    )  # fmt: skip


def failed(ref: str, exc: BaseException, read: bool = False) -> Outcome:
    """The Outcome of an error; an unexpected one is reported, not raised (unless debugging).

    The error is rebuilt as the plain class of its exit code, so it crosses processes.
    """
    if not isinstance(exc, SummarizerError):
        if os.environ.get("SUMMARIZER_DEBUG") == "1" or not isinstance(exc, Exception):
            raise exc
        exc = NoValidBriefError(f"{ref}: internal error: {type(exc).__name__}: {exc}")
    portable = _BY_CODE.get(exc.exit_code, SummarizerError)(str(exc))
    if isinstance(exc, ProviderError) and isinstance(portable, ProviderError):
        portable.fatal = exc.fatal
    return Outcome(read=read, error=portable)


def read_article(ref: str, settings: Settings) -> Article:
    """One input as an Article, with the settings' size cap and cache."""
    from summarizer.ingest.load import load_article

    return load_article(ref, max_bytes=settings.max_input_bytes, cache=settings.cache)


def brief_offline(engine: Engine, ref: str, article: Article | None, settings: Settings,
             fmt: str, lines: bool) -> Outcome:  # fmt: skip
    """Read (unless given) and brief one input with the offline engine, in this thread."""
    try:
        article = article or read_article(ref, settings)
    except Exception as exc:
        return failed(ref, exc)
    try:
        return done(engine.summarize(article), fmt, lines)
    except Exception as exc:
        return failed(ref, exc, read=True)


def try_read(ref: str, settings: Settings) -> Article | Outcome:
    try:
        return read_article(ref, settings)
    except Exception as exc:
        return failed(ref, exc)


class Local:
    """Reads in one dedicated thread of this process; briefs with the engine given."""

    def __init__(self, engine: Engine, settings: Settings, fmt: str, lines: bool) -> None:
        self.engine, self.settings, self.fmt, self.lines = engine, settings, fmt, lines
        self.offline = engine.name == "extractive"
        self.thread: Executor = ThreadPoolExecutor(1, thread_name_prefix="summarizer-read")

    async def run(self, ref: str) -> Outcome:
        """Read and brief one input."""
        loop = asyncio.get_running_loop()
        s = self.settings
        if self.offline:
            return await loop.run_in_executor(self.thread, brief_offline, self.engine, ref, None, s,
                                              self.fmt, self.lines)  # fmt: skip
        article = await loop.run_in_executor(self.thread, try_read, ref, s)
        if isinstance(article, Outcome):
            return article
        try:
            return done(await self.engine.asummarize(article), self.fmt, self.lines)
        except Exception as exc:
            return failed(ref, exc, read=True)

    def close(self) -> None:
        """Drop what has not started; the read in progress (one input) finishes."""
        self.thread.shutdown(wait=False, cancel_futures=True)
