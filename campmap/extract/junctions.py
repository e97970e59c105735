"""Junctions and crossings: two street mentions that name one site where they meet.

``the Mill Lane junction with Church Street``, ``the junction of A and B``,
``the corner of A and B``, ``where A meets B``, ``A / B``, ``the A crossroads
with B``: the two streets become one place mention, resolved by
:meth:`campmap.gazetteer.Gazetteer.junction` to the point where they cross,
or kept as an unresolved candidate naming both streets when
either street is unknown or they do not meet.
"""

from __future__ import annotations

import re
import weakref

from campmap.extract.places import PlaceHit
from campmap.extract.scan import REACH
from campmap.gazetteer import Gazetteer
from campmap.records import Place

__all__ = ["join_junctions"]

_JUNCTION = r"(?:junction|junctions|crossroads|crossing|intersection|corner|roundabout)"
# A, then this, then B.
_GAP_AFTER_FIRST = re.compile(
    rf"^\s+{_JUNCTION}\s+(?:with|of|and)\s+(?:the\s+)?$"  # the A junction with B
    r"|^\s*(?:/|\\|&|\bx\b)\s*$"  # A / B
    r"|^\s+(?:meets|crosses|joins|meet|cross|join)\s+(?:the\s+)?$"  # where A meets B
    # A, at the corner of B
    rf"|^\s*,?\s+(?:at|on|by)\s+(?:the\s+)?{_JUNCTION}\s+(?:of|with)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# ... this, A, and/with B.
_BEFORE_FIRST = re.compile(rf"\b{_JUNCTION}\s+(?:of|between)\s+(?:the\s+)?$", re.IGNORECASE)
_GAP_AND = re.compile(r"^\s+(?:and|with|&)\s+(?:the\s+)?$", re.IGNORECASE)
_WHERE = re.compile(r"\bwhere\s+(?:the\s+)?$", re.IGNORECASE)


def _street_like(hit: PlaceHit) -> bool:
    if hit.match == "region":
        return False
    if not hit.places:
        return hit.match == "candidate"
    return any(p.place_kind == "line" for p in hit.places)


def _name(hit: PlaceHit) -> str:
    return hit.places[0].name if hit.places and hit.match == "fuzzy" else hit.text


def join_junctions(text: str, hits: list[PlaceHit], gazetteer: Gazetteer) -> list[PlaceHit]:
    """Replace each pair of street hits that names a junction with one junction hit.

    Parameters
    ----------
    text : str
        The sentence.
    hits : list of PlaceHit
        Its place hits, in order.
    gazetteer : Gazetteer
        Resolves the crossing.

    Returns
    -------
    list of PlaceHit
        The hits, with each junction pair merged into one (its text spans both
        streets as written).

    Examples
    --------
    >>> from campmap.extract.places import find_places
    >>> from campmap.gazetteer import default_gazetteer
    >>> gaz = default_gazetteer()
    >>> text = "A camera at the junction of Whitehall and Horse Guards Avenue."
    >>> [(h.text, h.places[0].name) for h in join_junctions(text, find_places(text, gaz), gaz)]
    [('Whitehall and Horse Guards Avenue', 'Horse Guards Avenue / Whitehall')]
    """
    out: list[PlaceHit] = []
    i = 0
    while i < len(hits):
        a = hits[i]
        b = hits[i + 1] if i + 1 < len(hits) else None
        if b is not None and _street_like(a) and _street_like(b):
            gap = text[a.end : b.start]
            # (Both patterns end at A and are a few words long: search only just before it.)
            before = max(0, a.start - REACH)
            if _GAP_AFTER_FIRST.match(gap) or (
                _GAP_AND.match(gap)
                and (
                    _BEFORE_FIRST.search(text, before, a.start)
                    or _WHERE.search(text, before, a.start)
                )
            ):
                out.append(_joined(text, a, b, gazetteer))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


_CROSSINGS: weakref.WeakKeyDictionary[Gazetteer, dict[tuple[str, str], Place | None]] = (
    weakref.WeakKeyDictionary()
)


def _crossing(gazetteer: Gazetteer, first: str, second: str) -> Place | None:
    """:meth:`Gazetteer.junction`, remembered per gazetteer (it projects geometries)."""
    known = _CROSSINGS.setdefault(gazetteer, {})
    if (first, second) not in known:
        known[(first, second)] = gazetteer.junction(first, second)
    return known[(first, second)]


def _joined(text: str, a: PlaceHit, b: PlaceHit, gazetteer: Gazetteer) -> PlaceHit:
    written = text[a.start : b.end]
    place = _crossing(gazetteer, _name(a), _name(b))
    if place is None:
        return PlaceHit(written, a.start, b.end, (), "candidate", 0.0)
    return PlaceHit(written, a.start, b.end, (place,), "exact", min(a.score, b.score))
