"""The LLM engine: one `Article -> Brief` call over any OpenAI-compatible endpoint.

instructor prepares each request for the output mode and parses/validates the answer
(schema plus grounding against the article); this module owns the attempt loop so that
usage is summed over every attempt, cut-off answers are re-asked for a shorter one, a
rejected mode falls back to the next, and the last raw answer is kept when retries run out.
Request parameters the endpoint refuses are learned and fixed on the spot
(`summarizer.engines.llm.calls`); an article longer than the context window is briefed in
chunks and merged (`chunks`, `merge`), then grounded against the whole article.
"""

from __future__ import annotations

import asyncio
import json
import time
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from summarizer.article import Article
from summarizer.brief.assemble import assemble
from summarizer.brief.grounding import ArticleIndex
from summarizer.brief.schema import Brief, Chunk, DraftBrief, Provenance, Template, Usage
from summarizer.clock import now_iso
from summarizer.config import Settings
from summarizer.engines.llm import calls
from summarizer.engines.llm.calls import Attempts, ContextExceeded, ModeRejected
from summarizer.engines.llm.chunked import in_chunks
from summarizer.engines.llm.chunks import Plan, plan
from summarizer.engines.llm.modes import AUTO_ORDER, ModeMemory, instructor_mode
from summarizer.engines.llm.params import EndpointParams, known_window, style_params
from summarizer.engines.llm.pricing import cost_usd
from summarizer.engines.llm.prompts import PromptSet, load_prompts
from summarizer.engines.llm.reask import Problems, problem_lines, raw_answer, with_user_message
from summarizer.engines.llm.runner import run_sync
from summarizer.errors import NoValidBriefError, ProviderError
from summarizer.files import write_atomic

__all__ = ["LLMEngine", "endpoint_host", "make_client", "problem_lines", "raw_answer"]
_REPLANS = 4  # context errors that re-plan an article before it is a provider error


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
    """Summarize with an LLM; every answer is validated and grounded before it is believed.

    `client` (an `openai.AsyncOpenAI`) is used as given; without one, the engine builds one
    client per event loop (`client_factory`, by default `make_client(settings)`), because a
    client's pooled connections belong to the loop that opened them. The synchronous
    `summarize` runs on one background loop for the whole process, so repeated calls reuse
    one client and its connections: one request per brief, no stall.
    """

    name = "llm"

    def __init__(
        self,
        settings: Settings,
        client: Any = None,
        prompts: PromptSet | None = None,
        modes: ModeMemory | None = None,
        raw_dir: Path | None = None,
        client_factory: Callable[[], Any] | None = None,
    ) -> None:
        self.settings = settings
        self._client = client
        self._factory = client_factory or (lambda: make_client(settings))
        self._clients: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()
        self.prompts = prompts or load_prompts(settings.prompt_dir)
        self.modes = modes or ModeMemory(None)
        self.raw_dir = raw_dir
        self.host = endpoint_host(settings.base_url)
        self._prepared: dict[tuple[str, str], tuple[dict[str, Any], tuple[int, str] | None]] = {}
        self.model = settings.effective_model
        self._styled = False

    @property
    def client(self) -> Any:
        """The client for the running event loop (the given one, or one built per loop)."""
        if self._client is not None:
            return self._client
        try:
            loop: Any = asyncio.get_running_loop()
        except RuntimeError:
            loop = self  # outside any loop: one client, kept with the engine
        client = self._clients.get(loop)
        if client is None:
            client = self._clients[loop] = self._factory()
        return client

    @property
    def params(self) -> EndpointParams:
        """What this endpoint + model accepts (learned; a `--param-style` seeds it)."""
        params = self.modes.params(self.host, self.model)
        forced = style_params(self.settings.param_style)
        if forced is not None and not self._styled:
            self._styled = True
            if not self.modes.known_params(self.host, self.model):
                for key in ("token_param", "temperature", "reasoning"):
                    setattr(params, key, getattr(forced, key))
        return params

    def summarize(self, article: Article) -> Brief:
        """Synchronous `Article -> Brief` (on the process's one background event loop)."""
        return run_sync(self.asummarize(article))

    async def asummarize(self, article: Article) -> Brief:
        """Ask, validate, ground, re-ask with the errors; raise when no valid brief comes."""
        started = time.monotonic()
        state = Attempts()
        index = ArticleIndex(article.text)
        chunks: list[Chunk] = []
        for _ in range(_REPLANS + 1):
            layout = self.plan(article)
            try:
                if layout.chunked:
                    draft, mode, chunks = await in_chunks(self, article, layout, state)
                else:
                    draft, mode = await self.deadline(article, index, state,
                                                       layout.answer_tokens)  # fmt: skip
                break
            except ContextExceeded as exc:
                calls.learn_window(self, exc)
        else:
            raise ProviderError(f"{self.host} kept refusing the article as too long for its "
                                f"context window")  # fmt: skip
        latency = time.monotonic() - started
        brief = self.brief(draft, article, index, mode, state.count, state.usage, latency)
        brief.provenance.token_budget, brief.provenance.chunks = state.cap, chunks
        brief.provenance.reasoning_effort = state.effort
        return brief

    def window(self) -> int | None:
        """The context window: the setting, else what the endpoint said, else the table."""
        if self.settings.context_tokens:
            return self.settings.context_tokens
        return self.params.context_tokens or known_window(self.model)

    def plan(self, article: Article) -> Plan:
        """Whole, or in chunks when prompt + article + answer exceed the context window."""
        params, window = self.params, self.window()
        answer = min(self.settings.max_tokens, params.max_output or self.settings.max_tokens)
        if not window:
            return Plan([(0, len(article.text))], answer)
        mode = self.modes.candidates(self.host, self.model, self.settings.mode)[0]
        empty = article.model_copy(update={"text": ""})
        request = self.first_request(empty, mode)
        overhead = calls.request_chars(request)
        effort = calls.effort(self)
        reserve = calls.token_budget(answer, params, effort) - answer
        try:
            return plan(article.text, overhead, window, answer, params.chars_per_token, reserve)
        except ValueError as exc:
            raise ProviderError(f"{self.host}: {exc}; set a larger --context-tokens or a "
                                f"smaller --max-tokens") from None  # fmt: skip

    async def deadline(
        self, article: Article, index: ArticleIndex, state: Attempts, answer: int,
        limits: dict[str, int] | None = None,
    ) -> tuple[DraftBrief, str]:  # fmt: skip
        try:
            async with asyncio.timeout(self.settings.deadline):
                return await self._modes(article, index, state, answer, limits)
        except TimeoutError:
            raise self._give_up(
                article, state, f"deadline of {self.settings.deadline:g}s"
            ) from None

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
        self, article: Article, index: ArticleIndex, state: Attempts, answer: int,
        limits: dict[str, int] | None = None,
    ) -> tuple[DraftBrief, str]:  # fmt: skip
        rejected: list[str] = []
        for mode in self.modes.candidates(self.host, self.model, self.settings.mode):
            try:
                draft = await self._attempts(mode, article, index, state, answer, limits)
            except ModeRejected as exc:
                rejected.append(f"{mode} ({exc})")
                continue
            return draft, mode
        tried = "; ".join(rejected)
        raise ProviderError(f"{self.host} rejected every output mode: {tried}")

    async def _attempts(
        self, mode: str, article: Article, index: ArticleIndex, state: Attempts, answer: int,
        limits: dict[str, int] | None,
    ) -> DraftBrief:  # fmt: skip
        from instructor.processing.response import handle_reask_kwargs

        imode: Any = instructor_mode(mode)
        first = self.first_request(article, mode, limits)
        kwargs = first
        for attempt in range(self.settings.max_retries + 1):
            completion = await calls.send(self, kwargs, answer, attempt == 0, state)
            if attempt == 0 and mode in AUTO_ORDER:
                self.modes.remember(self.host, self.model, mode)  # the endpoint accepts it
            if completion is None or self.cut_off(completion, state.cap):
                why = (
                    f"no answer came within {self.settings.timeout:g}s"
                    if completion is None
                    else f"the answer was cut off at the {state.cap}-token limit"
                )
                if completion is not None and (spent := state.reasoned(completion, state.cap)):
                    why += f" ({spent} tokens went to hidden reasoning)"
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

    def cut_off(self, completion: Any, cap: int | None = None) -> bool:
        """An answer stopped by the token cap (some servers report a cut tool call as done)."""
        used = getattr(getattr(completion, "usage", None), "completion_tokens", None) or 0
        limit = cap or self.settings.max_tokens
        return bool(completion.choices[0].finish_reason == "length" or used >= limit)

    def first_request(
        self, article: Article, mode: str, limits: dict[str, int] | None = None
    ) -> dict[str, Any]:
        """The chat-completions arguments of the first request for an article in a mode.

        instructor prepares them (tools, response_format or schema in the system message);
        that preparation is done once per mode and system prompt, and reused with each
        article's user message whenever it is carried through unchanged. The token cap,
        temperature and reasoning effort are set per request (`calls.send`).
        """
        from instructor.processing.response import handle_response_model

        messages = self.prompts.render(article, **(limits or {}))
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
