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

from summarizer.brief.countries import is_demonym
from summarizer.engines.extractive.german import german_instruments
from summarizer.engines.extractive.legal_heads import (
    AUTHORITY,
    BY_COMPLEMENT,
    CONTEXT,
    EN_HEADS,
    LEGAL,
    OTHER_SENSE,
    PARTY,
    STRICT,
    TREATY,
    strict_modifier,
)
from summarizer.engines.extractive.legal_romance import Found, romance
from summarizer.engines.extractive.lexicon import OFFICIAL_TITLES, STOP
from summarizer.engines.extractive.phrases import Phrases
from summarizer.engines.extractive.segment import Sentence

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
    apparent alleged possible potential likely eventual unanimous split fresh favourable favorable
    unfavourable unfavorable partial sudden surprise historic swift rare unusual narrow dramatic
    important big bigger little limited unprecedented one two three four five six seven eight
    nine ten dozen""".split()
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
    scrap drop toughen tighten loosen relax ease present submit table require slap dictate give
    """.split()
)
_VERBS = _VERBS | {v + "s" for v in _VERBS} | {v + "ed" for v in _VERBS}
_DETS = frozenset(
    "the a an its their his her this that these those our your any some every each no all "
    "both whatever which what".split()
)
_POSS = ("'s", "’s", "s'", "s’")
_VAGUE = frozenset(
    "any some every each no all both whatever which what fewer more less many several few most"
    .split()
)
# Weak modifiers that still say what the instrument is: "draft regulation", "interim order".
_KEPT = frozenset("draft proposed amended revised interim planned landmark extended".split())
# Heads that are specific by themselves; every other head needs a qualifier.
_SELF_NAMED = frozenset(("constitution", "red notice", "terms of service", "terms of use",
                         "memorandum of understanding", "extradition request"))  # fmt: skip
_NOT_AFTER = frozenset(
    """enforcement firm firms professor professors school schools student students maker
    makers makers' practice degree scholar scholars expert experts clerk clerks book books
    officer officers abiding holder holders winner winners winning ceremony ceremonies fee
    fees plate plates court courts judge judges panel chamber tribunal hearing hearings
    process economy""".split()
)
_EN_HEADS = Phrases(EN_HEADS, fold=True)
_WORD = re.compile(r"[$€£]?[\w.’'&-]+")
_QUOTES = "\"“”'‘’"
_OWNERS = frozenset("its their his her our your my".split())
_TIME_OWNERS = frozenset(
    "today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday "
    "january february march april may june july august september october november december "
    "week month year".split()
)
_CASE = re.compile(
    r"(?:[A-Z][\w.’'-]*(?:\s+(?:&|of|and|the|for)\s+|\s+)){0,7}[A-Z][\w.’'-]*"
    r"\s+v(?:s)?\.\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?"
)


def _ok_modifier(word: str) -> bool:
    fold = word.casefold()
    if fold in _WEAK:
        return True
    if _FIGURE.fullmatch(word):
        return True  # "the 1970 treaty", "a 35 percent safeguard duty"
    if word[0].isupper():  # "the Paris agreement", "a February ruling"
        possessive = fold.endswith(("'s", "’s"))
        return not possessive and (fold not in STOP or bool(_MONTH.fullmatch(word)))
    if fold in STOP or fold.endswith("ly") or not _LOWER_WORD.fullmatch(word):
        return False
    return not fold.endswith("ed") or fold in ("armed", "united")


def _modifiers(text: str, head_start: int, floor: int) -> tuple[int, list[str], bool, list[int]]:
    """Walk back from a head over modifiers.

    Returns (start, modifiers, has determiner, where each modifier starts).
    """
    start, mods, starts = head_start, list[str](), list[int]()
    words = list(_WORD.finditer(text, floor, head_start))
    quoted = inside = False  # inside a quoted modifier any word goes: "the 'phase one' deal"
    for i in range(len(words) - 1, -1, -1):
        m = words[i]
        gap, word = text[m.end() : start], m.group()
        if gap.strip().strip(_QUOTES):
            break  # punctuation between; quotes are not: a “historic” 'phase one' deal
        if not word.endswith(("s'", "s’")):  # each quote crossed going back flips `quoted`
            crossed = sum(c in _QUOTES for c in gap) + len(word) - len(word.rstrip(_QUOTES))
            quoted ^= crossed % 2 == 1
            inside = quoted
            quoted ^= (len(word) - len(word.lstrip(_QUOTES))) % 2 == 1
            word = word.strip(_QUOTES)
        if inside and word and mods and len(mods) < 6:
            if word[0].isalnum():
                mods.insert(0, word)
                starts.insert(0, m.start())
                start = m.start()
                continue
        fold = word.casefold()
        if fold in _VAGUE:
            return m.start(), [], False, []  # "whatever resolutions", "any law"
        if fold.endswith(_POSS) and (re.sub(r"['’]s?$", "", fold) in _TIME_OWNERS or (
            word.islower() and not fold.replace("’", "'").endswith(AUTHORITY))):
            return m.end(), mods, True, starts  # "Wednesday's decision", "the bank's licence"
        if fold.replace("’", "'").endswith(AUTHORITY):
            owner = _owner(text, words, i)  # "the Supreme Court's ruling"
            return owner, [fold, *mods], True, [owner, *starts]
        if fold in _DETS or fold.endswith(_POSS):  # "Spain's", "players'"
            return _owner(text, words, i) if fold.endswith(_POSS) else m.start(), mods, True, starts
        if len(mods) >= 4:
            break
        before = words[i - 1].group().casefold() if i else ""
        if not _ok_modifier(word) and not (
            re.fullmatch(r"[a-z]+ed", word) and (before in _DETS or before.endswith(_POSS))
            and not text[words[i - 1].end() : m.start()].strip()
        ):  # "a deferred prosecution agreement", "the ministry's reasoned opinion"
            break
        mods.insert(0, word)
        starts.insert(0, m.start())
        start = m.start()
    return start, mods, False, starts


def _owner(text: str, words: list[re.Match[str]], i: int) -> int:
    """Where a capitalised owner ending at words[i] starts: "Banque Cèdre Orientale's"."""
    at = words[i].start()
    if not words[i].group()[0].isupper():
        return at
    for j in range(i - 1, max(i - 4, -1), -1):
        w = words[j]
        if text[w.end() : at].strip() or not w.group()[0].isupper() or w.group().casefold() in STOP:
            break
        at = w.start()
    return at


def _acts(noun: str, word: str, head: str) -> bool:
    """An instrument noun, then a verb in -s: "the law issues (rules)", "the statute permits"."""
    fold = noun.casefold()
    return (fold in EN_HEADS and not fold.endswith("s") and word.endswith("s")
            and not word.endswith("ss") and not strict_modifier(noun, head))  # fmt: skip


def _verb_like(word: str) -> bool:
    """A verb, or an -ing form that is not a field's name ("granting", not "mining")."""
    fold = word.casefold()
    return fold in _VERBS or (fold.endswith("ing") and fold not in _ING)


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
_WITH = re.compile(r"\s+with\s+(?:the\s+)?")
_HYPHEN_AFTER = re.compile(r"-\w")
_NEXT_WORD = re.compile(r"\s+([\w’'-]+)")
_LINK = re.compile(r"\s+(on|of|in|between|against|governing|to)\s+")
_ON_IDIOM = re.compile(r"\s+on\s+(?:hold|record|behalf|time|track)\b")
_FIGURE = re.compile(r"\d{4}|[$€£]?\d+(?:[.,]\d+)*%?")
_LOWER_WORD = re.compile(r"[a-z][a-z-]*")


def _adjective(name: str) -> bool:
    """A people's adjective, not a party: "Chinese" (goods), "the Greek" (ministry)."""
    return is_demonym(re.sub(r"^the\s+", "", name))


def _named_noun(text: str, stop: int, limit: int) -> int:
    """Extend 'the Essar Steel' over the noun it names: 'the Essar Steel resolution'."""
    for _ in range(2):  # "the US-China trade war"
        w = re.match(r"\s+([a-z][a-z-]*)(?=[\s,.;:)]|$)", text[stop:limit])
        if not w or w.group(1) in STOP or w.group(1).endswith("ed") or w.group(1) in _VERBS:
            break
        stop += w.end()
    return stop


def _party(text: str, end: int, head: str) -> int:
    """Extend a deal's head over its party: 'with JLL', 'with the attorney general'."""
    m = _WITH.match(text[end:])
    if head not in PARTY or not m:
        return end
    at = end + m.end()
    name = re.match(r"[A-Z][\w.’'-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w.’'-]*)*", text[at:])
    if name and _adjective(name.group()):
        return end  # "a contract with the Greek ministry"
    if name and not _TIME_WORD.match(name.group()) and not name.group().endswith(("'s", "’s")):
        stop = at + name.end()
        return stop - 1 if _LOOSE_STOP.search(text, at, stop) else stop
    role = re.match(r"([a-z-]+)(\s+general)?(?!\s+(?!(?:last|this|on|in|over)\b)[a-z])", text[at:])
    return at + role.end() if m.group().rstrip().endswith("the") and role and role.group(1) in (
        OFFICIAL_TITLES) else end  # fmt: skip


def _complement(text: str, end: int, limit: int, head: str, described: bool = False) -> int:
    """Extend over 'of/on/in/between/against' + a name or a short topic phrase (the topic
    only for a head its modifiers do not already make an instrument: "duties on steel", but
    "anti-dumping duties")."""
    if (party := _party(text, end, head)) > end:
        return party
    if head == "code" and (c := re.match(r"\s+of\s+(?:conduct|practice|ethics)\b", text[end:])):
        return end + c.end()  # "the electoral code of conduct"
    m = _LINK.match(text[end:limit])
    if m and m.group(1) == "to" and not head.startswith("amendment"):
        return end  # "amendments to the Act"; not "the appeal to the court"
    if _ON_IDIOM.match(text[end:limit]):
        return end  # "the ban on hold"
    if not m or head in ("order", "orders", "bill", "bills", "code", "judgment"):
        return end
    if described and m.group(1) == "between":
        return end  # "the 1970 extradition treaty" (between Spain and the United States)
    at = end + m.end()
    name = re.match(r"(?:the\s+)?[A-Z][\w.’'-]*(?:\s+(?:and\s+(?:the\s+)?|of\s+)?[A-Z][\w.’'-]*)*",
                    text[at:limit])  # fmt: skip
    if name and _adjective(name.group()):
        return end  # "tariffs on Chinese goods", "a deal on the Chinese": no party
    if name and not _TIME_WORD.match(name.group()) and not name.group().endswith(("'s", "’s")):
        stop = at + name.end()
        if _LOOSE_STOP.search(text, at, stop):
            return stop - 1
        return _named_noun(text, stop, limit) if name.group().startswith("the ") else stop
    if name or described or m.group(1) not in ("on", "of", "governing", "against"):
        return end
    last = end
    for i, w in enumerate(re.finditer(r"[a-z][\w-]*|[^a-z\s][^\s]*", text[at:limit])):
        fold = w.group()
        if i >= 5 or not fold[0].isalpha() or (fold in STOP and fold not in ("in", "and")):
            break
        if fold not in ("in", "and"):
            last = at + w.end()
    return last


def _english(s: Sentence, context: str = "") -> list[Found]:
    out: list[Found] = []
    text, floor = s.text, 0
    for m in _EN_HEADS.finditer(text):
        if text[m.start() - 1 : m.start()] == "-" or _HYPHEN_AFTER.match(text, m.end()):
            continue  # "anti-law", "law-abiding"
        raw, head = m.group(1), m.group(1).casefold()
        if raw[0].isupper() and not head.startswith("terms"):
            continue  # capitalised names are _NAMED's job
        after = _NEXT_WORD.match(text[m.end() :])
        if after and after.group(1).casefold() in _NOT_AFTER:
            continue
        start, mods, det, starts = _modifiers(text, m.start(), floor)
        content = [w for w in mods if w.casefold() not in _WEAK]
        # "anti-dumping duties", "the fishing licences": not "lower duties" (on seed)
        described = any(strict_modifier(w, head) for w in mods) or (
            head not in STRICT and any(not w.isdigit() for w in content))  # fmt: skip
        end = _complement(text, m.end(), len(text), head, described)
        party = end > m.end() and re.match(r"\s+with\s", text[m.end() :]) is not None and (
            not head.endswith("s") or described)  # not "the center deals with it"
        if head in ("award", "awards") and re.match(r"\s+of\b", text[m.end() :]):
            continue  # "the award of contracts"
        if head == "bill" and _BILL_VERB.search(text[:start]):
            continue
        if not _described_ok(head, text, m.end(), mods, det, context) or any(
            w.casefold() in OTHER_SENSE.get(head, ()) for w in mods
        ):  # "the liberal international order", "a good deal"
            continue
        rx = CONTEXT.get(head)
        in_context = det and rx is not None and rx.search(context) is not None
        if head.startswith("order") and det and _ORDER_THAT.match(text, m.end()):
            in_context = bool(LEGAL.search(context))  # "an order requiring the airline to"
        owned = text[start : m.start()].strip().casefold().endswith(_POSS)  # "the bank's decision"
        qualified = bool(content) or end > m.end() or owned  # never a bare "the decision"
        if head in STRICT and not ((head in BY_COMPLEMENT and end > m.end()) or party):
            if not ((in_context and qualified) or any(strict_modifier(w, head) for w in mods)):
                continue
        elif not (qualified or (det and head in _SELF_NAMED)):
            continue
        verbs = [i for i, w in enumerate(mods) if _verb_like(w)]
        said = [i for i in verbs if i and mods[i].endswith("s") and mods[i].casefold() in _VERBS]
        said += [i + 1 for i, w in enumerate(mods[:-1]) if _acts(w, mods[i + 1], head)]
        if mods and _acts(mods[-1], head, head):
            continue  # "the statute permits": a verb, not permits
        if det and said:  # "the pact requires deeper concessions": the subject's determiner
            det, verbs = False, said
        if not det and verbs:  # "seek amendments", "farmers want lower duties", "stop granting"
            mods, starts = mods[verbs[-1] + 1 :], starts[verbs[-1] + 1 :]
            start = starts[0] if starts else m.start()
            content = [w for w in mods if w.casefold() not in _WEAK]
        named = end > m.end() and re.search(r"\s[A-Z]", text[m.end() : end]) is not None
        strict = [i for i, w in enumerate(mods) if strict_modifier(w, head)]
        acronym = any(re.fullmatch(r"[A-Z]{2,6}", w) and strict_modifier(w, head) for w in mods)
        if not det and not named and not acronym and not (
            content and head.endswith("s") and head in STRICT
        ):  # fmt: skip
            continue  # "amendments to the X Act", "FDA clearance", "criminal charges"; not a
            # class ("gun safety laws", "environmental permits") nor a bare head ("law")
        if not det and strict:  # "discuss new restrictive measures": from "restrictive"
            start = starts[strict[0]]
        firm = [i for i, w in enumerate(mods) if w.casefold() not in _WEAK]
        owner = text[start : starts[0] if starts else m.start()].rstrip().endswith(_POSS)
        if firm and not owner and mods[0].casefold() in _WEAK - _KEPT:  # "the recent mask ban"
            start = starts[firm[0]]
        elif len(mods) > 1 and _scare_quoted(text, starts[0], mods[0]):
            start = starts[1]  # a “historic” Phase 1 trade agreement
        if mods and start < starts[0] and text[start:].split(None, 1)[0].casefold() in _OWNERS:
            start = starts[0]  # "its $1.6 billion budget amendment": the amendment
        out.append((s.start + start, s.start + end, EN_HEADS[head]))
    for c in _CASE.finditer(text) if "v." in text or "vs." in text else ():  # needs either
        if " vs. " in c.group() and not LEGAL.search(context):
            continue  # "Broncos vs. Raiders" is a game, not a case
        out.append((s.start + c.start(), s.start + c.end(), "court_decision"))
    return out


def _scare_quoted(text: str, at: int, word: str) -> bool:
    """A lower-case word in quotes of its own: the reporter's gloss, not the name."""
    before = text[at - 1 : at + 1]
    end = at + len(word) + (text[at : at + 1] in _QUOTES)
    return word.islower() and bool(set(before) & set(_QUOTES)) and text[end : end + 1] in _QUOTES


def _described_ok(head: str, text: str, end: int, mods: list[str], det: bool,
                  context: str) -> bool:  # fmt: skip
    """Safeguards for everyday heads: 'an appeal for calm', 'a proposal to meet' are not."""
    if head.startswith("ruling") and _RULING_NOUN.match(text, end):
        return False  # "the ruling party"
    if head.startswith("contract"):
        return det  # "the contract", not "sign contracts"
    if head.startswith(("appeal", "decision", "plan")):  # "the decision to leave", not "the
        described = any(w.casefold() not in _WEAK for w in mods)  # November decision to cancel"
        return det and (described or not re.match(r"\s+(?:for|to|whether|on\s+whether)\b",
                                                  text[end:]))  # fmt: skip
    if head.startswith("proposal"):  # a named proposer in a treaty or quota context
        return det and any(w[0].isupper() for w in mods) and bool(TREATY.search(context))
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
