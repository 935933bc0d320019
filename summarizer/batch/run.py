"""The summarize job: inputs -> articles -> engine -> briefs on stdout or in files.

Built for batches of thousands: `-j N` workers pull inputs from one lazy iterator (never a
task per input), each brief is written atomically as soon as it is ready and then dropped,
and with `-o DIR` the manifest (`summarizer.batch.manifest`) records every input's status. The
same command run again skips the briefs already in DIR (resume). One input failing never
stops the others; a fatal provider error (auth, unreachable) or a brief that cannot be
written stops the rest; Ctrl-C or SIGTERM abandons the requests in flight, writes the
manifest and exits 130.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from summarizer.batch.manifest import Manifest
from summarizer.batch.progress import Progress, Tally, summary
from summarizer.batch.work import Local, Outcome, brief_text
from summarizer.config import Settings
from summarizer.engines import EXTRACTIVE_NOTICE, make_engine
from summarizer.errors import (
    InputError,
    NoValidBriefError,
    ProviderError,
    SummarizerError,
    UsageError,
)
from summarizer.files import write_output
from summarizer.wording import count

__all__ = ["Batch", "brief_text", "output_paths", "prepare_folder", "summarize_inputs"]
# `-o` names ending so are files: with several inputs they are a mistake, not a new folder.
FILE_SUFFIXES = frozenset({".json", ".jsonl", ".md", ".markdown", ".txt", ".html", ".htm"})
# Fewer inputs than this are briefed in this process: starting warm worker processes costs
# about as much as briefing a dozen pages.
POOL_MIN = 16


def output_paths(refs: list[str], folder: Path, ext: str) -> dict[str, Path]:
    """`folder/<stem>.<ext>` per input; clashing stems get a short hash of the input."""
    import hashlib

    from summarizer.article import stem_for

    paths: dict[str, Path] = {}
    seen: set[str] = set()
    for ref in refs:
        stem = stem_for(ref)
        if stem in seen:
            stem = f"{stem}-{hashlib.sha256(ref.encode()).hexdigest()[:8]}"
        seen.add(stem)
        paths[ref] = folder / f"{stem}.{ext}"
    return paths


def prepare_folder(folder: Path) -> None:
    """Create an output folder before any work, so a bad `-o` fails at once.

    Raises:
        UsageError: The folder cannot be created (a file is in the way, no permission).
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        why = exc.strerror or exc
        raise UsageError(f"cannot create the output folder {folder}: {why}") from None


def make_meter(settings: Settings) -> Any:
    """The request meter (rpm/tpm caps, counters) for an LLM run; None for extractive."""
    if settings.effective_engine != "llm":
        return None
    from summarizer.batch.ratelimit import Limiter, Meter

    limiter = Limiter(rpm=settings.rpm, tpm=settings.tpm)
    return Meter(limiter, model=settings.effective_model, prices_file=settings.prices_file)


class Batch:
    """One run over a list of inputs: worker pool, outputs, manifest, progress."""

    def __init__(
        self, settings: Settings, fmt: str, folder: Path | None, targets: dict[str, Path],
        lines: bool, output: Path | None,
    ) -> None:  # fmt: skip
        self.settings, self.fmt, self.folder, self.targets = settings, fmt, folder, targets
        self.lines, self.output = lines, output
        self.tally = Tally()
        self.meter: Any = None
        self.manifest = Manifest(folder) if folder else None
        self.progress = Progress(self.tally, enabled=False)
        self.worst = 0
        self.stopped = False
        self.inflight: dict[int, str] = {}
        self._ready: dict[int, str | None] = {}
        self._next = 0
        self._single: str | None = None
        self._noticed = False
        self._refs: list[str] = []

    def run(self, refs: list[str], announce: bool) -> int:
        """Summarize every input not already done; return the exit code."""
        # stdin cannot be told apart between runs, so it is always summarized again
        kept = {r for r in refs if r != "-" and r in self.targets and self.targets[r].exists()}
        self._refs = [r for r in refs if r not in kept]
        self.tally.total, self.tally.kept = len(refs) - len(kept), len(kept)
        if self.manifest is not None:
            self.manifest.open()
            for ref in refs:
                if ref in kept:
                    self.manifest.record(ref, "kept", output=self.targets[ref].name)
        todo = ((i, r) for i, r in enumerate(refs) if r not in kept)
        interrupted = False
        if self.tally.total:
            runner = self._runner()
            try:
                with Progress(self.tally, self.meter) as self.progress:
                    interrupted = asyncio.run(self._pool(runner, todo))
            finally:
                runner.close()
            self._late(runner)
        self._finish_run(refs, todo, "interrupted" if interrupted else
                         "stopped" if self.stopped else "completed")  # fmt: skip
        if interrupted:
            raise KeyboardInterrupt(self._interrupted_message())
        if announce:
            where = str(self.manifest.path) if self.manifest else None
            print(summary(self.tally, self.meter, where), file=sys.stderr)
        return self.worst

    def _runner(self) -> Any:
        """Worker processes for the offline engine when they pay; else this process."""
        from summarizer.batch.pool import cpus, usable

        lines, s = self.lines and self.folder is None, self.settings
        workers = min(s.concurrency, cpus(), self.tally.total)
        offline = s.effective_engine == "extractive"
        if offline and workers >= 2 and self.tally.total >= POOL_MIN and usable():
            from summarizer.batch.pool import Pool, may_be_html

            targets = self.targets if self.manifest else None
            return Pool(s, self.fmt, lines, workers, targets, html=may_be_html(self._refs))
        self.meter = make_meter(s)
        raw_dir = self.folder / ".failed" if self.folder else None
        engine = make_engine(s, raw_dir=raw_dir, notice=False, meter=self.meter)
        return Local(engine, s, self.fmt, lines)

    async def _pool(self, runner: Any, todo: Iterator[tuple[int, str]]) -> bool:
        """Run `concurrency` workers over the inputs; True when interrupted."""
        loop, me = asyncio.get_running_loop(), asyncio.current_task()
        try:
            loop.add_signal_handler(signal.SIGTERM, me.cancel)  # type: ignore[union-attr]
            on_term = True
        except (NotImplementedError, RuntimeError, ValueError):
            on_term = False
        slots = getattr(runner, "slots", self.settings.concurrency)
        workers = [asyncio.create_task(self._worker(runner, todo)) for _ in range(slots)]
        try:
            await asyncio.gather(*workers)
            return False
        except asyncio.CancelledError:
            for worker in workers:
                worker.cancel()
            await asyncio.gather(*workers, return_exceptions=True)
            return True
        finally:
            if on_term:
                loop.remove_signal_handler(signal.SIGTERM)

    async def _worker(self, runner: Any, todo: Iterator[tuple[int, str]]) -> None:
        while not self.stopped:
            item = next(todo, None)
            if item is None:
                return
            index, ref = item
            self.inflight[index] = ref
            outcome: Outcome = await runner.run(ref)
            del self.inflight[index]
            self._record(index, ref, outcome)

    def _late(self, runner: Any) -> None:
        """Record the briefs written after an interruption by inputs that were in flight."""
        late = runner.late() if hasattr(runner, "late") else {}
        for index, ref in list(self.inflight.items()):
            if ref in late:
                del self.inflight[index]
                self._record(index, ref, late[ref])

    def _record(self, index: int, ref: str, outcome: Outcome) -> None:
        if outcome.stop:  # the output cannot be written: the next brief would fail too
            self.stopped = True
        if outcome.read and not self._noticed:
            self._noticed = True
            if self.settings.engine == "auto" and self.settings.effective_engine == "extractive":
                self.progress.line(EXTRACTIVE_NOTICE)
        if outcome.error is not None:
            self._failed(index, ref, outcome.error)
        else:
            self._done(index, ref, outcome)
        self.progress.advance()

    def _failed(self, index: int, ref: str, error: SummarizerError) -> None:
        self.tally.failed += 1
        self.worst = max(self.worst, error.exit_code)
        if isinstance(error, NoValidBriefError) and self.meter is not None:
            self.tally.reasks += self.settings.max_retries
        if isinstance(error, ProviderError) and error.fatal:
            self.stopped = True
        message = str(error)
        if not message.startswith(ref):
            message = f"{ref}: {message}"
        self.progress.failure(f"summarizer: error: {message}", short=self.manifest is not None)
        if self.manifest is not None:
            self.manifest.record(ref, "failed", error=message, exit_code=error.exit_code)
        self._emit(index, None)

    def _done(self, index: int, ref: str, outcome: Outcome) -> None:
        text = outcome.text or ""
        if self.manifest is not None and not outcome.written:
            try:
                write_output(self.targets[ref], text)
            except UsageError as exc:  # the next brief would fail the same way: stop
                self.stopped = True
                self._failed(index, ref, exc)
                return
        self.tally.done += 1
        self.tally.cached += outcome.cached
        self.tally.reasks += 0 if outcome.cached else max(outcome.attempts - 1, 0)
        if self.manifest is None:
            self._emit(index, text)
            return
        self.manifest.record(
            ref, "done", output=self.targets[ref].name, sha256=outcome.sha256,
            tokens=outcome.tokens, cost_usd=outcome.cost_usd, cached=outcome.cached or None,
        )  # fmt: skip

    def _emit(self, index: int, text: str | None) -> None:
        """Stdout / single file: in input order, as soon as the earlier ones are out."""
        if self.folder is not None:
            return
        self._ready[index] = text
        while self._next in self._ready:
            self._write_out(self._ready.pop(self._next))
            self._next += 1

    def _write_out(self, text: str | None) -> None:
        if text is None:
            return
        if self.output is None:
            sys.stdout.write(text + "\n")
            sys.stdout.flush()
        else:
            self._single = text

    def _finish_run(self, refs: list[str], todo: Iterator[tuple[int, str]], status: str) -> None:
        """Mark everything unfinished as pending, write out what is left, close the manifest."""
        unfinished = [*self.inflight.values(), *(ref for _, ref in todo)]
        self.tally.pending = len(unfinished)
        for index in sorted(self._ready):
            self._write_out(self._ready.pop(index))
        if self.output is not None and self._single is not None:
            write_output(self.output, self._single + "\n")
        if self.stopped and unfinished:
            self.progress.line(f"summarizer: {len(unfinished)} inputs not attempted "
                               "(stopped after a fatal error)")  # fmt: skip
        if self.manifest is None:
            return
        for ref in unfinished:
            self.manifest.record(ref, "pending", output=self.targets[ref].name)
        m, t = self.meter, self.tally
        self.manifest.run(
            status=status, inputs=t.total + t.kept, done=t.done, cached=t.cached,
            failed=t.failed, kept=t.kept, pending=t.pending, elapsed_s=round(t.elapsed, 3),
            requests=m.requests if m else 0, retries=m.retries if m else 0,
            tokens=m.usage.model_dump() if m else None, cost_usd=m.cost_usd if m else None,
        )  # fmt: skip
        self.manifest.close(order=refs)

    def _interrupted_message(self) -> str:
        t = self.tally
        text = f"{count(t.done, 'brief')} written, {t.pending} unfinished"
        if self.folder is not None:
            text += "; run the same command again to resume"
        return text


def summarize_inputs(settings: Settings, inputs: list[str], out: str | None, fmt: str) -> int:
    """Run the summarize command; return its exit code.

    Several inputs (or `-o` naming a folder, or ending in '/') write `<folder>/<stem>.<ext>`
    per input, skip inputs whose output already exists (resume) and keep
    `<folder>/manifest.jsonl`; otherwise briefs go to stdout (JSON Lines for several) or to
    the `-o` file. Several inputs end with a one-line summary on stderr.

    Raises:
        KeyboardInterrupt: Ctrl-C or SIGTERM, after the manifest is written; its message
            says what was done.
    """
    from summarizer.ingest.load import expand_inputs

    refs = expand_inputs(inputs)
    if not refs:
        raise InputError("no inputs")
    output = Path(out) if out and out != "-" else None
    as_folder = str(out).endswith(("/", os.sep))
    many = len(refs) > 1 or (output is not None and (output.is_dir() or as_folder))
    if many and output is not None and not output.is_dir() and (
        output.exists() or (not as_folder and output.suffix.lower() in FILE_SUFFIXES)
    ):
        raise UsageError(f"-o {out}: several inputs need a folder, not a file (end it with / "
                         "to make a folder of that name)")  # fmt: skip
    ext = "md" if fmt == "md" else "json"
    folder = output if many and output is not None else None
    if output is not None:
        prepare_folder(folder or output.parent)
    targets = output_paths(refs, folder, ext) if folder else {}
    batch = Batch(settings, fmt, folder, targets, lines=many, output=None if folder else output)
    return batch.run(refs, announce=len(refs) > 1)
