"""Junctions and crossings: two street mentions that name one site where they meet.

The grammar (which words and gaps make a junction) is
:mod:`campmap.gazetteer.junctions`, shared with names looked up; this module
decides, for two neighbouring mentions in a sentence, whether they are joined.

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
from campmap.gazetteer import Gazetteer
from campmap.gazetteer.junctions import (
    AT_BEFORE,
    BEFORE_FIRST,
    GAP_AFTER_FIRST,
    GAP_AND,
    GAP_AT,
    PLURAL_CROSSINGS,
    SHARED_HEAD,
    WHERE_BEFORE,
)
from campmap.records import Place

__all__ = ["join_junctions"]

_NAMES = frozenset({"region", "town"})
_NEXT_CROSSING = re.compile(r"\b(?:intersection|corner|junction|crossing)\s+of\b", re.IGNORECASE)
_STREETS = frozenset({"street", "road", "block"})
_STRETCH_BETWEEN = re.compile(
    r"\b(?:stretch|section|length|segment|portion|part|corridor|route|distance)\s+"
    r"(?:of\s+(?:the\s+)?[\w'-]+\s+)?between\s+(?:the\s+)?$",
    re.IGNORECASE,
)
"""``the stretch between A and B``: where a stretch ends, not the streets of a crossing."""
_BETWEEN = re.compile(r"\s*,?\s+between\s+(?:the\s+)?$", re.IGNORECASE)
_DASH_GAP = re.compile(r"^\s+[-\u2013\u2014]\s+$")
_ITEM_BEFORE = re.compile(r"^\s*(?:[-*\u2022\u00b7\u25aa\u25cf]|\d{1,3}[.)])?\s*$")
_ITEM_AFTER = re.compile(r"\s*(?:\([^()]{0,60}\))?\s*[.;,]?\s*$")
"""A line that holds only ``A – B`` (a bullet before, a district in brackets after)."""
_AT_TARGETS = frozenset({"street", "road", "facility", "block"})


def _street_like(hit: PlaceHit) -> bool:
    if hit.match == "region":
        return False
    if not hit.places:
        return hit.match == "candidate"
    return any(p.place_kind == "line" for p in hit.places)


def _shaped(hit: PlaceHit) -> bool:
    """Whether a hit is written like a street, road or building (not a bare name)."""
    return (
        hit.shape in _AT_TARGETS
        or hit.shape == "junction"
        or (bool(hit.places) and hit.places[0].place_kind == "line")
    )


_LEAD_ENDS = ("of", "between", "at", "the")
"""The last words of every :data:`~campmap.gazetteer.junctions.BEFORE_FIRST` match."""


def _led(text: str, start: int) -> bool:
    """Whether the words before a first street say it is one of two that meet (BEFORE_FIRST).

    A cheap test first: the 40 characters before end in one of the lead's last
    words and white space (on ASCII text; IGNORECASE folds a few other letters).
    """
    window = text[max(0, start - 40) : start]
    tail = window.rstrip()
    if window.isascii() and (len(tail) == len(window) or not tail.lower().endswith(_LEAD_ENDS)):
        return False
    return BEFORE_FIRST.search(text, max(0, start - 40), start) is not None


def _joins(text: str, a: PlaceHit, b: PlaceHit, crossings: bool, report: bool) -> bool:
    """Whether two neighbouring hits name one crossing (see the module docstring)."""
    gap = text[a.end : b.start]
    if (
        _DASH_GAP.match(gap)
        and _ITEM_BEFORE.match(text[: a.start])
        and _ITEM_AFTER.match(text, b.end)
    ):
        return True  # a list item "- Aurora – Gilmore (Cubao)": the two roads where they meet
    if a.shape == "junction" and _NEXT_CROSSING.search(gap):
        return False  # "corner of A and B Streets intersection of C and D": two crossings
    if GAP_AND.match(gap) and SHARED_HEAD.search(b.text):
        return True  # "Broughton and Allman Streets": two streets, one word for both
    explicit = _led(text, a.start)
    lenient = explicit or crossings
    if not (_street_like(a) or (lenient and a.match in _NAMES)) or not (
        _street_like(b) or (lenient and b.match in _NAMES)
    ):
        return False
    if GAP_AFTER_FIRST.match(gap):
        return crossings or _shaped(a) or _shaped(b)
    if GAP_AND.match(gap):
        if PLURAL_CROSSINGS.match(text, b.end):
            return False  # "between the A and B junctions": two crossings, not one
        before = text[: a.start]
        if _STRETCH_BETWEEN.search(before, max(0, a.start - 40)):
            return False  # "the stretch between A and B": the two ends of a stretch
        return bool(
            explicit
            or WHERE_BEFORE.search(before, max(0, a.start - 20))
            or (crossings and (a.shape in _STREETS or a.shape == "name") and b.shape != "facility")
            or (report and a.shape in _STREETS and b.shape in _STREETS)
            # at A and B: one can only be at two roads where they meet
            or (
                a.shape in _STREETS
                and b.shape in _STREETS
                and bool(AT_BEFORE.search(before, max(0, a.start - 8)))
            )
        )
    if crossings and GAP_AT.match(gap) and a.shape in _STREETS and b.shape in ("name", "street"):
        return True  # a list of crossings: "Mill Road at Ninth"
    # Poplar Hill Road at Malcolm Elementary School: a street, at a place on it.
    return (
        bool(GAP_AT.match(gap))
        and a.match == "candidate"
        and a.shape in _STREETS
        and (b.shape in _AT_TARGETS and not b.places)
    )


def _limits(text: str, road: PlaceHit, first: PlaceHit) -> bool:
    """Whether ``first`` opens the ``between A and B`` that bounds a stretch of ``road``."""
    return road.shape in _STREETS and bool(_BETWEEN.match(text, road.end, first.start))


_COMMA = re.compile(r"\s*,\s*(?:the\s+)?$")


def _ends_list(text: str, out: list[PlaceHit], hit: PlaceHit) -> bool:
    """Whether ``B and C`` ends a list of streets, ``along A, B and C``: three streets, no crossing.

    (``A and B, C and D`` lists two crossings: the first pair is joined already.)
    """
    if len(out) < 2 or not GAP_AND.match(text[out[-1].end : hit.start]):
        return False
    first, second = out[-2], out[-1]
    return (
        first.shape in _STREETS
        and second.shape in _STREETS
        and bool(_COMMA.match(text, first.end, second.start))
        and not BEFORE_FIRST.search(text, max(0, first.start - 40), first.start)
    )


def _name(hit: PlaceHit) -> str:
    return hit.places[0].name if hit.places and hit.match == "fuzzy" else hit.text


def join_junctions(
    text: str,
    hits: list[PlaceHit],
    gazetteer: Gazetteer,
    *,
    crossings: bool = False,
    report: bool = False,
) -> list[PlaceHit]:
    """Replace each pair of street hits that names a junction with one junction hit.

    Parameters
    ----------
    text : str
        The sentence.
    hits : list of PlaceHit
        Its place hits, in order.
    gazetteer : Gazetteer
        Resolves the crossing.
    crossings : bool
        The sentence (or the list it belongs to) speaks of junctions or
        intersections, so ``A and B`` names one too.
    report : bool
        Some sentence of the report does: ``A St. and B Rd.`` (two street names)
        is a crossing.

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
    for hit in hits:
        if len(out) >= 2 and _limits(text, out[-2], out[-1]):
            out.append(hit)  # "Mill Road, between A and B": where a stretch of road ends
        elif (
            out and _joins(text, out[-1], hit, crossings, report) and not _ends_list(text, out, hit)
        ):
            out[-1] = _joined(text, out[-1], hit, gazetteer)
        else:
            out.append(hit)
    return out


_CROSSINGS: weakref.WeakKeyDictionary[Gazetteer, dict[tuple[str, str], Place | None]] = (
    weakref.WeakKeyDictionary()
)


def _crossing(gazetteer: Gazetteer, first: str, second: str) -> Place | None:
    """:meth:`Gazetteer.junction` offline, remembered per gazetteer (it projects geometries)."""
    known = _CROSSINGS.setdefault(gazetteer, {})
    if (first, second) not in known:
        # Offline only: geocoded streets are points; online junctions are placed from
        # their lines after extraction (campmap.gazetteer.online).
        known[(first, second)] = gazetteer.junction(first, second, online=False)
    return known[(first, second)]


def _joined(text: str, a: PlaceHit, b: PlaceHit, gazetteer: Gazetteer) -> PlaceHit:
    written = text[a.start : b.end]
    place = _crossing(gazetteer, _name(a), _name(b))
    if place is None:
        return PlaceHit(written, a.start, b.end, (), "candidate", 0.0, "junction")
    return PlaceHit(written, a.start, b.end, (place,), "exact", min(a.score, b.score), "junction")
