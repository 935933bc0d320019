"""The synchronous API's event loop: one loop in a background thread, for the whole process.

`asyncio.run` per call would give every call a new loop, while the openai client's pooled
connections belong to the loop that opened them: the next call finds them dead, and the SDK
re-sends (a duplicate request) after a backoff (a stall). Running every synchronous call on
one long-lived loop keeps the client, its connections and the loop together.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")
_lock = threading.Lock()
_loop: asyncio.AbstractEventLoop | None = None


def background_loop() -> asyncio.AbstractEventLoop:
    """The shared loop, started on first use in a daemon thread."""
    global _loop
    with _lock:
        if _loop is None or _loop.is_closed():
            loop = asyncio.new_event_loop()
            thread = threading.Thread(target=loop.run_forever, name="summarizer-sync",
                                      daemon=True)  # fmt: skip
            thread.start()
            _loop = loop
        return _loop


def run_sync(coro: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine on the shared loop and wait for its result (Ctrl-C cancels it)."""
    loop = background_loop()
    try:
        running = asyncio.get_running_loop()
    except RuntimeError:
        running = None
    if running is loop:
        coro.close()
        raise RuntimeError("summarize() called from the summarizer's own loop: await asummarize()")
    future = asyncio.run_coroutine_threadsafe(coro, loop)
    try:
        return future.result()
    except BaseException:
        future.cancel()
        raise
