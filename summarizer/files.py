"""Files written safely: atomic replace, so a half-written brief never appears."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from summarizer.errors import UsageError


def _umask() -> int:
    """The process umask, read without changing it (Linux), else by setting it back."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # elsewhere: briefly set, then restored
    os.umask(mask)
    return mask


def _mode(path: Path) -> int:
    """What a plain `open(path, "w")` would leave: the file's mode, or 0666 minus the umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write text (UTF-8) or bytes to path via a temporary file in the same folder and an
    atomic rename. The file gets the permissions a plain write would give it (0644 under
    umask 022; an existing file keeps its mode), not the temporary file's 0600."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        kind = ("wb", None) if isinstance(data, bytes) else ("w", "utf-8")
        with os.fdopen(fd, kind[0], encoding=kind[1]) as fh:
            os.fchmod(fh.fileno(), _mode(path))
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_output(path: Path, text: str) -> None:
    """Write one output file atomically; a path that cannot be written is a usage error.

    Raises:
        UsageError: The file or its folder cannot be created or written.
    """
    try:
        write_atomic(path, text)
    except OSError as exc:
        raise UsageError(f"-o {path}: cannot write: {exc.strerror or exc}") from None
