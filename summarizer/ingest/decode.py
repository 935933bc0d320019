"""Bytes to clean text: encoding detection, binary detection, line endings, language.

Decoding order: a byte-order mark (UTF-8, UTF-16, UTF-32) wins; then a declared charset
(HTTP header or HTML meta) when it decodes cleanly; then BOM-less UTF-16 recognised by its
NUL-byte pattern; then strict UTF-8; then `charset_normalizer` for non-Western encodings
(its answer is used only when it decodes to a non-Latin script: Cyrillic, Greek, CJK...).
Anything else is Windows-1252 (a superset of Latin-1's printable characters), with Latin-1
as the last resort: `charset_normalizer` is poor at telling the Latin-script single-byte
encodings apart (it reads French Latin-1 as Mac Central European), so it is not trusted
for them.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from summarizer.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL_OK = {"\t", "\n", "\r", "\f", "\v"}
# The replacement mark, and the control characters (Unicode category Cc: U+0000-U+001F,
# U+007F-U+009F) other than those above.
_BAD = re.compile("[\ufffd" + "".join(
    re.escape(chr(c)) for c in [*range(0x20), *range(0x7F, 0xA0)] if chr(c) not in _CONTROL_OK
) + "]")  # fmt: skip


def _bom(data: bytes) -> tuple[str, int] | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """Guess BOM-less UTF-16 from where the NUL bytes sit (mostly-ASCII text)."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul = even.count(0) / len(even)
    odd_nul = odd.count(0) / len(odd)
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _normalizer_guess(data: bytes) -> str | None:
    """charset_normalizer's encoding, trusted only when it yields a non-Latin script."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        return None
    letters = [ch for ch in str(best) if ord(ch) > 127 and ch.isalpha()]
    non_latin = sum(ord(ch) > 0x24F for ch in letters)
    return best.encoding if letters and non_latin / len(letters) > 0.5 else None


def decode_bytes(data: bytes, name: str, declared: str | None = None) -> str:
    """Decode an input's bytes to text with normalised line endings.

    Args:
        data: The raw bytes.
        name: The input's name, used in error messages.
        declared: A charset declared by the source (HTTP header, HTML meta), if any.

    Returns:
        The text, NFC-normalised, with Windows (CRLF) and old-Mac (CR) line endings
        turned into LF.

    Raises:
        InputError: When the bytes look binary rather than text.
    """
    text = _decode(data, name, declared)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = unicodedata.normalize("NFC", text)
    if looks_binary(text):
        raise InputError(f"{name}: looks binary, not text")
    return text


def _decode(data: bytes, name: str, declared: str | None) -> str:
    if bom := _bom(data):
        encoding, skip = bom
        return data[skip:].decode(encoding, errors="replace")
    if declared:
        try:
            return data.decode(_canonical(declared))
        except (LookupError, ValueError):  # unknown name, or bytes it cannot decode
            pass
    if utf16 := _utf16_without_bom(data):
        return data.decode(utf16, errors="replace")
    if b"\x00" in data:
        raise InputError(f"{name}: looks binary, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if guess := _normalizer_guess(data):
        try:
            return data.decode(guess)
        except (LookupError, ValueError):
            pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _canonical(charset: str) -> str:
    """Map a declared charset to the codec browsers really use for it."""
    name = codecs.lookup(charset.strip().strip("\"'")).name
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def looks_binary(text: str) -> bool:
    """Whether decoded text is really binary data (control characters, replacement marks)."""
    sample = text[:100_000]
    if not sample:
        return False
    bad = len(_BAD.findall(sample))
    return "\x00" in sample or bad / len(sample) > 0.01
