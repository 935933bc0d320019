"""The eval run: gold files -> articles -> briefs (engine or `--briefs DIR`) -> scored rows.

Without a briefs folder the configured engine runs on the articles through the summarize
batch (`summarizer.batch.run.Batch`: the cache, `-j`, progress and error lines as in
`summarize`). A bad gold file (exit 2) or an unreadable article (exit 4) is one error line
naming the file and the field, and the row is left out; a brief that could not be made or
found is an error line too, and its gold counts as missed. The other rows are still scored.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarizer.article import Article, stem_for
from summarizer.batch.run import Batch
from summarizer.batch.work import Outcome
from summarizer.brief.schema import Brief
from summarizer.config import Settings
from summarizer.errors import InputError, SummarizerError
from summarizer.evaluation.gold import GoldFile, expand_gold, load_gold
from summarizer.evaluation.scoring import Scored, score_brief, usage_of


@dataclass
class Row:
    """One gold file's outcome: its score, or why it has none."""

    path: Path
    gold: GoldFile | None = None
    scored: Scored | None = None
    brief: str | None = None  # the brief file scored (--briefs), else None
    usage: dict[str, Any] | None = None
    error: str | None = None
    code: int = 0

    @property
    def id(self) -> str:
        """The gold's id (its file stem when it could not be read)."""
        return self.gold.id if self.gold else self.path.stem


@dataclass
class Evaluation:
    """Every row of a run, and where the briefs came from."""

    rows: list[Row] = field(default_factory=list)
    source: str = ""  # "briefs DIR" or the engine that ran

    @property
    def scored(self) -> list[Row]:
        """The rows with a score (a missing brief scores as nothing found)."""
        return [r for r in self.rows if r.scored is not None]

    @property
    def exit_code(self) -> int:
        """The worst error code among the rows (0 when none failed)."""
        return max((r.code for r in self.rows), default=0)


class _Collect(Batch):
    """The summarize batch, keeping briefs in memory instead of writing them out."""

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings, "json", None, {}, lines=False, output=None)
        self.briefs: dict[str, Brief] = {}
        self.errors: dict[str, SummarizerError] = {}

    def _done(self, index: int, ref: str, outcome: Outcome) -> None:
        self.tally.done += 1
        self.tally.cached += outcome.cached
        self.tally.reasks += 0 if outcome.cached else max(outcome.attempts - 1, 0)
        self.briefs[ref] = Brief.model_validate_json(outcome.text or "{}")

    def _failed(self, index: int, ref: str, error: SummarizerError) -> None:
        self.errors[ref] = error
        super()._failed(index, ref, error)

    def _emit(self, index: int, text: str | None) -> None:
        return None


def _fail(row: Row, error: SummarizerError, field_name: str | None = None) -> None:
    message = str(error)
    where = f"{row.path}: " + (f"{field_name}: " if field_name else "")
    row.error = message if message.startswith(str(row.path)) else where + message
    row.code = error.exit_code
    print(f"summarizer: error: {row.error}", file=sys.stderr)


def _briefs_index(folder: Path) -> dict[str, Path]:
    if not folder.is_dir():
        raise InputError(f"--briefs {folder}: not a folder")
    return {p.stem: p for p in sorted(folder.glob("*.json")) if p.name != "manifest.json"}


def _read_brief(path: Path) -> Brief:
    from summarizer.briefing.render import read_brief

    return read_brief(path)


def _article_shas(paths: list[Path]) -> dict[str, Path]:
    """{provenance.article_sha256: brief file} for the briefs in a folder (first wins)."""
    import json

    out: dict[str, Path] = {}
    for path in paths:
        try:
            sha = json.loads(path.read_text(encoding="utf-8"))["provenance"]["article_sha256"]
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if isinstance(sha, str):
            out.setdefault(sha, path)
    return out


def _from_folder(rows: list[Row], articles: dict[str, Article], folder: Path) -> None:
    """Each gold's brief is `folder/<article stem>.json` (as `summarize -o DIR` names it).

    When that brief is of another article (its `provenance.article_sha256` differs: two
    articles with one stem, `source.html` in two folders), the brief of this article is
    looked up by its sha256 among the others (summarize names the second `<stem>-<hash>.json`).
    """
    index = _briefs_index(folder)
    shas: dict[str, Path] | None = None
    for row in rows:
        assert row.gold is not None
        ref, article = row.gold.article_ref, articles[row.gold.article_ref]
        path = index.get(stem_for(ref))
        if path is None or _article_shas([path]).get(article.sha256) is None:
            shas = _article_shas(list(index.values())) if shas is None else shas
            path = shas.get(article.sha256, path)
        if path is None:
            _fail(row, InputError(f"no brief {folder / (stem_for(ref) + '.json')} for "
                                  f"{row.gold.gold.article}"), "brief")  # fmt: skip
            row.scored = score_brief(row.gold.gold, None)
            continue
        row.brief = str(path)
        try:
            brief = _read_brief(path)
        except SummarizerError as exc:
            _fail(row, exc, "brief")
            row.scored = score_brief(row.gold.gold, None)
            continue
        _score(row, brief, article)


def _from_engine(rows: list[Row], articles: dict[str, Article], settings: Settings) -> None:
    refs = list(dict.fromkeys(r.gold.article_ref for r in rows if r.gold is not None))
    batch = _Collect(settings)
    if refs:
        batch.run(refs, announce=len(refs) > 1)
    for row in rows:
        assert row.gold is not None
        ref = row.gold.article_ref
        if ref in batch.briefs:
            _score(row, batch.briefs[ref], articles[ref])
        else:
            error = batch.errors.get(ref)
            row.error = f"{row.path}: brief: {error or 'not attempted'}"
            row.code = error.exit_code if error else 1
            row.scored = score_brief(row.gold.gold, None)


def _score(row: Row, brief: Brief, article: Article) -> None:
    assert row.gold is not None
    row.scored = score_brief(row.gold.gold, brief, article.text)
    row.usage = usage_of(brief)


def evaluate(settings: Settings, refs: list[str], briefs: str | None = None) -> Evaluation:
    """Score every gold file's brief; errors are printed as they come and kept on the rows.

    Args:
        settings: Resolved settings (engine, model, cache, concurrency, input size cap).
        refs: Gold files, folders or globs.
        briefs: A folder of existing briefs to score instead of running the engine.

    Raises:
        InputError: A gold reference matches no file, or `briefs` is not a folder.
    """
    from summarizer.ingest.load import load_article

    if briefs is not None:
        _briefs_index(Path(briefs))  # a wrong folder fails before any work
    result = Evaluation(rows=[Row(path=p) for p in expand_gold(refs)])
    articles: dict[str, Article] = {}
    ready: list[Row] = []
    for row in result.rows:
        try:
            row.gold = load_gold(row.path)
        except SummarizerError as exc:
            _fail(row, exc)
            continue
        ref = row.gold.article_ref
        try:
            if ref not in articles:
                articles[ref] = load_article(ref, max_bytes=settings.max_input_bytes,
                                             cache=settings.cache)  # fmt: skip
        except SummarizerError as exc:
            _fail(row, exc, "article")
            continue
        ready.append(row)
    if briefs is not None:
        result.source = f"briefs in {briefs}"
        _from_folder(ready, articles, Path(briefs))
    else:
        result.source = settings.effective_engine
        if settings.effective_engine == "llm":
            result.source = f"llm {settings.effective_model}"
        _from_engine(ready, articles, settings)
    return result
