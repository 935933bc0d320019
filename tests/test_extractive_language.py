"""The offline engine's languages: the resource folders present, and a clear refusal of others."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from summarizer.article import Article
from summarizer.cli import app
from summarizer.engines.extractive.engine import ExtractiveEngine
from summarizer.engines.extractive.lexicon import languages
from summarizer.errors import UnsupportedLanguageError

ENGINE = ExtractiveEngine()
CHINESE = "北京时间周二，外交部发言人表示，中国反对对其企业实施的单边制裁，并将采取必要措施。"
RUSSIAN = "Путин заявил во вторник, что Россия не признает ордер Международного уголовного суда."


def test_supported_languages_are_the_resource_folders() -> None:
    assert set(languages()) == {"en", "fr", "de", "es"}


@pytest.mark.parametrize(("text", "name"), [(CHINESE, "Chinese"), (RUSSIAN, "Russian")])
def test_unsupported_language_is_refused_in_one_line(text: str, name: str) -> None:
    with pytest.raises(UnsupportedLanguageError) as caught:
        ENGINE.summarize(Article(text=text))
    message = str(caught.value)
    assert f"does not support {name}" in message and "--base-url" in message
    assert "\n" not in message and caught.value.exit_code == 1


def test_declared_language_wins_over_detection() -> None:
    with pytest.raises(UnsupportedLanguageError, match="Arabic"):
        ENGINE.summarize(Article(text="The minister said on Monday that talks would go on.",
                                 language="ar"))


def test_cli_exits_1_without_a_brief(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "zh.txt"
    page.write_text(CHINESE, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["summarize", str(page), "--engine", "extractive",
                                      "-o", str(out / "x.json")])
    assert result.exit_code == 1
    assert "does not support Chinese" in result.output
    assert not (out / "x.json").exists()


def test_french_article_is_read_with_french_rules() -> None:
    text = ("PARIS — Le Conseil d’État a rejeté mardi 5 mai le recours de l’association contre "
            "le décret du 3 janvier sur les pesticides. « C’est une décision grave », a déclaré "
            "la présidente de l’association, Claire Dumont, dans un communiqué.")
    brief = ENGINE.summarize(Article(text=text, published_at="2026-05-07"))
    assert brief.source.language == "fr"
    assert brief.event.date == "2026-05-05"
    assert any(x.instrument.startswith("décret du 3 janvier") for x in brief.legal_context)
