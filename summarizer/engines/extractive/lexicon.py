"""Word lists for the extractive engine: titles, organisation heads, cue words, stop words.

Plain data, lower-cased; the engine compares folded tokens against these sets.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}

# Words that are never names on their own: function words, sentence openers, time words,
# section and page furniture. Capitalised only because of where they stand.
STOP = (
    _words(
        """a an the this that these those there here it its it's i i'm we you he she they his
    her their our my your me him us them who whom whose which what when where why how
    and or but nor so yet for of in on at by to from with without within into onto upon
    over under after before since until during despite although though while whereas if
    outside inside near behind beside below above amid often usually always never sometimes
    rarely seldom frequently rather
    unless because as than then also even still just only not no yes all any some many
    much more most few several each every both either neither other another such
    meanwhile however moreover furthermore nevertheless instead indeed yet thus hence
    therefore already again once twice first last next new old recent early
    late about around across against along among between beyond through throughout per
    via is are was were be been being has have had do does did will would shall should
    can could may might must one hundreds
    thousands millions dozens tens today yesterday tomorrow tonight morning evening night
    week weekend month year years ago now later earlier analysis comment
    comments opinion editorial update updated read more continue reading advertisement
    related share photo video watch listen subscribe section page image caption source
    sources story stories live breaking exclusive report reports reporting according
    asked said says told added after officials critics analysts activists protesters
    supporters organisers organizers observers experts residents lawyers judges police
    many several some nearly almost well ahh oh yes ok like let let's see lire aussi le
    la les un une des du de et en au aux il elle ils elles on ce cette ces son sa ses
    leur leurs pour par sur dans avec sans mais ou donc ni car qui que quoi dont où
    der die das ein eine und oder aber nicht mit von zu im am el los las y o pero con
    por para del al lo à où selon según lors après avant depuis chez dès contre entre vers
    sous côté ainsi alors aussi puis"""
    )
    | frozenset(WEEKDAYS)
    | frozenset(MONTHS)
    | frozenset(MONTH_ABBR)
)

# Titles and roles that stand before a person's name and are stripped from it.
HEAD_OF_STATE_TITLES = _words(
    "president prime premier chancellor king queen emperor emir sultan monarch pm"
)
OFFICIAL_TITLES = _words(
    """minister secretary secretary-general general prosecutor attorney attorney-general
    justice judge magistrate chief commissioner ambassador envoy consul senator sen rep
    representative congressman congresswoman governor mayor speaker spokesman spokeswoman
    spokesperson director chairman chairwoman chair leader opposition deputy vice foreign
    defence defense interior finance health home trade economy public works transport
    adviser advisor aide negotiator diplomat
    communications environment energy education culture labour labor agriculture security
    intelligence treasury state national police army navy commander colonel major
    captain lieutenant sergeant officer inspector inspector-general ombudsman counsellor
    councillor councilman councilwoman lawmaker legislator mp mep minister-president
    crown prince princess sheikh archbishop cardinal bishop pope rabbi imam cleric
    gen col lt maj capt sgt gov supt adm admiral marshal sheriff sheriffs superintendent
    auditor-general controller comptroller registrar procurator delegate"""
)
PERSON_TITLES = _words(
    "mr mrs ms miss dr prof professor sir dame lord lady rev reverend mx monsieur madame "
    "democrat republican barrister advocate solicitor"
)
MEDIA_TITLES = _words(
    "editor correspondent reporter journalist columnist anchor presenter commentator"
)
# Titles that any organisation gives, not only the state: "its president", "the director".
ROLES = _words(
    """president director chair chairman chairwoman chairperson spokesman spokeswoman
    spokesperson secretary leader coordinator executive chief head founder"""
)
BUSINESS_TITLES = _words("ceo cfo coo executive founder co-founder chairperson president-elect")
# Common nouns right before a company's name: "the mining firm X", "its subsidiary X".
BUSINESS_NOUNS = _words(
    """firm company group insurer lender miner developer contractor operator producer
    manufacturer carrier subsidiary conglomerate retailer startup start-up supplier exporter
    importer"""
)
# Facilities named after a place or a company: "its Cachoeira Alta mine", "the Tesla plant".
FACILITIES = _words(
    """mine mines plant plants refinery factory smelter dam reservoir oilfield field project
    site estate plantation terminal pipeline"""
)
# Letters after a name, not part of it: "Brendan Rourke SC", "Amara Diallo MP".
POSTNOMINALS = frozenset("SC QC KC Jr Jr. Sr Sr. MP MEP MSP MLA MPP OBE CBE KBE PhD".split())
# Publications of the law, never actors: "the Official Gazette".
NOT_ACTORS = ("official gazette", "official journal", "federal register", "government gazette",
              "state gazette", "official bulletin", "terms of service", "terms of use",
              "election day")  # fmt: skip
# Currencies after a capitalised word: "CFA francs", "Hong Kong dollars".
CURRENCIES = _words(
    """franc francs dollar dollars euro euros peso pesos rupee rupees shilling shillings naira
    rand yuan won yen taka reais real kwacha cedi cedis dinar dinars dirham dirhams lira pound
    pounds"""
)
# French and Spanish titles ("la ministre", "le porte-parole", "la jueza", "Mme", "Sra.").
ROMANCE_TITLES = _words(
    """ministre président présidente porte-parole avocat avocate procureur procureure juge
    député députée sénateur sénatrice maire préfet préfète ambassadeur ambassadrice
    directeur directrice secrétaire mme mlle ministro ministra presidente presidenta
    portavoz fiscal juez jueza abogado abogada diputado diputada senador senadora alcalde
    alcaldesa gobernador gobernadora embajador embajadora canciller directora secretario
    secretaria sr sra sr. sra. dña"""
)
TITLES = (
    HEAD_OF_STATE_TITLES | OFFICIAL_TITLES | PERSON_TITLES | MEDIA_TITLES | BUSINESS_TITLES
    | ROMANCE_TITLES
)  # fmt: skip

# Heads that end (or, in Romance languages, begin) an organisation's name, with its kind.
ORG_HEADS: dict[str, str] = {
    **dict.fromkeys(("court", "tribunal", "chamber", "chambers", "jurisdiction"), "court"),
    **dict.fromkeys(
        ("nations", "organization", "organisation", "alliance", "fund", "bank", "union",
         "commission", "council", "community", "assembly", "seven", "twenty", "mission"),
        "igo",
    ),
    **dict.fromkeys(
        ("ministry", "department", "government", "parliament", "congress", "senate",
         "police", "army", "navy", "forces", "guard", "guards", "office", "cabinet",
         "administration", "service", "services", "agency", "committee", "centre", "center",
         "authority", "bureau", "house", "embassy", "legislature", "duma", "knesset",
         "presidency", "directorate", "prosecutor's", "inspectorate", "branch", "secretariat",
         "body", "system"),
        "state",
    ),
    **dict.fromkeys(
        ("watch", "international", "foundation", "institute", "society", "initiative",
         "project", "network", "coalition", "campaign", "platform", "now", "monitor",
         "collective", "cooperative", "co-operative"),
        "ngo",
    ),
    **dict.fromkeys(
        ("federation", "association", "movement", "syndicate", "league", "party",
         "school", "schools", "university", "church", "board"),
        "civil_society",
    ),
    **dict.fromkeys(
        ("news", "times", "post", "journal", "guardian", "telegraph", "tribune", "herald",
         "press", "radio", "television", "tv", "broadcasting", "gazette", "magazine",
         "reuters", "channel"),
        "media",
    ),
    **dict.fromkeys(
        ("inc", "inc.", "corp", "corp.", "corporation", "ltd", "ltd.", "llc", "plc",
         "group", "company", "co", "co.", "holdings", "terminals", "shipping", "airlines",
         "airways", "motors", "energy", "technologies", "systems", "partners", "capital",
         "industries", "communications", "petroleum", "oil", "gas", "mining", "logistics",
         "energía", "genéricos", "lifesciences", "pharma", "pharmaceuticals"),
        "business",
    ),
    **dict.fromkeys(("brigade", "brigades", "militia", "front"), "armed_group"),
}  # fmt: skip
# Heads that lead a name in French, Spanish, Italian, German or Portuguese.
ORG_LEADS: dict[str, str] = {
    **dict.fromkeys(("cour", "tribunal", "corte", "tribunale", "gericht"), "court"),
    **dict.fromkeys(
        ("conseil", "commission", "assemblée", "sénat", "ministère", "comité", "agence",
         "autorité", "ministerio", "consejo", "congreso", "parlamento", "ministero"),
        "state",
    ),
}  # fmt: skip

# Bare names and acronyms the engine knows without context: (kind, alpha-3 or None).
KNOWN_ORGS: dict[str, tuple[str, str | None]] = {
    **dict.fromkeys(("icc", "icj", "echr", "ecthr", "cjeu"), ("court", None)),
    **dict.fromkeys(
        ("un", "u.n.", "eu", "e.u.", "nato", "asean", "osce", "imf", "opec", "wto", "who",
         "unicef", "unhcr", "unesco", "interpol", "europol", "ilo", "iaea", "g7", "g20",
         "au", "ecowas", "oas", "oecd", "brics", "unsc", "unga"),
        ("igo", None),
    ),
    **dict.fromkeys(
        ("greenpeace", "amnesty", "oxfam", "msf", "hrw", "aclu", "icrc", "médecins", "gavi"),
        ("ngo", None),
    ),
    "bbc": ("media", "GBR"), "cnn": ("media", "USA"), "reuters": ("media", None),
    "afp": ("media", "FRA"), "ap": ("media", "USA"), "nyt": ("media", "USA"),
    "abc": ("media", None), "tass": ("media", "RUS"), "xinhua": ("media", "CHN"),
    "kremlin": ("state", "RUS"), "pentagon": ("state", "USA"), "congress": ("state", None),
    "fbi": ("state", "USA"), "cia": ("state", "USA"), "nsa": ("state", "USA"),
    "asio": ("state", "AUS"), "hamas": ("armed_group", None),
    "hezbollah": ("armed_group", None), "taliban": ("armed_group", None),
    "isis": ("armed_group", None), "wagner": ("armed_group", "RUS"),
}  # fmt: skip

# Last words of place names, never actors.
PLACE_HEADS = _words(
    """square street avenue road boulevard park bridge river sea ocean gulf bay island
    islands mountain mountains valley airport station port harbour harbor province region
    district county city town village desert coast peninsula strait lake plaza palace
    hall stadium hotel hospital prison camp base border"""
)

# Reporting verbs and cue phrases that attribute a statement to a holder.
SPEECH_CUES = (
    "said", "says", "say", "stated", "stating", "states", "told", "tells", "added", "adds",
    "noted", "notes", "argued", "argues", "arguing", "insisted", "insists", "claimed",
    "claims", "announced", "announces", "declared", "declares", "wrote", "writes",
    "explained", "stressed", "reiterated", "acknowledged", "admitted", "admits",
    "confirmed", "replied", "responded", "according to", "vowed", "pledged", "promised",
    # French and Spanish reporting verbs (past participle or preterite) and "according to"
    "déclaré", "affirmé", "estimé", "indiqué", "expliqué", "annoncé", "assuré", "souligné",
    "prévenu", "ajouté", "précisé", "rappelé", "confié", "réagi", "dit", "déclare", "affirme",
    "estime", "selon", "Selon", "d'après", "d’après", "dijo", "afirmó", "declaró", "señaló",
    "aseguró", "explicó", "indicó", "añadió", "agregó", "advirtió", "sostuvo", "anunció",
    "según", "Según", "dénoncé", "salué", "félicité", "félicitée", "critiqué", "rejeté",
    "condamné", "denunció", "criticó", "rechazó", "respaldó",
    # German
    "sagte", "sagt", "erklärte", "erklärt", "betonte", "betont", "kritisierte", "warnte",
    "forderte", "meinte", "begrüßte", "laut", "Laut",
)  # fmt: skip
# Cues that name their holder after them ("according to the council", "selon elle").
FORWARD_CUES = frozenset(("according to", "selon", "d'après", "d’après", "según", "laut"))
STANCE_CUES: dict[str, str] = {
    **dict.fromkeys(
        ("criticized", "criticised", "criticizes", "criticises", "condemned", "condemns",
         "accused", "accuses", "accusing", "rejected", "rejects", "denied", "denies",
         "refused", "refuses", "opposed", "opposes", "regret", "regrets", "deplored",
         "denounced", "protested", "warned", "warns", "objected", "disputed", "dismissed",
         "blamed", "called the", "concerned", "disappointed", "illegal", "unlawful",
         "absurd", "unfriendly", "failed", "veto", "challenge", "against", "contradicts",
         "feared", "fears", "incompatible", "jeopardized", "jeopardised", "frustration",
         "frustrated", "distressing", "flawed", "critique", "critique fortement",
         "défavorable", "demanding", "demanded", "harm", "crush", "immoral", "dénoncé",
         "dénonce", "critiqué", "condamné", "rejeté", "regretté", "déploré", "denunció",
         "criticó", "rechazó", "condenó", "appeal", "disagree", "disagrees", "disagreed",
         "mistaken", "misreads", "unjust", "unfair", "uncertainty", "punishes", "dismayed",
         "outraged", "setback", "blow to", "overreach", "countermeasures", "reckless",
         "unconstitutional", "regrettable", "deeply troubling", "dissent", "dissenting",
         "kritisierte", "warnte", "rechtswidrig"),
        "oppose",
    ),
    **dict.fromkeys(
        ("praised", "praises", "welcomed", "welcomes", "supported", "supports", "backed",
         "backs", "endorsed", "endorses", "hailed", "applauded", "solidarity", "victory",
         "respected", "respects", "agreed", "agrees", "deserves", "needed", "will comply",
         "approved", "defended", "defends", "confident", "improved", "progress",
         "welcome", "favour", "favor", "salué", "félicité", "félicitée", "soutenu",
         "victoire", "respaldó", "apoyó", "celebró", "vindicated", "relieved", "landmark",
         "historic", "long overdue", "clear message", "pleased", "delighted", "grateful",
         "milestone", "step forward", "a win for", "justice has been done", "begrüßte"),
        "support",
    ),
}  # fmt: skip
REQUEST_CUES = ("urged", "urges", "urging", "called on", "calls on", "calling on", "asked",
                "appealed", "demanded", "demands")  # fmt: skip

# PLOVER-style event cues: category -> cue stems (matched at word starts).
EVENT_CUES: dict[str, tuple[str, ...]] = {
    "SANCTION": ("sanction", "embargo", "expel", "expuls", "persona non grata", "blacklist",
                 "tariff", "asset freeze", "freeze the assets", "ban ", "fined", "fines ",
                 "fine of", "a fine", "penalt"),
    "PROTEST": ("protest", "march", "rally", "rallies", "demonstrat", "strike", "boycott",
                "sit-in", "chanted"),
    "ASSAULT": ("attack", "bomb", "shell", "killed", "opened fire", "shot ", "airstrike",
                "massacre", "invaded", "invasion"),
    "COERCE": ("arrest", "detain", "seiz", "raid", "deport", "jail", "imprison", "suspend",
               "halt", "ordered", "block", "shut", "crackdown", "forced", "convicted",
               "sentenced"),
    "ACCUSE": ("accus", "charg", "indict", "alleg", "blame", "condemn", "criticiz",
               "criticis", "war crimes"),
    "REJECT": ("reject", "refus", "veto", "denied", "deny", "dismiss", "defy", "defian",
               "quash", "overturn", "overrul", "annul", "struck down", "strike down",
               "strikes down", "set aside", "sets aside", "invalidat", "acquit"),
    "THREATEN": ("threat", "warn", "ultimatum"),
    "REQUEST": ("urge", "call on", "called on", "appeal", "demand", "request", "asked"),
    "MOBILIZE": ("mobiliz", "mobilis", "deploy", "troops", "military exercise"),
    "AGREE": ("agree", "signed", "deal", "accord", "ceasefire", "treaty", "adopted",
              "approv"),
    "CONSULT": ("met ", "meet", "visit", "talks", "summit", "greeted", "hosted", "welcom",
                "phone call"),
    "SUPPORT": ("praise", "endorse", "back", "support", "hail"),
    "COOPERATE": ("cooperat", "partnership", "joint", "alliance"),
    "AID": ("aid to", "aid for", "aid convoy", "aid deliver", "food aid", "military aid",
            "humanitarian", "disaster relief", "relief supplies", "donat", "assistance", "rescu",
            "evacuat", "rapatri"),
    "RETREAT": ("withdr", "retreat", "pull out", "pulled out"),
    "CONCEDE": ("concede", "apologi", "released", "admit", "compromise", "conced"),
}  # fmt: skip

OUTCOME_CUES: dict[str, tuple[str, ...]] = {
    "cancelled": ("cancelled", "canceled", "called off", "scrapped", "abandoned"),
    "postponed": ("postponed", "delayed", "adjourned", "put off", "deferred"),
    "pending": ("will ", "is expected to", "are expected to", "is due", "are due",
                "scheduled", "pending", "plans to", "is set to", "next ", "would begin",
                "can ask", "will be reviewed", "sera ", "seront"),
    "occurred": ("did not detain", "was detained", "were detained", "released", "ruled",
                 "ordered", "adopted", "approved", "passed", "imposed", "killed", "signed",
                 "expelled", "declared", "arrested", "took place", "adopté"),
}  # fmt: skip

# Heads of legal instruments: a name ending in one is an instrument, not an actor.
# Instruments best known by their acronym, and their kind.
INSTRUMENT_ACRONYMS: dict[str, str] = {
    **dict.fromkeys("""GATT GATS TRIPS NAFTA USMCA CUSMA CETA TTIP RCEP CPTPP AfCFTA UNCLOS
                    CAFTA-DR CAFTA ICCPR ICESCR CEDAW UNFCCC NPT CTBT JCPOA TFEU""".split(),
                    "treaty"),
    **dict.fromkeys("GDPR FCPA RICO HIPAA FOIA DMCA CFAA".split(), "statute"),
    "UNDRIP": "other",
}  # fmt: skip
LEGAL_HEADS = frozenset(
    """statute convention treaty charter act bill code constitution protocol agreement accord
    accords covenant directive regulation resolution amendment law laws decree ordinance
    declaration guidelines principles criteria plan policy framework arrangement understanding
    formula article section decision decisions ruling rulings judgment judgments""".split()
    + [a.casefold() for a in INSTRUMENT_ACRONYMS]
)

# Regions: places, never actors.
REGIONS = frozenset(
    r.strip()
    for r in """latin america|south america|north america|central america|middle east|east asia|
    southeast asia|south asia|central asia|west africa|east africa|north africa|
    southern africa|sub-saharan africa|western europe|eastern europe|central europe|
    europe|asia|africa|oceania|balkans|caucasus|arctic|antarctica|scandinavia|
    the west|west bank|gaza strip|horn of africa|sahel|indo-pacific|asia-pacific""".split("|")
)
