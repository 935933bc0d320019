"""Batch files: requests out for the OpenAI Batch API (or vLLM's run-batch), answers back in.

`export_requests` writes one JSON line per article::

    {"custom_id": "...", "method": "POST", "url": "/v1/chat/completions", "body": {...}}

The body is the request the live engine sends first (same prompt templates, output mode,
model), so one file runs on OpenAI's Batch API and on
`python -m vllm.entrypoints.openai.run_batch -i requests.jsonl -o results.jsonl`.
The mode is `--mode`, or for `auto` the mode the endpoint memory remembers, else
`json_schema` (no fallback is possible offline).

A file has no HTTP 400 to learn parameters from, so the parameter style is, in order: the
`--param-style` flag (`classic`: `max_tokens` + `temperature`; `reasoning`:
`max_completion_tokens` with reasoning headroom, no `temperature`, `reasoning_effort`), what
the endpoint memory learned from live runs against this endpoint and model, or the model
family (`summarizer.engines.llm.params.family_style`: o-series and gpt-5.x are reasoning).

`custom_id` is `<index>|<mode>|<prompt sha256[:12]>|<article sha256>|<input>`: import reloads
the input (run it from the same working directory), checks that neither the article nor
the prompt templates changed, and names the brief file as the live run would.

`import_results` turns each answer of a results file (`{"custom_id", "response":
{"status_code", "body"}, "error"}`) into a brief through the live engine's own
parse/validate/ground step (`LLMEngine.parse`) and `LLMEngine.brief`. A batch has no re-ask:
answers that fail are reported with their problems, and the same `summarize ... -o DIR`
command run live requests only those (the imported briefs are kept).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarizer.config import Settings
from summarizer.errors import (
    InputError,
    NoValidBriefError,
    ProviderError,
    SummarizerError,
    UsageError,
)

CHAT_URL = "/v1/chat/completions"
BATCH_MODE = "json_schema"  # what `--mode auto` exports


@dataclass
class BatchReport:
    """What an export or import did: counts, and one (input, error) per failure."""

    written: int = 0
    failures: list[tuple[str, SummarizerError]] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0, or the highest failure code (4 > 3 > 1)."""
        return max((e.exit_code for _, e in self.failures), default=0)


def make_custom_id(index: int, mode: str, prompt_sha: str, article_sha: str, ref: str) -> str:
    """The custom_id that lets import find (and check) the article again."""
    return f"{index}|{mode}|{prompt_sha[:12]}|{article_sha}|{ref}"


def parse_custom_id(custom_id: str) -> tuple[int, str, str, str, str]:
    """(index, mode, prompt sha prefix, article sha256, input) from a custom_id."""
    parts = custom_id.split("|", 4)
    if len(parts) != 5 or not parts[0].isdigit() or len(parts[3]) != 64:
        raise ValueError(f"custom_id {custom_id[:80]!r} was not written by summarizer")
    return int(parts[0]), parts[1], parts[2], parts[3], parts[4]


def _engine(settings: Settings) -> Any:
    from summarizer.engines import cache_dir
    from summarizer.engines.llm.engine import LLMEngine
    from summarizer.engines.llm.modes import ModeMemory

    return LLMEngine(settings, modes=ModeMemory(cache_dir(settings) / "modes.json"))


def export_params(engine: Any) -> Any:
    """The parameter style for offline requests: the flag, the endpoint memory, the family."""
    from summarizer.engines.llm.params import family_style, style_params

    style = engine.settings.param_style
    if style == "auto" and engine.modes.known_params(engine.host, engine.model):
        return engine.params
    return style_params(style if style != "auto" else family_style(engine.model))


def request_body(engine: Any, article: Any, mode: str, params: Any = None) -> dict[str, Any]:
    """The chat-completions body the live engine sends first for this article and mode."""
    from summarizer.engines.llm.params import apply, effort_for, token_budget

    params = params or export_params(engine)
    effort = effort_for(engine.settings.reasoning_effort, params)
    cap = token_budget(engine.settings.max_tokens, params, effort)
    body = apply(engine.first_request(article, mode), params, engine.settings.temperature,
                 effort, cap)  # fmt: skip
    return dict(body)


def export_requests(settings: Settings, inputs: list[str], out: Path) -> BatchReport:
    """Write one Batch API request line per input to `out` (atomically)."""
    from summarizer.ingest.load import expand_inputs, load_article

    refs = expand_inputs(inputs)
    if "-" in refs:
        raise UsageError("batch export needs files or URLs: stdin cannot be read again on import")
    if out.is_dir():
        raise UsageError(f"-o {out}: is a folder; batch export writes one .jsonl file")
    engine = _engine(settings)
    remembered = engine.modes.mode(engine.host, engine.model)
    mode = (remembered or BATCH_MODE) if settings.mode == "auto" else settings.mode
    params = export_params(engine)
    report = BatchReport()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    except OSError as exc:
        raise UsageError(f"-o {out}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            for index, ref in enumerate(refs):
                try:
                    article = load_article(ref, max_bytes=settings.max_input_bytes)
                except InputError as exc:
                    report.failures.append((ref, exc))
                    continue
                cid = make_custom_id(index, mode, engine.prompts.sha256, article.sha256, ref)
                line = {"custom_id": cid, "method": "POST", "url": CHAT_URL,
                        "body": request_body(engine, article, mode, params)}  # fmt: skip
                fh.write(json.dumps(line, ensure_ascii=False) + "\n")
                report.written += 1
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return report


def _results(path: Path) -> Iterator[tuple[int, dict[str, Any] | None]]:
    try:
        fh = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    with fh:
        try:
            for number, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    item = json.loads(line)
                except ValueError:
                    item = None
                yield number, item if isinstance(item, dict) else None
        except UnicodeDecodeError:
            raise InputError(f"{path}: not a UTF-8 JSON Lines results file") from None


def _completion_body(item: dict[str, Any], ref: str) -> dict[str, Any]:
    """The chat.completion of one result line, or the reason there is none."""
    error, response = item.get("error"), item.get("response")
    if error:
        detail = error.get("message", error) if isinstance(error, dict) else error
        raise ProviderError(f"{ref}: the batch request failed: {str(detail)[:200]}")
    if not isinstance(response, dict):
        raise NoValidBriefError(f"{ref}: the result line has no response")
    status, body = response.get("status_code", 200), response.get("body")
    if status != 200:
        error = body.get("error") if isinstance(body, dict) else None
        message = error.get("message", error) if isinstance(error, dict) else error or ""
        raise ProviderError(f"{ref}: the batch request failed: HTTP {status} {str(message)[:200]}")
    if not isinstance(body, dict):
        raise NoValidBriefError(f"{ref}: the answer is not a chat completion")
    return body


def brief_from_result(engine: Any, item: dict[str, Any]) -> Any:
    """One result line -> a grounded Brief, exactly as a live answer becomes one.

    Raises:
        ProviderError: The batch request itself failed.
        InputError: The input is gone, or its article or the prompt templates changed.
        NoValidBriefError: The answer is cut off, not a completion, or fails validation.
    """
    import openai

    from summarizer.brief.grounding import ArticleIndex
    from summarizer.brief.schema import Usage
    from summarizer.engines.llm.engine import problem_lines
    from summarizer.engines.llm.modes import instructor_mode
    from summarizer.engines.llm.params import effort_for, token_budget
    from summarizer.ingest.load import load_article

    _, mode, prompt_sha, article_sha, ref = parse_custom_id(str(item.get("custom_id")))
    body = _completion_body(item, ref)
    article = load_article(ref, max_bytes=engine.settings.max_input_bytes)
    if article.sha256 != article_sha:
        raise InputError(f"{ref}: the article changed since the export")
    if not engine.prompts.sha256.startswith(prompt_sha):
        raise InputError(f"{ref}: the prompt templates changed since the export")
    # Built as leniently as the SDK builds a live response (no validation of the envelope).
    completion = openai.types.chat.ChatCompletion.construct(**body)
    try:
        finish = completion.choices[0].finish_reason
        completion.choices[0].message.content  # noqa: B018
    except (AttributeError, IndexError, KeyError, TypeError):
        raise NoValidBriefError(f"{ref}: the answer is not a chat completion") from None
    usage = Usage()
    usage.add(completion.usage)
    # The cap the answer ran under is not in the result: compare the visible answer (the
    # completion less any hidden reasoning) with the answer budget.
    if finish == "length" or engine.cut_off(completion, answer_cap(engine, usage)):
        raise NoValidBriefError(f"{ref}: the answer was cut off at the token limit")
    index = ArticleIndex(article.text)
    try:
        draft = engine.parse(completion, instructor_mode(mode), index)
    except Exception as exc:  # any parse or validation failure, as in the live engine
        raise NoValidBriefError(f"{ref}: {'; '.join(problem_lines(exc)[:5])}") from None
    model = completion.model or engine.model
    brief = engine.brief(draft, article, index, mode, 1, usage, model=model, batch=True)
    body_params = export_params(engine)  # what the export wrote, for the same settings
    effort = effort_for(engine.settings.reasoning_effort, body_params)
    brief.provenance.token_budget = token_budget(engine.settings.max_tokens, body_params, effort)
    brief.provenance.reasoning_effort = effort
    return brief


def answer_cap(engine: Any, usage: Any) -> int:
    """The answer budget plus the reasoning tokens the answer spent."""
    return int(engine.settings.max_tokens + usage.reasoning_tokens)


def import_results(settings: Settings, results: Path, folder: Path, fmt: str) -> BatchReport:
    """Validate and ground every answer of a results file into `folder/<stem>.<ext>`."""
    from summarizer.batch.manifest import Manifest
    from summarizer.batch.run import brief_text, output_paths, prepare_folder
    from summarizer.files import write_output

    order: list[tuple[int, str]] = []
    for _, item in _results(results):
        try:
            index, *_, ref = parse_custom_id(str((item or {}).get("custom_id")))
        except ValueError:
            continue
        order.append((index, ref))
    refs = list(dict.fromkeys(ref for _, ref in sorted(order)))  # each input once, as exported
    targets = output_paths(refs, folder, "md" if fmt == "md" else "json")
    prepare_folder(folder)
    engine, report, manifest = _engine(settings), BatchReport(), Manifest(folder).open()
    try:
        for number, item in _results(results):
            ref = f"{results.name}:{number}"
            try:
                if item is None:
                    raise NoValidBriefError(f"{ref}: not a JSON object line")
                ref = parse_custom_id(str(item.get("custom_id")))[4]
                brief = brief_from_result(engine, item)
            except (SummarizerError, ValueError) as exc:
                error = exc if isinstance(exc, SummarizerError) else NoValidBriefError(
                    f"{ref}: {exc}")  # fmt: skip
                report.failures.append((ref, error))
                manifest.record(ref, "failed", error=str(error), exit_code=error.exit_code,
                                source=str(results))  # fmt: skip
                continue
            write_output(targets[ref], brief_text(brief, fmt))
            manifest.record(ref, "done", output=targets[ref].name, source=str(results),
                            tokens=brief.provenance.usage.total_tokens,
                            cost_usd=brief.provenance.cost_usd)  # fmt: skip
            report.written += 1
        manifest.run(status="imported", source=str(results), done=report.written,
                     failed=len(report.failures))  # fmt: skip
    finally:
        manifest.close()
    return report
