"""Towns, suburbs and villages worldwide, offline: GeoNames' places of 1,000 people or more.

``data/towns.tsv.gz`` (built by ``scripts/make_towns.py`` from GeoNames,
CC BY 4.0) holds about 170,000 populated places with their population,
country and first-level admin code. A town named as a site is placed at the
town: its geometry is a disc whose radius grows with the population (see
:func:`town_radius_m`), so the site's uncertainty says how little a town name
tells. Towns are looked up by name only (they are not listed for the phrase
index: too many are also English words), and the file is read on first use.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from campmap.gazetteer.backends.base import Backend
from campmap.gazetteer.backends.town_table import TownTable
from campmap.paths import data_dir
from campmap.records import Place

__all__ = [
    "CITY_POPULATION",
    "EXONYM_POPULATION",
    "Town",
    "TownsGazetteer",
    "find_towns",
    "fold",
    "town_radius_m",
]

CITY_POPULATION = 500_000
"""Places this populous are cities: a whole city is context, never one camera site."""

EXONYM_POPULATION = 100_000
"""Cities this populous are also found by their names in other languages (Ghent for Gent),
ranked with the towns of that very name by population; lesser towns' other names come last."""

_PEOPLE_PER_KM2 = 3_000.0
_LEAST_RADIUS_M = 500.0


def fold(name: str) -> str:
    """Return the key a town name is matched by: lower case, accents dropped.

    Examples
    --------
    >>> fold("Whangaparāoa"), fold("  Ōrewa ")
    ('whangaparaoa', 'orewa')
    """
    if name.isascii():
        return " ".join(name.lower().replace(".", " ").split())
    decomposed = unicodedata.normalize("NFKD", name.replace("\u2019", "'"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.lower().replace(".", " ").split())


def town_radius_m(population: int) -> float:
    """Return the estimated radius of a town of this population, in metres.

    An estimate from a typical density of 3,000 people a square kilometre,
    never under 500 m: 1,000 people give 500 m, 10,000 about 1 km, 100,000
    about 3.3 km, a million about 10 km.

    Examples
    --------
    >>> round(town_radius_m(100_000))
    3257
    """
    area_km2 = max(population, 0) / _PEOPLE_PER_KM2
    return max(_LEAST_RADIUS_M, 1000.0 * math.sqrt(area_km2 / math.pi))


@dataclass(frozen=True, slots=True)
class Town:
    """A populated place from GeoNames."""

    id: int
    name: str
    lat: float
    lon: float
    population: int
    country: str
    admin1: str

    @property
    def city(self) -> bool:
        """Whether the place is a whole city (see :data:`CITY_POPULATION`)."""
        return self.population >= CITY_POPULATION

    def place(self) -> Place:
        """Return the town as a gazetteer place: a disc of its estimated extent."""
        return _place(self)


@lru_cache(maxsize=4096)
def _place(town: Town) -> Place:
    """Return a town's place, once per town (drawing the disc is most of a lookup's time)."""
    from campmap.geometry import disc

    return Place(
        id=f"geonames-{town.id}",
        name=town.name,
        kind="city" if town.city else "locality",
        geometry=disc(town.lon, town.lat, town_radius_m(town.population)),
        source=f"GeoNames {town.id} (population {town.population:,}); extent estimated "
        "from the population",
        backend="towns",
    )


class TownsGazetteer(Backend):
    """Towns worldwide by name (GeoNames), for the names no other gazetteer knows.

    It lists no places (:meth:`places` is empty), so its names are not searched
    for in text; the extractor and the resolver ask it by name.
    """

    name = "towns"

    def places(self) -> Iterable[Place]:
        """Return nothing: towns are only looked up by name."""
        return ()

    def lookup(self, name: str) -> list[Place]:
        """Return the towns of this name as places, most populous first."""
        return [town.place() for town in find_towns(name)]


def find_towns(name: str) -> tuple[Town, ...]:
    """Return the towns called ``name``, then those also known so; most populous first.

    A city of :data:`EXONYM_POPULATION` or more that is known by ``name`` in another
    language ranks with the towns of that very name: "Cologne" is Köln before the
    village of Cologne in Italy.

    Examples
    --------
    >>> [(t.name, t.country) for t in find_towns("Ōrewa")]
    [('Orewa', 'NZ')]
    >>> [(t.name, t.country) for t in find_towns("Cologne")][0]
    ('Köln', 'DE')
    """
    return _find(fold(name))


@lru_cache(maxsize=4096)
def _find(key: str) -> tuple[Town, ...]:
    """Return the towns a folded name finds (see :func:`find_towns`), once per name."""
    rows = _table().find(key)
    named = [_town(line) for line in rows.named]
    aliased = [_town(line) for line in rows.aliased]
    first = named + [t for t in aliased if t.population >= EXONYM_POPULATION]
    rest = [t for t in aliased if t.population < EXONYM_POPULATION]
    return (*sorted(first, key=_populous), *sorted(rest, key=_populous))


def _populous(town: Town) -> tuple[int, int]:
    return -town.population, town.id


def _town(line: str) -> Town:
    row = line.split("\t")
    return Town(int(row[0]), row[1], float(row[3]), float(row[4]), int(row[5]), row[6], row[7])


@cache
def _table() -> TownTable:
    """Read the towns file once, compactly (see :mod:`~campmap.gazetteer.backends.town_table`)."""
    return TownTable.read(data_dir() / "towns.tsv.gz")
