"""Read a ``sites.geojson`` (and ``routes.geojson``) back into the layers a map needs.

The file may be campmap's own output, edited by hand, or written by any tool:
only Point geometries are required. Missing properties get their defaults (a
site with no ``count`` has no stated count; one with no ``name`` is named by
its id), and the place geometry (the street or park a site lies on) is taken
back from the gazetteer when ``place_id`` names a place it knows.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import geopandas as gpd
import msgspec
import numpy as np
import pandas as pd
import shapely

from campmap.errors import InputError
from campmap.gazetteer import Gazetteer, default_gazetteer
from campmap.layer.columnar import SiteColumns, read_site_columns
from campmap.layer.columns import CRS, ROUTE_COLUMNS, SITE_COLUMNS, empty_routes, typed
from campmap.layer.layers import Layers
from campmap.records import Document

__all__ = ["paused_collector", "read_layers", "read_routes", "read_sites"]

_DEFAULTS: dict[str, Any] = {
    "place_kind": "point",
    "kind": "",
    "uncertainty_m": 30.0,
    "status": "installed",
    "quote": "",
    "sources": "",
    "mentions": 1,
    "written_as": "",
    "match": "exact",
    "backend": "",
    "coordinate_source": "",
    "camera": "camera",
    "man_made": "surveillance",
    "surveillance:type": "camera",
}


def _load(path: Path) -> list[dict[str, Any]]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError as err:
        raise InputError(str(path), "no such file") from err
    except OSError as err:
        raise InputError(str(path), f"cannot read: {err.strerror or err}") from err
    try:
        data = msgspec.json.decode(raw)  # compiled; json only to say what is wrong
    except msgspec.DecodeError:
        data = _load_text(path, raw)
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        got = data.get("type") if isinstance(data, dict) else type(data).__name__
        raise InputError(str(path), f"expected a GeoJSON FeatureCollection, got {got!r}")
    features = data.get("features")
    if not isinstance(features, list):
        raise InputError(str(path), "expected a 'features' list in the FeatureCollection")
    return features


def _load_text(path: Path, raw: bytes) -> Any:
    """Parse what msgspec would not with :mod:`json`, which says where it is wrong.

    (``json`` also takes what msgspec does not: ``NaN``, numbers past 64 bits.)
    """
    try:
        text = raw.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")  # as read_text
    except UnicodeDecodeError as err:
        raise InputError(str(path), "not UTF-8 text; expected a GeoJSON file") from err
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(
            str(path),
            f"not valid JSON ({err.msg}, column {err.colno}); expected a GeoJSON FeatureCollection",
            err.lineno,
        ) from err


def _where(path: Path, number: int, feature: Any) -> str:
    fid = feature.get("id") if isinstance(feature, dict) else None
    return f"feature {number}" + (f" (id {fid!r})" if fid is not None else "")


def _count(value: Any, path: Path, where: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
        raise InputError(str(path), f"{where}: count must be a whole number or null, got {value!r}")
    if value < 0:
        raise InputError(str(path), f"{where}: count must not be negative, got {value!r}")
    return int(value)


def _mentions(value: Any, path: Path, where: str) -> int:
    """Return a route's ``mentions``: a whole number of at least 1 (1 when absent)."""
    if value is None or value == "":
        return 1
    if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
        raise InputError(str(path), f"{where}: expected 'mentions' to be a whole number")
    if value < 1:
        raise InputError(str(path), f"{where}: expected 'mentions' to be at least 1")
    return int(value)


def _confidence(value: Any, path: Path, where: str) -> float | None:
    """Return a feature's ``confidence``: a number from 0 to 1, or absent."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise InputError(str(path), f"{where}: expected 'confidence' to be a number from 0 to 1")
    return float(value)


def _strict_rows(path: Path) -> tuple[pd.DataFrame, list[float], list[float]]:
    """Read the sites feature by feature, naming the first that is wrong."""
    rows: list[dict[str, Any]] = []
    lons: list[float] = []
    lats: list[float] = []
    for number, feature in enumerate(_load(path), start=1):
        where = _where(path, number, feature)
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        coords = geometry.get("coordinates") if isinstance(geometry, dict) else None
        if (
            not isinstance(geometry, dict)
            or geometry.get("type") != "Point"
            or not isinstance(coords, list)
            or len(coords) < 2
            or not all(isinstance(c, int | float) for c in coords[:2])
        ):
            got = geometry.get("type") if isinstance(geometry, dict) else geometry
            raise InputError(str(path), f"{where}: expected a Point geometry, got {got!r}")
        lon, lat = float(coords[0]), float(coords[1])
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            message = f"{where}: coordinates {lon}, {lat} are not longitude, latitude"
            raise InputError(str(path), message)
        props = feature.get("properties") or {}
        if not isinstance(props, dict):
            raise InputError(str(path), f"{where}: expected 'properties' to be an object")
        site_id = str(props.get("site_id") or feature.get("id") or f"site-{number}")
        row = {**_DEFAULTS, **{k: v for k, v in props.items() if v is not None}}
        row.update(
            site_id=site_id,
            name=str(props.get("name") or site_id),
            count=_count(props.get("count"), path, where),
            count_text=props.get("count_text"),
            count_conflict=props.get("count_conflict"),
            place_id=str(props.get("place_id") or site_id),
            confidence=_confidence(props.get("confidence"), path, where),
        )
        rows.append(row)
        lons.append(lon)
        lats.append(lat)
    return pd.DataFrame(rows, columns=list(SITE_COLUMNS)), lons, lats


_AS_READ = ("count", "count_text", "count_conflict", "confidence")
"""Site columns taken from the file as they are (already checked), with no default."""


def _column_frame(columns: SiteColumns) -> pd.DataFrame:
    """Return the frame :func:`_strict_rows` makes, from the columns of a plain file."""
    if not len(columns):
        return pd.DataFrame([], columns=list(SITE_COLUMNS))  # as the strict reader types it
    props = columns.properties
    numbers = range(1, len(columns) + 1)
    site_id = [
        str(s or i or f"site-{n}")
        for s, i, n in zip(props["site_id"], columns.ids, numbers, strict=True)
    ]
    data: dict[str, list[Any]] = {
        "site_id": site_id,
        "name": [str(v or s) for v, s in zip(props["name"], site_id, strict=True)],
        "place_id": [str(v or s) for v, s in zip(props["place_id"], site_id, strict=True)],
    }
    for name in SITE_COLUMNS:
        if name in data:
            continue
        if name in _AS_READ:
            data[name] = props[name]
        else:  # a null property is as good as none: the default, or missing (NaN)
            data[name] = _filled(props[name], _DEFAULTS.get(name, np.nan))
    return pd.DataFrame(data, columns=list(SITE_COLUMNS))


def _filled(values: list[Any], default: Any) -> list[Any]:
    """Return ``values`` with None as ``default`` (a whole column of either, at C speed)."""
    if None not in values:
        return values
    if values.count(None) == len(values):
        return [default] * len(values)
    return [default if v is None else v for v in values]


def read_sites(
    path: str | Path, gazetteer: Gazetteer | None = None, *, columnar: bool = True
) -> gpd.GeoDataFrame:
    """Read a sites file into the site layer (:data:`campmap.layer.columns.SITE_COLUMNS`).

    A plain file is read column-wise (:mod:`campmap.layer.columnar`); one
    that is not is read feature by feature, and its first wrong feature named.

    Parameters
    ----------
    path : str or pathlib.Path
        A GeoJSON FeatureCollection of Point features.
    gazetteer : Gazetteer, optional
        Where to find each site's place geometry by ``place_id``; the embedded
        gazetteer by default. Unknown ids keep the point as their geometry.
    columnar : bool
        Read a plain file column-wise (the default); False reads every file
        feature by feature (the same layer, only slower: for comparing the two).

    Raises
    ------
    InputError
        The file is missing, not GeoJSON, or a feature is not a point or has
        a count that is not a whole number (the message names the feature).
    """
    path = Path(path)
    gazetteer = gazetteer or default_gazetteer()
    with paused_collector():
        return _read_sites(path, gazetteer, columnar)


@contextmanager
def paused_collector() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a layer is built.

    Building 100,000 sites makes hundreds of thousands of objects and no
    reference cycle; the collector would walk them all again and again (half a
    second at 100k sites) to find nothing. Reference counting still frees them.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _read_sites(path: Path, gazetteer: Gazetteer, columnar: bool) -> gpd.GeoDataFrame:
    columns = read_site_columns(path) if columnar else None
    if columns is not None:
        frame, lons, lats = _column_frame(columns), columns.lon, columns.lat
    else:
        frame, *coords = _strict_rows(path)
        lons, lats = np.array(coords[0], dtype=float), np.array(coords[1], dtype=float)
    frame = typed(frame, ("count", "mentions", "uncertainty_m", "confidence"))
    points: Any = shapely.points(lons, lats) if len(frame) else []
    sites = gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(points, crs=CRS))
    found = gazetteer.get_many(sites["place_id"].tolist())
    places = [p.geometry if p is not None else q for p, q in zip(found, points, strict=False)]
    sites["place_geometry"] = gpd.GeoSeries(places, crs=CRS)
    kinds = sites["place_geometry"].geom_type.map(
        {"LineString": "line", "MultiLineString": "line", "Polygon": "area", "MultiPolygon": "area"}
    )
    sites["place_kind"] = kinds.fillna(sites["place_kind"]).astype(str)
    return sites


def read_routes(path: str | Path) -> gpd.GeoDataFrame:
    """Read a routes file (LineString features) into the route layer.

    Raises
    ------
    InputError
        As :func:`read_sites`, for features that are not lines.
    """
    path = Path(path)
    rows: list[dict[str, Any]] = []
    lines = []
    for number, feature in enumerate(_load(path), start=1):
        where = _where(path, number, feature)
        try:
            line = shapely.geometry.shape(feature["geometry"])
        except (KeyError, TypeError, ValueError, AttributeError, shapely.errors.GEOSException):
            line = None
        if line is None or line.geom_type not in ("LineString", "MultiLineString"):
            raise InputError(str(path), f"{where}: expected a LineString geometry")
        props = feature.get("properties") or {}
        if not isinstance(props, dict):
            raise InputError(str(path), f"{where}: expected 'properties' to be an object")
        route_id = str(props.get("route_id") or feature.get("id") or f"route-{number}")
        row = {c: props.get(c) for c in ROUTE_COLUMNS}
        row.update(
            route_id=route_id,
            name=str(props.get("name") or route_id),
            count=_count(props.get("count"), path, where),
            start=props.get("start") or "",
            end=props.get("end") or "",
            status=props.get("status") or "installed",
            quote=props.get("quote") or "",
            sources=props.get("sources") or "",
            mentions=_mentions(props.get("mentions"), path, where),
            confidence=_confidence(props.get("confidence"), path, where),
        )
        rows.append(row)
        lines.append(line)
    frame = typed(
        pd.DataFrame(rows, columns=list(ROUTE_COLUMNS)), ("count", "mentions", "confidence")
    )
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(lines, crs=CRS))


def read_layers(
    sites: str | Path, routes: str | Path | None = None, gazetteer: Gazetteer | None = None
) -> Layers:
    """Read a sites file, and a routes file if given, into :class:`~campmap.layer.layers.Layers`.

    With no ``routes``, a ``routes.geojson`` beside the sites file is read
    when there is one. The layers carry no reports or mentions: they are for
    drawing a map again, not for re-extracting.
    """
    sites_path = Path(sites)
    if routes is None and sites_path.name == "sites.geojson":
        beside = sites_path.with_name("routes.geojson")
        routes = beside if beside.is_file() else None
    route_layer = read_routes(routes) if routes is not None else empty_routes()
    return Layers(
        sites=read_sites(sites_path, gazetteer),
        routes=route_layer,
        unresolved=(),
        evidence={},
        mentions=(),
        document=Document(sources=(), sentences=()),
    )
