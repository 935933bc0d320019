"""The `Article`: what every engine reads, whatever the input was."""

from __future__ import annotations

import hashlib

from pydantic import BaseModel, Field


def sha256_text(text: str) -> str:
    """Hex SHA-256 of a text's UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Article(BaseModel):
    """An article's text and metadata, as the engines see it."""

    text: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published_at: str | None = Field(None, description="Report date, ISO 8601")
    language: str | None = Field(None, description="ISO 639-1 code")
    sha256: str = ""
    origin: str | None = Field(None, exclude=True, description="Where it was read from")

    def model_post_init(self, __context: object) -> None:
        if not self.sha256:
            self.sha256 = sha256_text(self.text)

    @property
    def stem(self) -> str:
        """A file-name stem for outputs derived from this article."""
        return stem_for(self.origin) if self.origin else self.sha256[:12]


def stem_for(ref: str) -> str:
    """The output file stem for an input reference: a file's stem, a URL's last segment."""
    from pathlib import PurePosixPath

    if ref == "-":
        return "stdin"
    path = ref.split("?")[0].split("#")[0].rstrip("/")
    if "://" in path:
        path = path.split("://", 1)[1]
        if "/" not in path:
            return path.replace(":", "_") or "page"
    stem = PurePosixPath(path.replace("\\", "/")).stem
    return stem or hashlib.sha256(ref.encode()).hexdigest()[:12]
