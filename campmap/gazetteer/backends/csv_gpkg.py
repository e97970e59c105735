"""User gazetteers as tables: CSV files and GeoPackages.

A CSV gazetteer has a header row and one place per row:

``name``
    required;
``aliases``
    optional, ``;``-separated;
``lat`` and ``lon``, or ``wkt``
    a point in WGS84 degrees, or any WKT geometry in longitude/latitude;
``id``, ``kind``, ``source``
    optional (default: a slug of the name, ``place``, ``<file> line <n>``).

A GeoPackage gazetteer (what ``campmap gazetteer import`` writes) has one
layer with ``id``, ``name``, ``kind``, ``source`` and optional ``aliases``
columns and geometries in EPSG:4326.
"""

from __future__ import annotations

import csv
import math
import re
from pathlib import Path

import shapely
from shapely.errors import GEOSException
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from campmap.errors import GazetteerError
from campmap.gazetteer.backends.base import FileGazetteer
from campmap.gazetteer.backends.geojson import check_geometry
from campmap.records import Place

__all__ = ["CSVGazetteer", "GeoPackageGazetteer", "load_csv_places", "load_gpkg_places", "slug"]

_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """Return a lower-case, hyphenated id for a name.

    Examples
    --------
    >>> slug("St. Mary's Church")
    'st-marys-church'
    """
    return _SLUG.sub("-", text.lower().replace("'", "").replace("\u2019", "")).strip("-")


def _without_nul(value: object) -> object:
    return value.replace("\0", "") if isinstance(value, str) else value


def _number(label: str, line: int, field: str, text: str, limit: float) -> float:
    try:
        value = float(text)
    except ValueError:
        raise GazetteerError(
            label, f"field {field!r}: expected a number, got {text!r}", line
        ) from None
    if not math.isfinite(value) or abs(value) > limit:
        raise GazetteerError(
            label,
            f"field {field!r}: expected a number from -{limit:g} to {limit:g}, got {text}",
            line,
        )
    return value


def load_csv_places(path: Path, backend: str) -> list[Place]:
    """Read and validate a CSV gazetteer (see the module docstring for its columns).

    Raises
    ------
    GazetteerError
        Naming the file, the line and the field that is wrong.
    """
    label = str(path)
    # Read from the file object with newline="": rows end at \n, \r\n or \r only, never at the
    # other breaks str.splitlines() knows (NEL, U+2028, a form feed) that a name may hold.
    # NULs are dropped: GDAL ends a string at one, so sites.geojson would cut the name there.
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(line.replace("\0", "") for line in handle)
            try:
                return _csv_places(path, label, backend, reader)
            except csv.Error as err:  # e.g. a cell longer than csv.field_size_limit()
                raise GazetteerError(label, f"not a CSV row: {err}", reader.line_num + 1) from err
            except UnicodeDecodeError as err:  # decoded ahead of the rows: no line to name
                raise GazetteerError(label, f"not UTF-8 text: {err.reason}") from err
    except OSError as err:
        raise GazetteerError(label, f"cannot read: {err.strerror or err}") from err


def _csv_places(path: Path, label: str, backend: str, reader: csv.DictReader[str]) -> list[Place]:
    columns = [c.strip() for c in reader.fieldnames or []]
    if "name" not in columns:
        raise GazetteerError(label, f"header must name a 'name' column, got {columns}", 1)
    if not ({"lat", "lon"} <= set(columns) or "wkt" in columns):
        raise GazetteerError(label, "header must have 'lat' and 'lon' columns, or 'wkt'", 1)
    places: list[Place] = []
    seen: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        values = {(k or "").strip(): (v or "").strip() for k, v in row.items() if k is not None}
        if None in row:
            raise GazetteerError(label, f"more fields than the header's {len(columns)}", line)
        name = values.get("name", "")
        if not name:
            raise GazetteerError(label, "field 'name': expected a place name, got nothing", line)
        geometry: BaseGeometry
        if values.get("wkt"):
            try:
                geometry = shapely.from_wkt(values["wkt"])
            except GEOSException as err:
                raise GazetteerError(label, f"field 'wkt': not valid WKT: {err}", line) from err
        elif values.get("lat") or values.get("lon"):
            lat = _number(label, line, "lat", values.get("lat", ""), 90)
            lon = _number(label, line, "lon", values.get("lon", ""), 180)
            geometry = Point(lon, lat)
        else:
            raise GazetteerError(label, "fields 'lat'/'lon' or 'wkt': no coordinates given", line)
        check_geometry(geometry, label, "field 'wkt'" if values.get("wkt") else "coordinates", line)
        place_id = values.get("id") or slug(name) or f"line-{line}"
        if place_id in seen:
            raise GazetteerError(
                label, f"field 'id': {place_id!r} already used on line {seen[place_id]}", line
            )
        seen[place_id] = line
        aliases = tuple(a.strip() for a in values.get("aliases", "").split(";") if a.strip())
        places.append(
            Place(
                id=place_id,
                name=name,
                kind=values.get("kind") or "place",
                geometry=geometry,
                source=values.get("source") or f"{path.name} line {line}",
                aliases=aliases,
                backend=backend,
            )
        )
    return places


def load_gpkg_places(path: Path, backend: str) -> list[Place]:
    """Read and validate a GeoPackage gazetteer (as written by ``campmap gazetteer import``).

    Raises
    ------
    GazetteerError
        Naming the file, the feature and what is wrong with it.
    """
    import pyogrio
    from pyogrio.errors import DataSourceError

    label = str(path)
    if not path.is_file():
        raise GazetteerError(label, "no such file")
    try:
        frame = pyogrio.read_dataframe(path)
    except DataSourceError as err:
        raise GazetteerError(label, f"not a readable GeoPackage: {err}") from err
    missing = [c for c in ("id", "name", "kind", "source") if c not in frame.columns]
    if missing:
        raise GazetteerError(label, f"missing columns {missing}; expected id, name, kind, source")
    if frame.crs is not None and frame.crs.to_epsg() != 4326:
        frame = frame.to_crs(4326)
    places: list[Place] = []
    for column in ("id", "name", "kind", "source", "aliases"):  # GDAL cuts at a NUL; drop any
        if column in frame.columns:
            frame[column] = frame[column].map(_without_nul)
    for number, row in enumerate(frame.itertuples(index=False), start=1):
        where = f"feature {number}"
        for key in ("id", "name", "kind", "source"):
            value = getattr(row, key)
            if not isinstance(value, str) or not value.strip():
                raise GazetteerError(label, f"{where}: column {key!r} must be a non-empty string")
        geometry = row.geometry
        if geometry is None:
            raise GazetteerError(label, f"{where} ({row.id}): no geometry")
        check_geometry(geometry, label, f"{where} ({row.id})")
        raw_aliases = getattr(row, "aliases", None)
        aliases = (
            tuple(a.strip() for a in raw_aliases.split(";") if a.strip())
            if isinstance(raw_aliases, str)
            else ()
        )
        places.append(
            Place(
                id=row.id,
                name=row.name,
                kind=row.kind,
                geometry=geometry,
                source=row.source,
                aliases=aliases,
                backend=backend,
            )
        )
    return places


class CSVGazetteer(FileGazetteer):
    """Places from a CSV file (see :class:`FileGazetteer`)."""

    load = staticmethod(load_csv_places)


class GeoPackageGazetteer(FileGazetteer):
    """Places from a GeoPackage, e.g. one built by ``campmap gazetteer import``."""

    load = staticmethod(load_gpkg_places)
