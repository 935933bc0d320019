"""Event dates the month tables miss, read by dateparser relative to the report date."""

from __future__ import annotations

import datetime as dt

import pytest

from summarizer.article import Article
from summarizer.engines.extractive.engine import ExtractiveEngine
from summarizer.engines.extractive.segment import event_date

REPORT = dt.date(2021, 5, 7)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Le mardi 1er mai, la ministre a annoncé un recours.", "2021-05-01"),
        ("Am 5. Mai 2019 sagte die Ministerin, sie werde klagen.", "2019-05-05"),
        ("El 5 de mayo de 2020 el ministro anunció un recurso.", "2020-05-05"),
        ("On the 5th of May the minister announced an appeal.", "2021-05-05"),
        ("El 28 de diciembre el ministro anunció un recurso.", "2020-12-28"),  # not next December
    ],
)
def test_spelled_dates_resolve_against_the_report_date(sentence: str, expected: str) -> None:
    assert event_date(sentence, REPORT) == (expected, "day")


def test_a_date_without_its_year_needs_a_report_date() -> None:
    assert event_date("Le 1er mai, la ministre a annoncé un recours.", None) is None
    assert event_date("Am 5. Mai 2019 sagte sie das.", None) == ("2019-05-05", "day")


def test_numbers_beside_a_month_are_no_date() -> None:
    assert event_date("Prices rose 5 times in May, the minister said.", REPORT) is None


def test_the_brief_carries_the_lead_date() -> None:
    text = (
        "Le mardi 1er mai, la ministre de la Justice a annoncé un recours contre la décision "
        "du tribunal administratif de Paris. « Nous ferons appel », a déclaré la ministre "
        "devant la presse. Le tribunal avait annulé le décret la semaine précédente."
    )
    brief = ExtractiveEngine().summarize(
        Article(text=text, language="fr", published_at="2021-05-03")
    )
    assert brief.event.date == "2021-05-01"
    assert brief.event.date_precision == "day"
