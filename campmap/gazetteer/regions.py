"""Names of countries, states, provinces and cities: regions, never camera sites."""

from __future__ import annotations

from functools import cache

import pycountry

from campmap.gazetteer.names import normalize
from campmap.paths import data_dir

__all__ = ["region_countries", "region_names", "subdivision_countries"]

_WIDE_SUBDIVISIONS = frozenset(
    {
        "State", "Province", "Territory", "Union territory", "Capital territory", "Region",
        "Two-tier county", "County", "Country", "Nation", "Autonomous region",
        "Autonomous province", "Federal district", "Autonomous community",
    }
)  # fmt: skip
"""ISO 3166-2 subdivision types too wide to be a camera site (states, provinces, counties)."""

_PLAIN_WORDS = frozenset(
    "north south east west central northern southern eastern western capital coast coastal "
    "centre center lakes upper lower middle plateau littoral islands island highlands lake "
    "valley mountain mountains river sea bay western cape north west south east".split()
)
"""Subdivision names that are also plain words (Cameroon's West, Kenya's Central)."""


@cache
def subdivision_countries() -> dict[str, frozenset[str]]:
    """Return the states, provinces and counties of the world, and the countries they are in.

    Returns
    -------
    dict of str to frozenset of str
        Each name as written (``Idaho``, ``Nairobi``, ``Shropshire``) and the
        ISO codes of the countries with a subdivision of that name.
    """
    out: dict[str, set[str]] = {}
    for subdivision in pycountry.subdivisions:
        if subdivision.type in _WIDE_SUBDIVISIONS or subdivision.name.endswith("shire"):
            name = subdivision.name.split(" [")[0]
            if subdivision.type == "County":
                name = name.removesuffix(" City")
            if "," not in name and name.lower() not in _PLAIN_WORDS:
                out.setdefault(name, set()).add(subdivision.country_code)
    return {name: frozenset(codes) for name, codes in out.items()}


@cache
def region_countries() -> dict[str, frozenset[str]]:
    """Return, by normalised name, the countries a region name is a region of.

    A name missing here is a region anywhere (a country, a nation, a city in
    ``data/regions.txt``); a subdivision name is a region only in its countries
    (``Harare`` is a province of Zimbabwe, and a suburb of Cape Town).
    """
    always: set[str] = set()
    for line in (data_dir() / "regions.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            always.add(normalize(line))
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                always.add(normalize(value))
    out: dict[str, set[str]] = {}
    for name, codes in subdivision_countries().items():
        key = normalize(name)
        if key not in always:
            out.setdefault(key, set()).update(codes)
    return {key: frozenset(codes) for key, codes in out.items()}


@cache
def region_names() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return names of countries, nations, regions and cities (never camera sites).

    Returns
    -------
    tuple of (tuple of str, tuple of str)
        The normalised names, and those of them that only match in capitals.
    """
    raw: set[str] = set()
    for line in (data_dir() / "regions.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            raw.add(line)
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                raw.add(value)
    raw.update(subdivision_countries())
    keys = {normalize(name) for name in raw}
    capitals = {normalize(name) for name in raw if name.replace(".", "").isupper()}
    return tuple(sorted(keys)), tuple(sorted(capitals))
