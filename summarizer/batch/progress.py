"""Batch progress: a live bar on stderr when it is a terminal, and the end-of-run summary.

The bar (rich, imported only when shown) reads the `Tally` and the request `Meter`: done,
failed, retried, tokens, cost, elapsed and ETA. When stderr is not a terminal nothing is
drawn; error lines and the summary are printed either way. Each failure is one line; on a
terminal, with a manifest (which keeps each error in full), it is cut to the width.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from dataclasses import dataclass, field
from typing import Any, TextIO


@dataclass
class Tally:
    """What a run has done so far."""

    total: int = 0  # inputs this run works on (kept ones excluded)
    kept: int = 0  # briefs already in the folder from an earlier run
    done: int = 0
    cached: int = 0
    failed: int = 0
    pending: int = 0  # not attempted: interrupted, or stopped by a fatal error
    reasks: int = 0  # answers re-asked because they were invalid or cut off
    started: float = field(default_factory=time.monotonic)

    @property
    def elapsed(self) -> float:
        """Seconds since the run started."""
        return time.monotonic() - self.started


def _tokens(n: int) -> str:
    return f"{n / 1000:.1f}k" if n >= 10_000 else str(n)


class Progress:
    """The live bar (when enabled) plus line printing that does not garble it."""

    def __init__(
        self, tally: Tally, meter: Any = None, enabled: bool | None = None,
        stream: TextIO | None = None,
    ) -> None:  # fmt: skip
        self.tally = tally
        self.meter = meter
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self._bar: Any = None
        self._task: Any = None

    def stats(self) -> str:
        """The counters part of the bar: failed, retried, tokens, cost."""
        t, m = self.tally, self.meter
        parts = [f"failed {t.failed}"]
        if t.cached:
            parts.append(f"cached {t.cached}")
        retries = t.reasks + (m.retries if m else 0)
        parts.append(f"retried {retries}")
        if m is not None and m.usage.total_tokens:
            parts.append(f"{_tokens(m.usage.total_tokens)} tok")
        if m is not None and m.cost_usd is not None:
            parts.append(f"${m.cost_usd:.4f}")
        return " · ".join(parts)

    def __enter__(self) -> Progress:
        if self.enabled and self.tally.total:
            self._start()
        return self

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            ProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as Bar
        from rich.text import Text

        outer = self

        class Stats(ProgressColumn):
            def render(self, task: Any) -> Text:
                return Text(outer.stats())

        console = Console(file=self.stream, force_terminal=True)
        self._bar = Bar(
            TextColumn("summarize"), BarColumn(), MofNCompleteColumn(), Stats(),
            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=console,
            transient=True, refresh_per_second=4,
        )  # fmt: skip
        self._task = self._bar.add_task("summarize", total=self.tally.total)
        self._bar.start()

    def advance(self) -> None:
        """One input finished (either way)."""
        if self._bar is not None:
            self._bar.advance(self._task)

    def line(self, text: str) -> None:
        """Print one line on stderr, above the bar when it is shown."""
        if self._bar is not None:
            self._bar.console.print(text, markup=False, highlight=False, soft_wrap=True)
        else:
            print(text, file=self.stream, flush=True)

    def failure(self, text: str, short: bool) -> None:
        """Print a failure as one line; on a terminal, `short` (the manifest holds the full
        text) cuts it to the width, so a run with many failures does not flood the screen."""
        flat = " ".join(text.split())
        if short and self.on_terminal():
            width = self._width()
            if len(flat) > width:
                flat = flat[: width - 1].rstrip() + "…"
        self.line(flat)

    def on_terminal(self) -> bool:
        """Whether stderr is a terminal (a log or a pipe gets whole lines)."""
        try:
            return bool(self.stream.isatty())
        except (AttributeError, ValueError):
            return False

    def _width(self) -> int:
        if self._bar is not None:
            return int(self._bar.console.width)
        try:
            return os.get_terminal_size(self.stream.fileno()).columns
        except (AttributeError, OSError, ValueError):
            return shutil.get_terminal_size((100, 24)).columns

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def summary(tally: Tally, meter: Any = None, manifest: str | None = None) -> str:
    """The one-line end-of-run summary."""
    t = tally
    head = f"{t.done} done" + (f" ({t.cached} from cache)" if t.cached else "")
    parts = [head, f"{t.failed} failed"]
    if t.kept:
        parts.append(f"{t.kept} kept from earlier runs")
    if t.pending:
        parts.append(f"{t.pending} not attempted")
    if meter is not None:
        parts.append(
            f"{meter.requests} requests ({meter.retries} retried after 429/5xx/timeouts, "
            f"{t.reasks} re-asks)"
        )
        u = meter.usage
        parts.append(f"{u.total_tokens:,} tokens ({u.prompt_tokens:,} in, {u.completion_tokens:,} "
                     "out)")  # fmt: skip
        if meter.cost_usd is not None:
            parts.append(f"est. ${meter.cost_usd:.4f}")
        elif u.total_tokens:
            parts.append(f"no price known for {meter.model!r}")
    parts.append(f"{t.elapsed:.1f}s")
    if manifest:
        parts.append(f"manifest {manifest}")
    return "summarizer: " + ", ".join(parts)
