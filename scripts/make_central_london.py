"""Rebuild the embedded central-London gazetteer's geometry from real OpenStreetMap data.

``data/gazetteer/central_london.geojson`` began as hand-placed entries, many of them
estimates (a street drawn between two known points, a square outlined around a cycle
dock). This script replaces those geometries with OpenStreetMap's where OSM has the thing:

- a street, walk or bridge whose name (or alias) names edges of the City of Westminster's
  street network (``westminster-streets.geojson``, OSM data of 2024-02-17 as built by OSMnx)
  gets the path through those edges between the old entry's ends (one carriageway), taken
  only when every point of the old estimate lies within :data:`NEAR_M` of it, so a
  same-named street elsewhere is never taken, nor a street the borough boundary cuts
  short (Charing Cross Road, the bridges);
- a park, garden or garden square whose outline was an estimate gets the OSM green polygon
  (``central-london-green-2016.geojson``, OSM data of 2016-02-18) that holds its point, when
  that polygon is between a third and three times the estimate's area.

Everything else is kept as it was, with its recorded source. Each replaced entry's ``source``
names the OSM ids and the credit (© OpenStreetMap contributors, ODbL 1.0). Run from the
repository root with the shared samples beside it::

    python scripts/make_central_london.py [--osm ../shared/osm]

The output is sorted as the input, coordinates rounded to 6 decimals (about 0.1 m), so the
file only changes when the data does.
"""

from __future__ import annotations

import argparse
import heapq
import json
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import LineString, Polygon, mapping, shape
from shapely.geometry.base import BaseGeometry

from campmap.gazetteer.names import normalize
from campmap.geometry import distance_m

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "gazetteer" / "central_london.geojson"
NEAR_M = 150.0
GAP_M = 40.0
CREDIT = "© OpenStreetMap contributors, ODbL 1.0"
LINE_KINDS = {"street", "walk", "bridge"}
GREEN_KINDS = {"park", "garden", "square"}


def _names(value: Any) -> list[str]:
    return [v for v in (value if isinstance(value, list) else [value]) if v]


def _ids(value: Any) -> list[int]:
    return [int(v) for v in (value if isinstance(value, list) else [value]) if v is not None]


def _rounded(geom: BaseGeometry) -> dict[str, Any]:
    """Return GeoJSON of a geometry to 6 decimals, outer rings counter-clockwise (RFC 7946)."""
    return dict(mapping(shapely.orient_polygons(shapely.set_precision(geom, 1e-6))))


def _ways_text(ids: list[int]) -> str:
    shown = ", ".join(f"way/{i}" for i in ids[:3])
    return shown + (f" and {len(ids) - 3} more ways" if len(ids) > 3 else "")


def _key(xy: tuple[float, float]) -> tuple[float, float]:
    return (round(xy[0], 7), round(xy[1], 7))


def centreline(
    lines: list[LineString], start: tuple[float, float], end: tuple[float, float]
) -> LineString | None:
    """Return the path through a street's edges between the ends nearest ``start`` and ``end``.

    A street of two carriageways, or with side branches, is many OSM edges; its line here
    is the shortest path (Dijkstra on the edges' lengths) between the edge ends nearest the
    old entry's two ends, so it runs where the recorded street ran, along one carriageway.
    Ends closer than :data:`GAP_M` are joined (a street interrupted by a differently named
    roundabout). None when the two ends are not connected.
    """
    lines = list(lines)
    graph: dict[tuple[float, float], list[tuple[tuple[float, float], int]]] = {}
    for number, line in enumerate(lines):
        first, last = _key(line.coords[0]), _key(line.coords[-1])
        graph.setdefault(first, []).append((last, number))
        graph.setdefault(last, []).append((first, number))
    ends = list(graph)
    for i, one in enumerate(ends):
        for other in ends[i + 1 :]:
            if distance_m(shapely.Point(one), shapely.Point(other)) <= GAP_M:
                lines.append(LineString([one, other]))
                graph[one].append((other, len(lines) - 1))
                graph[other].append((one, len(lines) - 1))
    source = min(ends, key=lambda xy: distance_m(shapely.Point(xy), shapely.Point(start)))
    target = min(ends, key=lambda xy: distance_m(shapely.Point(xy), shapely.Point(end)))
    done: dict[tuple[float, float], list[int]] = {}
    heap: list[tuple[float, int, tuple[float, float], list[int]]] = [(0.0, 0, source, [])]
    tie = 0
    while heap and target not in done:
        cost, _, node, path = heapq.heappop(heap)
        if node in done:
            continue
        done[node] = path
        for other, number in graph[node]:
            if other not in done:
                tie += 1
                heapq.heappush(heap, (cost + lines[number].length, tie, other, [*path, number]))
    if not done.get(target):
        return None
    coords: list[tuple[float, float]] = []
    here = source
    for number in done[target]:
        points = list(lines[number].coords)
        if _key(points[0]) != here:
            points.reverse()
        coords.extend(points if not coords else points[1:])
        here = _key(points[-1])
    return LineString(coords)


def street_geometry(
    feature: dict[str, Any], edges: list[dict[str, Any]]
) -> tuple[BaseGeometry, list[int]] | None:
    """Return the centreline of the OSM edges named like this entry, and their way ids."""
    props = feature["properties"]
    keys = {normalize(n) for n in [props["name"], *props.get("aliases", [])]}
    lines: list[LineString] = []
    ids: set[int] = set()
    for edge in edges:
        if keys & {normalize(n) for n in _names(edge["properties"]["name"])}:
            lines.append(shape(edge["geometry"]))
            ids.update(_ids(edge["properties"]["osmid"]))
    if not lines:
        return None
    old = shape(feature["geometry"])
    points = shapely.get_coordinates(old)
    line = centreline(lines, tuple(points[0]), tuple(points[-1]))
    if line is None:
        return None
    if any(distance_m(shapely.Point(xy), line) > NEAR_M for xy in shapely.get_coordinates(old)):
        return None  # OSM's street does not cover the old one: it leaves Westminster
    return line, sorted(ids)


def green_geometry(feature: dict[str, Any], greens: list[Polygon]) -> Polygon | None:
    """Return the OSM green polygon holding this park or square, of a like size, or None."""
    old = shape(feature["geometry"])
    point = old.representative_point()
    for green in greens:
        if green.contains(point) and 1 / 3 <= green.area / old.area <= 3:
            return green
    return None


def rebuild(osm: Path) -> tuple[dict[str, Any], list[str]]:
    """Return the rebuilt collection and a line per replaced entry."""
    base = json.loads(OUT.read_text(encoding="utf-8"))
    edges = json.loads((osm / "westminster-streets.geojson").read_text(encoding="utf-8"))
    green = json.loads((osm / "central-london-green-2016.geojson").read_text(encoding="utf-8"))
    greens = [shape(f["geometry"]) for f in green["features"]]
    log = []
    for feature in base["features"]:
        props = feature["properties"]
        kind, geom_type = props["kind"], feature["geometry"]["type"]
        if kind in LINE_KINDS and geom_type in ("LineString", "MultiLineString"):
            found = street_geometry(feature, edges["features"])
            if found is not None:
                merged, ids = found
                feature["geometry"] = _rounded(merged)
                props["source"] = (
                    f"OpenStreetMap {_ways_text(ids)} (City of Westminster street network, "
                    f"data of 2024-02-17; {CREDIT})"
                )
                log.append(f"{props['id']}: {len(ids)} OSM ways")
        elif kind in GREEN_KINDS and geom_type == "Polygon" and "estimate" in props["source"]:
            polygon = green_geometry(feature, greens)
            if polygon is not None:
                feature["geometry"] = _rounded(polygon)
                props["source"] = (
                    f"OpenStreetMap park and grass polygon (data of 2016-02-18; {CREDIT})"
                )
                log.append(f"{props['id']}: OSM green polygon")
    return base, log


def write(collection: dict[str, Any]) -> None:
    """Write one feature per line, as the file has always been laid out."""
    lines = [json.dumps(f, ensure_ascii=False) for f in collection["features"]]
    OUT.write_text(
        '{"type": "FeatureCollection", "features": [\n' + ",\n".join(lines) + "\n]}\n",
        encoding="utf-8",
    )


def main() -> None:
    """Rebuild the file and say what was replaced."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--osm", type=Path, default=ROOT.parent / "shared" / "osm")
    args = parser.parse_args()
    collection, log = rebuild(args.osm)
    write(collection)
    print("\n".join(log))
    features = collection["features"]
    osm = sum(f["properties"]["source"].startswith("OpenStreetMap") for f in features)
    print(f"{osm} of {len(features)} entries have OpenStreetMap geometry")


if __name__ == "__main__":
    main()
