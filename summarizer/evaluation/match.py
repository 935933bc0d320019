"""How a brief's names are matched to gold names: normalised equality, a few stated variants.

- Names compare after `normalize` (case, whitespace, typographic quotes and dashes), with
  edge punctuation and a leading article ("the", "le", "la", "el", "der", ...) removed.
- An actor matches a gold actor by its name or any alias; for a person (kind person,
  official, head_of_state) also when one name is a whole-token suffix of at least two tokens
  of the other ("President Barack Obama" ~ "Barack Obama"; never "Obama" ~ "Barack Obama":
  that takes an alias).
- A legal item matches a gold instrument as a whole item: equal to its name or an alias, or
  that plus a provision ("Rome Statute, Article 86", "Article 86 of the Rome Statute").
  A bare provision matches that provision of an instrument ("Article 102" ~ "Article 102 of
  the Constitution"). A gold alias found inside a longer item does not count.
- Each brief item is assigned to at most one gold item (a maximum bipartite matching), so
  one brief name never counts for two gold entries.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from summarizer.brief.grounding import normalize

PERSON_KINDS = frozenset({"person", "official", "head_of_state"})
_ARTICLES = frozenset(
    "the a an le la les l' el los las lo il gli der die das den dem des de het o os as".split()
)
_EDGE = " \t\"'.,;:!?"
_PROVISION = (
    r"(?:article|art\.?|articles|section|sec\.?|s\.|§+|paragraph|para\.?|clause|rule|chapter|"
    r"part|schedule|annex|title|artikel|artículo|articulo)\s*[0-9ivxlcdm][\w.()/-]*"
    r"(?:\s*(?:,|and|&)?\s*(?:paragraph|para\.?|section|sec\.?|subsection|clause|"
    r"\(?[0-9a-z]{1,4}\)|[0-9ivxlcdm][\w.()/-]*))*"
)
_TRAILING = re.compile(rf"^(?P<core>.+?)(?:\s*[,;:]\s*|\s+|\s*\(\s*)(?:{_PROVISION})\)?$")
_LEADING = re.compile(rf"^(?:{_PROVISION})\s+(?:of|under|in|to)\s+(?P<core>.+)$")


def norm(name: str) -> str:
    """A name's comparable form: normalised, edge punctuation and a leading article off."""
    text = normalize(name).strip(_EDGE)
    if text.startswith("l'") and len(text) > 2:
        text = text[2:]
    head, _, rest = text.partition(" ")
    if rest and head in _ARTICLES:
        text = rest
    return text.strip(_EDGE)


def _suffix(short: str, long: str) -> bool:
    a, b = short.split(), long.split()
    return len(a) >= 2 and len(a) < len(b) and b[-len(a) :] == a


def actor_matches(name: str, gold_names: Sequence[str], person: bool) -> bool:
    """Whether a brief actor's name names a gold actor (its name + aliases, normalised)."""
    mine = norm(name)
    if not mine:
        return False
    for other in gold_names:
        theirs = norm(other)
        if mine == theirs or (person and (_suffix(mine, theirs) or _suffix(theirs, mine))):
            return True
    return False


_GLOSS = re.compile(r"^(?P<core>.+?)\s*\([^()]*\)$")


def _bare(text: str) -> str:
    found = _GLOSS.match(text)
    return norm(found.group("core")) if found else text


def instrument_core(name: str) -> str:
    """A legal item's name without a trailing gloss "(...)" or a provision before or after."""
    text = _bare(norm(name))
    for pattern in (_TRAILING, _LEADING):
        found = pattern.match(text)
        if found:
            text = norm(found.group("core"))
    return text


_BARE_PROVISION = re.compile(rf"^{_PROVISION}$")
_HEAD = re.compile(rf"^(?P<head>{_PROVISION})\s+(?:of|under|in|to)\s+.+$")


def _forms(name: str) -> tuple[set[str], str, str | None]:
    """Full forms (with and without a gloss), the provision-less core, the provision head."""
    full = norm(name)
    head = _HEAD.match(_bare(full))
    return {full, _bare(full)} - {""}, instrument_core(name), head and head.group("head")


def _provision_of(head: str | None, forms: set[str]) -> bool:
    return head is not None and any(f == head and _BARE_PROVISION.match(f) for f in forms)


def instrument_matches(instrument: str, gold_names: Sequence[str]) -> bool:
    """Whether a brief legal item is, as a whole, a gold instrument (name or an alias).

    Equal after normalisation, either side without a trailing gloss "(...)", or one side
    without a provision ("Rome Statute, Article 86" ~ "Rome Statute"; never both at once, so
    "Article 8 of X" does not match "Article 10 of X"); a bare provision matches that
    provision of an instrument ("Article 102" ~ "Article 102 of the Constitution").
    """
    mine, my_core, my_head = _forms(instrument)
    for other in gold_names:
        theirs, their_core, their_head = _forms(other)
        if mine & theirs or my_core in theirs or their_core in mine:
            return True
        if _provision_of(my_head, theirs) or _provision_of(their_head, mine):
            return True
    return False


def assign(
    mine: Sequence[str], gold: Sequence[Sequence[str]], matches: Callable[[str, int], bool]
) -> dict[int, int]:
    """A maximum matching of brief items to gold items: {gold index: brief index}.

    `matches(brief_name, gold_index)` says whether a pair may match; each brief item and each
    gold item is used at most once.
    """
    edges = [[g for g in range(len(gold)) if matches(name, g)] for name in mine]
    owner: dict[int, int] = {}

    def augment(b: int, seen: set[int]) -> bool:
        for g in edges[b]:
            if g in seen:
                continue
            seen.add(g)
            if g not in owner or augment(owner[g], seen):
                owner[g] = b
                return True
        return False

    for b in range(len(mine)):
        augment(b, set())
    return owner
