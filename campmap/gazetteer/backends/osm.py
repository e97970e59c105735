"""Build a local gazetteer from an OpenStreetMap extract (``.osm``, ``.osm.pbf``, ``.osm.bz2``).

The extract is streamed once through pyosmium with a node-location index
(``flex_mem`` by default: compact in memory; pass ``location_index=
"dense_file_array,FILE"`` to keep it on disk for a country), so memory grows with
the named things kept, not with the size of the file. Kept are:

- named highways (every ``highway=*`` way with a ``name``), merged per name into
  one line, or a few when the pieces lie more than :data:`STREET_GAP_M` apart
  (two High Streets in one city stay two places);
- named squares, parks, gardens, stations and landmarks, as areas (closed ways
  and multipolygon relations, assembled by osmium) or points (nodes);
- road numbers (the ``ref`` of highway ways: ``A406``, ``US 78``), merged per number
  into roads of their own, found by the spellings reports use (:mod:`~campmap.gazetteer.roads`),
  and numbered motorway junctions (``M25 junction 10``) where a road's way passes a
  ``highway=motorway_junction`` node with a ``ref``.

Every place keeps its OSM ids: ``source`` reads ``OpenStreetMap way/123`` (the
first ids, and how many more), and the GeoPackage's ``osm_ids`` column lists them all.
"""

from __future__ import annotations

import time
import warnings
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import osmium
import shapely
from shapely.geometry import MultiPolygon
from shapely.geometry.base import BaseGeometry

from campmap.atomic import prepare_dir, replace_all
from campmap.errors import GazetteerError, OutputError
from campmap.gazetteer.backends.base import FileGazetteer
from campmap.gazetteer.backends.osm_merge import road_places, street_places
from campmap.gazetteer.roads import split_refs
from campmap.records import Place

__all__ = [
    "ROAD_GAP_M",
    "STREET_GAP_M",
    "ImportSummary",
    "OSMGazetteer",
    "import_osm",
    "read_osm_places",
    "write_gazetteer",
]

STREET_GAP_M = 300.0
"""Pieces of a same-named street farther apart than this are separate places."""

ROAD_GAP_M = 5000.0
"""Pieces of a same-numbered road farther apart than this are separate roads (an extract of
several countries has an A1 in each)."""

_METRES_PER_DEGREE = 111_320.0

_AREA_KINDS = {
    "place": {"square"},
    "leisure": {"park", "garden", "common", "recreation_ground", "nature_reserve", "stadium"},
    "railway": {"station"},
    "public_transport": {"station"},
    "amenity": {
        "townhall",
        "library",
        "hospital",
        "police",
        "marketplace",
        "place_of_worship",
        "university",
        "college",
        "school",
        "bus_station",
    },
    "tourism": {"attraction", "museum", "artwork", "viewpoint", "gallery"},
    "historic": {"memorial", "monument", "castle", "building", "church", "ruins"},
    "building": {"cathedral", "church", "train_station"},
}
_POINT_KINDS = {
    **_AREA_KINDS,
    "railway": {"station", "halt", "tram_stop"},
    "highway": {"bus_station"},
}


def _kind(tags: Any, table: dict[str, set[str]]) -> str | None:
    for key, values in table.items():
        value = tags.get(key)
        if value in values:
            return "station" if value in ("station", "halt", "train_station") else str(value)
    return None


def _tag(tags: Any, key: str) -> str:
    """Return a tag's value, ``""`` when missing, without NULs (GDAL cuts text at one)."""
    return str(tags.get(key) or "").replace("\0", "")


def _aliases(tags: Any, name: str) -> tuple[str, ...]:
    out: list[str] = []
    for key in ("alt_name", "official_name", "old_name", "short_name", "name:en"):
        for value in _tag(tags, key).split(";"):
            value = value.strip()
            if value and value != name and value not in out:
                out.append(value)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What an OSM import read and kept.

    Attributes
    ----------
    ways_read : int
        Named highway ways read.
    streets : int
        Street places after merging ways by name.
    street_names : int
        Distinct street names.
    areas, points : int
        Named areas and points kept.
    skipped : int
        Objects dropped because their geometry could not be built (missing nodes).
    seconds : float
        Wall-clock time of the import.
    """

    ways_read: int
    streets: int
    street_names: int
    areas: int
    points: int
    skipped: int
    seconds: float


class _Collector(osmium.SimpleHandler):
    """One streaming pass: keeps named highways, areas and points, nothing else."""

    def __init__(self) -> None:
        super().__init__()
        self.factory = osmium.geom.WKBFactory()
        # name -> [(way id, wkb)]
        self.ways: dict[str, list[tuple[int, bytes]]] = defaultdict(list)
        self.way_aliases: dict[str, set[str]] = defaultdict(set)
        # road number -> [(way id, wkb)]
        self.refs: dict[str, list[tuple[int, bytes]]] = defaultdict(list)
        # motorway junction node id -> (its ref, lon, lat); then the places made of them
        self.junction_nodes: dict[int, tuple[str, float, float]] = {}
        self.junctions: dict[str, Place] = {}
        self.others: list[Place] = []
        self.skipped = 0

    def node(self, n: Any) -> None:
        junction = n.tags.get("highway") == "motorway_junction" and _tag(n.tags, "ref")
        if junction and n.location.valid():
            self.junction_nodes[n.id] = (_tag(n.tags, "ref"), n.location.lon, n.location.lat)
        name = _tag(n.tags, "name")
        if not name:
            return
        kind = _kind(n.tags, _POINT_KINDS)
        if kind is None:
            return
        try:
            geometry = shapely.from_wkb(self.factory.create_point(n))
        except (RuntimeError, shapely.errors.GEOSException):
            self.skipped += 1
            return
        self.others.append(_place(f"node/{n.id}", name, kind, geometry, _aliases(n.tags, name)))

    def way(self, w: Any) -> None:
        if "highway" not in w.tags:
            return
        name = _tag(w.tags, "name")
        refs = split_refs(_tag(w.tags, "ref"))
        if not name and not refs:
            return
        try:
            wkb = self.factory.create_linestring(w)
        except RuntimeError:  # fewer than two located nodes
            self.skipped += 1
            return
        line = bytes.fromhex(wkb) if isinstance(wkb, str) else wkb
        if name:
            self.ways[name].append((w.id, line))
            self.way_aliases[name].update(_aliases(w.tags, name))
        for ref in refs:
            self.refs[ref].append((w.id, line))
        if refs and self.junction_nodes:
            self._junctions(w, refs)

    def _junctions(self, w: Any, refs: list[str]) -> None:
        """Name the numbered motorway junctions this road's way passes (``M25 junction 10``)."""
        for node in w.nodes:
            found = self.junction_nodes.get(node.ref)
            if found is None:
                continue
            number, lon, lat = found
            for ref in refs:
                name = f"{ref} junction {number}"
                if name not in self.junctions:
                    self.junctions[name] = Place(
                        id=f"osm-node-{node.ref}-{ref.replace(' ', '')}",
                        name=name,
                        kind="junction",
                        geometry=shapely.Point(lon, lat),
                        source=f"OpenStreetMap node/{node.ref}",
                        aliases=(f"{ref} J{number}", f"junction {number} of the {ref}"),
                        backend="osm",
                    )

    def area(self, a: Any) -> None:
        name = _tag(a.tags, "name")
        if not name or "highway" in a.tags:
            return
        kind = _kind(a.tags, _AREA_KINDS)
        if kind is None:
            return
        try:
            geometry = shapely.from_wkb(self.factory.create_multipolygon(a))
        except (RuntimeError, shapely.errors.GEOSException):
            self.skipped += 1
            return
        if isinstance(geometry, MultiPolygon) and len(geometry.geoms) == 1:
            geometry = geometry.geoms[0]
        if not geometry.is_valid:
            geometry = shapely.make_valid(geometry)
        osm_id = f"{'way' if a.from_way() else 'relation'}/{a.orig_id()}"
        self.others.append(_place(osm_id, name, kind, geometry, _aliases(a.tags, name)))


def _place(
    osm_id: str, name: str, kind: str, geometry: BaseGeometry, aliases: tuple[str, ...]
) -> Place:
    return Place(
        id=f"osm-{osm_id.replace('/', '-')}",
        name=name,
        kind=kind,
        geometry=geometry,
        source=f"OpenStreetMap {osm_id}",
        aliases=aliases,
        backend="osm",
    )


def read_osm_places(
    path: str | Path, *, location_index: str = "flex_mem", street_gap_m: float = STREET_GAP_M
) -> tuple[list[Place], dict[str, list[str]], ImportSummary]:
    """Stream an OSM extract and return its named streets, areas and points.

    Parameters
    ----------
    path : str or pathlib.Path
        ``.osm``, ``.osm.pbf``, ``.osm.bz2`` ... (any format libosmium reads).
    location_index : str
        libosmium node-location index: ``flex_mem`` (default), or an on-disk
        one such as ``dense_file_array,/tmp/nodes.idx`` for very large extracts.
    street_gap_m : float
        Pieces of a same-named street farther apart are separate places.

    Returns
    -------
    tuple of (list of Place, dict, ImportSummary)
        The places sorted by id, every place's OSM ids (``way/123``) by place
        id, and counts.

    Raises
    ------
    GazetteerError
        The file is missing or libosmium cannot read it.
    """
    started = time.perf_counter()
    file = Path(path)
    if not file.is_file():
        raise GazetteerError(str(file), "no such OSM file")
    collector = _Collector()
    try:
        collector.apply_file(str(file), locations=True, idx=location_index)
    except RuntimeError as err:
        raise GazetteerError(str(file), f"cannot read as OpenStreetMap data: {err}") from err
    streets, osm_ids = street_places(collector.ways, collector.way_aliases, street_gap_m)
    roads, road_ids = road_places(collector.refs, ROAD_GAP_M)
    osm_ids.update(road_ids)
    others = [*collector.others, *collector.junctions.values()]
    for place in others:
        osm_ids[place.id] = [place.source.removeprefix("OpenStreetMap ")]
    places = sorted([*streets, *roads, *others], key=lambda p: p.id)
    summary = ImportSummary(
        ways_read=sum(len(w) for w in collector.ways.values()),
        streets=len(streets),
        street_names=len(collector.ways),
        areas=sum(1 for p in collector.others if p.place_kind == "area"),
        points=sum(1 for p in others if p.place_kind == "point"),
        skipped=collector.skipped,
        seconds=round(time.perf_counter() - started, 3),
    )
    return places, osm_ids, summary


def write_gazetteer(
    places: Iterable[Place], dest: str | Path, osm_ids: dict[str, list[str]] | None = None
) -> Path:
    """Write places as a GeoPackage gazetteer that ``--gazetteer`` reads back.

    The file is written under a temporary name and moved into place, so a
    failed write leaves an earlier file intact.

    Raises
    ------
    OutputError
        The destination is not a ``.gpkg`` file or cannot be written.
    """
    import geopandas as gpd
    import pyogrio

    target = Path(dest)
    if target.suffix.lower() != ".gpkg":
        raise OutputError(f"{target}: expected a .gpkg output file name")
    rows = [
        {
            "id": p.id,
            "name": p.name,
            "kind": p.kind,
            "aliases": "; ".join(p.aliases),
            "source": p.source,
            "osm_ids": ";".join((osm_ids or {}).get(p.id, [])),
            "geometry": p.geometry,
        }
        for p in places
    ]
    frame = gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")
    if frame.empty:
        frame = gpd.GeoDataFrame(
            columns=["id", "name", "kind", "aliases", "source", "osm_ids", "geometry"],
            geometry="geometry",
            crs="EPSG:4326",
        )

    def write(path: Path) -> None:
        with warnings.catch_warnings():  # the temporary name does not end in .gpkg
            warnings.filterwarnings("ignore", "The filename extension", RuntimeWarning)
            pyogrio.write_dataframe(
                frame, path, driver="GPKG", layer="places", geometry_type="Unknown"
            )

    folder = prepare_dir(target.parent if str(target.parent) else ".")
    replace_all(folder, [(target.name, write)])
    return target


def import_osm(
    source: str | Path,
    dest: str | Path,
    *,
    location_index: str = "flex_mem",
    street_gap_m: float = STREET_GAP_M,
) -> ImportSummary:
    """Build a GeoPackage gazetteer from an OSM extract (``campmap gazetteer import``).

    Parameters
    ----------
    source : str or pathlib.Path
        The OSM extract.
    dest : str or pathlib.Path
        The ``.gpkg`` file to write.
    location_index, street_gap_m
        As for :func:`read_osm_places`.

    Returns
    -------
    ImportSummary
    """
    places, osm_ids, summary = read_osm_places(
        source, location_index=location_index, street_gap_m=street_gap_m
    )
    write_gazetteer(places, dest, osm_ids)
    return summary


def _osm_places(path: Path, backend: str) -> list[Place]:
    places, _, _ = read_osm_places(path)
    return [replace(p, backend=backend) for p in places]


class OSMGazetteer(FileGazetteer):
    """Places read straight from an OSM extract, no GeoPackage written."""

    load = staticmethod(_osm_places)
