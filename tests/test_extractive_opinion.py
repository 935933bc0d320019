"""Opinion pieces: recognised, and briefed by what they argue rather than by their hook."""

from __future__ import annotations

from pathlib import Path

from summarizer.article import Article
from summarizer.engines.extractive.engine import ExtractiveEngine
from summarizer.ingest.load import load_article

ENGINE = ExtractiveEngine()
ESSAY = (
    "By Lena Ward\n\n"
    "I don't use the app. I never signed up, and I never agreed to share anything with it. "
    "Yet my phone number sits in its files, because my friends uploaded their contacts. "
    "We are told this is the price of a free service. Lawmakers should ban the collection of "
    "data about people who never joined a platform. The company says it deletes such data "
    "within weeks, but nobody can check."
)


def test_first_person_essay_bluf_names_its_author_and_argument() -> None:
    brief = ENGINE.summarize(Article(text=ESSAY))
    assert brief.bluf == ("Lena Ward argues: Lawmakers should ban the collection of data about "
                          "people who never joined a platform.")  # fmt: skip
    assert not brief.outcome.description.startswith("I ")  # not the writer's hook


def test_an_opinion_address_marks_a_column() -> None:
    text = ("The council voted on Monday to close the library. That is a mistake, and the city "
            "must reverse it before the budget is final. Readers deserve better.")  # fmt: skip
    brief = ENGINE.summarize(Article(text=text, url="https://example.org/opinion/library-vote",
                                     publisher="Example Gazette"))  # fmt: skip
    assert brief.bluf.startswith("An opinion piece in Example Gazette argues: That is a mistake")


def test_news_report_keeps_its_lead() -> None:
    text = ("The council voted on Monday to close the main library, officials said. The vote was "
            "seven to two. The mayor said the building would be sold next year.")  # fmt: skip
    brief = ENGINE.summarize(Article(text=text))
    assert brief.bluf.startswith("The council voted on Monday")
    assert "argues" not in brief.bluf and brief.outcome.status == "occurred"


def test_shared_essay_is_not_briefed_by_its_hook(shared_articles: Path) -> None:
    brief = ENGINE.summarize(load_article(str(shared_articles / "html/aclu/source.html")))
    assert " argues: " in brief.bluf and "I don't use Facebook" not in brief.bluf
    assert "I don't use Facebook" not in brief.outcome.description
