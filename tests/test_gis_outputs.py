"""RFC 7946 rules, the GeoPackage and CSV, OSM tags: checked in plain Python."""

from __future__ import annotations

import contextlib
import csv
import json
import math
import re
import sqlite3

import pyogrio
import pytest
from shapely.geometry import shape

import campmap
from campmap.export import OUTPUT_FILES

GEOJSON_TYPES = {
    "sites.geojson": "Point",
    "site_lines.geojson": "MultiLineString",
    "site_areas.geojson": "MultiPolygon",
    "routes.geojson": "LineString",
}


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("gis")
    report = folder / "report.txt"
    report.write_text(
        "Twelve Hikvision cameras operated by Westminster City Council line the route along "
        "Whitehall from Trafalgar Square to Parliament Square. Three of the cameras sit beside "
        "the Cenotaph. Other cameras overlook Horse Guards Parade, St James's Park and Pall Mall. "
        'Cameras also watch Leicester Square, said "=HYPERLINK(1)" on a poster. '
        "Two cameras were fixed above Tannery Lane.",
        encoding="utf-8",
    )
    layers = campmap.map_reports([report])
    campmap.write_outputs(layers, folder / "out")
    return layers, folder / "out"


def positions(geometry):
    coords = geometry["coordinates"]
    while coords and isinstance(coords[0], list):
        if isinstance(coords[0][0], list):
            coords = [c for part in coords for c in part]
        else:
            break
    return coords if isinstance(coords[0], list) else [coords]


def decimals(number: float) -> int:
    text = repr(number)
    return len(text.split(".")[1]) if "." in text and "e" not in text else 0


@pytest.mark.parametrize(("name", "geometry_type"), GEOJSON_TYPES.items())
def test_geojson_follows_rfc7946(out, name, geometry_type):
    _, folder = out
    text = (folder / name).read_text(encoding="utf-8")
    assert not re.search(r"\bNaN\b|\bInfinity\b", text)
    data = json.loads(text)
    assert data["type"] == "FeatureCollection" and "crs" not in data
    assert data["features"], f"{name} has no features"
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        assert isinstance(feature["id"], str)
        geometry = feature["geometry"]
        assert geometry is not None and geometry["type"] == geometry_type  # one type per file
        for lon, lat in positions(geometry):
            assert -180 <= lon <= 180 and -90 <= lat <= 90
            assert 51.3 < lat < 51.7 and -0.5 < lon < 0.3  # lon first: London, not the Indian Ocean
            assert decimals(lon) <= 7 and decimals(lat) <= 7
        geom = shape(geometry)
        assert geom.is_valid
        if geometry_type == "MultiPolygon":
            for polygon in geom.geoms:
                assert polygon.exterior.is_ccw  # right-hand rule: exterior counter-clockwise
                assert all(not ring.is_ccw for ring in polygon.interiors)
        for key, value in feature["properties"].items():
            assert not isinstance(value, (dict, list)), (name, key)
            assert not (isinstance(value, float) and math.isnan(value))
        if "count" in feature["properties"]:
            count = feature["properties"]["count"]
            assert count is None or type(count) is int


def test_ids_equal_site_ids(out):
    _, folder = out
    for name in ("sites.geojson", "site_lines.geojson", "site_areas.geojson"):
        for feature in json.loads((folder / name).read_text())["features"]:
            assert feature["id"] == feature["properties"]["site_id"]


def test_place_geometries_are_the_real_ones(out):
    _, folder = out
    lines = json.loads((folder / "site_lines.geojson").read_text())["features"]
    areas = json.loads((folder / "site_areas.geojson").read_text())["features"]
    assert {f["id"] for f in lines} == {"pall-mall"}
    assert {f["id"] for f in areas} == {
        "horse-guards-parade",
        "st-jamess-park",
        "leicester-square",
    } & {f["id"] for f in areas}
    park = next(f for f in areas if f["id"] == "st-jamess-park")
    gazetteer_park = campmap.default_gazetteer().get("st-jamess-park").geometry
    assert shape(park["geometry"]).symmetric_difference(gazetteer_park).area < 1e-9


def test_geopackage_layers_and_field_types(out):
    layers, folder = out
    gpkg = folder / "campmap.gpkg"
    listed = dict((name, kind) for name, kind in pyogrio.list_layers(gpkg))
    assert listed == {
        "sites": "Point",
        "site_lines": "MultiLineString",
        "site_areas": "MultiPolygon",
        "routes": "LineString",
        "unresolved": None,
        "layer_styles": None,  # QGIS's style table, an attributes table as QGIS makes it
    }
    info = pyogrio.read_info(gpkg, layer="sites")
    types = dict(zip(info["fields"], info["dtypes"], strict=True))
    assert types["count"] == "int64" and types["mentions"] == "int64"  # 32 bits wrapped past 2**31
    assert types["uncertainty_m"] == "float64" and types["site_id"] == "object"
    sites = pyogrio.read_dataframe(gpkg, layer="sites")
    assert sorted(sites["site_id"]) == sorted(layers.sites["site_id"])
    unresolved = pyogrio.read_dataframe(gpkg, layer="unresolved", read_geometry=False)
    assert list(unresolved["text"]) == ["Tannery Lane"] and list(unresolved["count"]) == [2]


QGIS_LAYER_STYLES = [
    # (column, declared type, NOT NULL, primary key): what QGIS 3.22 writes through GDAL
    ("id", "INTEGER", 1, 1),
    ("f_table_catalog", "TEXT(256)", 0, 0),
    ("f_table_schema", "TEXT(256)", 0, 0),
    ("f_table_name", "TEXT(256)", 0, 0),
    ("f_geometry_column", "TEXT(256)", 0, 0),
    ("styleName", "TEXT(30)", 0, 0),
    ("styleQML", "TEXT", 0, 0),
    ("styleSLD", "TEXT", 0, 0),
    ("useAsDefault", "BOOLEAN", 0, 0),
    ("description", "TEXT", 0, 0),
    ("owner", "TEXT(30)", 0, 0),
    ("ui", "TEXT(30)", 0, 0),
    ("update_time", "DATETIME", 0, 0),
]


def test_geopackage_layer_styles_table_is_shaped_as_qgis_writes_it(out):
    _, folder = out
    with contextlib.closing(sqlite3.connect(folder / "campmap.gpkg")) as db:
        columns = [row[1:4] + row[5:] for row in db.execute("PRAGMA table_info(layer_styles)")]
        contents = db.execute(
            "SELECT data_type, identifier, description, last_change, srs_id FROM gpkg_contents "
            "WHERE table_name = 'layer_styles'"
        ).fetchall()
        counted = db.execute(
            "SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = 'layer_styles'"
        ).fetchall()
        triggers = db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'layer_styles' "
            "ORDER BY name"
        ).fetchall()
        rows = db.execute(
            "SELECT f_table_catalog, f_table_schema, f_table_name, f_geometry_column, styleName,"
            " useAsDefault, owner, ui, update_time, styleQML, styleSLD"
            " FROM layer_styles ORDER BY id"
        ).fetchall()
    assert columns == QGIS_LAYER_STYLES
    assert contents == [("attributes", "layer_styles", "", "2000-01-01T00:00:00.000Z", 0)]
    assert counted == [(4,)]
    assert triggers == [
        ("trigger_delete_feature_count_layer_styles",),
        ("trigger_insert_feature_count_layer_styles",),
    ]
    names = ["sites", "site_lines", "site_areas", "routes"]
    assert [row[:9] for row in rows] == [
        ("", "", name, "geom", name, 1, "", None, "2000-01-01T00:00:00.000Z") for name in names
    ]
    for name, row in zip(names, rows, strict=True):
        assert row[9] == (folder / f"{name}.qml").read_text(encoding="utf-8")
        assert row[9].startswith("<!DOCTYPE qgis") and "<StyledLayerDescriptor" in row[10]
        assert pyogrio.read_info(folder / "campmap.gpkg", layer=name)["geometry_name"] == "geom"


def test_csv_has_lon_lat_and_defused_formulas(out):
    layers, folder = out
    with (folder / "sites.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["site_id"] for r in rows] == list(layers.sites["site_id"])
    for row, point in zip(rows, layers.sites.geometry, strict=True):
        assert float(row["lon"]) == pytest.approx(point.x, abs=1e-7)
        assert float(row["lat"]) == pytest.approx(point.y, abs=1e-7)
    leicester = next(r for r in rows if r["site_id"] == "leicester-square")
    assert leicester["quote"].startswith("Cameras also watch")
    assert all(not value.startswith(("=", "+", "@")) for row in rows for value in row.values())
    cenotaph = next(r for r in rows if r["site_id"] == "cenotaph")
    assert cenotaph["count"] == "3"


def test_osm_surveillance_tags(out):
    _, folder = out
    for feature in json.loads((folder / "sites.geojson").read_text())["features"]:
        props = feature["properties"]
        assert props["man_made"] == "surveillance" and props["surveillance:type"] == "camera"
        assert props["manufacturer"] == "Hikvision"
        assert props["operator"] == "Westminster City Council"


def test_every_output_is_byte_identical_on_a_second_run(out, tmp_path):
    layers, folder = out
    campmap.write_outputs(layers, tmp_path / "again")
    for name in OUTPUT_FILES:
        assert (folder / name).read_bytes() == (tmp_path / "again" / name).read_bytes(), name


def test_counts_past_32_bits_keep_their_value_in_the_geopackage(tmp_path):
    """A count above 2**31 wrapped to a negative number in the GeoPackage's 32-bit field."""
    report = tmp_path / "report.txt"
    report.write_text(
        "Police installed 3000000000 cameras on Whitehall and 4294967297 at Tannery Lane.",
        encoding="utf-8",
    )
    layers = campmap.map_reports([report])
    campmap.write_outputs(layers, tmp_path / "out")
    gpkg = tmp_path / "out" / "campmap.gpkg"
    sites = pyogrio.read_dataframe(gpkg, layer="sites")
    assert list(sites["count"]) == [3_000_000_000]
    unresolved = pyogrio.read_dataframe(gpkg, layer="unresolved", read_geometry=False)
    assert list(unresolved["count"]) == [4_294_967_297]
    report_json = json.loads((tmp_path / "out" / "report.json").read_text())
    assert [s["count"] for s in report_json["sites"]] == [3_000_000_000]


def test_a_count_no_output_can_hold_is_left_unknown_with_its_wording(tmp_path):
    """A count past MAX_COUNT (2**53 - 1) crashed the run (pandas' Int64 overflowed)."""
    report = tmp_path / "report.txt"
    report.write_text(
        "Police installed 99999999999999999999 cameras on Whitehall.", encoding="utf-8"
    )
    layers = campmap.map_reports([report])
    campmap.write_outputs(layers, tmp_path / "out")
    (site,) = json.loads((tmp_path / "out" / "report.json").read_text())["sites"]
    assert site["count"] is None and site["count_text"] == "99999999999999999999"


def test_layer_styles_are_added_whole_or_not_at_all(tmp_path):
    """A file SQLite cannot add the table to is named as an OSError, and left as it was."""
    from campmap.export.gpkg_styles import write_layer_styles

    plain = tmp_path / "plain.gpkg"
    with contextlib.closing(sqlite3.connect(plain)) as db:
        db.execute("CREATE TABLE gpkg_ogr_contents (table_name TEXT, feature_count INTEGER)")
        db.commit()
    before = plain.read_bytes()
    with pytest.raises(OSError, match=r"SQLite could not add the layer styles.*gpkg_contents"):
        write_layer_styles(plain, "2000-01-01T00:00:00.000Z")
    assert plain.read_bytes() == before  # no layer_styles table half made
