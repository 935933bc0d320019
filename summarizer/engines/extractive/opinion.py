"""Opinion pieces: first-person essays, columns and editorials, and what they argue.

A news brief's lead says what happened; an essay's first line ("I don't use Facebook.") is
a hook, not its point. A piece counts as opinion when its address or title says so, or when
the writer speaks in the first person, outside quotation marks, again and again in its first
paragraphs. Its BLUF is then the sentence that argues (a "should", a "must", "I think"),
said to be argued by its author.
"""

from __future__ import annotations

import re

from summarizer.article import Article
from summarizer.engines.extractive.segment import Doc, Sentence

FIRST_PERSON_MIN = 3  # sentences in the first OPENING with the writer's "I" or "we"
OPENING = 12
_MARKED = re.compile(r"(?:^|[/|:\s-])(?:opinion|opinions|commentary|column|editorial|op-ed|"
                     r"tribune|meinung|kommentar|opinión)(?:$|[/|:\s-])", re.I)  # fmt: skip
_QUOTE = re.compile(r"[\"“«„][^\"”»“]*[\"”»]")
_FIRST = re.compile(r"\b(?:I|I['’]m|I['’]ve|my|me|we|our|us)\b")
_ARGUES = re.compile(
    r"\b(?:should|must|ought to|need to|needs to|has to|have to|it is time|it['’]s time|"
    r"cannot|can['’]t afford|is wrong|are wrong|is right|the answer is|the problem is|"
    r"I believe|I think|I argue|we need|it is clear|make no mistake)\b",
    re.I,
)
_BYLINE = re.compile(
    r"^\s*(?:By|Par|Por|Von)\s+([A-ZÀ-Þ][\w.’'-]+(?:\s+[A-ZÀ-Þ][\w.’'-]+){1,3})\s*$", re.M
)


def first_person(text: str) -> bool:
    """Whether the writer speaks in the first person (outside quotation marks)."""
    return bool(_FIRST.search(_QUOTE.sub("", text)))


def is_opinion(article: Article, doc: Doc) -> bool:
    """Whether the piece argues rather than reports."""
    marks = " ".join(filter(None, (article.url, article.title)))
    if _MARKED.search(marks):
        return True
    speaking = [s for s in doc.sentences[:OPENING] if first_person(s.text)]
    return len(speaking) >= FIRST_PERSON_MIN


def thesis(doc: Doc) -> Sentence | None:
    """The first sentence of the opening that argues, outside quotation marks."""
    for s in doc.sentences[:OPENING]:
        if _ARGUES.search(_QUOTE.sub("", s.text)) and not s.text.rstrip().endswith("?"):
            return s
    return None


def author(article: Article) -> str | None:
    """The byline's name when the text carries one ("By Ana Ruiz")."""
    m = _BYLINE.search(article.text[:500])
    return m.group(1) if m else None


def opinion_bluf(article: Article, doc: Doc, fallback: str) -> str:
    """'<author> argues: <thesis>' (the publisher or "The author" when no byline is found)."""
    found = thesis(doc)
    point = found.text if found else fallback
    who = author(article) or (f"An opinion piece in {article.publisher}" if article.publisher
                              else "The author")  # fmt: skip
    return f"{who} argues: {point}"
