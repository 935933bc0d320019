"""Pasted-article headers, dates and Markdown clean-up (summarizer.ingest.pasted)."""

from __future__ import annotations

import time

import pytest

from summarizer.ingest.pasted import date_line, markdown_to_text, parse_date, split_header


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Sep. 3rd, 2024", "2024-09-03"),
        ("September 3, 2024", "2024-09-03"),
        ("3 September 2024", "2024-09-03"),
        ("3rd of Sept. 2024", "2024-09-03"),
        ("Tuesday, 3 septembre 2024", "2024-09-03"),
        ("1er août 2023", "2023-08-01"),
        ("2024-09-03T10:42:00Z", "2024-09-03"),
        ("Published: Jun 1 2023 10:42 a.m. EDT", "2023-06-01"),
        ("Feb 30, 2024", None),
        ("Mayor 3, 2024", None),
        ("no date here", None),
    ],
)
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_date_line_is_only_a_date() -> None:
    assert date_line("Updated: Tue 3 Sep 2024, 14:05 GMT") == "2024-09-03"
    assert date_line("Putin arrived on Sep. 3rd, 2024 in Ulaanbaatar") is None


def test_header_lines_are_read_and_dropped() -> None:
    header = split_header(
        "\n…\n---\nSep. 3rd, 2024\nKYIV, Ukraine (AP) —\n\nTalks Resume in Geneva\n"
        "By Jane Doe\n4 min read\nhttps://news.example/talks\n\nDelegations met on Monday.\n"
        "\nA second paragraph.\n"
    )
    assert header.title == "Talks Resume in Geneva"
    assert header.published_at == "2024-09-03"
    assert header.url == "https://news.example/talks"
    assert header.body == "Delegations met on Monday.\n\nA second paragraph."


def test_date_after_title() -> None:
    header = split_header("Talks Resume\n12 March 2021\n\nDelegations met.")
    assert (header.title, header.published_at, header.body) == (
        "Talks Resume",
        "2021-03-12",
        "Delegations met.",
    )


@pytest.mark.parametrize(
    "first",
    [
        "Delegations met in Geneva on Monday to resume the talks that broke down in March.",
        "Talks resumed.",
    ],
)
def test_no_headline_when_the_first_line_is_a_sentence(first: str) -> None:
    header = split_header(f"{first}\nMore text follows here.")
    assert header.title is None
    assert header.body.startswith(first)


def test_question_headline() -> None:
    assert split_header("Will the Talks Resume?\n\nNobody knows.").title == "Will the Talks Resume?"


def test_markdown_title_kinds() -> None:
    assert split_header("# Hash Title #\n\nBody.", markdown=True).title == "Hash Title"
    setext = split_header("Setext Title\n============\n\nBody.", markdown=True)
    assert (setext.title, setext.body) == ("Setext Title", "Body.")


def test_front_matter() -> None:
    header = split_header(
        '---\ntitle: "Front Title"\ndate: March 5, 2020\nsource: Daily Example\n'
        "language: fr-FR\nurl: ftp://not-http\n---\n# Front Title\n\nCorps du texte.\n",
        markdown=True,
    )
    assert header.title == "Front Title"
    assert header.published_at == "2020-03-05"
    assert header.publisher == "Daily Example"
    assert header.language == "fr"
    assert header.url is None
    assert header.body == "Corps du texte."


def test_front_matter_in_text_and_rules_that_are_not_front_matter() -> None:
    assert split_header("---\ntitle: X\n---\n\nBody text.").title == "X"
    header = split_header("---\nA Rule Above\n---\n\nBody text.")
    assert (header.title, header.body) == ("A Rule Above", "Body text.")


def test_markdown_to_text() -> None:
    md = (
        "Intro with a [link](https://x.example) and **bold** words,\nwrapped here.\n\n"
        "![img](a.png)\n<!-- note -->\n## Section\nText.\n\n- one\n- two\n"
    )
    assert markdown_to_text(md) == (
        "Intro with a link and bold words, wrapped here.\n\nSection\nText.\n\n- one\n- two"
    )


def test_markdown_links_with_parentheses_and_comments() -> None:
    md = "See [the law](https://w.example/Act_(2020)) now.<!-- a --> B <!-- open"
    assert markdown_to_text(md) == "See the law now. B <!-- open"


@pytest.mark.parametrize("opener", ["**a ", "__a ", "[", "[a](", "![a](", "<!--"])
def test_unclosed_markdown_openers_take_linear_time(opener: str) -> None:
    # these took quadratic time: 80 KB of "**a " needed 16 s, 5 MB would need hours
    text = "Intro words here. " + opener * 50_000
    started = time.perf_counter()
    assert markdown_to_text(text).startswith("Intro words here.")
    assert time.perf_counter() - started < 2.0
