"""`summarizer validate`: schema, consistency rules, quotes and spans, reports, exit codes."""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from briefs_factory import ARTICLE, BRIEFS, brief_data, write_brief
from typer.testing import CliRunner

from summarizer.briefing import validate as validate_mod
from summarizer.briefing.report import format_report
from summarizer.briefing.validate import Problem, field_path, validate_paths
from summarizer.cli import app

runner = CliRunner()
Tamper = Callable[[dict[str, Any]], None]


@pytest.fixture
def good(tmp_path: Path) -> dict[str, Any]:
    """Valid brief data whose provenance points at a copy of the article in tmp_path."""
    article = tmp_path / "harbour-court.txt"
    shutil.copy(ARTICLE, article)
    return brief_data(article, origin=str(article))


def run(*args: str) -> Any:
    return runner.invoke(app, ["validate", *args])


def tampered(tmp_path: Path, good: dict[str, Any], change: Tamper, name: str = "b.json") -> Path:
    data = copy.deepcopy(good)
    change(data)
    return write_brief(tmp_path / name, data)


def problems_of(path: Path, article: str | None = None) -> list[str]:
    (report,) = validate_paths([path], article=article)
    return [str(p) for p in report.problems]


# ------------------------------------------------------------------ passing briefs
def test_valid_brief_passes(tmp_path: Path, good: dict[str, Any]) -> None:
    path = write_brief(tmp_path / "ok.json", good)
    result = run(str(path))
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1] == "1 brief, 0 problems"
    (report,) = validate_paths([path])
    assert report.article == good["provenance"]["article_origin"]  # checked against it


def test_valid_brief_with_explicit_article(tmp_path: Path, good: dict[str, Any]) -> None:
    good["provenance"]["article_origin"] = None
    path = write_brief(tmp_path / "ok.json", good)
    assert run(str(path), "--article", str(ARTICLE)).exit_code == 0
    (report,) = validate_paths([path], article=str(ARTICLE))
    assert report.article == str(ARTICLE)


def test_relative_origin_is_found_beside_the_brief(tmp_path: Path, good: dict[str, Any]) -> None:
    good["provenance"]["article_origin"] = "harbour-court.txt"
    path = write_brief(tmp_path / "ok.json", good)
    (report,) = validate_paths([path])
    assert report.ok and report.article is not None


# ------------------------------------------------------------------ tampered briefs
TAMPERS: list[tuple[str, Tamper, str]] = [
    ("changed quote",
     lambda d: d["event"]["evidence"][0].update(text="ordered the Southern Fleet to stop"),
     "event.evidence[0]: quote not found in the article: 'ordered the Southern Fleet to stop'"),
    ("removed field", lambda d: d.pop("event"), "event: field required"),
    ("removed nested field", lambda d: d["positions"][0].pop("stance"),
     "positions[0].stance: field required"),
    ("holder not an actor", lambda d: d["positions"][0].update(holder="X"),
     "positions[0].holder: 'X' is not an actor"),
    ("bad stance", lambda d: d["positions"][1].update(stance="maybe"),
     "positions[1].stance: 'maybe' is not one of 'support', 'oppose'"),
    ("bad event type", lambda d: d["event"].update(event_type="PARTY"),
     "event.event_type: 'PARTY' is not one of 'AGREE'"),
    ("bad actor kind", lambda d: d["actors"][2].update(kind="wizard"),
     "actors[2].kind: 'wizard' is not one of"),
    ("bad outcome", lambda d: d["outcome"].update(status="done"),
     "outcome.status: 'done' is not one of"),
    ("bad match", lambda d: d["outcome"]["evidence"][0].update(match="perfect"),
     "outcome.evidence[0].match: 'perfect' is not one of"),
    ("duplicate actor", lambda d: d["actors"].append(dict(d["actors"][0])),
     "actors[4].name: duplicate actor 'Regional Maritime Court'"),
    ("bad event date", lambda d: d["event"].update(date="13/03/2025"),
     "event.date: '13/03/2025' is not YYYY-MM-DD"),
    ("bad report date", lambda d: d["source"].update(published_at="last Thursday"),
     "source.published_at: 'last Thursday' is not ISO 8601"),
    ("bad created_at", lambda d: d["provenance"].update(created_at="yesterday"),
     "provenance.created_at: 'yesterday' is not ISO 8601"),
    ("bad language", lambda d: d["source"].update(language="English"),
     "source.language: 'English' is not ISO 639-1"),
    ("bad country", lambda d: d["actors"][0].update(country="Norway"),
     "actors[0].country: 'Norway' is not an ISO 3166-1 alpha-3 code"),
    ("unknown country code", lambda d: d["actors"][0].update(country="XXZ"),
     "actors[0].country: 'XXZ' is not an ISO 3166-1 alpha-3 code"),
    ("unknown field", lambda d: d.update(sentiment="positive"),
     "sentiment: unknown field (not in brief schema 1.0)"),
    ("wrong type", lambda d: d["positions"][0].update(attributed="perhaps"),
     "positions[0].attributed: input should be a valid boolean"),
    ("span shifted", lambda d: d["outcome"]["evidence"][0].update(
        start=d["outcome"]["evidence"][0]["start"] + 3, end=d["outcome"]["evidence"][0]["end"] + 3),
     "outcome.evidence[0]: span "),
    ("span outside", lambda d: d["outcome"]["evidence"][0].update(start=5000, end=5030),
     "outcome.evidence[0]: span 5000-5030 is outside the article"),
    ("span missing", lambda d: d["outcome"]["evidence"][0].update(start=None),
     "outcome.evidence[0]: the quote is marked 'exact' but has no span"),
    ("span reversed", lambda d: d["outcome"]["evidence"][0].update(start=30, end=10),
     "outcome.evidence[0]: span 30-10 is not a valid range"),
    ("recorded missing", lambda d: d["outcome"]["evidence"][0].update(
        match="missing", start=None, end=None),
     "outcome.evidence[0]: quote not found in the article (recorded as missing)"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("change", "expected"), [t[1:] for t in TAMPERS], ids=[t[0] for t in TAMPERS]
)
def test_tampered_brief_fails_with_field_path(
    tmp_path: Path, good: dict[str, Any], change: Tamper, expected: str
) -> None:
    path = tampered(tmp_path, good, change)
    result = run(str(path))
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert any(line.startswith(f"{path}: {expected}") for line in lines), result.output
    assert lines[-1].startswith("1 brief, ") and lines[-1].endswith(("problem", "problems"))


def test_span_mismatch_message(tmp_path: Path, good: dict[str, Any]) -> None:
    q = good["outcome"]["evidence"][0]
    start, end = q["start"], q["end"]

    def shift(d: dict[str, Any]) -> None:
        d["outcome"]["evidence"][0].update(start=start + 3, end=end + 3)

    path = tampered(tmp_path, good, shift)
    (problem,) = problems_of(path)
    assert problem.startswith(f"outcome.evidence[0]: span {start + 3}-{end + 3} does not match")
    assert f"(the quote is at {start}-{end})" in problem


def test_slightly_changed_quote_is_caught(tmp_path: Path, good: dict[str, Any]) -> None:
    """A near-copy still matches fuzzily, but no longer as the 'exact' quote recorded."""

    def edit(d: dict[str, Any]) -> None:
        q = d["event"]["evidence"][0]
        q["text"] = q["text"].replace("ninety days", "ninety-one days")

    problems = problems_of(tampered(tmp_path, good, edit))
    assert problems and all(p.startswith("event.evidence[0]") for p in problems), problems


def test_later_occurrence_of_a_quote_is_accepted(tmp_path: Path, good: dict[str, Any]) -> None:
    from summarizer.ingest.load import load_article

    body = load_article(str(ARTICLE)).text
    second = body.index("Port Alder", body.index("Port Alder") + 1)

    def add(d: dict[str, Any]) -> None:
        d["event"]["evidence"].append(
            {"text": "Port Alder", "start": second, "end": second + 10, "match": "exact"}
        )

    assert problems_of(tampered(tmp_path, good, add)) == []


def test_changed_article_is_reported(tmp_path: Path, good: dict[str, Any]) -> None:
    path = write_brief(tmp_path / "b.json", good)
    article = Path(good["provenance"]["article_origin"])
    article.write_text(article.read_text(encoding="utf-8").replace("ninety", "sixty"), "utf-8")
    problems = problems_of(path)
    assert problems[0].startswith("provenance.article_sha256: the brief was written from a")
    assert any(p.startswith("event.evidence[0]") for p in problems), problems


def test_unreachable_origin_checks_schema_and_rules_only(
    tmp_path: Path, good: dict[str, Any]
) -> None:
    good["provenance"]["article_origin"] = str(tmp_path / "gone.txt")
    good["event"]["evidence"][0]["text"] = "words the article never had"
    (report,) = validate_paths([write_brief(tmp_path / "b.json", good)])
    assert report.ok and report.article is None  # nothing to check the quote against
    good["provenance"]["article_origin"] = "https://news.example.org/a"  # never fetched
    (report,) = validate_paths([write_brief(tmp_path / "b.json", good)])
    assert report.ok and report.article is None



def test_unusable_origin_or_path_names_are_reported_not_raised(
    tmp_path: Path, good: dict[str, Any]
) -> None:
    good["provenance"]["article_origin"] = "a" * 5000  # too long a file name: OSError
    (report,) = validate_paths([write_brief(tmp_path / "b.json", good)])
    assert report.ok and report.article is None
    long_name = str(tmp_path / ("b" * 5000))
    result = run(str(tmp_path / "b.json"), long_name)
    assert result.exit_code == 1 and "cannot read: File name too long" in result.output
    render = CliRunner().invoke(app, ["render", long_name])
    assert render.exit_code == 4 and "cannot read: File name too long" in render.output


# ------------------------------------------------------------------ files and versions
def test_not_json_and_unreadable_files_do_not_stop_the_others(
    tmp_path: Path, good: dict[str, Any]
) -> None:
    ok = write_brief(tmp_path / "a.json", good)
    junk = tmp_path / "junk.json"
    junk.write_text("{not json", encoding="utf-8")
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    array = tmp_path / "array.json"
    array.write_text("[]", encoding="utf-8")
    missing = tmp_path / "missing.json"
    result = run(str(ok), str(junk), str(binary), str(array), str(missing))
    assert result.exit_code == 1
    out = result.output
    assert f"{junk}: not JSON: " in out
    assert f"{binary}: not JSON: " in out
    assert f"{array}: a brief is a JSON object, not list" in out
    assert f"{missing}: cannot read: " in out
    assert str(ok) + ":" not in out
    assert out.strip().splitlines()[-1] == "5 briefs, 4 problems"


def test_older_schema_gets_a_clear_message() -> None:
    path = BRIEFS / "old-schema-0.9.json"
    result = run(str(path))
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    (line, summary) = result.output.strip().splitlines()
    assert line.startswith(f"{path}: provenance.schema_version: written by schema 0.9; this is 1.0")
    assert "re-run `summarizer summarize`" in line
    assert summary == "1 brief, 1 problem"


def test_newer_schema_gets_a_clear_message(tmp_path: Path, good: dict[str, Any]) -> None:
    good["provenance"]["schema_version"] = "2.3"
    (problem,) = problems_of(write_brief(tmp_path / "b.json", good))
    assert problem.startswith("provenance.schema_version: written by schema 2.3; this is 1.0")
    assert "newer summarizer" in problem


def test_folders_are_expanded(tmp_path: Path, good: dict[str, Any]) -> None:
    (tmp_path / "briefs" / "sub").mkdir(parents=True)
    write_brief(tmp_path / "briefs" / "a.json", good)
    write_brief(tmp_path / "briefs" / "sub" / "b.json", good)
    write_brief(tmp_path / "briefs" / ".a.json.tmp.json", {"half": "written"})
    (tmp_path / "briefs" / "notes.txt").write_text("not a brief", encoding="utf-8")
    result = run(str(tmp_path / "briefs"))
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "2 briefs, 0 problems"


def test_empty_folder_is_a_usage_error(tmp_path: Path) -> None:
    assert run(str(tmp_path)).exit_code == 2


def test_bad_format_is_a_usage_error(tmp_path: Path, good: dict[str, Any]) -> None:
    assert run(str(write_brief(tmp_path / "b.json", good)), "--format", "xml").exit_code == 2


def test_unreadable_article_is_bad_input(tmp_path: Path, good: dict[str, Any]) -> None:
    path = write_brief(tmp_path / "b.json", good)
    result = run(str(path), "--article", str(tmp_path / "nope.txt"))
    assert result.exit_code == 4


# ------------------------------------------------------------------ report formats
def test_json_report(tmp_path: Path, good: dict[str, Any]) -> None:
    ok = write_brief(tmp_path / "ok.json", good)
    bad = tampered(tmp_path, good, lambda d: d["positions"][0].update(holder="X"), "bad.json")
    result = run(str(ok), str(bad), "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert [r["file"] for r in report] == [str(ok), str(bad)]
    assert report[0]["ok"] is True and report[0]["problems"] == []
    assert report[1]["ok"] is False
    (problem,) = report[1]["problems"]
    assert problem["path"] == "positions[0].holder"
    assert problem["message"].startswith("'X' is not an actor")


def test_github_report(tmp_path: Path, good: dict[str, Any]) -> None:
    bad = tampered(tmp_path, good, lambda d: d["positions"][0].update(holder="X"), "b,ad.json")
    result = run(str(bad), "--format", "github")
    assert result.exit_code == 1
    first, summary = result.output.strip().splitlines()
    prop = str(bad).replace(":", "%3A").replace(",", "%2C")
    assert first.startswith(
        f"::error file={prop},title=summarizer validate::positions[0].holder: 'X' is not an actor"
    )
    assert summary == "1 brief, 1 problem"


def test_github_annotations_escape_newlines_and_percent() -> None:
    from summarizer.briefing.validate import FileReport

    report = FileReport("a.json", [Problem("bluf", "100% wrong\nsecond line")])
    line = format_report([report], "github").splitlines()[0]
    assert line == "::error file=a.json,title=summarizer validate::bluf: 100%25 wrong%0Asecond line"


def test_field_path() -> None:
    assert field_path(("positions", 0, "holder")) == "positions[0].holder"
    assert field_path(("event",)) == "event"
    assert field_path(("event", "evidence", 2, "start")) == "event.evidence[2].start"
    assert str(Problem("", "not JSON")) == "not JSON"


# ------------------------------------------------------------------ batches
def test_large_batch_reads_and_indexes_the_article_once(
    tmp_path: Path, good: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "briefs"
    folder.mkdir()
    text = json.dumps(good)
    for i in range(1000):
        (folder / f"{i:04}.json").write_text(text, encoding="utf-8")
    built: list[int] = []
    real_index = validate_mod.ArticleIndex

    def counting(text: str) -> Any:
        built.append(1)
        return real_index(text)

    monkeypatch.setattr(validate_mod, "ArticleIndex", counting)
    reports = validate_paths([folder])
    assert len(reports) == 1000 and all(r.ok for r in reports)
    assert len(built) == 1


# ------------------------------------------------------------------ real engine, real article
def test_extractive_brief_of_the_real_article_validates(
    tmp_path: Path, shared_articles: Path
) -> None:
    extractive = pytest.importorskip("summarizer.engines.extractive.engine")
    from summarizer.ingest.load import load_article

    source = shared_articles / "mongolia-putin-icc.txt"
    brief = extractive.ExtractiveEngine().summarize(load_article(str(source)))
    assert brief.provenance.article_origin in (None, str(source))
    path = tmp_path / "mongolia.json"
    path.write_text(brief.model_dump_json(indent=2), encoding="utf-8")
    result = run(str(path), "--article", str(source))
    assert result.exit_code == 0, result.output
