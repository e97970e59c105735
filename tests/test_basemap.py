"""The offline vector base map: OpenStreetMap streets and parks near the sites, no tiles."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from conftest import osm_xml, write
from shapely.geometry import box, shape
from test_browser import Visit, browser  # noqa: F401  (the fixture)

import campmap
from campmap.cli.main import cli
from campmap.export import write_outputs
from campmap.export.basemap import BASEMAP_CREDIT, basemap
from campmap.export.html import extent, render_map

WHITEHALL = "Twelve CCTV cameras now line Whitehall, and four watch Trafalgar Square.\n"


def page_data(html: str) -> dict:
    block = re.search(r'<script type="application/json" id="campmap-data">(.*?)</script>', html)
    assert block is not None
    return json.loads(block.group(1))


def test_the_base_map_holds_the_streets_and_parks_around_the_sites(tmp_path):
    layers = campmap.map_reports([write(tmp_path / "r.txt", WHITEHALL)])
    data = page_data(render_map(layers))
    drawn = data["basemap"]["features"]
    kinds = {f["properties"]["kind"] for f in drawn}
    assert kinds == {"green", "major", "minor"}
    names = {f["properties"].get("name") for f in drawn}
    assert {"Whitehall", "The Mall", "Strand"} <= names
    west, south, east, north = extent(layers)
    reach = box(west - 0.05, south - 0.05, east + 0.05, north + 0.05)
    assert all(reach.contains(shape(f["geometry"])) for f in drawn)
    assert data["credits"][0] == BASEMAP_CREDIT


def test_no_base_map_with_tiles_nor_where_campmap_has_no_data(tmp_path):
    london = campmap.map_reports([write(tmp_path / "r.txt", WHITEHALL)])
    assert "basemap" not in page_data(render_map(london, tiles="OpenStreetMap.Mapnik"))
    kandy = campmap.map_reports(
        [write(tmp_path / "k.txt", "Police installed two CCTV cameras in Kandy, Sri Lanka.\n")]
    )
    data = page_data(render_map(kandy))
    assert "basemap" not in data and BASEMAP_CREDIT not in data["credits"]
    assert basemap(None) is None


@pytest.mark.browser
def test_the_base_map_is_drawn_offline_under_the_sites(browser, tmp_path):  # noqa: F811
    layers = campmap.map_reports([write(tmp_path / "r.txt", WHITEHALL)])
    write_outputs(layers, tmp_path / "out")
    visit = Visit(browser, tmp_path / "out" / "map.html")
    try:
        page = visit.page
        paths = page.locator(".leaflet-campmap-basemap-pane path").count()
        assert paths > 100
        # the base map takes no clicks: in the first view, every marker is what lies at its centre
        for marker in page.locator(".leaflet-marker-icon:not(.cm-street-name)").all():
            if not marker.is_visible():
                continue
            box_ = marker.bounding_box()
            x, y = box_["x"] + box_["width"] / 2, box_["y"] + box_["height"] / 2
            hit = page.evaluate(
                "([x, y]) => !!document.elementFromPoint(x, y)?.closest('.leaflet-marker-icon')",
                [x, y],
            )
            assert hit
        page.evaluate("map_0001.setView(map_0001.getCenter(), 14, {animate: false})")
        assert page.locator(".cm-street-name").count() == 0  # names only when close
        page.evaluate("map_0001.setView(map_0001.getCenter(), 17, {animate: false})")
        page.wait_for_selector(".cm-street-name")
        labels = page.locator(".cm-street-name").all_text_contents()
        assert "Whitehall" in labels
        assert visit.problems == []
        assert all(url.startswith("file:") for url in visit.requests)
    finally:
        visit.close()


# A made-up town on the Welsh border, written for this test (OSM XML): two named streets
# crossing, a trunk road with a number, a park and a school (not drawn).
TOWN_NODES = {
    1: (52.500, -3.010),
    2: (52.500, -3.000),
    3: (52.500, -2.990),
    4: (52.495, -3.000),
    5: (52.505, -3.000),
    6: (52.501, -3.003),
    7: (52.501, -3.001),
    8: (52.503, -3.001),
    9: (52.490, -3.020),
    10: (52.510, -2.980),
}
TOWN_WAYS = [
    (21, [1, 2, 3], {"highway": "residential", "name": "Lapwing Street"}),
    (22, [4, 2, 5], {"highway": "secondary", "name": "Curlew Road"}),
    (23, [6, 7, 8, 6], {"leisure": "park", "name": "Plover Park"}),
    (24, [9, 10], {"highway": "trunk", "ref": "A4999"}),
    (25, [6, 8, 7, 6], {"amenity": "school", "name": "Dunlin School"}),
]


def town_osm(path):
    return write(path, osm_xml(TOWN_NODES, TOWN_WAYS))


def test_an_installed_region_draws_its_streets_roads_and_parks(tmp_path):
    from campmap.gazetteer.installed import install_region

    install_region(
        "testshire", town_osm(tmp_path / "town.osm"), source="test", md5="0" * 32, data_date=None
    )
    report = write(tmp_path / "r.txt", "Three CCTV cameras were installed on Lapwing Street.\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["map", str(report), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    html = (out / "map.html").read_text("utf-8")
    data = page_data(html)
    drawn = data["basemap"]["features"]
    by_kind = {}
    for feature in drawn:
        by_kind.setdefault(feature["properties"]["kind"], []).append(feature)
    names = {f["properties"].get("name") for f in drawn}
    assert {"Lapwing Street", "Curlew Road", "A4999"} <= names
    assert "Dunlin School" not in names and "Plover Park" not in names  # parks go unnamed
    assert [f["properties"].get("name") for f in by_kind["major"]] == ["A4999"]
    assert {f["properties"]["name"] for f in by_kind["minor"]} == {"Lapwing Street", "Curlew Road"}
    (park,) = by_kind["green"]
    assert shape(park["geometry"]).contains(
        shape({"type": "Point", "coordinates": (-3.0015, 52.5015)})
    )
    assert data["credits"][0] == BASEMAP_CREDIT
    # the same run twice: the same bytes
    again = tmp_path / "again"
    assert CliRunner().invoke(cli, ["map", str(report), "-o", str(again), "-q"]).exit_code == 0
    assert (again / "map.html").read_text("utf-8") == html


def test_an_installed_region_far_from_the_sites_adds_nothing(tmp_path):
    from campmap.gazetteer.installed import install_region

    install_region(
        "testshire", town_osm(tmp_path / "town.osm"), source="test", md5="0" * 32, data_date=None
    )
    london = campmap.map_reports([write(tmp_path / "r.txt", WHITEHALL)])
    drawn = page_data(render_map(london))["basemap"]["features"]
    names = {f["properties"].get("name") for f in drawn}
    assert "Whitehall" in names and not names & {"Lapwing Street", "Curlew Road", "A4999"}
