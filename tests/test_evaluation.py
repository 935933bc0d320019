"""`summarizer eval`: gold files, the scorer's matching rules, reports, gates and baselines."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

import pytest
from briefs_factory import brief_data

from summarizer.brief.schema import Brief
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
from summarizer.evaluation.scoring import metrics_of
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
        if "/shared/" not in ref.replace(os.sep, "/"):
            assert Path(ref).is_file(), (path, ref)
