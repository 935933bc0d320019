"""Legal context: named instruments, warrants, rulings, sanctions and obligations.

Each item's instrument, provision and obligation are spans of the article, and its evidence
is the sentence it was found in.
"""

from __future__ import annotations

import re

from summarizer.brief.countries import is_demonym
from summarizer.brief.grounding import normalize
from summarizer.brief.schema import LegalContext
from summarizer.engines.extractive.actors import Cluster
from summarizer.engines.extractive.legal_lower import lower_instruments
from summarizer.engines.extractive.lexicon import INSTRUMENT_ACRONYMS, MONTHS, WEEKDAYS
from summarizer.engines.extractive.phrases import may_match, words
from summarizer.engines.extractive.segment import Sentence, span

MAX_LEGAL = 15
# A capitalised word, initials, an ordinal, or a capitalised aside: "(Natural Resources)".
_CAP = (
    r"(?:[A-Z][\w’'-]*|(?:[A-Z]\.){2,}|\d+(?:st|nd|rd|th)"
    r"|\([A-Z][\w’'-]*(?:\s(?:[A-Z][\w’'-]*|of|to|and|the|for|on|in)){0,6}\))"
)
_HEADS = {
    **dict.fromkeys(("Statute", "Act", "Bill", "Code", "Constitution", "Law", "Amendment",
                     "Decree", "Decree-Law", "Ordinance"), "statute"),
    **dict.fromkeys(("Convention", "Treaty", "Charter", "Protocol", "Agreement", "Accord",
                     "Covenant", "Pact", "Accords", "Conventions", "Treaties", "Protocols",
                     "Agreements"), "treaty"),
    **dict.fromkeys(("Resolution",), "resolution"),
    **dict.fromkeys(("Declaration", "Guidelines", "Principles", "Criteria", "Plan", "Framework",
                     "Policy"), "other"),
    **dict.fromkeys(("Arrangement", "Understanding"), "treaty"),
    **dict.fromkeys(("Directive", "Regulation", "Regulations", "Rules"), "statute"),
}  # fmt: skip
_DATES = "(?:" + "|".join(w.capitalize() for w in (*WEEKDAYS, *MONTHS)) + ")"  # "Act on Monday"
_NAMED = re.compile(
    rf"(?<![\w’'])(?:{_CAP}\s+(?:(?:of|on|for|and|the|to)\s+)*){{0,6}}"
    rf"(?:{'|'.join(_HEADS)}|bill|law|act)(?![\w’'-])"
    rf"(?:\s+(?:of|on)\s+(?:the\s+)?(?:\d{{4}}|(?!{_DATES}\b)[A-Z][\w’'-]*"
    r"(?:\s+(?:(?:and|of|for|of\s+the)\s+)?[A-Z][\w’'-]*)*))?"  # "Law on the Rights of Users"
    r"(?:\s+\((?:EU|EC|EEC|EU,\s*Euratom)\))?"
    r"(?:\s+(?:No\.\s*)?\d[\d/.-]*(?:\d|/EU|/EC|/EEC)|\s+\d+)?"
    r"(?:\s+of\s+\d{4}\b|,\s+\d{4}\b)?"  # "Law 80 of 1993", "Act, 2016"
)
_GOVERNING = re.compile(
    r"\s+(?:Governing|Relating|Concerning|Regarding|Establishing|Implementing|Amending)"
    r"(?:\s+(?:to|on|of|the|and|for))*\s+[A-Z][\w’'-]*"
    r"(?:(?:\s+(?:of|the|and|for|on))*\s+[A-Z][\w’'-]*)*"
)
_BODY_BEFORE = re.compile(  # a body named for a field of law: "Tribunal for the Law of the Sea"
    r"\b(?:Tribunal|Court|Commission|Committee|Institute|Ministry|Department|Office|Council|"
    r"Society|Association|Centre|Center|School|Faculty|Professor)\s+(?:for|of|on)\b"
)
_BOTH = re.compile(rf"\b({'|'.join(_HEADS)})\s+and\s+the\s+(?=[A-Z])")
_HEAD_WORD = re.compile(rf"\b(?:{'|'.join(_HEADS)}|bill|law|act)(?![\w’'-])")
# A word that a _NAMED match's head starts: a sentence without one has no _NAMED match.
_HEAD_STARTS = frozenset(h.split("-")[0] for h in (*_HEADS, "bill", "law", "act"))
_ACRONYM = re.compile(rf"\b(?:{'|'.join(INSTRUMENT_ACRONYMS)})\b")
# Any acronym as a plain substring, one scan (a sentence without one skips _ACRONYM): for 30
# rare texts, 5x faster than `any(a in text ...)`, which is faster for a few common ones.
_ANY_ACRONYM = re.compile("|".join(map(re.escape, INSTRUMENT_ACRONYMS)))
_TITLE_CODE = re.compile(r"\bTitle\s+\d+\s+(?:of\s+the\s+)?(?:U\.?S\.?\s+)?Code(?:\s+§?\s*\d+)?")
_GENERIC = [
    (
        re.compile(
            r"(?:\b(?:(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w]*(?:['’]s)?|arrest)\s+)?\b(?:arrest\s+)?"
            r"warrants?\b"  # "an arrest warrant", "Two Marlow County warrants"
            r"(?:\s+for\s+(?:his|her|their|the)\s+arrest)?"
        ),
        "warrant",
    ),  # fmt: skip
    (
        re.compile(
            r"\b(?:[A-Z][\w-]*\s+)?(?:(?:arms|oil|trade|targeted|economic|financial)\s+)?"
            r"(?:sanctions|restrictive measures|embargo)\b"
        ),
        "other",
    ),
    (re.compile(r"\b(?:(?:the|a|its|our|their)\s+)?[Cc]onstitution\b(?!al)"), "statute"),
    (
        re.compile(
            r"\b(?:[A-Z][\w-]*\s+)?(?:(?:nuclear|peace|trade|ceasefire|cease-fire|merger|plea|"
            r"settlement|bailout|debt|loan|transit|power-sharing|free-trade)\s+)?"
            r"(?:agreement|deal|accord)\b"
        ),
        "treaty",
    ),
    (
        re.compile(r"\bnationally determined contributions?\b|\bstate of (?:emergency|siege)\b|"
                   r"\bplea (?:bargain|deal|agreement)s?\b|\bstay of (?:execution|proceedings|"
                   r"enforcement|deportation|removal)\b|\benvironmental impact assessments?\b|"
                   r"\bclass[- ]action(?:\s+(?:lawsuit|suit))?s?\b|\bguilty pleas?\b|"
                   r"\bnotices? of (?:violation|breach|default|appeal|intent|arbitration|"
                   r"discrepancy|non-compliance|termination)\b|"
                   r"\brules? nisi\b|\brequests? for arbitration\b|\barbitration claims?\b"),
        "other",
    ),
    (
        re.compile(
            r"\b(?:UN|Security Council|General Assembly)\s+resolutions?\b|"
            r"\bresolution\s+\d+\b"
        ),
        "resolution",
    ),  # fmt: skip
]
_RULING = re.compile(
    r"\b(?:(?:a|the|its|the court['’]s)\s+)?(?:(?!(?:any|some|no|every|unanimous|split|"
    r"final|new|recent|first|latest|this|that|the|a|an|its|his|her|my|your|our|their)\s|\d)"
    r"(?<![’'–-])\w+\s+)?"
    r"(?:ruling|judgment|judgement|verdict|"
    r"decision|injunction)\b(?!\s+(?:party|parties|coalition|class|elite|junta|family|bloc))"
)
_COURTISH = re.compile(r"\b(?:court|tribunal|judges?|justices?|ruled|chamber|panel|arbitrat\w+)\b",
                       re.I)
_OBLIGATION = re.compile(
    r"\b(?:obligations?|obliged to|duty to|required to|bound to|must comply)\b[^.;,\"“”]*",
    re.I,
)
_PROVISION = re.compile(
    r"\b(?:Article|Section|Clause|Paragraph|Chapter|Rule)\s+[\dIVXLC]+"
    r"(?:\(\w+\))*(?:\s+of\s+(?:the\s+)?[A-Z][\w ]{0,40}?(?=[,.;]|$))?"
)
# A provision cited on its own: "Section 230", "Article 5", "Rule 39", "Title IX".
_NUM = r"(?:\d+(?:[.-]\d+)*[A-Za-z]?|[IVXLC]+)\b(?:\(\w+\))*"
_BARE_PROVISION = re.compile(
    rf"\b(?:(?:Article|Section|Rule|Title|Chapter|Annex|Part|article|section)\s+{_NUM}"
    rf"(?:,\s+(?:Section|Clause|Paragraph|No\.)\s+{_NUM})?"
    rf"|Decision\s+(?:No\.\s*)?\d+(?:/\d+)*\b)"
)
# Every _BARE_PROVISION match has one of these words: a sentence without one skips it.
_PROVISION_WORDS = ("Article", "Section", "Rule", "Title", "Chapter", "Annex", "Part", "article",
                    "section", "Decision")  # fmt: skip
_PROVISION_BEFORE = re.compile(
    r"\b(?:Article|Section|Clause|Paragraph|Chapter|Rule|Annex|Schedule|Part)s?\s+"
    r"(?:\d+(?:\.\d+)*[a-z]?|[IVXLC]+)(?:\(\w+\))*"
    r"(?:,\s+(?:Section|Clause|Paragraph)\s+\d+(?:\.\d+)*[a-z]?(?:\(\w+\))*)?"
    r"\s+of\s+(?:the\s+)?$",
    re.I,
)
# A statute cited by its code's initials: "G.S. 160D-1207", "42 U.S.C. § 1983", "§ 230".
_SECTION = r"§§?\s*\d+[A-Za-z]?(?:[-.:]\d+[A-Za-z]?)*(?:\(\w+\))*"
_CODE_CITE = re.compile(
    r"(?<![\w.])(?:\d+\s+)?(?!U\.S\.\s|U\.K\.\s)(?:[A-Z]\.){2,}(?:\s?[A-Z][a-z]{1,4}\.)*\s+"
    rf"(?:{_SECTION}|\d+[A-Za-z]?(?:[-.:]\d+[A-Za-z]?)+)"
    rf"|(?<![\w.])[A-Z][a-z]{{1,4}}\.(?:\s[A-Z][a-z]{{1,5}}\.?)*\s+{_SECTION}"  # "Wis. Stat. §"
    rf"|(?<!\w){_SECTION}"
)
# A case cited by its number: "case No. 1:19-cv-02379", "suit FHC/ABJ/03/095/2018".
_CASE_NUMBER = re.compile(
    r"\b(?:[Cc]ase|[Dd]ocket|[Ss]uit|[Cc]laim|[Pp]etition)\s+(?:[Nn]o\.|[Nn]umber|#)\s*"
    r"[A-Z0-9][\w:/.-]*\d[\w/-]*|(?<![\w/])(?=[A-Z0-9/]*\d)[A-Z]{2,}(?:/[A-Z0-9]+){2,}(?![\w/])"
)
_NUMBER_CUE = re.compile(r"No\.|[Nn]umber|#")
# A head placed but not described: "permit in croatia", "ban in texas".
_PLACED = re.compile(r"[\w-]+ in [A-Za-zÀ-ÿ-]+(?: [A-Za-zÀ-ÿ-]+)?")
_SYSTEMS = frozenset("domestic national federal state local ordinary international trade".split())
_Found = tuple[int, int, str, int]  # start, end, kind, rank
_DET = re.compile(r"(?:the|a|an|its|our|their|his|her|my|your|this|that|these|those)\s", re.I)
_NOT_INSTRUMENT = re.compile(r"^(?:the\s+)?(?:Bill|Law|Act|Code)$|^[A-Z][a-z]+ Bill$", re.I)
_BODY_NAME = re.compile(r"Court|Council|Commission|Parliament")
_LEAD_DET = re.compile(r"^(?:the|a|an|its|our|their|this|that|these|those)\s+", re.I)


def _kind(instrument: str) -> str:
    if re.search(r"\bRome Statute\b", instrument):
        return "treaty"
    for word in reversed(re.findall(r"[A-Za-z]+", instrument)):
        if word in _HEADS:
            return _HEADS[word]
        if word.casefold() in ("bill", "law", "act"):
            return "statute"
    return "other"


def _named(s: Sentence) -> list[tuple[int, int, str]]:
    out = []
    headless = _HEAD_STARTS.isdisjoint(words(s.text))  # no head word: _NAMED cannot match
    for m in () if headless else _NAMED.finditer(s.text):
        phrase = m.group()
        heads = list(_HEAD_WORD.finditer(phrase))
        tail = phrase[heads[-1].end() :] if heads else ""
        end = m.end()
        if re.match(r"\s[A-Z]", s.text[end : end + 2]) and not re.search(r"\d", tail):
            more = _GOVERNING.match(s.text, end)  # "Guidelines Governing Free Elections"
            if not more:
                continue  # "Bill Shorten", "Law Society", "Aegean Charter Air"
            end = more.end()
        if heads and _BODY_BEFORE.search(phrase, 0, heads[-1].start()):
            continue  # "International Tribunal for the Law of the Sea" is a court
        if phrase[0].islower() or _NOT_INSTRUMENT.match(phrase) or len(phrase.split()) < 2:
            if not re.match(r"^[A-Z][\w-]+ (?:Statute|Convention|Treaty|Charter)", phrase):
                continue
        lead = re.match(r"(?:(?:Under|Despite|After|Before|In|By|With|The|This|That|No|A|An|"
                        r"Although|Though|While|When|If|But|And|As|Because|Since|Once|Unless|"
                        r"Whether|Until|Its|Their|Our)"
                        r"\s+(?:(?:the|a|an|to|of)\s+)*)+", phrase)  # fmt: skip
        start = s.start + m.start() + (lead.end() if lead else 0)
        if lead and len(phrase[lead.end() :].split()) < 2:
            continue
        both = _BOTH.search(s.text, start - s.start, end)
        if both and " " in s.text[start - s.start : both.end(1)]:  # two instruments:
            # "the Paris Agreement and the Kyoto Protocol"
            out.append((start, s.start + both.end(1), _kind(both.group(1))))
            start = s.start + both.end()
        out.append((start, s.start + end, _kind(phrase)))
    for m in _TITLE_CODE.finditer(s.text) if "Title" in s.text else ():
        out.append((s.start + m.start(), s.start + m.end(), "statute"))
    acronyms = _ANY_ACRONYM.search(s.text)  # a match needs one in full
    for m in _ACRONYM.finditer(s.text) if acronyms else ():
        if not any(a <= s.start + m.start() < b for a, b, _ in out):
            out.append((s.start + m.start(), s.start + m.end(), INSTRUMENT_ACRONYMS[m.group()]))
    return out


# Every word a _GENERIC pattern or _RULING needs: a sentence without one skips them all.
_GENERIC_WORDS = (
    "warrant sanction restrictive embargo onstitution agreement deal accord determined "
    "state of|plea|stay of|impact|class|guilty|notice|nisi|arbitration|resolution|ruling|judg|"
    "verdict|decision|injunction"
).replace(" ", "|").split("|")


# Each _GENERIC pattern's needed words (a sentence without one of them skips the pattern);
# plain substrings of the case-folded sentence, tested with `in`.
_NEEDS = [
    need.split("|")
    for need in ("warrant", "sanction|restrictive|embargo", "onstitution", "agreement|deal|accord",
                "determined|state of|plea|stay of|impact|class|guilty|notice|nisi|"
                "arbitration", "resolution")
]  # fmt: skip


# A word each _COURTISH match holds: an ASCII sentence without one has no match.
_COURT_WORDS = ("court", "tribunal", "judge", "justice", "ruled", "chamber", "panel", "arbitrat")


def _generic(s: Sentence) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    lower = s.text.casefold()
    if not any(word in lower for word in _GENERIC_WORDS):
        return out
    for (rx, kind), needs in zip(_GENERIC, _NEEDS, strict=True):
        if any(word in lower for word in needs):
            for m in rx.finditer(s.text):
                out.append((s.start + m.start(), s.start + m.end(), kind))
    if may_match(s.text, _COURT_WORDS) and _COURTISH.search(s.text):
        ruling = _RULING.search(s.text)
        if ruling:
            out.append((s.start + ruling.start(), s.start + ruling.end(), "court_decision"))
    return out


def _body(s: Sentence, clusters: list[Cluster]) -> str | None:
    for c in clusters:
        if c.kind in ("court", "igo") or _BODY_NAME.search(c.name):
            if any(m.sentence == s.index for m in c.mentions):
                return c.name
    return None


def _overlaps(a: int, b: int, found: list[_Found]) -> bool:
    """Whether the span a..b overlaps one already found."""
    return any(x < b and a < y for x, y, _, _ in found)


def _vague_law(key: str) -> bool:
    """'Croatian law', 'our domestic law': a legal system, not an instrument."""
    words = key.split()
    return len(words) == 2 and words[1] in ("law", "laws") and (
        is_demonym(words[0]) or words[0] in _SYSTEMS
    )


class LegalFinder:
    """Collects legal items across sentences, one per distinct instrument.

    Past MAX_LEGAL items, named instruments are kept before described ones, and those before
    generic mentions ("a deal", "the ruling"); the result keeps the article's order.
    """

    def __init__(self, text: str, clusters: list[Cluster], language: str | None = None) -> None:
        self.text = text
        self.clusters = clusters
        self.language = language
        self.items: dict[str, LegalContext] = {}
        self.rank: dict[str, int] = {}  # 0 named, 1 described, 2 generic or bare

    def _add(self, start: int, end: int, kind: str, s: Sentence, rank: int) -> None:
        q = span(self.text, start, end)
        key = normalize(_LEAD_DET.sub("", q.text))
        if rank == 2:
            last = q.text.split()[-1].casefold()
            key = f"<{kind}:{last if kind in ('other', 'treaty') else ''}>"
        same = self._same(key)
        if same is not None:
            item = self.items[same]
            if len(item.evidence) < 2 and all(e.start != s.start for e in item.evidence):
                item.evidence.append(s.quote())
            return
        if _vague_law(key) or _PLACED.fullmatch(key):
            return  # "Croatian law", "a permit in Croatia": a system or a place, not an item
        if rank == 2 and len(q.text.split()) - bool(_DET.match(q.text)) < 2 and not re.search(
            r"[Cc]onstitution", q.text
        ):
            return  # a bare head ("sanctions", "the deal", "a warrant"): nothing names it
        self.rank[key] = rank
        self.items[key] = LegalContext(
            instrument=q.text,
            kind=kind,  # type: ignore[arg-type]
            provision=self._cut(_PROVISION.search(s.text), s),
            body=_body(s, self.clusters),
            obligation=self._cut(_OBLIGATION.search(s.text), s),
            evidence=[s.quote()],
        )

    def _same(self, key: str) -> str | None:
        """The item a key names again: itself, a longer name that contains it, or one with
        the same head and more modifiers ("the annual permit", "an annual operating permit")."""
        if key in self.items:
            return key
        words = key.split()
        for k in self.items:
            if key in k or (len(words) > 1 and k.endswith(f" {words[-1]}")
                            and set(words) <= set(k.split())):  # fmt: skip
                return k
        return None

    def _with_provision(self, found: _Found, s: Sentence) -> _Found:
        """'Article 12 of' + an instrument: one item per provision cited, however named."""
        a, b, kind, rank = found
        m = _PROVISION_BEFORE.search(self.text, s.start, a)
        return (m.start(), b, kind, min(rank, 1)) if m else found

    def _cut(self, m: re.Match[str] | None, s: Sentence) -> str | None:
        """The article's text of a match in a sentence, trimmed (None without a match)."""
        return span(self.text, s.start + m.start(), s.start + m.end()).text if m else None

    def scan(self, sentences: list[Sentence]) -> list[LegalContext]:
        """Legal items in the order the article first gives them."""
        for s in sentences:
            found = [(a, b, kind, 0) for a, b, kind in _named(s)]
            named = list(found)
            for a, b, kind in lower_instruments(s, self.language, self.text):
                # "amendments to the Civil Aviation Act": both the amendments and the act
                if not any(x < b and a < y and not a < x <= y <= b for x, y, _, _ in named):
                    found.append((a, b, kind, 1))
            for a, b, kind in _generic(s):
                if not _overlaps(a, b, found):
                    found.append((a, b, kind, 2))
            found = [self._with_provision(f, s) for f in sorted(found)]
            cites = [*_BARE_PROVISION.finditer(s.text)] if any(
                w in s.text for w in _PROVISION_WORDS) else []  # fmt: skip
            if "§" in s.text or "." in s.text[:-1]:  # "42 U.S.C. § 1983", "G.S. 160D-1207"
                cites += _CODE_CITE.finditer(s.text)
            if "/" in s.text or _NUMBER_CUE.search(s.text):  # "case No. 3:20-cv-1", "FHC/ABJ/.."
                cites += _CASE_NUMBER.finditer(s.text)
            for m in cites:
                a, b = s.start + m.start(), s.start + m.end()
                if not _overlaps(a, b, found):
                    found.append((a, b, "other", 1))
            found.sort()
            for a, b, kind, rank in found:  # an obligation alone ("bound to ...") is no item
                self._add(a, b, kind, s, rank)
        for key in self.items:  # "the ruling" beside "a panel ruling": the bare one is generic
            if " " not in key and any(k.endswith(f" {key}") for k in self.items):
                self.rank[key] = max(self.rank[key], 2)
        generic = self.items.get("<court_decision:>")
        if generic is not None:  # "..., ruling that" beside "the ruling": one ruling, named
            head = generic.instrument.split()[-1].casefold()
            if any(k != "<court_decision:>" and k.split()[-1] == head for k in self.items):
                del self.items["<court_decision:>"]
        order = {key: i for i, key in enumerate(self.items)}
        kept = sorted(self.items, key=lambda k: (self.rank[k], order[k]))[:MAX_LEGAL]
        return [self.items[k] for k in sorted(kept, key=order.__getitem__)]
