"""The standalone HTML eval report: totals with a small inline SVG chart against the baseline,
gates, errors, and a per-article table. No scripts, no remote resources; autoescaped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from summarizer.evaluation.scoring import METRICS

TEMPLATE = Path(__file__).parent / "templates" / "eval.html.j2"
BAR = 240  # pixels for a metric of 1.0
ROW = 26  # pixels per metric in the chart


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def chart(totals: dict[str, Any], baseline: dict[str, Any] | None) -> list[dict[str, Any]]:
    """One chart row per metric: y offset, bar widths and labels (None: no bar)."""
    rows = []
    for i, metric in enumerate(METRICS):
        value = _number(totals.get(metric))
        was = _number(baseline.get(metric)) if baseline else None
        rows.append({
            "metric": metric, "y": i * ROW, "value": value, "baseline": was,
            "width": None if value is None else round(value * BAR, 1),
            "base_width": None if was is None else round(was * BAR, 1),
            "down": value is not None and was is not None and value < was,
        })  # fmt: skip
    return rows


def render_html(report: dict[str, Any]) -> str:
    """The report as one standalone HTML page."""
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(
        loader=FileSystemLoader(str(TEMPLATE.parent)), autoescape=True,
        undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
    )  # fmt: skip
    baseline = (report.get("baseline") or {}).get("totals")
    totals = report["totals"]
    return env.get_template(TEMPLATE.name).render(
        report=report, totals=totals, metrics=list(METRICS), baseline=baseline,
        chart=chart(totals, baseline), bar=BAR, row=ROW,
        llm=totals.get("total_tokens") is not None,
        failed=[g for g in report["gates"] if not g["ok"]],
    )  # fmt: skip
