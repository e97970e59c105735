"""Pure parsers for stored geocoder answers: Nominatim, Photon and Pelias (no network).

A cached answer is ``{"lat", "lon", "address", "raw"}``, ``raw`` being the
service's own JSON object for one result: a Nominatim ``format=json`` item, or
a GeoJSON ``Feature`` for Photon and Pelias. :func:`parse_answer` turns one
into a :class:`~campmap.records.Place`; :func:`parse_geometry` reads the
street's own geometry when the answer carries one (Nominatim with
``polygon_geojson=1``; Photon and Pelias answer a point only).
"""

from __future__ import annotations

from typing import Any

from shapely.geometry import Point, shape
from shapely.geometry.base import BaseGeometry

from campmap.records import Place

__all__ = ["GEOMETRY_SERVICES", "parse_answer", "parse_geometry"]

GEOMETRY_SERVICES = frozenset({"nominatim"})
"""Services whose answers can carry a street's line (Nominatim ``polygon_geojson=1``)."""


def _clean(text: object) -> str:
    return str(text).replace("\0", "")  # GDAL would cut the text at a NUL


def _feature_fields(service: str, raw: dict[str, Any]) -> tuple[str, str, str, str]:
    """Ident, name, kind and OSM reference of a Photon or Pelias GeoJSON feature."""
    props = raw.get("properties") or {}
    if service == "pelias":
        ident = props.get("gid") or props.get("id") or ""
        kind = props.get("layer") or "place"
        osm = ""
        if props.get("source") in ("openstreetmap", "osm") and props.get("source_id"):
            osm = f" (OSM {props['source_id']})"
        return str(ident), str(props.get("name") or ""), str(kind), osm
    osm_type = {"N": "node", "W": "way", "R": "relation"}.get(str(props.get("osm_type")), "")
    ident = f"{osm_type}-{props['osm_id']}" if osm_type and props.get("osm_id") else ""
    osm = f" (OSM {osm_type}/{props['osm_id']})" if ident else ""
    kind = props.get("osm_value") or props.get("type") or "place"
    return ident, str(props.get("name") or ""), str(kind), osm


def parse_answer(service: str, answer: dict[str, Any], query: str) -> Place:
    """Turn one stored geocoder answer into a place (pure; no network).

    The place is the answer's point, or its line when the answer carries one
    (:func:`parse_geometry`).

    Parameters
    ----------
    service : str
        The geopy service name (provenance); ``photon`` and ``pelias`` answers
        are GeoJSON features, any other is read as Nominatim's JSON.
    answer : dict
        ``{"lat", "lon", "address", "raw"}`` as cached.
    query : str
        The name asked for, kept as an alias.

    Examples
    --------
    >>> place = parse_answer("nominatim", {"lat": 51.5, "lon": -0.1, "address": "Foo Road, X",
    ...     "raw": {"place_id": 42, "osm_type": "way", "osm_id": 7, "type": "residential",
    ...             "name": "Foo Road", "display_name": "Foo Road, X"}}, "Foo Rd")
    >>> place.id, place.name, place.kind, place.source
    ('nominatim-42', 'Foo Road', 'residential', 'nominatim place_id 42 (OSM way/7): Foo Road, X')
    >>> feature = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [-0.1, 51.5]},
    ...     "properties": {"osm_type": "W", "osm_id": 7, "osm_value": "residential",
    ...                    "name": "Foo Road"}}
    >>> place = parse_answer("photon", {"lat": 51.5, "lon": -0.1, "address": "Foo Road, X",
    ...     "raw": feature}, "Foo Road")
    >>> place.id, place.kind, place.source
    ('photon-way-7', 'residential', 'photon way-7 (OSM way/7): Foo Road, X')
    """
    raw = answer.get("raw") or {}
    feature = service in ("photon", "pelias") and raw.get("type") == "Feature"
    ident: object
    if feature:
        ident, name, kind, osm = _feature_fields(service, raw)
    else:
        ident = raw.get("place_id", raw.get("id"))
        osm = ""
        if raw.get("osm_type") and raw.get("osm_id") is not None:
            osm = f" (OSM {raw['osm_type']}/{raw['osm_id']})"
        name = str(raw.get("name") or "")
        kind = str(raw.get("type") or raw.get("addresstype") or "place")
    label_text = (raw.get("properties") or {}).get("label") if feature else None
    address = str(label_text or answer.get("address") or raw.get("display_name") or query)
    if ident is None or ident == "":
        ident = f"{float(answer['lat']):.6f},{float(answer['lon']):.6f}"
    label = f"{service} {ident}" if feature else f"{service} place_id {ident}"
    name = _clean(name or address.split(",")[0]).strip() or query
    return Place(
        id=_clean(f"{service}-{ident}"),
        name=name,
        kind=_clean(kind),
        geometry=parse_geometry(service, answer)
        or Point(float(answer["lon"]), float(answer["lat"])),
        source=_clean(f"{label}{osm}: {address}"),
        aliases=(query,) if query != name else (),
        backend=service,
    )


def parse_geometry(service: str, answer: dict[str, Any]) -> BaseGeometry | None:
    """Return the line (or area) a stored answer gives for its place, or None.

    Only Nominatim answers asked with ``polygon_geojson=1`` carry one (the
    ``geojson`` member); a point, a missing or a malformed geometry gives None.

    Examples
    --------
    >>> raw = {"geojson": {"type": "LineString", "coordinates": [[0, 51], [0, 51.01]]}}
    >>> parse_geometry("nominatim", {"lat": 51, "lon": 0, "raw": raw}).geom_type
    'LineString'
    >>> parse_geometry("photon", {"lat": 51, "lon": 0, "raw": {"type": "Feature"}}) is None
    True
    """
    if service not in GEOMETRY_SERVICES:
        return None
    data = (answer.get("raw") or {}).get("geojson")
    if not isinstance(data, dict) or data.get("type") == "Point":
        return None
    try:
        geom = shape(data)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        return None
    if geom.is_empty or (not geom.is_valid and geom.geom_type.endswith("Polygon")):
        return None
    return geom
