"""Load every output in real QGIS (Debian's python3-qgis, headless) and check what it sees."""

from __future__ import annotations

import json
import os
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


@pytest.fixture(scope="module")
def seen(tmp_path_factory):
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
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(out.parent)}
    run = subprocess.run(
        [SYSTEM_PYTHON, str(PROBE), str(out)], capture_output=True, text=True, env=env, check=False
    )
    assert run.returncode == 0, run.stderr[-2000:]
    return layers, json.loads(run.stdout.strip().splitlines()[-1])


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
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(tmp_path)}
    run = subprocess.run(
        [SYSTEM_PYTHON, str(PROBE), str(out)], capture_output=True, text=True, env=env, check=False
    )
    assert run.returncode == 0, run.stderr[-2000:]
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    for name in ("campmap.gpkg|sites", "sites.geojson", "sites.csv"):
        assert seen[name]["valid"], name
        # the probe prints a delimited-text "longlong" value as text: compare its number
        assert [int(c) for c in seen[name]["counts"]] == [3_000_000_000], name
    assert seen["campmap.gpkg|sites"]["fields"]["count"] == "integer64"
    assert seen["sites.csv"]["fields"]["count"] == "longlong"
