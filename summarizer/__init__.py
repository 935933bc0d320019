"""summarizer: news articles to structured, evidence-grounded briefs."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
