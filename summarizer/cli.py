"""The command line: parse options, call the library, map errors to exit codes.

Heavy imports (openai, instructor, trafilatura) stay inside the commands so `--help` is fast.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from summarizer.cli_options import (
    BaseUrlOpt,
    ContextOpt,
    DeadlineOpt,
    EffortOpt,
    EngineOpt,
    JobsOpt,
    ModelOpt,
    ModeOpt,
    NoCacheOpt,
    PromptDirOpt,
    RetriesOpt,
    RpmOpt,
    StyleOpt,
    TimeoutOpt,
    TokensOpt,
    TpmOpt,
    engine_flags,
)
from summarizer.errors import SummarizerError


def _debug() -> bool:
    return os.environ.get("SUMMARIZER_DEBUG") == "1"


def _one_of(value: str, allowed: tuple[str, ...], hint: str) -> None:
    """A usage error (exit 2) unless an option's value is one of `allowed`."""
    if value not in allowed:
        listed = ", ".join(allowed[:-1]) + f" or {allowed[-1]}"
        raise typer.BadParameter(f"must be {listed}", param_hint=hint)


# Metavars by parameter name; otherwise N for numbers, PATH for paths, the NAME for text.
_METAVARS = {"fmt": "FORMAT", "output": "PATH", "base_url": "URL", "prompt_dir": "DIR",
             "timeout": "SECONDS", "deadline": "SECONDS", "template": "FILE"}  # fmt: skip
_BY_TYPE = {"int": "N", "integer": "N", "float": "N", "Path": "PATH", "path": "PATH"}


def _kind(param: Any) -> str:
    """A parameter's type name: `int`, `Path`... (typer's own core), or click's `integer`."""
    bare = getattr(param, "bare_type", None)
    if callable(bare):
        return str(bare())
    return str(getattr(getattr(param, "type", None), "name", ""))


def _readable(command: Any) -> None:
    """Help shows `INPUT...`, `N`, `URL` where typer would show `<list[str]>`, `<int>`."""
    for sub in getattr(command, "commands", {}).values():
        _readable(sub)
    for param in command.params:
        if param.metavar is not None or getattr(param, "is_flag", False) or not param.name:
            continue
        if param.param_type_name == "argument":
            name = param.name.upper()
            if param.nargs != 1:
                name = name.removesuffix("S") + "..."
            param.metavar = name
            shown = name if param.required else f"[{name}]"
            setattr(param, "display_type_rich", lambda ctx: None)  # noqa: B010 - no <type>
            setattr(param, "get_usage_pieces", lambda ctx, shown=shown: [shown])  # noqa: B010
        else:
            param.metavar = (_METAVARS.get(param.name) or _BY_TYPE.get(_kind(param))
                             or param.name.upper())  # fmt: skip


class _Group(TyperGroup):
    """Every command's SummarizerError becomes one line on stderr and its exit code."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _readable(self)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except SummarizerError as exc:
            if _debug():
                raise
            typer.echo(f"summarizer: error: {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt as exc:
            typer.echo(f"summarizer: interrupted{f': {exc}' if str(exc) else ''}", err=True)
            raise typer.Exit(130) from None


app = typer.Typer(
    cls=_Group,
    help="Turn news articles into structured, evidence-grounded briefs.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

Inputs = Annotated[list[str], typer.Argument(help="Files, folders, globs, URLs, or - for stdin")]


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        from summarizer import __version__

        try:
            typer.echo(f"summarizer {version('summarizer')}")
        except PackageNotFoundError:  # running from a source tree
            typer.echo(f"summarizer {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    show_version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True,
                           help="Show the version and exit")
    ] = False,
) -> None:  # fmt: skip
    """Turn news articles into structured, evidence-grounded briefs."""


def _emit(text: str, output: Path | None) -> None:
    if output is None or str(output) == "-":
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        from summarizer.files import write_output

        write_output(output, text)


@app.command()
def summarize(
    inputs: Inputs,
    output: Annotated[
        str | None, typer.Option("-o", "--output", help="Output file, or folder for many inputs")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="json or md")] = "json",
    engine: EngineOpt = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    mode: ModeOpt = None,
    max_retries: RetriesOpt = None,
    max_tokens: TokensOpt = None,
    timeout: TimeoutOpt = None,
    deadline: DeadlineOpt = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    prompt_dir: PromptDirOpt = None,
    rpm: RpmOpt = None,
    tpm: TpmOpt = None,
    reasoning_effort: EffortOpt = None,
    context_tokens: ContextOpt = None,
    param_style: StyleOpt = None,
) -> None:
    """Summarize articles into briefs (JSON on stdout unless -o; -o DIR resumes)."""
    from summarizer.batch.run import summarize_inputs
    from summarizer.config import resolve

    _one_of(fmt, ("json", "md"), "--format")
    code = summarize_inputs(resolve(engine_flags(locals())), inputs, output, fmt)
    raise typer.Exit(code)


@app.command()
def schema() -> None:
    """Print the brief's JSON Schema."""
    from summarizer.brief.schema import brief_json_schema

    _emit(json.dumps(brief_json_schema(), indent=2), None)


@app.command()
def extract(
    input: Annotated[str, typer.Argument(help="A file, URL, or - for stdin")],
    fmt: Annotated[str, typer.Option("--format", help="text or json")] = "text",
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Fetch URLs again")] = False,
) -> None:
    """Print an article as the engines see it (bad input: one line on stderr, exit 4)."""
    from summarizer.config import resolve
    from summarizer.ingest.load import load_article

    _one_of(fmt, ("text", "json"), "--format")
    settings = resolve({"cache": False if no_cache else None})
    article = load_article(input, max_bytes=settings.max_input_bytes, cache=settings.cache)
    _emit(article.text if fmt == "text" else article.model_dump_json(indent=2), None)


@app.command()
def render(
    briefs: Annotated[list[str], typer.Argument(help="Brief JSON files or folders")],
    output: Annotated[
        str, typer.Option("-o", "--output", help="OUT.md, OUT.html, or - for Markdown on stdout")
    ] = "-",
    title: Annotated[str | None, typer.Option(help="Document title")] = None,
    sort: Annotated[str, typer.Option(help="input (as given) or date")] = "input",
    template: Annotated[
        Path | None, typer.Option(help="Custom Jinja2 template (sandboxed)")
    ] = None,
) -> None:
    """Render briefs as one briefing document: Markdown or standalone HTML by extension."""
    from summarizer.briefing.render import output_format, read_briefs
    from summarizer.briefing.render import render as render_document
    from summarizer.briefing.validate import expand_brief_paths

    _one_of(sort, ("input", "date"), "--sort")
    fmt = output_format(output, template)
    briefs_read = read_briefs(expand_brief_paths(briefs))
    text = render_document(
        briefs_read, fmt, title=title, order="date" if sort == "date" else "input",
        template=template,
    )  # fmt: skip
    _emit(text, None if output == "-" else Path(output))


@app.command()
def validate(
    briefs: Annotated[list[str], typer.Argument(help="Brief JSON files or folders")],
    article: Annotated[
        str | None, typer.Option(help="Article to check quotes against (default: provenance)")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="text, json or github")] = "text",
) -> None:
    """Check briefs: schema, consistency rules, quotes against the article (exit 1 if any fail)."""
    from summarizer.briefing.report import REPORT_FORMATS, format_report
    from summarizer.briefing.validate import validate_paths

    _one_of(fmt, REPORT_FORMATS, "--format")
    reports = validate_paths(briefs, article=article)
    _emit(format_report(reports, fmt), None)
    if not all(r.ok for r in reports):
        raise typer.Exit(1)


@app.command("eval")
def eval_(
    gold: Annotated[
        list[str], typer.Argument(help="Gold files, folders or globs")
    ],
    briefs: Annotated[
        str | None,
        typer.Option(metavar="DIR", help="Score the briefs in this folder (by article stem)"),
    ] = None,
    minimum: Annotated[
        list[str] | None,
        typer.Option("--min", metavar="METRIC=VALUE", help="Gate: a floor (repeatable)"),
    ] = None,
    baseline: Annotated[
        str | None, typer.Option(metavar="REPORT.json", help="Gate: a saved JSON report")
    ] = None,
    tolerance: Annotated[float, typer.Option(help="Allowed drop from the baseline")] = 0.02,
    fmt: Annotated[
        str, typer.Option("--format", metavar="FORMAT", help="text, json, github or html")
    ] = "text",
    output: Annotated[
        str | None, typer.Option("-o", "--output", metavar="FILE", help="Report file")
    ] = None,
    engine: EngineOpt = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    mode: ModeOpt = None,
    max_retries: RetriesOpt = None,
    max_tokens: TokensOpt = None,
    timeout: TimeoutOpt = None,
    deadline: DeadlineOpt = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    prompt_dir: PromptDirOpt = None,
    rpm: RpmOpt = None,
    tpm: TpmOpt = None,
    reasoning_effort: EffortOpt = None,
    context_tokens: ContextOpt = None,
    param_style: StyleOpt = None,
) -> None:
    """Score briefs against gold annotations; exit 1 when a quality gate fails."""
    from summarizer.config import resolve
    from summarizer.evaluation.command import run_eval
    from summarizer.evaluation.report import EVAL_FORMATS

    _one_of(fmt, EVAL_FORMATS, "--format")
    settings = resolve(engine_flags(locals()))
    raise typer.Exit(run_eval(settings, gold, briefs=briefs, minimums=minimum,
                              baseline=baseline, tolerance=tolerance, fmt=fmt, output=output))


cache_app = typer.Typer(help="Show or clear the LLM response cache.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")


@cache_app.command("info")
def cache_info() -> None:
    """Where the response cache is, how many briefs it holds, by model."""
    from summarizer.config import resolve
    from summarizer.engines import response_cache

    info = response_cache(resolve()).info()
    lines = [f"path: {info.path}", f"entries: {info.entries}",
             f"size: {info.size_bytes / 1e6:.1f} MB"]  # fmt: skip
    lines += [f"  {model}: {count}" for model, count in info.models.items()]
    _emit("\n".join(lines), None)


@cache_app.command("clear")
def cache_clear() -> None:
    """Delete every cached response (briefs already written are not touched)."""
    from summarizer.config import resolve
    from summarizer.engines import response_cache

    count = response_cache(resolve()).clear()
    _emit(f"cleared {count} cached responses", None)


batch_app = typer.Typer(help="Offline batches: OpenAI Batch API / vLLM run-batch files.",
                        no_args_is_help=True)  # fmt: skip
app.add_typer(batch_app, name="batch")


@batch_app.command("export")
def batch_export(
    inputs: Inputs,
    output: Annotated[Path, typer.Option("-o", "--output", help="requests.jsonl to write")],
    model: Annotated[str | None, typer.Option(help="Model name")] = None,
    base_url: Annotated[str | None, typer.Option(help="Endpoint (for the model default)")] = None,
    mode: Annotated[str | None, typer.Option(help="tools, json_schema, json or md_json")] = None,
    max_tokens: Annotated[int | None, typer.Option(help="Answer token cap")] = None,
    prompt_dir: Annotated[str | None, typer.Option(help="Folder of prompt templates")] = None,
    param_style: StyleOpt = None,
    reasoning_effort: EffortOpt = None,
) -> None:
    """Write Batch API requests (OpenAI Batch API, vLLM run-batch), one line per article."""
    from summarizer.batch.batch_api import export_requests
    from summarizer.config import resolve

    settings = resolve(dict(model=model, base_url=base_url, mode=mode, max_tokens=max_tokens,
                            prompt_dir=prompt_dir, param_style=param_style,
                            reasoning_effort=reasoning_effort))  # fmt: skip
    report = export_requests(settings, inputs, output)
    for _, error in report.failures:
        typer.echo(f"summarizer: error: {error}", err=True)
    typer.echo(f"summarizer: {report.written} requests written to {output}", err=True)
    raise typer.Exit(report.exit_code)


@batch_app.command("import")
def batch_import(
    results: Annotated[Path, typer.Argument(help="Batch results .jsonl")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder for the briefs")],
    fmt: Annotated[str, typer.Option("--format", help="json or md")] = "json",
    base_url: Annotated[str | None, typer.Option(help="Endpoint the batch ran on")] = None,
    model: Annotated[str | None, typer.Option(help="Model (if the answers name none)")] = None,
    prompt_dir: Annotated[str | None, typer.Option(help="Folder of prompt templates")] = None,
) -> None:
    """Validate and ground batch answers into briefs in a folder, exactly like live ones."""
    from summarizer.batch.batch_api import import_results
    from summarizer.config import resolve
    from summarizer.wording import count

    _one_of(fmt, ("json", "md"), "--format")
    settings = resolve(dict(model=model, base_url=base_url, prompt_dir=prompt_dir))
    report = import_results(settings, results, output, fmt)
    for _, error in report.failures:
        typer.echo(f"summarizer: error: {error}", err=True)
    typer.echo(f"summarizer: {count(report.written, 'brief')} written to {output}", err=True)
    if report.failures:
        typer.echo(f"summarizer: {len(report.failures)} answers failed: run the same "
                   f"`summarizer summarize INPUTS... -o {output}` live to redo only those",
                   err=True)  # fmt: skip
    raise typer.Exit(report.exit_code)


def main() -> None:
    """Console entry point; unexpected errors are one line unless SUMMARIZER_DEBUG=1."""
    try:
        app()
    except Exception as exc:
        if _debug():
            raise
        typer.echo(f"summarizer: internal error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(1)
