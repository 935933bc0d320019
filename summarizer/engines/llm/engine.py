"""The LLM engine: one `Article -> Brief` call over any OpenAI-compatible endpoint.

instructor prepares each request for the output mode and parses/validates the answer
(schema plus grounding against the article); this module owns the attempt loop so that
usage is summed over every attempt, cut-off answers are re-asked for a shorter one, a
rejected mode falls back to the next, and the last raw answer is kept when retries run out.
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from summarizer.article import Article
from summarizer.brief.assemble import assemble
from summarizer.brief.grounding import ArticleIndex
from summarizer.brief.schema import Brief, DraftBrief, Provenance, Template, Usage
from summarizer.clock import now_iso
from summarizer.config import Settings
from summarizer.engines.llm.modes import ModeMemory, instructor_mode
from summarizer.engines.llm.pricing import cost_usd
from summarizer.engines.llm.prompts import PromptSet, load_prompts
from summarizer.engines.llm.reask import (
    Problems,
    error_detail,
    problem_lines,
    raw_answer,
    with_user_message,
)
from summarizer.errors import NoValidBriefError, ProviderError
from summarizer.files import write_atomic
from summarizer.redact import redact

# HTTP statuses with which an endpoint refuses an output mode (llama.cpp: 500 on json_schema).
_MODE_REJECTED = {400, 415, 422, 500, 501}


class _ModeRejected(Exception):
    pass


@dataclass
class Attempts:
    """What the attempts at one article have cost and produced so far."""

    count: int = 0
    usage: Usage = field(default_factory=Usage)
    last_raw: str | None = None
    problems: list[str] = field(default_factory=list)

    def answered(self, completion: Any) -> Any:
        """Count an attempt that got an answer, with its usage and raw text."""
        self.count += 1
        self.usage.add(getattr(completion, "usage", None))
        self.last_raw = raw_answer(completion)
        return completion


def endpoint_host(base_url: str | None) -> str:
    """The host (and port) of the endpoint, which is all provenance records of it."""
    return urlparse(base_url).netloc if base_url else "api.openai.com"


def make_client(
    settings: Settings,
    http_client: Any = None,
    transport: Any = None,
    event_hooks: dict[str, list[Any]] | None = None,
) -> Any:
    """An `openai.AsyncOpenAI` client for the settings.

    The SDK retries 429 (honouring Retry-After), 5xx and connection errors with backoff. A
    read timeout (no answer within `settings.timeout`) is not retried behind a still-busy
    server: the engine counts it as a failed attempt (see `summarizer.engines.llm.transport`).
    `http_client`, when given, is used as it is.
    """
    import openai

    from summarizer.engines.llm.transport import http_client as default_client

    return openai.AsyncOpenAI(
        api_key=settings.api_key or "not-needed",
        base_url=settings.base_url,
        timeout=settings.timeout,
        max_retries=3,
        http_client=http_client or default_client(transport, event_hooks),
    )


class LLMEngine:
    """Summarize with an LLM; every answer is validated and grounded before it is believed."""

    name = "llm"

    def __init__(
        self,
        settings: Settings,
        client: Any = None,
        prompts: PromptSet | None = None,
        modes: ModeMemory | None = None,
        raw_dir: Path | None = None,
    ) -> None:
        self.settings = settings
        self._client = client
        self.prompts = prompts or load_prompts(settings.prompt_dir)
        self.modes = modes or ModeMemory(None)
        self.raw_dir = raw_dir
        self.host = endpoint_host(settings.base_url)
        self._prepared: dict[tuple[str, str], tuple[dict[str, Any], tuple[int, str] | None]] = {}
        self.model = settings.effective_model

    @property
    def client(self) -> Any:
        if self._client is None:
            self._client = make_client(self.settings)
        return self._client

    def summarize(self, article: Article) -> Brief:
        """Synchronous `Article -> Brief` (not from inside a running event loop)."""
        return asyncio.run(self.asummarize(article))

    async def asummarize(self, article: Article) -> Brief:
        """Ask, validate, ground, re-ask with the errors; raise when no valid brief comes."""
        started = time.monotonic()
        state = Attempts()
        index = ArticleIndex(article.text)
        try:
            async with asyncio.timeout(self.settings.deadline):
                draft, mode = await self._modes(article, index, state)
        except TimeoutError:
            raise self._give_up(
                article, state, f"deadline of {self.settings.deadline:g}s"
            ) from None
        latency = time.monotonic() - started
        return self.brief(draft, article, index, mode, state.count, state.usage, latency)

    def brief(
        self, draft: DraftBrief, article: Article, index: ArticleIndex, mode: str,
        attempts: int, usage: Usage, latency_s: float = 0.0, model: str | None = None,
        batch: bool = False,
    ) -> Brief:  # fmt: skip
        """Assemble a validated answer into a stored brief with this engine's provenance."""
        model = model or self.model
        provenance = Provenance(
            engine="llm", provider="openai" if self.host.endswith("openai.com") else
            "openai-compatible", endpoint=self.host, model=model, mode=mode,
            prompt_template=Template(name=self.prompts.name, sha256=self.prompts.sha256),
            article_sha256=article.sha256, article_origin=article.origin,
            attempts=attempts, usage=usage,
            cost_usd=cost_usd(model, usage, self.settings.prices_file, batch=batch),
            latency_s=round(latency_s, 3), created_at=now_iso(),
        )  # fmt: skip
        return assemble(draft, article, index, provenance)

    async def _modes(
        self, article: Article, index: ArticleIndex, state: Attempts
    ) -> tuple[DraftBrief, str]:
        rejected: list[str] = []
        for mode in self.modes.candidates(self.host, self.model, self.settings.mode):
            try:
                draft = await self._attempts(mode, article, index, state)
            except _ModeRejected as exc:
                rejected.append(f"{mode} ({exc})")
                continue
            return draft, mode
        raise ProviderError(f"{self.host} rejected every output mode: {'; '.join(rejected)}")

    async def _attempts(
        self, mode: str, article: Article, index: ArticleIndex, state: Attempts
    ) -> DraftBrief:
        from instructor.processing.response import handle_reask_kwargs

        imode: Any = instructor_mode(mode)
        first = self.first_request(article, mode)
        kwargs = first
        for attempt in range(self.settings.max_retries + 1):
            completion = await self._request(kwargs, probe=attempt == 0, state=state)
            if attempt == 0:
                self.modes.remember(self.host, self.model, mode)  # the endpoint accepts it
            if completion is None or self.cut_off(completion):
                why = (
                    f"no answer came within {self.settings.timeout:g}s"
                    if completion is None
                    else f"the answer was cut off at the {self.settings.max_tokens}-token limit"
                )
                state.problems = [
                    f"{why}: answer again, much shorter (fewer actors and positions, short quotes)"
                ]
                kwargs = with_user_message(first, Problems(state.problems))
                continue
            try:
                return self.parse(completion, imode, index)
            except Exception as exc:  # any parse or validation failure is re-asked
                state.problems = problem_lines(exc)
                problems = Problems(state.problems)
                # Re-ask from the first request plus only the latest answer, so the context
                # stays bounded however many attempts there are.
                fresh = {**first, "messages": list(first["messages"])}
                try:
                    kwargs = handle_reask_kwargs(fresh, imode, completion, problems)
                except Exception:
                    kwargs = with_user_message(first, problems)
        raise self._give_up(article, state, f"{state.count} attempts")

    def cut_off(self, completion: Any) -> bool:
        """An answer stopped by the token cap (some servers report a cut tool call as done)."""
        used = getattr(getattr(completion, "usage", None), "completion_tokens", None) or 0
        return bool(
            completion.choices[0].finish_reason == "length" or used >= self.settings.max_tokens
        )

    def first_request(self, article: Article, mode: str) -> dict[str, Any]:
        """The chat-completions arguments of the first request for an article in a mode.

        instructor prepares them (tools, response_format or schema in the system message);
        that preparation is done once per mode and system prompt, and reused with each
        article's user message whenever it is carried through unchanged.
        """
        from instructor.processing.response import handle_response_model

        messages = self.prompts.render(article)
        user = messages[-1]["content"]
        key = (mode, messages[0]["content"])
        if key in self._prepared:
            template, slot = self._prepared[key]
            if slot is not None:
                prepared = [dict(m) for m in template["messages"]]
                prepared[slot[0]]["content"] = user + slot[1]
                return {**template, "messages": prepared}
        _, kwargs = handle_response_model(
            DraftBrief, mode=instructor_mode(mode), messages=[dict(m) for m in messages],
            model=self.model, max_tokens=self.settings.max_tokens,
            temperature=self.settings.temperature,
        )  # fmt: skip
        slots = [
            (i, m["content"][len(user) :])
            for i, m in enumerate(kwargs["messages"])
            if isinstance(m.get("content"), str) and m["content"].startswith(user)
        ]
        self._prepared[key] = (kwargs, slots[0] if len(slots) == 1 else None)
        return {**kwargs, "messages": [dict(m) for m in kwargs["messages"]]}

    @staticmethod
    def parse(completion: Any, imode: Any, index: ArticleIndex) -> DraftBrief:
        """Parse, validate and ground one answer (raises on any problem)."""
        from instructor.processing.response import process_response

        draft = process_response(
            completion, response_model=DraftBrief, stream=False, mode=imode,
            validation_context={"article_index": index},
        )  # fmt: skip
        if not isinstance(draft, DraftBrief):
            raise ValueError("the answer is not a brief object")
        return draft

    async def _request(self, kwargs: dict[str, Any], probe: bool, state: Attempts) -> Any:
        """One request, counted as an attempt; None when no answer came within the timeout.

        Under `--mode auto` the first request of a mode goes out without the SDK's retries,
        so a rejected mode (HTTP 400/415/422/500/501) falls back at once; other failures of
        that probe are retried normally.
        """
        import openai

        from summarizer.engines.llm.transport import AnswerTimeout

        create = self.client.chat.completions.create
        try:
            if probe and self.settings.mode == "auto":
                try:
                    probe_client = self.client.with_options(max_retries=0)
                    return state.answered(await probe_client.chat.completions.create(**kwargs))
                except openai.APIStatusError as exc:
                    if exc.status_code in _MODE_REJECTED:
                        raise _ModeRejected(f"HTTP {exc.status_code}") from None
                except AnswerTimeout:
                    raise
                except openai.APIConnectionError:
                    pass
            return state.answered(await create(**kwargs))
        except AnswerTimeout:
            state.count += 1
            return None
        except openai.APIStatusError as exc:
            fatal = exc.status_code in (401, 403, 404)
            raise ProviderError(self._describe(exc), fatal=fatal) from None
        except openai.APIConnectionError as exc:
            raise ProviderError(self._describe(exc), fatal=True) from None
        except openai.OpenAIError as exc:
            raise ProviderError(self._describe(exc)) from None

    def _describe(self, exc: Exception) -> str:
        import openai

        host, detail = self.host, error_detail(exc)[:200]
        status, timeout = getattr(exc, "status_code", "?"), self.settings.timeout
        messages: list[tuple[type[Exception], str]] = [
            (openai.AuthenticationError, f"authentication failed at {host}: check OPENAI_API_KEY"),
            (openai.NotFoundError, f"model {self.model!r} or endpoint not found at {host}"),
            (openai.RateLimitError, f"rate limited by {host}, still after retries with backoff"),
            (openai.APITimeoutError, f"request to {host} timed out after {timeout:g}s"),
            (openai.APIConnectionError, f"cannot connect to {host}"),
            (openai.APIStatusError, f"{host} answered HTTP {status}: {detail}"),
        ]  # fmt: skip
        text = next((m for cls, m in messages if isinstance(exc, cls)), f"{host}: {detail}")
        return redact(" ".join(text.split()), self.settings.api_key)

    def _give_up(self, article: Article, state: Attempts, why: str) -> NoValidBriefError:
        saved = self._save_raw(article, state)
        problems = "; ".join(state.problems[:5]) or "no answer"
        more = f" (+{len(state.problems) - 5} more)" if len(state.problems) > 5 else ""
        where = f"; last answer saved to {saved}" if saved else ""
        name = article.origin or article.sha256[:12]
        return NoValidBriefError(
            f"{name}: no valid brief after {why}: {problems}{more}{where}", raw_path=saved
        )

    def _save_raw(self, article: Article, state: Attempts) -> str | None:
        if state.last_raw is None or self.raw_dir is None:
            return None
        path = self.raw_dir / f"{article.stem}.{article.sha256[:8]}.failed.json"
        record = {
            "article_origin": article.origin, "article_sha256": article.sha256,
            "endpoint": self.host, "model": self.model, "attempts": state.count,
            "usage": state.usage.model_dump(), "problems": state.problems,
            "created_at": now_iso(), "raw_answer": state.last_raw,
        }  # fmt: skip
        try:
            write_atomic(path, json.dumps(record, indent=2, ensure_ascii=False))
        except OSError:
            return None
        return str(path)
