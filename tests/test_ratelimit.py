"""The request limiter and meter, on a fake clock (no real waiting)."""

from __future__ import annotations

import asyncio
import json

from summarizer.batch.ratelimit import Limiter, Meter, estimate_tokens, retry_after
from summarizer.brief.schema import Usage


class FakeTime:
    def __init__(self) -> None:
        self.now = 0.0

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds


def starts(limiter: Limiter, clock: FakeTime, *tokens: int) -> list[float]:
    async def go() -> list[float]:
        out = []
        for n in tokens:
            await limiter.acquire(n)
            out.append(round(clock.now, 6))
        return out

    return asyncio.run(go())


def test_rpm_spaces_request_starts_evenly() -> None:
    t = FakeTime()
    assert starts(Limiter(rpm=60, clock=t.clock, sleep=t.sleep), t, 0, 0, 0) == [0, 1, 2]


def test_tpm_bucket_refills_per_minute() -> None:
    t = FakeTime()
    limiter = Limiter(tpm=600, clock=t.clock, sleep=t.sleep)  # 10 tokens a second
    assert starts(limiter, t, 300, 300, 300) == [0, 0, 30]
    assert starts(limiter, t, 5000) == [90]  # larger than the cap: waits for a full bucket


def test_a_429_pause_holds_everyone_back() -> None:
    t = FakeTime()
    limiter = Limiter(clock=t.clock, sleep=t.sleep)
    limiter.pause(5)
    assert starts(limiter, t, 0, 0) == [5, 5]
    limiter.pause(10_000)  # capped
    assert starts(limiter, t, 0) == [125]


def test_no_caps_never_wait() -> None:
    t = FakeTime()
    assert starts(Limiter(clock=t.clock, sleep=t.sleep), t, *[10**6] * 5) == [0] * 5


def test_header_and_token_estimates() -> None:
    assert retry_after({"retry-after-ms": "250", "retry-after": "9"}) == 0.25
    assert retry_after({"retry-after": "3"}) == 3.0
    assert retry_after({"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"}) is None
    body = json.dumps({"messages": [{"content": "x" * 400}], "max_tokens": 100}).encode()
    assert estimate_tokens(body) == len(body) // 4 + 100
    assert estimate_tokens(b"not json") == 2


def test_meter_sums_usage_and_cost_for_priced_models_only() -> None:
    priced, unpriced = Meter(model="gpt-4o"), Meter(model="local")
    for meter in (priced, unpriced):
        meter.record(Usage(prompt_tokens=1_000_000, completion_tokens=0, total_tokens=10**6))
        meter.record(Usage(prompt_tokens=0, completion_tokens=100_000, total_tokens=100_000))
    assert priced.usage.total_tokens == 1_100_000 and priced.cost_usd == 3.5
    assert unpriced.cost_usd is None


class FakeResponse:
    """Just what `Meter.on_response` reads of an httpx2 response."""

    def __init__(self, body: object) -> None:
        self.status_code = 200
        self.content = json.dumps(body).encode()
        self.request = type("R", (), {"url": type("U", (), {"path": "/v1/chat/completions"})})

    async def aread(self) -> bytes:
        return self.content


def test_meter_tolerates_odd_usage_in_answers() -> None:
    meter = Meter(model="local")
    bodies = [
        {"usage": {"prompt_tokens": 10, "completion_tokens": None, "total_tokens": None}},
        {"usage": {"prompt_tokens": "many"}},
        {"usage": None},
        [1, 2],
        {"usage": {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3}},
    ]
    for body in bodies:
        asyncio.run(meter.on_response(FakeResponse(body)))
    assert (meter.usage.prompt_tokens, meter.usage.total_tokens) == (11, 13)
