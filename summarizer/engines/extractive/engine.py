"""The extractive engine: a brief from the article alone, deterministic, offline.

No model, no network: every text field of the brief is a span cut from the article, and
every span is its own evidence (one exception: an opinion piece's BLUF says who argues,
"<author> argues: <sentence>", around a sentence of the piece). It is what runs when no LLM
is configured.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any, TypeVar

from summarizer.article import Article
from summarizer.brief.countries import country_alpha3
from summarizer.brief.grounding import all_quotes, consistency_problems, normalize, report
from summarizer.brief.schema import (
    Actor,
    Brief,
    Event,
    Outcome,
    Position,
    Provenance,
    Quote,
    Source,
)
from summarizer.clock import now_iso
from summarizer.engines.extractive.actors import Cluster, group, select
from summarizer.engines.extractive.collective import collective_mentions, merge
from summarizer.engines.extractive.event import (
    build_event,
    build_outcome,
    open_questions,
    report_date,
)
from summarizer.engines.extractive.foreign_positions import position_finder
from summarizer.engines.extractive.german import GermanScanner
from summarizer.engines.extractive.kinds import final_kind
from summarizer.engines.extractive.legal import LegalFinder
from summarizer.engines.extractive.lexicon import languages
from summarizer.engines.extractive.names import Mention, NameScanner
from summarizer.engines.extractive.opinion import first_person, is_opinion, opinion_bluf
from summarizer.engines.extractive.positions import MAX_POSITIONS
from summarizer.engines.extractive.romance_titles import apposed_titles
from summarizer.engines.extractive.segment import Doc, Sentence, segment
from summarizer.errors import UnsupportedLanguageError
from summarizer.language import detect_language

_T = TypeVar("_T")

MAX_CHARS = 200_000  # longer texts are read up to here; the brief says so in open_questions


class ExtractiveEngine:
    """Fills the brief from the article's own sentences (`Article -> Brief`)."""

    name = "extractive"

    def summarize(self, article: Article) -> Brief:
        """Build a brief for one article. Never raises on odd text; sparse when little is found.

        Args:
            article: The article (its text must be non-empty; the caller checks).

        Returns:
            A brief whose quotes are all exact spans of `article.text`.
        """
        started = time.perf_counter()
        language = article.language or detect_language(article.text[:MAX_CHARS])
        check_language(language)
        try:
            brief = _build(article, language)
        except Exception as exc:  # noqa: BLE001 - the engine must always answer
            brief = _fallback(article, exc)
        brief.provenance.latency_s = round(time.perf_counter() - started, 4)
        return brief

    async def asummarize(self, article: Article) -> Brief:
        """Async variant (the work is CPU-bound and quick, so it runs inline)."""
        return self.summarize(article)



def _provenance(article: Article) -> Provenance:
    return Provenance(
        engine="extractive",
        provider=None,
        endpoint=None,
        model=None,
        mode=None,
        cached=False,
        article_sha256=article.sha256,
        article_origin=article.origin,
        attempts=1,
        created_at=now_iso(),
    )


def _source(article: Article, doc: Doc, title: str | None, language: str | None) -> Source:
    return Source(
        title=title,
        url=article.url,
        publisher=article.publisher,
        published_at=article.published_at
        or (doc.report_date.isoformat() if doc.report_date else None),  # fmt: skip
        language=language,
    )


def _bluf(doc: Doc) -> str:
    lead = doc.sentences[:2]
    if not lead:
        return doc.headline.text if doc.headline else doc.text.strip()[:300]
    if len(lead) == 2 and len(lead[0].text.split()) < 15:
        return doc.text[lead[0].start : lead[1].end]
    return lead[0].text


_APPOSITIVE_END = re.compile(r",\s+(?:which|who|that|a|an|the|said|says|has|had|is|was)\b")


def _appositive(a: Mention, b: Mention, text: str) -> bool:
    """Whether b renames organisation a: "Gavi, the Vaccine Alliance, which ..."."""
    orgs = ("person", "single")
    if a.kind in orgs or b.kind in orgs or country_alpha3(a.name):
        return False
    return text[a.end : b.start] == ", the " and bool(_APPOSITIVE_END.match(text, b.end))


def _mentions(doc: Doc, language: str | None = None) -> list[Mention]:
    scanner = (GermanScanner(doc.text, doc.sentences) if language == "de"
               else NameScanner(doc.text, language))  # fmt: skip
    out: list[Mention] = []
    for s in doc.sentences:
        found = scanner.scan(s)
        for m in found:
            if not (out and _appositive(out[-1], m, doc.text)):
                out.append(m)
    if language in ("fr", "es"):
        apposed_titles(out, doc.text)  # "la juge d'instruction, Ana Ruiz"
    return merge(out, collective_mentions(doc.text, doc.sentences, out))


def _headline_hits(clusters: list[Cluster], headline: str | None) -> None:
    if not headline:
        return
    head = f" {normalize(headline)} "
    for c in clusters:
        c.headline = sum(f" {normalize(a)} " in head for a in c.aliases)


_AUTHORS = frozenset(("court", "state", "igo"))


def _actor(c: Cluster, text: str, sentences: dict[int, Sentence]) -> Actor:
    sentence = sentences[c.first.sentence].quote()
    role = text[c.title[0] : c.title[1]] if c.title else ""
    kind: Any = final_kind(c, text)
    return Actor(name=c.name, kind=kind, country=c.country, role=role, evidence=[sentence])


def _author(clusters: list[Cluster], sentences: list[Sentence]) -> Cluster | None:
    """The court, authority or body named first in the event's sentence: who decided."""
    if not sentences:
        return None
    mentions = sorted((m.start, id(c), c) for c in clusters for m in c.mentions
                      if m.sentence == sentences[0].index and c.kind in _AUTHORS
                      and not country_alpha3(c.name))  # fmt: skip
    return mentions[0][2] if mentions else None


def _spread(found: list[tuple[Cluster, Position]]) -> list[Position]:
    """At most MAX_POSITIONS, each holder's first before anyone's second; article order."""
    seen: set[int] = set()
    firsts: list[int] = []
    rest: list[int] = []
    for i, (c, _p) in enumerate(found):
        (rest if id(c) in seen else firsts).append(i)
        seen.add(id(c))
    return [found[i][1] for i in sorted((firsts + rest)[:MAX_POSITIONS])]


def check_language(language: str | None) -> None:
    """Refuse a language without a resource folder (None, i.e. unsure, is read as English).

    Raises:
        UnsupportedLanguageError: One line naming the language and the way out.
    """
    if language is None or language in languages():
        return
    raise UnsupportedLanguageError(
        f"the offline engine does not support {language_name(language)}; "
        "use an LLM endpoint (--base-url or OPENAI_API_KEY)"
    )


def language_name(code: str) -> str:
    """'Chinese (zh)' for 'zh' (the code alone when pycountry does not know it)."""
    import pycountry

    found = pycountry.languages.get(alpha_2=code)
    return f"{found.name} ({code})" if found else code


def _build(article: Article, language: str | None) -> Brief:
    text = article.text[:MAX_CHARS]
    doc = segment(text, report_date(article.published_at))
    by_index = {s.index: s for s in doc.sentences}
    headline = article.title or (doc.headline.text if doc.headline else None)
    clusters = group(_mentions(doc, language), text, language)
    _headline_hits(clusters, headline)
    skipped: list[str] = []
    event = build_event(doc, headline)
    ev_sentences = [s for s in doc.sentences if any(q.start == s.start for q in event.evidence)]
    author = _author(clusters, ev_sentences[:1])
    finder = position_finder(text, clusters, author, language)
    found = _part(lambda: finder.find(doc.sentences), skipped)
    for c, _p in found:
        c.holder = True
    chosen = select(clusters, text, language)
    keep = {id(c) for c in chosen}
    positions = _spread([(c, p) for c, p in found if id(c) in keep])
    questions = _part(lambda: open_questions(doc), skipped)
    opinion = is_opinion(article, doc)
    brief = Brief(
        source=_source(article, doc, headline, language),
        bluf=opinion_bluf(article, doc, _bluf(doc)) if opinion else _bluf(doc),
        event=event,
        actors=[_actor(c, text, by_index) for c in chosen],
        positions=positions,
        legal_context=_part(lambda: LegalFinder(text, chosen, language).scan(doc.sentences),
                            skipped),
        outcome=_outcome(doc, ev_sentences[:1], opinion),
        open_questions=questions,
        provenance=_provenance(article),
    )
    brief.provenance.grounding = report(all_quotes(brief), consistency_problems(brief) + skipped)
    return brief


def _outcome(doc: Doc, event: list[Sentence], opinion: bool) -> Outcome:
    """The outcome; in an opinion piece, never the writer's own first-person line."""
    found = build_outcome(doc, event)
    if opinion and first_person(found.description):
        return Outcome(status="unknown", description="")
    return found


def _part(build: Callable[[], list[_T]], skipped: list[str]) -> list[_T]:
    """One optional section; on a heuristic's failure it is left empty and the reason noted."""
    try:
        return build()
    except Exception as exc:  # noqa: BLE001 - one section must not cost the whole brief
        skipped.append(f"extractive: a section was left empty after {exc!r}")
        return []


def _fallback(article: Article, exc: Exception) -> Brief:
    """A valid, sparse brief when the heuristics fail on very odd input."""
    text = article.text
    lead = text.strip().split("\n", 1)[0][:300]
    start = text.find(lead)
    brief = Brief(
        source=Source(
            title=article.title,
            url=article.url,
            publisher=article.publisher,
            published_at=article.published_at,
            language=article.language,
        ),
        bluf=lead,
        event=Event(summary=lead, event_type="OTHER"),
        actors=[],
        outcome=Outcome(status="unknown", description=lead),
        open_questions=[],
        provenance=_provenance(article),
    )
    if lead and start >= 0:
        brief.event.evidence = [Quote(text=lead, start=start, end=start + len(lead),
                                      match="exact")]  # fmt: skip
    brief.provenance.grounding = report(all_quotes(brief), [f"extractive fallback: {exc!r}"])
    return brief


__all__ = ["ExtractiveEngine", "Position"]
