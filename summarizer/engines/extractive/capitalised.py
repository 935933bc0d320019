"""Capitalised runs: a sentence's word tokens, and the runs of capitalised ones among them.

A run is a sequence of capitalised tokens with connectors such as "of the" inside ("Court of
Appeal", "Conseil d’État"). A possessive, a gap of punctuation or an affix ("Kremlin-backed")
ends a run. Offsets are the article's, so every run is a span of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.brief.countries import country_alpha3, demonym_alpha3
from summarizer.engines.extractive.given import is_given
from summarizer.engines.extractive.lexicon import (
    KNOWN_ORGS,
    LEGAL_HEADS,
    ORG_HEADS,
    STOP,
    TITLE_ABBREVIATIONS,
    TITLES,
    ordered,
    words,
)
from summarizer.engines.extractive.segment import Sentence

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W_](?:(?:[\w’'&]|-(?!-))*[^\W_])?")  # '--' is a dash
_PLACE_ABBREVIATIONS = words("place_abbreviations")  # "St. Louis", "Mt. Vernon"
CONNECT = frozenset(
    "of the for on and de des du la le d’ d' von van der al bin da di del sans dello della "
    "delle degli dei do dos das".split()
)


@dataclass(eq=False, slots=True)
class Tok:
    """One word token with its offsets, case-folded form, capital and possessive flags.

    Tokens compare by identity: `list.index` finds a token by position, not by field values.
    """

    start: int
    end: int
    text: str
    fold: str
    cap: bool
    poss: bool


_ELISION = re.compile(r"^(?:[dl]|qu)['’](?=[A-ZÀ-Þ])")


def tokens(s: Sentence) -> list[Tok]:
    """The word tokens of a sentence; an elided "d’"/"l’" is a token of its own."""
    text, base = s.text, s.start
    if "’" not in text and "'" not in text:  # no elision, no possessive: a token a match
        return [Tok(base + m.start(), base + m.end(), raw, raw.casefold(),
                    raw[0].isupper() and not text.startswith("$", m.end()), False)
                for m in _TOKEN.finditer(text) if (raw := m.group())]  # fmt: skip
    out: list[Tok] = []
    append = out.append
    for m in _TOKEN.finditer(text):
        raw = m.group()
        begin, stop = m.span()
        at = base + begin
        if "’" in raw or "'" in raw:  # an elision or a possessive needs an apostrophe
            if elided := _ELISION.match(raw):  # "d’État"
                cut = elided.end()
                append(Tok(at, at + cut, raw[:cut], raw[:cut].casefold(), False, False))
                raw, at = raw[cut:], at + cut
            poss = len(raw) > 2 and raw.endswith(("'s", "’s"))
            if poss:
                raw = raw[:-2]
            cap = raw[0].isupper() and not text.startswith("$", stop)  # not "C$1.9 million"
            append(Tok(at, at + len(raw), raw, raw.casefold(), cap, poss))
        else:
            cap = raw[0].isupper() and not text.startswith("$", stop)
            append(Tok(at, base + stop, raw, raw.casefold(), cap, False))
    return out


_PLURAL_POSS = re.compile(r"(?:men|women|children|people|workers|s)$", re.I)


def _breaks(prev: Tok, tok: Tok, text: str) -> bool:
    gap = text[prev.end : tok.start]
    if tok.cap and prev.cap and prev.text.endswith("s") and re.fullmatch(r"['’] ", gap):
        return tok.fold not in ORG_HEADS and not abstract(tok.fold)  # "State Sheriffs'
        # Association", "Detainees' Rights"; not "News’ Jo Lee"
    if prev.poss and tok.cap and _PLURAL_POSS.search(prev.text) and not country_alpha3(prev.text):
        return gap[2:].strip() != ""
    if prev.poss and prev.fold in TITLES and tok.fold in _OFFICES:  # "Prosecutor's Office"
        return gap[2:].strip() != ""
    if gap == ". " and (prev.fold in TITLE_ABBREVIATIONS or prev.fold in _PLACE_ABBREVIATIONS
                        ) and tok.cap:  # "Sen. Pablo Vidal", "St. Louis"
        return False
    if gap == " & " and prev.cap and tok.cap:  # "Ward & Lutz"
        return False
    return prev.poss or gap.strip() != "" or bool(_AFFIX.search(prev.text))


_CONTRACTION = re.compile(r"['’](?:ve|m|d|ll|re|t)$|n['’]t$", re.I)
# Stop words that begin a name when a capitalised word follows: Korean and Vietnamese
# surnames, Spanish, French and Arabic articles of place names ("Las Vegas", "Le Havre",
# "Al Jazeera"), "New" ("New York", "New Delhi"), and "without" inside a name.
_NAME_WORDS = frozenset("oh so an do ma ho los las el la le les al new without all".split())
# Heads named for a purpose: "Committee to Protect Journalists", "Campaign to Stop ...".
_PURPOSE = frozenset(
    "committee campaign coalition movement alliance initiative fund project".split()
)
# Heads of membership bodies, whose names may end "in <country>".
_MEMBERSHIP = frozenset(
    "association federation organization organisation union alliance network movement "
    "coalition confederation league society chamber".split()
)
_CONTINENTS = frozenset("europe africa asia america americas oceania".split())
_MEDIA = frozenset("news channel tv radio".split())
_OFFICES = frozenset(("office", "department", "bureau", "chambers"))
_AFFIX = re.compile(
    r"-(?:based|backed|led|owned|run|born|linked|allied|controlled|listed|registered|"
    r"headquartered|funded|financed|affiliated|aligned|sponsored|operated|leading|dominated|"
    r"friendly|focused|inspired|supported)$"
)


def _nation(tok: Tok) -> bool:
    return bool(country_alpha3(tok.text) or demonym_alpha3(tok.text))


def _org_after(toks: list[Tok], i: int, text: str) -> bool:
    """Whether the capitalised words from i end in an organisation head ("... and Drug
    Administration"), so that "and" belongs to the name."""
    j = i
    while j < len(toks) and toks[j].cap and toks[j].fold not in STOP and not toks[j].poss:
        j += 1
        gap = text[toks[j - 1].end : toks[j].start] if j < len(toks) else " "
        if gap != " " and not (gap in ("’ ", "' ") and toks[j - 1].fold.endswith("s")):
            break  # "... Exporters Association (BGMEA)"; not "... Employers’ Association"
    if j == i or toks[j - 1].fold not in ORG_HEADS or j - i > 3:
        return False
    if j == i + 1 and j < len(toks) and toks[j].fold == "of":
        return False  # "Harvard and University of Kent": a second name, head first
    # "Iberluz and Solaria Energía": two companies, each named in full
    return not (
        ORG_HEADS[toks[j - 1].fold] == "business"
        and j - i >= 2
        and toks[i - 2].fold not in ORG_HEADS
    )


def _headed(prev: Tok, tok: Tok) -> bool:
    """'on' and 'for' join a name only after a head that takes them ("Commission on Human
    Rights", "Minister for Justice", "Lawyers for Human Rights"), not "Pence on Trump"."""
    if tok.fold not in ("on", "for"):
        return True
    heads = ORG_HEADS.keys() | LEGAL_HEADS | (TITLES if tok.fold == "for" else frozenset())
    return prev.fold in heads or (prev.fold.endswith("s") and len(prev.fold) > 4)


def headed_by(run: list[Tok]) -> list[str]:
    """The organisation heads in a run that "of" or "for" follows: "Association of ...",
    "Tribunal for the Law of the Sea"."""
    return [t.fold for t, after in zip(run, run[1:], strict=False)
            if t.fold in ORG_HEADS and after.fold in ("of", "for")]  # fmt: skip


def _inside_name(cur: list[Tok], tok: Tok, nxt: Tok | None) -> bool:
    """A preposition inside an organisation's name that has "of" or "for" after its head:
    "Association of People with Disabilities", "Group of States against Corruption",
    "Association of Insurers in Kenya", "Organization for Security and Co-operation in Europe"
    ("in" only before a country or continent, and not in a ministry's or a council's name)."""
    if nxt is None or not nxt.cap or tok.fold not in ("with", "against", "in"):
        return False
    heads = headed_by(cur)
    if not heads:
        return False
    if tok.fold != "in":
        return True
    return heads[0] in _MEMBERSHIP and (_nation(nxt) or nxt.fold in _CONTINENTS)


def _listed(cur: list[Tok], toks: list[Tok], i: int, text: str) -> bool:
    """A list inside a name: 'Department of Trade, Industry and Competition', 'Control,
    Ethics and Disciplinary Body'."""
    if text[cur[-1].end : toks[i].start] != ", ":
        return False
    j = i
    while j < len(toks) and j - i < 2 and toks[j].cap and toks[j].fold not in STOP:
        j += 1
    if not (j > i and j + 1 < len(toks) and toks[j].fold == "and" and toks[j + 1].cap
            and text[toks[j - 1].end : toks[j + 1].start] == " and "):  # fmt: skip
        return False
    if cur[0].fold in ORG_HEADS and any(t.fold == "of" for t in cur):
        return True
    return len(cur) == 1 and not _nation(cur[0]) and _org_after(toks, j + 1, text)


_ABSTRACT = re.compile(r"(?:tions?|sions?|ity|ness|ism|ship|hood|ments?|rights|affairs)$")


def abstract(word: str) -> bool:
    """An abstract noun ('development', 'rights') ends a phrase that is not a person."""
    return len(word) > 7 and bool(_ABSTRACT.search(word)) or word in ("rights", "affairs")


def _inner_head(tok: Tok, nxt: Tok | None, text: str) -> bool:
    """A capitalised common word inside a name that ends in an organisation head: 'Human
    Rights Watch', 'First Light Foundation'."""
    if tok.fold in ORG_HEADS:  # "Peace Now", but not the headline's "Trump Now Says"
        return tok.fold != "now" or not (nxt and nxt.cap)
    return (nxt is not None and nxt.cap and nxt.fold in ORG_HEADS and nxt.fold not in STOP
            and tok.fold not in CONNECT and not _breaks(tok, nxt, text))  # fmt: skip


def _initial(cur: list[Tok], tok: Tok, nxt: Tok | None, text: str) -> bool:
    """A middle initial between two name words: the "A" of "Ada A. Lind"."""
    return (bool(cur) and len(tok.text) == 1 and tok.text.isupper() and cur[-1].cap
            and cur[-1].fold not in STOP and text[cur[-1].end : tok.start] == " "
            and nxt is not None and nxt.cap and nxt.fold not in STOP
            and text[tok.end : nxt.start] == ". ")  # fmt: skip


def _surname_he(cur: list[Tok], tok: Tok, nxt: Tok | None, text: str,
                lower: frozenset[str]) -> bool:  # fmt: skip
    """"He" as a Chinese name's part ("Liu He", "He Lin"), not the pronoun: beside a
    capitalised word that the text never writes in lower case."""
    if tok.text != "He":
        return False
    if cur:
        return (cur[-1].cap and cur[-1].fold not in STOP and cur[-1].fold not in lower
                and text[cur[-1].end : tok.start] == " ")  # fmt: skip
    return (nxt is not None and nxt.cap and nxt.fold not in STOP and nxt.fold not in lower
            and text[tok.end : nxt.start] == " ")  # fmt: skip


def _persons_own(cur: list[Tok]) -> bool:
    """A person's possessive ends a run: "Jeff Bezos’s Blue Origin" (a given name, then
    a surname with "’s")."""
    return len(cur) == 2 and cur[-1].poss and is_given(cur[0].text)


def _surname_word(cur: list[Tok], tok: Tok, text: str) -> bool:
    """A capitalised common word right after a lone given name is a surname: "Chris Early",
    "Ana Little"."""
    return (len(cur) == 1 and len(tok.text) > 3 and tok.fold not in CONNECT
            and text[cur[0].end : tok.start] == " " and is_given(cur[0].text))  # fmt: skip


_EN_STOP = frozenset(ordered("stop", "en")) | {"of", "the", "for", "on", "and"}


def _surname_stop(cur: list[Tok], tok: Tok, nxt: Tok | None, text: str) -> bool:
    """A capitalised word that is a function word only in another language, last in a name
    and given-name-like: "Masayoshi Son" (not "Della Robbia", "Son Says")."""
    return (bool(cur) and cur[-1].cap and cur[-1].fold not in STOP and not cur[-1].poss
            and (tok.fold in STOP or tok.fold in CONNECT) and tok.fold not in _EN_STOP
            and len(tok.text) > 1 and tok.text[0].isupper() and tok.text[1:].islower()
            and text[cur[-1].end : tok.start] == " " and (nxt is None or not nxt.cap)
            and (is_given(tok.text) or is_given(cur[-1].text)))  # fmt: skip


def runs(toks: list[Tok], text: str, lower: frozenset[str] = frozenset()) -> list[list[Tok]]:
    """Capitalised runs; connectors only between capitalised words, 'and' only after 'of'.
    `lower`: the words the text writes in lower case (what a name's words are not)."""
    found: list[list[Tok]] = []
    cur: list[Tok] = []
    for i, tok in enumerate(toks):
        if not cur and not tok.cap and tok.text != "He":
            continue  # a lower-case word outside a run neither starts nor ends one
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        after_initial = (len(cur) > 1 and len(cur[-1].text) == 1
                         and _initial(cur[:-1], cur[-1], tok, text))  # fmt: skip
        if (cur and (_breaks(cur[-1], tok, text) or _persons_own(cur))
                and not _listed(cur, toks, i, text) and not after_initial):  # fmt: skip
            found.append(cur)
            cur = []
        if (len(tok.text) == 1 and _initial(cur, tok, nxt, text)
                or tok.text == "He" and _surname_he(cur, tok, nxt, text, lower)):  # fmt: skip
            cur.append(tok)
            continue
        if (
            tok.cap
            and (tok.fold not in STOP or cur and _inner_head(tok, nxt, text)
                 or tok.fold in _NAME_WORDS and nxt is not None and nxt.cap
                 and nxt.fold not in STOP and text[tok.end : nxt.start] == " "  # "Oh Ji-woo"
                 or cur and cur[-1].fold in CONNECT and nxt is not None and nxt.cap
                 and text[tok.end : nxt.start] == " "  # "Court of First Instance"
                 or _surname_word(cur, tok, text) or _surname_stop(cur, tok, nxt, text))
            and not _AFFIX.search(tok.text)
            and not _CONTRACTION.search(tok.text)
        ):
            cur.append(tok)
            continue
        joins = (
            cur
            and (tok.fold in CONNECT or tok.fold == "by" and cur[-1].fold.endswith("ed")
                 or tok.fold == "to" and cur[-1].fold in _PURPOSE and nxt is not None
                 and nxt.cap and nxt.fold not in ORG_HEADS and not _nation(nxt)
                 or _inside_name(cur, tok, nxt))
            and nxt is not None
            and (nxt.cap or nxt.fold == "the")
            and not _breaks(tok, nxt, text)
            and _headed(cur[-1], tok)
            and (
                tok.fold != "and"
                or any(t.fold in ("of", "on", "for") for t in cur)
                or (_org_after(toks, i + 1, text) and not _nation(cur[-1]) and not _nation(nxt)
                    and not (len(cur) == 1 and cur[0].text.isupper())  # "KBL and Norvale Bank"
                    and " ".join(t.fold for t in cur) not in KNOWN_ORGS)  # "the Fed and ..."
            )
        )
        if joins or (cur and cur[-1].fold in _MEDIA and re.fullmatch(r"\d{1,3}", tok.text)
                     and text[cur[-1].end : tok.start] == " "):  # "Channel 4", "France 24"
            cur.append(tok)
            continue
        if cur:
            found.append(cur)
        cur = []
    if cur:
        found.append(cur)
    return [t for r in found if (t := trim(r))]


def trim(run: list[Tok]) -> list[Tok]:
    """A run without connectors or lower-case words at either end."""
    while run and (run[-1].fold in CONNECT or not run[-1].cap and not run[-1].text.isdigit()):
        run = run[:-1]
    while run and (run[0].fold in CONNECT or not run[0].cap):
        run = run[1:]
    return run
