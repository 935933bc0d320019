"""Engine selection: the one place that decides which `Article -> Brief` engine runs."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from summarizer.article import Article
from summarizer.brief.schema import Brief
from summarizer.config import Settings, cache_folder

if TYPE_CHECKING:
    from summarizer.engines.cache import ResponseCache

EXTRACTIVE_NOTICE = (
    "summarizer: no LLM configured: extractive brief; "
    "set OPENAI_API_KEY or --base-url for an LLM brief"
)


class Engine(Protocol):
    """Anything that turns an article into a grounded brief."""

    name: str

    def summarize(self, article: Article) -> Brief: ...

    async def asummarize(self, article: Article) -> Brief: ...


def cache_dir(settings: Settings) -> Path:
    """The user cache folder (`SUMMARIZER_CACHE_DIR` / settings override the platform one)."""
    return cache_folder(settings.cache_dir)


def response_cache(settings: Settings) -> ResponseCache:
    """The LLM response cache in the user cache folder (opened on first use)."""
    from summarizer.engines.cache import FILE_NAME, ResponseCache

    return ResponseCache(cache_dir(settings) / FILE_NAME)


def make_engine(
    settings: Settings, raw_dir: Path | None = None, notice: bool = True, meter: Any = None
) -> Engine:
    """Build the engine the settings ask for; say so on stderr when falling back offline.

    The LLM engine sits behind the response cache unless `settings.cache` is off; a
    `summarizer.batch.ratelimit.Meter` paces and counts its requests when one is given.
    """
    if settings.effective_engine == "extractive":
        from summarizer.engines.extractive.engine import ExtractiveEngine

        if notice and settings.engine == "auto":
            print(EXTRACTIVE_NOTICE, file=sys.stderr)
        return ExtractiveEngine()
    from summarizer.engines.llm.engine import LLMEngine
    from summarizer.engines.llm.modes import ModeMemory

    memory = ModeMemory(cache_dir(settings) / "modes.json")
    factory = None
    if meter is not None:

        def factory() -> Any:  # built on first request (openai is imported then, not before)
            from summarizer.engines.llm.engine import make_client

            return make_client(settings, event_hooks=meter.event_hooks())

    engine = LLMEngine(settings, modes=memory, raw_dir=raw_dir or cache_dir(settings) / "failed",
                       client_factory=factory)  # fmt: skip
    if not settings.cache:
        return engine
    from summarizer.engines.cache import CachedEngine

    return CachedEngine(engine, response_cache(settings))
