"""Pacing and metering of LLM requests for batch runs.

The openai SDK already retries 429 (honouring `Retry-After` / `retry-after-ms` up to 120 s),
408/409/5xx, timeouts and connection errors with jittered exponential backoff
(`max_retries=3` in `llm.make_client`). What it lacks for a batch, and this module adds:

- an optional requests-per-minute and tokens-per-minute cap shared by every worker
  (`Limiter`); tokens are estimated before sending (prompt bytes / 4 + `max_tokens`), which
  is how OpenAI itself counts requests against a TPM limit;
- a shared cool-down: when the server answers 429 with a delay, *every* worker waits, not
  only the one that was refused;
- counters for the progress bar and the run summary (`Meter`): requests, SDK retries,
  429s, tokens and estimated cost, summed over every request including retries and re-asks.

Both hook into the client through httpx2 event hooks, so the SDK's own retries pass through
them as well.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Awaitable, Callable
from typing import Any

from summarizer.brief.schema import Usage

DEFAULT_COOLDOWN = 1.0  # seconds to pause everyone after a 429 that names no delay
MAX_COOLDOWN = 120.0


class Limiter:
    """Requests/tokens-per-minute caps and a shared pause; `acquire` before each request.

    Args:
        rpm: At most this many request starts per minute (evenly spaced); 0 = no cap.
        tpm: Token bucket of this size refilled per minute; 0 = no cap.
        clock: Monotonic clock (injected by tests).
        sleep: Async sleep (injected by tests).
    """

    def __init__(
        self,
        rpm: int = 0,
        tpm: int = 0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
    ) -> None:
        self.rpm, self.tpm = rpm, tpm
        self.clock, self.sleep = clock, sleep
        self._next_start = 0.0
        self._bucket = float(tpm)
        self._stamp = clock()
        self._pause_until = 0.0
        self._lock: asyncio.Lock | None = None

    def pause(self, seconds: float) -> None:
        """Hold every request back for `seconds` from now (a 429's Retry-After)."""
        seconds = min(max(seconds, 0.0), MAX_COOLDOWN)
        self._pause_until = max(self._pause_until, self.clock() + seconds)

    def _refill(self, now: float) -> None:
        if self.tpm:
            self._bucket = min(self.tpm, self._bucket + (now - self._stamp) * self.tpm / 60)
        self._stamp = now

    def _wait(self, now: float, tokens: int) -> float:
        wait = max(self._pause_until - now, 0.0)
        if self.rpm:
            wait = max(wait, self._next_start - now)
        if self.tpm:
            need = min(tokens, self.tpm)  # a request larger than the cap waits for a full bucket
            wait = max(wait, (need - self._bucket) * 60 / self.tpm)
        return wait

    async def acquire(self, tokens: int = 0) -> None:
        """Wait (first come, first served) until a request of `tokens` may start."""
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            while True:
                now = self.clock()
                self._refill(now)
                wait = self._wait(now, tokens)
                if wait <= 1e-9:
                    break
                await self.sleep(wait)
            if self.rpm:
                self._next_start = max(now, self._next_start) + 60 / self.rpm
            if self.tpm:
                self._bucket -= tokens


def retry_after(headers: Any) -> float | None:
    """Seconds a 429 asks to wait (`retry-after-ms`, then `retry-after` in seconds)."""
    for name, scale in (("retry-after-ms", 1000.0), ("retry-after", 1.0)):
        value = headers.get(name)
        if value is None:
            continue
        try:
            return float(value) / scale
        except ValueError:
            continue
    return None


def estimate_tokens(body: bytes) -> int:
    """Tokens a chat request may use: prompt bytes / 4 plus its completion cap."""
    try:
        data = json.loads(body or b"{}")
    except ValueError:
        data = None
    if not isinstance(data, dict):
        data = {}
    cap = data.get("max_completion_tokens") or data.get("max_tokens") or 0
    return len(body) // 4 + int(cap)


class Meter:
    """Counts what a run's requests cost, and applies the limiter to each of them.

    Attach it to a client with `event_hooks()`; the counters are read by the progress bar.
    """

    def __init__(
        self, limiter: Limiter | None = None, model: str = "", prices_file: str | None = None
    ) -> None:
        self.limiter = limiter or Limiter()
        self.model = model
        self.prices_file = prices_file
        self.requests = 0
        self.retries = 0  # requests the SDK sent again after a 429/5xx/timeout
        self.rate_limited = 0
        self.usage = Usage()
        self.cost_usd: float | None = None

    async def on_request(self, request: Any) -> None:
        """httpx2 request hook: count, then wait for the limiter."""
        if not request.url.path.endswith("/chat/completions"):
            return
        self.requests += 1
        if request.headers.get("x-stainless-retry-count", "0") not in ("", "0"):
            self.retries += 1
        await self.limiter.acquire(estimate_tokens(request.content))

    async def on_response(self, response: Any) -> None:
        """httpx2 response hook: a 429 pauses everyone; a success adds its usage."""
        if not response.request.url.path.endswith("/chat/completions"):
            return
        if response.status_code == 429:
            self.rate_limited += 1
            delay = retry_after(response.headers)
            self.limiter.pause(DEFAULT_COOLDOWN if delay is None else delay)
            return
        if response.status_code == 200:
            await response.aread()
            try:
                usage = json.loads(response.content).get("usage")
                # Some servers send null counts; an odd usage must never fail the request.
                counts = {k: v for k, v in usage.items() if v is not None}
                self.record(Usage.model_validate(counts))
            except (ValueError, AttributeError):  # not JSON, no usage, or unusable counts
                return

    def record(self, usage: Usage) -> None:
        """Add one answer's token usage (and its cost, when the model's price is known)."""
        from summarizer.engines.llm.pricing import cost_usd

        self.usage.add(usage)
        cost = cost_usd(self.model, usage, self.prices_file)
        if cost is not None:
            self.cost_usd = round((self.cost_usd or 0.0) + cost, 8)

    def event_hooks(self) -> dict[str, list[Any]]:
        """httpx2 event hooks that pace and count a client's requests."""
        return {"request": [self.on_request], "response": [self.on_response]}
