"""The run manifest: appended as inputs finish, survives a torn last line, compacted."""

from __future__ import annotations

import json
from pathlib import Path

from summarizer.batch.manifest import FILE_NAME, Manifest, read_lines, read_manifest


def test_latest_status_wins_and_compaction_keeps_input_order(tmp_path: Path) -> None:
    m = Manifest(tmp_path).open()
    m.record("b", "failed", error="boom", exit_code=1)
    m.record("a", "done", output="a.json", cost_usd=None)
    m.record("b", "done", output="b.json")
    m.run(status="completed", done=2)
    m.close(order=["a", "b"])
    lines = [json.loads(x) for x in (tmp_path / FILE_NAME).read_text().splitlines()]
    assert [x.get("ref") for x in lines] == ["a", "b", None]
    assert lines[1]["status"] == "done" and "error" not in lines[1]
    assert "cost_usd" not in lines[0] and lines[2]["run"]["status"] == "completed"


def test_a_torn_last_line_is_skipped_and_not_glued_to_the_next(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    path.write_text('{"ref": "a", "status": "done"}\n{"ref": "b", "sta', encoding="utf-8")
    assert list(read_manifest(path)) == ["a"]
    m = Manifest(tmp_path).open()  # a crash left the half line: the next run carries on
    m.record("c", "done")
    m.close()
    assert read_manifest(path).keys() == {"a", "c"}
    assert all("ref" in x for x in read_lines(path))


def test_reading_a_missing_manifest_is_empty(tmp_path: Path) -> None:
    assert read_manifest(tmp_path / FILE_NAME) == {}
