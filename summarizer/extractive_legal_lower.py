"""Legal instruments written the way reporters write them: in lower case, by type and topic.

English puts the modifiers before the head ("the new surveillance law", "gun safety laws",
"a court order", "Spain's criminal code"); French and Spanish put them after ("la loi
d'orientation agricole", "le décret du 3 janvier", "el tratado de extradición"). A head alone
is not enough: it needs a determiner and a topic modifier (or a complement), except for heads
that always name an instrument ("the treaty", "the indictment"). Case names ("X v. Y") are
court decisions.
"""

from __future__ import annotations

import re

from .extractive_german import german_instruments
from .extractive_legal_romance import Found, romance
from .extractive_lexicon import STOP
from .extractive_text import Sentence

# English heads and their kind; "standalone" heads need only a determiner.
_EN_HEADS: dict[str, str] = {
    **dict.fromkeys(("law", "laws", "bill", "bills", "statute", "statutes", "constitution",
                     "code", "amendment", "amendments", "rules", "decree", "decrees", "directive",
                     "directives",
                     "regulation", "regulations", "ordinance", "terms of service",
                     "terms of use"), "statute"),
    **dict.fromkeys(("treaty", "treaties", "convention", "conventions", "charter",
                     "agreement", "agreements", "accord", "accords", "protocol"), "treaty"),
    **dict.fromkeys(("resolution", "resolutions"), "resolution"),
    **dict.fromkeys(("order", "orders", "injunction", "judgment", "judgement"),
                    "court_decision"),
    **dict.fromkeys(("warrant", "red notice"), "warrant"),
    **dict.fromkeys(("award", "awards", "decision", "decisions", "appeal", "appeals"),
                    "court_decision"),
    **dict.fromkeys(("proposal", "proposals", "contract", "contracts"), "other"),
    **dict.fromkeys(("memorandum of understanding", "memoranda of understanding",
                     "memorandum", "mandate"), "treaty"),
    **dict.fromkeys(("indictment", "extradition request", "extradition requests", "licence",
                     "licences", "license", "licenses", "permit", "permits", "certificate",
                     "certificates", "registration", "concession", "concessions"), "other"),
}  # fmt: skip
_STANDALONE = frozenset(
    (
        "treaty",
        "statute",
        "constitution",
        "decree",
        "directive",
        "indictment",
        "injunction",
        "protocol",
        "red notice",
        "extradition request",
        "terms of service",
        "terms of use",
        "memorandum of understanding",
        "award",
        "bill",
        "appeal",
        "contract",
        "amendments",
    )
)
# Heads with everyday senses: only these modifiers make them instruments.
_STRICT: dict[str, frozenset[str]] = {
    "order": frozenset(
        "court executive restraining gag protection protective deportation "
        "removal detention extradition judicial judge's court's suspension administrative "
        "closure cease-and-desist eviction demolition interim stop-work ministerial "
        "presidential compliance enforcement freezing seizure confiscation forfeiture "
        "emergency quarantine".split()
    ),
    "award": frozenset("arbitral arbitration tribunal's arbitrator's binding".split()),
    "mandate": frozenset("un u.n. security council's peacekeeping court's legal".split()),
    "registration": frozenset("product drug vaccine marketing party".split()),
    "code": frozenset(
        "criminal penal civil tax labour labor electoral commercial "
        "administrative procedure procedural".split()
    ),
    "judgment": frozenset("court court's landmark appeal appeals final".split()),
    "charter": frozenset("human rights union founding fundamental un".split()),
    "decision": frozenset(
        "binding court court's judge's final arbitral judicial administrative regulator's "
        "authority's board's commission's tribunal's ministry's agency's council's".split()
    ),
    "rules": frozenset("procedural procedure arbitration ethics electoral evidence".split()),
}
_STRICT["decisions"] = _STRICT["decision"]
# Described instruments that stand alone only in an article about a court, a regulator or
# a negotiation: "an appeal", "the contract", "the amendments", "the EU proposal".
_LEGAL = re.compile(r"\b(?:court|tribunal|judge|ruling|regulator|lawsuit)\b", re.I)
_TREATY = re.compile(r"\b(?:treaty|convention|agreement|resolution|quota|directive)\b", re.I)
_AUTHORITY = ("court's", "judge's", "regulator's", "authority's", "board's", "commission's",
              "tribunal's", "ministry's", "agency's", "council's")
_STRICT["orders"] = _STRICT["order"]
_STRICT["judgement"] = _STRICT["judgment"]
_STRICT["awards"] = _STRICT["award"]
# Standalone only where the article is about arbitration or a court: "the award".
_CONTEXT = {"award": re.compile(r"\b(?:arbitra\w*|tribunal)\b", re.I), "appeal": _LEGAL,
            "contract": _LEGAL, "amendments": _LEGAL}
# A bill that is paid is not a draft law: "foot the bill", "paid the bill".
_BILL_VERB = re.compile(
    r"\b(?:foot|foots|footing|footed|pay|pays|paid|paying|settle|settled|split)\s+$", re.I
)
_WEAK = frozenset(
    """new old same previous current existing proposed draft controversial contested latest
    first second third final original other such whole entire very recent earlier amended
    revised so-called own full planned interim landmark key main sweeping strict tough
    tougher stricter broad broader major minor similar separate relevant respective
    apparent alleged""".split()
)
_DETS = frozenset(
    "the a an its their his her this that these those our your any some every each no all "
    "both whatever which what".split()
)
_VAGUE = frozenset("any some every each no all both whatever which what".split())
_NOT_AFTER = frozenset(
    """enforcement firm firms professor professors school schools student students maker
    makers makers' practice degree scholar scholars expert experts clerk clerks book books
    officer officers abiding holder holders winner winners winning ceremony ceremonies fee
    fees plate plates""".split()
)
_EN_HEAD_RX = re.compile(
    r"\b(" + "|".join(sorted(_EN_HEADS, key=len, reverse=True)) + r")\b(?!-\w)", re.I
)
_WORD = re.compile(r"[\w.’'&-]+")
_CASE = re.compile(
    r"(?:[A-Z][\w.’'-]*(?:\s+(?:&|of|and|the|for)\s+|\s+)){0,7}[A-Z][\w.’'-]*"
    r"\s+v(?:s)?\.\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?"
)


def _ok_modifier(word: str) -> bool:
    fold = word.casefold()
    if fold in _WEAK:
        return True
    if re.fullmatch(r"\d{4}", word):
        return True
    if word[0].isupper():
        return not fold.endswith(("'s", "’s")) and fold not in STOP
    if fold in STOP or fold.endswith("ly") or not re.fullmatch(r"[a-z][a-z-]*", word):
        return False
    return not fold.endswith("ed") or fold in ("armed", "united")


def _modifiers(text: str, head_start: int, floor: int) -> tuple[int, list[str], bool]:
    """Walk back from a head over modifiers; return (start, modifiers, has determiner)."""
    start, mods = head_start, list[str]()
    words = list(_WORD.finditer(text, floor, head_start))
    for m in reversed(words):
        if text[m.end() : start].strip():
            break  # punctuation between
        word = m.group()
        fold = word.casefold()
        if fold in _VAGUE:
            return m.start(), [], False  # "whatever resolutions", "any law"
        if fold in _DETS or (fold.endswith(("'s", "’s")) and word[0].isupper()):
            return m.start(), mods, True
        if fold.replace("’", "'").endswith(_AUTHORITY):
            mods.insert(0, fold)
            return m.start(), mods, True
        if len(mods) >= 4 or not _ok_modifier(word):
            break
        mods.insert(0, word)
        start = m.start()
    return start, mods, False


def _complement(text: str, end: int, limit: int, head: str) -> int:
    """Extend over 'of/on/in/between/against' + a name or a short topic phrase."""
    if head == "code" and (c := re.match(r"\s+of\s+(?:conduct|practice|ethics)\b", text[end:])):
        return end + c.end()  # "the electoral code of conduct"
    m = re.match(r"\s+(on|of|in|between|against|governing)\s+", text[end:limit])
    if not m or head in ("order", "orders", "bill", "bills", "code", "judgment"):
        return end
    at = end + m.end()
    name = re.match(r"(?:the\s+)?[A-Z][\w.’'-]*(?:\s+(?:and\s+(?:the\s+)?|of\s+)?[A-Z][\w.’'-]*)*",
                    text[at:limit])  # fmt: skip
    if name:
        return at + name.end()
    if m.group(1) not in ("on", "of", "governing"):
        return end
    last = end
    for i, w in enumerate(re.finditer(r"[a-z][\w-]*|[^\w\s]", text[at:limit])):
        fold = w.group()
        if i >= 5 or not fold[0].isalpha() or (fold in STOP and fold not in ("in", "and")):
            break
        if fold not in ("in", "and"):
            last = at + w.end()
    return last


def _english(s: Sentence, context: str = "") -> list[Found]:
    out: list[Found] = []
    text, floor = s.text, 0
    for m in _EN_HEAD_RX.finditer(text):
        raw, head = m.group(1), m.group(1).casefold()
        if raw[0].isupper() and not head.startswith("terms"):
            continue  # capitalised names are _NAMED's job
        after = re.match(r"\s+([\w’'-]+)", text[m.end() :])
        if after and after.group(1).casefold() in _NOT_AFTER:
            continue
        start, mods, det = _modifiers(text, m.start(), floor)
        content = [w for w in mods if w.casefold() not in _WEAK]
        end = _complement(text, m.end(), len(text), head)
        if head in ("award", "awards") and re.match(r"\s+of\b", text[m.end() :]):
            continue  # "the award of contracts"
        if head == "bill" and _BILL_VERB.search(text[:start]):
            continue
        if not _described_ok(head, text, m.end(), mods, det, context):
            continue
        if head in _STRICT and not (head == "code" and end > m.end()):
            if not any(w.casefold() in _STRICT[head] for w in mods):
                rx = _CONTEXT.get(head)
                if not (det and rx and rx.search(context)):
                    continue
        elif not (content or end > m.end() or (det and head in _STANDALONE)):
            continue
        if not det and not (content and head.endswith("s")):
            continue  # "gun safety laws" yes; "firearm regulation", "law" no
        out.append((s.start + start, s.start + end, _EN_HEADS[head]))
    for c in _CASE.finditer(text):
        out.append((s.start + c.start(), s.start + c.end(), "court_decision"))
    return out


def _described_ok(head: str, text: str, end: int, mods: list[str], det: bool,
                  context: str) -> bool:  # fmt: skip
    """Safeguards for everyday heads: 'an appeal for calm', 'a proposal to meet' are not."""
    if head.startswith("contract"):
        return det  # "the contract", not "sign contracts"
    if head.startswith("appeal"):
        return det and not re.match(r"\s+(?:for|to)\b", text[end:])
    if head.startswith("proposal"):  # a named proposer in a treaty or quota context
        return det and any(w[0].isupper() for w in mods) and bool(_TREATY.search(context))
    return True


def lower_instruments(s: Sentence, language: str | None, context: str = "") -> list[Found]:
    """Lower-case and case-name instruments in one sentence: (start, end, kind).

    `context` is the article's text: some heads ("the award") stand alone only in an article
    about arbitration or a tribunal.
    """
    if language == "de":
        found = german_instruments(s)
    else:
        found = _english(s, context) if language in (None, "en") else romance(s, language)
    found.sort(key=lambda f: (f[0], -f[1]))
    out: list[Found] = []
    for f in found:
        if not any(a <= f[0] < b for a, b, _ in out):
            out.append(f)
    return out
