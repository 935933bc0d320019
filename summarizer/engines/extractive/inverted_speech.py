"""Who speaks in German, French and Spanish when the speaker follows the speech verb.

These languages name the speaker after the verb of an inserted clause: '„Der Plan ist
falsch", sagt Ole Brenn', '..., sagte die Vorsitzende Ilka Dorn', '« ... », a déclaré Paul
Leroux', '..., dijo el ministro Pablo Ruiz'. There the actor before the verb is someone the
words are about, never the speaker, so an inserted clause settles the holder: the actor
right after the verb (past articles, adverbs and titles: `lang/<code>/inversion_gap.txt`),
"er"/"il"/"él" for the last person named, or (German) nobody when no actor stands there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from summarizer.engines.extractive.lexicon import one, ordered
from summarizer.engines.extractive.romance_titles import TITLES

_T = TypeVar("_T")
_GAP = {code: frozenset(w.casefold() for w in ordered("inversion_gap", code))
        for code in ("de", "fr", "es")}  # fmt: skip
_TITLE_ENDS = tuple(one("de", "names").get("title_ends", ()))
_TITLE_ENDS += tuple(one("de", "names").get("org_ends", {}))  # "der Gewerkschaft IG BCE"
# Before the verb of an inserted clause: a comma or a closing quotation mark, maybe an
# auxiliary ("», a déclaré", ", ha dicho").
_INSERTED = re.compile(r"(?:[,“”\"»«]|[,“”\"»«]\s*(?:a|ont|avait|ha|han|había|habían))\s*$")
_HE = frozenset(("er", "il", "él"))
_SHE_THEY = frozenset(("sie", "elle", "ella", "ils", "elles", "ellos", "ellas", "es"))
_WORD = re.compile(r"[\w’'-]+")
_DENY = {code: frozenset(w.casefold() for w in one(code, "stance").get("deny", ()))
         for code in ("de", "fr", "es")}  # fmt: skip
_DENIAL_WORDS = 8  # a negation this close to the start negates the statement itself
_DENIAL_MIN = 5  # fewer words (to the first stop) are a reply, not a statement
_TITLED_GAP = re.compile(r"\s+(?:(?:le|la|l['’]|el)\s*)?(?i:" + "|".join(TITLES)
                         + r")\b[^,;:.«»\"“”]{0,60},\s*")  # fmt: skip
NOBODY = object()  # the cue is an inserted clause with no actor to hold it


def inserted(before: str) -> bool:
    """Whether a speech verb opens an inserted clause (`before`: the sentence up to it)."""
    return _INSERTED.search(before) is not None


def _gap_ok(gap: str, code: str) -> bool:
    if code != "de" and _TITLED_GAP.fullmatch(gap):
        return True  # "a déclaré le président du comité, Marc Delorme"
    words = _WORD.findall(gap)
    if len(words) > 5 or re.search(r"[,;:.!?]", gap):
        return False
    allowed = _GAP.get(code, frozenset())
    return all(w.casefold() in allowed or (w[0].isupper() and w.casefold().endswith(_TITLE_ENDS))
               for w in words)  # fmt: skip


def speaker_after(text: str, before: str, after: int, code: str,
                  spans: Sequence[tuple[int, int, _T]], last_person: _T | None) -> object:
    """The holder of an inserted clause's speech verb ending at `after`: the actor named
    right after it, the last person for "er"/"il"/"él", or NOBODY; None when the verb
    opens no inserted clause (the caller's own rules apply)."""
    if not inserted(before):
        return None
    pronoun = re.match(r"\s+(\w+)\b", text[after : after + 12])
    if pronoun and pronoun.group(1) in _HE:
        return last_person if last_person is not None else NOBODY
    if pronoun and pronoun.group(1) in _SHE_THEY:
        return NOBODY  # "sie": she, they or you
    for a, _b, actor in sorted(spans, key=lambda t: t[0]):
        if a >= after and _gap_ok(text[after:a], code):
            return actor
        if a >= after:
            break
    return NOBODY if code == "de" else None  # French, Spanish: "a déclaré le ministre de ..."


def rest_after(text: str, after: int, end: int, holder_ends: Sequence[int]) -> str:
    """The words a forward cue gives its holder when no comma sets them off ("Laut Ole
    Brenn könnten die Preise sinken"): the sentence after the holder's name."""
    at = next((e for e in sorted(holder_ends) if after < e <= after + 60), None)
    return "" if at is None else text[at:end]


def denial(words: str, code: str) -> str | None:
    """'oppose' when a holder's reported words are a denial: a negation among their first
    words ("er habe nichts davon gewusst", "il n'a jamais signé", "no hubo acuerdo")."""
    deny = _DENY.get(code, frozenset())
    head = _WORD.findall(re.split(r"[»”\".!?]", words.strip(" «“„\""), maxsplit=1)[0])
    if "?" in words or len(head) < _DENIAL_MIN:
        return None  # "«No lo sé», dijo": a reply, no denial
    return "oppose" if any(w.casefold() in deny for w in head[:_DENIAL_WORDS]) else None


# Between a person and the organisation named right before the cue: a lower-case role
# ("Ana Ruiz, fondatrice de Vela, affirme", "Ana Ruiz, presidenta del comité de Vela, dijo").
_AUX = re.compile(r"[\s,]*(?:(?:a|ont|ha|han)\s+)?")
_ROLE = re.compile(r",?\s+(?:[a-zà-ÿ][\w’'-]*\s+){1,6}")


def apposed_speaker(text: str, at: int,
                    spans: Sequence[tuple[int, int, _T, bool]]) -> _T | None:  # fmt: skip
    """The person whose role names the organisation right before the cue at `at` (spans:
    (start, end, actor, is a person)): the person speaks, not the organisation."""
    before = [t for t in spans if t[1] <= at]
    if len(before) < 2 or not _AUX.fullmatch(text, before[-1][1], at):
        return None
    person, org = before[-2], before[-1]
    if person[3] and not org[3] and _ROLE.fullmatch(text, person[1], org[0]):
        return person[2]
    return None


def speaker_named_after(text: str, after: int, code: str,
                        spans: Sequence[tuple[int, int, _T]]) -> _T | None:  # fmt: skip
    """The actor a forward cue names, past articles and titles ("nach Angaben der Polizei
    von Lindenau", "laut dem Vorsitzenden Ole Brenn")."""
    return next((x for a, _b, x in sorted(spans, key=lambda t: t[0])
                 if a >= after and _gap_ok(text[after:a], code)), None)  # fmt: skip


def v2_pronoun(before: str, after_text: str) -> str | None:
    """German verb-second order: a pronoun right after a speech verb that does not open its
    sentence is its subject ("Zwar erklärte es", "Am Montag sagte er"): "person" for "er",
    "body" for "es"; None otherwise."""
    if not re.search(r"\w", before) or inserted(before):
        return None
    m = re.match(r"\s+(er|es)\b", after_text)
    return None if m is None else "person" if m.group(1) == "er" else "body"
