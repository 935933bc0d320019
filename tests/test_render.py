"""`summarizer render`: Markdown and standalone HTML briefing documents, escaping, the CLI."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from briefs_factory import brief_data, make_brief, write_brief
from browser import inspect_page, needs_chromium
from typer.testing import CliRunner

from summarizer.brief.grounding import all_quotes
from summarizer.brief.schema import Brief
from summarizer.briefing.render import md_escape, render, render_html, render_markdown, safe_url
from summarizer.cli import app
from summarizer.errors import UsageError

runner = CliRunner()
SCRIPT = '<script>document.body.setAttribute("data-pwned", "1")</script>'


def hostile() -> Brief:
    """A brief whose article text tries to become markup in every format."""
    data = brief_data()
    data["source"].update(title="Tables | pipes & <b>bold</b>", url="javascript:alert(1)")
    data["bluf"] = f"# Not a heading | {SCRIPT} *not emphasis* [not](http://link) &amp;"
    data["event"]["evidence"][0]["text"] = f"quote with {SCRIPT} inside"
    data["actors"][0]["name"] = "Court | of <i>Appeal</i>"
    data["positions"][0]["holder"] = "Court | of <i>Appeal</i>"
    data["open_questions"] = ["- not a list item", "1. not a numbered item"]
    data["event"]["date"] = "2024-01-02"
    return Brief.model_validate(data)


def second() -> Brief:
    data = brief_data()
    data["source"]["title"] = "Earlier story"
    data["event"]["date"] = "2025-01-05"
    data["bluf"] = "An earlier event."
    return Brief.model_validate(data)


# ------------------------------------------------------------------ Markdown
def test_markdown_single_brief_has_every_part() -> None:
    brief = make_brief()
    md = render_markdown([brief])
    assert md.startswith("# Briefing\n")
    assert "| # | Headline | Bottom line | Event type | Date | Outcome |" in md
    assert "| 1 | Coastal Court Orders Halt to Northern Trawling Fleet |" in md
    for heading in ("Event", "Actors", "Positions", "Legal context", "Outcome and next steps",
                    "Open questions", "Evidence"):  # fmt: skip
        assert f"\n### {heading}\n" in md
    assert md.index("**Bottom line:**") < md.index("### Event")
    assert "| Northern Trawling Company[^2] | business | NOR |" in md
    assert "**Mara Ellison** (official)" in md
    assert "*oppose* on the suspension order" in md
    assert "**Status:** pending." in md and "**Next steps:** Appeal hearing in May." in md
    assert "- Will the ministry revise the permits for the 2025 season?" in md


def test_markdown_footnotes_once_each_with_source() -> None:
    brief = make_brief()
    md = render_markdown([brief], title="Weekly")
    quotes = all_quotes(brief)
    definitions = re.findall(r"^\[\^(\d+)\]: (.*)$", md, flags=re.M)
    assert [int(n) for n, _ in definitions] == list(range(1, len(quotes) + 1))
    for (_, line), q in zip(definitions, quotes, strict=True):
        assert line.startswith(f"“{md_escape(q.text)}”")
        assert "Coastal Court Orders Halt to Northern Trawling Fleet, Harbour Gazette" in line
        assert "2025-03-14, <https://news.example.org/2025/03/gull-banks-ruling>." in line
    for n, _ in definitions:  # each footnote is referenced from the text
        assert md.count(f"[^{n}]") >= 2


def test_footnote_numbers_are_unique_across_articles() -> None:
    md = render_markdown([make_brief(), second()])
    numbers = re.findall(r"^\[\^(\d+)\]:", md, flags=re.M)
    assert len(numbers) == len(set(numbers)) == 2 * len(all_quotes(make_brief()))


def test_a_repeated_quote_is_one_footnote() -> None:
    data = brief_data()
    data["outcome"]["evidence"].append(data["event"]["evidence"][0])
    md = render_markdown([Brief.model_validate(data)])
    assert len(re.findall(r"^\[\^\d+\]:", md, flags=re.M)) == len(all_quotes(make_brief()))
    assert "fleet.[^1]" in md and "appeal is expected.[^7][^1]" in md


def test_sort_by_date_or_input() -> None:
    briefs = [make_brief(), second()]
    by_input = render(briefs, "md", date="2025-03-20")
    by_date = render(briefs, "md", order="date", date="2025-03-20")
    assert by_input.index("## 1. Coastal Court") < by_input.index("## 2. Earlier story")
    assert by_date.index("## 1. Earlier story") < by_date.index("## 2. Coastal Court")
    assert "2025-03-20 · 2 articles" in by_date


def test_markdown_escapes_article_text() -> None:
    md = render_markdown([hostile()])
    assert "<script>" not in md and "<b>" not in md and "<i>" not in md
    assert r"\<script\>document.body.setAttribute" in md
    assert r"\# Not a heading \| \<script\>" in md
    assert r"\*not emphasis\* \[not\](http://link) \&amp;" in md
    assert "- \\- not a list item" in md and "- 1\\. not a numbered item" in md
    row = next(line for line in md.splitlines() if line.startswith("| 1 |"))
    assert len(re.findall(r"(?<!\\)\|", row)) == 7  # six cells: no pipe from the text
    assert "javascript:" not in md


def test_markdown_renders_to_safe_html() -> None:
    """Through a real CommonMark parser: the hostile text stays text."""
    markdown_it = pytest.importorskip("markdown_it", reason="markdown-it-py not installed")
    html = markdown_it.MarkdownIt("commonmark").enable("table").render(render_markdown([hostile()]))
    assert "<script" not in html and "<b>" not in html and "<i>" not in html
    assert "&lt;script&gt;document.body.setAttribute" in html
    assert "<h1>Briefing</h1>" in html and "<h1>Not a heading" not in html
    assert "<em>not emphasis</em>" not in html and 'href="http://link"' not in html
    first_table = html.split("</table>")[0]
    assert first_table.count("<th>") == 6
    assert all(row.count("<td>") == 6 for row in first_table.split("<tr>")[2:])


def test_md_escape_and_safe_url() -> None:
    assert md_escape("a\n\n# b | c") == r"a \# b \| c"
    assert md_escape("- item") == r"\- item"
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("data:text/html,x") is None
    assert safe_url("https://x.org/a b(c)") == "https://x.org/a%20b%28c%29"
    assert safe_url(None) is None


# ------------------------------------------------------------------ HTML
class _Tags(HTMLParser):
    VOID = {"meta", "br", "hr", "img", "link", "input", "col", "source", "wbr"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.seen: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(f"unbalanced </{tag}>")

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] not in ("style", "title", "script"):
            self.text.append(data)


def parse(html: str) -> _Tags:
    tags = _Tags()
    tags.feed(html)
    tags.close()
    return tags


def test_html_is_standalone_accessible_and_printable() -> None:
    html = render_html([make_brief(), second()], title="Gull Banks")
    tags = parse(html)
    assert not tags.errors and not tags.stack
    names = [t for t, _ in tags.seen]
    assert html.startswith("<!DOCTYPE html>")
    assert ("html", {"lang": "en"}) in tags.seen
    assert "script" not in names and "link" not in names and "img" not in names
    assert not re.search(r"@import|url\(|src=", html)
    assert names.count("h1") == 1 and names.count("article") == 2
    assert ("th", {"scope": "col"}) in tags.seen and ("th", {"scope": "row"}) in tags.seen
    assert "caption" in names and "main" in names
    assert "@media print" in html and "break-before: page" in html
    hrefs = [a.get("href") or "" for t, a in tags.seen if t == "a"]
    assert all(h.startswith(("#", "https://")) for h in hrefs)
    # every footnote reference points at a footnote that exists
    ids = {a.get("id") for _, a in tags.seen}
    assert all(h[1:] in ids for h in hrefs if h.startswith("#"))


def test_html_footnotes_once_each_with_source() -> None:
    brief = make_brief()
    tags = parse(render_html([brief]))
    notes = [a["id"] for t, a in tags.seen if t == "li" and (a.get("id") or "").startswith("fn-")]
    assert notes == [f"fn-{n}" for n in range(1, len(all_quotes(brief)) + 1)]
    text = " ".join("".join(tags.text).split())
    for q in all_quotes(brief):
        assert text.count(f"“{q.text}”") == 1
    assert "Source: Coastal Court Orders Halt to Northern Trawling Fleet, Harbour Gazette, " \
        "2025-03-14, https://news.example.org/2025/03/gull-banks-ruling." in text  # fmt: skip


def test_html_escapes_article_text() -> None:
    html = render_html([hostile()], title="<b>Title</b>")
    tags = parse(html)
    assert not tags.errors
    names = [t for t, _ in tags.seen]
    assert "script" not in names and "b" not in names and "i" not in names
    text = "".join(tags.text)
    assert SCRIPT in text and "Court | of <i>Appeal</i>" in text
    assert "javascript:" not in html
    assert "<title>&lt;b&gt;Title&lt;/b&gt;</title>" in html


def test_per_article_language() -> None:
    data = brief_data()
    data["source"]["language"] = "fr"
    html = render_html([make_brief(), Brief.model_validate(data)])
    assert '<html lang="en">' in html and 'lang="fr"' in html


def test_sparse_brief_reads_well() -> None:
    """No source metadata, no positions, legal context or questions: nothing breaks."""
    data = brief_data()
    data["source"] = {}
    data.update(positions=[], legal_context=[], open_questions=[])
    for actor in data["actors"]:
        actor["evidence"] = []
    brief = Brief.model_validate(data)
    md = render_markdown([brief])
    assert f"## 1. {brief.event.summary}" in md
    assert md.count("None recorded.") == 3
    assert "Source: untitled." in md
    html = render_html([brief])
    tags = parse(html)
    assert not tags.errors and 'class="source"' not in html
    assert html.count("None recorded.") == 3


# ------------------------------------------------------------------ custom templates
def test_custom_template_is_sandboxed_and_escaped(tmp_path: Path) -> None:
    ok = tmp_path / "mine.html.j2"
    ok.write_text("<h1>{{ title }}</h1>{% for s in sections %}<p>{{ s.brief.bluf }}</p>"
                  "{% endfor %}", encoding="utf-8")  # fmt: skip
    out = render([hostile()], "html", title="T", template=ok)
    assert "&lt;script&gt;" in out and "<script>" not in out
    md = tmp_path / "mine.md.j2"
    md.write_text("{% for s in sections %}{{ s.brief.bluf }}{% endfor %}", encoding="utf-8")
    assert r"\<script\>" in render([hostile()], "md", template=md)
    evil = tmp_path / "evil.j2"
    evil.write_text("{{ ''.__class__.__mro__[1].__subclasses__() }}", encoding="utf-8")
    with pytest.raises(UsageError, match="SecurityError"):
        render([make_brief()], "md", template=evil)
    evil.write_text("{{ sections[0].brief.parse_file('/etc/hostname') }}", encoding="utf-8")
    with pytest.raises(UsageError, match="SecurityError"):
        render([make_brief()], "md", template=evil)
    with pytest.raises(UsageError, match="TemplateNotFound"):
        render([make_brief()], "md", template=tmp_path / "absent.j2")


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (b"\xff\xfe{{ title }}", "template bad.j2: UnicodeDecodeError"),
        (b"{{ 1 / 0 }}", "template bad.j2: ZeroDivisionError: division by zero"),
        (b"{{ sections[0].nope.x }}", "template bad.j2: UndefinedError"),
        (b"ok\n{% if %}", "template bad.j2 line 2: TemplateSyntaxError"),
    ],
    ids=["not-utf8", "runtime", "undefined", "syntax"],
)
def test_custom_template_errors_are_one_line_usage_errors(
    tmp_path: Path, source: bytes, message: str
) -> None:
    bad = tmp_path / "bad.j2"
    bad.write_bytes(source)
    with pytest.raises(UsageError) as info:
        render([make_brief()], "md", template=bad)
    assert str(info.value).startswith(message) and "\n" not in str(info.value)
    result = runner.invoke(app, ["render", str(write_brief(tmp_path / "a.json", brief_data())),
                                 "--template", str(bad), "-o", "-"])  # fmt: skip
    assert result.exit_code == 2 and result.stderr.startswith(f"summarizer: error: {message}")


# ------------------------------------------------------------------ CLI
def briefs_on_disk(tmp_path: Path) -> list[str]:
    return [
        str(write_brief(tmp_path / "a.json", brief_data())),
        str(write_brief(tmp_path / "b.json", second().model_dump())),
    ]


def test_cli_renders_markdown_and_html(tmp_path: Path) -> None:
    paths = briefs_on_disk(tmp_path)
    result = runner.invoke(app, ["render", *paths, "-o", "-", "--title", "Weekly"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# Weekly\n")
    out = tmp_path / "out" / "brief.html"
    result = runner.invoke(app, ["render", *paths, "-o", str(out), "--sort", "date"])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert html.index("1. Earlier story") < html.index("2. Coastal Court")
    result = runner.invoke(app, ["render", str(tmp_path), "-o", str(tmp_path / "b.md")])
    assert result.exit_code == 0 and (tmp_path / "b.md").read_text().startswith("# Briefing")


def test_cli_render_template_option(tmp_path: Path) -> None:
    paths = briefs_on_disk(tmp_path)
    tpl = tmp_path / "t.txt.j2"
    tpl.write_text("{{ count }} briefs: {{ sections[0].headline }}\n", encoding="utf-8")
    result = runner.invoke(app, ["render", *paths, "--template", str(tpl), "-o", "-"])
    assert result.exit_code == 0, result.output
    assert result.output == "2 briefs: Coastal Court Orders Halt to Northern Trawling Fleet\n"


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["-o", "out.pdf"], 2),
        (["--sort", "random"], 2),
        (["-o", "-", "--template", "/nonexistent/t.j2"], 2),
    ],
)
def test_cli_render_usage_errors(tmp_path: Path, args: list[str], code: int) -> None:
    result = runner.invoke(app, ["render", *briefs_on_disk(tmp_path), *args])
    assert result.exit_code == code, result.output


def test_cli_render_invalid_brief_is_bad_input(tmp_path: Path) -> None:
    data = brief_data()
    del data["event"]
    bad = write_brief(tmp_path / "bad.json", data)
    result = runner.invoke(app, ["render", str(bad)])
    assert result.exit_code == 4
    assert f"{bad}: not a valid brief: event: field required" in result.output
    result = runner.invoke(app, ["render", str(tmp_path / "missing.json")])
    assert result.exit_code == 4 and "cannot read" in result.output


# ------------------------------------------------------------------ a real browser
def _visible_text(html_file: Path, tmp_path: Path) -> tuple[str, str]:
    """The page's innerText as Chromium lays it out, and what scripts did to the page."""
    dumped = inspect_page(html_file, tmp_path, (
        "return 'scripts=' + d.querySelectorAll('script').length + ' pwned='"
        "  + d.body.hasAttribute('data-pwned') + '\\n@@TEXT@@\\n' + d.body.innerText;"
    ))
    state, _, text = dumped.partition("\n@@TEXT@@\n")
    return text, state


@needs_chromium
def test_html_in_headless_chromium(tmp_path: Path) -> None:
    briefs = [make_brief(), hostile()]
    page = tmp_path / "briefing.html"
    page.write_text(render_html(briefs, title="Gull Banks briefing"), encoding="utf-8")
    text, state = _visible_text(page, tmp_path)
    assert state == "scripts=0 pwned=false"  # no script element was parsed, none ran
    flat = " ".join(text.split()).casefold()

    def seen(value: Any) -> None:
        if value:
            assert " ".join(str(value).split()).casefold() in flat, value

    seen("Gull Banks briefing")
    for brief in briefs:
        for value in (brief.source.title, brief.source.publisher, brief.bluf,
                      brief.event.summary, brief.event.event_type, brief.event.location,
                      brief.outcome.description, brief.outcome.next_steps, brief.outcome.status,
                      *brief.open_questions):  # fmt: skip
            seen(value)
        for actor in brief.actors:
            seen(actor.name)
            seen(actor.role)
        for pos in brief.positions:
            seen(f"{pos.stance} on {pos.on}: {pos.summary}")
        for lc in brief.legal_context:
            seen(lc.instrument)
            seen(lc.obligation)
        for q in all_quotes(brief):
            seen(f"“{q.text}”")
    assert SCRIPT.casefold() in flat


def test_render_to_an_unwritable_path_is_a_usage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    brief = write_brief(tmp_path / "b.json", brief_data())
    result = CliRunner().invoke(app, ["render", str(brief), "-o", str(blocker / "doc.md")])
    assert result.exit_code == 2 and "cannot write" in result.stderr
    assert "Traceback" not in result.output


def test_an_empty_folder_is_exit_2_like_validate(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a brief", encoding="utf-8")
    out = tmp_path / "briefing.md"
    result = runner.invoke(app, ["render", str(tmp_path), "-o", str(out)])
    check = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == check.exit_code == 2 and not out.exists()
    assert result.stderr == ("summarizer: error: no briefs to render: the folders given hold "
                             "no .json files\n")  # fmt: skip
