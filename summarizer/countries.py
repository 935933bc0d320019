"""Country names, demonyms and codes to ISO 3166-1 alpha-3 (by code, not by the model)."""

from __future__ import annotations

from functools import lru_cache

# Demonyms and common short forms pycountry does not resolve.
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
}  # fmt: skip


@lru_cache(maxsize=4096)
def to_alpha3(value: str | None) -> str | None:
    """ISO 3166-1 alpha-3 for a country name, demonym or code; None when unknown."""
    if not value:
        return None
    key = value.strip().casefold().removeprefix("the ")
    if key in _ALIASES:
        return _ALIASES[key]
    import pycountry

    try:
        if len(key) == 2:
            country = pycountry.countries.get(alpha_2=key.upper())
        elif len(key) == 3:
            country = pycountry.countries.get(alpha_3=key.upper())
        else:
            country = pycountry.countries.lookup(key)
    except LookupError:
        return None
    return country.alpha_3 if country else None


def demonym_alpha3(word: str) -> str | None:
    """Alpha-3 for an adjective or capital alone ('Ukrainian', 'Kremlin'); no fuzzy lookup."""
    return _ALIASES.get(word.strip().casefold())
