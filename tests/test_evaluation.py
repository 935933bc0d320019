"""`summarizer eval`: gold files, the scorer's matching rules, reports, gates and baselines."""

from __future__ import annotations

import copy
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from briefs_factory import brief_data
from browser import inspect_page, needs_chromium
from typer.testing import CliRunner

from summarizer.brief.schema import Brief
from summarizer.cli import app
from summarizer.evaluation import (
    GoldError,
    expand_gold,
    load_gold,
    parse_gold,
    pool,
    score_brief,
    totals,
)
from summarizer.evaluation.match import actor_matches, instrument_matches
from summarizer.evaluation.report import SHORT
from summarizer.evaluation.scoring import METRICS, metrics_of
from summarizer.ingest.load import load_article

ROOT = Path(__file__).resolve().parents[1]
EVAL = Path(__file__).parent / "fixtures" / "eval"
HARBOUR = EVAL / "gold" / "harbour-court.json"


def _gold(**changes: Any) -> Any:
    data = json.loads(HARBOUR.read_text(encoding="utf-8"))
    data.update(changes)
    return parse_gold(data, HARBOUR).gold


def _brief(**changes: Any) -> Brief:
    data = brief_data()
    data.update(changes)
    return Brief.model_validate(data)


def _text() -> str:
    return load_article(str(load_gold(HARBOUR).article_ref)).text


# ------------------------------------------------------------------ the scorer
def test_every_metric_on_a_known_brief() -> None:
    scored = score_brief(_gold(), _brief(), _text())
    assert scored.metrics == {
        "actor_recall": 0.8,  # Tomas Brandt is not in the brief
        "actor_precision": 1.0,
        "legal_recall": 0.5,  # the suspension order is not a legal item of the brief
        "legal_precision": 1.0,
        "holder_recall": 0.75,
        "stance_agreement": 1.0,
        "stance_first": 1.0,
        "kind_agreement": 1.0,
        "event_type_accuracy": 1.0,
        "outcome_accuracy": 1.0,
        "grounded_rate": 1.0,
    }
    assert scored.missed_actors == ["Tomas Brandt"]
    assert scored.missed_instruments == ["suspension order"]
    assert scored.missed_holders == ["Tomas Brandt"]
    assert scored.counts["quotes_total"] == 7


def test_wrong_stance_kind_event_and_outcome_count_against() -> None:
    data = brief_data()
    data["positions"][0]["stance"] = "support"  # the company opposes the order
    data["actors"][1]["kind"] = "state"
    data["event"]["event_type"] = "ACCUSE"
    data["outcome"]["status"] = "occurred"
    m = score_brief(_gold(), Brief.model_validate(data), _text()).metrics
    assert m["stance_agreement"] == pytest.approx(2 / 3, abs=1e-4)
    assert m["kind_agreement"] == 0.75
    assert m["event_type_accuracy"] == 0.0 and m["outcome_accuracy"] == 0.0


def test_stance_first_counts_only_the_holders_first_position() -> None:
    """A holder listed with every stance agrees under `stance_agreement`, not `stance_first`."""
    data = brief_data()
    wrong = {**data["positions"][0], "stance": "support"}  # the company opposes the order
    data["positions"].insert(0, wrong)
    m = score_brief(_gold(), Brief.model_validate(data), _text()).metrics
    assert m["stance_agreement"] == 1.0
    assert m["stance_first"] == pytest.approx(2 / 3, abs=1e-4)


def test_gold_without_event_or_outcome_has_no_such_metric() -> None:
    m = score_brief(_gold(event_type=None, outcome_status=None), _brief(), _text()).metrics
    assert m["event_type_accuracy"] is None and m["outcome_accuracy"] is None


def test_a_legal_alias_inside_a_longer_item_is_not_a_match() -> None:
    data = brief_data()
    data["legal_context"][0]["instrument"] = "breach of the Gull Banks Fisheries Convention rules"
    m = score_brief(_gold(), Brief.model_validate(data), _text()).metrics
    assert m["legal_recall"] == 0.0 and m["legal_precision"] == 0.0
    for whole in ("the Gull Banks Fisheries Convention", "Gull Banks Fisheries Convention, "
                  "Article 3", "Article 3 of the Gull Banks Fisheries Convention",
                  "“Fisheries Convention”"):  # fmt: skip
        data["legal_context"][0]["instrument"] = whole
        m = score_brief(_gold(), Brief.model_validate(data), _text()).metrics
        assert m["legal_recall"] == 0.5, whole


def test_instrument_matching_rules() -> None:
    assert instrument_matches("House Bill 12", ["House Bill 12 (2023 school funding law)"])
    assert instrument_matches("Article 102 of the Constitution", ["Article 102"])
    assert not instrument_matches("Article 8 of the Convention", ["Article 10 of the Convention"])
    assert not instrument_matches("Resolution 2765", ["resolution"])
    assert not instrument_matches("amendments to the Transport Act", ["Transport Act"])


def test_one_brief_actor_counts_for_one_gold_actor() -> None:
    twins = [{"name": "Ann Ellison", "aliases": ["Ellison"], "kind": "person"},
             {"name": "Mara Ellison", "aliases": ["Ellison"], "kind": "official"}]  # fmt: skip
    data = brief_data()
    data["actors"] = [dict(data["actors"][2], name="Ellison")]
    data["positions"] = []
    scored = score_brief(_gold(key_actors=twins), Brief.model_validate(data), None)
    assert scored.counts["key_found"] == 1 and scored.counts["actors_ok"] == 1


def test_actor_matching_rules() -> None:
    assert actor_matches("THE  “Blue Shelf Alliance”", ["Blue Shelf Alliance"], False)
    assert actor_matches("Presiding judge Mara Ellison", ["Mara Ellison"], True)
    assert not actor_matches("Ellison", ["Mara Ellison"], True)  # a surname needs an alias
    assert not actor_matches("Maritime Court of Alder", ["Regional Maritime Court"], False)
    assert not actor_matches("United States Senate", ["United States"], False)


def test_a_quote_whose_span_does_not_hold_it_is_not_grounded() -> None:
    data = brief_data()
    quote = data["event"]["evidence"][0]
    quote["start"] += 5
    scored = score_brief(_gold(), Brief.model_validate(data), _text())
    assert scored.counts["quotes_ok"] == scored.counts["quotes_total"] - 1


def test_no_brief_misses_everything() -> None:
    scored = score_brief(_gold(), None)
    assert scored.metrics["actor_recall"] == 0.0 and scored.metrics["legal_recall"] == 0.0
    assert scored.metrics["actor_precision"] is None  # nothing to be precise about


def test_totals_pool_counts_micro_average() -> None:
    one = score_brief(_gold(), _brief(), _text())
    two = copy.deepcopy(one)
    two.counts.update(key_found=0, key_total=15)
    assert totals([one, two])["actor_recall"] == round(4 / 20, 4)  # not (0.8 + 0) / 2
    assert metrics_of(pool([one.counts, two.counts])) == totals([one, two])


# ------------------------------------------------------------------ gold files
def _write(tmp_path: Path, text: str, name: str = "g.json") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "field", "says"),
    [
        ("{not json", "(top level)", "not valid JSON"),
        ('{"format": 1, "article": "a.txt"}', "key_actors", "missing"),
        ('{"format": 1, "article": "a.txt", "key_actors": [{"name": "X", "kind": "boss"}]}',
         "key_actors[0].kind", "'boss' is not one of"),
        ('{"format": 1, "article": "a.txt", "key_actors": [],'
         ' "positions": [{"holder": "X", "stance": "angry"}]}', "positions[0].stance", "angry"),
        ('{"format": 2, "article": "a.txt", "key_actors": []}', "format", "gold format 1"),
        ('{"id": "x", "split": "blind", "key_actors": []}', "format", "older gold file"),
        ('{"format": 1, "article": " ", "key_actors": []}', "article", "must name the article"),
        ("[]", "(top level)", "JSON object"),
    ],
)
def test_bad_gold_is_one_line_naming_file_and_field(
    tmp_path: Path, text: str, field: str, says: str
) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(GoldError) as caught:
        load_gold(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: {field}: ") and says in message
    assert "\n" not in message and caught.value.exit_code == 2


def test_gold_paths_folders_and_globs(tmp_path: Path) -> None:
    a = _write(tmp_path, "{}", "a.json")
    (tmp_path / "sub").mkdir()
    b = _write(tmp_path / "sub", "{}", "b.json")
    _write(tmp_path, "{}", ".half-written.json")
    (tmp_path / ".git").mkdir()
    _write(tmp_path / ".git", "{}", "c.json")
    assert expand_gold([str(tmp_path)]) == [a, b]
    assert expand_gold([str(tmp_path / "*.json"), str(a)]) == [a]
    with pytest.raises(Exception, match="no gold files found"):
        expand_gold([str(tmp_path / "none")])


def test_the_project_gold_sets_are_format_1_with_their_articles() -> None:
    files = expand_gold([str(ROOT / "tests" / "gold")])
    own = [f for f in files if f.parent.name == "tuned" or f.parent.name.startswith("blind")]
    assert len(own) >= 73
    for path in files:
        gold = load_gold(path)
        assert gold.gold.key_actors, path
        ref = gold.article_ref
        external = ("/shared/", "/.corpus/")  # ../shared, and pages scripts/fetch_corpus.py fetches
        if not any(part in ref.replace(os.sep, "/") for part in external):
            assert Path(ref).is_file(), (path, ref)


# ------------------------------------------------------------------ the command
runner = CliRunner()
LLM_GOLD = EVAL / "gold-llm"


def run(*args: str) -> Any:
    return runner.invoke(app, ["eval", *args])


def _report(*args: str) -> tuple[Any, dict[str, Any]]:
    result = run(*args, "--format", "json")
    return result, json.loads(result.stdout)


def _engine_metrics(gold_path: Path) -> dict[str, Any]:
    """What the scorer says of the offline engine's brief of a gold file's article."""
    from summarizer.engines.extractive.engine import ExtractiveEngine

    gold = load_gold(gold_path)
    article = load_article(gold.article_ref)
    return score_brief(gold.gold, ExtractiveEngine().summarize(article), article.text).metrics


def test_offline_engine_json_report() -> None:
    result, report = _report(str(HARBOUR), "--engine", "extractive")
    assert result.exit_code == 0, result.stderr
    assert report["source"] == "extractive"
    (row,) = report["articles"]
    expected = _engine_metrics(HARBOUR)
    assert {m: row[m] for m in METRICS} == expected
    assert {m: report["totals"][m] for m in METRICS} == expected
    for key in ("actor_recall", "actor_precision", "legal_recall", "stance_agreement",
                "grounded_rate"):  # the contract's names
        assert key in report["totals"] and key in row
    assert row["id"] == "harbour-court" and row["error"] is None and row["total_tokens"] is None
    assert report["totals"]["articles"] == 1 and report["gates"] == []


def test_auto_engine_without_llm_says_it_runs_offline() -> None:
    result = run(str(HARBOUR))
    assert result.exit_code == 0
    assert "no LLM configured: extractive brief" in result.stderr
    assert "summarizer eval: 1 article scored (extractive)" in result.stdout


def test_text_table_has_every_metric_and_the_totals() -> None:
    result = run(str(EVAL / "gold"), "--engine", "extractive")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    head = next(line for line in lines if line.startswith("article"))
    assert head.split()[1:] == [SHORT[m] for m in METRICS]
    expected = _engine_metrics(HARBOUR)
    for prefix in ("harbour-court", "totals"):
        row = next(line for line in lines if line.startswith(prefix)).split()[1:]
        assert row == [("n/a" if expected[m] is None else f"{expected[m]:.3f}") for m in METRICS]


def test_min_gates_pass_and_fail_naming_the_metric() -> None:
    ok = run(str(HARBOUR), "--engine", "extractive", "--min", "grounded_rate=1",
             "--min", "actor_recall=0.5")  # fmt: skip
    assert ok.exit_code == 0, ok.stderr
    assert "ok   actor_recall" in ok.stdout and "gate failed" not in ok.stderr
    stance = _engine_metrics(HARBOUR)["stance_agreement"]
    assert stance is not None and stance < 0.99
    bad = run(str(HARBOUR), "--engine", "extractive", "--min", f"stance_agreement={stance + 0.01}",
              "--min", "grounded_rate=1")  # fmt: skip
    assert bad.exit_code == 1
    failed = [line for line in bad.stderr.splitlines() if "gate failed" in line]
    assert failed == [f"summarizer: gate failed: stance_agreement {stance:.4g} is below the "
                      f"minimum {stance + 0.01:g}"]  # fmt: skip
    assert "FAIL stance_agreement" in bad.stdout and "ok   grounded_rate" in bad.stdout


def test_a_minimum_on_a_metric_with_nothing_to_count_fails(tmp_path: Path) -> None:
    gold = json.loads(HARBOUR.read_text(encoding="utf-8"))
    gold["article"] = str(load_gold(HARBOUR).article_ref)
    del gold["outcome_status"]
    path = _write(tmp_path, json.dumps(gold))
    result = run(str(path), "--engine", "extractive", "--min", "outcome_accuracy=0")
    assert result.exit_code == 1
    assert ("gate failed: outcome_accuracy has no value (nothing to count) to meet the "
            "minimum 0") in result.stderr
    assert run(str(HARBOUR), "--engine", "extractive", "--min", "outcome_accuracy=0"
               ).exit_code == 0  # fmt: skip


@pytest.mark.parametrize("spec", ["recall=0.5", "actor_recall", "actor_recall=high",
                                  "actor_recall=1.5"])
def test_bad_min_is_a_usage_error(spec: str) -> None:
    result = run(str(HARBOUR), "--engine", "extractive", "--min", spec)
    assert result.exit_code == 2
    assert f"--min {spec}" in result.stderr and len(result.stderr.splitlines()) == 1


def test_baseline_gate_with_tolerance(tmp_path: Path) -> None:
    saved = tmp_path / "baseline.json"
    first = run(str(HARBOUR), "--engine", "extractive", "--format", "json", "-o", str(saved))
    assert first.exit_code == 0 and first.stdout == ""
    same = run(str(HARBOUR), "--engine", "extractive", "--baseline", str(saved))
    assert same.exit_code == 0, same.stderr
    assert "ok   actor_recall" in same.stdout and "unchanged" in same.stdout
    data = json.loads(saved.read_text(encoding="utf-8"))
    now = data["totals"]["actor_recall"]
    data["totals"]["actor_recall"] = now + 0.015  # a drop of 0.015: inside the tolerance
    saved.write_text(json.dumps(data), encoding="utf-8")
    inside = run(str(HARBOUR), "--engine", "extractive", "--baseline", str(saved))
    assert inside.exit_code == 0, inside.stderr
    strict = run(str(HARBOUR), "--engine", "extractive", "--baseline", str(saved),
                 "--tolerance", "0.01")  # fmt: skip
    assert strict.exit_code == 1
    assert strict.stderr.splitlines()[-1].startswith(
        f"summarizer: gate failed: actor_recall {now:.4g} vs baseline {now + 0.015:.4g}")
    assert "dropped more than the tolerance 0.01" in strict.stderr


@pytest.mark.parametrize("text", ["{", '{"articles": []}', "[1]"])
def test_a_bad_baseline_is_a_usage_error(tmp_path: Path, text: str) -> None:
    saved = _write(tmp_path, text, "baseline.json")
    result = run(str(HARBOUR), "--engine", "extractive", "--baseline", str(saved))
    assert result.exit_code == 2 and f"--baseline {saved}" in result.stderr
    missing = run(str(HARBOUR), "--baseline", str(tmp_path / "none.json"))
    assert missing.exit_code == 2 and "cannot read" in missing.stderr


def test_github_annotations(tmp_path: Path) -> None:
    (tmp_path / "harbour-court.json").write_text(json.dumps(brief_data()), encoding="utf-8")
    result = run(str(HARBOUR), "--briefs", str(tmp_path), "--format", "github",
                 "--min", "actor_recall=0.9")  # fmt: skip
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"::notice file={HARBOUR},title=summarizer eval harbour-court::missed key actors: "
        "Tomas Brandt; missed instruments: suspension order",
        "::notice title=summarizer eval totals::actor_recall 0.800, actor_precision 1.000, "
        "legal_recall 0.500, legal_precision 1.000, holder_recall 0.750, stance_agreement "
        "1.000, stance_first 1.000, kind_agreement 1.000, event_type_accuracy 1.000, "
        "outcome_accuracy 1.000, grounded_rate 1.000",
        "::error title=summarizer eval gate actor_recall::actor_recall 0.8 is below the "
        "minimum 0.9",
        "summarizer eval: 1 article scored, 0 errors, 1 gate failed",
    ]
    bad = tmp_path / "bad"
    bad.mkdir()
    _write(bad, "{", "x.json")
    result = run(str(bad), "--format", "github")
    assert result.exit_code == 2
    assert result.stdout.splitlines()[0] == (
        f"::error file={bad / 'x.json'},title=summarizer eval::{bad / 'x.json'}: (top level): "
        "not valid JSON: Expecting property name enclosed in double quotes at line 1 column 2")


def test_bad_gold_files_are_one_line_each_and_the_rest_is_scored(tmp_path: Path) -> None:
    good = json.loads(HARBOUR.read_text(encoding="utf-8"))
    good["article"] = str(load_gold(HARBOUR).article_ref)
    _write(tmp_path, json.dumps(good), "a-good.json")
    _write(tmp_path, "{oops", "b-malformed.json")
    _write(tmp_path, json.dumps({k: v for k, v in good.items() if k != "key_actors"}),
           "c-missing.json")  # fmt: skip
    wrong = copy.deepcopy(good)
    wrong["key_actors"][1]["kind"] = "corporation"
    _write(tmp_path, json.dumps(wrong), "d-kind.json")
    result, report = _report(str(tmp_path), "--engine", "extractive")
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert errors == [
        f"summarizer: error: {tmp_path / 'b-malformed.json'}: (top level): not valid JSON: "
        "Expecting property name enclosed in double quotes at line 1 column 2",
        f"summarizer: error: {tmp_path / 'c-missing.json'}: key_actors: missing",
        f"summarizer: error: {tmp_path / 'd-kind.json'}: key_actors[1].kind: 'corporation' is "
        "not one of 'state', 'head_of_state', 'official', 'court', 'igo', 'ngo', "
        "'armed_group', 'civil_society', 'media', 'business', 'person' or 'other'",
    ]
    rows = {r["id"]: r for r in report["articles"]}
    assert rows["harbour-court"]["actor_recall"] == _engine_metrics(HARBOUR)["actor_recall"]
    assert report["totals"]["articles"] == 1 and report["totals"]["errors"] == 3
    assert "actor_recall" not in rows["b-malformed"]


def test_a_missing_article_is_exit_4_and_the_rest_is_scored(tmp_path: Path) -> None:
    good = json.loads(HARBOUR.read_text(encoding="utf-8"))
    good["article"] = str(load_gold(HARBOUR).article_ref)
    _write(tmp_path, json.dumps(good), "a.json")
    _write(tmp_path, json.dumps(dict(good, id="gone", article="gone.txt")), "b.json")
    result, report = _report(str(tmp_path), "--engine", "extractive", "--min", "actor_recall=0")
    assert result.exit_code == 4
    (line,) = [x for x in result.stderr.splitlines() if "error" in x]
    assert line.startswith(f"summarizer: error: {tmp_path / 'b.json'}: article: ")
    assert "gone.txt" in line
    assert [r["id"] for r in report["articles"] if r["error"] is None] == ["harbour-court"]


def test_briefs_folder_matched_by_article_stem(tmp_path: Path) -> None:
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    (briefs / "harbour-court.json").write_text(json.dumps(brief_data()), encoding="utf-8")
    other = json.loads(HARBOUR.read_text(encoding="utf-8"))
    other["article"] = str(ROOT / "examples" / "harbor-court-ruling.txt")
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    _write(gold_dir, json.dumps(other), "other.json")
    result, report = _report(str(HARBOUR), str(gold_dir), "--briefs", str(briefs))
    assert result.exit_code == 4  # no brief for the second article
    assert f"no brief {briefs / 'harbor-court-ruling.json'}" in result.stderr
    first, second = report["articles"]
    assert first["brief"] == str(briefs / "harbour-court.json")
    assert {m: first[m] for m in METRICS} == score_brief(_gold(), _brief(), _text()).metrics
    assert second["actor_recall"] == 0.0 and second["error"].startswith(str(gold_dir))
    assert report["source"] == f"briefs in {briefs}"
    assert "no LLM configured" not in result.stderr  # no engine ran
    assert run(str(HARBOUR), "--briefs", str(tmp_path / "none")).exit_code == 4


def test_an_invalid_brief_is_an_error_row(tmp_path: Path) -> None:
    (tmp_path / "harbour-court.json").write_text('{"bluf": 1}', encoding="utf-8")
    result, report = _report(str(HARBOUR), "--briefs", str(tmp_path))
    assert result.exit_code == 4 and "not a valid brief" in result.stderr
    assert report["articles"][0]["actor_recall"] == 0.0


def test_llm_run_reports_tokens_cost_and_latency() -> None:
    from fake_openai import FakeEndpoint, fixture
    from openai_server import OpenAIServer

    ep = FakeEndpoint(fixture("capable-json"))
    with OpenAIServer(ep) as url:
        args = [str(LLM_GOLD), "--base-url", url, "--model", "gpt-4o-mini", "--mode", "json"]
        result, report = _report(*args)
        assert result.exit_code == 0, result.stderr
        text = run(*args)  # the second run is served from the response cache
    assert len(ep.requests) == 1
    (row,) = report["articles"]
    assert report["source"] == "llm gpt-4o-mini"
    assert (row["prompt_tokens"], row["completion_tokens"], row["total_tokens"]) == (812, 498, 1310)
    assert row["cost_usd"] == pytest.approx((812 * 0.15 + 498 * 0.60) / 1e6)
    assert isinstance(row["latency_s"], float) and row["cached"] is False
    assert report["totals"]["total_tokens"] == 1310
    assert report["totals"]["cost_usd"] == pytest.approx(row["cost_usd"])
    assert report["totals"]["latency_s_mean"] == pytest.approx(row["latency_s"], abs=1e-3)
    assert row["actor_recall"] == round(5 / 6, 4)  # the Port Authority is not in the brief
    assert row["stance_agreement"] == 0.5  # Brandt opposes; the model says "mixed"
    assert row["legal_recall"] == 1.0 and row["kind_agreement"] == 1.0
    assert row["event_type_accuracy"] == 1.0 and row["outcome_accuracy"] == 1.0
    head, line = (next(x for x in text.stdout.splitlines() if x.startswith(p))
                  for p in ("article", "velmora-bay"))  # fmt: skip
    assert head.split()[-3:] == ["tokens", "cost", "latency"]
    assert line.split()[-3:-1] == ["1310", f"${row['cost_usd']:.4f}"]


# ------------------------------------------------------------------ the HTML report
HOSTILE = '<script>document.body.setAttribute("data-pwned", "1")</script>'


def _html_run(tmp_path: Path) -> tuple[Path, dict[str, Any], dict[str, Any]]:
    """An HTML report of a known brief against a baseline, with a hostile gold id."""
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    (briefs / "harbour-court.json").write_text(json.dumps(brief_data()), encoding="utf-8")
    gold = json.loads(HARBOUR.read_text(encoding="utf-8"))
    gold.update(id=HOSTILE, article=str(load_gold(HARBOUR).article_ref))
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    _write(gold_dir, json.dumps(gold), "hostile.json")
    baseline = tmp_path / "baseline.json"
    args = [str(gold_dir), "--briefs", str(briefs)]
    assert run(*args, "--format", "json", "-o", str(baseline)).exit_code == 0
    base = json.loads(baseline.read_text(encoding="utf-8"))
    base["totals"].update(actor_recall=0.9, legal_recall=0.25)
    baseline.write_text(json.dumps(base), encoding="utf-8")
    page = tmp_path / "report.html"
    result = run(*args, "--baseline", str(baseline), "--min", "grounded_rate=1", "--format",
                 "html", "-o", str(page))  # fmt: skip
    assert result.exit_code == 1 and "gate failed: actor_recall 0.8 vs baseline 0.9" in (
        result.stderr)
    report = json.loads(run(*args, "--format", "json").stdout)
    return page, report, base["totals"]


def test_html_report_is_standalone_and_escaped(tmp_path: Path) -> None:
    page, report, _ = _html_run(tmp_path)
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html
    assert "<script" not in html and "&lt;script&gt;" in html
    assert not re.search(r"@import|url\(|src=|href=\"http", html)
    for metric in METRICS:
        assert f'data-metric="{metric}"' in html


def _in_browser(page: Path, tmp_path: Path) -> str:
    """What Chromium lays out: scripts run, visible text, each chart bar's drawn width."""
    return inspect_page(page, tmp_path, (
        "var out = ['scripts=' + d.querySelectorAll('script').length + ' pwned='"
        "  + d.body.hasAttribute('data-pwned')];"
        "d.querySelectorAll('g[data-metric]').forEach(function (g) {"
        "  var bar = function (c) { var r = g.querySelector('rect.' + c);"
        "    return r ? r.getBoundingClientRect().width.toFixed(1) : 'none'; };"
        "  out.push('bar ' + g.dataset.metric + ' ' + bar('current') + ' ' + bar('baseline'));"
        "});"
        "out.push('@@TEXT@@', d.body.innerText);"
        "return out.join('\\n');"
    ), size='width="1400" height="900"')


@needs_chromium
def test_html_report_in_headless_chromium(tmp_path: Path) -> None:
    from summarizer.evaluation.html import BAR

    page, report, baseline = _html_run(tmp_path)
    dumped = _in_browser(page, tmp_path)
    state, _, text = dumped.partition("\n@@TEXT@@\n")
    lines = state.splitlines()
    assert lines[0] == "scripts=0 pwned=false"  # the hostile id is text, not a script
    bars = {line.split()[1]: line.split()[2:] for line in lines[1:]}
    assert list(bars) == list(METRICS)
    totals = report["totals"]
    for metric, (current, base) in bars.items():
        assert float(current) == pytest.approx(totals[metric] * BAR, abs=0.6), metric
        assert float(base) == pytest.approx(baseline[metric] * BAR, abs=0.6), metric
    flat = " ".join(text.split())
    assert HOSTILE in flat
    assert "actor_recall 0.800 ▼" in flat and "legal_recall 0.500" in flat
    assert "FAILED: actor_recall 0.8 vs baseline 0.9 (-0.1, dropped more than" in flat
    assert "ok: grounded_rate 1 meets the minimum 1" in flat
    assert "missed key actors: Tomas Brandt; missed instruments: suspension order" in flat
    for metric in METRICS:
        assert metric in flat and metric.replace("_", " ") in flat
    row = report["articles"][0]
    cells = " ".join(f"{row[m]:.3f}" for m in METRICS)
    assert f"{HOSTILE} {cells}" in flat  # the article's row, every figure in order


def test_llm_run_over_several_articles_with_jobs_and_a_failure(tmp_path: Path) -> None:
    from fake_openai import FakeEndpoint, completion, fixture
    from openai_server import OpenAIServer

    text = (EVAL.parent / "llm" / "article.txt").read_text(encoding="utf-8")
    gold = json.loads((LLM_GOLD / "article.json").read_text(encoding="utf-8"))
    for name, extra in (("a", ""), ("b", "\nThe bay is quiet again.\n")):
        (tmp_path / f"{name}.txt").write_text(text + extra, encoding="utf-8")
        _write(tmp_path, json.dumps(dict(gold, id=name, article=f"{name}.txt")), f"{name}.json")
    ep = FakeEndpoint(fixture("capable-json"), completion("not a brief"))
    with OpenAIServer(ep) as url:
        result, report = _report(str(tmp_path / "*.json"), "--base-url", url, "--model", "m",
                                 "--mode", "json", "--max-retries", "0", "-j", "2")  # fmt: skip
    assert result.exit_code == 1, result.stderr  # one brief could not be made
    assert len(ep.requests) == 2
    assert "summarizer: 1 done, 1 failed" in result.stderr  # the batch summary line
    ok, failed = sorted(report["articles"], key=lambda r: r["error"] is not None)
    assert ok["error"] is None and ok["actor_recall"] == round(5 / 6, 4)
    assert ok["total_tokens"] == 1310 and ok["cost_usd"] is None  # no price for model "m"
    assert failed["error"].startswith(f"{tmp_path / (failed['id'] + '.json')}: brief: ")
    assert failed["actor_recall"] == 0.0 and failed["total_tokens"] is None
    assert report["totals"]["actor_recall"] == round(5 / 12, 4)  # the failure counts as missed


def test_briefs_of_two_articles_with_one_stem_are_told_apart_by_sha256(tmp_path: Path) -> None:
    from summarizer.batch.run import output_paths

    text = (EVAL.parent / "briefs" / "harbour-court.txt").read_text(encoding="utf-8")
    refs = []
    for name, extra in (("one", ""), ("two", "\nThe hearing was later moved to June.\n")):
        (tmp_path / name).mkdir()
        article = tmp_path / name / "harbour-court.txt"
        article.write_text(text + extra, encoding="utf-8")
        gold = json.loads(HARBOUR.read_text(encoding="utf-8"))
        _write(tmp_path / name, json.dumps(dict(gold, id=name, article="harbour-court.txt")))
        refs.append(str(article))
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    targets = output_paths(refs, briefs, "json")  # the names summarize -o DIR gives them
    assert targets[refs[1]].name != "harbour-court.json"
    for ref, target in targets.items():
        target.write_text(json.dumps(brief_data(Path(ref))), encoding="utf-8")
    gold_files = sorted(str(p) for p in tmp_path.glob("*/g.json"))
    result, report = _report(*reversed(gold_files), "--briefs", str(briefs))
    assert result.exit_code == 0, result.stderr
    assert {r["id"]: Path(r["brief"]).name for r in report["articles"]} == {
        "one": "harbour-court.json", "two": targets[refs[1]].name}
