"""Command-line options shared by the commands that run an engine (summarize, eval)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

EFFORT_HELP = "Reasoning models: auto (low once known), off, none, minimal, low, medium, high"
CONTEXT_HELP = "Model context window in tokens (0: learn it); longer articles go in chunks"
STYLE_HELP = "auto (learned), classic (max_tokens + temperature) or reasoning"

EngineOpt = Annotated[str | None, typer.Option(help="auto, llm or extractive")]
ModelOpt = Annotated[str | None, typer.Option(help="Model name")]
BaseUrlOpt = Annotated[str | None, typer.Option(help="OpenAI-compatible endpoint")]
ModeOpt = Annotated[str | None, typer.Option(help="auto, tools, json_schema, json or md_json")]
RetriesOpt = Annotated[int | None, typer.Option(help="Re-asks after a failure")]
TokensOpt = Annotated[int | None, typer.Option(help="Answer token cap")]
TimeoutOpt = Annotated[float | None, typer.Option(help="Seconds per request")]
DeadlineOpt = Annotated[float | None, typer.Option(help="Seconds per article")]
JobsOpt = Annotated[int | None, typer.Option("-j", "--jobs", help="Articles at once")]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Bypass the cache")]
PromptDirOpt = Annotated[str | None, typer.Option(help="Folder of prompt templates")]
RpmOpt = Annotated[int | None, typer.Option(help="Requests per minute cap (0: none)")]
TpmOpt = Annotated[int | None, typer.Option(help="Tokens per minute cap (0: none)")]
EffortOpt = Annotated[str | None, typer.Option(help=EFFORT_HELP)]
ContextOpt = Annotated[int | None, typer.Option(help=CONTEXT_HELP)]
StyleOpt = Annotated[str | None, typer.Option(help=STYLE_HELP)]
ENGINE_OPTIONS = ("engine", "model", "base_url", "mode", "max_retries", "max_tokens", "timeout",
                   "deadline", "prompt_dir", "rpm", "tpm", "reasoning_effort", "context_tokens",
                   "param_style")  # fmt: skip


def engine_flags(values: dict[str, Any]) -> dict[str, Any]:
    """The settings flags given by a command's engine options (its parameters by name)."""
    flags = {key: values[key] for key in ENGINE_OPTIONS}
    flags["concurrency"] = values["jobs"]
    flags["cache"] = False if values["no_cache"] else None
    return flags
