"""Name candidates: capitalised runs in each sentence, titles stripped, kinds guessed.

The runs come from `extractive_runs` (capitalised tokens, "of the"-like connectors inside). Each
run becomes at most two mentions: a person after the last title word, or an organisation, a
state, or a bare single word that the selection step judges by how the text uses it.
"""

from __future__ import annotations

import re

from summarizer.brief.countries import (
    country_alpha3,
    demonym_alpha3,
    is_city,
    is_demonym,
    is_subdivision,
)
from summarizer.engines.extractive.capitalised import (
    CONNECT,
    Tok,
    abstract,
    headed_by,
    runs,
    tokens,
    trim,
)
from summarizer.engines.extractive.lexicon import (
    BUSINESS_NOUNS,
    IMPERATIVES,
    KNOWN_ORGS,
    ORG_HEADS,
    ORG_LEADS,
    PLACE_HEADS,
    POSTNOMINALS,
    REGIONS,
    STOP,
    TITLES,
    adjective,
    words,
)
from summarizer.engines.extractive.mention import GENERATIONAL as _GENERATIONAL
from summarizer.engines.extractive.mention import Mention, lower_title, possessive_country
from summarizer.engines.extractive.mention import adjective_word as _adjective
from summarizer.engines.extractive.mention import country_in as _country_in
from summarizer.engines.extractive.mention import glued as _glued
from summarizer.engines.extractive.mention import head_kind as _head_kind
from summarizer.engines.extractive.mention import inhabitants as _inhabitants
from summarizer.engines.extractive.mention import is_name_word as _is_name_word
from summarizer.engines.extractive.mention import led as _led
from summarizer.engines.extractive.mention import org_kind as _org_kind
from summarizer.engines.extractive.not_actors import CITATION, is_thing, numbered
from summarizer.engines.extractive.persons import PersonWords, office_of
from summarizer.engines.extractive.segment import Sentence
from summarizer.engines.extractive.titles import (
    NOUNISH,
    PORTFOLIO,
    PORTFOLIO_ONLY,
    ROYAL,
    is_title,
    title_kind,
)

_PREP = frozenset("in at to from into near outside inside across via".split())


_ROMANCE = frozenset(("fr", "es", "it", "pt", "ca"))
_ORG_NOUN = re.compile(r"(?:tion|tions|ité|ités|ence|ance|ée|ées|ción|ciones|idad|ía)$")
_ADJ = adjective()  # a Romance adjective, any language ("Commission nationale")
_FIRST_WORD = re.compile(r"\w")
_OPEN_QUOTES = frozenset("‘“\"'")
_CLOSE_QUOTES = frozenset("’”\"'")
_OPENERS = frozenset(':"“‘(—–-')
_OFFICERS = words("office_heads")
_COUNTS = words("number_words")
_VS_AFTER = re.compile(r"\s+vs?\.\s")
_VS_BEFORE = re.compile(r"\svs?\.\s+$")


class NameScanner(PersonWords):
    """Finds name mentions sentence by sentence in one article."""

    def __init__(self, text: str, language: str | None = None) -> None:
        super().__init__(text)
        self.romance = language in _ROMANCE

    def scan(self, sentence: Sentence) -> list[Mention]:
        """All name mentions in one sentence."""
        toks = tokens(sentence)
        out: list[Mention] = []
        found = runs(toks, self.text, self.lower)
        taken = employer = -1  # a run read as a name's title (or the name after one); the
        for i, run in enumerate(found):  # run after a title that follows a name
            if i == taken:
                continue
            if i == employer and (org := self._employer(run, sentence)):
                out.append(org)  # "Ada Obi, Director, Norvale Securities": her employer
                continue
            nxt = found[i + 1] if i + 1 < len(found) else None
            if nxt and (named := self._title_before(run, nxt, sentence)):
                out.append(named)  # "President of the Senate, Ada Obi": the title is no actor
                taken = i + 1
                continue
            if len(run) > 2 and run[-1].text in _GENERATIONAL and _is_name_word(run[-2]):
                out.extend(self._suffixed(run, toks, sentence))
            else:
                out.extend(self._classify(run, toks, sentence))
            if nxt and out and self.title_after(out[-1], run, nxt, sentence):
                body = nxt[at + 1 :] if (at := office_of(nxt)) else []
                if not (body and _org_kind(trim(body))):  # "..., CEO of Norvale Group": the
                    taken = i + 1  # company is read from the title; a bare office is no actor
                    employer = i + 2 if len(nxt) == 1 else -1
        self._share_plural_titles(out)
        return out

    def _employer(self, run: list[Tok], s: Sentence) -> Mention | None:
        """The body named right after a name's one-word title ("Director, Norvale
        Securities"), when a comma joins them and it is no place."""
        text = self.text[run[0].start : run[-1].end]
        if self.text[run[0].start - 2 : run[0].start] != ", " or any(is_title(t) for t in run):
            return None
        if country_alpha3(text) or is_city(text) or is_subdivision(text) or len(run) > 5:
            return None
        return self._org(run, s, dict(sentence=s.index, initial=False, locative=False))

    def _strip_initial(self, run: list[Tok], sentence: Sentence) -> list[Tok]:
        if len(run) > 1 and run[0].fold in IMPERATIVES and self._opens(run[0], sentence):
            run = trim(run[1:])  # "Follow X on Twitter", "Join Y": the verb is no name
        if len(run) > 2 and run[0].fold in _COUNTS and run[1].fold == "of":
            run = trim(run[2:])  # "Seven of Ada Obi's passes": a count, then the name
        while run and self._opens(run[0], sentence) and run[0].fold in self.lower:
            if run[0].text == "He" and len(run) > 1:
                break  # "He Lin": runs took "He" in as a name's part
            if len(run) > 1 and run[1].fold in STOP and run[1].cap:
                break  # "Reporters Without Borders": a stop word inside makes it a name
            if run[0].fold in KNOWN_ORGS or is_title(run[0]) or (len(run) > 1 and _org_kind(run)):
                break
            run = trim(run[1:])
        if len(run) > 1 and self._opens(run[0], sentence) and self.opener(run):
            run = trim(run[1:])  # "Thanks Junior": a first word never used as a name elsewhere
        return run

    def _suffixed(self, run: list[Tok], toks: list[Tok], s: Sentence) -> list[Mention]:
        """A run ending in a generational suffix ("Ray Cole Jr."): the run without it is
        classified, and a person found at its end takes the suffix (and its full stop)."""
        suffix = run[-1]
        found = self._classify(run[:-1], toks, s)
        end = suffix.end + (suffix.text in ("Jr", "Sr") and self.text.startswith(".", suffix.end))
        for m in found:
            if m.kind == "person" and m.end == run[-2].end:
                m.end, m.name = end, self.text[m.start : end]
        return found

    def _opens(self, tok: Tok, sentence: Sentence) -> bool:
        """Whether tok opens the sentence, a quote or a clause after a colon or dash."""
        first = _FIRST_WORD.search(self.text, sentence.start, tok.start)
        return first is None or self.text[sentence.start : tok.start].rstrip()[-1:] in _OPENERS

    def _classify(self, run: list[Tok], toks: list[Tok], s: Sentence) -> list[Mention]:
        run = self._strip_initial(run, s)
        if len(run) > 2 and len(run[0].text) == 1 and not self.text.startswith(".", run[0].end):
            run = run[1:]  # "F Ada Obi", "G Ada Obi": a player's position, no initial
        if len(run) > 1 and run[-1].text in POSTNOMINALS:
            run = trim(run[:-1])  # "Owen Hart SC"
        if any("-" in t.text and self._pair(t) for t in run):
            return []  # "the Ardent-Bellweather merger": two names joined, not one
        if any(not t.text[1:].islower() and _glued(t, run) for t in run):
            return []  # "Ada ObiAda ObiLagos": link texts run together, no name
        if not run or (len(run) == 1 and len(run[0].text) < 2):
            return []  # a lone letter ("E!") is no name
        if self.text[max(0, run[0].start - 1) : run[0].start] in _OPEN_QUOTES and self.text[
            run[-1].end : run[-1].end + 1
        ] in _CLOSE_QUOTES:
            return []  # "its ‘Clean Slate’ campaign": the title of a campaign or a work
        if len(run) == 1 and numbered(self.text, run[0]):
            return []  # "Phase 1", "737 Max", "A350": a numbered thing or a model
        initial = self._opens(run[0], s)
        idx = toks.index(run[0])
        end = toks.index(run[-1])
        nxt = toks[end + 1] if end + 1 < len(toks) else None
        led = _led(run)
        if is_thing(self.text, run, nxt, led):
            return []
        if _VS_AFTER.match(self.text[run[-1].end : run[-1].end + 5]) or _VS_BEFORE.search(
            self.text[max(0, run[0].start - 5) : run[0].start]
        ):
            return []  # parties in a case name ("X v. Y") are the legal item, not actors
        if self.romance and nxt is not None:
            org = self._romance_org(run, toks, end, s, initial)
            if org is not None:
                return [org]
        if len(run) > 1 and all(t.text.isupper() for t in run) and run[0].fold not in KNOWN_ORGS:
            return []  # SHOUTED BYLINES AND KICKERS
        if (nxt and not nxt.cap and nxt.fold in ORG_HEADS and len(run) > 1 and not run[-1].poss
                and not is_title(run[0]) and not _adjective(run[-1])
                and not self._person_of(run, nxt)):  # fmt: skip
            text = self.text[run[0].start : run[-1].end]
            return [Mention(run[0].start, run[-1].end, text, _head_kind(nxt.fold),
                            _country_in(run), sentence=s.index, initial=initial)]  # fmt: skip
        prev = [t.fold for t in toks[max(0, idx - 2) : idx]]
        locative = bool(prev) and (
            prev[-1] in _PREP or (len(prev) == 2 and prev[0] in _PREP and prev[1] == "the")
        )
        base = dict(sentence=s.index, initial=initial, locative=locative)
        cut = self._person_after(run, led)
        if cut:  # "the Ministry of Mines and Ada Obi", "the Farmers Union Ada Obi": two actors
            return [self._org(run[:cut], s, base), *self._classify(trim(run[cut:]), toks, s)]
        if led:  # "Department of Mines, Energy and Water": no title inside
            return [self._org(run, s, base)]
        for cut in (i for i, t in enumerate(run) if t.fold in ("of", "de")):
            title = max((i for i, t in enumerate(run[:cut]) if is_title(t)), default=-1)
            lone = cut - title == 2 and run[title].fold in PORTFOLIO  # "National System of"
            if 0 <= title < cut - 1 and not lone and self._personal(run[title + 1 : cut]):
                rest = trim(run[cut + 1 :])  # "Sheriff Ray Cole of Lane County"
                found = self._titled(run[:cut], title, run[title + 1 : cut], s, base)
                return found + self._of_org(rest, s, base, nxt)
        if len(run) > 2 and (at := office_of(run)) and not led:
            rest = trim(run[at + 1 :])  # "CEO of Norvale Group": the body; the office is none
            if rest and _org_kind(rest) and all(t.fold in ORG_HEADS or not is_title(t)
                                                for t in rest):  # fmt: skip
                return [self._org(rest, s, dict(base, initial=False))]
        name = self._after_portfolio(run)
        if name:  # "Minister for Employment and Workplace Relations Tom Price"
            return self._titled(run, len(run) - len(name) - 1, name, s, base)
        last_title = max((i for i, t in enumerate(run) if is_title(t)), default=-1)
        tail = run[last_title + 1 :]
        titles = [t for t in run[: last_title + 1] if is_title(t)]
        if len(titles) == 1 and titles[0].fold in PORTFOLIO_ONLY:
            last_title = -1  # "Home Depot", "Energy Transfer": a portfolio alone titles no one
        if last_title >= 0 and tail and self._personal(tail) and all(t.fold != "of"
                                                                     for t in tail):  # fmt: skip
            return self._titled(run, last_title, tail, s, base)
        return self._untitled(run, toks, s, base, nxt)

    def _romance_org(self, run: list[Tok], toks: list[Tok], end: int, s: Sentence,
                     initial: bool) -> Mention | None:  # fmt: skip
        """'Conseil constitutionnel', 'Confédération paysanne': noun, then adjectives."""
        head = run[-1].fold
        if len(run) > 2 or not (head in ORG_LEADS or _ORG_NOUN.search(head)):
            return None
        last = None
        for tok in toks[end + 1 : end + 3]:
            prev = last or run[-1]
            if tok.cap or not _ADJ.search(tok.fold) or self.text[prev.end : tok.start] != " ":
                break
            last = tok
        if last is None or re.match(r"\s+(?:de|des|du|d['’])\s*[a-zà-ÿ]", self.text[last.end :]):
            return None  # none, or cut short: "Commission nationale [de contrôle des ...]"
        kind = ORG_LEADS.get(run[0].fold, "other")
        return Mention(run[0].start, last.end, self.text[run[0].start : last.end], kind,
                       None, sentence=s.index, initial=initial)  # fmt: skip

    def _titled(self, run: list[Tok], last: int, tail: list[Tok], s: Sentence,
                base: dict) -> list[Mention]:  # fmt: skip
        out: list[Mention] = []
        head = run[: last + 1]
        first_title = next(i for i, t in enumerate(head) if is_title(t))
        prefix = head[:first_title]
        country = _country_in(prefix) or possessive_country(self.text, run[0], s)
        words = [t.fold.rstrip(".") for t in head[first_title:]]
        kind = title_kind(words, True, country)
        if prefix and not country and kind == "head_of_state":  # "Emirates President Tim Clark"
            org = _org_kind(prefix[-1:]) or _org_kind(prefix)  # heads a body: "Dallas Fed"
            kind = "official" if org in ("state", "court", "igo") else org or "person"
        if len(prefix) > 2 and _org_kind(prefix[:-1]) and prefix[-1].fold in ORG_HEADS:
            prefix = prefix[:-1]  # "Harbour House Press Secretary": the title is two words
        if prefix and _org_kind(prefix):
            out.append(self._org(prefix, s, base))
        title_span = (run[len(prefix)].start if out else run[0].start, head[-1].end)
        start = tail[0].start
        if len(tail) == 1 and head[-1].fold in ROYAL and (prefix or head[-1] is head[0]):
            start = head[-1].start  # "Queen Elizabeth", "Pope Francis": the title is the name's
        out.append(Mention(start, tail[-1].end, self.text[start : tail[-1].end],
                           "person", country, title=title_span, titled_kind=kind,
                           possessive=tail[-1].poss, **base))  # fmt: skip
        return out

    def _untitled(self, run: list[Tok], toks: list[Tok], s: Sentence, base: dict,
                  nxt: Tok | None) -> list[Mention]:  # fmt: skip
        text = self.text[run[0].start : run[-1].end]
        poss = run[-1].poss
        if run[-1].fold in PLACE_HEADS and not headed_by(run) or (
            run[0].fold in PLACE_HEADS and len(run) > 1 and run[-1].fold not in ORG_HEADS
        ):
            return []  # "Union Square", "Port Moresby"; not "City Council", "Tribunal ... Sea"
        if len(run) > 1 and _adjective(run[-1]) and nxt and not nxt.cap:
            return []  # "a Western Australian lithium mine"
        if len(run) == 1 and (
            is_demonym(text)
            or CITATION.match(self.text, run[0].start)
            and run[0].fold not in KNOWN_ORGS
            and not country_alpha3(text)
        ):
            return []  # "Peruvian"; "B-4", "G.S." in "G.S. 160D-1207"
        if len(run) == 1 and run[0].fold in ORG_HEADS and run[0].fold not in KNOWN_ORGS:
            return []
        if len(run) > 1 and is_title(run[0]) and run[-1].fold in _OFFICERS:
            return []  # "Chief Strategy Officer": a company's office, no one named
        of = next((i for i, t in enumerate(run) if t.fold == "of"), 0)  # "Taro Ueda of Japan"
        if self._person_of(run, nxt):
            end = run[of - 1].end  # "Rosa Vela of the Andean Patients' Network",
            rest = trim(run[of + 1 :])  # "Ines Ward of Ward & Lutz", "Lind of the Times"
            kind = "person" if of >= 2 else "single"
            m = Mention(run[0].start, end, self.text[run[0].start : end], kind, None, **base)
            if (title := lower_title(self.text, run[0], toks)) is not None:
                m.kind, (m.title, m.titled_kind, m.country) = "person", title
            return [m, *self._of_org(rest, s, base, nxt)]
        if _org_kind(run) and text.casefold() not in REGIONS:  # not "West Bank"
            return [self._org(run, s, base)]
        code = country_alpha3(text) if len(text) > 3 or text in ("US", "UK", "UAE") else None
        if code or (len(run) == 1 and demonym_alpha3(text) and not self._adjectival(run[0])):
            code = code or demonym_alpha3(text)
            return [Mention(run[0].start, run[-1].end, text, "state", code, possessive=poss,
                            **base)]  # fmt: skip
        if len(run) == 1 and demonym_alpha3(text):
            return []
        if _inhabitants(text):
            return []  # "Russians", "South Dakotans": the people of a place, not an actor
        if is_subdivision(text) and len(run) > 1:  # "South Dakota": a state of a federation,
            return [Mention(run[0].start, run[-1].end, text, "state", None, possessive=poss,
                            **base)]  # kept only when it acts or owns, as a country is
        if all(t.fold in TITLES for t in run) or is_subdivision(text) or text.casefold() in REGIONS:
            return []
        if of >= 2 and self._personal(run[:of]) and (code := _country_in(run[of + 1 :])):
            end = run[of - 1].end
            return [Mention(run[0].start, end, self.text[run[0].start : end], "person", code,
                            possessive=poss, **base)]  # fmt: skip
        if len(run) > 1 and not self._given_place(run) and (
            any(country_alpha3(t.text) for t in run if len(t.text) > 3)
            or run[-1].text in ("UK", "US", "USA", "UAE")
        ):  # "Aid Now UK"
            return [Mention(run[0].start, run[-1].end, text, "other", _country_in(run),
                            possessive=poss, **base)]  # fmt: skip
        title = lower_title(self.text, run[0], toks)
        idx = toks.index(run[0])
        firm = idx > 0 and toks[idx - 1].fold in BUSINESS_NOUNS and not toks[idx - 1].cap
        if firm and (len(run) > 1 or run[0].fold not in self.lower):  # "the mining firm X"
            return [Mention(run[0].start, run[-1].end, text, "business", _country_in(run),
                            possessive=poss, **base)]  # fmt: skip
        if place := self._place_prefix(run):  # "Port Vila Stock Exchange": named for a place
            return [Mention(run[0].start, run[-1].end, text, "other", country_alpha3(place),
                            possessive=poss, **base)]  # fmt: skip
        if 2 <= len(run) <= 4 and all(_is_name_word(t) or t.fold in CONNECT for t in run):
            if abstract(run[-1].fold):
                return []
            if any(t.text.isupper() and len(t.text) > 1 for t in run) and len(run) > 2:
                return []
            m = Mention(run[0].start, run[-1].end, text, "person", None, possessive=poss, **base)
            if title:
                m.title, m.titled_kind, m.country = title
            return [m]
        if len(run) == 1:
            m = Mention(run[0].start, run[-1].end, text, "single", None, possessive=poss, **base)
            if title and not (text.isupper() and len(text) <= 6):
                m.kind = "person"
                m.title, m.titled_kind, _ = title
            return [m]
        return []

    def _after_portfolio(self, run: list[Tok]) -> list[Tok]:
        """The name after a title with a portfolio ("Minister of Foreign Affairs Ana Ruiz"):
        its last two words, or three when the third is a name too; none without one."""
        port = next((i for i, t in enumerate(run[:-3]) if is_title(t)
                     and run[i + 1].fold in ("for", "of")), -1)  # fmt: skip
        name = run[-2:]
        if port < 0 or not self._personal(name) or any(t.fold in CONNECT for t in name):
            return []
        if not all(is_title(t) or _adjective(t) or t.fold in PORTFOLIO for t in run[:port]):
            return []  # "Community Court of Justice of ... West African States": a body
        third = run[-3]
        if (_is_name_word(third) and not is_title(third) and not abstract(third.fold)
                and not third.fold.endswith(NOUNISH)  # "for Contracting Luis Ortega"
                and third.fold not in self.lower and third.fold not in ORG_HEADS):  # fmt: skip
            return run[-3:]
        return name

    def _of_org(self, rest: list[Tok], s: Sentence, base: dict, nxt: Tok | None) -> list[Mention]:
        """The organisation after a person's "of", as a mention of its own (or none): "of
        the Coastal Network", "of the Green Dawn party"."""
        base = dict(base, initial=False, locative=False)
        if rest and _org_kind(rest):
            return [self._org(rest, s, base)]
        if rest and nxt is not None and not nxt.cap and nxt.fold in ORG_HEADS:
            text = self.text[rest[0].start : rest[-1].end]
            return [Mention(rest[0].start, rest[-1].end, text, _head_kind(nxt.fold),
                            _country_in(rest), **base)]  # fmt: skip
        return []

    def _adjectival(self, tok: Tok) -> bool:
        nxt = re.match(r"\s+([a-z]\w*)", self.text[tok.end : tok.end + 30])
        return nxt is not None and not tok.poss and nxt.group(1) not in ("and", "or", "has", "is")

    def _org(self, run: list[Tok], s: Sentence, base: dict) -> Mention:
        text = self.text[run[0].start : run[-1].end]
        kind = ORG_HEADS[run[0].fold] if _led(run) else _org_kind(run) or "other"
        country = _country_in(run) or possessive_country(self.text, run[0], s)
        if run[0].fold in KNOWN_ORGS and len(run) == 1:
            country = KNOWN_ORGS[run[0].fold][1]
        return Mention(run[0].start, run[-1].end, text, kind, country,
                       possessive=run[-1].poss, **base)  # fmt: skip
