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

from campmap.extract.cues import MOVED_FROM, RELOCATED, TO, WINDOW
from campmap.extract.decide import WEIGHTS, Decision, Features
from campmap.extract.layout import Setting
from campmap.extract.places import PlaceHit
from campmap.records import Role

__all__ = ["features"]

_WORD = re.compile(r"[\w'-]+|[^\w\s]")
_LOCATIVES = frozenset(
    "at on along alongside above over overlooking overlook overlooks towards toward facing "
    "face faces by near outside opposite beside in into inside within around across covering "
    "cover covers watching watch watches lining line lines throughout beneath under atop past "
    "off through outside where including include includes between".split()
)
_FILLERS = frozenset(
    "the a an parts part of some all both area areas section sections stretch stretches length "
    "edge end side corner its their many much main whole upper lower north south east west "
    "northern southern eastern western far front top base foot gate gates entrance entrances "
    "approach approaches steps junction junctions just spot point corner crossroads precinct "
    "precincts vicinity heart middle centre center immediate surrounding surroundings "
    "neighbouring neighboring nearby adjacent adjoining old former".split()
)
_LIST_GAP = re.compile(
    r"^\s*(?:,?\s*followed\s+by\s+|,\s*(?:and\s+|or\s+|as\s+well\s+as\s+)?|\s+(?:and|or|as\s+well\s+as|plus)\s+|;\s*(?:and\s+)?)"
    r"(?P<rest>.*)$",
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
    r"\b(?:taken|moved|relocated|transferred)\s+to\s+"
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
_GETS = re.compile(
    r"^\s+(?:will\s+(?:get|receive|have)|to\s+(?:get|receive|have)\s+(?:\w+\s+){0,5}?(?:cameras?|cctv)\b|is\s+(?:getting|to\s+get|receiving)|gets|receives|"
    r"(?:now\s+|already\s+)?(?:has|have)\s+(?:\w+\s+){0,3}?(?:cameras?|cctv)\b|"
    r"(?:now\s+|only\s+|just\s+)?(?:has|have)\s+(?:\d+|an?\s+dozen|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty)(?=\s*[.,;]|\s*$)|"
    r"has\s+(?:got|received|been\s+given)|"
    r"(?:will|would|is\s+to|are\s+to)\s+(?:also\s+)?see\s+(?:\w+\s+){0,4}?(?:cameras?|cctv)|"
    r"(?:is|are)\s+(?:also\s+)?(?:set|due|expected|planned)\s+to\s+(?:get|receive|have|feature|see)|"
    r"(?:will|to)\s+(?:also\s+)?feature\s+(?:\w+\s+){0,4}?(?:cameras?|cctv))\b",
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
    r"newspaper|outlet|website|business|maker|manufacturer)\b",
)
_MADE_BY = re.compile(
    r"\b(?:made|manufactured|supplied|built|produced|provided|sold|developed|designed|"
    r"funded|paid\s+for|commissioned|\d+\s*%|per\s*cent|percent)\s+by\s+(?:the\s+)?$"
)
"""``made by X``, ``a plan produced by X``: X is a maker or a body, not a place."""
_FRAMING = re.compile(
    r"\b(?:(?:police|officers|detectives|council|councillors|officials|authorities|residents|"
    r"people|drivers|motorists|businesses|traders|shoppers|families|communities)"
    r"\s+(?:in|from|of|across|around)|here\s+in|(?:lives?|lived|living|grew\s+up)"
    r"\s+in)\s+(?:the\s+)?$"
)
"""``Police in X``, ``here in X``: the place whose people the story is about."""
_CONTEXT_KINDS = frozenset("town city village borough county region country".split())
_PLACE_SHAPES = frozenset({"street", "facility", "road", "block", "junction", "area"})
_INCIDENT = re.compile(
    r"\b(?:shot|shooting|stabbed|stabbing|killed|murder(?:ed)?|crash(?:ed)?|collision|robbed|"
    r"robbery|attack(?:ed)?|arrested|fire|blaze|accident)\b",
)
_INCIDENT_AT = re.compile(
    r"\b(?:shot|stabbed|killed|murdered|attacked|robbed|assaulted|mugged|injured|hurt|burgled|"
    r"crashed|died|arrested|found\s+dead)\b(?:\s+[\w'-]+){0,4}?\s+(?:on|in|at|near|outside|"
    r"along)\s+(?:the\s+)?$"
)
"""``a man was stabbed on X``: where an incident happened, even beside camera words."""
_MEETING_AT = re.compile(
    r"\b(?:meet(?:s|ing|ings)?|met|held|convened|sat|sitting|session|hearing|speaking|spoke|"
    r"addressed|presentation|presented|briefing)\s+(?:[\w'-]+\s+){0,2}?(?:at|in|inside)\s+"
    r"(?:the\s+)?$"
)
"""``councillors meeting at X Town Hall``: where people met, not where cameras go."""
_MONITORED = re.compile(
    r"\b(?:monitored|watched|operated|managed|controlled|run|viewed|streamed|fed|beamed)\s+"
    r"(?:\w+\s+){0,3}?(?:from|at|by|back\s+to|to)\s+(?:the\s+)?(?:\w+\s+){0,4}$|"
    r"\b(?:control\s+rooms?|monitoring\s+(?:centre|center|room|unit|station)s?|"
    r"operators?|headquarters|hq)\s+(?:\w+\s+){0,2}?(?:in|at|on|located\s+in|based\s+in)\s+(?:the\s+)?$",
)
_MONITOR_AFTER = re.compile(
    r"^\s*(?:'s\s+)?(?:\(\w+\)\s+)?(?:control\s+rooms?|monitoring\s+(?:centre|center|room|unit)s?|"
    r"headquarters|hq|offices?|cctv\s+(?:control|monitoring|centre|center|room|unit)|centre\b)",
)
_PARTY = re.compile(
    r"\(\s*(?:labour|conservative|tory|lib\s+dem|liberal\s+democrats?|green|independent|reform|"
    r"snp|plaid(?:\s+cymru)?|democrat|republican|d|r|lab|con|ld|ind)\s*,\s*$",
)
_IN_GAP = re.compile(r"^\s*,?\s+in\s+(?:the\s+)?$")
_COMMA_GAP = re.compile(r"^\s*,\s*$")
_ENDS = re.compile(r"^\s*(?:[.;:!?)(\u2013\u2014-]|$|\d)")
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
_DASHES = frozenset("- \u2013 \u2014 \u2022 * \u00b7".split())
"""Bullets a list run into one sentence keeps between its items."""
_CAMERAS_FOR = re.compile(
    r"\b(?:cameras?|cctv|anpr|readers?)\s+for\s+(?:the\s+)?$|"
    r"\b(?:sites?|locations?|points?|spots?)\b[^.;]{0,40}\b(?:is|are|will\s+be|would\s+be)"
    r"\s*[:\u2013\u2014-]?\s*(?:the\s+)?$"
)
"""``speed cameras for the N3``, ``the next site will be X``."""
_NAMED_SITES = re.compile(
    r"\b(?:entrances?|locations?|sites?|intersections?|junctions?|crossings?|roundabouts?|"
    r"points?|spots?|gates?)\s*[,:\u2013\u2014]\s*(?:namely\s+|including\s+|the\s+)?$"
)
"""``at two of our entrances, X and Y``: the places named after a word for sites."""
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
        listed_with_site=(around.previous_site and _listed(gap))
        or _listed_after_note(low, hits, i, decided),
        gets_cameras=about_cameras
        and bool(_GETS.match(after) or _LABEL.match(after) or _shares_gets(low, hits, i)),
        moved_there=_moved_there(low, hits, i, decided, about_cameras, gap),
        junction_in_camera_report=(setting.topic or about_cameras)
        and hit.shape in _TOPIC_JUNCTION
        and not _incident(low),
        shaped_like_place=hit.shape in _PLACE_SHAPES,
        known_place=bool(hit.places) and hit.match in {"exact", "fuzzy"},
        town=hit.match == "town" and kind != "city",
        bare_name=hit.shape == "name" and (not hit.places or hit.match == "town"),
        route_end=route_end,
        region=hit.match == "region",
        wide_area=kind in _CONTEXT_KINDS,
        area_of_sites=hit.shape == "name"
        and bool(_NUMBERED_IN.search(window) or _SPREAD.search(gap)),
        organisation=bool(
            _ORGANISATION.match(after)
            or _ORGANISATION_APPOSITIVE.match(after)
            or (hit.shape == "name" and _ends_with(_MADE_BY, gap))
        ),
        framing=hit.shape in ("name", "region") and _ends_with(_FRAMING, gap),
        narrows_previous=_narrows_next(text, hits, i) or _narrows_previous(around),
        address_of_previous=_address_of_previous(around),
        locality_of_previous=_locality_of_previous(low, hits, i, decided, around),
        owner_of_next=_owner_of_next(text, hits, i),
        negated=about_cameras and bool(_NEGATED.search(window)),
        monitoring_place=bool(_MONITORED.search(window) or _MONITOR_AFTER.match(after)),
        persons_ward=bool(_PARTY.search(window)),
        person=hit.shape == "name"
        and bool(_SPEAKER_AFTER.match(after) or _SPEAKER_BEFORE.search(window)),
        incident_place=(not about_cameras and _incident(low)) or _ends_with(_INCIDENT_AT, gap),
        meeting_place=_ends_with(_MEETING_AT, gap),
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
        or _ends_with(_CAMERAS_FOR, gap)
        or _ends_with(_NAMED_SITES, gap)
        or bool(_SENT_TO.search(gap))
        or (bool(_EXAMPLES.search(gap)) and not _NUMBERED_IN.search(gap))
        or bool(_CAMERA_LABEL.search(around.window))
    )


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
        (around.previous_site or _locality(decided, i))
        and hit.shape == "name"
        and previous is not None
        and previous.shape != "name"
        and (
            bool(_IN_GAP.match(gap))
            or (bool(_COMMA_GAP.match(gap)) and _names_to_end(low, hits, i))
        )
    )


def _names_to_end(low: str, hits: list[PlaceHit], i: int) -> bool:
    """Tell whether the candidate starts a tail of bare names: ``X Road, Upton, Westshire.``."""
    last = hits[i]
    for hit in hits[i + 1 :]:
        gap = low[last.end : hit.start]
        if gap.lstrip().startswith("("):
            break  # "(northbound)", "(straight section)": a note, not a further place
        if hit.shape not in ("name", "region") or not _COMMA_GAP.match(gap):
            return False
        last = hit
    return bool(_ENDS.match(low[last.end : last.end + WINDOW]))


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


def _locality(decided: list[Decision], i: int) -> bool:
    """Whether the place before is itself a locality (``in Selsdon, Croydon``)."""
    return i > 0 and decided[i - 1].reason == WEIGHTS["locality_of_previous"][1]


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


def _shares_gets(low: str, hits: list[PlaceHit], i: int) -> bool:
    """Tell whether A gets the cameras of ``A and B will get cameras`` (up to five places on)."""
    for k in range(i + 1, min(len(hits), i + 6)):
        if not _listed(low[hits[k - 1].end : hits[k].start]):
            return False
        if _GETS.match(low[hits[k].end : hits[k].end + WINDOW]):
            return True
    return False


_NOTES = frozenset(
    WEIGHTS[name][1] for name in ("locality_of_previous", "narrows_previous", "address_of_previous")
)


def _listed_after_note(low: str, hits: list[PlaceHit], i: int, decided: list[Decision]) -> bool:
    """Tell whether listed with a site past a note: ``N9 (Oak Bridge), N8``, ``A in X and B``."""
    if i < 2:
        return False
    gap = low[hits[i - 1].end : hits[i].start]
    if decided[i - 1].reason in _NOTES and hits[i].shape != "name" and _listed(gap):
        # "A Road between B and C; and D Road": past the places that only said where on A
        back = i - 1
        while back > 0 and decided[back].reason in _NOTES:
            back -= 1
        return decided[back].role is Role.SITE and i - back <= 4
    if decided[i - 2].role is not Role.SITE:
        return False
    opened = low[hits[i - 2].end : hits[i - 1].start]
    return opened.strip() == "(" and gap.lstrip().startswith(")") and _listed(gap.lstrip()[1:])


def _ends_with(pattern: re.Pattern[str], gap: str, span: int = 72) -> bool:
    """Whether a pattern anchored at ``$`` matches the end of a gap (only its tail is read)."""
    return bool(pattern.search(gap, max(0, len(gap) - span)))


def _listed(gap: str) -> bool:
    match = _LIST_GAP.match(gap)
    return match is not None and all(
        w in _FILLERS or w in _DASHES for w in _WORD.findall(match.group("rest"))
    )


def _locative_before(gap: str) -> bool:
    """Whether the (lower-case) gap before a place ends in a locative word, fillers aside."""
    for word in reversed(_WORD.findall(gap)[-8:]):
        if word in _LOCATIVES:
            return True
        if word not in _FILLERS:
            return False
    return False


@lru_cache(maxsize=32)
def _incident(low: str) -> bool:
    """Whether a sentence tells of a crime or a crash (asked once per sentence, not per place)."""
    return bool(_INCIDENT.search(low))
