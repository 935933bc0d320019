"""Request parameters learned from the endpoint's own 400s, against OpenAI's documented bodies.

The server (`openai_server.OpenAILike`) answers like a reasoning model (gpt-5.x, o-series):
HTTP 400 to `max_tokens` and to a non-default temperature, with OpenAI's error bodies
verbatim, and hidden reasoning tokens inside `max_completion_tokens`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openai_server import MAX_TOKENS_ERROR, OpenAILike, context_error, temperature_error
from synthetic import long_article
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.config import DEFAULT_MAX_TOKENS as BUDGET
from summarizer.engines.llm.params import (
    EndpointParams,
    ServerError,
    family_style,
    known_window,
    learn,
    token_budget,
)

runner = CliRunner()
KEY = "sk-test-not-a-real-key-123456"


class _Exc:
    """Just what `ServerError.of` reads from an `openai.APIStatusError`."""

    def __init__(self, status: int, body: dict[str, Any]) -> None:
        self.status_code, self.body = status, body["error"]  # the SDK keeps the inner object


def test_openai_bodies_are_parsed_and_learned_by_param_and_code() -> None:
    params = EndpointParams()
    error = ServerError.of(_Exc(400, MAX_TOKENS_ERROR))
    assert (error.param, error.code) == ("max_tokens", "unsupported_parameter")
    assert learn(params, error) == "max_tokens -> max_completion_tokens"
    assert params.token_param == "max_completion_tokens" and params.reasoning
    assert learn(params, error) is None  # nothing left to change: reported, not looped
    error = ServerError.of(_Exc(400, temperature_error(0.0)))
    assert error.message.startswith("Unsupported value: 'temperature' does not support 0 ")
    assert learn(params, error) == "temperature left out" and not params.temperature
    window = ServerError.of(_Exc(400, context_error(4096, 9000, 3000)))
    assert (window.context_window, window.prompt_tokens) == (4096, 9000)
    assert learn(EndpointParams(), window) is None  # a context error is not a parameter
    assert ServerError.of(_Exc(400, MAX_TOKENS_ERROR)).context_window is None


def test_learning_reads_the_error_not_the_model_name() -> None:
    unknown = {"error": {"message": "Unsupported parameter: 'top_k'", "param": "top_k",
                         "code": "unsupported_parameter"}}  # fmt: skip
    assert learn(EndpointParams(), ServerError.of(_Exc(400, unknown))) is None
    llama = {"error": {"message": "Unrecognized request argument supplied: max_completion_tokens"}}
    params = EndpointParams(token_param="max_completion_tokens")
    assert learn(params, ServerError.of(_Exc(400, llama))) == "max_completion_tokens -> max_tokens"
    n_ctx = {"error": {"code": 400, "message": "the request exceeds the available context size",
                       "type": "exceed_context_size_error", "n_prompt_tokens": 5000,
                       "n_ctx": 4096}}  # fmt: skip
    too_large = {"error": {"message": "max_tokens is too large: 4000. This model supports at "
                           "most 2048 completion tokens, whereas you provided 4000.",
                           "type": "invalid_request_error", "param": "max_tokens",
                           "code": None}}  # fmt: skip
    capped = EndpointParams()
    assert learn(capped, ServerError.of(_Exc(400, too_large))) == "at most 2048 completion tokens"
    assert capped.token_param == "max_tokens" and not capped.reasoning  # not a reasoning model
    assert token_budget(4000, capped, None) == 2048
    llama_ctx = ServerError.of(_Exc(400, n_ctx))
    assert (llama_ctx.context_window, llama_ctx.prompt_tokens) == (4096, 5000)
    vllm = {"object": "error", "message": "This model's maximum context length is 8192 tokens. "
            "However, you requested 9000 tokens (6000 in the messages, 3000 in the completion).",
            "type": "BadRequestError", "param": None, "code": 400}  # fmt: skip
    vllm_ctx = ServerError.of(_Exc(400, {"error": vllm}))
    assert (vllm_ctx.context_window, vllm_ctx.prompt_tokens) == (8192, 6000)


@pytest.mark.parametrize(("model", "style"), [
    ("gpt-5-mini", "reasoning"), ("gpt-5.2", "reasoning"), ("o4-mini", "reasoning"),
    ("o3", "reasoning"), ("openai/gpt-5-nano", "reasoning"), ("gpt-5-chat-latest", "classic"),
    ("gpt-4o-mini", "classic"), ("gpt-4.1", "classic"), ("llama3.1", "classic"),
    ("gemma", "classic"), ("o", "classic")])  # fmt: skip
def test_family_table_for_offline_files(model: str, style: str) -> None:
    assert family_style(model) == style


def test_known_context_windows() -> None:
    assert known_window("gpt-4o-mini-2024-07-18") == 128_000
    assert known_window("gpt-4.1-nano") == 1_047_576
    assert known_window("gpt-4-0613") == 8_192
    assert known_window("gpt-5.1") == 400_000
    assert known_window("my-local-model") is None


def run(url: str, article: Path, cache: Path, *more: str) -> Any:
    env = {"SUMMARIZER_CACHE_DIR": str(cache), "OPENAI_API_KEY": KEY}
    return runner.invoke(app, ["summarize", str(article), "--base-url", url, "--model",
                               "gpt-5-mini", *more], env=env)  # fmt: skip


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "harbour.txt"
    path.write_text(long_article(900), encoding="utf-8")
    return path


def test_reasoning_model_first_run_three_requests_then_one(article: Path, tmp_path: Path) -> None:
    server = OpenAILike(reasoning=True)
    with server as url:
        first = run(url, article, tmp_path / "cache", "--no-cache")
        assert first.exit_code == 0, first.stderr
        assert server.statuses == [400, 400, 200]  # max_tokens, temperature, then the brief
        second = run(url, article, tmp_path / "cache", "--no-cache")
    assert second.exit_code == 0, second.stderr
    assert server.statuses == [400, 400, 200, 200]  # the next run: one request
    for result in (first, second):
        p = json.loads(result.stdout)["provenance"]
        assert p["attempts"] == 1 and p["mode"] == "tools"  # a parameter error is not a mode
        assert p["grounding"]["missing"] == 0 and p["grounding"]["quotes"] > 10
        assert p["usage"]["reasoning_tokens"] == 900  # low effort on the emulated model
        assert p["token_budget"] == BUDGET + 3000 and p["reasoning_effort"] == "low"
    sent = server.requests[-1]
    assert "max_tokens" not in sent and "temperature" not in sent
    assert (sent["max_completion_tokens"], sent["reasoning_effort"]) == (BUDGET + 3000, "low")
    memory = json.loads((tmp_path / "cache" / "modes.json").read_text(encoding="utf-8"))
    record = memory[f"{url.split('/')[2]}|gpt-5-mini"]
    learned = {"token_param": "max_completion_tokens", "temperature": False, "reasoning": True}
    assert record == {"mode": "tools", "params": learned}


def test_the_reasoning_effort_flag_is_sent_and_sizes_the_budget(
    article: Path, tmp_path: Path
) -> None:
    server = OpenAILike(reasoning=True)
    with server as url:
        result = run(url, article, tmp_path / "cache", "--reasoning-effort", "medium",
                     "--param-style", "reasoning", "--max-tokens", "2500")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert server.statuses == [200]  # the style said it all: nothing to learn
    assert server.requests[0]["reasoning_effort"] == "medium"
    assert server.requests[0]["max_completion_tokens"] == 2500 + 8000
    assert json.loads(result.stdout)["provenance"]["usage"]["reasoning_tokens"] == 2500


def test_reasoning_that_eats_the_cap_gets_more_room_next_attempt(
    article: Path, tmp_path: Path
) -> None:
    server = OpenAILike(reasoning=True, reasoning_tokens={"low": 5000})
    with server as url:
        result = run(url, article, tmp_path / "cache", "--param-style", "reasoning",
                     "--max-tokens", "1000")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    first, second = server.requests
    assert first["max_completion_tokens"] == 1000 + 3000  # answer + low-effort headroom
    assert "cut off at the 4000-token limit (4000 tokens went to hidden reasoning)" in (
        second["messages"][-1]["content"]
    )
    assert second["max_completion_tokens"] == 4000 + 4000
    p = json.loads(result.stdout)["provenance"]
    assert p["attempts"] == 2 and p["usage"]["reasoning_tokens"] == 4000 + 5000
    assert p["token_budget"] == 8000


def test_a_server_error_that_is_not_about_the_mode_is_quoted(article: Path, tmp_path: Path) -> None:
    body = {"error": {"message": f"Invalid value for 'seed' (key {KEY}).", "param": "seed",
                      "type": "invalid_request_error", "code": "invalid_value"}}  # fmt: skip
    server = OpenAILike(answer=lambda b: "{}")
    server._respond = lambda b: (400, body)  # type: ignore[method-assign]
    with server as url:
        result = run(url, article, tmp_path / "cache", "--mode", "tools")
    assert result.exit_code == 3
    line = result.stderr.strip().splitlines()[-1]
    assert "answered HTTP 400: Invalid value for 'seed'" in line and KEY not in line
    assert len(server.requests) == 1


def test_auto_lists_each_rejected_mode_with_the_servers_words(
    article: Path, tmp_path: Path
) -> None:
    body = {"error": {"message": "response format not supported", "type": "server_error"}}
    server = OpenAILike()
    server._respond = lambda b: (500, body)  # type: ignore[method-assign]
    with server as url:
        result = run(url, article, tmp_path / "cache", "--max-retries", "0")
    assert result.exit_code == 3
    assert "tools (HTTP 500: response format not supported)" in result.stderr
    assert len(server.requests) == 4  # one probe per mode, no SDK retries


def test_a_parameter_error_is_never_a_rejected_mode(article: Path, tmp_path: Path) -> None:
    """A server that keeps refusing temperature after it was left out: a provider error
    quoting it, after one probe, not a fall through every mode."""
    server = OpenAILike()
    server._respond = lambda b: (400, temperature_error(1))  # type: ignore[method-assign]
    with server as url:
        result = run(url, article, tmp_path / "cache")
    assert result.exit_code == 3
    assert "rejected every output mode" not in result.stderr
    assert "Unsupported value: 'temperature' does not support 1" in result.stderr
    assert len(server.requests) == 2  # sent with, then without temperature
    assert "temperature" not in server.requests[1]


def test_reasoning_tokens_in_usage_mark_a_reasoning_model(tmp_path: Path) -> None:
    """A server that takes max_tokens but reports hidden reasoning: from then on the engine
    sends low effort and gives reasoning headroom (learned from usage, not the name)."""
    from fake_openai import FakeEndpoint, fixture

    from summarizer.article import Article
    from summarizer.config import Settings
    from summarizer.engines.llm.engine import LLMEngine
    from summarizer.engines.llm.modes import ModeMemory

    answer = fixture("capable-tools")
    answer["usage"]["completion_tokens_details"] = {"reasoning_tokens": 400}
    ep = FakeEndpoint(answer, fixture("capable-tools"))
    text = (Path(__file__).parent / "fixtures" / "llm" / "article.txt").read_text("utf-8")
    settings = Settings(base_url="http://fake.local/v1", model="m", mode="tools")
    memory = ModeMemory(tmp_path / "modes.json")
    for _ in range(2):
        brief = LLMEngine(settings, client=ep.client(), modes=memory).summarize(Article(text=text))
    first, second = ep.requests
    assert "reasoning_effort" not in first and first["max_tokens"] == BUDGET
    assert second["reasoning_effort"] == "low" and second["max_tokens"] == BUDGET + 3000
    assert brief.provenance.token_budget == BUDGET + 3000
    stored = json.loads((tmp_path / "modes.json").read_text(encoding="utf-8"))
    assert stored["fake.local|m"]["params"] == {"reasoning": True}


@pytest.mark.parametrize("quotes", [1, 2])
def test_the_default_budget_holds_a_complete_brief(quotes: int) -> None:
    """A brief at the prompt's limits (8 actors, 6 positions, 4 legal items) with 25-word
    quotes, pretty-printed, at a dense 3.5 characters a token, fits the default budget."""
    from summarizer.brief.schema import DraftBrief

    quote = " ".join(["The Supreme Court of Almera ruled on Monday that the licence granted",
                      "to the Veldt Harbour Authority in 2019 was unlawful and must be",
                      "reviewed"]).split()[:25]  # fmt: skip
    ev = [" ".join(quote)] * quotes
    actor = {"name": "Veldt Harbour Authority Board", "kind": "business", "country": "Almera",
             "role": "Applicant whose expansion licence was annulled by the court", "evidence": ev}
    position = {"holder": actor["name"], "on": "the annulment of the harbour expansion licence",
                "stance": "oppose", "attributed": True, "evidence": ev,
                "summary": "The authority rejects the ruling and will appeal within thirty days."}
    legal = {"instrument": "Coastal Protection Act", "kind": "statute", "provision": "s. 14(2)",
             "body": "Supreme Court of Almera", "evidence": ev,
             "obligation": "An environmental review before any licence for coastal works"}
    brief = DraftBrief.model_validate({
        "bluf": "The Supreme Court of Almera annulled the harbour expansion licence on Monday, "
                "sending the permit back to the ministry; the authority will appeal.",
        "event": {"summary": "The court annulled the licence for the Veldt harbour expansion "
                  "and ordered a new environmental review.", "event_type": "REJECT",
                  "date": "2025-03-10", "date_precision": "day", "location": "Veldt",
                  "evidence": ev},
        "actors": [actor] * 8, "positions": [position] * 6, "legal_context": [legal] * 4,
        "outcome": {"status": "occurred", "evidence": ev,
                    "description": "The licence is annulled and works must stop until a review.",
                    "next_steps": "The authority plans to appeal within thirty days."},
        "open_questions": ["Will the full bench hear the appeal before the dredging season?",
                           "Who pays for the new environmental review?",
                           "What happens to the contracts already signed?"],
    })  # fmt: skip
    tokens = len(json.dumps(brief.model_dump(), indent=2)) / 3.5
    assert 1500 < tokens <= BUDGET  # the old 1,500 cap cut every such brief


@pytest.mark.parametrize(("flag", "value", "words"), [
    ("--reasoning-effort", "huge", "--reasoning-effort must be one of auto, off, none"),
    ("--param-style", "odd", "--param-style must be one of auto, classic, reasoning"),
    ("--context-tokens", "100", "--context-tokens must be 0 (learn it) or at least 512"),
])  # fmt: skip
def test_bad_new_settings_are_one_line_usage_errors(
    flag: str, value: str, words: str, article: Path
) -> None:
    result = runner.invoke(app, ["summarize", str(article), "--base-url", "http://127.0.0.1:9/v1",
                                 flag, value])  # fmt: skip
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"summarizer: error: {words}")
