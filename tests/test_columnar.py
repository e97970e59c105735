"""The column-wise sites reader (campmap.layer.columnar) gives the layer the strict reader gives."""

from __future__ import annotations

import gc
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from click.testing import CliRunner

from campmap.cli.main import cli
from campmap.errors import InputError
from campmap.export.geojson import write_sites
from campmap.export.html import render_map
from campmap.gazetteer import Gazetteer
from campmap.layer.columnar import decode_sites
from campmap.layer.columns import COLUMN_TYPES, CRS, SITE_COLUMNS
from campmap.layer.read import paused_collector, read_layers, read_sites


def collection(*features: Any) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": list(features)}).encode()


def point(props: Any = None, coords: Any = (0.1, 51.5), **extra: Any) -> dict[str, Any]:
    feature = {"type": "Feature", "geometry": {"type": "Point", "coordinates": list(coords)}}
    if props is not None:
        feature["properties"] = props
    return {**feature, **extra}


def both(path: Path, gazetteer: Gazetteer | None = None) -> gpd.GeoDataFrame:
    """Read ``path`` both ways, check the layers are the same, return one."""
    gazetteer = gazetteer or Gazetteer([])
    fast = read_sites(path, gazetteer)
    strict = read_sites(path, gazetteer, columnar=False)
    pd.testing.assert_frame_equal(fast, strict, check_exact=True)
    return fast


def every_type_layer() -> gpd.GeoDataFrame:
    """Sites with a value of every column's type, and nulls in each column."""
    frame = pd.DataFrame(
        {
            "site_id": ["a", "b", "c"],
            "name": ["Alpha <b>", "Beta", "Ünïcode \u2603"],
            "count": pd.array([4, None, 0], dtype="Int64"),
            "count_text": ["four", None, "none"],
            "uncertainty_m": [30.0, 120.5, 5.0],
            "mentions": [1, 3, 2],
            "deployments": [2, 0, 1],
            "confidence": [0.5, np.nan, 1.0],
            "status": ["installed", "planned", "installed"],
            "quote": ['Four cameras "here".', "", None],
            "place_kind": ["point", "point", "point"],
        }
    )
    for column in SITE_COLUMNS:
        if column not in frame:
            frame[column] = None
    points = shapely.points([[0.1, 51.5], [-0.2, 51.6], [179.9, -89.9]])
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(points, crs=CRS))


def test_every_column_type_round_trips(tmp_path):
    layer = every_type_layer()
    write_sites(layer, tmp_path / "sites.geojson")
    assert decode_sites((tmp_path / "sites.geojson").read_bytes()) is not None  # the plain case
    read = both(tmp_path / "sites.geojson")
    for name, kind in COLUMN_TYPES.items():
        assert str(read[name].dtype) == kind, name
    assert read["count"].tolist()[0] == 4 and read["count"].isna().tolist() == [False, True, False]
    assert read["mentions"].tolist() == [1, 3, 2]
    assert read["deployments"].tolist() == [2, 0, 1]
    assert read["uncertainty_m"].tolist() == [30.0, 120.5, 5.0]
    assert read["confidence"].tolist()[::2] == [0.5, 1.0]
    assert read["name"].tolist() == ["Alpha <b>", "Beta", "Ünïcode \u2603"]
    assert read["man_made"].tolist() == ["surveillance"] * 3  # null takes the default
    assert read.geometry.x.tolist() == [0.1, -0.2, 179.9]


def test_the_example_map_is_the_same_bytes_either_way(tmp_path):
    result = CliRunner().invoke(cli, ["map", "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    sites = tmp_path / "out" / "sites.geojson"
    fast = read_layers(sites)
    assert len(fast.sites) > 5 and not fast.routes.empty
    strict = replace(fast, sites=read_sites(sites, columnar=False))
    assert render_map(fast) == render_map(strict)


def test_an_empty_file_is_an_empty_layer(tmp_path):
    path = tmp_path / "sites.geojson"
    path.write_bytes(collection())
    read = both(path)
    assert read.empty and list(read.columns[: len(SITE_COLUMNS)]) == list(SITE_COLUMNS)
    assert decode_sites(collection()) is not None


ODD = {
    "falsy ids and names": [point({"site_id": "", "name": 0, "place_id": False}, id=7)],
    "no properties at all": [point(), point(None, id="x"), point({})],
    "counts written as floats": [point({"count": 3.0}), point({"count": None})],
    "a confidence of '' is none": [point({"confidence": ""}), point({"confidence": 1})],
    "text columns holding other types": [
        point({"quote": 5, "sources": ["a", "b"], "status": {"k": 1}, "kind": True}),
        point({"quote": "five", "mentions": 2.0, "uncertainty_m": 7}),
    ],
    "unknown properties": [point({"extra": "kept out", "count": 1})],
    "a third coordinate": [point({}, coords=(0.1, 51.5, 12.0))],
    "booleans as coordinates": [point({}, coords=(True, False))],
    "a huge whole number": [point({"quote": 10**30})],
}


@pytest.mark.parametrize("features", ODD.values(), ids=ODD.keys())
def test_odd_but_valid_files_read_the_same_both_ways(tmp_path, features):
    path = tmp_path / "sites.geojson"
    path.write_bytes(collection(*features))
    read = both(path)
    assert len(read) == len(features)


def test_ids_and_names_fall_back_in_order(tmp_path):
    path = tmp_path / "sites.geojson"
    path.write_bytes(collection(*ODD["falsy ids and names"], *ODD["no properties at all"]))
    read = both(path)
    assert read["site_id"].tolist() == ["7", "site-2", "x", "site-4"]
    assert read["name"].tolist() == read["site_id"].tolist() == read["place_id"].tolist()


def test_place_geometry_comes_from_the_gazetteer(tmp_path, town):
    place = town.places()[0]
    path = tmp_path / "sites.geojson"
    path.write_bytes(collection(point({"place_id": place.id}), point({"place_id": "nowhere"})))
    read = both(path, town)
    assert read["place_geometry"].iloc[0].equals(place.geometry)
    assert read["place_geometry"].iloc[1].equals(read.geometry.iloc[1])


BAD = {
    "not JSON": (b"{\n  not json", r"sites\.geojson:2: not valid JSON"),
    "a list": (b"[]", r"sites\.geojson: expected a GeoJSON FeatureCollection, got 'list'"),
    "a line": (
        collection(
            {
                "type": "Feature",
                "id": "x",
                "geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1]]},
            }
        ),
        r"sites\.geojson: feature 1 \(id 'x'\): expected a Point geometry, got 'LineString'",
    ),
    "no geometry": (collection({"type": "Feature"}), r"feature 1: expected a Point geometry"),
    "a count in words": (
        collection(point({"count": "many"})),
        r"feature 1: count must be a whole number or null, got 'many'",
    ),
    "a fractional count": (collection(point({}), point({"count": 2.5})), r"feature 2: count"),
    "a negative count": (collection(point({"count": -1})), r"must not be negative"),
    "a boolean count": (collection(point({"count": True})), r"whole number or null, got True"),
    "a confidence above 1": (collection(point({"confidence": 2})), r"from 0 to 1"),
    "a confidence in words": (collection(point({"confidence": "high"})), r"from 0 to 1"),
    "latitude out of range": (collection(point({}, coords=(0, 95))), r"not longitude, latitude"),
    "properties a list": (collection(point([1])), r"'properties' to be an object"),
    "not UTF-8": (b'{"type": "FeatureCollection", "features": [\xff]}', r"not UTF-8"),
}


@pytest.mark.parametrize(("content", "message"), BAD.values(), ids=BAD.keys())
def test_a_malformed_file_is_a_clear_error_naming_it(tmp_path, content, message):
    path = tmp_path / "sites.geojson"
    path.write_bytes(content)
    assert decode_sites(content) is None  # the strict reader says what is wrong
    with pytest.raises(InputError, match=message) as raised:
        read_sites(path, Gazetteer([]))
    assert str(path) in str(raised.value)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(InputError, match=r"nothing\.geojson: no such file"):
        read_sites(tmp_path / "nothing.geojson", Gazetteer([]))


def test_the_collector_is_paused_only_while_reading(tmp_path):
    path = tmp_path / "sites.geojson"
    path.write_bytes(collection(point({"count": 2})))
    assert gc.isenabled()
    with paused_collector():
        assert not gc.isenabled()
        read_sites(path, Gazetteer([]))
        assert not gc.isenabled()  # a nested pause leaves it paused
    assert gc.isenabled()
    with pytest.raises(InputError):
        read_sites(tmp_path / "missing.geojson", Gazetteer([]))
    assert gc.isenabled()  # and an error leaves it running again
