"""Cost estimates from token usage: a small built-in price table, overridable by a file.

Prices are USD per 1M tokens (input, output), OpenAI's standard-tier list prices as
published on https://openai.com/api/pricing in August 2025. They change: check them, and
override or extend them with a TOML or JSON file named by the `prices_file` setting
(`SUMMARIZER_PRICES_FILE`)::

    [models.gpt-4o-mini]          # or, in JSON: {"models": {"gpt-4o-mini": {...}}}
    input = 0.15
    output = 0.60

    batch_discount = 0.5          # optional: the Batch API's share of the list price

A model that is not in the table (a local model, a new one) has no estimate: `None`.
Dated snapshots (`gpt-4o-mini-2024-07-18`) and an `openai/` prefix map to the base name.
Cached-input discounts are not modelled, so estimates err on the high side.
"""

from __future__ import annotations

import json
import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

from summarizer.errors import UsageError

PRICES_AS_OF = "2025-08"
BATCH_DISCOUNT = 0.5  # OpenAI's Batch API bills half the list price

BUILTIN_PRICES: dict[str, tuple[float, float]] = {
    "gpt-5": (1.25, 10.00),
    "gpt-5-mini": (0.25, 2.00),
    "gpt-5-nano": (0.05, 0.40),
    "gpt-4.1": (2.00, 8.00),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1-nano": (0.10, 0.40),
    "gpt-4o": (2.50, 10.00),
    "gpt-4o-mini": (0.15, 0.60),
    "o4-mini": (1.10, 4.40),
    "o3": (2.00, 8.00),
    "o3-mini": (1.10, 4.40),
    "o1": (15.00, 60.00),
    "gpt-4-turbo": (10.00, 30.00),
    "gpt-3.5-turbo": (0.50, 1.50),
}
_SNAPSHOT = re.compile(r"-(\d{4}-\d{2}-\d{2}|\d{4})$")


class PriceTable:
    """Prices per 1M tokens by model name, and the batch discount."""

    def __init__(
        self, prices: dict[str, tuple[float, float]], batch_discount: float = BATCH_DISCOUNT
    ) -> None:
        self.prices = prices
        self.batch_discount = batch_discount

    def lookup(self, model: str | None) -> tuple[float, float] | None:
        """(input, output) USD per 1M tokens, or None for an unknown model."""
        if not model:
            return None
        name = model.strip().lower().removeprefix("openai/")
        return self.prices.get(name) or self.prices.get(_SNAPSHOT.sub("", name))

    def cost(self, model: str | None, usage: Any, batch: bool = False) -> float | None:
        """Estimated USD for a usage (prompt/completion tokens), or None if unpriced."""
        price = self.lookup(model)
        if price is None or usage is None:
            return None
        usd = (usage.prompt_tokens * price[0] + usage.completion_tokens * price[1]) / 1e6
        return round(usd * (self.batch_discount if batch else 1.0), 8)


def _read(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text) if path.suffix.lower() == ".json" else tomllib.loads(text)
    except (OSError, ValueError) as exc:  # TOMLDecodeError and JSONDecodeError are ValueErrors
        raise UsageError(f"prices file {path}: {exc}") from None
    if not isinstance(data, dict):
        raise UsageError(f"prices file {path}: expected a table of models")
    return data


@lru_cache(maxsize=8)
def load_prices(prices_file: str | None = None) -> PriceTable:
    """The built-in table, updated from `prices_file` (TOML, or JSON by extension)."""
    prices = dict(BUILTIN_PRICES)
    discount = BATCH_DISCOUNT
    if prices_file:
        path = Path(prices_file)
        data = _read(path)
        discount = float(data.get("batch_discount", discount))
        models = data.get("models", {k: v for k, v in data.items() if k != "batch_discount"})
        for name, entry in models.items():
            try:
                prices[name.lower()] = (float(entry["input"]), float(entry["output"]))
            except (KeyError, TypeError, ValueError):
                raise UsageError(
                    f"prices file {path}: {name}: need numbers `input` and `output`"
                ) from None
    return PriceTable(prices, discount)


def cost_usd(
    model: str | None, usage: Any, prices_file: str | None = None, batch: bool = False
) -> float | None:
    """Estimated USD for one model's token usage; None when the model has no known price."""
    return load_prices(prices_file).cost(model, usage, batch=batch)
