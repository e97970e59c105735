"""Merge OpenStreetMap highway ways into places: streets by name, roads by number.

Ways of one name (or one ``ref``) are grouped when their pieces come within a gap of each
other, so two High Streets of one city stay two places and an A1 in each of two countries
stays two roads; each group is merged into one line.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import cast

import shapely
from shapely.geometry import LineString, MultiLineString
from shapely.geometry.base import BaseGeometry

from campmap.gazetteer.roads import ref_names
from campmap.records import Place

__all__ = ["road_places", "street_places"]

_METRES_PER_DEGREE = 111_320.0


def _scaled(geom: BaseGeometry, lat: float) -> BaseGeometry:
    """Scale longitudes by cos(latitude) so that degree distances are isotropic."""
    factor = math.cos(math.radians(lat))
    return shapely.transform(geom, lambda xy: xy * [factor, 1.0])


def _clusters(lines: list[LineString], gap_m: float) -> list[list[int]]:
    """Group lines whose pieces come within ``gap_m`` of each other (union-find)."""
    lat = sum(line.centroid.y for line in lines) / len(lines)
    scaled = [_scaled(line, lat) for line in lines]
    tree = shapely.STRtree(scaled)
    left, right = tree.query(scaled, predicate="dwithin", distance=gap_m / _METRES_PER_DEGREE)
    parent = list(range(len(lines)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in zip(left.tolist(), right.tolist(), strict=True):
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(lines)):
        groups[find(i)].append(i)
    return sorted(groups.values(), key=lambda g: min(g))


def street_places(
    ways_by_name: dict[str, list[tuple[int, bytes]]],
    aliases: dict[str, set[str]],
    gap_m: float,
) -> tuple[list[Place], dict[str, list[str]]]:
    """Merge named highway ways into streets, one per name unless pieces lie ``gap_m`` apart.

    Parameters
    ----------
    ways_by_name : dict
        ``(way id, WKB line)`` pairs by street name.
    aliases : dict
        Other names of each street name's ways.
    gap_m : float
        Pieces of a same-named street farther apart are separate places.

    Returns
    -------
    tuple of (list of Place, dict)
        The streets, and each street's OSM ids (``way/123``) by place id.
    """
    places: list[Place] = []
    osm_ids: dict[str, list[str]] = {}
    for name, ways in ways_by_name.items():
        ways.sort()
        lines = [cast(LineString, shapely.from_wkb(wkb)) for _, wkb in ways]
        for group in _clusters(lines, gap_m):
            ids = [ways[i][0] for i in group]
            osm_ids[f"osm-way-{ids[0]}"] = [f"way/{i}" for i in ids]
            merged = shapely.line_merge(MultiLineString([lines[i] for i in group]))
            shown = ", ".join(f"way/{i}" for i in ids[:3])
            more = f" and {len(ids) - 3} more ways" if len(ids) > 3 else ""
            places.append(
                Place(
                    id=f"osm-way-{ids[0]}",
                    name=name,
                    kind="street",
                    geometry=merged,
                    source=f"OpenStreetMap {shown}{more}",
                    aliases=tuple(sorted(aliases[name])),
                    backend="osm",
                )
            )
    return places, osm_ids


def road_places(
    ways_by_ref: dict[str, list[tuple[int, bytes]]], gap_m: float
) -> tuple[list[Place], dict[str, list[str]]]:
    """Merge highway ways by road number (``ref``) into roads found by their spellings.

    Parameters
    ----------
    ways_by_ref : dict
        ``(way id, WKB line)`` pairs by road number.
    gap_m : float
        Pieces of a same-numbered road farther apart are separate roads.

    Returns
    -------
    tuple of (list of Place, dict)
        The roads (named by their number, aliased by :func:`~campmap.gazetteer.roads.ref_names`),
        and each road's OSM ids by place id.
    """
    places: list[Place] = []
    osm_ids: dict[str, list[str]] = {}
    for ref, ways in ways_by_ref.items():
        ways.sort()
        lines = [cast(LineString, shapely.from_wkb(wkb)) for _, wkb in ways]
        for group in _clusters(lines, gap_m):
            ids = [ways[i][0] for i in group]
            place_id = f"osm-road-{ids[0]}-{ref.replace(' ', '')}"
            osm_ids[place_id] = [f"way/{i}" for i in ids]
            shown = ", ".join(f"way/{i}" for i in ids[:3])
            more = f" and {len(ids) - 3} more ways" if len(ids) > 3 else ""
            places.append(
                Place(
                    id=place_id,
                    name=ref,
                    kind="road",
                    geometry=shapely.line_merge(MultiLineString([lines[i] for i in group])),
                    source=f"OpenStreetMap {shown}{more} (ref {ref})",
                    aliases=ref_names(ref)[1:],
                    backend="osm",
                )
            )
    return places, osm_ids
