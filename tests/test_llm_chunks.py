"""Long articles: split at paragraphs, brief each chunk, merge, ground against the whole text."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from openai_server import OpenAILike, prompt_tokens
from synthetic import long_article
from typer.testing import CliRunner

from summarizer.brief.schema import DraftBrief
from summarizer.cli import app
from summarizer.engines.llm.chunks import plan, split
from summarizer.engines.llm.merge import merge

runner = CliRunner()
SHARED = Path(__file__).resolve().parents[2] / "shared" / "articles"


def test_split_keeps_paragraphs_whole_and_overlaps_a_little() -> None:
    text = "\n\n".join(f"Paragraph {n} " + "word " * (3 + n % 7 * 5) for n in range(60))
    spans = split(text, 800)
    assert len(spans) > 5 and spans[0][0] == 0 and spans[-1][1] >= len(text.rstrip())
    paragraphs = {p.strip() for p in text.split("\n\n")}
    overlaps = 0
    for (start, end), (nxt, _) in zip(spans, spans[1:], strict=False):
        assert end - start <= 800
        assert all(p.strip() in paragraphs for p in text[start:end].split("\n\n"))
        assert start < nxt <= end + 2  # no gap (only the blank line between paragraphs)
        overlaps += nxt < end  # the next chunk repeats this one's short last paragraph
    assert overlaps >= 2
    covered = set().union(*(range(s, e) for s, e in spans))
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())


def test_a_paragraph_longer_than_a_chunk_is_cut_at_sentences() -> None:
    text = " ".join(f"Sentence {n} says something about the port." for n in range(200))
    spans = split(text, 500)
    assert all(e - s <= 500 for s, e in spans)
    assert all(text[s:e].endswith(".") for s, e in spans)


def test_plan_whole_when_it_fits_or_no_window_is_known() -> None:
    text = "word " * 2000
    assert not plan(text, 8000, None, 3000, None).chunked
    assert not plan(text, 8000, 128_000, 3000, None).chunked
    layout = plan(text, 8000, 4096, 3000, 4.0)
    assert layout.chunked and layout.answer_tokens < 3000
    for start, end in layout.spans:  # each chunk fits with the prompt and its answer
        assert 8000 / 4 + 64 + (end - start) / 4 + layout.answer_tokens <= 4096
    with pytest.raises(ValueError, match="no room for the article"):
        plan(text, 15000, 4096, 3000, 4.0)


def draft(**parts: Any) -> DraftBrief:
    base: dict[str, Any] = {
        "bluf": "b", "actors": [],
        "event": {"summary": "e", "event_type": "OTHER", "evidence": ["e"]},
        "outcome": {"status": "unknown", "description": "o", "evidence": ["o"]},
    }  # fmt: skip
    return DraftBrief.model_validate(base | parts)


def actor(name: str, kind: str = "official", quote: str = "q") -> dict[str, Any]:
    return {"name": name, "kind": kind, "evidence": [quote]}


def test_merge_dedups_actors_by_name_and_alias_and_merges_positions() -> None:
    lead = draft(
        event={"summary": "lead event", "event_type": "REJECT", "evidence": ["lead"]},
        actors=[actor("Ana Ruiz", quote="a1"), actor("International Court of Justice", "court"),
                actor("United States", "state")],
        positions=[{"holder": "Ana Ruiz", "on": "the port expansion", "stance": "support",
                    "summary": "s", "attributed": False, "evidence": ["p1"]}],
        legal_context=[{"instrument": "Coastal Act", "kind": "statute", "evidence": ["l1"]}],
        outcome={"status": "pending", "description": "first", "evidence": ["o1"]},
    )  # fmt: skip
    later = draft(
        actors=[actor("Ruiz", quote="a2"), actor("ICJ", "court"),
                actor("United States Navy", "armed_group")],
        positions=[{"holder": "Ruiz", "on": "port expansion", "stance": "oppose",
                    "summary": "s2", "attributed": True, "evidence": ["p2"]}],
        legal_context=[{"instrument": "Coastal Act", "kind": "statute", "provision": "s. 4",
                        "evidence": ["l2"]}],
        outcome={"status": "occurred", "description": "latest", "evidence": ["o2"]},
    )  # fmt: skip
    last = draft(outcome={"status": "unknown", "description": "none", "evidence": ["o3"]},
                 actors=[actor("ICJ", "igo")])  # the same name in another kind: still one actor
    merged = merge([lead, later, last])
    names = [a.name for a in merged.actors]
    assert names == ["Ana Ruiz", "International Court of Justice", "United States",
                     "United States Navy"]  # a navy is not its state: kinds differ
    assert merged.actors[0].evidence == ["a1", "a2"]
    (position,) = merged.positions
    assert (position.holder, position.stance, position.attributed) == ("Ana Ruiz", "mixed", True)
    assert position.evidence == ["p1", "p2"]
    (legal,) = merged.legal_context
    assert legal.provision == "s. 4" and legal.evidence == ["l1", "l2"]
    assert merged.event.summary == "lead event"  # from the lead
    assert merged.outcome.description == "latest"  # the latest chunk that reports one


def _quarters(brief: dict[str, Any], length: int) -> set[int]:
    items = [brief["event"], brief["outcome"], *brief["actors"], *brief["positions"],
             *brief["legal_context"]]  # fmt: skip
    return {q["start"] * 4 // length for item in items for q in item["evidence"]}


def run(url: str, article: Path, tmp_path: Path, *more: str) -> Any:
    env = {"SUMMARIZER_CACHE_DIR": str(tmp_path / "cache")}
    return runner.invoke(app, ["summarize", str(article), "--base-url", url, "--model", "small",
                               "--no-cache", *more], env=env)  # fmt: skip


def test_six_thousand_words_in_a_4096_token_window(tmp_path: Path) -> None:
    text = long_article(6000)
    assert 5900 <= len(text.split()) <= 6200
    article = tmp_path / "long.txt"
    article.write_text(text, encoding="utf-8")
    server = OpenAILike(window=4096)
    with server as url:
        result = run(url, article, tmp_path)
        assert result.exit_code == 0, result.stderr
        again = run(url, article, tmp_path)  # the window is remembered: no 400 this time
    assert again.exit_code == 0, again.stderr
    assert server.statuses.count(400) == 1 and server.statuses[0] == 400
    for request in server.requests[1:]:
        assert prompt_tokens(request) + request["max_tokens"] <= 4096
    brief = json.loads(result.stdout)
    p = brief["provenance"]
    assert len(p["chunks"]) >= 4 and all(c["ok"] for c in p["chunks"])
    assert p["chunks"][0]["start"] == 0 and p["chunks"][-1]["end"] >= len(text.rstrip())
    assert p["attempts"] == sum(c["attempts"] for c in p["chunks"]) == len(p["chunks"])
    assert p["grounding"]["missing"] == 0
    assert _quarters(brief, len(text)) == {0, 1, 2, 3}  # evidence from all four quarters
    for item in [brief["event"], *brief["actors"], *brief["positions"]]:
        for q in item["evidence"]:  # spans index the whole article
            assert text[q["start"] : q["end"]] == q["text"].rstrip(".")
    names = [a["name"] for a in brief["actors"]]
    assert len(names) == len(set(names)) and "Tomas Lind" in names and "Pavel Novak" in names
    assert brief["event"]["evidence"][0]["start"] == 0  # the lead's event
    assert brief["outcome"]["evidence"][0]["text"].startswith("The hearing on the appeal")


def test_a_configured_window_needs_no_400(tmp_path: Path) -> None:
    article = tmp_path / "long.txt"
    article.write_text(long_article(3000), encoding="utf-8")
    server = OpenAILike(window=4096)
    with server as url:
        result = run(url, article, tmp_path, "--context-tokens", "4096")
    assert result.exit_code == 0, result.stderr
    assert 400 not in server.statuses and len(server.requests) >= 2


def test_a_window_too_small_for_the_prompt_is_one_clear_line(tmp_path: Path) -> None:
    article = tmp_path / "long.txt"
    article.write_text(long_article(3000), encoding="utf-8")
    with OpenAILike(window=2048) as url:
        result = run(url, article, tmp_path, "--context-tokens", "2048")
    assert result.exit_code == 3
    assert "no room for the article in a 2048-token context window" in result.stderr


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/articles (real articles) not present")
def test_a_real_article_splits_at_paragraphs_then_sentences() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SHARED.glob("*.txt"))]
    text = max(texts, key=len)
    spans = split(text, max(600, len(text) // 5))
    assert len(spans) >= 3
    for start, end in spans:  # each chunk starts after a line break or a sentence's end
        assert start == 0 or text[:start].rstrip()[-1] in ".!?\"'\u201d\u2019\n"
        assert text[start:end].strip() and end - start <= max(600, len(text) // 5)


def test_a_chunk_without_a_brief_is_left_out_and_recorded(tmp_path: Path) -> None:
    from synthetic import answer_json

    text = long_article(6000)
    article = tmp_path / "long.txt"
    article.write_text(text, encoding="utf-8")
    # the numbered statement nearest the middle (each number is used once)
    third = re.compile(r" \d+\.").search(text, len(text) // 2).group(0)  # type: ignore[union-attr]
    assert text.count(third) == 1

    def answer(body: dict[str, Any]) -> str:  # prose for every chunk around the middle
        return "no brief today" if third in json.dumps(body["messages"]) else answer_json(body)

    server = OpenAILike(window=4096, answer=answer)
    with server as url:
        result = run(url, article, tmp_path, "--context-tokens", "4096", "--max-retries", "0")
    assert result.exit_code == 0, result.stderr
    chunks = json.loads(result.stdout)["provenance"]["chunks"]
    assert chunks[0]["ok"] and not all(c["ok"] for c in chunks)
    assert sum(c["attempts"] for c in chunks) == len(server.requests)


def test_when_the_lead_chunk_fails_no_other_chunk_is_asked(tmp_path: Path) -> None:
    article = tmp_path / "long.txt"
    article.write_text(long_article(3000), encoding="utf-8")
    server = OpenAILike(window=4096, answer=lambda body: "no brief today")
    with server as url:
        result = run(url, article, tmp_path, "--context-tokens", "4096", "--max-retries", "0")
    assert result.exit_code == 1
    assert "no valid brief after 1 attempts" in result.stderr
    assert len(server.requests) == 1 and "Marta Keller said on Monday" in json.dumps(
        server.requests[0]["messages"])  # fmt: skip
