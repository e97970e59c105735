from __future__ import annotations

import dataclasses

import pandas as pd
import pytest
from shapely.geometry import Point

from campmap import build_layers, extract, read_sources
from campmap.export.geojson import write_sites
from campmap.export.report import report_dict
from campmap.extract.attribution import Attribution, attribute_sources
from campmap.geometry import POINT_UNCERTAINTY_M, route_line, site_point
from campmap.layer import SITE_COLUMNS, Unresolved, read_sites
from campmap.layer.columns import COLUMN_TYPES
from campmap.newsroom import Decision, apply_review, unresolved_id


def layers_for(tmp_path, town, *reports):
    paths = []
    for i, text in enumerate(reports):
        path = tmp_path / f"r{i}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    doc = read_sources(paths)
    return build_layers(doc, extract(doc, town), town)


def row(layers, site_id):
    rows = layers.sites[layers.sites["site_id"] == site_id]
    assert len(rows) == 1, f"{site_id} not in {list(layers.sites['site_id'])}"
    return rows.iloc[0]


def test_one_row_per_site_with_sources_from_every_report(tmp_path, town):
    layers = layers_for(
        tmp_path,
        town,
        "Four cameras watch Market Square. Other cameras are on Mill Road.",
        "A report: four cameras watch Market Square, the council said.",
    )
    assert list(layers.sites["site_id"]) == ["market-square", "mill-road"]
    square = row(layers, "market-square")
    assert square["count"] == 4  # stated in both reports, counted once
    assert square["mentions"] == 2
    assert square["sources"] == "r0.txt; r1.txt"
    assert row(layers, "mill-road")["sources"] == "r0.txt"
    assert layers.sites["count"].dtype.name == "Int64"
    assert row(layers, "mill-road")["count"] is pd.NA


def test_conflicting_counts_are_flagged_not_overwritten(tmp_path, town):
    layers = layers_for(
        tmp_path, town, "Four cameras watch Market Square.", "Six cameras watch Market Square."
    )
    square = row(layers, "market-square")
    assert square["count"] is pd.NA
    assert square["count_conflict"] == "4; 6"


def test_site_geometry_point_and_uncertainty(tmp_path, town):
    layers = layers_for(tmp_path, town, "Cameras on Mill Road, at Market Square and the Town Hall.")
    mill = row(layers, "mill-road")
    assert mill["place_kind"] == "line"
    # Mill Road runs 0.02 degrees of latitude (about 2.2 km): the camera may be half that away.
    assert mill["uncertainty_m"] == pytest.approx(1112, rel=0.01)
    assert mill["place_geometry"].distance(mill["geometry"]) < 1e-9
    square = row(layers, "market-square")
    assert square["place_kind"] == "area" and square["place_geometry"].contains(square["geometry"])
    assert row(layers, "town-hall")["uncertainty_m"] == POINT_UNCERTAINTY_M


def test_site_narrowed_by_a_qualifier_sits_at_the_nearest_point(tmp_path, town):
    layers = layers_for(tmp_path, town, "Cameras at the Mill Road entrance to Riverside Park.")
    mill = row(layers, "mill-road")
    assert mill["geometry"].x == pytest.approx(-1.001, abs=1e-6)
    assert mill["geometry"].y == pytest.approx(51.998, abs=1e-4)
    assert mill["uncertainty_m"] == POINT_UNCERTAINTY_M


def test_route_follows_the_named_street_between_its_ends(tmp_path, town):
    layers = layers_for(
        tmp_path,
        town,
        "Twenty cameras line the route along Mill Road from South Gate to North Gate.",
        "Twenty cameras line the route along Mill Road from South Gate to North Gate (file photo)",
    )
    assert len(layers.routes) == 1 and layers.sites.empty
    route = layers.routes.iloc[0]
    assert route["count"] == 20 and route["follows"] == "follows Mill Road"
    coords = list(route["geometry"].coords)
    assert coords[0] == pytest.approx((-1.001, 51.9905))
    assert coords[-1] == pytest.approx((-1.001, 52.0095))
    assert route["length_m"] == pytest.approx(2113, rel=0.01)


def test_route_without_a_joining_street_is_a_straight_line(town):
    start, end = town.get("clock-tower"), town.get("station-road")
    line, follows = route_line(start, end, [])
    assert follows == "straight line between the ends" and len(line.coords) == 2


def test_unresolved_site_is_reported_not_dropped(tmp_path, town):
    layers = layers_for(tmp_path, town, "Two cameras were fixed above Tannery Lane.")
    assert layers.sites.empty
    (item,) = layers.unresolved
    assert item.text == "Tannery Lane" and item.count == 2
    assert item.quote == "Two cameras were fixed above Tannery Lane."


def test_site_point_of_a_point_place_is_the_place(town):
    point, uncertainty = site_point(town.get("town-hall"))
    assert point.equals_exact(Point(-1.0005, 52.0008), 1e-9) and uncertainty == POINT_UNCERTAINTY_M


def test_junction_of_two_streets_is_their_crossing(town):
    junction = town.junction("Mill Road", "High Street")
    assert junction is not None and junction.kind == "junction"
    assert junction.id == "junction-high-street-mill-road"
    assert junction.geometry.x == pytest.approx(-1.001) and junction.geometry.y == pytest.approx(
        52.001
    )
    assert town.junction("High Street", "Mill Road").id == junction.id  # either order, one site
    assert town.junction("Mill Road", "Station Road") is None  # they never meet
    assert town.junction("Mill Road", "Nowhere Lane") is None


def test_local_projection_is_the_one_pyproj_builds_for_an_aeqd_crs():
    """The hand-written PROJ pipelines give what Transformer.from_crs gives, both ways."""
    from pyproj import Transformer

    from campmap.geometry import _projections

    lon, lat = -0.128, 51.507
    forward, back = _projections(lon, lat)
    crs = f"+proj=aeqd +lat_0={lat:.5f} +lon_0={lon:.5f} +datum=WGS84 +units=m"
    by_crs = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    by_crs_back = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
    for point in [(-0.1, 51.52), (-0.3, 51.4), (lon, lat)]:
        assert forward.transform(*point) == pytest.approx(by_crs.transform(*point), abs=1e-6)
    for metres in [(1500.0, -2200.0), (0.0, 0.0), (-9000.0, 12000.0)]:
        assert back.transform(*metres) == pytest.approx(by_crs_back.transform(*metres), abs=1e-12)


def test_unresolved_mentions_are_frozen_records_with_sets_as_tuples(tmp_path, town):
    text = "Two cameras were fixed above Tannery Lane."
    layers = layers_for(tmp_path, town, text, text)  # one sentence in two reports
    (item,) = layers.unresolved
    assert isinstance(item, Unresolved)
    assert item.sources == ("r0.txt", "r1.txt")
    assert isinstance(item.reasons, tuple) and isinstance(item.candidates, tuple)
    with pytest.raises(dataclasses.FrozenInstanceError):
        item.text = "Station Road"  # type: ignore[misc]
    # The writers join the sets, as the columns of the layers do.
    (written,) = report_dict(layers)["unresolved"]
    assert written["sources"] == "; ".join(item.sources)
    assert written["reasons"] == "; ".join(item.reasons)
    assert written["candidates"] == list(item.candidates)


def test_makers_and_operators_are_tuples_until_a_layer_joins_them(tmp_path, town):
    layers = layers_for(
        tmp_path,
        town,
        "Ten Hikvision cameras on Station Road were installed by Kent County Council.",
        "Dahua and Hikvision cameras also watch Station Road.",
    )
    found = attribute_sources(layers.document)
    assert set(found.values()) == {
        Attribution(("Hikvision",), ("Kent County Council",)),
        Attribution(("Dahua", "Hikvision"), ()),
    }
    station = row(layers, "station-road")
    assert station["manufacturer"] == "Dahua;Hikvision"
    assert station["operator"] == "Kent County Council"


def test_built_read_back_and_reviewed_layers_have_one_schema(tmp_path, town):
    layers = layers_for(
        tmp_path,
        town,
        "Two cameras watch Station Road. Three cameras were fixed above Tannery Lane.",
    )
    write_sites(layers.sites, tmp_path / "sites.geojson")
    read = read_sites(tmp_path / "sites.geojson", town)
    moved = apply_review(
        layers, [Decision(unresolved_id("Tannery Lane"), 2, "move", "52.1, -1.1")], town
    )
    assert len(moved.sites) == 2 and not moved.unresolved
    for name in ("count", "mentions", "confidence", "uncertainty_m"):
        assert str(layers.sites[name].dtype) == COLUMN_TYPES[name], name
        assert read[name].dtype == layers.sites[name].dtype, name
        assert moved.sites[name].dtype == layers.sites[name].dtype, name
    assert list(read.columns[: len(SITE_COLUMNS)]) == list(SITE_COLUMNS)


@pytest.mark.parametrize(
    ("properties", "expected"),
    [
        ("[1, 2]", "feature 1.*expected 'properties' to be an object"),
        ('{"mentions": "abc"}', "feature 1.*expected 'mentions' to be a whole number"),
        ('{"mentions": 0}', "feature 1.*expected 'mentions' to be at least 1"),
    ],
)
def test_a_malformed_routes_file_is_one_clear_error(tmp_path, properties, expected):
    from campmap.errors import InputError
    from campmap.layer.read import read_routes

    path = tmp_path / "routes.geojson"
    path.write_text(
        '{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": '
        '{"type": "LineString", "coordinates": [[0, 51], [0.01, 51]]}, '
        f'"properties": {properties}}}]}}',
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=expected) as caught:
        read_routes(path)
    assert "routes.geojson" in str(caught.value)
