"""Road numbers from OpenStreetMap ``ref`` tags: found by the spellings reports use.

A made-up area near 33.6N 84.4W, written here as OSM XML: US 78 (two ways with no name, and
one named Memorial Drive), I 40 passing a numbered motorway junction, a state route GA 17
named Main Street, and the A406 (a British number) far away in a second cluster.
"""

from __future__ import annotations

import pytest
from conftest import write
from shapely.geometry import Point

from campmap.gazetteer import OSMGazetteer, default_gazetteer
from campmap.geometry import distance_m

NODES = {
    1: (33.600, -84.420),
    2: (33.600, -84.410),
    3: (33.600, -84.400),
    4: (33.590, -84.405),
    5: (33.610, -84.405),
    6: (33.605, -84.430),
    7: (33.595, -84.430),
    8: (33.590, -84.400),
    9: (33.610, -84.400),
    20: (51.600, -0.100),
    21: (51.601, -0.110),
}
JUNCTION_NODE = 5
WAYS = [
    (101, [1, 2], {"highway": "primary", "ref": "US 78"}),
    (102, [2, 3], {"highway": "primary", "ref": "US 78", "name": "Memorial Drive"}),
    (201, [4, 2, 5], {"highway": "motorway", "ref": "I 40"}),
    (301, [6, 7], {"highway": "secondary", "ref": "GA 17;SR 17", "name": "Main Street"}),
    (401, [8, 3, 9], {"highway": "residential", "name": "Oak Street"}),
    (501, [20, 21], {"highway": "trunk", "ref": "A406"}),
]


def osm_xml() -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<osm version="0.6" generator="tests">']
    for node_id, (lat, lon) in NODES.items():
        tags = ""
        if node_id == JUNCTION_NODE:
            tags = '<tag k="highway" v="motorway_junction"/><tag k="ref" v="10"/>'
        lines.append(f'<node id="{node_id}" version="1" lat="{lat}" lon="{lon}">{tags}</node>')
    for way_id, refs, tags in WAYS:
        nds = "".join(f'<nd ref="{r}"/>' for r in refs)
        tag_xml = "".join(f'<tag k="{k}" v="{v}"/>' for k, v in tags.items())
        lines.append(f'<way id="{way_id}" version="1">{nds}{tag_xml}</way>')
    lines.append("</osm>")
    return "\n".join(lines)


@pytest.fixture
def gazetteer(tmp_path):
    return default_gazetteer([OSMGazetteer(write(tmp_path / "roads.osm", osm_xml()))])


@pytest.mark.parametrize(
    ("written", "ref"),
    [
        ("US 78", "US 78"),
        ("U.S. 78", "US 78"),
        ("US Route 78", "US 78"),
        ("U.S. Highway 78", "US 78"),
        ("US-78", "US 78"),
        ("I-40", "I 40"),
        ("Interstate 40", "I 40"),
        ("I40", "I 40"),
        ("Georgia 17", "GA 17"),
        ("State Route 17", "GA 17"),
        ("SR 17", "SR 17"),
        ("A406", "A406"),
        ("Highway 78 Eastbound", "US 78"),
    ],
)
def test_a_road_number_is_found_however_it_is_written(gazetteer, written, ref):
    found = gazetteer.lookup(written)
    assert found and found[0].kind == "road"
    assert ref in {p.name for p in found}


def test_a_road_is_every_way_of_its_number_named_or_not(gazetteer):
    (road,) = [p for p in gazetteer.lookup("US 78") if p.name == "US 78"]
    assert round(road.geometry.length, 3) == 0.02  # both ways, 1 to 3
    assert "ref US 78" in road.source


def test_a_road_number_is_never_matched_by_a_near_number(gazetteer):
    assert gazetteer.lookup("A407") == []
    assert gazetteer.lookup("US 79") == []


def test_a_numbered_motorway_junction_is_the_junction_node(gazetteer):
    (junction,) = gazetteer.lookup("I 40 junction 10")
    lat, lon = NODES[JUNCTION_NODE]
    assert distance_m(junction.geometry, Point(lon, lat)) < 1.0
    assert gazetteer.lookup("I 40 J10") == [junction]


def test_a_road_number_and_a_street_meet_where_they_cross(gazetteer):
    (crossing,) = gazetteer.lookup("US 78 / Oak Street")
    lat, lon = NODES[3]
    assert distance_m(crossing.geometry, Point(lon, lat)) < 1.0
