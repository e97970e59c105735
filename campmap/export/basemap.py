"""A light vector base map from OpenStreetMap data campmap already has, drawn offline.

When no tile provider is asked for, the map still shows where the sites are: streets (with
their names at close zooms) and parks near them, from ``data/basemap/`` (central London,
built by ``scripts/make_basemap.py`` from OpenStreetMap) and from the regions the user
installed with ``campmap gazetteer download`` (their road numbers drawn as major roads,
named streets as minor ones, parks and gardens as green). Only what lies within the sites'
extent (plus a margin) goes into the page, inside the same single file: no request leaves
the reader's browser. Where campmap has no base-map data, the map has none.
"""

from __future__ import annotations

import gzip
import json
from functools import cache
from typing import Any

import msgspec
import numpy as np
import shapely
from shapely.geometry import box, mapping
from shapely.geometry.base import BaseGeometry

from campmap.gazetteer.installed import installed_files
from campmap.paths import data_dir

__all__ = ["BASEMAP_CREDIT", "MARGIN_DEG", "MAX_FEATURES", "basemap"]

BASEMAP_CREDIT = "Base map and streets: \u00a9 OpenStreetMap contributors, ODbL"
"""The credit the base map's data asks for (shown on the map with it, in place of the
streets' own OpenStreetMap credit)."""

MARGIN_DEG = 0.004
"""How far around the sites the base map reaches at least (about 400 m); as far again as
the sites spread, up to :data:`MAX_MARGIN_DEG`."""

MAX_MARGIN_DEG = 0.05

MAX_FEATURES = 20_000
"""At most this many base-map features go into a page (the nearest to the sites' centre)."""


class _Feature(msgspec.Struct):
    properties: dict[str, Any]
    geometry: msgspec.Raw


class _Collection(msgspec.Struct):
    features: list[_Feature]


@cache
def _bundled() -> tuple[tuple[dict[str, Any], ...], np.ndarray]:
    """Read every bundled base-map file once: the properties, and the geometries (an array).

    msgspec keeps each geometry as its JSON text, which shapely reads all at once.
    """
    props: list[dict[str, Any]] = []
    geometries: list[bytes] = []
    folder = data_dir() / "basemap"
    for path in sorted(folder.glob("*.geojson.gz")) if folder.is_dir() else []:
        with gzip.open(path, "rb") as stream:
            collection = msgspec.json.decode(stream.read(), type=_Collection)
        props.extend(f.properties for f in collection.features)
        geometries.extend(bytes(f.geometry) for f in collection.features)
    return tuple(props), shapely.from_geojson(np.array(geometries, dtype=object))


REGION_KINDS = {
    "road": "major",
    "street": "minor",
    "park": "green",
    "garden": "green",
    "common": "green",
    "recreation_ground": "green",
    "nature_reserve": "green",
}
"""How an installed region's place kinds are drawn (other kinds are not drawn)."""


def _installed(area: BaseGeometry) -> list[tuple[dict[str, Any], BaseGeometry]]:
    """Read the installed regions' streets, roads and parks within ``area``.

    Each region's GeoPackage is read through its spatial index (pyogrio's ``bbox``), so a
    country-sized region costs no more than the streets near the sites. A region that
    cannot be read adds nothing (the gazetteer stage names such a file already).
    """
    files = installed_files()
    if not files:
        return []
    import pyogrio
    from pyogrio.errors import DataLayerError, DataSourceError

    out: list[tuple[dict[str, Any], BaseGeometry]] = []
    for path in files:
        try:
            frame = pyogrio.read_dataframe(path, bbox=area.bounds, columns=["name", "kind"])
        except (OSError, DataSourceError, DataLayerError):
            continue
        for name, kind, geom in zip(frame["name"], frame["kind"], frame.geometry, strict=True):
            drawn = REGION_KINDS.get(str(kind))
            if drawn is None or geom is None or geom.is_empty:
                continue
            if (drawn == "green") != (geom.geom_type in ("Polygon", "MultiPolygon")):
                continue  # a park given as a point, a street as an area: nothing to draw
            props: dict[str, Any] = {"kind": drawn}
            if drawn != "green" and isinstance(name, str) and name:
                props["name"] = name
            out.append((props, geom))
    return out


def basemap(extent: tuple[float, float, float, float] | None) -> dict[str, Any] | None:
    """Return the base map around ``extent`` as GeoJSON, or None when there is none there.

    Parameters
    ----------
    extent : (west, south, east, north) or None
        The sites' and routes' bounds; None (nothing placed) gives None.

    Returns
    -------
    dict or None
        A FeatureCollection of ``green`` areas and ``major``/``minor`` streets (with
        ``name``), clipped to the extent plus a margin; None when no base-map
        data reaches the extent.
    """
    if extent is None:
        return None
    west, south, east, north = extent
    # The view is fitted to the sites, with room around them: reach as far again each way.
    margin = min(MAX_MARGIN_DEG, max(MARGIN_DEG, east - west, north - south))
    area = box(west - margin, south - margin, east + margin, north + margin)
    centre = area.centroid
    kept = []
    seen: set[bytes] = set()
    every_props, geometries = _bundled()
    installed = _installed(area)
    if installed:
        every_props = (*every_props, *(props for props, _ in installed))
        geometries = np.concatenate([geometries, np.array([g for _, g in installed], object)])
    near = np.flatnonzero(shapely.intersects(geometries, area))
    inside = shapely.contains(area, geometries[near])
    for index, whole in zip(near.tolist(), inside.tolist(), strict=True):
        props, geom = every_props[index], geometries[index]
        clipped = geom if whole else shapely.set_precision(geom.intersection(area), 1e-5)
        if clipped.is_empty:
            continue
        key = shapely.to_wkb(clipped) + json.dumps(props, sort_keys=True).encode()
        if key in seen:
            continue
        seen.add(key)
        kept.append((props, clipped))
    if not any(props["kind"] != "green" for props, _ in kept):
        return None
    kept.sort(key=lambda item: (item[0]["kind"] != "green", item[1].distance(centre)))
    features = [
        {"type": "Feature", "properties": props, "geometry": mapping(geom)}
        for props, geom in kept[:MAX_FEATURES]
    ]
    return {"type": "FeatureCollection", "features": features}
