"""Gazetteers stored as GeoJSON FeatureCollections (the embedded one, and users' files)."""

from __future__ import annotations

import json
from pathlib import Path

from shapely.errors import ShapelyError
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry
from shapely.validation import explain_validity

from campmap.errors import GazetteerError
from campmap.gazetteer.backends.base import FileGazetteer
from campmap.paths import data_dir
from campmap.records import Place

__all__ = ["EmbeddedGazetteer", "GeoJSONGazetteer", "check_geometry", "load_geojson_places"]

_REQUIRED = ("id", "name", "kind", "source")


def _without_nul(value: object) -> object:
    """Drop NULs from a property's text (GDAL would cut it there in ``sites.geojson``)."""
    if isinstance(value, str):
        return value.replace("\0", "")
    if isinstance(value, list):
        return [_without_nul(item) for item in value]
    return value


def check_geometry(geometry: BaseGeometry, label: str, where: str, line: int | None = None) -> None:
    """Refuse an empty or invalid geometry, or one whose coordinates are not lon/lat.

    Raises
    ------
    GazetteerError
        ``<label>[:<line>]: <where>: invalid geometry: <why>``, or ``...: coordinates
        are not lon/lat``.
    """
    if geometry.is_empty or not geometry.is_valid:
        why = "empty" if geometry.is_empty else explain_validity(geometry)
        raise GazetteerError(label, f"{where}: invalid geometry: {why}", line)
    minx, miny, maxx, maxy = geometry.bounds
    if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
        raise GazetteerError(label, f"{where}: coordinates are not lon/lat", line)


def load_geojson_places(path: Path, backend: str) -> list[Place]:
    """Read and validate a GeoJSON gazetteer.

    Each feature needs ``id``, ``name``, ``kind`` and ``source`` properties, an
    optional ``aliases`` list, and a valid geometry in longitude/latitude.

    Parameters
    ----------
    path : pathlib.Path
        The file.
    backend : str
        Provenance recorded on every place.

    Returns
    -------
    list of Place

    Raises
    ------
    GazetteerError
        Naming the file, the feature and what is wrong with it.
    """
    label = str(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise GazetteerError(label, f"cannot read: {err.strerror or err}") from err
    except (UnicodeDecodeError, ValueError, RecursionError) as err:  # JSONDecodeError is one
        line = getattr(err, "lineno", None)
        raise GazetteerError(label, f"not valid JSON: {err}", line) from err
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise GazetteerError(label, "expected a GeoJSON FeatureCollection")
    places: list[Place] = []
    seen: set[str] = set()
    features = data.get("features") or []
    if not isinstance(features, list):
        raise GazetteerError(label, "'features' must be a list of GeoJSON features")
    for number, feature in enumerate(features, start=1):
        where = f"feature {number}"
        props = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(props, dict):
            raise GazetteerError(label, f"{where}: expected a Feature with a 'properties' object")
        props = {key: _without_nul(value) for key, value in props.items()}
        for key in _REQUIRED:
            if not isinstance(props.get(key), str) or not props[key].strip():
                raise GazetteerError(label, f"{where}: property {key!r} must be a non-empty string")
        if props["id"] in seen:
            raise GazetteerError(label, f"{where}: duplicate id {props['id']!r}")
        seen.add(props["id"])
        aliases = props.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise GazetteerError(
                label, f"{where} ({props['id']}): 'aliases' must be a list of strings"
            )
        try:
            geometry = shape(feature["geometry"])
        except (KeyError, TypeError, ValueError, AttributeError, ShapelyError) as err:
            raise GazetteerError(label, f"{where} ({props['id']}): bad geometry: {err}") from err
        check_geometry(geometry, label, f"{where} ({props['id']})")
        places.append(
            Place(
                id=props["id"],
                name=props["name"],
                kind=props["kind"],
                geometry=geometry,
                source=props["source"],
                aliases=tuple(aliases),
                backend=backend,
            )
        )
    return places


class GeoJSONGazetteer(FileGazetteer):
    """Places from a GeoJSON FeatureCollection file (see :class:`FileGazetteer`)."""

    load = staticmethod(load_geojson_places)


class EmbeddedGazetteer(GeoJSONGazetteer):
    """The offline gazetteer shipped with campmap (central London)."""

    def __init__(self) -> None:
        super().__init__(data_dir() / "gazetteer" / "central_london.geojson", name="embedded")
