"""The LLM engine replayed against real recorded answers of a local llama.cpp server.

The cassettes in tests/cassettes/ were recorded from llama-cpp-python's server running
Gemma 3 270M (a tiny base model whose answers are mostly invalid) by
`python scripts/record_cassettes.py`; each file's `origin` says so, and its `meta` holds the
settings and the outcome of the recording run. Replay never touches the network. The
hand-written answers of a capable model are in tests/fixtures/llm/ (tests/test_llm.py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx2
import openai
import pytest
from cassette import CassetteMismatch, RecordingTransport, ReplayTransport
from fake_openai import FakeEndpoint, completion

from summarizer.article import Article
from summarizer.brief.grounding import all_quotes
from summarizer.brief.schema import Brief
from summarizer.config import Settings
from summarizer.engines.llm.engine import LLMEngine, endpoint_host, raw_answer
from summarizer.engines.llm.modes import ModeMemory
from summarizer.errors import NoValidBriefError, ProviderError, SummarizerError

HERE = Path(__file__).parent
CASSETTES = HERE / "cassettes"
ARTICLE_TEXT = (HERE / "fixtures" / "llm" / "article.txt").read_text(encoding="utf-8")
ARTICLE = Article(text=ARTICLE_TEXT, origin="article.txt")
BASE_URL = "http://127.0.0.1:8080/v1"  # never contacted: the replay transport answers
RECORD_KEY_PREFIX = "sk-record-SECRET"  # scripts/record_cassettes.py records with such a key
ALL = sorted(p.stem for p in CASSETTES.glob("*.json"))
Replay = Callable[[str], ReplayTransport]


@pytest.fixture
def replay(monkeypatch: pytest.MonkeyPatch) -> Iterator[Replay]:
    """Load cassettes by name; at the end, every one must have been used exactly as recorded.

    The SDK's backoff between its own retries (recorded as separate requests) is cut to zero.
    """
    monkeypatch.setattr(
        openai._base_client.BaseClient, "_calculate_retry_timeout", lambda *args, **kwargs: 0.0
    )
    loaded: list[ReplayTransport] = []

    def load(name: str) -> ReplayTransport:
        loaded.append(ReplayTransport(CASSETTES / f"{name}.json"))
        return loaded[-1]

    yield load
    for transport in loaded:
        transport.check(all_used=getattr(transport, "partial", False) is False)


def run(transport: ReplayTransport, tmp_path: Path, **changes: Any) -> Brief | SummarizerError:
    """Replay the recorded scenario through the real engine; the brief or the error raised."""
    recorded = transport.meta["settings"]
    chosen = {k: recorded[k] for k in ("mode", "max_retries", "max_tokens")} | changes
    settings = Settings(
        engine="llm", base_url=BASE_URL, model="gemma", api_key="sk-replay-key", **chosen
    )
    memory = ModeMemory(tmp_path / "modes.json")
    if recorded.get("remembered"):
        memory.remember(endpoint_host(BASE_URL), "gemma", recorded["remembered"])
    engine = LLMEngine(
        settings, client=transport.client(settings), modes=memory, raw_dir=tmp_path / "failed"
    )
    assert transport.meta["article_sha256"] == ARTICLE.sha256
    try:
        return engine.summarize(ARTICLE)
    except SummarizerError as exc:
        return exc


def answered(transport: ReplayTransport) -> list[dict[str, Any]]:
    """The recorded 200 responses (each one a model answer, i.e. one attempt)."""
    return [
        i["response"]["body"]
        for i in transport.interactions
        if i.get("response", {}).get("status") == 200
    ]


def answer_text(body: dict[str, Any]) -> str:
    """The answer text of a recorded response, as the engine reads it."""
    return raw_answer(openai.types.chat.ChatCompletion.model_validate(body))


def problems_of_first_answer(replay: Replay, name: str, tmp_path: Path) -> list[str]:
    """The engine's problems with the first recorded answer (replayed with no re-ask)."""
    first = replay(name)
    first.partial = True  # type: ignore[attr-defined]
    error = run(first, tmp_path / "first", max_retries=0)
    assert isinstance(error, NoValidBriefError) and error.raw_path
    return list(json.loads(Path(error.raw_path).read_text(encoding="utf-8"))["problems"])


# -- the recordings themselves -------------------------------------------------------------


def test_the_recordings_exist() -> None:
    assert {
        "gemma-tools",
        "gemma-json_schema",
        "gemma-json",
        "gemma-md_json",
        "gemma-auto",
        "gemma-auto-fallback",
        "gemma-retries-exhausted",
        "gemma-cutoff",
        "gemma-cutoff-tools",
    } <= set(ALL)


@pytest.mark.parametrize("name", ALL)
def test_each_cassette_is_labelled_by_origin_and_holds_no_secret(name: str) -> None:
    text = (CASSETTES / f"{name}.json").read_text(encoding="utf-8")
    cassette = json.loads(text)
    assert cassette["kind"] == "recorded"
    label = r"recorded from llama-cpp-python \S+ server .*Gemma 3 270M .* on \d{4}-\d\d-\d\d"
    assert re.match(label, cassette["origin"])
    assert RECORD_KEY_PREFIX.lower() not in text.lower()
    assert not re.search(r"\b(sk|rk|pk)-[A-Za-z0-9_\-*]{6,}", text)
    assert "bearer" not in text.lower()
    for exchange in cassette["interactions"]:
        assert exchange["request"]["path"] == "/v1/chat/completions"
        headers = exchange.get("response", {}).get("headers", {})
        assert not {"authorization", "api-key", "cookie", "set-cookie"} & set(headers)


@pytest.mark.parametrize("name", ALL)
def test_replay_gives_the_recorded_outcome_with_attempts_and_usage_summed(
    replay: Replay, name: str, tmp_path: Path
) -> None:
    transport = replay(name)
    outcome = transport.meta["outcome"]
    result = run(transport, tmp_path)
    assert type(result).__name__ == outcome["result"]
    answers = answered(transport)
    usage = {
        k: sum(a["usage"][k] for a in answers)
        for k in ("prompt_tokens", "completion_tokens", "total_tokens")
    }
    if isinstance(result, NoValidBriefError):
        assert result.raw_path and Path(result.raw_path).is_relative_to(tmp_path)
        saved = json.loads(Path(result.raw_path).read_text(encoding="utf-8"))
        assert saved["attempts"] == len(answers) == transport.meta["settings"]["max_retries"] + 1
        assert saved["usage"].pop("reasoning_tokens") == 0  # Gemma does not reason
        assert saved["usage"] == usage == outcome["raw_saved"]["usage"]
        assert saved["raw_answer"] == answer_text(answers[-1])
        assert saved["problems"] == outcome["raw_saved"]["problems"]
    elif isinstance(result, Brief):  # if Gemma ever gets one right, it must be fully grounded
        assert result.provenance.attempts == len(answers)
        assert result.provenance.usage.model_dump(exclude={"reasoning_tokens"}) == usage
        for quote in all_quotes(result):
            assert quote.match in ("exact", "fuzzy")
            assert ARTICLE_TEXT[quote.start : quote.end]
    else:
        assert isinstance(result, ProviderError) and result.exit_code == 3


# -- what the recordings show --------------------------------------------------------------


def test_a_reask_carries_the_first_answers_grounding_and_schema_errors(
    replay: Replay, tmp_path: Path
) -> None:
    problems = problems_of_first_answer(replay, "gemma-tools", tmp_path)
    # Gemma copies the prompt's example name and fills evidence with field names.
    assert any("never mentions 'Andriy Kostin'" in p for p in problems)
    assert any("quote not found in the article" in p for p in problems)
    transport = replay("gemma-tools")
    assert isinstance(run(transport, tmp_path), NoValidBriefError)
    first_answer = answer_text(answered(transport)[0])
    second = transport.requests[1]["messages"]
    assert second[: len(transport.requests[0]["messages"])] == transport.requests[0]["messages"]
    assert second[-2]["tool_calls"][0]["function"]["arguments"] == first_answer
    assert second[-1]["role"] == "tool"
    assert all(f"- {p}" in second[-1]["content"] for p in problems)


@pytest.mark.parametrize("name", ["gemma-json", "gemma-md_json"])
def test_answers_that_are_not_a_brief_are_reasked_with_the_schema_errors(
    replay: Replay, name: str, tmp_path: Path
) -> None:
    problems = problems_of_first_answer(replay, name, tmp_path)
    transport = replay(name)
    assert isinstance(run(transport, tmp_path), NoValidBriefError)
    resent = json.dumps(transport.requests[1]["messages"][len(transport.requests[0]["messages"]) :])
    assert problems and all(json.dumps(p)[1:-1] in resent for p in problems)


def test_fabricated_actors_and_quotes_never_survive(replay: Replay, tmp_path: Path) -> None:
    for name in ALL:
        transport = replay(name)
        result = run(transport, tmp_path / name)
        for answer in map(answer_text, answered(transport)):
            if "Andriy Kostin" in answer:  # invented: the team article never names him
                assert not isinstance(result, Brief)
        if isinstance(result, Brief):
            names = " ".join(ARTICLE_TEXT.split()).lower()
            assert all(actor.name.lower() in names for actor in result.actors)


def test_retries_run_out_after_three_attempts_and_the_last_raw_answer_is_saved(
    replay: Replay, tmp_path: Path
) -> None:
    transport = replay("gemma-retries-exhausted")
    error = run(transport, tmp_path)
    assert isinstance(error, NoValidBriefError) and error.exit_code == 1
    assert "no valid brief after 3 attempts" in str(error) and "\n" not in str(error)
    assert error.raw_path and str(error).endswith(f"last answer saved to {error.raw_path}")
    saved = json.loads(Path(error.raw_path).read_text(encoding="utf-8"))
    answers = answered(transport)
    assert len(transport.requests) == 3 and saved["attempts"] == 3
    assert saved["raw_answer"] == answer_text(answers[2])
    assert saved["usage"]["total_tokens"] == sum(a["usage"]["total_tokens"] for a in answers)
    assert saved["article_sha256"] == ARTICLE.sha256 and saved["model"] == "gemma"
    assert saved["problems"] and "; ".join(saved["problems"][:5]) in str(error)


def test_a_cut_off_answer_is_a_failed_attempt_reasked_for_a_shorter_one(
    replay: Replay, tmp_path: Path
) -> None:
    transport = replay("gemma-cutoff")
    error = run(transport, tmp_path)
    answers = answered(transport)
    assert transport.requests[0]["max_tokens"] == 16
    assert answers[0]["choices"][0]["finish_reason"] == "length"
    assert answers[0]["usage"]["completion_tokens"] == 16
    asked = transport.requests[1]["messages"][-1]
    assert asked["role"] == "user"
    assert "cut off at the 16-token limit" in asked["content"] and "shorter" in asked["content"]
    assert isinstance(error, NoValidBriefError) and "cut off" in str(error)
    saved = json.loads(Path(str(error.raw_path)).read_text(encoding="utf-8"))
    assert saved["attempts"] == len(answers) == 2
    assert saved["usage"]["completion_tokens"] == 32


def test_a_cut_off_tool_call_is_still_a_failed_attempt(replay: Replay, tmp_path: Path) -> None:
    # llama-cpp-python reports a tool call cut off at max_tokens as finish_reason
    # "tool_calls", not "length": the engine sees completion_tokens reach the cap instead.
    transport = replay("gemma-cutoff-tools")
    error = run(transport, tmp_path)
    first = answered(transport)[0]
    assert first["usage"]["completion_tokens"] == transport.requests[0]["max_tokens"] == 64
    assert first["choices"][0]["finish_reason"] == "tool_calls"
    with pytest.raises(ValueError):
        json.loads(answer_text(first))
    assert isinstance(error, NoValidBriefError) and len(transport.requests) == 2
    reask = json.dumps(transport.requests[1]["messages"][-1])
    assert "cut off at the 64-token limit" in reask and "much shorter" in reask


def test_explicit_json_schema_mode_is_refused_by_this_server(
    replay: Replay, tmp_path: Path
) -> None:
    transport = replay("gemma-json_schema")
    error = run(transport, tmp_path)
    # llama-cpp-python accepts response_format types 'text' and 'json_object' only: HTTP 500.
    assert isinstance(error, ProviderError) and error.exit_code == 3
    assert "answered HTTP 500" in str(error) and "json_object" in str(error)
    assert all(r["response_format"]["type"] == "json_schema" for r in transport.requests)
    # The SDK's own retries (max_retries=3 on 5xx) repeat the refused request 4 times.
    assert [i["response"]["status"] for i in transport.interactions] == [500] * 4


def test_auto_tries_tools_first_and_this_server_accepts_it(replay: Replay, tmp_path: Path) -> None:
    transport = replay("gemma-auto")
    run(transport, tmp_path)
    assert all(r.get("tool_choice", {}).get("type") == "function" for r in transport.requests)
    assert all("response_format" not in r for r in transport.requests)


def test_auto_falls_back_from_a_remembered_json_schema_after_http_500(
    replay: Replay, tmp_path: Path
) -> None:
    transport = replay("gemma-auto-fallback")
    run(transport, tmp_path)
    kinds = [
        "tools" if "tools" in r else r.get("response_format", {}).get("type")
        for r in transport.requests
    ]
    statuses = [i["response"]["status"] for i in transport.interactions]
    rejected = kinds.count("json_schema")
    assert rejected >= 1 and kinds[:rejected] == ["json_schema"] * rejected
    assert statuses[:rejected] == [500] * rejected
    assert kinds[rejected:] and set(kinds[rejected:]) == {"tools"}
    assert set(statuses[rejected:]) == {200}


# -- the cassette machinery ----------------------------------------------------------------


async def test_recording_filters_secrets_and_labels_the_origin(tmp_path: Path) -> None:
    key = "sk-record-SECRET-abcdef123456"
    echo = FakeEndpoint(completion(f"the key is {key}"))
    path = tmp_path / "c.json"
    recorder = RecordingTransport(
        httpx2.MockTransport(echo),
        path,
        origin="recorded from test",
        secrets=(key,),
        meta={"scenario": "t"},
    )
    async with httpx2.AsyncClient(transport=recorder) as client:
        reply = await client.post(
            "http://127.0.0.1:1/v1/chat/completions",
            json={"messages": [{"role": "user", "content": key}]},
            headers={"Authorization": f"Bearer {key}", "Cookie": "a=b"},
        )
    assert key in reply.text  # the caller still gets the real response
    assert echo.headers[0]["authorization"] == f"Bearer {key}"
    text = path.read_text(encoding="utf-8")
    assert key not in text and "Bearer" not in text and "a=b" not in text
    saved = json.loads(text)
    assert saved["origin"] == "recorded from test" and saved["meta"] == {"scenario": "t"}
    assert saved["interactions"][0]["response"]["headers"] == {"content-type": "application/json"}


async def test_replay_fails_loudly_on_a_different_or_an_extra_request(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    recorder = RecordingTransport(
        httpx2.MockTransport(FakeEndpoint(completion("x"))), path, origin="recorded from test"
    )
    async with httpx2.AsyncClient(transport=recorder) as client:
        await client.post("http://127.0.0.1:1/v1/chat/completions", json={})
    wrong = ReplayTransport(path)
    async with httpx2.AsyncClient(transport=wrong) as client:
        with pytest.raises(CassetteMismatch, match="recorded POST /v1/chat/completions"):
            await client.post("http://127.0.0.1:1/v1/embeddings", json={})
    with pytest.raises(CassetteMismatch):
        wrong.check()
    extra = ReplayTransport(path)
    async with httpx2.AsyncClient(transport=extra) as client:
        first = await client.post("http://127.0.0.1:1/v1/chat/completions", json={})
        assert first.json()["choices"][0]["message"]["content"] == "x"
        with pytest.raises(CassetteMismatch, match="only 1 were recorded"):
            await client.post("http://127.0.0.1:1/v1/chat/completions", json={})
    unused = ReplayTransport(path)
    with pytest.raises(CassetteMismatch, match="0 of 1"):
        unused.check()
