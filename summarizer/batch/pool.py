"""Worker processes that parse and brief inputs with the offline engine (`-j` > 1).

Each worker is single-threaded, so HTML parsing (trafilatura, htmldate, lxml) never runs
beside another parse inside it, and the CPU-bound engine runs in parallel across workers.
The batch's process only hands out work and keeps the books, since it shares the CPUs with
the workers: a worker reads a local file itself, and with `-o DIR` writes the brief file
itself (atomically) and sends back only its figures. Standard input and URLs are read in
the batch's process (see `summarizer.batch.work`; downloads overlap there) and their bytes
sent. A few inputs per worker are queued ahead, so no worker waits for the next one while
the batch's process records the last.

Workers fork from a server that has already imported and warmed up the engine code
(`summarizer.batch.warm`; also the HTML parsers when a batch may hold web pages), take the
parent's current environment, working folder and umask, ignore Ctrl-C (the parent handles
it and shuts them down), and exit on their own if the parent dies. A worker that dies on an
input (a native crash, the OOM killer) breaks the pool: it is replaced and the inputs it
held are tried once more. When a run is interrupted, the briefs the workers still wrote are
handed back (`late`), so the manifest records every brief file there as done.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import select
import signal
import sys
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarizer.batch.work import Outcome, brief_offline, failed, read, read_here
from summarizer.errors import NoValidBriefError
from summarizer.files import process_umask
from summarizer.ingest.fetch import is_url

if TYPE_CHECKING:
    from summarizer.config import Settings
    from summarizer.ingest.load import Raw

# What the workers' fork server imports before the first fork: the warm-up, and the command
# line, which each worker imports again as the parent's `__main__` (multiprocessing's rule).
PRELOAD = ["summarizer.batch.warm", "summarizer.cli"]
PRELOAD_HTML = ["summarizer.batch.warm_html", "summarizer.cli"]
_state: dict[str, Any] = {}
# Inputs handed to the pool per worker at a time: one running, the others queued ahead.
AHEAD = 4


def cpus() -> int:
    """CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def usable() -> bool:
    """Whether worker processes can start here: each one imports the parent's `__main__`
    again (multiprocessing's rule), which fails when it came from stdin or a notebook."""
    main = sys.modules.get("__main__")
    if getattr(getattr(main, "__spec__", None), "name", None):
        return True
    path = getattr(main, "__file__", None)
    return path is None or os.path.isfile(path)


def may_be_html(refs: list[str]) -> bool:
    """Whether any input may be a web page: not a `.txt` or Markdown file (plain or gzip).
    Only the warm-up depends on it: a text file holding a page is still read as one."""
    from summarizer.ingest.load import MARKDOWN_SUFFIXES, TEXT_SUFFIXES

    plain = TEXT_SUFFIXES | MARKDOWN_SUFFIXES
    for ref in refs:
        name = ref[:-3] if ref.lower().endswith(".gz") else ref
        if ref == "-" or is_url(ref) or os.path.splitext(name)[1].lower() not in plain:
            return True
    return False


def _watch(main: int) -> None:
    """Exit when the batch's process is gone (killed with -9: nobody shuts the pool down).

    Watching the direct parent is not enough: that is the fork server, which itself waits
    for its children to close their copies of its lifeline.
    """

    def watch() -> None:
        try:
            fd = os.pidfd_open(main)  # readable once that process has ended
            select.select([fd], [], [])
        except ProcessLookupError:
            pass
        except (AttributeError, OSError):  # no pidfd here: poll
            while _alive(main):
                time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="summarizer-watch", daemon=True).start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _init(settings: Settings, fmt: str, lines: bool, env: dict[str, str], cwd: str,
          main: int, umask: int) -> None:  # fmt: skip
    """Worker start: the parent's environment, folder and umask, no Ctrl-C, one engine."""
    from summarizer.engines.extractive.engine import ExtractiveEngine

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.environ.clear()
    os.environ.update(env)
    os.chdir(cwd)
    os.umask(umask)  # the fork server's may be older: files get the batch's permissions
    _state.update(engine=ExtractiveEngine(), settings=settings, fmt=fmt, lines=lines)
    _watch(main)


def _brief(item: Raw | str, target: str | None) -> Outcome:
    """In a worker: read a file (or take the bytes read for it), parse, brief and, with a
    `target`, write the brief there."""
    raw = read_here(item, _state["settings"]) if isinstance(item, str) else item
    if isinstance(raw, Outcome):
        return raw
    where = Path(target) if target is not None else None
    return brief_offline(_state["engine"], raw, _state["fmt"], _state["lines"], where)


class Pool:
    """Offline briefs in `workers` processes, written to `targets` (input -> file) when
    given; `slots` inputs may be in flight at once."""

    def __init__(self, settings: Settings, fmt: str, lines: bool, workers: int,
                 targets: dict[str, Path] | None = None, html: bool = True) -> None:  # fmt: skip
        self.settings = settings
        self._preload = PRELOAD_HTML if html else PRELOAD
        self.targets = targets or {}
        self.slots = max(settings.concurrency, workers * AHEAD)
        self._initargs = (settings, fmt, lines, dict(os.environ), os.getcwd(), os.getpid(),
                          process_umask())  # fmt: skip
        self._workers = workers
        self._abandoned: dict[str, Future[Outcome]] = {}
        self._pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        context: BaseContext
        if "forkserver" in multiprocessing.get_all_start_methods():
            server = multiprocessing.get_context("forkserver")
            server.set_forkserver_preload(self._preload)  # once a process's server runs: kept
            context = server
        else:  # Windows: each worker starts cold
            context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(self._workers, mp_context=context, initializer=_init,
                                   initargs=self._initargs)  # fmt: skip

    async def run(self, ref: str) -> Outcome:
        """Read, parse, brief (and write) one input in a worker; stdin and URLs are read
        here first."""
        item: Raw | str = ref
        if ref == "-" or is_url(ref):
            raw = await read(ref, self.settings)
            if isinstance(raw, Outcome):
                return raw
            item = raw
        target = self.targets.get(ref)
        where = str(target) if target is not None else None
        for _ in range(2):
            pool = self._pool
            future: Future[Outcome] | None = None
            try:
                future = pool.submit(_brief, item, where)
                return await asyncio.wrap_future(future)
            except BrokenProcessPool:
                if self._pool is pool:  # the first input to notice replaces the pool
                    pool.shutdown(wait=False, cancel_futures=True)
                    self._pool = self._start()
            except asyncio.CancelledError:  # interrupted: it may still finish (see `late`)
                if future is not None and where is not None:
                    self._abandoned[ref] = future
                raise
        return failed(ref, NoValidBriefError(f"{ref}: the worker process died on this input"))

    def close(self) -> None:
        """Cancel what has not started, let running inputs finish, stop the workers."""
        self._pool.shutdown(wait=True, cancel_futures=True)

    def late(self) -> dict[str, Outcome]:
        """After `close`: the briefs written by inputs in flight when the run was cancelled."""
        out = {}
        for ref, future in self._abandoned.items():
            if future.done() and not future.cancelled() and future.exception() is None:
                outcome = future.result()
                if outcome.written:
                    out[ref] = outcome
        return out
