"""The English heads of described instruments and when each counts as one.

"The treaty" always names an instrument; "the order" only with a modifier such as "court" or
"restraining" (`STRICT`), or standalone in an article about a court (`CONTEXT`).
"""

from __future__ import annotations

import re

from summarizer.engines.extractive.lexicon import one

_EN = one("en", "instruments")
# English heads and their kind (lang/en/instruments.json).
EN_HEADS: dict[str, str] = _EN["heads"]
# Heads with everyday senses: only these modifiers make them instruments.
STRICT: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in _EN["strict"].items()}
STRICT.update({alias: STRICT[head] for alias, head in _EN["strict_aliases"].items()})
# Heads that a topic complement makes an instrument: "the code of conduct", "tariffs on steel".
BY_COMPLEMENT = frozenset(_EN["by_complement"])
# Modifiers that give a head its everyday sense: "the international order", "world order".
OTHER_SENSE: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in _EN["other_sense"].items()}
# Heads a party makes an instrument: "a settlement with the attorney general", "a deal with X".
PARTY = frozenset(_EN["party_heads"])
# Classes of strict modifiers: "FDA clearance", "a $5 million grant", "the 2010 X act".
_CLASSES = {
    "<ACRONYM>": re.compile(r"[A-Z]{2,6}"),
    "<MONEY>": re.compile(r"[$€£]\d[\d.,]*|million|billion|trillion"),
    "<NAME>": re.compile(r"[A-Z][\w.’'-]*"),
    "<YEAR>": re.compile(r"(?:19|20)\d\d"),
}


def strict_modifier(word: str, head: str) -> bool:
    """Whether a modifier makes an everyday head an instrument ("court order", "FDA approval")."""
    allowed = STRICT.get(head, frozenset())
    if word.casefold() in allowed:
        return True
    return any(c in allowed and rx.fullmatch(word) for c, rx in _CLASSES.items())


# Described instruments that stand alone only in an article about a court, a regulator or
# a negotiation: "an appeal", "the contract", "the amendments", "the EU proposal".
LEGAL = re.compile(r"\b(?:court|tribunal|judge|ruling|regulator|lawsuit)\b", re.I)
TREATY = re.compile(r"\b(?:treaty|convention|agreement|resolution|quota|directive)\b", re.I)
AUTHORITY = ("court's", "judge's", "regulator's", "authority's", "board's", "commission's",
              "tribunal's", "ministry's", "agency's", "council's", "panel's", "minister's",
             "government's", "president's", "governor's", "prosecutor's", "parliament's")
# Standalone only where the article is about arbitration or a court: "the award".
CONTEXT = {"award": re.compile(r"\b(?:arbitra\w*|tribunal)\b", re.I)}
CONTEXT.update(dict.fromkeys(("appeal", "contract", "amendments", "decision", "judgment",
                               "settlement", "complaint", "petition", "charges",
                               "arbitration", "revocation", "suspension", "annulment",
                               "expropriation", "suspensions", "revocations", "dismissal",
                               "ruling", "rulings", "verdict", "ban", "bans", "conviction",
                               "convictions", "assurances", "disqualification", "circular",
                               "order", "orders"),
                   LEGAL))
# "the penalty", "the penalties" imposed by a regulator or a court.
CONTEXT.update(dict.fromkeys(("penalty", "penalties"), re.compile(
    r"\b(?:court|tribunal|regulator|agency|authority|commission|panel)\b", re.I)))
# "the resolution", "the motion" where a parliament or council votes on it.
CONTEXT.update(dict.fromkeys(("resolution", "motion"), re.compile(
    r"\b(?:parliament|assembly|council|congress|senate|lawmakers|legislators|MPs)\b", re.I)))
# "the tariffs", "the duties" in a trade dispute.
CONTEXT.update(dict.fromkeys(("tariffs", "duties", "duty"), re.compile(
    r"\b(?:WTO|World Trade Organization|trade dispute|anti-dumping|safeguard)\b")))
# "the remedies", "the commitments" offered to a competition regulator.
CONTEXT.update(dict.fromkeys(("remedies", "commitments", "undertakings"), re.compile(
    r"\b(?:competition|antitrust|merger|regulator)\b", re.I)))
