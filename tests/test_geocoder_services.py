"""Self-hosted Nominatim, Photon and Pelias, and junctions placed from geocoded street lines.

Each service is a real HTTP server on 127.0.0.1 (``geocoder_servers.py``) that
answers in its own format; the parsers are also tested on stored payloads.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import write
from geocoder_servers import STREETS, Geocoder, nominatim_result, pelias_feature, photon_feature
from shapely.geometry import LineString, Point

from campmap import map_reports
from campmap.cli.main import cli
from campmap.errors import GeocoderConfigError
from campmap.gazetteer import default_gazetteer
from campmap.gazetteer.backends.geocoder import GeocoderBackend
from campmap.gazetteer.backends.geocoder_parse import parse_answer, parse_geometry
from campmap.gazetteer.backends.geocoder_services import split_service_url
from campmap.gazetteer.crossings import junction_streets, place_crossing, point_on
from campmap.geometry import distance_m

AGENT = "campmap-tests/1.0 (tests@example.invalid)"
REGION = (-1.53, 52.39, -1.48, 52.43)
REGION_ARG = ",".join(str(v) for v in REGION)
JUNCTIONS = (
    "Two cameras were installed at the junction of Larkspur Road and Ottermoor Lane.\n"
    "A camera went up at the corner of Wrenfield Close and Larkspur Road.\n"
    "One more camera is at the junction of Fallowmere Street with Larkspur Road.\n"
    "Another camera watches the junction of Nowhere Lane and Larkspur Road.\n"
)
SHARED_OSM = Path(__file__).parent.parent / ".." / "shared" / "osm" / "bounds-green-highways.osm"


def served(service: str, prefix: str = "") -> Geocoder:
    return Geocoder(service, prefix=prefix).start()


@pytest.fixture(params=["nominatim", "photon", "pelias"])
def any_service(request):
    geocoder = served(request.param, "/geo/v2")
    yield geocoder
    geocoder.stop()


@pytest.fixture
def nominatim():
    geocoder = served("nominatim")
    yield geocoder
    geocoder.stop()


def backend(geocoder: Geocoder, tmp_path: Path, **options) -> GeocoderBackend:
    settings = {"user_agent": AGENT, "url": geocoder.url, "cache": tmp_path / "cache.sqlite"}
    settings.update(min_delay_seconds=0.0, timeout=5.0, **options)
    return GeocoderBackend(geocoder.service, **settings)


# Pure parsers, on stored payloads -------------------------------------------------------


def stored(raw: dict, lat: float, lon: float, address: str) -> dict:
    return {"lat": lat, "lon": lon, "address": address, "raw": raw}


def test_parse_a_photon_feature():
    line = LineString(STREETS["Larkspur Road"][0])
    place = parse_answer(
        "photon",
        stored(photon_feature("Larkspur Road", line, 7001), 52.4, -1.5, "x"),
        "Larkspur Rd",
    )
    assert (place.id, place.name, place.kind) == ("photon-way-7001", "Larkspur Road", "residential")
    assert place.source == "photon way-7001 (OSM way/7001): x"
    assert place.aliases == ("Larkspur Rd",) and place.backend == "photon"
    assert place.geometry.equals(Point(-1.5, 52.4))


def test_parse_a_pelias_feature_uses_its_label():
    line = LineString(STREETS["Larkspur Road"][0])
    raw = pelias_feature("Larkspur Road", line, 7001)
    place = parse_answer("pelias", stored(raw, 52.4, -1.5, "Larkspur Road"), "Larkspur Road")
    assert place.id == "pelias-openstreetmap:street:way/7001"
    assert place.kind == "street" and place.aliases == ()
    assert place.source == (
        "pelias openstreetmap:street:way/7001 (OSM way/7001): "
        "Larkspur Road, Testville, England, United Kingdom"
    )


def test_parse_nominatim_keeps_its_point_unless_the_answer_has_a_line():
    line = LineString(STREETS["Larkspur Road"][0])
    plain = nominatim_result("Larkspur Road", line, 7001, shape=False)
    shaped = nominatim_result("Larkspur Road", line, 7001, shape=True)
    assert parse_answer("nominatim", stored(plain, 52.4, -1.5, "a"), "q").geometry.equals(
        Point(-1.5, 52.4)
    )
    place = parse_answer("nominatim", stored(shaped, 52.4, -1.5, "a"), "q")
    assert place.place_kind == "line" and place.geometry.equals(line)
    assert place.id == "nominatim-107001"  # the same place either way


@pytest.mark.parametrize(
    "geojson",
    [None, {"type": "Point", "coordinates": [0, 0]}, {"type": "LineString"}, "LINESTRING", []],
)
def test_parse_geometry_ignores_points_and_malformed_shapes(geojson):
    assert parse_geometry("nominatim", {"lat": 1, "lon": 1, "raw": {"geojson": geojson}}) is None


def test_parse_geometry_of_photon_and_pelias_is_none():
    line = LineString(STREETS["Larkspur Road"][0])
    for service, raw in (
        ("photon", photon_feature("L", line, 1)),
        ("pelias", pelias_feature("L", line, 1)),
    ):
        assert parse_geometry(service, stored(raw, 52.4, -1.5, "L")) is None


# Service URLs ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("service", "url", "expected"),
    [
        ("nominatim", "http://127.0.0.1:8080/", ("http", "127.0.0.1:8080")),
        ("nominatim", "https://geo.example.org/osm/search", ("https", "geo.example.org/osm")),
        ("photon", "http://localhost:2322/api/", ("http", "localhost:2322")),
        ("pelias", "http://10.0.0.5:4000/v1/search", ("http", "10.0.0.5:4000")),
        ("pelias", "http://[::1]:4000/pelias", ("http", "[::1]:4000/pelias")),
    ],
)  # fmt: skip
def test_split_service_url(service, url, expected):
    assert split_service_url(service, url) == expected


@pytest.mark.parametrize(
    "url",
    ["127.0.0.1:8080", "ftp://host/", "http://", "http://host:99999/", "http://host/?q=1",
     "http://user@host/", "http://host/#x", "http://ho st/"],
)  # fmt: skip
def test_split_service_url_refuses_what_is_not_a_service_url(url):
    with pytest.raises(GeocoderConfigError, match="--geocoder-url: expected http"):
        split_service_url("nominatim", url)


def test_url_and_domain_together_are_refused(tmp_path):
    with pytest.raises(GeocoderConfigError, match="without --geocoder-domain"):
        GeocoderBackend("photon", user_agent=AGENT, url="http://127.0.0.1:1/", domain="127.0.0.1:1")


# Each service, through its real local server --------------------------------------------


def test_each_service_answers_through_its_url(any_service, tmp_path):
    geo = backend(any_service, tmp_path)
    result = geo.geocode("Larkspur Road", REGION)
    assert result.reason == "" and result.requests == 1
    (place,) = result.places
    assert place.name == "Larkspur Road" and place.backend == any_service.service
    assert place.geometry.equals(Point(-1.5, 52.4))
    assert "OSM way/7020" in place.source
    path, params = any_service.requests[0]
    assert path.startswith("/geo/v2/")  # the URL's path is kept
    if any_service.service == "nominatim":
        assert params["viewbox"] == "-1.53,52.39,-1.48,52.43"
    elif any_service.service == "photon":
        assert (params["lat"], params["lon"]) == ("52.41", "-1.505")
    else:
        assert not any(k.startswith("boundary") for k in params)  # a bound, not a bias
    assert geo.geocode("Nowhere Lane", REGION).reason == "no match"


def test_answers_are_cached_per_service_and_url(any_service, tmp_path):
    first = backend(any_service, tmp_path).geocode("Larkspur Road", REGION)
    again = backend(any_service, tmp_path).geocode("Larkspur Road", REGION)
    assert again.requests == 0 and again.places == first.places
    assert len(any_service.requests) == 1


def test_cli_geocoder_url_places_a_street(any_service, tmp_path):
    report = write(tmp_path / "r.txt", "Three cameras were put up on Larkspur Road.\n")
    args = ["extract", str(report), "--json", "--geocoder", any_service.service,
            "--geocoder-url", any_service.url, "--user-agent", AGENT,
            "--geocoder-cache", str(tmp_path / "c.sqlite"), "--region", REGION_ARG]  # fmt: skip
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    (mention,) = json.loads(result.output)
    assert mention["resolved"] and mention["match"] == "geocoded"
    assert mention["site_id"].startswith(f"{any_service.service}-")
    assert any_service.queries()[0] == "Larkspur Road"


def test_cli_geocoder_url_errors_are_one_line(tmp_path):
    report = write(tmp_path / "r.txt", "Three cameras were put up on Larkspur Road.\n")
    base = ["extract", str(report), "--user-agent", AGENT]
    bad = CliRunner().invoke(cli, [*base, "--geocoder", "photon", "--geocoder-url", "host:2322"])
    assert bad.exit_code != 0 and "Traceback" not in bad.output
    assert "--geocoder-url: expected http(s)://HOST[:PORT][/PATH]" in bad.output
    alone = CliRunner().invoke(cli, [*base, "--geocoder-url", "http://127.0.0.1:1/"])
    assert alone.exit_code != 0 and "--geocoder-url needs --geocoder SERVICE" in alone.output


# Junctions from street lines ------------------------------------------------------------


def junction_run(geocoders, tmp_path, region=REGION):
    report = write(tmp_path / "junctions.txt", JUNCTIONS)
    backends = [backend(g, tmp_path) for g in geocoders]
    return map_reports([report], backends=backends, region=region)


def placed(layers) -> dict[str, Point]:
    return {m.place.name: m.place for m in layers.mentions if m.place is not None}


def problems(layers) -> list[str]:
    return [p.message for p in layers.document.problems]


def test_junction_is_placed_where_the_geocoded_lines_cross(nominatim, tmp_path):
    layers = junction_run([nominatim], tmp_path)
    crossing = placed(layers)["Larkspur Road / Ottermoor Lane"]
    assert crossing.kind == "junction" and crossing.backend == "nominatim"
    assert distance_m(crossing.geometry, Point(-1.5, 52.4)) < 0.1
    assert crossing.source.startswith("crossing of Larkspur Road (nominatim place_id")
    # each street asked once, for its line; never for the whole phrase nor for its point
    assert sorted(q["q"] for _, q in nominatim.requests) == [
        "Fallowmere Street", "Larkspur Road", "Nowhere Lane", "Ottermoor Lane", "Wrenfield Close"
    ]  # fmt: skip
    assert {(p, q.get("polygon_geojson")) for p, q in nominatim.requests} == {("/search", "1")}
    assert min(distance_m(g, Point(-1.5, 52.4)) for g in layers.sites.geometry) < 0.1  # mapped


def test_junction_of_streets_that_do_not_cross_is_their_nearest_approach(nominatim, tmp_path):
    near = placed(junction_run([nominatim], tmp_path))["Larkspur Road / Wrenfield Close"]
    assert "nearest approach (30 m apart)" in near.source
    # half-way across the 30 m gap
    assert distance_m(near.geometry, Point(-1.495, 52.4)) == pytest.approx(15, abs=1)
    assert distance_m(near.geometry, Point(-1.495, 52.40027)) == pytest.approx(15, abs=1)


def test_junctions_that_cannot_be_placed_say_why(nominatim, tmp_path):
    layers = junction_run([nominatim], tmp_path)
    said = problems(layers)
    far = "could not place the junction of 'Fallowmere Street' and 'Larkspur Road': "
    assert any(m.startswith(far) and "come no closer than 1113 m (at most 50 m)" in m for m in said)
    unknown = "could not place the junction of 'Nowhere Lane' and 'Larkspur Road': "
    assert f"{unknown}'Nowhere Lane': no match" in said
    left = {u.text for u in layers.unresolved}
    assert {"Fallowmere Street with Larkspur Road", "Nowhere Lane and Larkspur Road"} <= left


def test_junction_lines_are_cut_to_the_region(nominatim, tmp_path):
    layers = junction_run([nominatim], tmp_path, region=(-1.60, 52.30, -1.55, 52.35))
    assert not placed(layers)
    assert any("no street line within the report's region" in m for m in problems(layers))


@pytest.mark.parametrize("service", ["photon", "pelias"])
def test_services_without_street_lines_leave_junctions_unresolved_with_the_reason(
    service, tmp_path
):
    geocoder = served(service)
    try:
        layers = junction_run([geocoder], tmp_path)
    finally:
        geocoder.stop()
    assert not placed(layers)
    said = problems(layers)
    assert (
        "could not place the junction of 'Larkspur Road' and 'Ottermoor Lane': "
        f"{service} answers points, not street lines"
    ) in said
    assert len(said) == 4


def test_a_later_geocoder_with_lines_places_what_an_earlier_one_cannot(nominatim, tmp_path):
    photon = served("photon")
    try:
        layers = junction_run([photon, nominatim], tmp_path)
    finally:
        photon.stop()
    assert "Larkspur Road / Ottermoor Lane" in placed(layers)
    far = [m for m in problems(layers) if "Fallowmere" in m]
    assert far and "photon answers points, not street lines; " in far[0]


def test_junction_answers_are_cached(nominatim, tmp_path):
    first = junction_run([nominatim], tmp_path)
    asked = len(nominatim.requests)
    assert asked > 0
    again = junction_run([nominatim], tmp_path)
    assert len(nominatim.requests) == asked  # nothing asked twice
    assert {k: v.geometry.wkt for k, v in placed(again).items()} == {
        k: v.geometry.wkt for k, v in placed(first).items()
    }
    assert problems(again) == problems(first)


def test_place_crossing_directly(nominatim, tmp_path):
    geo = backend(nominatim, tmp_path)
    gazetteer = default_gazetteer([geo])
    crossing = place_crossing("Ottermoor Lane", "Larkspur Road", gazetteer, geo, REGION)
    assert crossing.reason == "" and crossing.place is not None
    assert crossing.place.name == "Larkspur Road / Ottermoor Lane"  # either order, one site
    assert junction_streets("Wrenfield Close with Larkspur Road") == (
        "Wrenfield Close",
        "Larkspur Road",
    )


def test_nothing_reaches_the_network_without_an_online_geocoder(tmp_path, monkeypatch):
    def refuse(self, address):
        raise AssertionError(f"a connection to {address} was attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    report = write(tmp_path / "junctions.txt", JUNCTIONS)
    layers = map_reports([report])
    assert not placed(layers) and len(layers.unresolved) == 4
    assert not any("geocode" in p or "junction" in p for p in problems(layers))
    result = CliRunner().invoke(cli, ["extract", str(report), "--region", REGION_ARG])
    assert result.exit_code == 0, result.output


# A street's shown point lies on the street -------------------------------------------------


def test_point_on_a_bent_line_lies_on_it():
    bent = LineString(STREETS["Crookback Lane"][0])
    assert distance_m(bent.centroid, bent) > 150
    assert distance_m(point_on(bent), bent) < 0.01


def test_gazetteer_find_shows_a_bent_street_on_the_street(tmp_path):
    feature = {
        "type": "Feature",
        "properties": {
            "id": "crookback",
            "name": "Crookback Lane",
            "kind": "street",
            "source": "drawn for this test",
        },
        "geometry": {"type": "LineString", "coordinates": STREETS["Crookback Lane"][0]},
    }
    path = write(
        tmp_path / "bent.geojson",
        json.dumps({"type": "FeatureCollection", "features": [feature]}),
    )
    result = CliRunner().invoke(
        cli, ["gazetteer", "find", "Crookback Lane", "--gazetteer", str(path), "--json"]
    )
    assert result.exit_code == 0, result.output
    (record,) = json.loads(result.output)
    line = LineString(STREETS["Crookback Lane"][0])
    assert distance_m(Point(record["lon"], record["lat"]), line) < 0.5


@pytest.mark.skipif(not SHARED_OSM.exists(), reason="../shared/osm extract not present")
def test_gazetteer_find_shows_bounds_green_road_on_the_road():
    from campmap.gazetteer import load_gazetteer_file

    result = CliRunner().invoke(
        cli, ["gazetteer", "find", "Bounds Green Road", "--gazetteer", str(SHARED_OSM), "--json"]
    )
    assert result.exit_code == 0, result.output
    (record,) = json.loads(result.output)
    (road,) = load_gazetteer_file(SHARED_OSM).lookup("Bounds Green Road")
    assert distance_m(road.geometry.centroid, road.geometry) > 50  # why this test exists
    assert distance_m(Point(record["lon"], record["lat"]), road.geometry) < 0.5


def test_gazetteer_find_places_a_junction_online(nominatim, tmp_path):
    args = ["gazetteer", "find", "Larkspur Road junction with Ottermoor Lane", "--json",
            "--geocoder", "nominatim", "--geocoder-url", nominatim.url, "--user-agent", AGENT,
            "--geocoder-cache", str(tmp_path / "c.sqlite"), "--region", REGION_ARG]  # fmt: skip
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    (record,) = json.loads(result.output)
    assert record["kind"] == "junction" and record["name"] == "Larkspur Road / Ottermoor Lane"
    assert distance_m(Point(record["lon"], record["lat"]), Point(-1.5, 52.4)) < 0.1
    assert "the junction" not in " ".join(nominatim.queries()).lower()


def test_a_street_known_offline_meets_one_known_only_online(nominatim, tmp_path, monkeypatch):
    (whitehall,) = default_gazetteer().lookup("Whitehall")
    middle = whitehall.geometry.interpolate(0.5, normalized=True)
    across = [(middle.x - 0.002, middle.y), (middle.x + 0.002, middle.y)]
    monkeypatch.setitem(STREETS, "Quillfeather Passage", [across])
    report = write(
        tmp_path / "r.txt",
        "A camera was put up at the junction of Whitehall and Quillfeather Passage.\n",
    )
    region = (middle.x - 0.01, middle.y - 0.01, middle.x + 0.01, middle.y + 0.01)
    layers = map_reports([report], backends=[backend(nominatim, tmp_path)], region=region)
    crossing = placed(layers)["Quillfeather Passage / Whitehall"]
    assert crossing.backend == "embedded+nominatim"
    assert distance_m(crossing.geometry, middle) < 1
    assert nominatim.queries() == ["Quillfeather Passage"]  # Whitehall's line was known


def test_namesakes_crossing_in_two_towns_need_a_region(nominatim, tmp_path, monkeypatch):
    here, there = (-1.5, 52.4), (-2.5, 53.4)
    for name, (dx, dy) in (("Mill Row", (0.002, 0)), ("Church Walk", (0, 0.002))):
        ways = [[(x - dx, y - dy), (x + dx, y + dy)] for x, y in (here, there)]
        monkeypatch.setitem(STREETS, name, ways)
    report = write(tmp_path / "r.txt", "A camera is at the junction of Mill Row and Church Walk.\n")
    geo = backend(nominatim, tmp_path)
    unsure = map_reports([report], backends=[geo])
    assert not placed(unsure)
    (said,) = problems(unsure)
    assert "'Mill Row' and 'Church Walk' meet at points 130.0 km apart" in said
    assert "--region" in said
    sure = placed(map_reports([report], backends=[geo], region=REGION))["Church Walk / Mill Row"]
    assert distance_m(sure.geometry, Point(*here)) < 0.1
    assert "(OSM way/" in sure.source
