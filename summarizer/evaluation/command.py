"""`summarizer eval`: score, gate, report, and the exit code (the CLI only parses options)."""

from __future__ import annotations

import sys
from pathlib import Path

from summarizer.config import Settings
from summarizer.errors import UsageError
from summarizer.evaluation.report import (
    build_report,
    check_gates,
    format_report,
    load_baseline,
    parse_minimums,
    totals_of,
)
from summarizer.evaluation.run import evaluate


def run_eval(
    settings: Settings, gold: list[str], *, briefs: str | None = None,
    minimums: list[str] | None = None, baseline: str | None = None, tolerance: float = 0.02,
    fmt: str = "text", output: str | None = None,
) -> int:  # fmt: skip
    """Run `summarizer eval`; return its exit code.

    0 when every gold file was scored and every gate passed; 1 when a gate failed (each
    failed gate is one stderr line naming the metric) or a brief could not be made; 2 for a
    bad gold file or option; 3 for a provider error; 4 for a missing article or brief. The
    worst code wins; the report covers every gold file that could be scored either way.
    """
    floors = parse_minimums(minimums or [])
    if tolerance < 0:
        raise UsageError("--tolerance must be 0 or more")
    base = load_baseline(baseline) if baseline else None
    evaluation = evaluate(settings, gold, briefs)
    gates = check_gates(totals_of(evaluation), floors, base, tolerance)
    report = build_report(evaluation, gates, base, baseline)
    text = format_report(report, fmt)
    if output is None or output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        from summarizer.files import write_output

        write_output(Path(output), text)
    failed = [g for g in gates if not g.ok]
    for gate in failed:
        print(f"summarizer: gate failed: {gate.message}", file=sys.stderr)
    return max(evaluation.exit_code, 1 if failed else 0)
