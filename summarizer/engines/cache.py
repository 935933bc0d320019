"""The response cache: validated LLM briefs in SQLite, so a rerun costs no requests.

The key is a SHA-256 over everything that decides the answer: the endpoint URL, model,
requested output mode, prompt template (name + hash), the rendered messages (article text
and the metadata the prompt shows), schema version, article hash, and the request
parameters (max_tokens, temperature, reasoning effort, parameter style, context window).
Change any of them and the lookup misses.

Only validated, grounded briefs are stored (never failures). A hit is the stored brief with
`provenance.cached = true`; its `usage` and `cost_usd` stay those of the run that paid for
it, while the run's own totals count a hit as zero tokens. `--no-cache` neither reads nor
writes the cache.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarizer.article import Article
from summarizer.brief.assemble import source_of
from summarizer.brief.schema import SCHEMA_VERSION, Brief
from summarizer.errors import UsageError

CACHE_FORMAT = 1
FILE_NAME = "responses.sqlite"
_TABLE = """CREATE TABLE IF NOT EXISTS responses (
    key TEXT PRIMARY KEY, created_at REAL NOT NULL, endpoint TEXT, model TEXT,
    article_sha256 TEXT, brief TEXT NOT NULL)"""


@dataclass
class CacheInfo:
    """What `summarizer cache info` shows."""

    path: Path
    entries: int = 0
    size_bytes: int = 0
    models: dict[str, int] = field(default_factory=dict)


class ResponseCache:
    """A small SQLite key -> brief JSON store (WAL mode; safe for concurrent runs)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None
        self._lock = threading.RLock()  # one connection, used from any thread in turn

    @contextmanager
    def _db_conn(self) -> Iterator[sqlite3.Connection]:
        """The open connection; a broken cache file is a one-line usage error.

        Raises:
            UsageError: The file is not a usable SQLite database (or cannot be created).
        """
        try:
            with self._lock:
                if self._db is None:
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                    self._db = sqlite3.connect(self.path, timeout=30, isolation_level=None,
                                               check_same_thread=False)  # fmt: skip
                    self._db.execute("PRAGMA journal_mode=WAL")
                    self._db.execute(_TABLE)
                yield self._db
        except (sqlite3.DatabaseError, OSError) as exc:
            raise UsageError(
                f"response cache {self.path}: {exc} (delete it, or use --no-cache)"
            ) from None

    def get(self, key: str) -> str | None:
        """The stored brief JSON for a key, or None."""
        with self._db_conn() as db:
            row = db.execute("SELECT brief FROM responses WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def put(self, key: str, brief: Brief) -> None:
        """Store a validated brief under a key (replacing any older one)."""
        p = brief.provenance
        with self._db_conn() as db:
            db.execute(
                "INSERT OR REPLACE INTO responses VALUES (?, ?, ?, ?, ?, ?)",
                (key, time.time(), p.endpoint, p.model, p.article_sha256, brief.model_dump_json()),
            )

    def info(self) -> CacheInfo:
        """Entry count, file size and entries per model."""
        info = CacheInfo(self.path)
        if not self.path.exists():
            return info
        with self._db_conn() as db:
            info.entries = db.execute("SELECT COUNT(*) FROM responses").fetchone()[0]
            rows = db.execute(
                "SELECT model, COUNT(*) FROM responses GROUP BY model ORDER BY 2 DESC"
            ).fetchall()
        info.models = {str(model): count for model, count in rows}
        info.size_bytes = sum(
            p.stat().st_size for p in self.path.parent.glob(self.path.name + "*") if p.is_file()
        )
        return info

    def clear(self) -> int:
        """Delete every entry; return how many there were."""
        if not self.path.exists():
            return 0
        with self._db_conn() as db:
            count = int(db.execute("SELECT COUNT(*) FROM responses").fetchone()[0])
            db.execute("DELETE FROM responses")
            db.execute("VACUUM")
        return count

    def close(self) -> None:
        """Close the database connection."""
        if self._db is not None:
            self._db.close()
            self._db = None


def cache_key(engine: Any, article: Article) -> str:
    """The key for an article under an `LLMEngine`'s settings and prompts."""
    s = engine.settings
    messages = json.dumps(engine.prompts.render(article), sort_keys=True, ensure_ascii=False)
    parts = {
        "format": CACHE_FORMAT,
        "endpoint": (s.base_url or "https://api.openai.com/v1").rstrip("/"),
        "model": engine.model,
        "mode": s.mode,
        "prompt": [engine.prompts.name, engine.prompts.sha256],
        "messages": hashlib.sha256(messages.encode()).hexdigest(),
        "schema": SCHEMA_VERSION,
        "article": article.sha256,
        "params": {"max_tokens": s.max_tokens, "temperature": s.temperature},
    }
    # Settings that change the request or the chunking (added only when set, so older keys
    # stay valid); what the endpoint taught (parameter names) does not change the key.
    extra = {"reasoning_effort": s.reasoning_effort, "param_style": s.param_style}
    parts["params"] |= {k: v for k, v in extra.items() if v != "auto"}
    if s.context_tokens:
        parts["params"]["context_tokens"] = s.context_tokens
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


class CachedEngine:
    """An `LLMEngine` behind the response cache: a hit makes no request at all."""

    name = "llm"

    def __init__(self, engine: Any, cache: ResponseCache) -> None:
        self.engine = engine
        self.cache = cache
        self.hits = 0
        self.misses = 0

    def summarize(self, article: Article) -> Brief:
        """Synchronous `Article -> Brief` (on the process's one background event loop)."""
        from summarizer.engines.llm.runner import run_sync

        return run_sync(self.asummarize(article))

    async def asummarize(self, article: Article) -> Brief:
        """The cached brief for this article and settings, else the engine's (then stored)."""
        key = cache_key(self.engine, article)
        stored = self.cache.get(key)
        if stored is not None:
            try:
                brief = Brief.model_validate_json(stored)
            except ValueError:
                brief = None  # written by an incompatible version: ask again
            if brief is not None:
                self.hits += 1
                brief.source = source_of(article)
                brief.provenance.article_origin = article.origin
                brief.provenance.cached = True
                return brief
        self.misses += 1
        brief = await self.engine.asummarize(article)
        self.cache.put(key, brief)
        return brief
