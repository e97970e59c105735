"""Load every output in real QGIS (Debian's python3-qgis, headless) and check what it sees."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

import campmap

SYSTEM_PYTHON = "/usr/bin/python3"
PROBE = Path(__file__).with_name("qgis_probe.py")


def _need_qgis() -> None:
    """Skip (fail, with CAMPMAP_REQUIRE_QGIS set) when QGIS's Python is not installed."""
    if Path(SYSTEM_PYTHON).exists():
        check = subprocess.run(
            [SYSTEM_PYTHON, "-c", "import qgis.core"], capture_output=True, check=False
        )
        if check.returncode == 0:
            return
    reason = (
        "QGIS's Python API is not installed (run 'apt-get install python3-qgis' as root, "
        "or 'make test' as root, which does)"
    )
    if os.environ.get("CAMPMAP_REQUIRE_QGIS"):
        pytest.fail(reason)
    pytest.skip(reason)


def _probe(*args: str, runtime: Path) -> dict:
    """Run the probe with QGIS's Python and return what it printed."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(runtime)}
    run = subprocess.run(
        [SYSTEM_PYTHON, str(PROBE), *args], capture_output=True, text=True, env=env, check=False
    )
    assert run.returncode == 0, run.stderr[-2000:]
    return json.loads(run.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    _need_qgis()
    out = tmp_path_factory.mktemp("qgis") / "out"
    report = out.parent / "report.txt"
    report.write_text(
        "Twelve temporary cameras have been mounted along Whitehall from Trafalgar Square to "
        "Parliament Square. Three of the cameras sit beside the Cenotaph. Other cameras overlook "
        "Horse Guards Parade, St James's Park and Pall Mall. Hikvision made the cameras. "
        "Two cameras were also fixed above Tannery Lane.",
        encoding="utf-8",
    )
    layers = campmap.map_reports([report])
    campmap.write_outputs(layers, out)
    return layers, out


@pytest.fixture(scope="module")
def seen(written):
    layers, out = written
    return layers, _probe(str(out), runtime=out.parent)


@pytest.fixture(scope="module")
def gpkg_seen(written, tmp_path_factory):
    """QGIS opens campmap.gpkg alone (no .qml beside it): its styles come from the file."""
    _, out = written
    alone = tmp_path_factory.mktemp("gpkg-alone")
    shutil.copyfile(out / "campmap.gpkg", alone / "campmap.gpkg")
    return _probe("--gpkg", str(alone / "campmap.gpkg"), runtime=alone)


EXPECTED = {
    "sites.geojson": ("Point", 4),
    "site_lines.geojson": ("MultiLineString", 1),
    "site_areas.geojson": ("MultiPolygon", 2),
    "routes.geojson": ("LineString", 1),
    "campmap.gpkg|sites": ("Point", 4),
    "campmap.gpkg|site_lines": ("MultiLineString", 1),
    "campmap.gpkg|site_areas": ("MultiPolygon", 2),
    "campmap.gpkg|routes": ("LineString", 1),
    "sites.csv": ("Point", 4),
}


@pytest.mark.parametrize("name", EXPECTED)
def test_each_layer_is_valid_with_type_crs_and_count(seen, name):
    _, layers = seen
    layer = layers[name]
    geometry, count = EXPECTED[name]
    assert layer["valid"]
    assert layer["geometry"] == geometry
    assert layer["crs"] == "EPSG:4326"
    assert layer["count"] == count
    assert layer["null_geometries"] == 0


@pytest.mark.parametrize(
    "name", ["sites.geojson", "routes.geojson", "campmap.gpkg|sites", "sites.csv"]
)
def test_count_is_an_integer_field(seen, name):
    _, layers = seen
    assert layers[name]["fields"]["count"] in {"integer", "integer64"}
    assert layers[name]["fields"]["mentions"] in {"integer", "integer64"}


def test_sites_have_the_contract_fields_and_osm_tags(seen):
    _, layers = seen
    fields = layers["sites.geojson"]["fields"]
    for name in ("site_id", "name", "place_kind", "quote", "sources", "manufacturer", "operator"):
        assert fields[name] == "string", name
    assert fields["uncertainty_m"] == "real"
    assert "man_made" in fields and "surveillance:type" in fields


def test_styles_are_applied_on_load(seen):
    _, layers = seen
    assert layers["sites.geojson"]["renderer"] == "RuleRenderer"  # sized by count, unknown apart
    assert layers["sites.geojson"]["labels"] is True
    assert layers["routes.geojson"]["labels"] is True
    assert layers["routes.geojson"]["colour"] == "#b3261e"
    assert layers["site_lines.geojson"]["colour"] == "#555555"
    assert layers["site_areas.geojson"]["colour"] == "#66bb6a"


def test_geopackage_lists_the_same_sites_and_the_unresolved(seen):
    layers_, seen_layers = seen
    expected = sorted(layers_.sites["site_id"])
    assert sorted(seen_layers["campmap.gpkg|sites"]["ids"]) == expected
    assert sorted(seen_layers["sites.geojson"]["ids"]) == expected
    gpkg_sites = seen_layers["campmap.gpkg|sites"]
    counts = dict(zip(gpkg_sites["ids"], gpkg_sites["counts"], strict=True))
    assert counts["cenotaph"] == 3
    unresolved = seen_layers["campmap.gpkg|unresolved"]
    assert (
        unresolved["valid"] and unresolved["geometry"] == "NoGeometry" and unresolved["count"] == 1
    )


def test_qgis_reads_a_count_past_32_bits_from_the_geopackage(tmp_path):
    """The GeoPackage's counts are 64-bit (a 32-bit field wrapped 3000000000 to -1294967296)."""
    _need_qgis()
    out = tmp_path / "out"
    report = tmp_path / "report.txt"
    report.write_text("Police installed 3000000000 cameras on Whitehall.", encoding="utf-8")
    campmap.write_outputs(campmap.map_reports([report]), out)
    seen = _probe(str(out), runtime=tmp_path)
    for name in ("campmap.gpkg|sites", "sites.geojson", "sites.csv"):
        assert seen[name]["valid"], name
        # the probe prints a delimited-text "longlong" value as text: compare its number
        assert [int(c) for c in seen[name]["counts"]] == [3_000_000_000], name
    assert seen["campmap.gpkg|sites"]["fields"]["count"] == "integer64"
    assert seen["sites.csv"]["fields"]["count"] == "longlong"


# --- the GeoPackage opens styled (its layer_styles table) ---------------------------------------

STATUS_RULES = [
    ["installed", "\"status\" IN ('installed')"],
    ["deployed (temporary)", "\"status\" IN ('deployed')"],
    ["planned, proposed or approved", "\"status\" IN ('planned', 'proposed', 'approved')"],
    ["damaged or covered", "\"status\" IN ('damaged', 'covered')"],
    ["removed or moved away", "\"status\" IN ('removed', 'relocated_from')"],
    ["other status", "ELSE"],
]


@pytest.mark.parametrize("name", ["sites", "site_lines", "site_areas", "routes"])
def test_each_geopackage_layer_has_its_own_default_style_in_the_file(gpkg_seen, name):
    layer = gpkg_seen[name]
    assert layer["valid"]
    assert layer["database_styles"] == [name]


def test_geopackage_sites_are_coloured_by_status_sized_and_labelled_by_count(gpkg_seen):
    sites = gpkg_seen["sites"]
    assert sites["renderer"] == "RuleRenderer"
    assert sites["rules"] == STATUS_RULES
    # size, fill, stroke colour and stroke style follow the count (QgsSymbolLayer property keys)
    assert sites["rule_properties"] == [0, 3, 4, 6]
    assert sites["labels"] is True
    assert '"count"' in sites["label_expression"] and '"name"' in sites["label_expression"]


def test_geopackage_routes_are_red_lines_labelled_at_full_extent(gpkg_seen):
    routes = gpkg_seen["routes"]
    assert routes["renderer"] == "singleSymbol" and routes["colour"] == "#b3261e"
    assert routes["labels"] is True and routes["label_display_all"] is True
    assert routes["label_placement"] == 4  # QgsPalLayerSettings.Horizontal: fits any line
    drawn = gpkg_seen["full_extent_labels"]
    assert drawn["routes"] == ["12 cameras along Trafalgar Square to Parliament Square"]
    assert "Cenotaph (3)" in drawn["sites"]


def test_geopackage_areas_are_semi_transparent_and_lines_grey(gpkg_seen):
    areas = gpkg_seen["site_areas"]
    assert areas["renderer"] == "singleSymbol" and areas["colour"] == "#66bb6a"
    assert 0 < areas["alpha"] < 128
    lines = gpkg_seen["site_lines"]
    assert lines["colour"] == "#555555" and lines["labels"] is False


def test_the_unresolved_table_has_no_style(gpkg_seen):
    unresolved = gpkg_seen["unresolved"]
    assert unresolved["valid"] and unresolved["renderer"] is None
    assert unresolved["database_styles"] == []
