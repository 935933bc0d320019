"""Warm-up for the worker fork server of a batch that may hold web pages: the text warm-up
(`summarizer.batch.warm`), then one page read and briefed, so the HTML parsing libraries
are loaded once, before the fork."""

from __future__ import annotations

from summarizer.batch.warm import warm

warm(html=True)
