"""The publishable map without a browser: data layer, summary, embed snippet, sites files, CLI."""

from __future__ import annotations

import json
import re
import time

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from click.testing import CliRunner

from campmap import build_layers, extract, read_sources, write_outputs
from campmap.cli.main import cli
from campmap.errors import CampmapError, InputError
from campmap.export import embed_snippet, render_map
from campmap.export.embed import SANDBOX
from campmap.export.html import map_data, site_columns, summary
from campmap.layer.build import ROUTE_COLUMNS, SITE_COLUMNS, Layers
from campmap.layer.read import read_layers
from campmap.records import Document

REPORT = (
    "Twenty cameras line the route along Mill Road from South Gate to North Gate. "
    "Four cameras face Market Square, with two at the Town Hall. "
    "Other cameras are on Station Road and above Riverside Park."
)


@pytest.fixture
def town_layers(tmp_path, town):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    doc = read_sources([path])
    return build_layers(doc, extract(doc, town), town)


def many_sites(n: int) -> Layers:
    counts = pd.array([None if i % 4 == 0 else i % 9 + 1 for i in range(n)], dtype="Int64")
    points = shapely.points([[-0.1 + i * 1e-5, 51.5] for i in range(n)])
    frame = pd.DataFrame({c: [f"{c} {i}" for i in range(n)] for c in SITE_COLUMNS})
    frame["count"] = counts
    frame["status"] = "installed"
    frame["place_kind"] = "point"
    frame["uncertainty_m"] = 30.0
    frame["mentions"] = 1
    frame["sources"] = [f"https://example.org/{i % 3}" for i in range(n)]
    sites = gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(points, crs="EPSG:4326"))
    sites["place_geometry"] = gpd.GeoSeries(points, crs="EPSG:4326")
    routes = gpd.GeoDataFrame(
        pd.DataFrame(columns=list(ROUTE_COLUMNS)).astype({"count": "Int64"}),
        geometry=gpd.GeoSeries([], crs="EPSG:4326"),
    )
    return Layers(sites, routes, (), {}, (), Document((), ()))


def test_site_data_is_one_compact_column_wise_layer():
    layers = many_sites(1000)
    data = map_data(layers, "t")["sites"]
    assert data["n"] == 1000 and len(data["lon"]) == len(data["lat"]) == 1000
    assert data["count"][:5] == [None, 2, 3, 4, None]
    assert data["sources"]["values"] == [f"https://example.org/{i}" for i in range(3)]
    assert data["sources"]["codes"][:4] == [0, 1, 2, 0]
    assert isinstance(data["quote"], list)  # unique text is not dictionary-encoded
    assert "coordinate_source" not in data and "written_as" not in data  # what the map does not use
    assert data["backend"][:2] == ["backend 0", "backend 1"]  # shown in popups as provenance
    html = render_map(layers)
    assert html.count('"type": "Feature"') == 0  # no per-site GeoJSON feature objects
    few = render_map(many_sites(10))
    for call in ("L.marker(", "L.circleMarker(", "L.geoJson("):  # no per-site folium objects
        assert html.count(call) == few.count(call), call


def test_summary_of_a_large_map_stays_one_short_line():
    text = summary(many_sites(20000))
    assert len(text) < 250, text
    total = sum(i % 9 + 1 for i in range(20000) if i % 4)
    assert text.startswith(f"{total:,} cameras at 15,000 sites with a stated count (most: 9 at ")
    assert text.endswith("; 5,000 sites with no stated count.")


def test_summary_names_each_site_when_few(town_layers):
    assert summary(town_layers) == (
        "20 cameras reported along the route from South Gate to North Gate; "
        "4 at Market Square; 2 at Town Hall; 2 sites with no stated count."
    )


def test_site_columns_keep_nulls_as_null():
    columns = site_columns(many_sites(3).sites)
    assert columns["count"] == [None, 2, 3]
    assert json.loads(json.dumps(columns))["count"][0] is None


def test_embed_snippet_is_responsive_sandboxed_and_escaped():
    html = embed_snippet(
        "https://news.example/maps/map.html?a=1&b=2", 'Cameras "here" <b>', "4 at X."
    )
    assert 'src="https://news.example/maps/map.html?a=1&amp;b=2"' in html
    assert 'title="Cameras &quot;here&quot; &lt;b&gt;"' in html
    assert "aspect-ratio:16/10" in html and "width:100%" in html
    assert f'sandbox="{SANDBOX}"' in html and "allow-scripts" in SANDBOX
    assert "allow-same-origin" not in SANDBOX and "allow-top-navigation" not in SANDBOX
    assert "allowfullscreen" in html
    assert 'referrerpolicy="strict-origin-when-cross-origin"' in html  # tile providers need it
    assert "no-referrer" not in html.replace("strict-origin", "")
    assert "<figcaption>4 at X.</figcaption>" in html


def test_render_of_100k_sites_builds_quickly_and_stays_small():
    # Not a speed target (those are in benchmarks/map_scale.py): a guard against
    # going back to one object per site, which takes minutes and hundreds of MB.
    layers = many_sites(100_000)
    start = time.perf_counter()
    html = render_map(layers)
    assert time.perf_counter() - start < 30
    assert len(html) < 250 * 100_000


def test_none_tiles_is_the_offline_map(town_layers):
    assert render_map(town_layers, tiles="none") == render_map(town_layers)


# --- reading a sites file back ------------------------------------------------------------


def test_sites_file_round_trip_keeps_the_map_data(tmp_path, town_layers, town):
    write_outputs(town_layers, tmp_path / "out")
    again = read_layers(tmp_path / "out" / "sites.geojson", gazetteer=town)
    assert list(again.sites["site_id"]) == list(town_layers.sites["site_id"])
    assert (
        again.sites["count"].fillna(-1).tolist() == town_layers.sites["count"].fillna(-1).tolist()
    )
    assert list(again.sites["place_kind"]) == list(town_layers.sites["place_kind"])
    # place geometries come back from the gazetteer, routes from routes.geojson beside it
    assert all(
        a.equals(b)
        for a, b in zip(
            again.sites["place_geometry"], town_layers.sites["place_geometry"], strict=True
        )
    )
    assert list(again.routes["route_id"]) == list(town_layers.routes["route_id"])
    assert map_data(again, "t")["places"] == map_data(town_layers, "t")["places"]


def test_a_minimal_sites_file_from_another_tool(tmp_path):
    path = tmp_path / "points.geojson"
    path.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {"type": "Feature", "geometry": {"type": "Point", "coordinates": [0.1, 51.5]}},
                    {
                        "type": "Feature",
                        "id": "b",
                        "properties": {"count": 3, "extra": "kept out"},
                        "geometry": {"type": "Point", "coordinates": [0.2, 51.6]},
                    },
                ],
            }
        )
    )
    layers = read_layers(path)
    assert list(layers.sites["name"]) == ["site-1", "b"]
    assert list(
        layers.sites["count"].astype(object).where(layers.sites["count"].notna(), None)
    ) == [
        None,
        3,
    ]
    assert layers.routes.empty
    assert map_data(layers, "t")["sites"]["n"] == 2
    assert "kept out" not in render_map(layers)  # unknown properties are not carried


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{\n  not json", r"points\.geojson:2: not valid JSON"),
        ('{"type": "Feature"}', r"expected a GeoJSON FeatureCollection, got 'Feature'"),
        (
            '{"type": "FeatureCollection", "features": [{"type": "Feature", "id": "x", '
            '"geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1]]}}]}',
            r"points\.geojson: feature 1 \(id 'x'\): expected a Point geometry, got 'LineString'",
        ),
        (
            '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": '
            '{"count": "many"}, "geometry": {"type": "Point", "coordinates": [0, 0]}}]}',
            r"feature 1: count must be a whole number or null, got 'many'",
        ),
        (
            '{"type": "FeatureCollection", "features": [{"type": "Feature", '
            '"geometry": {"type": "Point", "coordinates": [500, 0]}}]}',
            r"feature 1: coordinates 500\.0, 0\.0 are not longitude, latitude",
        ),
    ],
)
def test_a_bad_sites_file_is_one_clear_error(tmp_path, content, message):
    path = tmp_path / "points.geojson"
    path.write_text(content)
    with pytest.raises(InputError, match=message):
        read_layers(path)


# --- the command line ----------------------------------------------------------------------


def test_cli_map_embed_and_render(tmp_path):
    runner = CliRunner()
    out = tmp_path / "out"
    result = runner.invoke(
        cli, ["map", "-o", str(out), "--embed", "--embed-src", "https://x.example/m.html"]
    )
    assert result.exit_code == 0, result.output
    assert 'src="https://x.example/m.html"' in (out / "embed.html").read_text()
    again = tmp_path / "again"
    result = runner.invoke(
        cli, ["render", str(out / "sites.geojson"), "-o", str(again), "--title", "Again"]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in again.iterdir()) == ["map.html"]
    sites = json.loads((out / "sites.geojson").read_text())["features"]
    data = map_data(read_layers(out / "sites.geojson"), "Again")
    assert data["sites"]["n"] == len(sites)
    assert data["places"]["features"]  # streets and areas restored from the gazetteer
    assert f"{len(sites)} sites, 1 routes from" in result.output


def test_cli_render_of_a_bad_file_is_one_line(tmp_path):
    bad = tmp_path / "sites.geojson"
    bad.write_text("[]")
    result = CliRunner().invoke(cli, ["render", str(bad), "-o", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0
    assert re.search(
        r"sites\.geojson: expected a GeoJSON FeatureCollection, got 'list'", result.output
    )
    assert "Traceback" not in result.output


def test_png_without_chromium_is_a_clear_error_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("CAMPMAP_CHROMIUM", str(tmp_path / "no-chromium"))
    result = CliRunner().invoke(cli, ["map", "-o", str(tmp_path / "o"), "--png"])
    assert result.exit_code == 1
    assert "CAMPMAP_CHROMIUM=" in result.output and "is not an executable" in result.output
    assert not (tmp_path / "o").exists() or list((tmp_path / "o").iterdir()) == []


def test_png_error_when_no_chromium_on_path(tmp_path, monkeypatch):
    from campmap.export.png import find_chromium

    monkeypatch.delenv("CAMPMAP_CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr("campmap.export.png._CANDIDATES", ("chromium", "chromium-browser"))
    with pytest.raises(CampmapError, match=r"the PNG needs Chromium, which was not found"):
        find_chromium()


def test_the_map_has_one_fixed_name_through_folium_s_public_get_name(town_layers):
    from campmap.export.html import MAP_NAME

    first, second = render_map(town_layers), render_map(town_layers)
    assert first == second
    assert f'<div class="folium-map" id="{MAP_NAME}" ></div>' in first
    assert f"var {MAP_NAME} = L.map(" in first
    assert f"campmapRender({MAP_NAME}, " in first


def test_only_iso_dates_travel_to_the_map_for_its_date_filter():
    layers = many_sites(4)
    layers.sites["first_reported"] = ["2024-01-02", "soon", None, "2024-01-02"]
    data = map_data(layers, "t")["sites"]
    assert data["first_reported"] == {"values": ["2024-01-02"], "codes": [0, -1, -1, 0]}
    assert "last_reported" not in data  # ("last_reported 0" ... are no dates)
