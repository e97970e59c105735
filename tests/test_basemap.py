"""The offline vector base map: OpenStreetMap streets and parks near the sites, no tiles."""

from __future__ import annotations

import json
import re

import pytest
from conftest import write
from shapely.geometry import box, shape
from test_browser import Visit, browser  # noqa: F401  (the fixture)

import campmap
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
