"""Regenerate summarizer/engines/extractive/data/given_names.txt from the US Census lists.

The `names` package (MIT) ships the 1990 US Census first-name frequency files
(`dist.male.first`, `dist.female.first`: public domain, about 5,200 names). The offline
engine needs only the names, to tell "Anna Berg" (a person) from "Stadia Pro" or "Blue
Origin" (no given name first): this writes them once, folded, one a line.

    pip install names && python scripts/build_given_names.py
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

OUT = (Path(__file__).resolve().parents[1] / "summarizer" / "engines" / "extractive" / "data"
       / "given_names.txt")
SOURCES = ("dist.male.first", "dist.female.first")


def given_names() -> list[str]:
    """The first names of both lists, folded and sorted."""
    out: set[str] = set()
    for name in SOURCES:
        for line in (files("names") / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.add(line.split()[0].casefold())
    return sorted(out)


def main() -> None:
    """Write the given names file."""
    names = given_names()
    header = "# First names of the 1990 US Census (public domain; scripts/build_given_names.py)\n"
    OUT.write_text(header + "\n".join(names) + "\n", encoding="utf-8")
    print(f"{len(names)} names -> {OUT}")


if __name__ == "__main__":
    main()
