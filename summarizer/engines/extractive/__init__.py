"""The offline engine: deterministic, no model, no network; every quote a span."""
