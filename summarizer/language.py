"""Language detection shared by ingest (the article's language) and the offline engine."""

from __future__ import annotations

import re

_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the and of to in is that for with was on as by at from are it".split()),
    "fr": frozenset("le la les et des du un une est que pour dans qui sur pas au aux par".split()),
    "de": frozenset("der die das und ist nicht mit den von zu sich auf für ein dem im".split()),
    "es": frozenset("el la los las y de que en un una por con para es del se su al".split()),
    "it": frozenset("il la che di e per un una non sono con del della gli le nel è".split()),
    "pt": frozenset("o a os as e de que em um uma para com não do da dos no na é".split()),
    "nl": frozenset("de het een en van is dat op te in zijn met voor niet aan er".split()),
}
_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str | None:
    """Guess the ISO 639-1 language of a text from stopword counts (None when unsure).

    Cheap and offline: covers en, fr, de, es, it, pt and nl, which is what the stopword
    lists know; other languages come back as None rather than a wrong guess.
    """
    words = [w.lower() for w in _WORD.findall(text[:20_000])]
    if len(words) < 5:
        return None
    scores = {lang: sum(w in stop for w in words) for lang, stop in _STOPWORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    ranked = sorted(scores.values(), reverse=True)
    if ranked[0] < max(3, len(words) * 0.05) or ranked[0] < ranked[1] * 1.3:
        return None
    return best
