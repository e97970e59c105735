"""How a candidate place stands to its neighbours in a sentence.

:func:`around` gathers the candidate before a place and the text on each side
(:class:`Around`); the other functions tell whether a place only narrows the
one before it (``X, near Y``), is the address or locality of the one before
(``X House on Whitehall``, ``X, in Selsdon``), owns the one after
(``Newmarket's Park Lane``), or is where cameras were moved to. They are
features for :func:`campmap.extract.features.features`.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from campmap.extract.cues import TO, WINDOW, moved_from, relocated
from campmap.extract.decide import WEIGHTS, Decision
from campmap.extract.lists import COMMA_GAP, locality, names_to_end
from campmap.extract.places import PlaceHit
from campmap.records import Role

__all__ = [
    "Around",
    "address_of_previous",
    "around",
    "locality_of_previous",
    "moved_there",
    "narrows_next",
    "narrows_previous",
    "owner_of_next",
]

_QUALIFIER_GAP = re.compile(
    r"^\s+(?:entrance|entrances|gate|gates|side|end|corner|edge|exit|approach)\s+(?:to|of|into)\s+"
    r"(?:the\s+)?$",
)
_ADDRESS_GAP = re.compile(r"^\s*,?\s+(?:on|in|off)\s+(?:the\s+)?$")
_APPOSITIVE = re.compile(
    r"^\s*,\s+(?:an?|the)\s+(?:[\w'-]+\s+){0,3}?(?:on|in|off|near|behind)\s+(?:the\s+)?$",
)
_CAMERA_WORD = re.compile(r"\b(?:cameras?|cctv|anpr)\b")
"""``Unlike in X, the cameras on Y``: no apposition of X, the cameras' place."""
_NEAR_GAP = re.compile(  # "X, near Y", "X (near Y)"
    r"^\s*(?:,?\s+|\(\s*)(?:near|by|close\s+to|next\s+to|opposite|outside|beside)\s+(?:the\s+)?$",
)
_MOVED_TO = re.compile(
    r"^\s+and\s+(?:were\s+|was\s+|been\s+)?(?:moved|relocated|transferred|shifted|taken|put\s+up)"
    r"\s+(?:\w+\s+){0,2}?to\s+(?:the\s+)?$",
)
_IN_GAP = re.compile(
    r"^\s*,?\s+in\s+(?:the\s+)?(?:(?:north|south|east|west|centre|center|heart|middle|"
    r"outskirts)(?:[\s-]?(?:east|west))?(?:\s+part)?\s+of\s+(?:the\s+)?)?$"
)
"""``X, in Selsdon``, ``X, in the north of Upton``: the locality of the place before."""
_STREET_SHAPES = frozenset({"street", "road"})
_OWNED = frozenset({"street", "road", "facility", "area", "junction", "block"})
_POSSESSIVE_GAP = re.compile(r"^['\u2019]s?\s+(?:new\s+|main\s+|busy\s+)?$")
_NARROWS_PREVIOUS = re.compile(
    r"^\s*,?\s+(?:between|(?:just\s+)?(?:north|south|east|west)\s+of|before|after|past|beyond)\s+(?:the\s+)?$"
)
_OFFSET_GAP = re.compile(
    r"^\s*,?\s+(?:at\s+|about\s+|some\s+|approx(?:imately|\.)?\s+)?\d+(?:\.\d+)?\s?"
    r"(?:m|metres?|meters?|ft|feet|yards?|yds|km|kilometres?|kilometers?|miles?)\s+"
    r"(?:(?:north|south)(?:[\s-]?(?:east|west))?|east|west)(?:wards?)?\s+of\s+(?:the\s+)?$"
)
"""``X Road at 150m west of Y Street``: Y only says where on X the site is."""
_NARROWS_NEXT = re.compile(
    r"^\s+(?:junctions?|intersections?|corners?|crossings?|ends?)\s+(?:on|of|along)\s+(?:the\s+)?$"
)
_NARROWS = WEIGHTS["narrows_previous"][1]
_BETWEEN = re.compile(r"^\s*,\s+between\b")
_BETWEEN_END = re.compile(r"\bbetween\s+(?:the\s+)?$")
_SITES_OFF = re.compile(
    r"^\s*(?:these|those|the|both|all)\s+(?:[\w-]+\s+)?(?:streets|roads|sites|locations|junctions|"
    r"intersections|places)\s*,\s+(?:just\s+)?(?:off|near|close\s+to|next\s+to|beside|"
    r"behind|opposite)\s+(?:the\s+)?$"
)
_AND_GAP = re.compile(r"^\s+and\s+(?:the\s+)?$", re.IGNORECASE)
_BOUND = re.compile(r"(?:^\s+|\s)(?:north|south|east|west|in|out)bound\b")
_BOUND_AT = re.compile(
    r"^(?:\s+(?:north|south|east|west|in|out)bound)?(?:\s*\(\w+\))?\s+(?:at|near)\s+(?:the\s+)?"
    r"(?:(?:about\s+)?\d+(?:\.\d+)?\s?(?:m|km|metres?|meters?|miles?)\s+"
    r"(?:north|south|east|west)\s+of\s+(?:the\s+)?)?$"
)
"""``X northbound (NB) at Y``, ``at 2 km south of Y``: X is only the road Y's site is on."""


class Around(NamedTuple):
    """What stands around one candidate: the candidate before it and the text on each side.

    A named tuple, not a dataclass: one is made for every candidate place.
    """

    hit: PlaceHit
    previous: PlaceHit | None
    previous_site: bool
    previous_narrows: bool
    """The candidate before only says where something else is (``off the X``)."""
    gap: str
    """The text since the candidate before (or the sentence's start)."""
    window: str
    """The :data:`~campmap.extract.cues.WINDOW` characters before."""
    after: str
    """The :data:`~campmap.extract.cues.WINDOW` characters after."""


def around(low: str, hits: list[PlaceHit], i: int, decided: list[Decision]) -> Around:
    """Gather what stands around the ``i``-th candidate of a sentence (lower-cased ``low``)."""
    hit = hits[i]
    previous = hits[i - 1] if i else None
    return Around(
        hit=hit,
        previous=previous,
        previous_site=previous is not None and decided[i - 1].role is Role.SITE,
        previous_narrows=previous is not None and decided[i - 1].reason == _NARROWS,
        gap=low[previous.end if previous else 0 : hit.start],
        window=low[max(0, hit.start - WINDOW) : hit.start],
        after=low[hit.end : hit.end + WINDOW],
    )


def narrows_previous(around: Around) -> bool:
    """Whether the candidate only says where on the place before it (``X, near Y``)."""
    previous, gap, previous_site = around.previous, around.gap, around.previous_site
    if previous is None:
        return bool(_SITES_OFF.match(gap))  # "These streets, off the X": the sites named before
    if previous is not None and previous.shape == around.hit.shape == "junction":
        return False  # "corner of A and B, corner of C and D": two crossings
    return previous is not None and (
        bool(_QUALIFIER_GAP.match(gap))
        or bool(_OFFSET_GAP.match(gap))
        or ((previous_site or around.previous_narrows) and bool(_NEAR_GAP.match(gap)))
        or (
            (previous_site or bool(_BETWEEN.match(gap)))
            and previous.shape in _STREET_SHAPES
            and bool(_NARROWS_PREVIOUS.match(gap))
        )
        # "X Road, between A and B": B bounds the stretch too
        or (around.previous_narrows and bool(_AND_GAP.match(gap)) and _between(around))
        or (bool(_APPOSITIVE.match(gap)) and not _CAMERA_WORD.search(gap))
    )


def _between(around: Around) -> bool:
    """Whether the words before the candidate before it end in ``between``."""
    if around.previous is None:
        return False
    start = len(around.window) - (around.hit.start - around.previous.start)
    return start > 0 and bool(_BETWEEN_END.search(around.window, 0, start))


def address_of_previous(around: Around) -> bool:
    """Whether the candidate is the street the building before it stands on."""
    previous, hit, gap = around.previous, around.hit, around.gap
    return previous is not None and (
        _is_address(previous, hit, gap)
        # "the crossing of A and B, on the C bypass": C is one of the two, by its route name
        or (
            previous.shape == "junction"
            and hit.shape in _STREET_SHAPES
            and bool(_COMMA_ON.match(gap))
        )
        or (
            previous.shape == "facility"
            and hit.shape in _STREET_SHAPES
            and bool(_ADDRESS_GAP.match(gap))
        )
    )


def locality_of_previous(
    low: str, hits: list[PlaceHit], i: int, decided: list[Decision], around: Around
) -> bool:
    """Whether the candidate is the locality the place before it is in (``X, in Selsdon``)."""
    previous, hit, gap = around.previous, around.hit, around.gap
    if previous is None or not (around.previous_site or locality(decided, i)):
        return False
    if hit.shape == "name" and previous.shape != "name":
        return bool(_IN_GAP.match(gap)) or (
            bool(COMMA_GAP.match(gap)) and names_to_end(low, hits, i)
        )
    # "La Salle Greenhills in Upton City": a known town after an unknown name in it;
    # "Elm Road in Hervey Bay": a town named like a feature after a street or landmark
    return bool(_IN_GAP.match(gap)) and (
        (hit.shape == "name" and hit.match == "town" and previous.match not in _WIDE_MATCHES)
        # "Ash Road in Westminster": a district the gazetteer knows
        or (hit.match == "exact" and hit.shape in _DISTRICTS and previous.shape in _IN_A_TOWN)
        or (
            hit.shape == "facility"
            and previous.shape in _IN_A_TOWN
            # (a crossing of two streets is in a district, never in a building or park)
            and (
                previous.shape == "junction"
                or hit.text.rsplit(None, 1)[-1].lower() in _TOWN_LIKE_ENDS
            )
        )
    )


_WIDE_MATCHES = frozenset({"town", "region"})
_IN_A_TOWN = frozenset({"street", "road", "junction", "block", "facility"})
_DISTRICTS = frozenset("district suburb neighbourhood borough ward town village locality".split())
_COMMA_ON = re.compile(r"^\s*,\s+on\s+(?:the\s+)?$")
_TOWN_LIKE_ENDS = frozenset({"bay", "beach", "heights", "springs", "falls", "harbour", "harbor"})
"""Last words of facility-shaped names that are often towns (``Hervey Bay``, ``Palm Springs``)."""


def owner_of_next(text: str, hits: list[PlaceHit], i: int) -> bool:
    """Whether the candidate owns the place after it (``Newmarket's Park Lane``)."""
    hit = hits[i]
    return (
        hit.shape == "name"
        and i + 1 < len(hits)
        and hits[i + 1].shape in _OWNED
        and bool(_POSSESSIVE_GAP.match(text[hit.end : hits[i + 1].start]))
    )


def narrows_next(text: str, hits: list[PlaceHit], i: int) -> bool:
    """``between the A and B junctions on C``: A and B only say where on C."""
    if i + 1 >= len(hits) or hits[i].shape == hits[i + 1].shape == "junction":
        return False  # a crossing does not say where on another crossing
    if _BOUND_AT.match(text[hits[i].end : hits[i + 1].start].lower()) and (
        _BOUND.search(hits[i].text.lower()) or _BOUND.match(text[hits[i].end :].lower())
    ):
        return True  # "the A1 northbound at Elm Bridge": the site is at Elm Bridge, on the A1
    if _NARROWS_NEXT.match(text[hits[i].end : hits[i + 1].start].lower()):
        return True
    return (
        i + 2 < len(hits)
        and bool(_AND_GAP.match(text[hits[i].end : hits[i + 1].start]))
        and bool(_NARROWS_NEXT.match(text[hits[i + 1].end : hits[i + 2].start].lower()))
    )


def moved_there(
    low: str,
    hits: list[PlaceHit],
    i: int,
    decided: list[Decision],
    about_cameras: bool,
    gap: str,
) -> bool:
    """Whether cameras at the site before were moved to the candidate (``X ... moved to Y``)."""
    if i == 0 or decided[i - 1].role is not Role.SITE:
        return False
    previous = hits[i - 1]
    before = low[max(0, previous.start - WINDOW) : previous.start]
    if moved_from(before) and _MOVED_TO.match(gap):
        return True
    return about_cameras and relocated(before) and bool(TO.match(gap))


def _is_address(previous: PlaceHit, hit: PlaceHit, gap: str) -> bool:
    """Tell whether a street only gives the address of a building (``X House on Whitehall``)."""
    return (
        bool(_ADDRESS_GAP.match(gap))
        and bool(previous.places)
        and previous.places[0].place_kind == "point"
        and bool(hit.places)
        and hit.places[0].place_kind != "point"
    )
