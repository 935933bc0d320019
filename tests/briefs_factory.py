"""Realistic stored briefs for render and validate tests, built from a team-written article.

The article is `tests/fixtures/briefs/harbour-court.txt` (written for this project). Quotes are
located with the real grounding code, so spans are what an engine would store.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from summarizer.brief.grounding import ArticleIndex, report
from summarizer.brief.schema import SCHEMA_VERSION, Brief
from summarizer.ingest.load import load_article

BRIEFS = Path(__file__).parent / "fixtures" / "briefs"
ARTICLE = BRIEFS / "harbour-court.txt"


def _q(index: ArticleIndex, text: str) -> dict[str, Any]:
    quote = index.locate(text)
    assert quote.match == "exact", text
    return quote.model_dump()


def brief_data(article: Path = ARTICLE, origin: str | None = None) -> dict[str, Any]:
    """A valid brief as a JSON-ready dict, grounded in `article`."""
    art = load_article(str(article))
    ix = ArticleIndex(art.text)
    data: dict[str, Any] = {
        "source": {
            "title": "Coastal Court Orders Halt to Northern Trawling Fleet",
            "url": "https://news.example.org/2025/03/gull-banks-ruling",
            "publisher": "Harbour Gazette",
            "published_at": "2025-03-14",
            "language": "en",
        },
        "bluf": "A maritime court suspended the Northern Trawling Company's Gull Banks fleet "
        "for ninety days for breaching a fisheries convention; the company will appeal.",
        "event": {
            "summary": "The Regional Maritime Court ordered a 90-day suspension of the fleet.",
            "event_type": "SANCTION",
            "date": "2025-03-13",
            "date_precision": "day",
            "location": "Port Alder",
            "evidence": [_q(ix, "ordered the Northern Trawling Company to suspend deep-sea "
                               "operations in the Gull Banks for ninety days")],
        },
        "actors": [
            {"name": "Regional Maritime Court", "kind": "court", "country": "NOR",
             "role": "issued the order", "evidence": []},
            {"name": "Northern Trawling Company", "kind": "business", "country": "NOR",
             "role": "sanctioned fleet operator",
             "evidence": [_q(ix, "The Northern Trawling Company rejected the ruling")]},
            {"name": "Mara Ellison", "kind": "official", "country": None,
             "role": "presiding judge", "evidence": []},
            {"name": "Blue Shelf Alliance", "kind": "ngo", "country": None,
             "role": "environmental group", "evidence": []},
        ],
        "positions": [
            {"holder": "Northern Trawling Company", "on": "the suspension order",
             "stance": "oppose", "summary": "Says it followed ministry permits; will appeal.",
             "attributed": True,
             "evidence": [_q(ix, "We followed the permits the ministry gave us")]},
            {"holder": "Mara Ellison", "on": "the Gull Banks Fisheries Convention",
             "stance": "support", "summary": "The convention binds every party's vessels.",
             "attributed": True,
             "evidence": [_q(ix, "The convention is not a suggestion")]},
            {"holder": "Blue Shelf Alliance", "on": "the suspension order",
             "stance": "support", "summary": "Welcomed it as a first step.",
             "attributed": False,
             "evidence": [_q(ix, "a first step toward real enforcement")]},
        ],
        "legal_context": [
            {"instrument": "Gull Banks Fisheries Convention", "kind": "treaty",
             "provision": None, "body": "Regional Maritime Court",
             "obligation": "Vessels of the parties must keep to their quotas.",
             "evidence": [_q(ix, "the fleet had breached the Gull Banks Fisheries Convention")]},
        ],
        "outcome": {
            "status": "pending",
            "description": "The suspension takes effect on 17 March; an appeal is expected.",
            "next_steps": "Appeal hearing in May.",
            "evidence": [_q(ix, "An appeal hearing is expected in May.")],
        },
        "open_questions": ["Will the ministry revise the permits for the 2025 season?"],
        "provenance": {
            "engine": "extractive", "schema_version": SCHEMA_VERSION,
            "article_sha256": art.sha256, "article_origin": origin,
            "created_at": "2025-03-15T09:00:00Z",
        },
    }  # fmt: skip
    brief = Brief.model_validate(data)
    from summarizer.brief.grounding import all_quotes

    data["provenance"]["grounding"] = report(all_quotes(brief)).model_dump()
    return data


def make_brief(**changes: Any) -> Brief:
    """A valid Brief; keyword arguments replace top-level fields of the JSON data."""
    data = brief_data()
    data.update(changes)
    return Brief.model_validate(data)


def write_brief(path: Path, data: dict[str, Any]) -> Path:
    """Write brief data as JSON to path and return the path."""
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return path
