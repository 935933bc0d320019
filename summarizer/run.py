"""The summarize job: inputs -> articles -> engine -> briefs on stdout or in files.

One input failing never stops the others; the exit code reports the worst failure.
"""

from __future__ import annotations

import asyncio
import sys
from dataclasses import dataclass
from pathlib import Path

from .config import Settings
from .engines import Engine, make_engine
from .errors import InputError, ProviderError, SummarizerError, UsageError
from .schema import Brief
from .store import write_atomic


@dataclass
class Outcome:
    """What happened to one input."""

    ref: str
    brief: Brief | None = None
    error: SummarizerError | None = None
    skipped: bool = False  # already done in a previous run (resume)


def output_paths(refs: list[str], folder: Path, ext: str) -> dict[str, Path]:
    """`folder/<stem>.<ext>` per input; clashing stems get a short hash of the input."""
    import hashlib

    from .article import stem_for

    paths: dict[str, Path] = {}
    seen: set[str] = set()
    for ref in refs:
        stem = stem_for(ref)
        if stem in seen:
            stem = f"{stem}-{hashlib.sha256(ref.encode()).hexdigest()[:8]}"
        seen.add(stem)
        paths[ref] = folder / f"{stem}.{ext}"
    return paths


def _text(brief: Brief, fmt: str, lines: bool = False) -> str:
    if fmt == "md":
        from .render import render_markdown

        return render_markdown([brief])
    return brief.model_dump_json() if lines else brief.model_dump_json(indent=2)


async def _one(engine: Engine, ref: str, settings: Settings, gate: asyncio.Semaphore) -> Outcome:
    from .ingest import load_article

    async with gate:
        try:
            article = load_article(ref, max_bytes=settings.max_input_bytes)
            return Outcome(ref, brief=await engine.asummarize(article))
        except SummarizerError as exc:
            return Outcome(ref, error=exc)


async def _all(
    engine: Engine, refs: list[str], settings: Settings, done: dict[str, Path], fmt: str
) -> list[Outcome]:
    gate = asyncio.Semaphore(settings.concurrency)
    stop = asyncio.Event()
    outcomes: list[Outcome] = []

    async def task(ref: str) -> Outcome:
        if stop.is_set():
            return Outcome(ref, error=ProviderError(f"{ref}: not attempted (batch stopped)"))
        result = await _one(engine, ref, settings, gate)
        if isinstance(result.error, ProviderError) and result.error.fatal:
            stop.set()
        if result.brief is not None and ref in done:
            write_atomic(done[ref], _text(result.brief, fmt))
        _report(result)
        return result

    outcomes = await asyncio.gather(*(task(ref) for ref in refs))
    return list(outcomes)


def _report(outcome: Outcome) -> None:
    if outcome.error is not None:
        message = str(outcome.error)
        if not message.startswith(outcome.ref):
            message = f"{outcome.ref}: {message}"
        print(f"summarizer: error: {message}", file=sys.stderr)


def exit_code(outcomes: list[Outcome]) -> int:
    """0 when every input has a brief, else the highest failure code (4 > 3 > 1)."""
    return max((o.error.exit_code for o in outcomes if o.error is not None), default=0)


def summarize_inputs(settings: Settings, inputs: list[str], out: str | None, fmt: str) -> int:
    """Run the summarize command; return its exit code.

    Several inputs (or `-o` naming a folder, or ending in '/') write `<folder>/<stem>.<ext>`
    per input and skip inputs whose output already exists (resume); otherwise briefs go to
    stdout (JSON Lines for several) or to the `-o` file.
    """
    from .ingest import expand_inputs

    refs = expand_inputs(inputs)
    if not refs:
        raise InputError("no inputs")
    output = Path(out) if out and out != "-" else None
    many = len(refs) > 1 or (output is not None and (output.is_dir() or out.endswith("/")))
    if many and output is not None and output.exists() and not output.is_dir():
        raise UsageError(f"-o {output}: several inputs need a folder, not a file")
    ext = "md" if fmt == "md" else "json"
    folder = output if many and output is not None else None
    targets = output_paths(refs, folder, ext) if folder else {}
    todo = [ref for ref in refs if not (ref in targets and targets[ref].exists())]
    raw_dir = folder / ".failed" if folder else None
    engine = make_engine(settings, raw_dir=raw_dir) if todo else None
    outcomes = [Outcome(ref, skipped=True) for ref in refs if ref not in todo]
    if engine is not None:
        outcomes += asyncio.run(_all(engine, todo, settings, targets, fmt))
    if folder is None:
        _write_unfoldered(outcomes, output, fmt, lines=many)
    return exit_code(outcomes)


def _write_unfoldered(outcomes: list[Outcome], output: Path | None, fmt: str, lines: bool) -> None:
    briefs = [o.brief for o in outcomes if o.brief is not None]
    if not briefs:
        return
    text = "\n".join(_text(b, fmt, lines=lines) for b in briefs)
    if output is None or str(output) == "-":
        sys.stdout.write(text + "\n")
    else:
        write_atomic(output, text + "\n")
