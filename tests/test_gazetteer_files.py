"""User gazetteers (CSV, GeoJSON, GeoPackage) given with --gazetteer, before the embedded one."""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner
from conftest import HERE, load_json, write

from campmap import GazetteerError, map_reports
from campmap.cli.main import cli
from campmap.gazetteer import (
    CSVGazetteer,
    GeoPackageGazetteer,
    default_gazetteer,
    get_backend,
    load_gazetteer_file,
)
from campmap.gazetteer.backends.osm import write_gazetteer

CSV = (
    "name,aliases,lat,lon,wkt,kind\n"
    'Quillfeather Road,Quill Road;the quill,,,"LINESTRING (-0.13 51.50, -0.12 51.50)",street\n'
    "Pelican Corner,,51.5031,-0.1275,,corner\n"
    "Whitehall,,51.6,-0.2,,street\n"
)
REPORT = (
    "Three CCTV cameras were installed on Quillfeather Road and two cameras at Pelican Corner. "
    "Four cameras watch Whitehall.\n"
)


def test_csv_rows_become_places(tmp_path):
    gaz = CSVGazetteer(write(tmp_path / "mine.csv", CSV))
    places = {p.name: p for p in gaz.places()}
    quill = places["Quillfeather Road"]
    assert quill.id == "quillfeather-road"
    assert quill.aliases == ("Quill Road", "the quill")
    assert quill.place_kind == "line" and quill.kind == "street"
    assert quill.backend == "mine.csv"
    assert quill.source == "mine.csv line 2"
    corner = places["Pelican Corner"]
    assert (corner.geometry.x, corner.geometry.y) == (-0.1275, 51.5031)
    assert corner.kind == "corner"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("place,lat,lon\nX,1,2\n", r"mine\.csv:1: header must name a 'name' column"),
        ("name,kind\nX,street\n", r"mine\.csv:1: header must have 'lat' and 'lon' columns"),
        (
            "name,lat,lon\nA,51.5,-0.1\nB,north,-0.1\n",
            r"mine\.csv:3: field 'lat': expected a number",
        ),
        (
            "name,lat,lon\nA,51.5,-0.1\nB,51.5,200\n",
            r"mine\.csv:3: field 'lon': expected a number "
            r"from -180 to 180, got 200",
        ),
        ("name,lat,lon\n,51.5,-0.1\n", r"mine\.csv:2: field 'name': expected a place name"),
        ("name,lat,lon\nA,,\n", r"mine\.csv:2: fields 'lat'/'lon' or 'wkt': no coordinates"),
        ("name,wkt\nA,LINESTRING (0 0\n", r"mine\.csv:2: field 'wkt': not valid WKT"),
        (
            'name,wkt\nA,"POLYGON ((0 0, 1 1, 1 0, 0 1, 0 0))"\n',
            r"mine\.csv:2: field 'wkt': invalid geometry: Self-intersection",
        ),
        (
            "name,lat,lon\nA,51.5,-0.1\nA,51.6,-0.1\n",
            r"mine\.csv:3: field 'id': 'a' already used "
            r"on line 2",
        ),
        ("name,lat,lon\nA,51.5,-0.1,extra\n", r"mine\.csv:2: more fields than the header's 3"),
    ],
)
def test_malformed_csv_rows_name_file_line_and_field(tmp_path, content, message):
    with pytest.raises(GazetteerError, match=message):
        CSVGazetteer(write(tmp_path / "mine.csv", content))


def test_geopackage_round_trip(tmp_path):
    places = list(CSVGazetteer(write(tmp_path / "mine.csv", CSV)).places())
    write_gazetteer(places, tmp_path / "mine.gpkg")
    back = {p.id: p for p in GeoPackageGazetteer(tmp_path / "mine.gpkg").places()}
    assert set(back) == {p.id for p in places}
    assert back["quillfeather-road"].aliases == ("Quill Road", "the quill")
    assert back["quillfeather-road"].geometry.equals(places[0].geometry)
    assert back["quillfeather-road"].backend == "mine.gpkg"


def test_bad_geopackage_and_unknown_suffix_are_clear(tmp_path):
    with pytest.raises(GazetteerError, match=r"junk\.gpkg: not a readable GeoPackage"):
        GeoPackageGazetteer(write(tmp_path / "junk.gpkg", "not sqlite"))
    with pytest.raises(GazetteerError, match=r"places\.xlsx: unknown gazetteer format '\.xlsx'"):
        load_gazetteer_file(tmp_path / "places.xlsx")
    with pytest.raises(GazetteerError, match=r"nope\.csv: cannot read"):
        load_gazetteer_file(tmp_path / "nope.csv")


def test_file_backends_are_registered(tmp_path):
    csv_file = write(tmp_path / "mine.csv", CSV)
    assert get_backend("csv", path=csv_file).name == "mine.csv"
    write_gazetteer(CSVGazetteer(csv_file).places(), tmp_path / "mine.gpkg")
    assert get_backend("gpkg", path=tmp_path / "mine.gpkg").name == "mine.gpkg"


def test_user_files_come_first_and_in_the_order_given(tmp_path):
    mine = CSVGazetteer(write(tmp_path / "mine.csv", CSV))
    other = CSVGazetteer(write(tmp_path / "other.csv", "name,lat,lon\nPelican Corner,52.0,-1.0\n"))
    gaz = default_gazetteer([mine, other])
    assert gaz.lookup("Whitehall")[0].backend == "mine.csv"  # ahead of the embedded one
    assert gaz.lookup("Pelican Corner")[0].backend == "mine.csv"
    gaz = default_gazetteer([other, mine])
    assert gaz.lookup("Pelican Corner")[0].backend == "other.csv"
    assert default_gazetteer().lookup("Whitehall")[0].backend == "embedded"


def test_cli_map_with_csv_and_geojson_gazetteers(tmp_path):
    report = write(tmp_path / "r.txt", REPORT)
    csv_file = write(tmp_path / "mine.csv", CSV.replace("Whitehall,,51.6,-0.2,,street\n", ""))
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli,
        [
            "map",
            str(report),
            "-o",
            str(out),
            "--gazetteer",
            str(csv_file),
            "--gazetteer",
            str(HERE / "data" / "town.geojson"),
        ],
    )
    assert result.exit_code == 0, result.output
    sites = load_json(out / "sites.geojson")
    props = {f["properties"]["name"]: f["properties"] for f in sites["features"]}
    assert props["Quillfeather Road"]["backend"] == "mine.csv"
    assert props["Quillfeather Road"]["coordinate_source"] == "mine.csv line 2"
    assert props["Quillfeather Road"]["count"] == 3
    assert props["Pelican Corner"]["count"] == 2
    assert props["Whitehall"]["backend"] == "embedded"
    report_json = load_json(out / "report.json")
    assert {s["backend"] for s in report_json["sites"]} == {"mine.csv", "embedded"}


def test_cli_bad_gazetteer_is_one_line_and_writes_nothing(tmp_path):
    report = write(tmp_path / "r.txt", REPORT)
    bad = write(tmp_path / "bad.csv", "name,lat,lon\nA,51.5,-0.1\nB,x,1\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["map", str(report), "-o", str(out), "--gazetteer", str(bad)])
    assert result.exit_code == 1
    assert result.output == f"Error: {bad}:3: field 'lat': expected a number, got 'x'\n"
    assert not out.exists()


def test_python_api_takes_file_backends(tmp_path):
    report = write(tmp_path / "r.txt", REPORT)
    layers = map_reports([report], backends=[load_gazetteer_file(write(tmp_path / "g.csv", CSV))])
    assert set(layers.sites["name"]) == {"Quillfeather Road", "Pelican Corner", "Whitehall"}
    assert set(layers.sites["backend"]) == {"g.csv"}


@pytest.mark.parametrize("breaker", ["\x85", "\u2028", "\x0c", "\x1d"])
def test_csv_rows_end_at_newlines_only(tmp_path, breaker):
    """A NEL, U+2028 or form feed in a field is text, not the end of the row."""
    content = (
        "name,lat,lon,source\n"
        f"Pelican{breaker}Corner,51.5031,-0.1275,survey{breaker}2024\n"
        "Heron Yard,51.5040,-0.1280,survey\n"
    )
    places = {p.id: p for p in CSVGazetteer(write(tmp_path / "mine.csv", content)).places()}
    assert set(places) == {"pelican-corner", "heron-yard"}
    assert places["pelican-corner"].name == f"Pelican{breaker}Corner"
    assert places["pelican-corner"].source == f"survey{breaker}2024"
    assert places["heron-yard"].source == "survey"


def test_a_nul_in_a_gazetteer_name_is_dropped_so_every_output_agrees(tmp_path):
    """GDAL ends a string at a NUL (sites.geojson cut the name short) while report.json and
    sites.csv kept the rest: the gazetteer readers drop NULs, so every output has one text."""
    report = write(tmp_path / "r.txt", "Three cameras at Pelican Corner and two at Heron Yard.\n")
    csv_file = write(
        tmp_path / "mine.csv",
        "name,aliases,lat,lon,source\nPelican Corner\0 (east),Pelican Corner,51.5031,-0.1275,"
        "survey\0 2024\n",
    )
    feature = {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [-0.128, 51.504]},
        "properties": {"id": "heron\0-yard", "name": "Heron Yard\0 (west)", "kind": "yard",
                       "source": "walk\0 2024", "aliases": ["Heron\0 Yard"]},
    }  # fmt: skip
    geojson = tmp_path / "mine.geojson"
    geojson.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    out = tmp_path / "out"
    args = ["map", str(report), "-o", str(out), "--gazetteer", str(csv_file)]
    result = CliRunner().invoke(cli, [*args, "--gazetteer", str(geojson)])
    assert result.exit_code == 0, result.output
    features = load_json(out / "sites.geojson")["features"]
    in_geojson = {f["properties"]["name"]: f["properties"] for f in features}
    in_report = {s["name"]: s for s in load_json(out / "report.json")["sites"]}
    with (out / "sites.csv").open(encoding="utf-8", newline="") as handle:
        in_csv = {row["name"]: row for row in csv.DictReader(handle)}
    names = {"Pelican Corner (east)", "Heron Yard (west)"}
    assert set(in_geojson) == set(in_report) == set(in_csv) == names
    for name in names:
        texts = [
            (d[name]["site_id"], d[name]["coordinate_source"])
            for d in (in_geojson, in_report, in_csv)
        ]
        assert len(set(texts)) == 1, texts
    assert in_report["Pelican Corner (east)"]["coordinate_source"] == "survey 2024"
    assert in_report["Heron Yard (west)"]["site_id"] == "heron-yard"
