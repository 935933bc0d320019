"""Encodings, line endings, binary detection and language guessing (summarizer.ingest.decode)."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from summarizer.errors import InputError
from summarizer.ingest.decode import decode_bytes, looks_binary
from summarizer.ingest.load import load_article
from summarizer.language import detect_language

TEXT = "Le café était fermé à Noël, a dit le maire « sans regret » — voilà.\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-16"),
        TEXT.encode("utf-16-le"),  # no BOM: recognised by where the NUL bytes are
        TEXT.encode("utf-32"),
        TEXT.encode("cp1252"),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16le-bom",
        "utf16be-bom",
        "utf16",
        "utf16le-nobom",
        "utf32",
        "cp1252",
    ],  # fmt: skip
)
def test_decodes_each_encoding(data: bytes) -> None:
    assert decode_bytes(data, "x") == TEXT


def test_latin1_is_decoded_not_guessed_as_central_european() -> None:
    text = "Über die Größe des Straßenverkehrs wurde gestern berichtet, sagte François."
    assert decode_bytes(text.encode("latin-1"), "x") == text


def test_windows_1252_smart_quotes() -> None:
    text = "He said \u201cnever again\u201d \u2014 and left the caf\u00e9 at 5\u20ac."
    assert decode_bytes(text.encode("cp1252"), "x") == text


def test_cyrillic_single_byte_is_left_to_the_detector() -> None:
    text = "Президент заявил, что переговоры продолжатся на следующей неделе в столице страны."
    assert decode_bytes(text.encode("cp1251"), "x") == text


def test_declared_charset_is_used() -> None:
    text = "Ça coûte très cher."
    assert decode_bytes(text.encode("iso-8859-15"), "x", declared="ISO-8859-15") == text


@pytest.mark.parametrize("declared", ["punycode", "idna", "utf-8\x00", "no-such-charset"])
def test_a_declared_charset_that_cannot_decode_is_ignored(declared: str) -> None:
    # punycode and idna raise a plain UnicodeError, a NUL in the name a ValueError
    assert decode_bytes(b"<p>caf\xc3\xa9 ok.</p>", "x", declared=declared) == "<p>café ok.</p>"


def test_meta_charset_that_cannot_decode_is_ignored(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    words = " ".join(f"word{n}" for n in range(30))
    page.write_bytes(b'<html><head><meta charset="punycode"></head><body><p>'
                     + words.encode() + b"</p></body></html>")  # fmt: skip
    assert load_article(str(page)).text == words


def test_line_endings_are_normalised() -> None:
    assert decode_bytes(b"one\r\ntwo\rthree\n", "x") == "one\ntwo\nthree\n"


def test_bom_in_the_middle_is_dropped_and_text_is_nfc() -> None:
    assert decode_bytes("cafe\u0301\ufeff!".encode(), "x") == "café!"


def test_nul_bytes_are_binary() -> None:
    with pytest.raises(InputError, match="^blob: looks binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01", "blob")


def test_control_characters_are_binary() -> None:
    assert looks_binary("ok" + "\x01\x02\x03\x04" * 10 + "text" * 10)
    assert not looks_binary("tabs\tand\nnewlines\fare fine")


def test_random_bytes_file_is_binary(tmp_path: Path) -> None:
    import random

    rng = random.Random(4)
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(rng.randrange(256) for _ in range(4000)))
    with pytest.raises(InputError, match="noise.txt: looks binary"):
        load_article(str(path))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The minister said that the agreement was signed on Monday by both of the parties.", "en"),
        ("Le ministre a dit que l'accord a été signé lundi par les deux parties.", "fr"),
        ("Der Minister sagte, dass die Vereinbarung am Montag von den Parteien unterzeichnet "
         "wurde und nicht mehr geändert werden kann.", "de"),
        ("El ministro dijo que el acuerdo fue firmado el lunes por las dos partes en la capital.",
         "es"),
        ("Il ministro ha detto che l'accordo è stato firmato lunedì per la pace della regione.",
         "it"),
        ("De minister zei dat het akkoord op maandag is getekend en dat het niet meer verandert.",
         "nl"),
    ],
)  # fmt: skip
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_detect_language_unsure_gives_none() -> None:
    assert detect_language("Ulaanbaatar 2024") is None
    assert detect_language("2024-05-05 12:00 | AB CD | 3 4 5 | EF GH") is None


def test_detect_language_beyond_latin_scripts() -> None:
    assert detect_language("Улаанбаатар хотод төрийн айлчлал хийлээ өчигдөр орой") == "mn"
    chinese = "国务院总理今天在北京会见了来访的外国领导人，双方就两国关系交换了意见。"
    assert detect_language(chinese) == "zh"
