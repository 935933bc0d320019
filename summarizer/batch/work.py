"""Where a batch reads, parses and briefs each input, so no two threads ever parse HTML at once.

trafilatura, htmldate and lxml share libxml2 state that is not safe to use from several
threads at once: batches crashed natively (segfault, double free) when pages were parsed
in concurrent `asyncio.to_thread` workers. So each input goes through three steps:

1. read (`summarizer.ingest.load.read_input`: files, stdin, downloads; I/O only) in the
   default thread pool, so reads and downloads overlap up to `-j`;
2. parse (`parse_input`: decoding, HTML extraction) in exactly one place at a time:
   - `Local`: one dedicated thread of this process, which with the offline engine also
     briefs; an LLM engine then works on the event loop, its requests overlapping;
   - `Pool` (`summarizer.batch.pool`): with the offline engine and enough inputs, worker
     processes, each single-threaded, parse and brief; the engine is CPU-bound, so this is
     what makes `-j` parallel.

Both return an `Outcome`: the brief already serialized as stored (or, from a worker
process with `-o DIR`, already written there: `written`), and the few provenance figures
the batch records, so a finished brief is never held longer than its write.
"""

from __future__ import annotations

import asyncio
import os
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from summarizer.errors import (
    InputError,
    NoValidBriefError,
    ProviderError,
    SummarizerError,
    UsageError,
)

if TYPE_CHECKING:
    from pathlib import Path

    from summarizer.article import Article
    from summarizer.brief.schema import Brief
    from summarizer.config import Settings
    from summarizer.engines import Engine
    from summarizer.ingest.load import Raw

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
    written: bool = False  # the brief is already in its output file (`text` is then None)
    stop: bool = False  # the output cannot be written: the next brief would fail the same way


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


def read_here(ref: str, settings: Settings) -> Raw | Outcome:
    """An input's bytes, read in the calling thread."""
    from summarizer.ingest.load import read_input

    try:
        return read_input(ref, max_bytes=settings.max_input_bytes, cache=settings.cache)
    except Exception as exc:
        return failed(ref, exc)


async def read(ref: str, settings: Settings) -> Raw | Outcome:
    """An input's bytes, read in a thread of the default pool (I/O only: reads may overlap)."""
    return await asyncio.to_thread(read_here, ref, settings)


def parse(raw: Raw) -> Article | Outcome:
    """The article in an input's bytes (HTML parsing: one thread at a time, see above)."""
    from summarizer.ingest.load import parse_input

    try:
        return parse_input(raw)
    except Exception as exc:
        return failed(raw.ref, exc)


def brief_offline(engine: Engine, raw: Raw, fmt: str, lines: bool,
                  target: Path | None = None) -> Outcome:  # fmt: skip
    """Parse and brief one input with the offline engine, in the calling thread; with a
    `target`, write the brief there (atomically) and return only its figures."""
    article = parse(raw)
    if isinstance(article, Outcome):
        return article
    try:
        outcome = done(engine.summarize(article), fmt, lines)
    except Exception as exc:
        return failed(raw.ref, exc, read=True)
    if target is None:
        return outcome
    from summarizer.files import write_output

    try:
        write_output(target, outcome.text or "")
    except UsageError as exc:
        return replace(failed(raw.ref, exc, read=True), stop=True)
    return replace(outcome, text=None, written=True)


class Local:
    """Parses in one dedicated thread of this process; briefs with the engine given."""

    def __init__(self, engine: Engine, settings: Settings, fmt: str, lines: bool) -> None:
        self.engine, self.settings, self.fmt, self.lines = engine, settings, fmt, lines
        self.offline = engine.name == "extractive"
        self.thread: Executor = ThreadPoolExecutor(1, thread_name_prefix="summarizer-parse")

    async def run(self, ref: str) -> Outcome:
        """Read, parse and brief one input."""
        raw = await read(ref, self.settings)
        if isinstance(raw, Outcome):
            return raw
        loop = asyncio.get_running_loop()
        if self.offline:
            return await loop.run_in_executor(self.thread, brief_offline, self.engine, raw,
                                              self.fmt, self.lines)  # fmt: skip
        article = await loop.run_in_executor(self.thread, parse, raw)
        if isinstance(article, Outcome):
            return article
        try:
            return done(await self.engine.asummarize(article), self.fmt, self.lines)
        except Exception as exc:
            return failed(ref, exc, read=True)

    def close(self) -> None:
        """Drop what has not started; the parse in progress (one input) finishes."""
        self.thread.shutdown(wait=False, cancel_futures=True)
