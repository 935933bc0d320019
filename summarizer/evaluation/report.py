"""The eval report: its JSON shape, gates (`--min`, `--baseline`), text and GitHub formats.

The JSON report is what `--baseline` reads back: `totals` (pooled metrics, counts, usage),
`articles` (one row per gold file, metrics at the top level of each row) and `gates`.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from summarizer.errors import UsageError
from summarizer.evaluation.run import Evaluation, Row
from summarizer.evaluation.scoring import METRICS, metrics_of, pool
from summarizer.wording import count

REPORT_VERSION = 1
EVAL_FORMATS = ("text", "json", "github", "html")
DEFAULT_TOLERANCE = 0.02
SHORT = {
    "actor_recall": "actorR", "actor_precision": "actorP", "legal_recall": "legalR",
    "legal_precision": "legalP", "holder_recall": "holdR", "stance_agreement": "stance",
    "stance_first": "stance1",
    "kind_agreement": "kind", "event_type_accuracy": "event", "outcome_accuracy": "outcome",
    "grounded_rate": "grounded",
}  # fmt: skip


@dataclass
class Gate:
    """One gate on a total: a minimum, or no drop from the baseline beyond the tolerance."""

    metric: str
    rule: str  # "min" or "baseline"
    threshold: float
    value: float | None
    ok: bool
    message: str


def parse_minimums(specs: list[str]) -> dict[str, float]:
    """`METRIC=VALUE` options as {metric: value}.

    Raises:
        UsageError: An unknown metric, or a value that is not a number from 0 to 1.
    """
    out: dict[str, float] = {}
    for spec in specs:
        metric, eq, value = spec.partition("=")
        metric = metric.strip()
        if not eq or metric not in METRICS:
            known = ", ".join(METRICS)
            raise UsageError(f"--min {spec}: expected METRIC=VALUE with METRIC one of {known}")
        try:
            number = float(value)
        except ValueError:
            number = -1.0
        if not 0.0 <= number <= 1.0:
            raise UsageError(f"--min {spec}: the value must be a number from 0 to 1")
        out[metric] = number
    return out


def load_baseline(path: str | Path) -> dict[str, Any]:
    """The `totals` of a saved JSON report.

    Raises:
        UsageError: The file cannot be read or is not an eval JSON report.
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"--baseline {path}: cannot read: {exc.strerror or exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(f"--baseline {path}: not a JSON report: {exc}") from None
    totals = data.get("totals") if isinstance(data, dict) else None
    if not isinstance(totals, dict):
        raise UsageError(f"--baseline {path}: not a `summarizer eval --format json` report "
                         "(no totals)")  # fmt: skip
    return totals


def _num(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def check_gates(
    totals: dict[str, Any], minimums: dict[str, float], baseline: dict[str, Any] | None,
    tolerance: float = DEFAULT_TOLERANCE,
) -> list[Gate]:  # fmt: skip
    """Every gate's verdict; a minimum on a metric with nothing to count fails."""
    gates = []
    for metric, floor in minimums.items():
        value = _num(totals.get(metric))
        if value is None:
            gates.append(Gate(metric, "min", floor, None, False,
                              f"{metric} has no value (nothing to count) to meet the "
                              f"minimum {floor:g}"))  # fmt: skip
            continue
        ok = value >= floor
        word = "meets" if ok else "is below"
        gates.append(Gate(metric, "min", floor, value, ok,
                          f"{metric} {value:.4g} {word} the minimum {floor:g}"))  # fmt: skip
    for metric in METRICS if baseline is not None else ():
        assert baseline is not None
        was, value = _num(baseline.get(metric)), _num(totals.get(metric))
        if was is None or value is None:
            continue
        ok = value >= was - tolerance - 1e-9
        change = f"{value - was:+.4g}" if value != was else "unchanged"
        text = f"{metric} {value:.4g} vs baseline {was:.4g} ({change}"
        text += ")" if ok else f", dropped more than the tolerance {tolerance:g})"
        gates.append(Gate(metric, "baseline", was, value, ok, text))
    return gates


def _row(row: Row) -> dict[str, Any]:
    out: dict[str, Any] = {"id": row.id, "gold": str(row.path),
                           "article": row.gold.gold.article if row.gold else None,
                           "brief": row.brief, "error": row.error}  # fmt: skip
    if row.scored is not None:
        out.update(row.scored.metrics)
        out["counts"] = row.scored.counts
        out["missed"] = {"key_actors": row.scored.missed_actors,
                         "legal_instruments": row.scored.missed_instruments,
                         "position_holders": row.scored.missed_holders,
                         "unexpected_actors": row.scored.extra_actors}  # fmt: skip
    usage = row.usage or {}
    for key in ("total_tokens", "prompt_tokens", "completion_tokens", "cost_usd", "latency_s"):
        out[key] = usage.get(key)
    out["cached"] = usage.get("cached")
    return out


def _usage_totals(rows: list[Row]) -> dict[str, Any]:
    used = [r.usage for r in rows if r.usage]
    if not used:
        return {"total_tokens": None, "cost_usd": None, "latency_s_mean": None}
    costs = [u["cost_usd"] for u in used]
    return {
        "total_tokens": sum(u["total_tokens"] for u in used),
        "prompt_tokens": sum(u["prompt_tokens"] for u in used),
        "completion_tokens": sum(u["completion_tokens"] for u in used),
        "cost_usd": None if None in costs else round(sum(costs), 8),
        "latency_s_mean": round(sum(u["latency_s"] for u in used) / len(used), 3),
        "latency_s_total": round(sum(u["latency_s"] for u in used), 3),
    }


def build_report(
    evaluation: Evaluation, gates: list[Gate], baseline: dict[str, Any] | None = None,
    baseline_file: str | None = None,
) -> dict[str, Any]:  # fmt: skip
    """The report as JSON-ready data."""
    scored = evaluation.scored
    counts = pool(r.scored.counts for r in scored if r.scored is not None)
    totals: dict[str, Any] = {**metrics_of(counts), "articles": len(scored),
                              "errors": sum(r.error is not None for r in evaluation.rows)}
    totals.update(_usage_totals(scored))
    totals["counts"] = counts
    return {
        "report": "summarizer eval", "version": REPORT_VERSION, "source": evaluation.source,
        "totals": totals, "articles": [_row(r) for r in evaluation.rows],
        "gates": [asdict(g) for g in gates],
        "baseline": {"file": baseline_file, "totals": baseline} if baseline is not None else None,
    }  # fmt: skip


def totals_of(evaluation: Evaluation) -> dict[str, Any]:
    """The pooled metrics of a run (what gates check)."""
    return metrics_of(pool(r.scored.counts for r in evaluation.scored if r.scored is not None))


def _cell(value: Any, digits: int = 3) -> str:
    if value is None:
        return "n/a"
    return f"{value:.{digits}f}" if isinstance(value, float) else str(value)


def _usage_cells(data: dict[str, Any], latency: str) -> str:
    cost = data.get("cost_usd")
    return (f" {_cell(data.get('total_tokens')):>8} "
            f"{'n/a' if cost is None else f'${cost:.4f}':>9} {_cell(data.get(latency), 2):>8}")


def format_text(report: dict[str, Any]) -> str:
    """A table: one line per article, the totals, the baseline, then the gates."""
    rows, totals = report["articles"], report["totals"]
    llm = totals.get("total_tokens") is not None
    width = max([len("totals"), *(len(r["id"]) for r in rows)])
    width = min(width, 36)
    head = f"{'article':{width}} " + " ".join(f"{SHORT[m]:>8}" for m in METRICS)
    head += f" {'tokens':>8} {'cost':>9} {'latency':>8}" if llm else ""
    lines = [f"summarizer eval: {count(totals['articles'], 'article')} scored "
             f"({report['source']})", "", head]  # fmt: skip
    for r in rows:
        label = r["id"][:width]
        if r.get("counts") is None:
            lines.append(f"{label:{width}} error: {r['error']}")
            continue
        line = f"{label:{width}} " + " ".join(f"{_cell(r[m]):>8}" for m in METRICS)
        lines.append(line + (_usage_cells(r, "latency_s") if llm else ""))
    total = f"{'totals':{width}} " + " ".join(f"{_cell(totals[m]):>8}" for m in METRICS)
    lines += ["", total + (_usage_cells(totals, "latency_s_mean") if llm else "")]
    if report["baseline"] is not None:
        base = report["baseline"]["totals"]
        lines.append(f"{'baseline':{width}} "
                     + " ".join(f"{_cell(_num(base.get(m))):>8}" for m in METRICS))  # fmt: skip
    errors = [r for r in rows if r["error"]]
    if errors:
        lines += ["", f"{count(len(errors), 'error')}:"] + [f"  {r['error']}" for r in errors]
    if report["gates"]:
        lines += ["", "gates:"]
        lines += [f"  {'ok  ' if g['ok'] else 'FAIL'} {g['message']}" for g in report["gates"]]
    return "\n".join(lines) + "\n"


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(report: dict[str, Any]) -> str:
    """GitHub Actions workflow commands: errors, what each article missed, totals, gates."""
    lines = []
    for r in report["articles"]:
        where = f"file={_gh_property(r['gold'])}"
        if r["error"]:
            lines.append(f"::error {where},title=summarizer eval::{_gh_data(r['error'])}")
        missed = r.get("missed") or {}
        parts = [f"missed {label}: " + ", ".join(missed[key]) for key, label in
                 (("key_actors", "key actors"), ("legal_instruments", "instruments"))
                 if missed.get(key)]  # fmt: skip
        if parts:
            lines.append(f"::notice {where},title=summarizer eval {_gh_property(r['id'])}::"
                         + _gh_data("; ".join(parts)))  # fmt: skip
    totals = report["totals"]
    figures = ", ".join(f"{m} {_cell(totals[m])}" for m in METRICS)
    lines.append(f"::notice title=summarizer eval totals::{_gh_data(figures)}")
    for g in report["gates"]:
        if not g["ok"]:
            lines.append(f"::error title=summarizer eval gate {g['metric']}::"
                         + _gh_data(g["message"]))  # fmt: skip
    failed = sum(not g["ok"] for g in report["gates"])
    lines.append(f"summarizer eval: {count(totals['articles'], 'article')} scored, "
                 f"{count(totals['errors'], 'error')}, {count(failed, 'gate')} failed")
    return "\n".join(lines) + "\n"


def format_report(report: dict[str, Any], fmt: str) -> str:
    """The report in one of EVAL_FORMATS."""
    if fmt == "json":
        return json.dumps(report, indent=2, ensure_ascii=False) + "\n"
    if fmt == "github":
        return format_github(report)
    if fmt == "html":
        from summarizer.evaluation.html import render_html

        return render_html(report)
    return format_text(report)
