"""Atomic writes that leave the permissions a plain write would: the umask, or the old mode."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from batch_server import write_articles
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.files import write_atomic


@pytest.fixture
def umask() -> Iterator[object]:
    """Set the process umask for one test (restored after)."""
    old = os.umask(0o022)

    def set_mask(mask: int) -> None:
        os.umask(mask)

    yield set_mask
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_files_follow_the_umask(tmp_path: Path, umask: object) -> None:
    write_atomic(tmp_path / "a.json", "{}")
    assert mode(tmp_path / "a.json") == 0o644
    umask(0o077)  # type: ignore[operator]
    write_atomic(tmp_path / "b.json", b"{}")
    assert mode(tmp_path / "b.json") == 0o600
    umask(0o002)  # type: ignore[operator]
    write_atomic(tmp_path / "c.json", "{}")
    assert mode(tmp_path / "c.json") == 0o664
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.json", "c.json"]


def test_a_replaced_file_keeps_its_mode(tmp_path: Path, umask: object) -> None:
    path = tmp_path / "brief.json"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o640)
    write_atomic(path, "new")
    assert path.read_text(encoding="utf-8") == "new" and mode(path) == 0o640


def test_briefs_manifest_and_briefing_are_0644_under_umask_022(
    tmp_path: Path, umask: object
) -> None:
    runner = CliRunner()
    (one,) = write_articles(tmp_path / "one", 1)
    single = runner.invoke(app, ["summarize", str(one), "-o", str(tmp_path / "brief.json"),
                                 "--engine", "extractive"])  # fmt: skip
    assert single.exit_code == 0, single.stderr
    write_articles(tmp_path / "in", 2)
    batch = runner.invoke(app, ["summarize", str(tmp_path / "in"), "-o", str(tmp_path / "out"),
                                "--engine", "extractive"])  # fmt: skip
    assert batch.exit_code == 0, batch.stderr
    render = runner.invoke(app, ["render", str(tmp_path / "out"), "-o",
                                 str(tmp_path / "briefing.html")])  # fmt: skip
    assert render.exit_code == 0, render.stderr
    written = [tmp_path / "brief.json", *sorted((tmp_path / "out").iterdir()),
               tmp_path / "briefing.html"]  # fmt: skip
    assert len(written) == 5  # brief, two briefs, manifest, briefing
    assert {p.name: oct(mode(p)) for p in written} == {p.name: "0o644" for p in written}
