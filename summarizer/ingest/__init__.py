"""Ingest: files, stdin, HTML pages and URLs become an `Article` (see `load`)."""

from summarizer.ingest.load import load_article

__all__ = ["load_article"]
