"""Input kinds and bad inputs (summarizer.ingest.load), and the `extract` command."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES
from ingest_helpers import MORE, input_error
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.errors import InputError
from summarizer.ingest.load import expand_inputs, load_article

INGEST = FIXTURES / "ingest"
FOLDER = INGEST / "folder"
KEYS = {"text", "title", "url", "publisher", "published_at", "language", "sha256"}


# --- plain text, Markdown, stdin -------------------------------------------------------


def test_pasted_text_header_becomes_metadata() -> None:
    article = load_article(str(INGEST / "pasted.txt"))
    assert article.title == "Village Votes to Keep Its Post Office"
    assert article.published_at == "2022-03-07"
    assert article.language == "en"
    assert article.text.startswith("Residents of the village voted")
    assert "By Staff Reporter" not in article.text and "…" not in article.text
    assert article.origin == str(INGEST / "pasted.txt")


def test_mongolia_paste(shared_articles: Path, mongolia_text: str) -> None:
    article = load_article(str(shared_articles / "mongolia-putin-icc.txt"))
    assert article.title == "Mongolia Welcomes Putin Despite War Crimes Accusation"
    assert article.published_at == "2024-09-03"
    assert article.language == "en"
    assert article.text.startswith("Russian President Vladimir Putin was greeted")
    assert "Sep. 3rd" not in article.text and not article.text.startswith("...")
    assert article.title not in article.text.split("\n")[0]
    assert article.text in mongolia_text.replace("\r\n", "\n")  # the body, unchanged


def test_markdown_front_matter_and_heading() -> None:
    article = load_article(str(INGEST / "article.md"))
    assert article.title == "Library Extends Opening Hours"
    assert article.published_at == "2023-11-02"
    assert article.url == "https://town.example/library-hours"
    assert article.publisher == "Town Notes"
    assert article.language == "en"
    text = article.text
    assert text.startswith("The central library will open")
    assert "cultural office announced on Thursday, after a petition signed" in text
    assert "**" not in text and "](" not in text and "#" not in text and "---" not in text


def test_markdown_heading_is_title(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(f"\n# Bridge Reopens After Repairs\n\nThe bridge reopened on Friday. {MORE}\n")
    article = load_article(str(path))
    assert article.title == "Bridge Reopens After Repairs"
    assert article.text == f"The bridge reopened on Friday. {MORE}"


def test_text_without_headline_has_no_title(tmp_path: Path) -> None:
    body = (
        "The committee met on Wednesday and agreed, after a long discussion about the budget, "
        "to postpone the vote on the new stadium until the auditors have reported."
    )
    path = tmp_path / "para.txt"
    path.write_text(body + "\n")
    article = load_article(str(path))
    assert article.title is None
    assert article.text == body


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = f"Sept 9, 2021\nStorm Closes Schools\n\nSchools closed across the county. {MORE}\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode("utf-16"))))
    article = load_article("-")
    assert (article.title, article.published_at) == ("Storm Closes Schools", "2021-09-09")
    assert article.text == f"Schools closed across the county. {MORE}"
    assert article.origin == "-" and article.stem == "stdin"


def test_stdin_html(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (INGEST / "page.html").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    article = load_article("-")
    assert article.title == "Harbour Council Approves New Ferry Route"


def test_windows_and_old_mac_line_endings(tmp_path: Path) -> None:
    for name, newline in (("crlf.txt", "\r\n"), ("cr.txt", "\r")):
        path = tmp_path / name
        lines = ["Dam Project Approved", "", "Work on the dam starts in May.", MORE]
        path.write_bytes(newline.join(lines).encode("cp1252"))
        article = load_article(str(path))
        assert article.title == "Dam Project Approved"
        assert article.text == f"Work on the dam starts in May.\n{MORE}"


def test_latin1_file(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    text = "Un été très chaud\n\nLa météo prévoit des températures élevées à Noël et le maire "
    more = "Les écoles resteront ouvertes, mais les piscines fermeront plus tôt que prévu."
    path.write_bytes((text + f"a déclaré que la ville était prête. {more}\n").encode("latin-1"))
    article = load_article(str(path))
    assert article.title == "Un été très chaud"
    assert article.language == "fr"
    assert "températures élevées à Noël" in article.text


# --- folders and globs -----------------------------------------------------------------


def test_expand_folder_supported_files_sorted() -> None:
    assert expand_inputs([str(FOLDER)]) == [str(FOLDER / n) for n in ("a.md", "b.txt", "c.html")]


def test_expand_glob_sorted_and_deduplicated() -> None:
    found = expand_inputs([str(FOLDER / "*"), str(FOLDER / "b.txt")])
    assert found == [str(FOLDER / n) for n in ("a.md", "b.txt", "c.html")]


def test_expand_passes_urls_stdin_and_missing_files_through() -> None:
    refs = ["-", "https://example.org/a", "missing.txt", str(INGEST / "pasted.txt")]
    assert expand_inputs(refs) == refs


def test_expand_recursive_glob(tmp_path: Path) -> None:
    (tmp_path / "x" / "y").mkdir(parents=True)
    (tmp_path / "x" / "y" / "deep.txt").write_text("Deep\n\nText.\n")
    (tmp_path / "top.md").write_text("# Top\n\nText.\n")
    found = expand_inputs([str(tmp_path / "**" / "*.*")])
    assert found == [str(tmp_path / "top.md"), str(tmp_path / "x" / "y" / "deep.txt")]


def test_expand_empty_folder_and_glob_fail(tmp_path: Path) -> None:
    (tmp_path / "data.json").write_text("{}")
    with pytest.raises(InputError, match="no supported files in this folder"):
        expand_inputs([str(tmp_path)])
    with pytest.raises(InputError, match=r"\*\.txt: matches no supported files"):
        expand_inputs([str(tmp_path / "*.txt")])


# --- bad inputs ------------------------------------------------------------------------




def test_missing_file() -> None:
    assert "no such file" in input_error("nope/missing.txt")


def test_folder_given_to_load(tmp_path: Path) -> None:
    assert "is a folder" in input_error(str(tmp_path))


@pytest.mark.parametrize("content", [b"", b"   \n\t \r\n  ", "\ufeff  \n".encode(), b"...\n\n"])
def test_empty_or_whitespace(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    assert "empty input" in input_error(str(path))


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01" + bytes(range(256)) * 4)
    assert "looks binary" in input_error(str(path))


def test_too_large_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000)

    def no_read(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", no_read)
    message = input_error(str(path), max_bytes=1000)
    assert "too large (5,000 bytes > 1,000" in message


def test_stdin_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 5000)))
    assert "too large (over 100 bytes; raise SUMMARIZER_" in input_error("-", max_bytes=100)


def test_html_without_article_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Nothing</title></head><body><nav><a href='/'>Home"
                    "</a></nav><script>var x = 1;</script></body></html>")  # fmt: skip
    assert "no article text" in input_error(str(path))


NAV_ONLY = ("<!doctype html><html lang='en'><head><title>Daily Mirror</title></head><body>"
            "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li>"
            "<li><a href='/sport'>Sport</a></li><li><a href='/about'>About us</a></li></ul>"
            "</nav></body></html>")  # fmt: skip


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("menu.html", NAV_ONLY, "no article text found in the HTML page"),
        ("hello.txt", "Hello\n", "too short to be an article (1 word; an article has at least 25)"),
    ],
)
def test_junk_is_not_briefed_exit_4(tmp_path: Path, name: str, content: str,
                                    expected: str) -> None:  # fmt: skip
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(app, ["summarize", str(path), "--engine", "extractive"])
    assert result.exit_code == 4 and result.stdout == ""
    assert result.stderr.startswith(f"summarizer: error: {path}: {expected}")
    assert "at least 25" in result.stderr and result.stderr.count("\n") == 1


def test_article_minimum_counts_words_in_any_script() -> None:
    from summarizer.ingest.length import MIN_WORDS, count_words

    assert count_words("Home\nNews\nSport\nAbout us") == 5
    assert count_words("The minister's car — built in 2024 — isn't new.") == 8
    assert count_words("東京都は月曜日に新しい条例を発表した") == 18  # one per character
    assert count_words("iPhoneを販売") == 4
    assert MIN_WORDS == 25


def test_non_http_url() -> None:
    assert "only http and https" in input_error("ftp://example.org/article.txt")
    assert "only http and https" in input_error("file:///etc/passwd")


# --- the extract command ---------------------------------------------------------------


def test_extract_text_and_json() -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["extract", str(INGEST / "pasted.txt")])
    assert result.exit_code == 0
    assert result.stdout.startswith("Residents of the village")
    result = runner.invoke(app, ["extract", str(INGEST / "page.html"), "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert set(data) == KEYS
    assert data["title"] == "Harbour Council Approves New Ferry Route"
    assert data["published_at"] == "2024-05-14" and len(data["sha256"]) == 64


def test_extract_stdin() -> None:
    result = CliRunner().invoke(app, ["extract", "-"], input=f"Headline Here\n\nBody. {MORE}\n")
    assert result.exit_code == 0 and result.stdout == f"Body. {MORE}\n"


@pytest.mark.parametrize(
    ("ref", "words"),
    [
        ("does-not-exist.txt", "no such file"),
        ("ftp://example.org/x", "only http and https"),
        (str(FOLDER), "is a folder"),
    ],
)
def test_extract_bad_input_is_one_line_exit_4(ref: str, words: str) -> None:
    result = CliRunner().invoke(app, ["extract", ref])
    assert result.exit_code == 4
    assert result.stderr == f"summarizer: error: {ref}: " + result.stderr.split(": ", 3)[-1]
    assert words in result.stderr and result.stderr.count("\n") == 1
    assert "Traceback" not in result.output


def test_extract_size_limit_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZER_MAX_INPUT_BYTES", "50")
    result = CliRunner().invoke(app, ["extract", str(INGEST / "pasted.txt")])
    assert result.exit_code == 4 and "too large" in result.stderr


def test_extract_binary_stdin() -> None:
    result = CliRunner().invoke(app, ["extract", "-"], input=b"\x00\x01\x02binary\x00")
    assert result.exit_code == 4 and "-: looks binary" in result.stderr


def test_console_script_exit_code(tmp_path: Path) -> None:
    env = dict(os.environ)  # the isolated, empty config file of the conftest
    proc = subprocess.run(
        [sys.executable, "-c", "from summarizer.cli import main; main()", "extract", "missing.txt"],
        capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip
    assert proc.stderr.strip() == "summarizer: error: missing.txt: no such file"
    assert proc.returncode == 4


def test_heavy_libraries_load_only_when_needed() -> None:
    code = (
        "import sys, summarizer.cli, summarizer.ingest.load, summarizer.ingest.fetch\n"
        "heavy = {'trafilatura', 'lxml', 'charset_normalizer', 'htmldate'} & set(sys.modules)\n"
        "print(sorted(heavy))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip() == "[]", proc.stderr


def test_gzip_files_are_read_by_their_inner_suffix(tmp_path: Path) -> None:
    import gzip

    page = tmp_path / "page.html.gz"
    body = "<p>" + "The council approved the plan on Monday after a long debate. " * 5 + "</p>"
    page.write_bytes(gzip.compress(f"<html><head><title>Plan</title></head><body><article>{body}"
                                   "</article></body></html>".encode()))
    article = load_article(str(page))
    assert "council approved the plan" in article.text
    assert "<p>" not in article.text
    broken = tmp_path / "broken.txt.gz"
    broken.write_bytes(b"not gzip at all")
    with pytest.raises(InputError, match="broken.txt.gz: not a readable gzip file"):
        load_article(str(broken))
