"""Towns on six continents are placed offline within 5 km of their centres.

The reference centres (``tests/data/towns/reference.csv``) come from Wikipedia infoboxes, not
from GeoNames, whose towns campmap ships; ``benchmarks/towns.py`` prints the whole table.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from shapely.geometry import Point

from campmap.gazetteer import default_gazetteer
from campmap.geometry import distance_m

REFERENCE = Path(__file__).parent / "data" / "towns" / "reference.csv"
ROWS = list(csv.DictReader(REFERENCE.open(encoding="utf-8", newline="")))


def test_the_reference_covers_five_continents_and_names_its_sources() -> None:
    assert len(ROWS) == 20
    assert len({row["continent"] for row in ROWS}) >= 5
    assert all(row["source"] for row in ROWS)


@pytest.mark.parametrize("row", ROWS, ids=[row["town"] for row in ROWS])
def test_town_is_placed_within_5_km_of_its_centre(row: dict[str, str]) -> None:
    towns = default_gazetteer().towns(row["town"])
    assert towns, f"{row['town']} is not in the offline gazetteer"
    centre = Point(float(row["lon"]), float(row["lat"]))
    assert distance_m(Point(towns[0].lon, towns[0].lat), centre) <= 5000.0


@pytest.mark.parametrize("name", ["Ghent", "Cologne", "Lisbon", "Davao City"])
def test_cities_are_found_by_their_english_names(name: str) -> None:
    # GeoNames names these Gent, Koeln, Lisboa and Davao; their English names are aliases.
    towns = default_gazetteer().towns(name)
    assert towns and towns[0].population >= 100_000
