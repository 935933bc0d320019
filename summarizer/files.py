"""Files written safely: atomic replace, so a half-written brief never appears."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from summarizer.errors import UsageError


def process_umask() -> int:
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


def _temporary(path: Path) -> tuple[int, str]:
    """A new hidden file beside `path`, opened for writing: (descriptor, name).

    It is created with mode 0666, so the kernel applies the umask as for a plain
    `open(path, "w")`; its folder is created when missing.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        name = os.path.join(path.parent, f".{path.name}.{os.urandom(4).hex()}.tmp")
        try:
            return os.open(name, flags, 0o666), name
        except FileExistsError:
            continue
        except FileNotFoundError:
            path.parent.mkdir(parents=True, exist_ok=True)
    raise FileExistsError(f"no free temporary name beside {path}")


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write text (UTF-8) or bytes to path via a temporary file in the same folder and an
    atomic rename. The file gets the permissions a plain write would give it (0644 under
    umask 022; an existing file keeps its mode)."""
    try:
        old: int | None = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        old = None
    fd, tmp = _temporary(path)
    try:
        kind = ("wb", None) if isinstance(data, bytes) else ("w", "utf-8")
        with os.fdopen(fd, kind[0], encoding=kind[1]) as fh:
            if old is not None:
                os.fchmod(fh.fileno(), old)
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
