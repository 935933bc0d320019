"""The command line's own surface: --version, and help that reads like help."""

from __future__ import annotations

import re
from importlib.metadata import version
from typing import Any

import pytest
from typer.testing import CliRunner

import summarizer
from summarizer.cli import app

runner = CliRunner()


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"summarizer {version('summarizer')}\n"
    assert version("summarizer") == summarizer.__version__


@pytest.mark.parametrize(
    ("command", "shown"),
    [
        (["summarize"], [" summarize [OPTIONS] INPUT...", "  INPUT...  ",
                         "-j, --jobs N ", "--max-retries N ", "--base-url URL ",
                         "--timeout SECONDS ", "-o, --output PATH "]),
        (["render"], [" render [OPTIONS] BRIEF...", "--template FILE "]),
        (["validate"], [" validate [OPTIONS] BRIEF..."]),
        (["extract"], [" extract [OPTIONS] INPUT\n", "--format FORMAT "]),
        (["batch", "import"], ["[OPTIONS] RESULTS\n", "-o, --output PATH "]),
    ],
)  # fmt: skip
def test_help_shows_readable_metavars(command: list[str], shown: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"], terminal_width=100)
    assert result.exit_code == 0
    for text in shown:
        assert text in result.stdout, (text, result.stdout)
    assert not re.search(r"<[a-z]+(\[[a-z]+\])?>|\{[a-z]+\}", result.stdout), result.stdout


def test_every_command_help_is_free_of_python_types() -> None:
    import typer

    stack: list[tuple[list[str], Any]] = [([], typer.main.get_command(app))]
    seen = 0
    while stack:
        path, command = stack.pop()
        result = runner.invoke(app, [*path, "--help"])
        assert result.exit_code == 0, path
        assert not re.search(r"<(list\[)?(str|int|float|path|bool)\]?>", result.stdout), path
        seen += 1
        if hasattr(command, "commands"):
            stack += [([*path, name], sub) for name, sub in command.commands.items()]
    assert seen >= 8


def test_eval_takes_every_engine_option_summarize_takes() -> None:
    """eval runs the same engines, so it takes the same engine options, under the same names."""
    import typer.main

    group = typer.main.get_command(app)
    commands = group.commands  # type: ignore[attr-defined]

    def options(name: str) -> set[str]:
        return {o for p in commands[name].params for o in p.opts if o.startswith("-")}

    summarize_only = {"-o", "--output", "--format"}
    assert options("summarize") - summarize_only <= options("eval")
    assert "--reasoning-effort" in options("eval")
