"""Validation reports as text, JSON, or GitHub Actions annotations."""

from __future__ import annotations

import json
from collections.abc import Sequence

from summarizer.briefing.validate import FileReport
from summarizer.wording import count

REPORT_FORMATS = ("text", "json", "github")


def _summary(reports: Sequence[FileReport]) -> str:
    problems = sum(len(r.problems) for r in reports)
    return f"{count(len(reports), 'brief')}, {count(problems, 'problem')}"


def _github_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


def format_report(reports: Sequence[FileReport], fmt: str = "text") -> str:
    """The report in a format: `text` lines, a `json` list, or `github` annotations.

    Args:
        reports: One report per brief file.
        fmt: "text" (`FILE: FIELD: message` lines and a summary line), "json" (a list of
            {file, ok, problems: [{path, message}], article}), or "github" (`::error`
            workflow commands, then the summary line).

    Returns:
        The report text, ending with a newline.
    """
    if fmt == "json":
        return json.dumps([r.as_dict() for r in reports], indent=2, ensure_ascii=False) + "\n"
    lines: list[str] = []
    for r in reports:
        for p in r.problems:
            if fmt == "github":
                lines.append(
                    f"::error file={_github_property(r.file)},title=summarizer validate::"
                    + _github_data(str(p))
                )
            else:
                lines.append(f"{r.file}: {p}")
    lines.append(_summary(reports))
    return "\n".join(lines) + "\n"
