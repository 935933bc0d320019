"""Turn a validated model answer (`DraftBrief`) into a stored, grounded `Brief`."""

from __future__ import annotations

from summarizer.article import Article
from summarizer.brief.countries import to_alpha3
from summarizer.brief.grounding import ArticleIndex, all_quotes, report
from summarizer.brief.schema import (
    Actor,
    Brief,
    DraftBrief,
    Event,
    LegalContext,
    Outcome,
    Position,
    Provenance,
    Quote,
    Source,
)


def source_of(article: Article) -> Source:
    """The brief's `source` block from the article's metadata."""
    return Source(
        title=article.title, url=article.url, publisher=article.publisher,
        published_at=article.published_at, language=article.language,
    )  # fmt: skip


def assemble(
    draft: DraftBrief, article: Article, index: ArticleIndex, provenance: Provenance
) -> Brief:
    """Locate every quote, normalise countries, and attach provenance + grounding report."""

    def quotes(texts: list[str]) -> list[Quote]:
        return [index.locate(t) for t in texts]

    actors = []
    for a in draft.actors:
        evidence = quotes(a.evidence)
        if not evidence and (first := index.first_mention(a.name)):
            evidence = [first]
        actors.append(Actor(name=a.name, kind=a.kind, country=to_alpha3(a.country),
                            role=a.role, evidence=evidence))  # fmt: skip
    e, o = draft.event, draft.outcome
    brief = Brief(
        source=source_of(article),
        bluf=draft.bluf,
        event=Event(**e.model_dump(exclude={"evidence"}), evidence=quotes(e.evidence)),
        actors=actors,
        positions=[
            Position(**p.model_dump(exclude={"evidence"}), evidence=quotes(p.evidence))
            for p in draft.positions
        ],
        legal_context=[
            LegalContext(**lc.model_dump(exclude={"evidence"}), evidence=quotes(lc.evidence))
            for lc in draft.legal_context
        ],
        outcome=Outcome(**o.model_dump(exclude={"evidence"}), evidence=quotes(o.evidence)),
        open_questions=draft.open_questions,
        provenance=provenance,
    )
    brief.provenance.grounding = report(all_quotes(brief))
    return brief
