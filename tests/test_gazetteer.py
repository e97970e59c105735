from __future__ import annotations

import json
from collections import defaultdict

import pytest
from shapely.geometry import shape

from campmap import GazetteerError
from campmap.errors import CampmapError
from campmap.gazetteer import (
    EmbeddedGazetteer,
    GeoJSONGazetteer,
    default_gazetteer,
    get_backend,
)
from campmap.gazetteer.names import name_variants, normalize
from campmap.geometry import length_m
from campmap.paths import data_dir

LONDON = (-0.52, 51.28, 0.34, 51.70)  # lon/lat box around Greater London
GEOMETRY_OF_KIND = {
    "LineString": {"street", "walk", "bridge"},
    "MultiLineString": {"street", "walk", "bridge"},
    "Polygon": {"park", "square", "garden", "area", "district"},
    "MultiPolygon": {"park", "square", "garden", "area", "district"},
    "Point": {
        "monument", "statue", "memorial", "arch", "gate", "building", "palace", "church",
        "station", "museum", "theatre", "landmark",
    },
}  # fmt: skip


@pytest.fixture(scope="module")
def raw():
    return json.loads((data_dir() / "gazetteer" / "central_london.geojson").read_text("utf-8"))


@pytest.fixture(scope="module")
def embedded():
    return EmbeddedGazetteer()


def test_file_is_a_plain_rfc7946_feature_collection(raw):
    assert raw["type"] == "FeatureCollection" and "crs" not in raw
    assert len(raw["features"]) >= 120


def test_every_entry_is_complete_valid_and_in_london(embedded):
    places = list(embedded.places())
    assert len({p.id for p in places}) == len(places)
    for place in places:
        assert place.name and place.source and place.kind, place.id
        assert place.geometry.is_valid and not place.geometry.is_empty, place.id
        minx, miny, maxx, maxy = place.geometry.bounds
        assert LONDON[0] < minx <= maxx < LONDON[2] and LONDON[1] < miny <= maxy < LONDON[3], (
            place.id
        )
        assert place.kind in GEOMETRY_OF_KIND[place.geometry.geom_type], (place.id, place.kind)


def test_polygons_follow_the_right_hand_rule(raw):
    for feature in raw["features"]:
        geom = shape(feature["geometry"])
        if geom.geom_type == "Polygon":
            assert geom.exterior.is_ccw, feature["properties"]["id"]


def test_streets_have_real_length(embedded):
    for place in embedded.places():
        if place.place_kind == "line":
            assert length_m(place.geometry) > 40, place.id


def test_no_alias_points_at_two_places(embedded):
    owners = defaultdict(set)
    for place in embedded.places():
        for alias in (place.name, *place.aliases):
            for key in name_variants(alias):
                owners[key].add(place.id)
    shared = {key: ids for key, ids in owners.items() if len(ids) > 1}
    assert shared == {}


def test_sources_name_where_coordinates_came_from(embedded):
    for place in embedded.places():
        assert len(place.source) > 10 and not place.source.lower().startswith("dev"), place.id


SEED_PLACES = {
    "Buckingham Palace": "point",
    "Trafalgar Square": "area",
    "The Mall": "line",
    "Admiralty Arch": "point",
    "Birdcage Walk": "line",
    "Buckingham Gate": "line",
    "St James's Park": "area",
    "South African Royal Artillery Memorial": "point",
    "Diana Princess of Wales Memorial Walk": "line",
    "Horse Guards Road": "line",
    "equestrian statue of Charles I": "point",
}


@pytest.mark.parametrize(("name", "place_kind"), SEED_PLACES.items())
def test_seed_places_are_known_with_the_right_geometry(embedded, name, place_kind):
    gazetteer = default_gazetteer()
    (place,) = gazetteer.lookup(name)
    assert place.place_kind == place_kind


def test_boer_war_memorial_is_not_the_hyde_park_corner_memorial():
    gazetteer = default_gazetteer()
    (boer,) = gazetteer.lookup("South African Royal Artillery Memorial")
    (mall,) = gazetteer.lookup("The Mall")
    (corner,) = gazetteer.lookup("Hyde Park Corner")
    assert boer.geometry.distance(mall.geometry) < 0.001  # on The Mall (within about 70 m)
    assert boer.geometry.distance(corner.geometry) > 0.01  # over a kilometre away


def test_name_variants_resolve_to_one_place():
    gazetteer = default_gazetteer()
    for written in ("St James's Park", "St. James's Park", "Saint James's Park", "st james park"):
        assert [p.name for p in gazetteer.lookup(written)] == ["St James's Park"], written
    assert gazetteer.lookup("Charles I") == []  # a king, not a statue
    assert normalize("Hoarse Guards Road") != normalize("Horse Guards Road")
    assert gazetteer.lookup("Hoarse Guards Road")[0].name == "Horse Guards Road"


def test_user_geojson_gazetteer_errors_name_the_file_and_feature(tmp_path):
    good = {"id": "a", "name": "A Place", "kind": "building", "source": "survey"}
    bad_cases = [
        ({**good, "name": ""}, "feature 2: property 'name' must be a non-empty string"),
        ({**good, "id": "a"}, "feature 2: duplicate id 'a'"),
        ({**good, "id": "b", "aliases": "x"}, "feature 2 \\(b\\): 'aliases' must be a list"),
    ]
    for props, message in bad_cases:
        path = tmp_path / "mine.geojson"
        features = [
            {
                "type": "Feature",
                "properties": good,
                "geometry": {"type": "Point", "coordinates": [0, 51]},
            },
            {
                "type": "Feature",
                "properties": props,
                "geometry": {"type": "Point", "coordinates": [0, 51]},
            },
        ]
        path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
        with pytest.raises(GazetteerError, match=f"mine.geojson: {message}"):
            GeoJSONGazetteer(path)
    path = tmp_path / "broken.geojson"
    path.write_text('{"type": "FeatureCollection",\n "features": [}')
    with pytest.raises(GazetteerError, match=r"broken.geojson:2: not valid JSON"):
        GeoJSONGazetteer(path)


def test_unknown_backend_lists_the_valid_ones():
    with pytest.raises(
        CampmapError,
        match="unknown gazetteer backend 'nominatim'; "
        "valid ones: csv, embedded, geocoder, geojson, gpkg, osm",
    ):
        get_backend("nominatim")
    assert get_backend("embedded").name == "embedded"
