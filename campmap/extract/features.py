"""The features of a place mention: what stands around it in its sentence, list and report.

For the ``i``-th candidate place of a sentence, :func:`features` tells whether
it is after a locative word in a sentence about cameras, the first place of a
list item, an organisation, the town the place before it is in, and the rest
of the :class:`~campmap.extract.decide.Features` that
:func:`~campmap.extract.decide.decide` weighs into a role.
"""

from __future__ import annotations

import re
from functools import lru_cache

from campmap.extract import frames
from campmap.extract.agents import speaker
from campmap.extract.cues import WINDOW
from campmap.extract.decide import WEIGHTS, Decision, Features
from campmap.extract.frames import FRAMING, INCIDENT_AT, MADE_BY, MEETING_AT, ends_with
from campmap.extract.kinds import camera_kind
from campmap.extract.layout import Setting
from campmap.extract.lists import (
    GETS,
    districts_listed,
    listed,
    listed_after_note,
    listed_with,
    shares_gets,
    site_earlier_in_list,
)
from campmap.extract.locative import NUMBERED_IN, counted_town, locative, town_listed
from campmap.extract.neighbours import (
    Around,
    address_of_previous,
    around,
    locality_of_previous,
    moved_there,
    narrows_next,
    narrows_previous,
    owner_of_next,
)
from campmap.extract.places import PlaceHit
from campmap.extract.qualified import road_at_place
from campmap.records import Role

__all__ = ["features"]

_ITEM_GAP = re.compile(r"^[\s\-*\u2022\u00b7\u2013\d.)|]*(?:the\s+)?$")
_HEADER_GAP = re.compile(r"^\s*(?:[a-z]+\s+){1,6}$")
"""A list item's first place after a few bare words: the column names of a flattened table
(``Location Number of notices Elm Road ...``)."""
_NOT_HEADER = re.compile(
    r"\b(?:has|have|had|was|were|is|are|be|will|would|said|says|told|and|or|but|if|when|"
    r"at|on|in|by|near|to|from|into|onto|with|outside|opposite|we|they|it|he|she|i|you)\s"
)
_LABEL = re.compile(
    r"^(?:\s*,\s*[a-z][\w'-]*(?:\s+[a-z][\w'-]*)*)?\s*(?::|\s[\u2013\u2014-])\s+"
    r"(?:[\w-]+\s+){0,3}?(?:cameras?|cctv|anpr)\b",
)
_ORGANISATION = re.compile(
    r"^\s+(?:&\s+[\w'-]+\s+)?(?:(?:city|borough|county|district|town|parish)\s+)?(?:council|councillors?|police|"
    r"constabulary|mayor|mps?|residents|officials|spokesman|spokeswoman|spokesperson|"
    r"(?:business|traders'?|community)\s+association)\b",
)
_LOCAL_FUNDS = re.compile(
    r"^\s+(?:(?:business|residents'?|traders'?|community)\s+association|owners|residents|"
    r"traders|shopkeepers|businesses)\s+(?:\w+\s+){0,3}?"
    r"(?:spend(?:s|ing)?|spent|pay(?:s|ing)?|paid|fund(?:s|ing|ed)?|install(?:s|ing|ed)?|"
    r"buy(?:s|ing)?|bought|put\s+up|fitted|erected)\b[^.;]{0,50}?\b(?:cameras?|cctv)\b"
)
"""``the Upton Business Association is spending ... to install eight cameras``: in Upton;
``X Camp owners had installed cameras``: at X Camp."""
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
_EMPLOYER = re.compile(
    r"\b(?:officer|director|manager|head|chief|leader|spokes(?:man|woman|person)|clerk|"
    r"councillor|superintendent|inspector|commander|commissioner)\b[^,.;:()]{0,24}?\s+(?:at|for)\s+"
    r"(?:the\s+)?$"
)
"""``Chief Officer – Place at X``: X employs the person, it is no camera site."""
_TOPIC_JUNCTION = frozenset({"junction"})
_GENERIC_IN = re.compile(
    r"(?:\b(?:an?|one)\s+(?:[\w-]+\s+){0,2}?(?:point|site|location|place|spot|intersection|"
    r"junction|roundabout|crossing|corner|street|road)|\b"
    r"(?:points|sites|locations|places|spots|intersections|junctions|roundabouts|crossings|"
    r"corners|streets|roads))\s+(?:in|across|around|throughout)\s+(?:the\s+)?$"
)
"""``at a key junction in the X``, ``on streets in X``: X is only where the sites are."""
_UNNAMED_IN = re.compile(
    r"\b(?:undisclosed|undetermined|unnamed|unspecified|secret|yet\s+to\s+be\s+named)\s+"
    r"(?:points|sites|locations|places|spots)\s+in\s+(?:the\s+)?$"
)
"""``in undisclosed locations in X``: no finer site is given, so X is the site."""
_WIDER_AREA = re.compile(r"\s+and\s+(?:the\s+)?(?:wider|surrounding|greater)\s")
_SPREAD = re.compile(r"\b(?:across|throughout|all\s+over|around)\s+(?:the\s+)?$")
_CAMERAS_NAMED = re.compile(
    r"^(?:\s+|['\u2019]s\s+(?:first\s+|only\s+)?)(?:(?:new|speed|cctv|security|anpr|traffic|red[\s-]light|bus[\s-]lane|noise|"
    r"enforcement|surveillance|average[\s-]speed)\s+){0,2}(?:cameras?|cctv)\b"
)
"""``the Elm Road cameras``, ``the car park CCTV``, ``Elm Road's new camera``: cameras named
by their place."""
_TALLY = re.compile(
    r"\b(?:\d[\d,]*|half|most|some)\s+(?:[a-z]+\s+){0,3}?(?:out\s+of|of\s+(?:the|its|their))"
    r"\s+\d[\d,]*\b"
)
"""``98 cameras out of 177``, ``87 of the 122``: a tally of the cameras all over an area."""
_SOME_IN = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+in\s+$")
_INCLUDING = re.compile(r"[^.;]{0,60}?\bincluding\b")
_INCIDENT_REASON = WEIGHTS["incident_place"][1]
_MONITOR_REASON = WEIGHTS["monitoring_place"][1]
_AND_ALSO = re.compile(
    r"^(?:\s+[\w-]+){0,3}\s+and\s+(?:(?:at|near|in|on|by|outside|opposite)\s+)?(?:the\s+)?$"
)
"""``at the X police station and near Y``: Y shares the phrase of the place before it."""
_IN_GAP = re.compile(r"^\s*(?:,\s*|\s+in\s+(?:the\s+)?)$")


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
    about_cameras = about_cameras and not frames.camera_aside(low, hits[i].start)
    near = around(low, hits, i, decided)
    hit, gap, window, after = near.hit, near.gap, near.window, near.after
    kind = hit.places[0].kind if hit.places else None
    counted = counted_town(near)  # "490 cameras across X, 80 in Y": X has its own share
    return Features(
        camera_sentence=about_cameras,
        locative=about_cameras and locative(near),
        list_item=setting.item and near.previous is None and _item_start(gap),
        listed_with_site=_listed_with_site(low, hits, i, decided, near, about_cameras),
        gets_cameras=about_cameras and _gets_cameras(low, hits, i, after),
        moved_there=moved_there(low, hits, i, decided, about_cameras, gap),
        junction_in_camera_report=(setting.topic or about_cameras)
        and (hit.shape in _TOPIC_JUNCTION or (about_cameras and hit.shape == "block"))
        and not _incident(low),
        road_at_place=(setting.topic or about_cameras) and road_at_place(hit),
        shaped_like_place=hit.shape in _PLACE_SHAPES,
        known_place=bool(hit.places) and hit.match in {"exact", "fuzzy"},
        town=hit.match == "town" and kind != "city",
        bare_name=hit.shape == "name" and (not hit.places or hit.match == "town"),
        route_end=route_end,
        region=hit.match == "region"
        and not _toured(low, hits, i, gap, about_cameras)
        and not town_listed(near, about_cameras)
        and not (about_cameras and counted),
        wide_area=_wide_area(kind, hit, gap) and not (about_cameras and counted),
        area_of_sites=_area_of_sites(low, hits, i, near, counted),
        organisation=_organisation(hit, gap, window, after),
        framing=hit.shape in ("name", "region") and ends_with(FRAMING, window),
        narrows_previous=narrows_next(text, hits, i) or narrows_previous(near),
        address_of_previous=address_of_previous(near),
        locality_of_previous=locality_of_previous(low, hits, i, decided, near),
        owner_of_next=owner_of_next(text, hits, i),
        negated=about_cameras and frames.negated(window),
        monitoring_place=frames.monitored(window)
        or bool(frames.MONITOR_AFTER.match(after))
        # "control rooms at the X station and near Y": Y is the other control room
        or (i > 0 and decided[i - 1].reason == _MONITOR_REASON and bool(_AND_ALSO.match(gap))),
        persons_ward="(" in window and bool(frames.PARTY.search(window)),
        person=hit.shape == "name"
        and speaker(hit.text, bool(hit.places), window, text[hit.end : hit.end + WINDOW]),
        incident_place=(not about_cameras and _incident(low))
        or ends_with(INCIDENT_AT, gap)
        # "standing on X Road in Y": Y is where the incident was too
        or (i > 0 and decided[i - 1].reason == _INCIDENT_REASON and bool(_IN_GAP.match(gap)))
        # "if a theft was committed in X and the car stayed in X": the same place again
        or any(
            d.reason == _INCIDENT_REASON and h.text == hit.text
            for h, d in zip(hits[max(0, i - 6) : i], decided[max(0, i - 6) : i], strict=False)
        ),
        meeting_place=ends_with(MEETING_AT, window),  # (a capital "Speaking" may be a hit)
        not_about_cameras=not about_cameras,
    )


def _wide_area(kind: str | None, hit: PlaceHit, gap: str) -> bool:
    """Whether a place is a whole town, city, county or the like (``the City of X``)."""
    return (
        kind in _CONTEXT_KINDS or frames.admin_area(hit.text) or frames.whole_place(hit.text, gap)
    )


def _area_of_sites(low: str, hits: list[PlaceHit], i: int, near: Around, counted: bool) -> bool:
    """Whether the candidate is only the area the sites are in (``at a junction in X``).

    ``counted``: the candidate opens a list of places each with its own count
    (:func:`~campmap.extract.locative.counted_town`).
    """
    hit, gap, window = near.hit, near.gap, near.window
    if frames.LOCATED_AFTER.match(near.after):
        return True
    if hit.shape == "area":  # "around the Harbury area"
        return hit.text.lower().endswith(" area") and bool(_SPREAD.search(gap))
    if hit.shape != "name":
        return False
    if _SOME_IN.search(window) and _INCLUDING.match(low, hit.end):
        return True  # "four in X have been completed, including A, B": X holds the sites
    if _TALLY.search(low, hit.end):  # "In X, 98 cameras out of 177 are not working": a tally
        return True  # (not "3 of the 10 cameras go to X": X's share)
    if NUMBERED_IN.search(window):  # "at 18 locations in A, B and C": districts
        return not districts_listed(low, hits, i, window)
    if _UNNAMED_IN.search(window) or counted:
        return False  # (not "490 cameras across X, 80 in Y": X's own share)
    # "in X and the wider Y area": where a scheme works, not a site
    spread = bool(_SPREAD.search(gap)) and not _places_listed(low, hits, i)
    return bool(_GENERIC_IN.search(window) or spread or _WIDER_AREA.match(near.after))


def _places_listed(low: str, hits: list[PlaceHit], i: int) -> bool:
    """Whether more places are listed after it: ``around the X, Y and Z`` names the sites.

    One place after ``across`` or ``around`` is the area the sites are spread
    over; a list of named places (no city among them) is where they are.
    """
    return (
        i + 1 < len(hits)
        and hits[i + 1].match != "region"
        and hits[i].match != "region"
        and listed(low[hits[i].end : hits[i + 1].start])
    )


def _listed_with_site(
    low: str,
    hits: list[PlaceHit],
    i: int,
    decided: list[Decision],
    near: Around,
    about_cameras: bool,
) -> bool:
    """Whether the candidate is listed with a site (or after a city cameras are put at)."""
    if (
        i >= 2
        and decided[i - 2].role is Role.SITE
        and bool(_IN_TOWN.match(low, hits[i - 2].end, hits[i - 1].start))
        and bool(_AND_GAP.match(near.gap))
        and listed(near.gap)
    ):
        return True  # "A in Upton and B in Elmley": B is listed with A, past A's town
    if about_cameras and site_earlier_in_list(low, hits, i, decided):
        return True
    return listed_after_note(low, hits, i, decided) or listed_with(
        near.gap,
        near.previous is not None,
        near.previous_site,
        about_cameras
        and i > 0
        and decided[i - 1].reason == WEIGHTS["region"][1]
        and not _SPREAD.search(low, max(0, hits[i - 1].start - WINDOW), hits[i - 1].start),
        lambda: locative(around(low, hits, i - 1, decided[: i - 1])),
    )


_IN_TOWN = re.compile(r"\s*,?\s+in\s+(?:the\s+)?$")
_AND_GAP = re.compile(r"\s*,?\s+(?:and|&)\s")  # (not "A in X, Y": Y is X's county)


def _organisation(hit: PlaceHit, gap: str, window: str, after: str) -> bool:
    """Whether the candidate names an organisation (``X Council said``), not a place."""
    return bool(
        (_ORGANISATION.match(after) and not _local_funds(after))
        or (after.lstrip()[:1] == "," and _ORGANISATION_APPOSITIVE.match(after))
        or (hit.shape == "name" and ends_with(MADE_BY, gap))
        or (hit.shape == "name" and bool(_EMPLOYER.search(window)))
    )


def _gets_cameras(low: str, hits: list[PlaceHit], i: int, after: str) -> bool:
    """Whether the words after the candidate give it cameras (``will get``, ``X cameras``)."""
    return bool(
        GETS.match(after)
        or _local_funds(after)
        or (_camera_word(after) and _LABEL.match(after))
        or (
            hits[i].shape in _PLACE_SHAPES
            and _CAMERAS_NAMED.match(after)
            and camera_kind(f"{hits[i].text} cameras") is None  # not "Bus gate cameras"
        )
        or shares_gets(low, hits, i)
    )


def _local_funds(after: str) -> bool:
    """Whether a local association pays for cameras at the place (:data:`_LOCAL_FUNDS`)."""
    return _LOCAL_FUNDS.match(after) is not None


def _camera_word(text: str) -> bool:
    """Whether a text holds a camera word (every :data:`_LABEL` does: a cheap test first)."""
    return "camera" in text or "cctv" in text or "anpr" in text


def _item_start(gap: str) -> bool:
    """Whether a list item's text before its first place leaves the place first in the item."""
    return bool(_ITEM_GAP.match(gap)) or (
        bool(_HEADER_GAP.match(gap)) and not _NOT_HEADER.search(gap)
    )


_TAKEN_TO = re.compile(
    r"\b(?:taken|moved|relocated|transferred|rotated|brought)\s+(?:on\s+)?to\s+$"
)


def _toured(low: str, hits: list[PlaceHit], i: int, gap: str, about_cameras: bool) -> bool:
    """Whether a city opens a list of towns a camera is taken to: ``moved to Leeds, A and B``.

    The camera tours the towns, the city among them: a site (a city alone, or
    a list of countries, is not).
    """
    return (
        about_cameras
        and i + 1 < len(hits)
        and hits[i + 1].match != "region"
        and bool(_TAKEN_TO.search(gap))
        and listed(low[hits[i].end : hits[i + 1].start])
    )


@lru_cache(maxsize=64)
def _incident(low: str) -> bool:
    """Whether a sentence tells of a crime or a crash (asked once per sentence, not per place)."""
    return bool(_INCIDENT.search(low))
