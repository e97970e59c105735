"""Place, through online geocoders, the sites no offline gazetteer knows.

Runs after extraction: the places already resolved give the report's region
(their bounding box, widened by :data:`REGION_MARGIN_DEG`), which biases every
query; ``region`` overrides it. A name that still cannot be placed stays
unresolved, and the reason (``no match``, ``rate limited (HTTP 429) after 3
tries`` ...) becomes a :class:`~campmap.records.Problem` naming the report.

A junction mention (``the junction of A and B``) is placed from the two
streets' lines where they cross (:mod:`campmap.gazetteer.crossings`), not by
asking for the whole phrase.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from campmap.gazetteer.backends.geocoder import BBox, GeocoderBackend, GeocodeResult
from campmap.gazetteer.crossings import Crossing, junction_streets, place_crossing
from campmap.gazetteer.resolve import Gazetteer
from campmap.records import Mention, Problem, Role

__all__ = ["REGION_MARGIN_DEG", "place_unresolved", "region_of"]

REGION_MARGIN_DEG = 0.02
"""How far (about 2 km) the viewbox reaches beyond the places already resolved."""


def region_of(mentions: Sequence[Mention]) -> BBox | None:
    """Return the bounding box of the resolved mentions, widened a little, or None.

    Examples
    --------
    >>> region_of([]) is None
    True
    """
    bounds = [m.place.geometry.bounds for m in mentions if m.place is not None]
    if not bounds:
        return None
    m = REGION_MARGIN_DEG
    return (
        min(b[0] for b in bounds) - m,
        min(b[1] for b in bounds) - m,
        max(b[2] for b in bounds) + m,
        max(b[3] for b in bounds) + m,
    )


def place_unresolved(
    mentions: Sequence[Mention], gazetteer: Gazetteer, region: BBox | None = None
) -> tuple[tuple[Mention, ...], tuple[Problem, ...]]:
    """Ask the gazetteer's online backends, in order, for the unplaced site mentions.

    Parameters
    ----------
    mentions : sequence of Mention
        As extracted.
    gazetteer : Gazetteer
        Its :class:`~campmap.gazetteer.backends.geocoder.GeocoderBackend` backends are asked.
    region : (west, south, east, north), optional
        The bias; by default each backend's own ``region`` (``--region``, given once, to the
        backend), else the region of the places already resolved.

    Returns
    -------
    tuple of (tuple of Mention, tuple of Problem)
        The mentions, geocoded ones with their place (``match="geocoded"``), and
        one problem per name that could not be placed, with the reason.
    """
    online = [b for b in gazetteer.backends if isinstance(b, GeocoderBackend)]
    if not online:
        return tuple(mentions), ()
    found_region = region_of(mentions)
    answers: dict[str, tuple[GeocodeResult, ...]] = {}
    out: list[Mention] = []
    problems: list[Problem] = []
    reported: set[str | tuple[str, str]] = set()
    crossings: dict[tuple[str, str], Crossing] = {}
    for mention in mentions:
        if mention.place is not None or mention.role is not Role.SITE:
            out.append(mention)
            continue
        pair = junction_streets(mention.text) if mention.shape == "junction" else None
        if pair is not None:
            if pair not in crossings:
                crossings[pair] = _crossing(pair, gazetteer, online, region, found_region)
            crossing = crossings[pair]
            if crossing.place is not None:
                out.append(replace(mention, place=crossing.place, match="geocoded", score=100.0))
                continue
            out.append(mention)
            if pair not in reported:
                reported.add(pair)
                problems.append(
                    Problem(
                        mention.source,
                        f"could not place the junction of {pair[0]!r} and {pair[1]!r}: "
                        f"{crossing.reason}",
                    )
                )
            continue
        key = " ".join(mention.text.split())
        if key not in answers:
            tried: list[GeocodeResult] = []
            for backend in online:
                result = backend.geocode(key, region or backend.region or found_region)
                tried.append(result)
                if result.places:
                    break
            answers[key] = tuple(tried)
        results = answers[key]
        found = next((r.places[0] for r in results if r.places), None)
        if found is not None:
            out.append(replace(mention, place=found, match="geocoded", score=100.0))
            continue
        out.append(mention)
        if key not in reported:
            reported.add(key)
            why = "; ".join(r.reason for r in results)
            problems.append(Problem(mention.source, f"could not geocode {key!r}: {why}"))
    return tuple(out), tuple(problems)


def _crossing(
    pair: tuple[str, str],
    gazetteer: Gazetteer,
    online: Sequence[GeocoderBackend],
    region: BBox | None,
    found_region: BBox | None,
) -> Crossing:
    """Place a junction with the first backend that can, else say why each could not."""
    reasons: list[str] = []
    for backend in online:
        crossing = place_crossing(
            *pair, gazetteer, backend, region or backend.region or found_region
        )
        if crossing.place is not None:
            return crossing
        reasons.append(crossing.reason)
    return Crossing(None, "; ".join(dict.fromkeys(reasons)))
