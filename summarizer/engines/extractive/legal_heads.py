"""The English heads of described instruments and when each counts as one.

"The treaty" always names an instrument; "the order" only with a modifier such as "court" or
"restraining" (`STRICT`), or standalone in an article about a court (`CONTEXT`).
"""

from __future__ import annotations

import re

# English heads and their kind; "standalone" heads need only a determiner.
EN_HEADS: dict[str, str] = {
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
                     "patents", "declaration", "declarations", "action", "actions", "circular",
                     "circulars", "disqualification", "authorisation", "authorization"),
                    "other"),
    **dict.fromkeys(("ruling", "rulings", "verdict", "conviction", "convictions"),
                    "court_decision"),
}  # fmt: skip
STANDALONE = frozenset(
    ("treaty", "statute", "constitution", "decree", "directive", "indictment", "injunction",
     "protocol", "red notice", "extradition request", "terms of service", "terms of use",
     "memorandum of understanding", "award", "bill", "appeal", "contract", "amendments",
     "moratorium", "lawsuit", "subpoena", "writ", "patent", "patents")
)  # fmt: skip
# Heads with everyday senses: only these modifiers make them instruments.
STRICT: dict[str, frozenset[str]] = {
    "order": frozenset(
        "court executive restraining gag protection protective deportation "
        "removal detention extradition judicial judge's court's suspension administrative "
        "closure cease-and-desist eviction demolition interim stop-work ministerial "
        "presidential compliance enforcement freezing seizure confiscation forfeiture "
        "emergency quarantine consent tribunal's corrective".split()
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
        "consultative reasoned".split()
    ),
    "measure": frozenset(
        "interim provisional precautionary protective conservatory restrictive retaliatory "
        "countervailing anti-dumping safeguard remedial court's corrective supervision".split()
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
        "land-use master action emergency contingency evacuation".split()
    ),
    "report": frozenset("panel panel's appellate body's safety".split()),
    **dict.fromkeys(
        ("declaration", "declarations"),
        frozenset("stability safety joint compliance conformity customs asset assets".split()),
    ),
    **dict.fromkeys(("action", "actions"), frozenset("civil enforcement disciplinary".split())),
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
    **dict.fromkeys(("authorisation", "authorization"),
                    frozenset("court judicial prior written ministerial".split())),
    **dict.fromkeys(("revocation", "suspension", "annulment", "cancellation", "expropriation",
                     "designation", "suspensions", "revocations", "dismissal",
                     "disqualification"),
                    frozenset("licence license permit registration".split())),
    **dict.fromkeys(("penalty", "penalties"), frozenset(
        "administrative monetary civil financial regulatory disciplinary".split())),
    **dict.fromkeys(("ruling", "rulings", "verdict"), frozenset(
        "court court's judge's tribunal's panel's panel appeals appellate landmark".split())),
    "motion": frozenset("no-confidence censure impeachment removal".split()),
}
STRICT["decisions"] = STRICT["decision"]
# Heads that a topic complement makes an instrument: "the code of conduct", "tariffs on steel".
BY_COMPLEMENT = frozenset(("code", "tariffs", "duties", "duty"))
# Described instruments that stand alone only in an article about a court, a regulator or
# a negotiation: "an appeal", "the contract", "the amendments", "the EU proposal".
LEGAL = re.compile(r"\b(?:court|tribunal|judge|ruling|regulator|lawsuit)\b", re.I)
TREATY = re.compile(r"\b(?:treaty|convention|agreement|resolution|quota|directive)\b", re.I)
AUTHORITY = ("court's", "judge's", "regulator's", "authority's", "board's", "commission's",
              "tribunal's", "ministry's", "agency's", "council's", "panel's")
STRICT["orders"] = STRICT["order"]
STRICT["judgement"] = STRICT["judgment"]
STRICT["awards"] = STRICT["award"]
STRICT["measures"] = STRICT["measure"]
STRICT["motions"] = STRICT["motion"]
STRICT["duty"] = STRICT["duties"]
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
