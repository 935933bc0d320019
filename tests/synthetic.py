"""A synthetic long news article, and a stand-in "capable model" that briefs any part of it.

`long_article(words)` writes a team-made article of about that many words in paragraphs:
each quarter of it brings its own actors, statements and legal instruments, so a brief that
only read the lead (or lost the middle when merging) cannot cite all four quarters.

`brief_of(text, limits)` is what a capable model answers for a text that is (a part of) such
an article: every name, quote and instrument is copied from that text, so the answer is
grounded in it, and it keeps to the limits the prompt asks for.
"""

from __future__ import annotations

import json
import random
import re
from typing import Any

# Actors by quarter: (name, kind, country); the first two appear throughout.
LEADS = [("Marta Keller", "official", "Norway"), ("Veldt Harbour Authority", "business", None)]
QUARTERS = [
    [("Jonas Aberg", "official", "Sweden"), ("Coastal Fishers Union", "civil_society", None),
     ("Ilse Brandt", "person", None)],
    [("Pavel Novak", "official", "Czechia"), ("Northern Shipping Group", "business", None),
     ("Lena Torvik", "person", None)],
    [("Supreme Court of Almera", "court", None), ("Rosa Imhof", "official", None),
     ("Greenwatch Alliance", "ngo", None)],
    [("Tomas Lind", "official", "Finland"), ("Baltic Ports Council", "igo", None),
     ("Ada Moreau", "person", "France")],
]  # fmt: skip
INSTRUMENTS = ["Coastal Protection Act", "Harbour Licensing Regulation", "Fisheries Access Treaty",
               "Port Safety Directive"]  # fmt: skip
TOPICS = [
    "the harbour expansion", "the dredging permit", "the licence fees", "the night shifts",
    "the fishing quotas", "the berth allocation", "the tanker limits", "the wetland buffer",
]  # fmt: skip
FILLER = [
    "Officials in the port town described a long winter of meetings and hearings.",
    "Dock workers gathered near the old grain silos on the morning of the vote.",
    "Local radio carried the debate live for most of the afternoon session.",
    "Shipping volumes through the channel rose by a fifth over the past two years.",
    "The municipal archive holds plans for the harbour dating back a century.",
    "Residents of the fishing villages along the coast followed the talks closely.",
    "Several trawler crews delayed their departures to attend the public session.",
    "A ferry line to the islands has run from the same quay since the war.",
]  # fmt: skip


def all_actors() -> list[tuple[str, str, str | None]]:
    """Every actor the article can name."""
    return LEADS + [a for q in QUARTERS for a in q]


def long_article(words: int = 6000, seed: int = 11) -> str:
    """About `words` words of news in paragraphs; quarter q names the actors of QUARTERS[q]."""
    rng = random.Random(seed)
    paragraphs = [
        "Marta Keller said on Monday that the Veldt Harbour Authority would suspend the "
        "harbour expansion after the Supreme Court of Almera ruled against the permit."
    ]
    count, n = len(paragraphs[0].split()), 0
    while count < words:
        quarter = min(3, count * 4 // words)
        people = QUARTERS[quarter] + LEADS[: 1 if n % 3 else 2]
        sentences = []
        for _ in range(rng.randint(3, 5)):
            name = rng.choice(people)[0]
            topic, instrument = rng.choice(TOPICS), INSTRUMENTS[quarter]
            stance = rng.choice(["supports", "opposes"])
            sentences.append(rng.choice([
                f"{name} said the group {stance} {topic} in statement number {n}.",
                f"{name} cited the {instrument} in remarks on {topic}, record {n}.",
                f"Under the {instrument}, {name} argued that {topic} needs review, note {n}.",
                rng.choice(FILLER)[:-1] + f", report {n}.",
            ]))  # fmt: skip
            n += 1
        paragraphs.append(" ".join(sentences))
        count += len(paragraphs[-1].split())
    paragraphs.append(
        "The hearing on the appeal is set for next month, Tomas Lind said in a final statement."
    )
    return "\n\n".join(paragraphs) + "\n"


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=\.)\s+", text) if s.strip()]


def _limit(system: str, what: str, default: int) -> int:
    found = re.search(rf"at most (\d+) {what}", system)
    return int(found.group(1)) if found else default


def brief_of(text: str, system: str = "") -> dict[str, Any]:
    """A grounded DraftBrief (as a dict) of `text`, within the limits `system` asks for."""
    sentences = _sentences(text)
    max_actors = _limit(system, "actors", 8)
    max_positions = _limit(system, "positions", 6)
    max_legal = _limit(system, "legal items", 4)
    actors, positions, legal = [], [], []
    found = sorted((text.find(name), name, kind, country)
                   for name, kind, country in all_actors() if name in text)  # fmt: skip
    for _, name, kind, country in found[:max_actors]:
        quote = next(s for s in sentences if name in s)
        actors.append({"name": name, "kind": kind, "country": country, "role": "named",
                       "evidence": [quote]})  # fmt: skip
        said = next((s for s in sentences if s.startswith(f"{name} said")), None)
        if said and len(positions) < max_positions:
            topic = next((t for t in TOPICS if t in said), "the harbour")
            stance = "support" if " supports " in said else "oppose"
            positions.append({
                "holder": name, "on": topic, "stance": stance, "attributed": True,
                "summary": f"{name} {stance}s {topic}.", "evidence": [said],
            })  # fmt: skip
    for instrument in INSTRUMENTS:
        quote = next((s for s in sentences if instrument in s), None)
        if quote and len(legal) < max_legal:
            legal.append({"instrument": instrument, "kind": "statute", "evidence": [quote]})
    return {
        "bluf": sentences[0],
        "event": {"summary": sentences[0], "event_type": "REJECT", "evidence": [sentences[0]]},
        "actors": actors,
        "positions": positions,
        "legal_context": legal,
        "outcome": {"status": "pending", "description": sentences[-1],
                    "evidence": [sentences[-1]]},  # fmt: skip
        "open_questions": ["When will the appeal be heard?"],
    }


def article_of(body: dict[str, Any]) -> tuple[str, str]:
    """(article text, system prompt) of a chat-completions request the engine sent."""
    messages = body.get("messages", [])
    system = next((m["content"] for m in messages if m.get("role") == "system"), "")
    user = next(m["content"] for m in messages if m.get("role") == "user")
    text = user.split("<article>\n", 1)[1].rsplit("\n</article>", 1)[0]
    return text, system


def answer_json(body: dict[str, Any]) -> str:
    """The brief's JSON for the article in a request."""
    return json.dumps(brief_of(*article_of(body)))
