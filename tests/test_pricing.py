"""Cost estimates: the built-in table, snapshots, override files, unknown models."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.brief.schema import Usage
from summarizer.engines.llm.pricing import BUILTIN_PRICES, cost_usd, load_prices
from summarizer.errors import UsageError

USAGE = Usage(prompt_tokens=2_000_000, completion_tokens=1_000_000, total_tokens=3_000_000)


def test_builtin_prices_and_snapshot_names() -> None:
    assert {"gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano",
            "o4-mini"} <= set(BUILTIN_PRICES)  # fmt: skip
    assert cost_usd("gpt-4o-mini", USAGE) == pytest.approx(0.9)
    assert cost_usd("gpt-4o-mini-2024-07-18", USAGE) == cost_usd("gpt-4o-mini", USAGE)
    assert cost_usd("openai/gpt-4.1", USAGE) == pytest.approx(12.0)
    assert cost_usd("gpt-4o-mini", USAGE, batch=True) == pytest.approx(0.45)


def test_unknown_models_have_no_estimate() -> None:
    for model in ("local", "gemma-3-270m", "gpt-4o-audio-preview", None):
        assert cost_usd(model, USAGE) is None


@pytest.mark.parametrize("name,text", [
    ("prices.toml", '[models.local]\ninput = 1.0\noutput = 2.0\n[models.gpt-4o]\n'
                    'input = 0.0\noutput = 0.0\n'),
    ("prices.json", '{"local": {"input": 1.0, "output": 2.0},'
                    ' "gpt-4o": {"input": 0, "output": 0}}'),
])  # fmt: skip
def test_a_prices_file_adds_and_overrides(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert cost_usd("local", USAGE, str(path)) == pytest.approx(4.0)
    assert cost_usd("gpt-4o", USAGE, str(path)) == 0.0
    assert cost_usd("gpt-4o-mini", USAGE, str(path)) == pytest.approx(0.9)


def test_a_broken_prices_file_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("[models.x]\ninput = 'cheap'\noutput = 1\n", encoding="utf-8")
    with pytest.raises(UsageError, match="need numbers"):
        load_prices(str(path))
    with pytest.raises(UsageError, match="prices file"):
        load_prices(str(tmp_path / "missing.toml"))
