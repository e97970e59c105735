"""``campmap gazetteer download | list | remove`` against a real HTTP server on 127.0.0.1.

The server (tests/geofabrik_server.py) is laid out as Geofabrik's: its index lists the
official download.geofabrik.de URLs, so every test also checks that ``--mirror`` sends
each request to the mirror and that nothing else is contacted.
"""

from __future__ import annotations

import csv
import hashlib
import json
import socket
from pathlib import Path

import pytest
import shapely
from click.testing import CliRunner
from conftest import osm_xml, write
from geofabrik_server import DATA_DATE, Geofabrik, index_json, pbf_from_osm
from hypothesis import given, settings
from hypothesis import strategies as st

from campmap.cli.main import cli
from campmap.errors import DownloadError, RegionError
from campmap.gazetteer.download import download_region
from campmap.gazetteer.geofabrik import parse_index, parse_md5
from campmap.gazetteer.installed import installed_files, installed_regions
from campmap.pipeline import PlaceOptions, gazetteer_files, gazetteer_for

OFFICIAL = "https://download.geofabrik.de/"
TOWN_PATH = "europe/testland/townshire-latest.osm.pbf"
REAL = Path(__file__).resolve().parent.parent.parent / "shared" / "osm"

# A made-up town near 53.2N 2.9W: Wren Street and Heron Road cross at node 3; a park.
NODES = {
    1: (53.200, -2.910),
    2: (53.200, -2.905),
    3: (53.200, -2.900),
    4: (53.195, -2.900),
    5: (53.205, -2.900),
    6: (53.210, -2.910),
    7: (53.210, -2.905),
    8: (53.213, -2.905),
}
WAYS = [
    (11, [1, 2, 3], {"highway": "residential", "name": "Wren Street"}),
    (12, [4, 3, 5], {"highway": "primary", "name": "Heron Road"}),
    (13, [6, 7, 8, 6], {"leisure": "park", "name": "Kestrel Park"}),
]


def town_xml() -> str:
    return osm_xml(NODES, WAYS)


@pytest.fixture
def town_pbf(tmp_path) -> bytes:
    return pbf_from_osm(write(tmp_path / "town.osm", town_xml()), tmp_path / "town.osm.pbf")


@pytest.fixture
def network(monkeypatch):
    """Every internet connection attempted, by (host, port); any but 127.0.0.1 is refused."""
    attempts: list[object] = []
    allowed = {"127.0.0.1"}
    real_connect, real_getaddrinfo = socket.socket.connect, socket.getaddrinfo

    def connect(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            attempts.append(address)
            if address[0] not in allowed:
                raise OSError(f"test: no network beyond 127.0.0.1 ({address})")
        return real_connect(self, address)

    def getaddrinfo(host, *args, **kwargs):
        if host not in allowed and host not in ("localhost", None):
            attempts.append(host)
            raise socket.gaierror(f"test: no name lookups ({host})")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return attempts


@pytest.fixture
def geofabrik(town_pbf, monkeypatch):
    for var in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    server = Geofabrik().start()
    server.publish(TOWN_PATH, town_pbf)
    server.files["index-v1.json"] = index_json(
        [
            ("europe", "Europe", "", OFFICIAL + "europe-latest.osm.pbf"),
            ("townshire", "Townshire", "testland", OFFICIAL + TOWN_PATH),
            ("us/townshire", "Townshire", "us", OFFICIAL + "north-america/us/t-latest.osm.pbf"),
            ("greater-london", "Greater London", "england", OFFICIAL + "london-latest.osm.pbf"),
            ("saint-town-east", "Saint Town", "east", OFFICIAL + "east/st-latest.osm.pbf"),
            ("saint-town-west", "Saint Town", "west", OFFICIAL + "west/st-latest.osm.pbf"),
        ]
    )
    yield server
    server.stop()


def run(*args: str):
    return CliRunner().invoke(cli, ["gazetteer", *args])


def one_line_error(result) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and result.exception.__class__ is SystemExit
    # progress lines may come first (standard error); the error is the one last line
    *progress, error = result.stderr.splitlines()
    assert error.startswith("Error: ") and result.stdout == "", result.output
    assert all(line.startswith(("downloading ", "checksum matches")) for line in progress)
    return error


def test_download_finds_the_region_fetches_checks_and_installs_it(
    geofabrik, network, town_pbf, campmap_data_dir
):
    result = run("download", "townshire", "--mirror", geofabrik.url)
    assert result.exit_code == 0, result.output
    url = geofabrik.url + TOWN_PATH
    assert f"installed townshire: 3 places, OpenStreetMap data of {DATA_DATE}, from {url}" in (
        result.output
    )
    # the index without boundaries first (this mirror lacks it), then the full one; the
    # official URLs in the index were sent to the mirror; nothing else was contacted
    assert geofabrik.paths() == [
        "index-v1-nogeom.json",
        "index-v1.json",
        f"{TOWN_PATH}.md5",
        TOWN_PATH,
    ]
    assert all(r.user_agent.startswith("campmap/") for r in geofabrik.requests)
    assert network and all(a[0] == "127.0.0.1" for a in network)
    folder = campmap_data_dir / "regions" / "townshire"
    manifest = json.loads((folder / "region.json").read_text("utf-8"))
    assert manifest == {
        "name": "townshire",
        "source": url,
        "md5": hashlib.md5(town_pbf).hexdigest(),
        "data_date": DATA_DATE,
        "size": len(town_pbf),
        "places": 3,
        "file": "townshire.gpkg",
    }
    assert installed_files() == (folder / "townshire.gpkg",)
    assert not any((campmap_data_dir / "downloads").iterdir())  # the .osm.pbf is not kept
    found = gazetteer_for(PlaceOptions()).lookup("Heron Road")
    assert [p.backend for p in found] == ["townshire.gpkg"]


def test_a_cut_connection_resumes_where_it_stopped(geofabrik, network, town_pbf, campmap_data_dir):
    half = len(town_pbf) // 2
    geofabrik.cut[TOWN_PATH] = half
    first = run("download", "townshire", "--mirror", geofabrik.url)
    assert f"the connection broke after {half} of {len(town_pbf)} bytes" in one_line_error(first)
    assert "run the same command again to resume" in first.output
    part = campmap_data_dir / "downloads" / "townshire.osm.pbf.part"
    assert part.read_bytes() == town_pbf[:half]
    assert installed_regions() == []
    second = run("download", "townshire", "--mirror", geofabrik.url)
    assert second.exit_code == 0, second.output
    last = geofabrik.requests[-1]
    assert (last.path, last.range) == (TOWN_PATH, f"bytes={half}-")
    assert last.if_range == f'"{hashlib.md5(town_pbf).hexdigest()}"'
    assert f"resumed after {half} B" in second.output
    (region,) = installed_regions()
    assert region.md5 == hashlib.md5(town_pbf).hexdigest() and region.places == 3
    assert not part.exists()


def test_a_file_changed_since_the_cut_is_fetched_whole(geofabrik, network, tmp_path, town_pbf):
    geofabrik.cut[TOWN_PATH] = 100
    one_line_error(run("download", "townshire", "--mirror", geofabrik.url))
    newer = pbf_from_osm(
        write(tmp_path / "t2.osm", town_xml().replace("Wren Street", "Wren Lane")),
        tmp_path / "t2.osm.pbf",
    )
    geofabrik.publish(TOWN_PATH, newer)
    assert run("download", "townshire", "--mirror", geofabrik.url).exit_code == 0
    assert geofabrik.requests[-1].range == "bytes=100-"  # asked for the rest, got it all
    (region,) = installed_regions()
    assert region.md5 == hashlib.md5(newer).hexdigest()
    assert gazetteer_for(PlaceOptions()).lookup("Wren Lane")


def test_a_part_labelled_as_another_is_not_spliced(geofabrik, network, campmap_data_dir):
    geofabrik.cut[TOWN_PATH] = 100
    one_line_error(run("download", "townshire", "--mirror", geofabrik.url))
    geofabrik.wrong_range = True
    message = one_line_error(run("download", "townshire", "--mirror", geofabrik.url))
    assert "the server sent another part than asked for; run again" in message
    assert list((campmap_data_dir / "downloads").iterdir()) == []
    geofabrik.wrong_range = False
    assert run("download", "townshire", "--mirror", geofabrik.url).exit_code == 0
    assert geofabrik.requests[-1].range is None  # afresh


def test_a_checksum_mismatch_installs_nothing_and_keeps_the_old_install(
    geofabrik, network, town_pbf, campmap_data_dir
):
    assert run("download", "townshire", "--mirror", geofabrik.url).exit_code == 0
    gpkg = campmap_data_dir / "regions" / "townshire" / "townshire.gpkg"
    before = gpkg.read_bytes()
    geofabrik.publish(
        TOWN_PATH, town_pbf[:-10] + b"0123456789", md5=hashlib.md5(town_pbf).hexdigest()
    )
    message = one_line_error(run("download", "townshire", "--mirror", geofabrik.url))
    assert "checksum mismatch" in message and "nothing was installed" in message
    assert hashlib.md5(town_pbf).hexdigest() in message
    assert gpkg.read_bytes() == before
    (region,) = installed_regions()
    assert region.md5 == hashlib.md5(town_pbf).hexdigest()
    assert not any((campmap_data_dir / "downloads").glob("*.part"))  # not resumed next time
    assert sorted(p.name for p in (campmap_data_dir / "regions").iterdir()) == ["townshire"]


def test_a_file_that_is_not_osm_installs_nothing(geofabrik, network, campmap_data_dir):
    url = geofabrik.publish("europe/testland/broken-latest.osm.pbf", b"\x00\x01 not a pbf" * 50)
    message = one_line_error(run("download", url))
    assert "not readable as OpenStreetMap data" in message
    assert "nothing was installed" in message
    assert installed_regions() == []
    assert not any((campmap_data_dir / "downloads").glob("*.part"))
    assert [p.name for p in (campmap_data_dir / "regions").iterdir()] == []


def test_download_url_needs_a_checksum_unless_told(geofabrik, network, town_pbf):
    geofabrik.files["plain/town.osm.pbf"] = town_pbf  # no .md5 beside it
    url = geofabrik.url + "plain/town.osm.pbf"
    message = one_line_error(run("download", url))
    assert "no checksum is published" in message and "--no-verify" in message
    assert TOWN_PATH not in geofabrik.paths() and "plain/town.osm.pbf" not in geofabrik.paths()
    result = run("download", url, "--no-verify", "--name", "my-town")
    assert result.exit_code == 0, result.output
    (region,) = installed_regions()
    assert (region.name, region.source, region.places) == ("my-town", url, 3)


def test_region_names_ids_and_misspellings(geofabrik, network):
    message = one_line_error(run("download", "saint town", "--mirror", geofabrik.url))
    assert "'saint town' names several regions: saint-town-east, saint-town-west; give the id" in (
        message
    )
    # an exact id wins over the last part of another id (as "georgia" over "us/georgia")
    with pytest.raises(RegionError, match="not a region name"):
        download_region("Townshire", mirror=geofabrik.url, name="Not Valid")
    with pytest.raises(
        DownloadError, match=r"north-america/us/t-latest\.osm\.pbf\.md5: no checksum"
    ):
        download_region("us-townshire", mirror=geofabrik.url)
    with pytest.raises(RegionError, match=r"no region 'townshyre' in the index; closest: townsh"):
        download_region("townshyre", mirror=geofabrik.url)
    message = one_line_error(run("download", "greater-londn", "--mirror", geofabrik.url))
    assert "closest: greater-london" in message
    with pytest.raises(RegionError, match="not a region name"):
        download_region(geofabrik.url + TOWN_PATH, name="../escape")
    refused = run("download", "townshire", "--mirror", "file:///etc/")
    assert refused.exit_code == 2 and "expected an http:// or https:// address" in refused.output
    empty = Geofabrik().start()
    try:
        with pytest.raises(DownloadError, match="no region index there"):
            download_region("townshire", mirror=empty.url)
    finally:
        empty.stop()
    assert not any(isinstance(a, str) for a in network)  # no name was looked up


def test_list_and_remove(geofabrik, network, town_pbf, campmap_data_dir):
    assert (
        run("list").output == "no regions installed; campmap gazetteer download REGION adds one\n"
    )
    assert run("download", "townshire", "--mirror", geofabrik.url).exit_code == 0
    url = geofabrik.publish("other/second.osm.pbf", town_pbf)
    assert run("download", url).exit_code == 0
    lines = run("list").output.splitlines()
    assert [line.split()[0] for line in lines] == ["second", "townshire"]
    townshire = campmap_data_dir / "regions" / "townshire" / "townshire.gpkg"
    assert lines[1].split()[3:] == ["2026-11-30", str(townshire)]
    assert lines[1].split()[2] in ("kB", "MB")
    records = json.loads(run("list", "--json").output)
    assert [r["name"] for r in records] == ["second", "townshire"]
    assert records[0]["source"] == url and records[0]["disk_bytes"] > 0
    assert run("remove", "second").output == (
        f"removed second ({campmap_data_dir / 'regions' / 'second'})\n"
    )
    assert [r.name for r in installed_regions()] == ["townshire"]
    message = one_line_error(run("remove", "second"))
    assert "no region 'second' is installed (installed: townshire)" in message
    assert not (campmap_data_dir / "regions" / "second").exists()


def test_map_places_a_report_on_the_installed_region_without_the_network(
    geofabrik, network, tmp_path, monkeypatch
):
    assert run("download", "townshire", "--mirror", geofabrik.url).exit_code == 0
    geofabrik.stop()
    network.clear()
    monkeypatch.setattr(socket.socket, "connect", _refuse)  # from here on, no connection at all
    report = write(
        tmp_path / "report.txt", "Four CCTV cameras now watch Heron Road, the council said.\n"
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["map", str(report), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    (site,) = json.loads((out / "sites.geojson").read_text("utf-8"))["features"]
    props = site["properties"]
    assert (props["name"], props["count"], props["backend"]) == ("Heron Road", 4, "townshire.gpkg")
    heron = shapely.LineString([(NODES[i][1], NODES[i][0]) for i in (4, 3, 5)])
    assert heron.distance(shapely.geometry.shape(site["geometry"])) < 1e-6
    assert "OpenStreetMap contributors, ODbL" in (out / "map.html").read_text("utf-8")
    mentions = CliRunner().invoke(cli, ["extract", str(report), "--json"])
    assert mentions.exit_code == 0, mentions.output
    assert '"resolved": true' in mentions.output or '"resolved":true' in mentions.output
    assert run("list").exit_code == 0 and run("remove", "townshire").exit_code == 0
    assert network == []


def _refuse(self, address):
    raise OSError(f"test: no connection allowed ({address})")


def test_user_gazetteers_come_before_installed_regions(geofabrik, network, tmp_path):
    assert run("download", "townshire", "--mirror", geofabrik.url).exit_code == 0
    mine = write(
        tmp_path / "mine.geojson",
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {
                            "id": "mine-1",
                            "name": "Heron Road",
                            "kind": "street",
                            "source": "my notes",
                        },
                        "geometry": {"type": "Point", "coordinates": [-2.5, 53.5]},
                    }
                ],
            }
        ),
    )
    options = PlaceOptions(gazetteers=(mine,))
    (installed,) = installed_files()
    assert gazetteer_files(options) == (mine, installed)
    assert gazetteer_files(PlaceOptions(gazetteers=(mine,), installed=False)) == (mine,)
    assert gazetteer_for(options).lookup("Heron Road")[0].backend == "mine.geojson"


@pytest.mark.skipif(not (REAL / "levenshulme-manchester.osm").is_file(), reason=f"{REAL} absent")
def test_a_real_extract_served_and_mapped(geofabrik, network, tmp_path):
    pbf = pbf_from_osm(REAL / "levenshulme-manchester.osm", tmp_path / "lev.osm.pbf")
    url = geofabrik.publish("europe/great-britain/england/levenshulme-latest.osm.pbf", pbf)
    result = run("download", url)
    assert result.exit_code == 0, result.output
    (region,) = installed_regions()
    assert region.name == "levenshulme" and region.places > 99
    report = write(tmp_path / "r.txt", "Two CCTV cameras were put up on Beresford Road.\n")
    out = tmp_path / "out"
    assert CliRunner().invoke(cli, ["map", str(report), "-o", str(out), "-q"]).exit_code == 0
    (site,) = json.loads((out / "sites.geojson").read_text("utf-8"))["features"]
    assert site["properties"]["name"] == "Beresford Road"
    assert site["properties"]["backend"] == "levenshulme.gpkg"
    (street,) = gazetteer_for(PlaceOptions()).lookup("Beresford Road")
    assert street.geometry.distance(shapely.geometry.shape(site["geometry"])) < 1e-6


def test_archive_runs_and_review_sheets_use_installed_regions(geofabrik, network, tmp_path):
    assert run("download", "townshire", "--mirror", geofabrik.url).exit_code == 0
    geofabrik.stop()
    report = write(tmp_path / "r.txt", "Two new CCTV cameras overlook Wren Street.\n")
    runner = CliRunner()
    streamed = runner.invoke(cli, ["map", str(report), "-o", str(tmp_path / "s"), "--jobs", "1"])
    assert streamed.exit_code == 0, streamed.output
    (site,) = json.loads((tmp_path / "s" / "sites.geojson").read_text("utf-8"))["features"]
    assert (site["properties"]["name"], site["properties"]["backend"]) == (
        "Wren Street",
        "townshire.gpkg",
    )
    listed = runner.invoke(cli, ["extract", str(report), "--json", "--jobs", "1"])
    assert listed.exit_code == 0, listed.output
    (mention,) = [json.loads(line) for line in listed.stdout.splitlines()]
    assert (mention["name"], mention["resolved"]) == ("Wren Street", True)
    sheet = tmp_path / "review.csv"
    reviewed = runner.invoke(cli, ["review", str(report), "-o", str(sheet)])
    assert reviewed.exit_code == 0, reviewed.output
    (row,) = csv.DictReader(sheet.read_text("utf-8").splitlines())
    assert (row["site_id"], row["name"], row["lon"], row["lat"]) == (
        "osm-way-11",
        "Wren Street",
        "-2.905",
        "53.2",
    )


def test_a_progress_bar_when_asked_and_none_when_not_a_terminal(geofabrik, network, capsys):
    done = download_region("townshire", mirror=geofabrik.url, progress=True)
    bar = capsys.readouterr().err
    assert "townshire.osm.pbf" in bar and "100%" in bar
    assert done.region.name == "townshire" and done.resumed_from == 0
    result = run("download", "townshire", "--mirror", geofabrik.url)  # not a terminal
    assert result.exit_code == 0 and "%" not in result.output


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["type", "features", "properties", "id", "name", "urls", "pbf", "x"]),
            inner,
            max_size=4,
        )
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(JSON | st.binary(max_size=64).map(lambda b: {"raw": b.decode("latin-1")}))
def test_any_index_payload_parses_or_is_one_download_error(value):
    payload = json.dumps(value).encode()
    try:
        extracts = parse_index(payload, "https://mirror.example/index-v1.json")
    except DownloadError:
        return
    assert all(e.pbf.startswith(("http://", "https://")) for e in extracts)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=80))
def test_any_md5_payload_is_a_checksum_or_one_download_error(payload):
    try:
        digest = parse_md5(payload, "x.md5")
    except DownloadError:
        return
    assert len(digest) == 32 and digest == digest.lower()


def test_an_index_cannot_send_a_download_off_http():
    index = index_json(
        [
            ("local", "Local", "", "file:///etc/passwd"),
            ("odd", "Odd", "", "javascript:alert(1)"),
            ("fine", "Fine", "", "fine-latest.osm.pbf"),
        ]
    )
    assert [(e.id, e.pbf) for e in parse_index(index, "https://m.example/index-v1.json")] == [
        ("fine", "https://m.example/fine-latest.osm.pbf")
    ]
    deep = b"[" * 100_000 + b"]" * 100_000
    with pytest.raises(DownloadError, match="not a Geofabrik index"):
        parse_index(deep, "https://m.example/index-v1.json")
