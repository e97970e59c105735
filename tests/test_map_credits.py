"""The map credits the data its coordinates come from: OpenStreetMap and GeoNames."""

from __future__ import annotations

import pytest
from conftest import write

import campmap
from campmap.export.html import GEONAMES_CREDIT, OSM_CREDIT, map_data


@pytest.mark.parametrize(
    ("text", "owed"),
    [
        # Piccadilly's line in the embedded gazetteer is OSM's (scripts/make_central_london.py)
        ("Two CCTV cameras were put up on Piccadilly last week.", [OSM_CREDIT]),
        ("Police installed two new CCTV cameras in Kandy, Sri Lanka.", [GEONAMES_CREDIT]),
        ("Two CCTV cameras now watch Nelson's Column.", []),  # a point from other sources
    ],
)
def test_the_map_credits_the_sources_of_its_coordinates(tmp_path, text, owed):
    layers = campmap.map_reports([write(tmp_path / "report.txt", text + "\n")])
    assert len(layers.sites) == 1
    assert map_data(layers, "t")["credits"] == owed
