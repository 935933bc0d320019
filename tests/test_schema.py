"""The brief's JSON Schema (`summarizer schema`) is what real briefs follow."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from typer.testing import CliRunner

from summarizer.brief.schema import SCHEMA_VERSION, DraftBrief
from summarizer.cli import app

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "harbor-court-ruling.txt"
runner = CliRunner()


def test_a_real_brief_validates_against_the_printed_schema() -> None:
    schema = json.loads(runner.invoke(app, ["schema"]).stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"].endswith(SCHEMA_VERSION)
    brief = json.loads(runner.invoke(app, ["summarize", str(EXAMPLE)]).stdout)
    jsonschema.validate(brief, schema)
    brief["event"]["event_type"] = "INVADE"
    try:
        jsonschema.validate(brief, schema)
    except jsonschema.ValidationError as exc:
        assert list(exc.absolute_path) == ["event", "event_type"]
    else:
        raise AssertionError("an unknown event type passed the schema")


def test_the_model_layer_is_leaner_than_the_stored_brief() -> None:
    draft = json.dumps(DraftBrief.model_json_schema())
    assert "provenance" not in draft and '"start"' not in draft and "match" not in draft
