"""Junctions placed online: two streets' lines from a geocoder, and where they cross.

A junction mention (``the junction of A and B``, shape ``junction``) that no
offline gazetteer could place is split into its two streets
(:func:`junction_streets`); each street's line comes from an offline backend
when one knows it, else from an online geocoder that answers geometry
(Nominatim, ``polygon_geojson=1``; Photon and Pelias answer points only, so
with them a junction stays unresolved, and says so). The lines are cut to the
report's region (the geocoder's viewbox), then intersected (shapely): the
crossing point, or, when they do not cross, the middle of their nearest
approach within :data:`JUNCTION_REACH_M`. Anything else is a
:class:`Crossing` with no place and the reason.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from shapely import ops
from shapely.geometry import Point, box
from shapely.geometry.base import BaseGeometry

from campmap.gazetteer.junctions import LINK_AND, split_junction
from campmap.records import Place

if TYPE_CHECKING:
    from campmap.gazetteer.backends.geocoder import BBox, GeocoderBackend


class StreetLookup(Protocol):
    """What a crossing needs of the gazetteer: its offline lookup of a street's places."""

    def lookup(self, name: str, *, online: bool = True) -> list[Place]:
        """Return the places a name resolves to."""


__all__ = [
    "JUNCTION_REACH_M",
    "SAME_CROSSING_M",
    "Crossing",
    "junction_streets",
    "place_crossing",
    "point_on",
]

SAME_CROSSING_M = 1000.0
"""Two streets meeting at points further apart than this are namesakes in different places."""

_A_AND_B = re.compile(rf"^(?P<a>.+?)(?:{LINK_AND})(?P<b>.+)$", re.IGNORECASE)
"""``A and B``, ``A with B``: a junction mention as extracted (its lead word left out)."""

JUNCTION_REACH_M = 50.0
"""How far apart two geocoded streets may pass and still be taken to meet (metres)."""


@dataclass(frozen=True, slots=True)
class Crossing:
    """Where a junction of two streets was placed, or why it was not.

    Attributes
    ----------
    place : Place or None
        A ``junction`` place (a point), or None.
    reason : str
        ``""`` when placed; else why not, naming the street.
    """

    place: Place | None
    reason: str = ""


def point_on(geometry: BaseGeometry) -> Point:
    """Return a point to show a place at: on the line for a street, else its centroid.

    A bent street's centroid can lie far off the street; the point on the line
    nearest the centroid never does.

    Examples
    --------
    >>> from shapely.geometry import LineString
    >>> bent = LineString([(0, 0), (0, 1), (1, 1)])
    >>> bent.centroid.distance(bent) > 0.2, point_on(bent).distance(bent) < 1e-9
    (True, True)
    >>> point_on(Point(3, 4)).coords[0]
    (3.0, 4.0)
    """
    centroid = geometry.centroid
    if geometry.geom_type not in ("LineString", "MultiLineString", "LinearRing"):
        return Point(centroid.x, centroid.y)
    return Point(ops.nearest_points(geometry, centroid)[0].coords[0])


def junction_streets(text: str) -> tuple[str, str] | None:
    """Return the two streets a junction mention names, as written, or None.

    Examples
    --------
    >>> junction_streets("Larkspur Road and Ottermoor Lane")
    ('Larkspur Road', 'Ottermoor Lane')
    >>> junction_streets("Mill Lane junction with Church Street")
    ('Mill Lane', 'Church Street')
    >>> junction_streets("Larkspur Road") is None
    True
    """
    pair = split_junction(text)
    if pair is not None:
        return pair
    match = _A_AND_B.match(" ".join(text.split()))
    if match is None:
        return None
    a, b = match.group("a").strip(" ,"), match.group("b").strip(" ,")
    return (a, b) if a and b else None


def _street(
    name: str, gazetteer: StreetLookup, backend: GeocoderBackend, region: BBox | None
) -> tuple[list[Place], str]:
    """Return the street's lines in the region (offline ones first), or none and why."""
    area = None if region is None else box(*region)

    def inside(places: Sequence[Place]) -> list[Place]:
        lines = [p for p in places if p.place_kind == "line"]
        return sorted(
            (p for p in lines if area is None or p.geometry.intersects(area)), key=lambda p: p.id
        )

    lines = inside(gazetteer.lookup(name, online=False))
    if lines:
        return lines, ""
    if not backend.gives_geometry:
        return [], f"{backend.service} answers points, not street lines"
    result = backend.geocode(name, region, geometry=True)
    if not result.places:
        return [], f"{name!r}: {result.reason}"
    lines = inside(result.places)
    if lines:
        return lines, ""
    if any(p.place_kind == "line" for p in result.places):
        return [], f"{name!r}: no street line within the report's region"
    return [], f"{name!r}: {backend.service} gave no street line"


def _merged(lines: Sequence[Place], region: BBox | None) -> BaseGeometry:
    whole = ops.unary_union([p.geometry for p in lines])
    return whole if region is None else whole.intersection(box(*region))


def place_crossing(
    first: str,
    second: str,
    gazetteer: StreetLookup,
    backend: GeocoderBackend,
    region: BBox | None = None,
) -> Crossing:
    """Place the junction of two named streets from their lines.

    Parameters
    ----------
    first, second : str
        The streets, as written.
    gazetteer : StreetLookup
        Offline lines for a street it knows.
    backend : GeocoderBackend
        Asked, with geometry, for a street no offline backend has a line for.
    region : (west, south, east, north), optional
        Biases the geocoder, and the lines are cut to it.

    Returns
    -------
    Crossing
        The crossing point, else the middle of the nearest approach within
        :data:`JUNCTION_REACH_M`, else no place and the reason. Streets that
        cross at points more than :data:`SAME_CROSSING_M` apart (namesakes in two
        towns, with no region to tell them apart) are not placed either.
    """
    from campmap.geometry import crossing_point, distance_m

    found = []
    for name in (first, second):
        lines, reason = _street(name, gazetteer, backend, region)
        if not lines:
            return Crossing(None, reason)
        found.append(lines)
    a, b = _merged(found[0], region), _merged(found[1], region)
    meeting = a.intersection(b)
    if not meeting.is_empty:
        west, south, east, north = meeting.bounds
        spread = distance_m(Point(west, south), Point(east, north))
        if spread > SAME_CROSSING_M:
            return Crossing(
                None,
                f"{first!r} and {second!r} meet at points {spread / 1000:.1f} km apart "
                "(namesakes in different places?); narrow the region (--region W,S,E,N)",
            )
    point = crossing_point(a, b, JUNCTION_REACH_M)
    gap = distance_m(a, b)
    if point is None:
        return Crossing(
            None,
            f"{first!r} and {second!r} come no closer than {gap:.0f} m "
            f"(at most {JUNCTION_REACH_M:.0f} m)",
        )
    how = "crossing" if a.intersects(b) else f"nearest approach ({gap:.0f} m apart)"
    nearest = [min(lines, key=lambda p: (p.geometry.distance(point), p.id)) for lines in found]
    one, other = sorted(nearest, key=lambda p: p.id)
    backends = sorted({one.backend, other.backend})
    return Crossing(
        Place(
            id=f"junction-{one.id}-{other.id}",
            name=f"{one.name} / {other.name}",
            kind="junction",
            geometry=point,
            source=f"{how} of {one.name} ({one.source}) and {other.name} ({other.source})",
            backend="+".join(backends),
        )
    )
