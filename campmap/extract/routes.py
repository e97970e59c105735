"""Routes: pairs of places a sentence names as the ends of a stretch of cameras.

``cameras along the route from A to B`` (or ``between A and B``) puts cameras
on the way between A and B, and on the street X of ``along X from A to B``.
"""

from __future__ import annotations

import re

from campmap.extract.cues import CLAUSE, TO, WINDOW
from campmap.extract.places import PlaceHit

__all__ = ["route_pairs"]

_ROUTE_WORD = re.compile(
    r"\b(?:route|along|procession|parade|path|way|stretch(?:ing)?|length|corridor|running|runs)\b",
)
_VIA_GAP = re.compile(r"^\s+(?:from|between)\s+(?:the\s+)?$")
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$")
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$")
_AND = re.compile(r"^\s+and\s+(?:the\s+)?$")


def route_pairs(low: str, hits: list[PlaceHit]) -> list[tuple[int, int, int | None]]:
    """Find ``[route|along] [X] from A to B`` (or ``between A and B``): ends, and the street X.

    ``low`` is the sentence lower-cased (see :func:`campmap.gazetteer.names.lowercase`).
    """
    pairs: list[tuple[int, int, int | None]] = []
    for i in range(len(hits) - 1):
        a, b = hits[i], hits[i + 1]
        if a.match == "region" or b.match == "region":
            continue
        before, between = low[max(0, a.start - 2 * WINDOW) : a.start], low[a.end : b.start]
        from_to = "from" in before and _FROM.search(before) and TO.match(between)
        between_and = "between" in before and _BETWEEN.search(before) and _AND.match(between)
        if (from_to or between_and) and _ROUTE_WORD.search(low, max(0, a.start - CLAUSE), a.start):
            via = None
            street = hits[i - 1] if i else None
            if (
                street is not None
                and street.places
                and street.places[0].place_kind == "line"
                and _VIA_GAP.match(low[street.end : a.start])
            ):
                via = i - 1
            pairs.append((i, i + 1, via))
    return pairs
