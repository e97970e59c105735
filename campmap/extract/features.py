"""The features of a place mention: what stands around it in its sentence, list and report.

For the ``i``-th candidate place of a sentence, :func:`features` tells whether
it is after a locative word in a sentence about cameras, the first place of a
list item, an organisation, the town the place before it is in, and the rest
of the :class:`~campmap.extract.decide.Features` that
:func:`~campmap.extract.decide.decide` weighs into a role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from campmap.extract import frames
from campmap.extract.cues import MOVED_FROM, RELOCATED, TO, WINDOW
from campmap.extract.decide import WEIGHTS, Decision, Features
from campmap.extract.frames import FRAMING, INCIDENT_AT, MADE_BY, MEETING_AT, ends_with
from campmap.extract.layout import Setting
from campmap.extract.lists import (
    COMMA_GAP,
    FILLERS,
    GETS,
    districts_listed,
    listed_after_note,
    listed_with,
    locality,
    names_to_end,
    shares_gets,
)
from campmap.extract.places import PlaceHit
from campmap.extract.qualified import road_at_place
from campmap.records import Role

__all__ = ["features"]

_WORD = re.compile(r"[\w'-]+|[^\w\s]")
_LOCATIVES = frozenset(
    "at on along alongside above over overlooking overlook overlooks towards toward facing "
    "face faces by near outside opposite beside in into inside within around across covering "
    "cover covers watching watch watches lining line lines throughout beneath under atop past "
    "off through outside where including include includes between".split()
)
_QUALIFIER_GAP = re.compile(
    r"^\s+(?:entrance|entrances|gate|gates|side|end|corner|edge|exit|approach)\s+(?:to|of|into)\s+"
    r"(?:the\s+)?$",
)
_ADDRESS_GAP = re.compile(r"^\s*,?\s+(?:on|in|off)\s+(?:the\s+)?$")
_NEGATED = re.compile(r"\b(?:no|not|never|none|nor|without)\b[^,;]*$")
_QUALIFIED = re.compile(
    r"\b(?:(?:just\s+|directly\s+|immediately\s+)?(?:north|south|east|west)\s+of|next\s+to|"
    r"close\s+to|in\s+front\s+of|a\s+few\s+yards\s+from)\s+(?:the\s+)?$",
)
_SENT_TO = re.compile(
    r"\b(?:(?:taken|moved|relocated|transferred)|(?:added|extended|expanded|brought)"
    r"(?:\s+[\w'-]+){0,2}?)\s+to\s+"
    r"(?:the\s+)?$",
)
_DESTINED = re.compile(
    r"\b(?:planned|proposed|earmarked|destined|bound|intended|approved|scheme|plans?|project|"
    r"bid|proposals?|funding|money)\s+for\s+(?:the\s+)?$",
)
_APPOSITIVE = re.compile(
    r"^\s*,\s+(?:an?|the)\s+(?:[\w'-]+\s+){0,3}?(?:on|in|off|near|behind)\s+(?:the\s+)?$",
)
_LIST_INTRO = re.compile(r":\s*(?:[-*\u2022]\s*)?(?:the\s+)?$")
_ITEM_GAP = re.compile(r"^[\s\-*\u2022\u00b7\u2013\d.)]*(?:the\s+)?$")
_NEAR_GAP = re.compile(
    r"^\s*,?\s+(?:near|by|close\s+to|next\s+to|opposite|outside|beside)\s+(?:the\s+)?$",
)
_LABEL = re.compile(
    r"^(?:\s*,\s*[a-z][\w'-]*(?:\s+[a-z][\w'-]*)*)?\s*(?::|\s[\u2013\u2014-])\s+"
    r"(?:[\w-]+\s+){0,3}?(?:cameras?|cctv|anpr)\b",
)
_MOVED_TO = re.compile(
    r"^\s+and\s+(?:were\s+|was\s+|been\s+)?(?:moved|relocated|transferred|shifted|taken|put\s+up)"
    r"\s+(?:\w+\s+){0,2}?to\s+(?:the\s+)?$",
)
_ORGANISATION = re.compile(
    r"^\s+(?:(?:city|borough|county|district|town|parish)\s+)?(?:council|councillors?|police|"
    r"constabulary|mayor|mps?|residents|officials|spokesman|spokeswoman|spokesperson)\b",
)
_ORGANISATION_APPOSITIVE = re.compile(
    r"^\s*,\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:organi[sz]ation|company|firm|charity|group|"
    r"body|agency|trust|association|network|partnership|contractor|supplier|provider|"
    r"newspaper|outlet|website|business|maker|manufacturer)\b"
    r"(?!\s+(?:said|says|told|added|announced|confirmed|stated)\b)",
)
"""``X, the company that ...``: X is an organisation (not ``X, the partnership said``)."""
_CONTEXT_KINDS = frozenset("town city village borough county region country".split())
_PLACE_SHAPES = frozenset({"street", "facility", "road", "block", "junction", "area"})
_INCIDENT = re.compile(
    r"\b(?:shot|shooting|stabbed|stabbing|killed|murder(?:ed)?|crash(?:ed)?|collision|robbed|"
    r"robbery|attack(?:ed)?|arrested|fire|blaze|accident)\b",
)
_IN_GAP = re.compile(r"^\s*,?\s+in\s+(?:the\s+)?$")
_STREET_SHAPES = frozenset({"street", "road"})
_SPEAKER_AFTER = re.compile(
    r"^\s*(?:,\s*)?(?:said|says|told|added|explained|noted|stated|insisted|argued|warned|"
    r"believes|thinks|wrote|asked|replied|confirmed|claimed)\b|^\s*,\s+(?:who|whose)\b|^['\u2019]s\s+(?:wife|husband|son|daughter|office|spokes)",
)
_SPEAKER_BEFORE = re.compile(r"\b(?:said|says|according\s+to|told)\s+$")
_OWNED = frozenset({"street", "road", "facility", "area", "junction", "block"})
_POSSESSIVE_GAP = re.compile(r"^['\u2019]s?\s+(?:new\s+|main\s+|busy\s+)?$")
_TOPIC_JUNCTION = frozenset({"junction"})
_EXAMPLES = re.compile(
    r"\b(?:areas?|places?|locations?|sites?|spots?|points?|junctions?|intersections?|roads?|"
    r"streets?|towns?|suburbs?|districts?|neighbou?rhoods?|villages?|centres?|centers?)\s+"
    r"(?:like|such\s+as|including|include|namely|in)\s*:?\s*(?:the\s+)?$"
)
_NUMBERED_IN = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|a\s+few|a\s+number\s+of)\s+"
    r"(?:\w+\s+)?(?:points?|sites?|locations?|places?|spots?|intersections?|junctions?|streets?|"
    r"roads?|areas?|positions?)\s+(?:in|across|around|throughout)\s+(?:the\s+)?$"
)
_SPREAD = re.compile(r"\b(?:across|throughout|all\s+over|around)\s+(?:the\s+)?$")
_CAMERAS_FOR = re.compile(
    r"\b(?:cameras?|cctv|anpr|readers?)\s+for\s+(?:the\s+)?$|"
    r"\b(?:sites?|locations?|points?|spots?)\b[^.;]{0,40}\b(?:is|are|will\s+be|would\s+be)"
    r"\s*[:\u2013\u2014-]?\s*(?:the\s+)?$"
)
"""``speed cameras for the N3``, ``the next site will be X``."""
_NAMED_SITES = re.compile(
    r"\b(?:entrances?|locations?|sites?|intersections?|junctions?|crossings?|roundabouts?|"
    r"points?|spots?|gates?)(?:\s+(?:in|across|around|throughout|within)\s+(?:the\s+)?[\w'-]+"
    r"(?:\s+[\w'-]+)?)?(?:\s*[,:\u2013\u2014]|\s+-)\s*(?:namely\s+|including\s+|the\s+)?$"
)
"""``at two of our entrances, X and Y``, ``in three locations in the state - X``: the places
named after a word for sites."""
_CAMERA_LABEL = re.compile(r"\bcameras?\s*(?:no\.?\s*|number\s+|#\s*|id\s+)?\d{1,6}\s*$")
_NARROWS_PREVIOUS = re.compile(
    r"^\s*,?\s+(?:between|(?:just\s+)?(?:north|south|east|west)\s+of|before|after|past|beyond)\s+(?:the\s+)?$"
)
_NARROWS_NEXT = re.compile(
    r"^\s+(?:junctions?|intersections?|corners?|crossings?|ends?)\s+(?:on|of|along)\s+(?:the\s+)?$"
)
_AND_GAP = re.compile(r"^\s+and\s+(?:the\s+)?$", re.IGNORECASE)


def features(
    text: str,
    low: str,
    hits: list[PlaceHit],
    i: int,
    decided: list[Decision],
    setting: Setting,
    about_cameras: bool,
    route_end: bool,
) -> Features:
    """Work out the features of the ``i``-th candidate of a sentence.

    Parameters
    ----------
    text, low : str
        The sentence, and the sentence lower-cased.
    hits : list of PlaceHit
        Its candidate places, in text order.
    i : int
        The candidate to work out.
    decided : list of Decision
        The decisions on the candidates before it.
    setting : Setting
        Where the sentence stands in its report.
    about_cameras : bool
        The sentence is about cameras.
    route_end : bool
        The candidate is an end of a route (:func:`campmap.extract.routes.route_pairs`).

    Returns
    -------
    Features
    """
    around = _around(low, hits, i, decided)
    hit, gap, window, after = around.hit, around.gap, around.window, around.after
    kind = hit.places[0].kind if hit.places else None
    return Features(
        camera_sentence=about_cameras,
        locative=about_cameras and _locative(around),
        list_item=setting.item and around.previous is None and bool(_ITEM_GAP.match(gap)),
        listed_with_site=listed_after_note(low, hits, i, decided)
        or listed_with(
            around.gap,
            around.previous is not None,
            around.previous_site,
            about_cameras
            and i > 0
            and decided[i - 1].reason == WEIGHTS["region"][1]
            and not _SPREAD.search(low, max(0, hits[i - 1].start - WINDOW), hits[i - 1].start),
            lambda: _locative(_around(low, hits, i - 1, decided[: i - 1])),
        ),
        gets_cameras=about_cameras
        and bool(GETS.match(after) or _LABEL.match(after) or shares_gets(low, hits, i)),
        moved_there=_moved_there(low, hits, i, decided, about_cameras, gap),
        junction_in_camera_report=(setting.topic or about_cameras)
        and (hit.shape in _TOPIC_JUNCTION or (about_cameras and hit.shape == "block"))
        and not _incident(low),
        road_at_place=(setting.topic or about_cameras) and road_at_place(hit),
        shaped_like_place=hit.shape in _PLACE_SHAPES,
        known_place=bool(hit.places) and hit.match in {"exact", "fuzzy"},
        town=hit.match == "town" and kind != "city",
        bare_name=hit.shape == "name" and (not hit.places or hit.match == "town"),
        route_end=route_end,
        region=hit.match == "region",
        wide_area=kind in _CONTEXT_KINDS
        or bool(frames.ADMIN_AREA.search(hit.text, max(0, len(hit.text) - 16))),
        area_of_sites=(
            hit.shape == "name"
            and bool(
                (_NUMBERED_IN.search(window) and not districts_listed(low, hits, i, window))
                or _SPREAD.search(gap)
            )
        )
        or bool(frames.LOCATED_AFTER.match(after)),
        organisation=bool(
            _ORGANISATION.match(after)
            or _ORGANISATION_APPOSITIVE.match(after)
            or (hit.shape == "name" and ends_with(MADE_BY, gap))
        ),
        framing=hit.shape in ("name", "region") and ends_with(FRAMING, gap),
        narrows_previous=_narrows_next(text, hits, i) or _narrows_previous(around),
        address_of_previous=_address_of_previous(around),
        locality_of_previous=_locality_of_previous(low, hits, i, decided, around),
        owner_of_next=_owner_of_next(text, hits, i),
        negated=about_cameras and bool(_NEGATED.search(window)),
        monitoring_place=bool(frames.MONITORED.search(window) or frames.MONITOR_AFTER.match(after)),
        persons_ward=bool(frames.PARTY.search(window)),
        person=hit.shape == "name"
        and bool(_SPEAKER_AFTER.match(after) or _SPEAKER_BEFORE.search(window)),
        incident_place=(not about_cameras and _incident(low)) or ends_with(INCIDENT_AT, gap),
        meeting_place=ends_with(MEETING_AT, gap),
        not_about_cameras=not about_cameras,
    )


@dataclass(frozen=True, slots=True)
class _Around:
    """What stands around one candidate: the candidate before it and the text on each side."""

    hit: PlaceHit
    previous: PlaceHit | None
    previous_site: bool
    gap: str
    """The text since the candidate before (or the sentence's start)."""
    window: str
    """The :data:`~campmap.extract.cues.WINDOW` characters before."""
    after: str
    """The :data:`~campmap.extract.cues.WINDOW` characters after."""


def _around(low: str, hits: list[PlaceHit], i: int, decided: list[Decision]) -> _Around:
    hit = hits[i]
    previous = hits[i - 1] if i else None
    return _Around(
        hit=hit,
        previous=previous,
        previous_site=previous is not None and decided[i - 1].role is Role.SITE,
        gap=low[previous.end if previous else 0 : hit.start],
        window=low[max(0, hit.start - WINDOW) : hit.start],
        after=low[hit.end : hit.end + WINDOW],
    )


def _locative(around: _Around) -> bool:
    """Whether the words before the candidate put cameras at it (``at``, ``moved from``)."""
    gap = around.gap
    return (
        _locative_before(gap)
        or bool(MOVED_FROM.search(gap))
        or bool(_QUALIFIED.search(gap))
        or bool(_LIST_INTRO.search(gap))
        or bool(_DESTINED.search(gap))
        or ends_with(_CAMERAS_FOR, gap)
        or ends_with(_NAMED_SITES, gap)
        or frames.counted_or_stretch(gap, around.window)
        or bool(_SENT_TO.search(gap))
        or (bool(_EXAMPLES.search(gap)) and not _NUMBERED_IN.search(gap))
        or bool(_CAMERA_LABEL.search(around.window))
        or (_possessive(around.window) and bool(frames.POSSESSIVE_LOCATIVE.search(around.window)))
    )


def _possessive(window: str) -> bool:
    """Whether a window has a possessive at all (a cheap test before the pattern)."""
    return "'s " in window or "\u2019s " in window


def _narrows_previous(around: _Around) -> bool:
    """Whether the candidate only says where on the place before it (``X, near Y``)."""
    previous, gap, previous_site = around.previous, around.gap, around.previous_site
    if previous is not None and previous.shape == around.hit.shape == "junction":
        return False  # "corner of A and B, corner of C and D": two crossings
    return previous is not None and (
        bool(_QUALIFIER_GAP.match(gap))
        or (previous_site and bool(_NEAR_GAP.match(gap)))
        or (
            previous_site
            and previous.shape in _STREET_SHAPES
            and bool(_NARROWS_PREVIOUS.match(gap))
        )
        or bool(_APPOSITIVE.match(gap))
    )


def _address_of_previous(around: _Around) -> bool:
    """Whether the candidate is the street the building before it stands on."""
    previous, hit, gap = around.previous, around.hit, around.gap
    return previous is not None and (
        _is_address(previous, hit, gap)
        or (
            previous.shape == "facility"
            and hit.shape in _STREET_SHAPES
            and bool(_ADDRESS_GAP.match(gap))
        )
    )


def _locality_of_previous(
    low: str, hits: list[PlaceHit], i: int, decided: list[Decision], around: _Around
) -> bool:
    """Whether the candidate is the locality the place before it is in (``X, in Selsdon``)."""
    previous, hit, gap = around.previous, around.hit, around.gap
    return (
        (around.previous_site or locality(decided, i))
        and hit.shape == "name"
        and previous is not None
        and previous.shape != "name"
        and (
            bool(_IN_GAP.match(gap)) or (bool(COMMA_GAP.match(gap)) and names_to_end(low, hits, i))
        )
    )


def _owner_of_next(text: str, hits: list[PlaceHit], i: int) -> bool:
    """Whether the candidate owns the place after it (``Newmarket's Park Lane``)."""
    hit = hits[i]
    return (
        hit.shape == "name"
        and i + 1 < len(hits)
        and hits[i + 1].shape in _OWNED
        and bool(_POSSESSIVE_GAP.match(text[hit.end : hits[i + 1].start]))
    )


def _narrows_next(text: str, hits: list[PlaceHit], i: int) -> bool:
    """``between the A and B junctions on C``: A and B only say where on C."""
    if i + 1 >= len(hits) or hits[i].shape == hits[i + 1].shape == "junction":
        return False  # a crossing does not say where on another crossing
    if _NARROWS_NEXT.match(text[hits[i].end : hits[i + 1].start].lower()):
        return True
    return (
        i + 2 < len(hits)
        and bool(_AND_GAP.match(text[hits[i].end : hits[i + 1].start]))
        and bool(_NARROWS_NEXT.match(text[hits[i + 1].end : hits[i + 2].start].lower()))
    )


def _moved_there(
    low: str,
    hits: list[PlaceHit],
    i: int,
    decided: list[Decision],
    about_cameras: bool,
    gap: str,
) -> bool:
    if i == 0 or decided[i - 1].role is not Role.SITE:
        return False
    previous = hits[i - 1]
    before = low[max(0, previous.start - WINDOW) : previous.start]
    if MOVED_FROM.search(before) and _MOVED_TO.match(gap):
        return True
    return about_cameras and bool(RELOCATED.search(before)) and bool(TO.match(gap))


def _is_address(previous: PlaceHit, hit: PlaceHit, gap: str) -> bool:
    """Tell whether a street only gives the address of a building (``X House on Whitehall``)."""
    return (
        bool(_ADDRESS_GAP.match(gap))
        and bool(previous.places)
        and previous.places[0].place_kind == "point"
        and bool(hit.places)
        and hit.places[0].place_kind != "point"
    )


def _locative_before(gap: str) -> bool:
    """Whether the (lower-case) gap before a place ends in a locative word, fillers aside."""
    for word in reversed(_WORD.findall(gap)[-8:]):
        if word in _LOCATIVES:
            return True
        if word not in FILLERS:
            return False
    return False


@lru_cache(maxsize=32)
@lru_cache(maxsize=64)
def _incident(low: str) -> bool:
    """Whether a sentence tells of a crime or a crash (asked once per sentence, not per place)."""
    return bool(_INCIDENT.search(low))
