"""Helpers shared by the ingestion tests."""

from __future__ import annotations

import pytest

from summarizer.errors import InputError
from summarizer.ingest.load import load_article

# A second sentence that lifts a one-line test body over the article minimum (25 words).
MORE = ("The council said the work would be finished before the end of the year, and "
        "residents welcomed the plan at a public meeting on Monday evening.")  # fmt: skip


def input_error(ref: str, **kwargs: object) -> str:
    """The one-line InputError that loading `ref` raises (it must name the input)."""
    with pytest.raises(InputError) as info:
        load_article(ref, **kwargs)  # type: ignore[arg-type]
    message = str(info.value)
    assert message.startswith(ref) and "\n" not in message
    return message
