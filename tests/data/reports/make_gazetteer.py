"""Write ``gazetteer.geojson``: made-up towns for the evaluation corpus.

The towns and their coordinates are invented (a grid of streets per town),
so the corpus tests extraction, not any real map. Streets that several towns
share a name with (High Street, Station Road, Church Lane) test region sense.
Run ``python tests/data/reports/make_gazetteer.py`` to regenerate.
"""

from __future__ import annotations

import json
from pathlib import Path

SOURCE = "made up for the campmap evaluation corpus"

# town: (centre lon, centre lat, east-west streets, north-south streets, areas, points)
TOWNS: dict[str, tuple[float, float, list[str], list[str], list[str], list[str]]] = {
    "Brackwell": (
        -1.50,
        52.60,
        ["High Street", "Church Street", "Park Road", "Mill Lane", "Carlton Avenue"],
        ["Station Road", "Bridge Road", "Queen Street", "Hill Street", "Market Street"],
        ["Brackwell Town Centre", "Old Town|the old town", "Northfields"],
        ["Brackwell Library|the library", "Brackwell Bus Station|the bus station"],
    ),
    "Hollinsford": (
        -2.20,
        53.40,
        ["High Street", "Kings Road", "Sandy Lane", "Orchard Road", "Ferry Lane"],
        ["Station Road", "Elm Grove", "Queen's Parade", "Tanner Street", "Wharf Road"],
        ["Hollinsford Town Centre", "Eastgate", "Market Place"],
        ["St Anne's Primary School|the primary school", "Hollinsford Station|the station"],
    ),
    "Corrick Bay": (
        -4.10,
        50.40,
        ["Harbour Road", "Fore Street", "Church Lane", "Marine Parade"],
        ["Quay Hill", "Chapel Street", "Lighthouse Road", "Station Road"],
        ["Corrick Bay Seafront", "Harbourside"],
        ["Corrick Bay Lifeboat Station", "the harbour office"],
    ),
    "Dunmore": (
        -3.00,
        56.00,
        ["North Street", "South Street", "Abbey Road", "Church Lane"],
        ["Castle Road", "Mercat Place", "Links Road", "High Street"],
        ["Dunmore Old Quarter", "Westhaven"],
        ["Dunmore Leisure Centre"],
    ),
}

STEP = 0.004  # degrees between parallel streets
HALF = 0.012  # half a street's length


def slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower().replace("'", "")).strip("-")


def pid(town_slug: str, name: str) -> str:
    own = slug(name)
    return own if own.startswith(town_slug) else f"{town_slug}-{own}"


def feature(pid: str, name: str, kind: str, geometry: dict, aliases: list[str]) -> dict:
    props = {"id": pid, "name": name, "kind": kind, "aliases": aliases, "source": SOURCE}
    return {"type": "Feature", "properties": props, "geometry": geometry}


def square(lon: float, lat: float, half: float) -> dict:
    ring = [
        [lon - half, lat - half], [lon + half, lat - half], [lon + half, lat + half],
        [lon - half, lat + half], [lon - half, lat - half],
    ]  # fmt: skip
    return {"type": "Polygon", "coordinates": [[[round(x, 6), round(y, 6)] for x, y in ring]]}


def build() -> dict:
    features = []
    for town, (lon, lat, east_west, north_south, areas, points) in TOWNS.items():
        t = slug(town)
        features.append(feature(t, town, "town", square(lon, lat, 0.03), []))
        for i, name in enumerate(east_west):
            y = round(lat + (i - len(east_west) // 2) * STEP, 6)
            line = {"type": "LineString", "coordinates": [[lon - HALF, y], [lon + HALF, y]]}
            features.append(feature(f"{t}-{slug(name)}", name, "street", line, []))
        for i, name in enumerate(north_south):
            x = round(lon + (i - len(north_south) // 2) * STEP, 6)
            line = {"type": "LineString", "coordinates": [[x, lat - HALF], [x, lat + HALF]]}
            features.append(feature(f"{t}-{slug(name)}", name, "street", line, []))
        for i, spec in enumerate(areas):
            name, *aliases = spec.split("|")
            centre = (lon - 0.006 + 0.006 * i, lat + 0.002)
            features.append(feature(pid(t, name), name, "area", square(*centre, 0.0015), aliases))
        for i, spec in enumerate(points):
            name, *aliases = spec.split("|")
            point = {"type": "Point", "coordinates": [lon + 0.001 + 0.002 * i, lat - 0.001]}
            kind = "landmark"
            features.append(feature(pid(t, name), name, kind, point, aliases))
    return {"type": "FeatureCollection", "features": features}


if __name__ == "__main__":
    out = Path(__file__).with_name("gazetteer.geojson")
    out.write_text(json.dumps(build(), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}")
