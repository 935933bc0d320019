"""Language detection shared by ingest (the article's language) and the offline engine.

py3langid (a maintained fork of langid.py, 97 languages, model shipped in the wheel) does the
work. Its model ships xz-compressed, and unpacking it costs most of a second, so the first use
unpacks it once into the user cache folder (`SUMMARIZER_CACHE_DIR` overrides it) and every later
process maps the plain arrays from there. Without a writable cache the model is read from the
wheel as usual.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

MIN_LETTERS = 20  # fewer letters than this: too little to tell
MIN_CONFIDENCE = 0.7  # normalised probability under which the answer is "unsure"
SAMPLE = 3000  # characters read: enough for a confident answer, cheap on long articles
_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def _unpacked(folder: Path) -> dict[str, Any] | None:
    """The model's arrays, memory-mapped from the cache (unpacked there on first use)."""
    import numpy as np

    if not all((folder / f"{k}.npy").exists() for k in _ARRAYS):
        import lzma
        import shutil
        import tempfile

        from py3langid import langid

        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryFile(suffix=".npz") as tmp:
                with lzma.open(langid.MODEL_DIR / langid.MODEL_FILE) as src:
                    shutil.copyfileobj(src, tmp, length=1 << 20)
                tmp.seek(0)
                with np.load(tmp, allow_pickle=False) as data:
                    for k in _ARRAYS:  # write then rename: a reader never sees half a file
                        part = folder / f"{k}.{os.getpid()}.part.npy"
                        np.save(part, data[k])
                        part.replace(folder / f"{k}.npy")
        except OSError:
            return None
    try:
        return {k: np.load(folder / f"{k}.npy", mmap_mode="r") for k in _ARRAYS}
    except (OSError, ValueError):
        return None


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from importlib.metadata import version

    from py3langid import langid

    from summarizer.config import cache_folder

    folder = cache_folder(os.environ.get("SUMMARIZER_CACHE_DIR")) / f"langid-{version('py3langid')}"
    arrays = _unpacked(folder)
    if arrays is None:
        return langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE, norm_probs=True)
    return langid.LanguageIdentifier(  # the byte automaton walks the mapped table in place
        arrays["ptc"], arrays["pc"], arrays["classes"].tolist(), arrays["nextmove"],
        arrays["out_feat"].tolist(), norm_probs=True, tk_row=arrays["nextmove_row"].tolist(),
    )  # fmt: skip


# Function words of English that are no words of the other languages the engine reads.
_ENGLISH = frozenset(
    "the and of to is that for with was by at from are it this have has said".split()
)
_WORD = re.compile(r"[^\W\d_]+")


def _clearly_english(words: list[str]) -> bool:
    """A long text whose every tenth word is an English function word: English, without
    loading the model (unpacking and mapping it costs a process about 0.3 s)."""
    return len(words) >= 150 and sum(w.lower() in _ENGLISH for w in words) >= 0.1 * len(words)


def detect_language(text: str) -> str | None:
    """Guess the ISO 639-1 language of a text (None when the text is too short or the guess
    is unsure).

    Args:
        text: Any text; its first few thousand characters are read.

    Returns:
        A two-letter code such as "en", "fr" or "zh", or None.
    """
    sample = text[:SAMPLE]
    words = _WORD.findall(sample)
    if sum(map(len, words)) < MIN_LETTERS:
        return None
    if _clearly_english(words):
        return "en"
    code, confidence = _identifier().classify(sample)
    # A three-letter label is a regional variety ("wuu", "arz") without an ISO 639-1 code.
    return str(code) if confidence >= MIN_CONFIDENCE and len(code) == 2 else None


def page_or_text_language(declared: str | None, text: str) -> str | None:
    """The language a page declares, unless its text is clearly English and the declaration
    says otherwise (a site's template language, not its article's: an English story on a page
    marked `lang="de"`); the detected language when the page declares none.

    Args:
        declared: The page's declared ISO 639-1 code, or None.
        text: The article text.
    """
    if declared is None:
        return detect_language(text)
    if declared != "en" and _clearly_english(_WORD.findall(text[:SAMPLE])):
        return "en"
    return declared
