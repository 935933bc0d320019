"""Files written safely: atomic replace, so a half-written brief never appears."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from summarizer.errors import UsageError


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write text (UTF-8) or bytes to path via a temporary file in the same folder and an
    atomic rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        if isinstance(data, bytes):
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
        else:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
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
