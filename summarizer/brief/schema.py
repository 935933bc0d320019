"""The brief's two layers: what the model fills (`Draft*`) and what is stored (`Brief`).

Field names here are part of the public contract (see docs/DESIGN.md).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator

SCHEMA_VERSION = "1.0"

EventType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    "OTHER",
]  # fmt: skip
ActorKind = Literal[
    "state", "head_of_state", "official", "court", "igo", "ngo", "armed_group",
    "civil_society", "media", "business", "person", "other",
]  # fmt: skip
Stance = Literal["support", "oppose", "neutral", "mixed", "unclear"]
LegalKind = Literal[
    "treaty", "statute", "court_decision", "warrant", "resolution", "custom", "other"
]
OutcomeStatus = Literal["occurred", "pending", "cancelled", "postponed", "unknown"]
DatePrecision = Literal["day", "month", "year", "unknown"]
MatchStatus = Literal["exact", "fuzzy", "missing"]

_QUOTES = "Short quotes copied word for word from the article that support this"


# ---------------------------------------------------------------- model layer (lean)
class DraftEvent(BaseModel):
    summary: str = Field(description="What happened, in one sentence")
    event_type: EventType = Field(description="The closest PLOVER category")
    date: str | None = Field(None, description="Event date YYYY-MM-DD, YYYY-MM or YYYY")
    date_precision: DatePrecision = "unknown"
    location: str | None = None
    evidence: list[str] = Field(default_factory=list, description=_QUOTES)


class DraftActor(BaseModel):
    name: str = Field(description="The name exactly as written in the article")
    kind: ActorKind
    country: str | None = Field(None, description="Country the actor belongs to")
    role: str = Field("", description="Role in the event")
    evidence: list[str] = Field(default_factory=list, description=_QUOTES)


class DraftPosition(BaseModel):
    holder: str = Field(description="Name of an actor listed in actors")
    on: str = Field(description="What the stance is about")
    stance: Stance
    summary: str
    attributed: bool = Field(
        description="true if the article gives the holder's own words, false if reporter's"
    )
    evidence: list[str] = Field(default_factory=list, description=_QUOTES)


class DraftLegal(BaseModel):
    instrument: str = Field(description="e.g. a treaty, statute, warrant, resolution")
    kind: LegalKind
    provision: str | None = None
    body: str | None = Field(None, description="Court or organ involved")
    obligation: str | None = None
    evidence: list[str] = Field(default_factory=list, description=_QUOTES)


class DraftOutcome(BaseModel):
    status: OutcomeStatus
    description: str
    next_steps: str | None = None
    evidence: list[str] = Field(default_factory=list, description=_QUOTES)


class DraftBrief(BaseModel):
    """What the model is asked to fill. Grounded against the article when validated."""

    bluf: str = Field(description="Bottom line up front: one or two sentences")
    event: DraftEvent
    actors: list[DraftActor]
    positions: list[DraftPosition] = Field(default_factory=list)
    legal_context: list[DraftLegal] = Field(default_factory=list)
    outcome: DraftOutcome
    open_questions: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _grounded(self, info: ValidationInfo) -> DraftBrief:
        index = (info.context or {}).get("article_index")
        if index is not None:
            problems = index.draft_problems(self)
            if problems:
                raise ValueError(
                    "the answer is not grounded in the article:\n- " + "\n- ".join(problems)
                )
        return self


# ---------------------------------------------------------------- stored layer
class Quote(BaseModel):
    text: str
    start: int | None = None
    end: int | None = None
    match: MatchStatus = "missing"


class Source(BaseModel):
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published_at: str | None = None
    language: str | None = None


class Event(BaseModel):
    summary: str
    event_type: EventType
    date: str | None = None
    date_precision: DatePrecision = "unknown"
    location: str | None = None
    evidence: list[Quote] = Field(default_factory=list)


class Actor(BaseModel):
    name: str
    kind: ActorKind
    country: str | None = Field(None, description="ISO 3166-1 alpha-3")
    role: str = ""
    evidence: list[Quote] = Field(default_factory=list)


class Position(BaseModel):
    holder: str
    on: str
    stance: Stance
    summary: str
    attributed: bool
    evidence: list[Quote] = Field(default_factory=list)


class LegalContext(BaseModel):
    instrument: str
    kind: LegalKind
    provision: str | None = None
    body: str | None = None
    obligation: str | None = None
    evidence: list[Quote] = Field(default_factory=list)


class Outcome(BaseModel):
    status: OutcomeStatus
    description: str
    next_steps: str | None = None
    evidence: list[Quote] = Field(default_factory=list)


class Usage(BaseModel):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0
    reasoning_tokens: int = Field(
        default=0, description="Hidden reasoning tokens, already counted in completion_tokens"
    )

    def add(self, other: Any) -> None:
        """Add an OpenAI-style usage object (or None) to this total."""
        if other is None:
            return
        p = getattr(other, "prompt_tokens", 0) or 0
        c = getattr(other, "completion_tokens", 0) or 0
        self.prompt_tokens += p
        self.completion_tokens += c
        self.total_tokens += getattr(other, "total_tokens", 0) or (p + c)
        details = getattr(other, "completion_tokens_details", None)
        if isinstance(details, dict):
            self.reasoning_tokens += details.get("reasoning_tokens") or 0
        else:
            self.reasoning_tokens += getattr(details, "reasoning_tokens", 0) or 0


class GroundingReport(BaseModel):
    quotes: int = 0
    exact: int = 0
    fuzzy: int = 0
    missing: int = 0
    grounded_rate: float = 1.0
    problems: list[str] = Field(default_factory=list)


class Template(BaseModel):
    name: str
    sha256: str


class Chunk(BaseModel):
    """One part of a long article briefed on its own (character span in the article)."""

    start: int
    end: int
    attempts: int = 0
    ok: bool = True


class Provenance(BaseModel):
    engine: Literal["llm", "extractive"]
    provider: str | None = None
    endpoint: str | None = Field(None, description="Host of the LLM endpoint")
    model: str | None = None
    mode: str | None = None
    prompt_template: Template | None = None
    schema_version: str = SCHEMA_VERSION
    article_sha256: str
    article_origin: str | None = None
    attempts: int = 1
    usage: Usage = Field(default_factory=Usage)
    cost_usd: float | None = None
    cached: bool = Field(default=False, description="Served from the response cache (no request)")
    latency_s: float = 0.0
    created_at: str
    grounding: GroundingReport = Field(default_factory=GroundingReport)
    token_budget: int | None = Field(
        default=None, description="Completion token cap sent (answer budget + reasoning headroom)"
    )
    reasoning_effort: str | None = None
    chunks: list[Chunk] = Field(
        default_factory=list, description="Parts of a long article briefed separately, merged"
    )


class Brief(BaseModel):
    """A stored, grounded brief."""

    model_config = ConfigDict(extra="forbid")

    source: Source
    bluf: str
    event: Event
    actors: list[Actor]
    positions: list[Position] = Field(default_factory=list)
    legal_context: list[LegalContext] = Field(default_factory=list)
    outcome: Outcome
    open_questions: list[str] = Field(default_factory=list)
    provenance: Provenance


def brief_json_schema() -> dict[str, Any]:
    """The stored brief's JSON Schema (what `summarizer schema` prints)."""
    schema = Brief.model_json_schema()
    schema["$id"] = f"urn:summarizer:brief:{SCHEMA_VERSION}"
    schema["title"] = "Brief"
    return schema
