"""HTML pages (summarizer.ingest.html): the team's fixture and the shared real pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURES

from summarizer.ingest.html import clean_lines
from summarizer.ingest.load import load_article

PAGE = FIXTURES / "ingest" / "page.html"

# Per shared page: short phrases from the body (start and end) a reader sees, and
# navigation / related-links / footer strings that are in the page but not the article.
SHARED_PAGES = {
    "aclu": (
        ["I'm not technophobic", "protect those of us who manage to opt out"],
        ["Skip navigation", "Early bird discount ends today", "Know your rights"],
    ),
    "bbc-1": (
        ["greatest frustration of his presidency", "address the African Union"],
        ["Skip to content", "BBC navigation", "941 comments", "From the section"],
    ),
    "herald-sun-1": (
        ["allay concerns about the impact of new surveillance legislation",
         "sit up and take notice"],
        ["Other Opinion Columns", "Starbeam Fantapants", "Login using your social network"],
    ),
    "lemonde-1": (
        ["adopté à une large majorité", "Aucune mesure de rétorsion"],
        ["Lire aussi", "Édition Abonnés", "La loi sur le renseignement expliquée en patates"],
    ),
    "liberation-1": (
        ["emporté par une avalanche", "Des dizaines de milliers de personnes sont sans abri"],
        ["Les rubriques", "Se déconnecter", "Forums thématiques"],
    ),
    "nytimes-2": (
        ["complicated beast", "nightmares for years to come"],
        ["Continue reading the main story", "Skip to navigation", "Search NYTimes.com"],
    ),
}  # fmt: skip


def _norm(text: str | None) -> str:
    return " ".join((text or "").split())


def test_fixture_page_text_and_metadata() -> None:
    article = load_article(str(PAGE))
    assert article.title == "Harbour Council Approves New Ferry Route"
    assert article.publisher == "The Lakeside Gazette"
    assert article.published_at == "2024-05-14"
    assert article.language == "en"
    assert article.url == "https://gazette.example/news/ferry-route"
    assert article.text.startswith("The harbour council voted on Tuesday")
    assert "next meeting in June" in article.text
    for junk in (
        "Home page",
        "Sport section",
        "garden furniture",
        "Reader comment",
        "trackingPixel",
        "color: red",
        "Copyright",
        "Harbour Council Approves",
    ):
        assert junk not in article.text, junk  # fmt: skip


def test_fetched_url_wins_over_canonical() -> None:
    from summarizer.ingest.load import html_article

    article = html_article(PAGE.read_bytes(), "x", url="http://127.0.0.1/ferry")
    assert article.url == "http://127.0.0.1/ferry"


def test_charset_from_meta(tmp_path: Path) -> None:
    body = "<p>" + "Le conseil municipal a voté la réforme du marché de Noël à Saint-Étienne. " * 3
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        f"<title>Réforme votée</title></head><body><article>{body}</p></article></body></html>"
    )
    path = tmp_path / "fr.htm"
    path.write_bytes(page.encode("latin-1"))
    article = load_article(str(path))
    assert article.title == "Réforme votée"
    assert "marché de Noël à Saint-Étienne" in article.text
    assert article.language == "fr"  # no lang attribute: guessed from the text


def _page(lang: str, body: str) -> str:
    return (f'<html lang="{lang}"><head><title>Ferry vote</title></head><body><article><p>'
            f"{body}</p></article></body></html>")  # fmt: skip


def test_declared_language_gives_way_to_clearly_english_text(tmp_path: Path) -> None:
    """A site template marked German around an English story: the story's language wins."""
    body = ("The harbour council said on Tuesday that the ferry route to the islands was "
            "approved by a vote of seven to two, and the mayor said that it would start in June. ")
    path = tmp_path / "template-de.html"
    path.write_text(_page("de", body * 8), encoding="utf-8")
    assert load_article(str(path)).language == "en"
    # a page declared German whose text is German keeps its declaration
    german = ("Der Stadtrat hat am Dienstag die neue Fährverbindung zu den Inseln beschlossen, "
              "und der Bürgermeister sagte, sie solle im Juni beginnen. ")
    path.write_text(_page("de", german * 8), encoding="utf-8")
    assert load_article(str(path)).language == "de"


def test_html_sniffed_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "saved"
    path.write_bytes(PAGE.read_bytes())
    assert load_article(str(path)).title == "Harbour Council Approves New Ferry Route"


def test_clean_lines() -> None:
    text = "Big News\nFirst line.\nContinue reading the main story\nLast line.\nMore stories\nX"
    assert clean_lines(text, "Big  news") == "First line.\nLast line."


@pytest.mark.parametrize("name", sorted(SHARED_PAGES))
def test_shared_page(shared_articles: Path, name: str) -> None:
    folder = shared_articles / "html" / name
    expected = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
    article = load_article(str(folder / "source.html"))
    present, absent = SHARED_PAGES[name]

    assert _norm(article.title) == _norm(expected["title"])
    assert not article.text.startswith(article.title or "\0")
    for phrase in present:
        assert phrase in article.text, phrase
    for phrase in absent:
        assert phrase not in article.text, phrase
    assert article.language == expected["lang"].split("-")[0]
    if expected["siteName"]:
        assert article.publisher == expected["siteName"]
    if expected["publishedTime"]:
        assert article.published_at == expected["publishedTime"][:10]
    assert article.published_at is None or len(article.published_at) == 10
