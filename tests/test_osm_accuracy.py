"""Streets and junctions of real OpenStreetMap extracts land on their real geometry.

The extracts in ``../shared/osm/`` (Levenshulme in Manchester, Roosevelt in Seattle) are read
here a second time, independently of campmap's importer, with the standard library's XML
parser: every named street must resolve onto its own ways (its geometry within 15 m of them, and
its site point on them), and every pair of differently named streets that share a node must
resolve as a junction within 30 m of that node. Skipped, with the reason, when the folder is
absent.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import pytest
from shapely.geometry import LineString, MultiLineString, Point

from campmap.gazetteer import OSMGazetteer, default_gazetteer
from campmap.geometry import distance_m, site_point

OSM = Path(__file__).resolve().parent.parent.parent / "shared" / "osm"
EXTRACTS = ["levenshulme-manchester.osm", "seattle-roosevelt.osm"]
WITH_ROAD_NUMBERS = ["bounds-green-highways.osm", "levenshulme-manchester.osm"]

STREET_M = 15.0
JUNCTION_M = 30.0


class Extract:
    """Named highway ways and the nodes where differently named ways meet."""

    def __init__(self, path: Path) -> None:
        root = ET.parse(path).getroot()
        nodes = {
            n.get("id"): (float(n.get("lon", "nan")), float(n.get("lat", "nan")))
            for n in root.iter("node")
        }
        self.lines: dict[str, list[LineString]] = defaultdict(list)
        self.names_at: dict[str, set[str]] = defaultdict(set)
        self.roads: dict[str, list[LineString]] = defaultdict(list)
        self.road_names_at: dict[str, set[str]] = defaultdict(set)
        self.numbers_of: dict[str, set[str]] = defaultdict(set)  # street name -> its ways' refs
        for way in root.iter("way"):
            tags = {t.get("k"): t.get("v") for t in way.iter("tag")}
            name = tags.get("name")
            numbers = [r.strip() for r in (tags.get("ref") or "").split(";") if r.strip()]
            if "highway" not in tags:
                continue
            refs = [nd.get("ref") for nd in way.iter("nd") if nd.get("ref") in nodes]
            if len(refs) < 2:
                continue
            line = LineString([nodes[r] for r in refs])
            for number in numbers:
                self.roads[number].append(line)
                for ref in refs:
                    self.road_names_at[ref].add(number)
            if not name:
                continue
            self.numbers_of[name].update(numbers)
            self.lines[name].append(line)
            for ref in refs:
                self.names_at[ref].add(name)
        self.nodes = nodes

    def street(self, name: str) -> MultiLineString:
        return MultiLineString(self.lines[name])

    def meetings(self) -> dict[tuple[str, str], list[Point]]:
        """Every pair of street names that share a node, with the shared nodes."""
        pairs: dict[tuple[str, str], list[Point]] = defaultdict(list)
        for ref, names in self.names_at.items():
            for a, b in combinations(sorted(names), 2):
                pairs[(a, b)].append(Point(self.nodes[ref]))
        return pairs


def _extract(name: str) -> Path:
    path = OSM / name
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared OpenStreetMap samples are not beside the repo)")
    return path


@pytest.mark.parametrize("name", EXTRACTS)
def test_every_named_street_resolves_onto_its_ways(name: str) -> None:
    path = _extract(name)
    truth = Extract(path)
    gazetteer = default_gazetteer([OSMGazetteer(path)])
    assert len(truth.lines) >= 10
    off: dict[str, str] = {}
    for street in sorted(truth.lines):
        found = [p for p in gazetteer.lookup(street) if p.backend == path.name]
        if not found:
            off[street] = "not found"
            continue
        real = truth.street(street)
        # The nearest of the places by that name (a name used twice in the area is two places).
        place = min(found, key=lambda p: distance_m(p.geometry, real))
        point, _ = site_point(place)
        spread = max(distance_m(Point(xy), real) for xy in _vertices(place.geometry))
        if spread > STREET_M or distance_m(point, real) > STREET_M:
            off[street] = f"geometry {spread:.0f} m, site point {distance_m(point, real):.0f} m"
    assert off == {}


@pytest.mark.parametrize("name", EXTRACTS)
def test_streets_that_share_a_node_resolve_as_a_junction_there(name: str) -> None:
    path = _extract(name)
    truth = Extract(path)
    gazetteer = default_gazetteer([OSMGazetteer(path)])
    meetings = truth.meetings()
    assert len(meetings) >= 5
    off: dict[str, str] = {}
    for (a, b), shared in sorted(meetings.items()):
        junction = gazetteer.junction(a, b)
        if junction is None:
            off[f"{a} / {b}"] = "not resolved"
            continue
        nearest = min(distance_m(junction.geometry, node) for node in shared)
        if nearest > JUNCTION_M:
            off[f"{a} / {b}"] = f"{nearest:.0f} m from the shared node"
    assert off == {}


def _vertices(geom: object) -> list[tuple[float, float]]:
    parts = getattr(geom, "geoms", [geom])
    return [xy for part in parts for xy in part.coords]


@pytest.mark.parametrize("name", WITH_ROAD_NUMBERS)
def test_every_road_number_resolves_onto_its_ways(name: str) -> None:
    path = _extract(name)
    truth = Extract(path)
    gazetteer = default_gazetteer([OSMGazetteer(path)])
    numbers = [n for n in truth.roads if n[0] in "ABM" and n[1:].isdigit()]  # A406, B106, M60
    assert len(numbers) >= 3
    off: dict[str, str] = {}
    for number in sorted(numbers):
        found = [p for p in gazetteer.lookup(number) if p.kind == "road"]
        if not found:
            off[number] = "not found"
            continue
        real = MultiLineString(truth.roads[number])
        place = min(found, key=lambda p: distance_m(p.geometry, real))
        spread = max(distance_m(Point(xy), real) for xy in _vertices(place.geometry))
        if spread > STREET_M:
            off[number] = f"geometry {spread:.0f} m off"
    assert off == {}


@pytest.mark.parametrize("name", WITH_ROAD_NUMBERS)
def test_a_road_number_and_a_street_resolve_as_a_junction_where_they_share_a_node(
    name: str,
) -> None:
    path = _extract(name)
    truth = Extract(path)
    gazetteer = default_gazetteer([OSMGazetteer(path)])
    pairs: dict[tuple[str, str], list[Point]] = defaultdict(list)
    for ref, numbers in truth.road_names_at.items():
        for number in numbers:
            if not (number[0] in "ABM" and number[1:].isdigit()):
                continue
            for street in truth.names_at.get(ref, ()):
                if number not in truth.numbers_of[street]:  # the A6 is Stockport Road
                    pairs[(number, street)].append(Point(truth.nodes[ref]))
    assert len(pairs) >= 5
    off: dict[str, str] = {}
    for (number, street), shared in sorted(pairs.items()):
        junction = gazetteer.junction(number, street)
        if junction is None:
            off[f"{number} / {street}"] = "not resolved"
            continue
        nearest = min(distance_m(junction.geometry, node) for node in shared)
        if nearest > JUNCTION_M:
            off[f"{number} / {street}"] = f"{nearest:.0f} m from the shared node"
    assert off == {}
