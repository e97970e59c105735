"""OpenStreetMap extracts as gazetteers: small files written here, and the real extract."""

from __future__ import annotations

import json
import math
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

import osmium
import pyogrio
import pytest
from click.testing import CliRunner
from conftest import write

from campmap import GazetteerError, OutputError, map_reports
from campmap.cli.main import cli
from campmap.gazetteer import GeoPackageGazetteer, default_gazetteer, load_gazetteer_file
from campmap.gazetteer.backends.osm import import_osm, read_osm_places

REAL = (
    Path(__file__).resolve().parent.parent.parent / "shared" / "osm" / "bounds-green-highways.osm"
)

# A made-up town near 52N 1W. Alpha Road is two ways meeting at node 3, crossed there by
# Beta Street; a second Alpha Road lies 5 km away; Epsilon Lane refers to a missing node.
NODES = {
    1: (52.000, -1.010),
    2: (52.000, -1.005),
    3: (52.000, -1.000),
    4: (52.001, -0.995),
    5: (52.002, -0.990),
    10: (51.995, -1.000),
    11: (52.005, -1.000),
    20: (52.045, -1.000),
    21: (52.046, -1.000),
    30: (52.010, -1.010),
    31: (52.010, -1.005),
    32: (52.013, -1.005),
    33: (52.013, -1.010),
    40: (52.003, -1.002),
    50: (52.020, -1.020),
}
WAYS = [
    (101, [1, 2, 3], {"highway": "residential", "name": "Alpha Road"}),
    (102, [3, 4, 5], {"highway": "residential", "name": "Alpha Road"}),
    (103, [20, 21], {"highway": "residential", "name": "Alpha Road"}),
    (201, [10, 3, 11], {"highway": "primary", "name": "Beta Street", "alt_name": "Old Beta St"}),
    (301, [30, 31, 32, 33, 30], {"leisure": "park", "name": "Gamma Park"}),
    (104, [999, 50], {"highway": "service", "name": "Epsilon Lane"}),
    (105, [1, 10], {"highway": "service"}),
    (106, [30, 31], {"building": "yes", "name": "Not A Street"}),
]


def osm_xml() -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<osm version="0.6" generator="tests">']
    for node_id, (lat, lon) in NODES.items():
        tags = ""
        if node_id == 40:
            tags = '<tag k="railway" v="station"/><tag k="name" v="Delta Station"/>'
        lines.append(f'<node id="{node_id}" version="1" lat="{lat}" lon="{lon}">{tags}</node>')
    for way_id, refs, tags in sorted(WAYS, key=lambda w: w[0]):
        nds = "".join(f'<nd ref="{r}"/>' for r in refs)
        tag_xml = "".join(f'<tag k="{k}" v="{v}"/>' for k, v in tags.items())
        lines.append(f'<way id="{way_id}" version="1">{nds}{tag_xml}</way>')
    lines.append("</osm>")
    return "\n".join(lines)


@pytest.fixture
def town_osm(tmp_path):
    return write(tmp_path / "town.osm", osm_xml())


def test_import_merges_streets_keeps_ids_areas_points(town_osm, tmp_path):
    result = CliRunner().invoke(
        cli, ["gazetteer", "import", str(town_osm), "-o", str(tmp_path / "town.gpkg")]
    )
    assert result.exit_code == 0, result.output
    assert "3 streets (2 names, from 4 ways), 1 areas, 1 points" in result.output
    assert "1 objects skipped" in result.output
    gaz = GeoPackageGazetteer(tmp_path / "town.gpkg")
    places = {p.id: p for p in gaz.places()}
    assert set(places) == {
        "osm-way-101",
        "osm-way-103",
        "osm-way-201",
        "osm-way-301",
        "osm-node-40",
    }
    alpha = places["osm-way-101"]
    assert alpha.name == "Alpha Road" and alpha.kind == "street"
    assert alpha.geometry.geom_type == "LineString"  # two ways merged into one line
    assert len(alpha.geometry.coords) == 5
    assert alpha.source == "OpenStreetMap way/101, way/102"
    assert alpha.backend == "town.gpkg"
    assert places["osm-way-103"].name == "Alpha Road"  # 5 km away: a separate place
    assert places["osm-way-201"].aliases == ("Old Beta St",)
    assert places["osm-way-301"].place_kind == "area" and places["osm-way-301"].kind == "park"
    assert places["osm-node-40"].kind == "station"
    assert places["osm-node-40"].source == "OpenStreetMap node/40"
    frame = pyogrio.read_dataframe(tmp_path / "town.gpkg")
    ids = dict(zip(frame["id"], frame["osm_ids"], strict=True))
    assert ids["osm-way-101"] == "way/101;way/102"


def test_junction_phrase_resolves_to_the_shared_node(town_osm, tmp_path):
    import_osm(town_osm, tmp_path / "town.gpkg")
    gaz = default_gazetteer([GeoPackageGazetteer(tmp_path / "town.gpkg")])
    for phrase in [
        "Alpha Road junction with Beta Street",
        "the junction of Beta Street and Alpha Road",
        "Alpha Road / Beta Street",
    ]:
        (place,) = gaz.lookup(phrase)
        assert place.kind == "junction"
        assert (place.geometry.x, place.geometry.y) == pytest.approx((-1.0, 52.0), abs=1e-7)
        assert place.id == "junction-osm-way-101-osm-way-201"
    assert gaz.lookup("Alpha Road junction with Gamma Park Lane") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Four CCTV cameras were installed at the Alpha Road junction with Beta Street.",
        "Four CCTV cameras were installed at the junction of Alpha Road and Beta Street.",
        "Four CCTV cameras were installed on Alpha Road, at the corner of Beta Street.",
    ],
)
def test_a_junction_in_a_report_is_one_site_at_the_crossing(town_osm, tmp_path, sentence):
    report = write(tmp_path / "r.txt", sentence + "\n")
    layers = map_reports([report], backends=[load_gazetteer_file(town_osm)])
    (row,) = layers.sites.itertuples()
    assert row.place_kind == "point" and row.count == 4
    assert (row.geometry.x, row.geometry.y) == pytest.approx((-1.0, 52.0), abs=1e-7)
    assert row.site_id == "junction-osm-way-101-osm-way-201"
    assert "Alpha Road" in row.written_as and "Beta Street" in row.written_as
    assert "OpenStreetMap way/101" in row.coordinate_source


def test_streets_that_do_not_meet_stay_separate_sites(town_osm, tmp_path):
    report = write(
        tmp_path / "r.txt", "Two CCTV cameras watch Beta Street junction with Gamma Park.\n"
    )
    layers = map_reports([report], backends=[load_gazetteer_file(town_osm)])
    assert "Beta Street" in set(layers.sites["name"])
    assert not any(layers.sites["site_id"].str.startswith("junction-"))


def test_cli_find_answers_a_junction(town_osm, tmp_path):
    import_osm(town_osm, tmp_path / "town.gpkg")
    result = CliRunner().invoke(
        cli,
        [
            "gazetteer",
            "find",
            "Alpha Road junction with Beta Street",
            "--gazetteer",
            str(tmp_path / "town.gpkg"),
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    (record,) = json.loads(result.output)
    assert (record["lat"], record["lon"]) == (52.0, -1.0)
    assert "OpenStreetMap way/101" in record["source"]


def test_pbf_and_on_disk_location_index(town_osm, tmp_path):
    pbf = tmp_path / "town.osm.pbf"
    writer = osmium.SimpleWriter(str(pbf))
    for obj in osmium.FileProcessor(str(town_osm)):
        writer.add(obj)
    writer.close()
    index = tmp_path / "nodes.idx"
    places, _, summary = read_osm_places(pbf, location_index=f"sparse_file_array,{index}")
    assert index.exists()  # node locations were kept on disk
    assert summary.streets == 3 and summary.areas == 1 and summary.points == 1
    assert {p.id for p in places} >= {"osm-way-101", "osm-node-40"}


def test_osm_file_is_a_gazetteer_directly(town_osm, tmp_path):
    report = write(
        tmp_path / "r.txt",
        "Delta Station staff said three CCTV cameras were installed on Alpha Road.\n",
    )
    layers = map_reports([report], backends=[load_gazetteer_file(town_osm)])
    (row,) = layers.sites.itertuples()
    assert row.name == "Alpha Road"
    assert row.backend == "town.osm"
    assert row.coordinate_source == "OpenStreetMap way/101, way/102"
    assert row.count == 3


def test_bad_osm_input_is_one_clear_error(tmp_path):
    bad = write(tmp_path / "bad.osm", "<osm><node id='1' lat='x'</osm>")
    with pytest.raises(GazetteerError, match=r"bad\.osm: cannot read as OpenStreetMap data"):
        read_osm_places(bad)
    with pytest.raises(GazetteerError, match=r"missing\.osm: no such OSM file"):
        read_osm_places(tmp_path / "missing.osm")
    result = CliRunner().invoke(cli, ["gazetteer", "import", str(bad), "-o", "x.gpkg"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.startswith("Error: ") and result.output.count("\n") == 1


def test_import_refuses_other_outputs_and_keeps_the_old_file(town_osm, tmp_path):
    with pytest.raises(OutputError, match=r"expected a \.gpkg"):
        import_osm(town_osm, tmp_path / "town.geojson")
    target = tmp_path / "town.gpkg"
    import_osm(town_osm, target)
    before = target.read_bytes()
    bad = write(tmp_path / "bad.osm", "not osm at all")
    with pytest.raises(GazetteerError):
        import_osm(bad, target)
    assert target.read_bytes() == before


# --- the real extract (../shared/osm) ---


@pytest.fixture(scope="module")
def real_extract():
    if not REAL.is_file():
        pytest.skip(f"real OSM extract not found at {REAL} (it lives beside the repository)")
    return REAL


@pytest.fixture(scope="module")
def real_gazetteer(real_extract, tmp_path_factory):
    out = tmp_path_factory.mktemp("osm") / "bounds-green.gpkg"
    summary = import_osm(real_extract, out)
    assert summary.skipped == 0
    return default_gazetteer([GeoPackageGazetteer(out)])


def _raw_highways(path: Path, synonyms: dict[str, set[str]] | None = None):
    """Named highway ways straight from the XML: name -> node ids, and node locations.

    ``synonyms`` (filled in when given) maps an alt_name to the names of the ways carrying it.
    """
    nodes: dict[int, tuple[float, float]] = {}
    names: dict[str, set[int]] = defaultdict(set)
    for _, element in ET.iterparse(path):
        if element.tag == "node":
            nodes[int(element.get("id"))] = (float(element.get("lon")), float(element.get("lat")))
        elif element.tag == "way":
            tags = {t.get("k"): t.get("v") for t in element.findall("tag")}
            if "highway" in tags:
                refs = {int(nd.get("ref")) for nd in element.findall("nd")}
                for key in ("name", "alt_name"):
                    for value in (tags.get(key) or "").split(";"):
                        if value.strip():
                            names[value.strip()].update(refs)
                            if key == "alt_name" and synonyms is not None and "name" in tags:
                                synonyms.setdefault(value.strip(), set()).add(tags["name"])
            element.clear()
    return names, nodes


def _metres(a, b) -> float:
    dx = (a[0] - b[0]) * math.cos(math.radians(a[1])) * 111_320
    dy = (a[1] - b[1]) * 111_320
    return math.hypot(dx, dy)


def test_every_named_highway_of_the_real_extract_resolves(real_extract, real_gazetteer):
    tree_names = {
        t.get("v")
        for way in ET.parse(real_extract).getroot().iter("way")
        if any(t.get("k") == "highway" for t in way.iter("tag"))
        for t in way.iter("tag")
        if t.get("k") == "name"
    }
    assert len(tree_names) > 350
    failed = [
        name
        for name in sorted(tree_names)
        if not real_gazetteer.lookup(name) or real_gazetteer.lookup(name)[0].name != name
    ]
    assert failed == []


def test_bowes_road_junction_with_bounds_green_road_is_the_real_crossing(
    real_extract, real_gazetteer
):
    synonyms: dict[str, set[str]] = {}
    names, nodes = _raw_highways(real_extract, synonyms)
    # No way named Bowes Road touches Bounds Green Road in this extract (the nearest is
    # 340 m away); they meet where Bounds Green Road reaches the North Circular Road, which
    # OSM also names Bowes Road (alt_name). The crossing must be a node of both.
    assert not names["Bowes Road"] & names["Bounds Green Road"]
    bowes = set().union(*(names[n] for n in {"Bowes Road", *synonyms["Bowes Road"]}))
    shared = bowes & names["Bounds Green Road"]
    assert shared, "the extract should have a node on both streets"
    (place,) = real_gazetteer.lookup("Bowes Road junction with Bounds Green Road")
    point = (place.geometry.x, place.geometry.y)
    assert min(_metres(point, nodes[n]) for n in shared) < 1.0
    assert "OpenStreetMap way/" in place.source


def test_streets_that_share_a_node_in_the_real_extract_meet_there(real_extract, real_gazetteer):
    names, nodes = _raw_highways(real_extract)
    by_node: dict[int, set[str]] = defaultdict(set)
    for name, refs in names.items():
        for ref in refs:
            by_node[ref].add(name)
    pairs = sorted({tuple(sorted(p)) for ns in by_node.values() for p in _pairs(ns)})
    assert len(pairs) > 300
    far = []
    for first, second in pairs:
        place = real_gazetteer.junction(first, second)
        shared = names[first] & names[second]
        if (
            place is None
            or min(_metres((place.geometry.x, place.geometry.y), nodes[n]) for n in shared) > 30
        ):
            far.append((first, second))
    # Streets that meet more than once (a crescent) may be placed at the other meeting.
    assert len(far) <= 0.05 * len(pairs), far[:10]


def _pairs(names):
    names = sorted(names)
    return [(a, b) for i, a in enumerate(names) for b in names[i + 1 :]]


def test_a_report_naming_the_real_junction_is_mapped_at_the_crossing(real_gazetteer, tmp_path):
    report = write(
        tmp_path / "r.txt",
        "Four CCTV cameras were installed at the Bowes Road junction with Bounds Green Road.\n",
    )
    layers = map_reports([report], gazetteer=real_gazetteer)
    (row,) = layers.sites.itertuples()
    direct = real_gazetteer.lookup("Bowes Road junction with Bounds Green Road")[0]
    assert row.geometry.distance(direct.geometry) < 1e-7
    assert row.count == 4 and row.place_kind == "point"
    assert row.written_as == "Bowes Road junction with Bounds Green Road"


def test_map_with_the_real_extract_records_osm_provenance(real_gazetteer, tmp_path):
    report = write(
        tmp_path / "r.txt",
        "The council put four CCTV cameras on Brownlow Road and two cameras on Durnsford Road.\n",
    )
    layers = map_reports([report], gazetteer=real_gazetteer)
    sites = layers.sites.set_index("name")
    assert set(sites.index) == {"Brownlow Road", "Durnsford Road"}
    assert all(b == "bounds-green.gpkg" for b in sites["backend"])
    assert all(s.startswith("OpenStreetMap way/") for s in sites["coordinate_source"])
    assert sites.loc["Brownlow Road", "count"] == 4
