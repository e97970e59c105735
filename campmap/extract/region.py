"""Region sense: a name several towns share resolves to the namesake near the rest of the report.

When most places in a report resolve in one area, an ambiguous name (``High
Street``, ``Station Road``) goes to its namesake nearest that area; when there
is no such area, or no namesake lies in it, the mention stays unresolved
(its candidates are listed by the layer's suggestions) rather than placed in a
far-away town.
"""

from __future__ import annotations

import dataclasses
import math
import statistics
from bisect import bisect_left
from collections.abc import Sequence

from campmap.records import Mention, Place

__all__ = ["NAMESAKE_SPREAD_M", "REGION_RADIUS_M", "settle_namesakes"]

NAMESAKE_SPREAD_M = 5_000.0
"""Candidates closer together than this are one place under several entries, not namesakes."""

REGION_RADIUS_M = 15_000.0
"""How far from the report's area a namesake may be and still be chosen."""


_EARTH_RADIUS_M = 6_371_008.8


def _distance_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine): ample for thresholds of kilometres, and fast."""
    lon1, lat1, lon2, lat2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * _EARTH_RADIUS_M * math.asin(math.sqrt(h))


def _first_backend(candidates: Sequence[Place]) -> list[Place]:
    """Keep the namesakes of the first backend (or set of peers) that knows the name.

    A user's gazetteer file, given ahead of the embedded one, decides what its names mean;
    installed regions are peers, so a street several of them have is settled by the
    report's region.
    """
    first = candidates[0].peers or candidates[0].backend
    return [p for p in candidates if (p.peers or p.backend) == first]


_AMBIGUOUS: dict[tuple[tuple[str, tuple[float, float]], ...], bool] = {}
"""Whether candidates are namesakes, by what decides it: their backends and positions."""


def _ambiguous(candidates: Sequence[Place]) -> bool:
    key = tuple((p.peers or p.backend, p.centre()) for p in candidates)
    known = _AMBIGUOUS.get(key)
    if known is None:
        first_backend = _first_backend(candidates) if candidates else []
        known = len(first_backend) >= 2 and any(
            _distance_m(first_backend[0].centre(), p.centre()) > NAMESAKE_SPREAD_M
            for p in first_backend[1:]
        )
        if len(_AMBIGUOUS) < 100_000:  # (names a run meets; bounded all the same)
            _AMBIGUOUS[key] = known
    return known


def settle_namesakes(mentions: Sequence[Mention]) -> list[Mention]:
    """Resolve each ambiguous mention to the namesake in its sentence's or report's area.

    A place named in the same sentence (``High Street in Brackwell``) decides
    first: the namesake near the closest such place in the text. Otherwise
    the area of the report decides: the median position of the places its
    unambiguous mentions (sites and context alike) resolved to.

    Parameters
    ----------
    mentions : sequence of Mention
        From one or more reports.

    Returns
    -------
    list of Mention
        The same mentions; ambiguous ones placed at their nearest namesake
        within :data:`REGION_RADIUS_M` of the area, else unresolved.
    """
    ambiguous = [
        m.place is not None and len(m.candidates) > 1 and _ambiguous(m.candidates) for m in mentions
    ]
    if not any(ambiguous):
        return list(mentions)  # (most reports: no area needs working out)
    anchors: dict[str, list[tuple[float, float]]] = {}
    in_sentence: dict[tuple[str, int], list[tuple[int, tuple[float, float]]]] = {}
    for mention, unclear in zip(mentions, ambiguous, strict=True):
        if mention.place is not None and not unclear:
            centre = mention.place.centre()
            anchors.setdefault(mention.source, []).append(centre)
            key = (mention.source, mention.sentence.index)
            in_sentence.setdefault(key, []).append((mention.start, centre))
    # Each sentence's places: offsets, in order of the text (a stable sort), and positions.
    by_offset: dict[tuple[str, int], tuple[list[int], list[tuple[float, float]]]] = {}
    for key, near in in_sentence.items():
        near.sort(key=lambda item: item[0])
        by_offset[key] = ([offset for offset, _ in near], [centre for _, centre in near])
    medians: dict[str, tuple[float, float]] = {}
    out = []
    for mention, unclear in zip(mentions, ambiguous, strict=True):
        if not unclear:
            out.append(mention)
            continue
        chosen = None
        places = by_offset.get((mention.source, mention.sentence.index))
        if places:
            area = _closest(*places, mention.start)
            chosen = _nearest(_first_backend(mention.candidates), area)
        points = anchors.get(mention.source)
        if chosen is None and points:
            if mention.source not in medians:
                medians[mention.source] = (
                    statistics.median(p[0] for p in points),
                    statistics.median(p[1] for p in points),
                )
            chosen = _nearest(_first_backend(mention.candidates), medians[mention.source])
        reason = mention.reason if chosen else f"{mention.reason}; ambiguous: no namesake near"
        out.append(dataclasses.replace(mention, place=chosen, reason=reason))
    return out


def _closest(
    starts: list[int], centres: list[tuple[float, float]], start: int
) -> tuple[float, float]:
    """Return the position of the place whose offset is closest to ``start`` (the first if tied).

    ``starts`` is sorted: a bisection, not a walk, so a sentence of many
    places takes time in proportion to them.
    """
    right = bisect_left(starts, start)
    if right < len(starts) and (right == 0 or starts[right] - start < start - starts[right - 1]):
        return centres[right]
    return centres[bisect_left(starts, starts[right - 1])]  # (the first at that offset)


def _nearest(candidates: Sequence[Place], area: tuple[float, float]) -> Place | None:
    best = min(candidates, key=lambda p: _distance_m(area, p.centre()))
    return best if _distance_m(area, best.centre()) <= REGION_RADIUS_M else None
