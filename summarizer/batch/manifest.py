"""The run manifest: `DIR/manifest.jsonl`, each input's status and error.

Lines are appended (and flushed) as inputs finish, so a crash or `kill -9` loses nothing
already recorded; a half-written last line is skipped when read. When a run ends, normally
or by Ctrl-C, the file is compacted atomically to the latest line per input, in order.

An input line: `{"ref", "status", "output", "error", "exit_code", "sha256", "tokens",
"cost_usd", "cached", "at"}` (absent keys: not applicable). Statuses:

- `done`: brief written by this run; `kept`: written by an earlier run, not requested;
- `failed`: no brief (the error and its exit code say why), retried by the next run;
- `pending`: not attempted (interrupted, or stopped after a fatal error).

Each run also adds one `{"run": {...}}` line: when, how it ended, and its totals.
The brief files themselves decide what a rerun skips; the manifest is the report.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from summarizer.clock import now_iso
from summarizer.errors import UsageError
from summarizer.files import write_atomic

FILE_NAME = "manifest.jsonl"


def read_lines(path: Path) -> Iterator[dict[str, Any]]:
    """Every well-formed JSON object line of a manifest (broken lines are skipped)."""
    try:
        fh = path.open(encoding="utf-8")
    except OSError:
        return
    with fh:
        for line in fh:
            try:
                item = json.loads(line)
            except ValueError:
                continue
            if isinstance(item, dict):
                yield item


def read_manifest(path: Path) -> dict[str, dict[str, Any]]:
    """The latest entry per input reference, in first-seen order."""
    latest: dict[str, dict[str, Any]] = {}
    for item in read_lines(path):
        if isinstance(item.get("ref"), str):
            latest[item["ref"]] = item
    return latest


class Manifest:
    """Append-only while a run is going; compacted when it ends."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / FILE_NAME
        self._fh: IO[str] | None = None

    def open(self) -> Manifest:
        """Open for appending (after a crash, first end the half-written line).

        Raises:
            UsageError: The folder cannot be written (read-only, no permission, full).
        """
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            ends_cleanly = True
            if self.path.exists() and self.path.stat().st_size:
                with self.path.open("rb") as fh:
                    fh.seek(-1, os.SEEK_END)
                    ends_cleanly = fh.read(1) == b"\n"
            self._fh = self.path.open("a", encoding="utf-8")
            if not ends_cleanly:
                self._fh.write("\n")
        except OSError as exc:
            raise self._unwritable(exc) from None
        return self

    def _unwritable(self, exc: OSError) -> UsageError:
        return UsageError(f"-o {self.path.parent}: cannot write: {exc.strerror or exc}")

    def _write(self, item: dict[str, Any]) -> None:
        if self._fh is None:
            self.open()
        assert self._fh is not None
        try:
            self._fh.write(json.dumps(item, ensure_ascii=False) + "\n")
            self._fh.flush()
        except OSError as exc:
            raise self._unwritable(exc) from None

    def record(self, ref: str, status: str, **fields: Any) -> None:
        """Append one input's status (None-valued fields are left out)."""
        item = {"ref": ref, "status": status}
        item.update({k: v for k, v in fields.items() if v is not None})
        item["at"] = now_iso()
        self._write(item)

    def run(self, **info: Any) -> None:
        """Append the run's own line (how it ended, totals)."""
        self._write({"run": {**info, "at": now_iso()}})

    def close(self, order: Iterable[str] = ()) -> None:
        """Close and compact: the latest line per input (`order` first), then the run lines."""
        if self._fh is not None:
            self._fh.close()
            self._fh = None
        compact(self.path, order)


def compact(path: Path, order: Iterable[str] = ()) -> None:
    """Rewrite a manifest atomically with one line per input (the latest) and its run lines.

    Inputs named in `order` come first, in that order; any others (from earlier runs with
    other inputs) follow in first-seen order.
    """
    if not path.exists():
        return
    latest: dict[str, str] = {}
    runs: list[str] = []
    for item in read_lines(path):
        line = json.dumps(item, ensure_ascii=False)
        if isinstance(item.get("ref"), str):
            latest[item["ref"]] = line  # first-seen position, latest content
        elif "run" in item:
            runs.append(line)
    ordered = {ref: latest.pop(ref) for ref in order if ref in latest}
    ordered.update(latest)
    try:
        write_atomic(path, "".join(line + "\n" for line in [*ordered.values(), *runs[-50:]]))
    except OSError:  # full disk: the appended lines stay, complete, just not compacted
        pass
