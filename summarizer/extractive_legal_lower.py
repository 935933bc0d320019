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
                     "directives", "regulation", "regulations", "ordinance", "terms of service",
                     "terms of use", "ban", "bans", "moratorium", "guidelines"), "statute"),
    **dict.fromkeys(("treaty", "treaties", "convention", "conventions", "charter",
                     "agreement", "agreements", "accord", "accords", "protocol",
                     "memorandum of understanding", "memoranda of understanding",
                     "memorandum", "mandate"), "treaty"),
    **dict.fromkeys(("resolution", "resolutions", "motion", "motions"), "resolution"),
    **dict.fromkeys(("order", "orders", "injunction", "judgment", "judgement", "award",
                     "awards", "decision", "decisions", "appeal", "appeals", "opinion",
                     "measure", "measures", "report", "subpoena", "writ"), "court_decision"),
    **dict.fromkeys(("warrant", "red notice"), "warrant"),
    **dict.fromkeys(("proposal", "proposals", "contract", "contracts", "indictment",
                     "extradition request", "extradition requests", "licence", "licences",
                     "license", "licenses", "permit", "permits", "certificate", "certificates",
                     "registration", "concession", "concessions", "assurances", "guarantees",
                     "remedies", "commitments", "undertakings", "package", "facility", "plan",
                     "settlement", "lawsuit", "lawsuits", "complaint", "petition", "charges",
                     "proceedings", "arbitration", "tariffs", "duties", "duty", "revocation",
                     "suspension", "annulment", "cancellation", "expropriation", "designation",
                     "suspensions", "revocations", "dismissal", "penalty", "penalties", "patent",
                     "patents"), "other"),
    **dict.fromkeys(("ruling", "rulings", "verdict"), "court_decision"),
}  # fmt: skip
_STANDALONE = frozenset(
    ("treaty", "statute", "constitution", "decree", "directive", "indictment", "injunction",
     "protocol", "red notice", "extradition request", "terms of service", "terms of use",
     "memorandum of understanding", "award", "bill", "appeal", "contract", "amendments",
     "moratorium", "lawsuit", "subpoena", "writ", "patent", "patents")
)  # fmt: skip
# Heads with everyday senses: only these modifiers make them instruments.
_STRICT: dict[str, frozenset[str]] = {
    "order": frozenset(
        "court executive restraining gag protection protective deportation "
        "removal detention extradition judicial judge's court's suspension administrative "
        "closure cease-and-desist eviction demolition interim stop-work ministerial "
        "presidential compliance enforcement freezing seizure confiscation forfeiture "
        "emergency quarantine consent tribunal's".split()
    ),
    "award": frozenset("arbitral arbitration tribunal's arbitrator's binding".split()),
    "mandate": frozenset("un u.n. security council's peacekeeping court's legal".split()),
    "registration": frozenset("product drug vaccine marketing party".split()),
    "code": frozenset(
        "criminal penal civil tax labour labor electoral commercial administrative procedure "
        "procedural asylum immigration migration family land mining forest forestry water "
        "election customs investment competition consumer environmental environment health "
        "highway traffic building planning media maritime aviation nationality citizenship "
        "insolvency company companies corporate securities banking housing military justice "
        "juvenile privacy penitentiary".split()
    ),
    "judgment": frozenset("court court's landmark appeal appeals final".split()),
    "charter": frozenset("human rights union founding fundamental un".split()),
    "decision": frozenset(
        "binding court court's judge's final arbitral judicial administrative regulator's "
        "authority's board's commission's tribunal's ministry's agency's council's panel's "
        "prohibition".split()
    ),
    "rules": frozenset("procedural procedure arbitration ethics electoral evidence".split()),
    "opinion": frozenset(
        "advisory court's dissenting concurring separate majority legal tribunal's "
        "consultative".split()
    ),
    "measure": frozenset(
        "interim provisional precautionary protective conservatory restrictive retaliatory "
        "countervailing anti-dumping safeguard remedial court's".split()
    ),
    "assurances": frozenset("written diplomatic formal binding legal".split()),
    "guarantees": frozenset("written diplomatic formal binding legal job loan".split()),
    "remedies": frozenset("proposed offered structural behavioural behavioral".split()),
    "commitments": frozenset("binding legal legally-binding treaty".split()),
    "undertakings": frozenset("binding legal formal".split()),
    "package": frozenset("remedies remedy sanctions aid bailout rescue legislative reform".split()),
    "facility": frozenset("credit loan lending financing".split()),
    "plan": frozenset(
        "rebuilding recovery management restructuring resettlement relocation spatial zoning "
        "land-use master".split()
    ),
    "report": frozenset("panel panel's appellate body's safety".split()),
    "settlement": frozenset("out-of-court court-approved legal".split()),
    "complaint": frozenset("criminal formal legal".split()),
    "petition": frozenset("constitutional legal habeas".split()),
    "charges": frozenset(
        "criminal corruption bribery fraud terrorism murder treason embezzlement "
        "money-laundering laundering".split()
    ),
    "proceedings": frozenset(
        "impeachment criminal disciplinary infringement extradition insolvency bankruptcy "
        "legal court contempt removal".split()
    ),
    "arbitration": frozenset("international investment binding".split()),
    "tariffs": frozenset(
        "anti-dumping countervailing safeguard retaliatory punitive import export".split()
    ),
    "duties": frozenset(
        "anti-dumping countervailing safeguard retaliatory punitive import export customs "
        "antidumping".split()
    ),
    # Administrative acts: by their modifier, or standalone in a court or regulator article.
    **dict.fromkeys(("revocation", "suspension", "annulment", "cancellation", "expropriation",
                     "designation", "suspensions", "revocations", "dismissal"),
                    frozenset("licence license permit registration".split())),
    **dict.fromkeys(("penalty", "penalties"), frozenset(
        "administrative monetary civil financial regulatory disciplinary".split())),
    **dict.fromkeys(("ruling", "rulings", "verdict"), frozenset(
        "court court's judge's tribunal's panel's panel appeals appellate landmark".split())),
    "motion": frozenset("no-confidence censure impeachment removal".split()),
}
_STRICT["decisions"] = _STRICT["decision"]
# Heads that a topic complement makes an instrument: "the code of conduct", "tariffs on steel".
_BY_COMPLEMENT = frozenset(("code", "tariffs", "duties", "duty"))
# Described instruments that stand alone only in an article about a court, a regulator or
# a negotiation: "an appeal", "the contract", "the amendments", "the EU proposal".
_LEGAL = re.compile(r"\b(?:court|tribunal|judge|ruling|regulator|lawsuit)\b", re.I)
_TREATY = re.compile(r"\b(?:treaty|convention|agreement|resolution|quota|directive)\b", re.I)
_AUTHORITY = ("court's", "judge's", "regulator's", "authority's", "board's", "commission's",
              "tribunal's", "ministry's", "agency's", "council's", "panel's")
_STRICT["orders"] = _STRICT["order"]
_STRICT["judgement"] = _STRICT["judgment"]
_STRICT["awards"] = _STRICT["award"]
_STRICT["measures"] = _STRICT["measure"]
_STRICT["motions"] = _STRICT["motion"]
_STRICT["duty"] = _STRICT["duties"]
# Standalone only where the article is about arbitration or a court: "the award".
_CONTEXT = {"award": re.compile(r"\b(?:arbitra\w*|tribunal)\b", re.I)}
_CONTEXT.update(dict.fromkeys(("appeal", "contract", "amendments", "decision", "judgment",
                               "settlement", "complaint", "petition", "charges",
                               "arbitration", "revocation", "suspension", "annulment",
                               "expropriation", "suspensions", "revocations", "dismissal",
                               "ruling", "rulings", "verdict", "ban", "bans"), _LEGAL))
# "the penalty", "the penalties" imposed by a regulator or a court.
_CONTEXT.update(dict.fromkeys(("penalty", "penalties"), re.compile(
    r"\b(?:court|tribunal|regulator|agency|authority|commission|panel)\b", re.I)))
# "the resolution", "the motion" where a parliament or council votes on it.
_CONTEXT.update(dict.fromkeys(("resolution", "motion"), re.compile(
    r"\b(?:parliament|assembly|council|congress|senate|lawmakers|legislators|MPs)\b", re.I)))
# "the tariffs", "the duties" in a trade dispute.
_CONTEXT.update(dict.fromkeys(("tariffs", "duties", "duty"), re.compile(
    r"\b(?:WTO|World Trade Organization|trade dispute|anti-dumping|safeguard)\b")))
# "the remedies", "the commitments" offered to a competition regulator.
_CONTEXT.update(dict.fromkeys(("remedies", "commitments", "undertakings"), re.compile(
    r"\b(?:competition|antitrust|merger|regulator)\b", re.I)))
# A bill that is paid is not a draft law: "foot the bill", "paid the bill".
_BILL_VERB = re.compile(
    r"\b(?:foot|foots|footing|footed|pay|pays|paid|paying|settle|settled|split)\s+$", re.I
)
_WEAK = frozenset(
    """new old same previous current existing proposed draft controversial contested latest
    first second third final original other such whole entire very recent earlier amended
    revised so-called own full planned interim landmark key main sweeping strict tough
    extended enhanced percent per cent
    tougher stricter broad broader major minor similar separate relevant respective
    apparent alleged""".split()
)
# Nouns in -ing that name a field ("mining licences"), not a verb ("granting licences").
_ING = frozenset(
    """mining fishing drilling banking housing planning building trading sentencing spending
    funding licensing zoning logging hunting farming shipping broadcasting gambling betting
    lending accounting reporting labelling labeling marketing advertising parking policing
    voting dumping anti-dumping bargaining processing""".split()
)
# Verbs that come straight before a plural instrument: "seek amendments", "impose duties".
_VERBS = frozenset(
    """seek sign discuss open adopt pass approve reject propose impose lift enforce challenge
    draft breach violate introduce support oppose back block review amend repeal apply use make
    take want need demand face file bring win lose ignore respect cite invoke follow obey meet
    announce grant deny reach negotiate renew extend ratify suspend revoke overturn uphold
    scrap drop toughen tighten loosen relax ease""".split()
)
_VERBS = _VERBS | {v + "s" for v in _VERBS} | {v + "ed" for v in _VERBS}
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
    r"(?<![\w-])(" + "|".join(sorted(_EN_HEADS, key=len, reverse=True)) + r")\b(?!-\w)", re.I
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
    if re.fullmatch(r"\d{4}|\d+(?:\.\d+)?%?", word):
        return True  # "the 1970 treaty", "a 35 percent safeguard duty"
    if word[0].isupper():  # "the Paris agreement", "a February ruling"
        possessive = fold.endswith(("'s", "’s"))
        return not possessive and (fold not in STOP or bool(_MONTH.fullmatch(word)))
    if fold in STOP or fold.endswith("ly") or not re.fullmatch(r"[a-z][a-z-]*", word):
        return False
    return not fold.endswith("ed") or fold in ("armed", "united")


def _modifiers(text: str, head_start: int, floor: int) -> tuple[int, list[str], bool]:
    """Walk back from a head over modifiers; return (start, modifiers, has determiner)."""
    start, mods = head_start, list[str]()
    words = list(_WORD.finditer(text, floor, head_start))
    for i in range(len(words) - 1, -1, -1):
        m = words[i]
        if text[m.end() : start].strip():
            break  # punctuation between
        word = m.group()
        fold = word.casefold()
        if fold in _VAGUE:
            return m.start(), [], False  # "whatever resolutions", "any law"
        if fold.replace("’", "'").endswith(_AUTHORITY):
            mods.insert(0, fold)
            return m.start(), mods, True
        if fold in _DETS or fold.endswith(("'s", "’s", "s'", "s’")):  # "Spain's", "players'"
            return m.start(), mods, True
        if len(mods) >= 4:
            break
        if not _ok_modifier(word) and not (
            i and re.fullmatch(r"[a-z]+ed", word) and words[i - 1].group().casefold() in _DETS
            and not text[words[i - 1].end() : m.start()].strip()
        ):  # "a deferred prosecution agreement", not "he signed agreements"
            break
        mods.insert(0, word)
        start = m.start()
    return start, mods, False


def _verb_like(word: str) -> bool:
    """A verb, or an -ing form that is not a field's name ("granting", not "mining")."""
    fold = word.casefold()
    return fold in _VERBS or (fold.endswith("ing") and fold not in _ING)


def _start_of(text: str, head_start: int, n: int) -> int:
    """Where the last `n` words before a head begin."""
    words = list(_WORD.finditer(text, 0, head_start))
    return words[-n].start() if n else head_start


_RULING_NOUN = re.compile(r"\s+(?:party|parties|coalition|class|elite|junta|family|bloc|camp)\b")
_ORDER_THAT = re.compile(
    r"\s+(?:requiring|directing|compelling|barring|prohibiting|obliging|instructing|forcing|"
    r"suspending|halting|blocking)\b"
)
_MONTH = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b"
)
_TIME_WORD = re.compile(rf"{_MONTH.pattern}|(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                        r"Saturday|Sunday)\b")
_LOOSE_STOP = re.compile(r"(?<![.\s][A-Z])(?<!\b[A-Z])\.$")  # "...and Tanzania." but not "U.S."


def _complement(text: str, end: int, limit: int, head: str) -> int:
    """Extend over 'of/on/in/between/against' + a name or a short topic phrase."""
    if head == "code" and (c := re.match(r"\s+of\s+(?:conduct|practice|ethics)\b", text[end:])):
        return end + c.end()  # "the electoral code of conduct"
    m = re.match(r"\s+(on|of|in|between|against|governing|to)\s+", text[end:limit])
    if m and m.group(1) == "to" and not head.startswith("amendment"):
        return end  # "amendments to the Act"; not "the appeal to the court"
    if re.match(r"\s+on\s+(?:hold|record|behalf|time|track)\b", text[end:limit]):
        return end  # "the ban on hold"
    if not m or head in ("order", "orders", "bill", "bills", "code", "judgment"):
        return end
    at = end + m.end()
    name = re.match(r"(?:the\s+)?[A-Z][\w.’'-]*(?:\s+(?:and\s+(?:the\s+)?|of\s+)?[A-Z][\w.’'-]*)*",
                    text[at:limit])  # fmt: skip
    if name and not _TIME_WORD.match(name.group()) and not name.group().endswith(("'s", "’s")):
        stop = at + name.end()
        return stop - 1 if _LOOSE_STOP.search(text, at, stop) else stop
    if name or m.group(1) not in ("on", "of", "governing"):
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
        rx = _CONTEXT.get(head)
        in_context = det and rx is not None and rx.search(context) is not None
        if head.startswith("order") and det and _ORDER_THAT.match(text, m.end()):
            in_context = bool(_LEGAL.search(context))  # "an order requiring the airline to"
        if head in _STRICT and not (head in _BY_COMPLEMENT and end > m.end()):
            if not (in_context or any(w.casefold() in _STRICT[head] for w in mods)):
                continue
        elif not (content or end > m.end() or (det and head in _STANDALONE) or in_context):
            continue
        verbs = [i for i, w in enumerate(mods) if _verb_like(w)]
        if not det and verbs:  # "seek amendments", "farmers want lower duties", "stop granting"
            mods = mods[verbs[-1] + 1 :]
            start = _start_of(text, m.start(), len(mods))
            content = [w for w in mods if w.casefold() not in _WEAK]
        named = end > m.end() and re.search(r"\s[A-Z]", text[m.end() : end]) is not None
        if not det and not (content and head.endswith("s")) and not named:
            continue  # "gun safety laws", "amendments to the X Act" yes; "law" no
        strict = [i for i, w in enumerate(mods) if w.casefold() in _STRICT.get(head, ())]
        if not det and strict:  # "discuss new restrictive measures": from "restrictive"
            start = _start_of(text, m.start(), len(mods) - strict[0])
            content = [w for w in mods[strict[0] :] if w.casefold() not in _WEAK]
        out.append((s.start + start, s.start + end, _EN_HEADS[head]))
    for c in _CASE.finditer(text):
        out.append((s.start + c.start(), s.start + c.end(), "court_decision"))
    return out


def _described_ok(head: str, text: str, end: int, mods: list[str], det: bool,
                  context: str) -> bool:  # fmt: skip
    """Safeguards for everyday heads: 'an appeal for calm', 'a proposal to meet' are not."""
    if head.startswith("ruling") and _RULING_NOUN.match(text, end):
        return False  # "the ruling party"
    if head.startswith("contract"):
        return det  # "the contract", not "sign contracts"
    if head.startswith(("appeal", "decision", "plan")):  # "the decision to leave"
        return det and not re.match(r"\s+(?:for|to|whether|on\s+whether)\b", text[end:])
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
    cases = [f for f in found if _CASE.fullmatch(s.text, f[0] - s.start, f[1] - s.start)]
    found = cases + sorted((f for f in found if f not in cases), key=lambda f: (f[0], -f[1]))
    out: list[Found] = []
    for f in found:  # case names first: "the Court's decision in X v. Y" keeps "X v. Y"
        if not any(a < f[1] and f[0] < b for a, b, _ in out):
            out.append(f)
    return sorted(out)
