"""Installed regions are peers: a street two regions share is settled by the report's region."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import osm_xml, write

from campmap.cli.main import cli
from campmap.gazetteer.installed import install_region

# Two made-up streets of the same name, one near Chester and one near Bristol (OSM XML written
# for this test): only the report's own words can say which is meant.
TOWNS = {"chester": (53.190, -2.890), "bristol": (51.455, -2.590)}


def region_osm(path: Path, lat: float, lon: float) -> Path:
    nodes = {1: (lat, lon - 0.005), 2: (lat, lon), 3: (lat, lon + 0.005)}
    ways = [(11, [1, 2, 3], {"highway": "residential", "name": "Heron Road"})]
    return write(path, osm_xml(nodes, ways))


@pytest.fixture
def two_regions(tmp_path):
    for name, (lat, lon) in TOWNS.items():
        osm = region_osm(tmp_path / f"{name}.osm", lat, lon)
        install_region(name, osm, source="test", md5="0" * 32, data_date=None)


def mapped(tmp_path: Path, text: str):
    report = write(tmp_path / "report.txt", text + "\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["map", str(report), "-o", str(out), "-q"])
    return result, out


@pytest.mark.parametrize(
    "text",
    [
        "Four CCTV cameras now watch Heron Road in Chester, the council said.",
        "In Chester, four CCTV cameras now watch Heron Road.",
    ],
)
def test_the_report_s_town_picks_the_region(two_regions, tmp_path, text):
    result, out = mapped(tmp_path, text)
    assert result.exit_code == 0, result.output
    (site,) = json.loads((out / "sites.geojson").read_text("utf-8"))["features"]
    assert site["properties"]["backend"] == "chester.gpkg"
    lon, lat = site["geometry"]["coordinates"]
    assert (round(lat, 3), round(lon, 3)) == TOWNS["chester"]


def test_with_no_region_in_the_report_the_street_is_unresolved_not_the_first_region(
    two_regions, tmp_path
):
    result, out = mapped(tmp_path, "Four CCTV cameras now watch Heron Road.")
    assert result.exit_code != 0  # nothing could be placed
    assert "could not place 'Heron Road'" in result.output
    assert json.loads((out / "sites.geojson").read_text("utf-8"))["features"] == []
    (unresolved,) = json.loads((out / "report.json").read_text("utf-8"))["unresolved"]
    assert unresolved["text"] == "Heron Road"
