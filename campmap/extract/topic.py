"""Whether a sentence, and a report, speak of cameras.

A sentence that names cameras speaks of them. In a report about cameras, a
sentence also does when it tells of a deployment (``scanned``, ``the vans were
redeployed``), opens a list of sites (``Locations include ...``), gives examples of places
(``areas such as``), or refers to
the cameras (``they``, ``the system``, ``the poles``) and puts or damages them.
A report is about cameras when two of its sentences name them (or gunshot
sensors, plate readers), or one of its first three does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from campmap.extract.anyof import lower_test
from campmap.extract.counts import CAMERA_NOUN

__all__ = [
    "DAMAGED",
    "DEPLOYED",
    "SITES_OPENING",
    "camera_sentence",
    "names_cameras",
    "on_the_list",
    "report_topic",
]

DEPLOYED = re.compile(
    r"\b(?:install(?:s|ed|ing|ation)?|(?:planned|proposed|earmarked|scheduled|slated)\s+for|in\s+place\s+(?:at|in|on|along)|mount(?:s|ed|ing)?|put(?:s|ting)?|plac(?:e|es|ing)|erect(?:s|ed|ing)?|fitted|put\s+up|"
    r"set\s+up|placed|parked|posted\s+(?:at|on|along|near|outside|in)|add(?:s|ing)?\s+(?:more|new|additional|another)|located|positioned|sited|deploy(?:s|ed|ing|ment)?|activated|switched\s+on|"
    r"went\s+live|go(?:es|ing)?\s+live|debut(?:ed|s)?|rolled\s+out|roll(?:ing)?\s+out|in\s+operation|"
    r"operat(?:e|es|ing)\s+at|unveil(?:s|ed|ing)?|introduc(?:e|ed|ing)|added|implement(?:ed|ing)?|"
    r"come\s+into\s+effect|came\s+into\s+effect|keeps?\s+an\s+eye|watch(?:es|ing)?\s+over|"
    r"cover(?:s|ed|ing)?|monitor(?:s|ed|ing)?|enforce[sd]?|keeps?\s+(?:a\s+)?watch|"
    r"(?:are|is|were|was|will\s+be)\s+(?:at|on|in|near|along|outside)\b|following\s+locations|"
    r"locations?\s+(?:are|were|will\s+be|include)|sites?\s+(?:are|were|will\s+be|include))\b",
)
"""Words that put something somewhere (or say where it works)."""

_CAMERA_REFERENCE = re.compile(
    r"^(?:it|one|another|(?:the\s+)?(?:other|first|second|third|last|remaining)\s+"
    r"(?:one|two|three|four|five|six)|two|three|four|five|six)\s+(?:will|would|is|are|was|were|has|"
    r"have|had|should|could)\b|"
    r"\b(?:the\s+(?:initial\s+|first\s+|new\s+|experimental\s+|trial\s+|pilot\s+|existing\s+)?(?:system|equipment|units?|devices?|sensors?|poles?|posts?|centre|center|"
    r"network|scheme|pilot)|they|them|these|"
    r"readers?|lprs?|alprs?|flock|shotspotter|sensors?|vans?|vehicles?|lamp\s*posts?|lampposts?|poles?|"
    r"installations?|(?:recognition|surveillance|enforcement)\s+systems?)\b",
)
_DEPLOYMENT = re.compile(
    r"\b(?:deployments?|(?:mobile|speed|camera)\s+enforcement\s+sites?|redeployed|scanned|scanning|snapped|(?:be|being|is|are)\s+monitored|"
    r"(?:be|being|is|are)\s+on\s+watch|under\s+(?:constant\s+|round-the-clock\s+)?surveillance|"
    r"record(?:s|ed|ing)?\s+(?:the\s+)?(?:movements?|vehicles?|(?:number\s+|licen[cs]e\s+)?"
    r"plates?|footage|images?)|read(?:s|ing)?\s+(?:number\s+|licen[cs]e\s+)?plates|afr|lfr)\b"
)
"""In a report about cameras, a deployment, a scan or a recording is the cameras at work."""
_SYSTEMS_PLANNED = re.compile(
    r"\b(?:planning|plans?|work|contracts?|funding|money|grants?|approval|tenders?)\s+"
    r"(?:[\w'-]+\s+){0,4}?(?:for|on)\s+(?:the\s+)?(?:new\s+)?(?:systems|schemes|networks)\s+(?:in|for|at)\b"
)
"""In a report about cameras, ``planning for systems in X`` or ``work will begin on networks for
Y`` plans the cameras (the report's systems) for the places named."""
_PLACE_NOUNS = (
    r"(?:areas|places|locations|sites|spots|hot-?spots|streets|roads|avenues|highways|routes|"
    r"corridors|intersections|junctions|crossings|schools|points|zones)"
)
"""Plural words for camera sites (a fragment of the patterns below)."""
_PLACES_LIKE = re.compile(
    rf"\b(?:{_PLACE_NOUNS}|parts\s+of\s+(?:the\s+)?(?:town|city|village|borough|district))"
    r"\s+(?:such\s+as|like)\s"
)
"""In a report about cameras, ``we're looking at areas such as X`` or ``used in places like Y``
names where the cameras are or would go."""
_FOLLOWING = re.compile(rf"\bthe\s+following\s+(?:[\w-]+\s+)?{_PLACE_NOUNS}\b")
"""In a report about cameras, ``the program takes effect on the following roads``: their sites."""
_NUMBERED_SITES = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|\w+\s+new)\s+"
    rf"(?:{_PLACE_NOUNS}|projects|schemes)\b"
    r"[^.;:]{0,90}?\b(?:including|include|includes|such\s+as|namely|like)\b"
)
"""In a report about cameras, ``implemented in eight sites including X`` or ``four projects
have been completed including Y``: the cameras' sites."""
DAMAGED = re.compile(
    r"\b(?:damag(?:e|ed|ing)|vandali[sz](?:e|ed|ing)|sawn|sawed|sawing|toppled|felled|cut\s+down|"
    r"pulled\s+down|torn\s+down|destroy(?:ed|ing)?|smash(?:ed|ing)?|wreck(?:ed|ing)?|"
    r"set\s+(?:alight|on\s+fire)|spray[\s-]?painted|covered|disabled|stolen)\b",
)
"""Words that damage something (cameras, or the posts they stand on)."""

_SITES_OPENING = re.compile(
    r"^(?:(?:according\s+to|under|in|as\s+part\s+of)\b[^,.;:]{0,60},\s+)?"  # a fronted phrase
    r"(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:(?:locations|sites|route)\s*:|"
    r"(?:locations|sites|schools|junctions|intersections|crossings|streets|roads|areas|estates|"
    r"parks|villages|suburbs|neighbou?rhoods|stations)"
    r"(?:\s+(?:to|that|which|where|chosen|selected|picked|taking|earmarked|identified|proposed|"
    r"planned|shortlisted|named|listed|(?:being\s+)?(?:covered|considered|monitored))\b"
    r"[^.;:\"\u201c]{0,80}?)?"
    r"\s+(?:(?:could|may|might|would|will|should)\s+include|include|are|will\s+be)\s)"
)
"""``Locations include ...``, ``Sites: ...``, ``The first schools to join the scheme are ...``:
in a report about cameras, a sentence listing the sites (anchored at the sentence's start, so it
also tells whether a sentence's first place is one)."""
SITES_OPENING = _SITES_OPENING
_ON_THE_LIST = re.compile(
    r"\b(?:on|in)\s+the\s+(?:short)?list\s+(?:are|is|include[sd]?)\b|"
    r"^(?:the\s+)?(?:short)?list\s+(?:includes?|comprises|contains)\b|"
    r"\b(?:is|are)\s+(?:also\s+)?(?:on\s+the\s+(?:short)?list|among\s+the\s+(?:[\w-]+\s+){0,2}?"
    r"(?:sites|locations))\b"
)
"""``Among the areas on the list are X``, ``Y and Z are on the list``, ``X is among the new
sites``: in a report about cameras, the list is the cameras' (sites proposed or chosen)."""


def on_the_list(low: str) -> bool:
    """Whether a lower-case sentence puts places on the list of sites (``among the sites``).

    Examples
    --------
    >>> on_the_list("among the areas on the list are elm road and oak lane.")
    True
    >>> on_the_list("the council met on monday.")
    False
    """
    # Each alternative of the pattern holds "list" or "among": a cheap test first.
    return ("list" in low or "among" in low) and bool(_ON_THE_LIST.search(low))


names_cameras = lower_test(CAMERA_NOUN)
"""Whether a lower-cased sentence names cameras (:data:`~campmap.extract.counts.CAMERA_NOUN`)."""


def camera_sentence(low: str, topic: bool) -> bool:
    """Whether a (lower-case) sentence speaks of cameras, in a report about them or not.

    It names cameras; or, in a report about cameras (``topic``), it tells of a
    deployment or a scan, opens a list of sites (``Locations include``), or
    refers to the cameras (``they``, ``the system``) and puts or damages them.

    Examples
    --------
    >>> camera_sentence("two cameras went up on elm road.", False)
    True
    >>> camera_sentence("they were installed on elm road.", True)
    True
    >>> camera_sentence("they were installed on elm road.", False)
    False
    """
    if names_cameras(low):
        return True
    return topic and (
        bool(_DEPLOYMENT.search(low))
        or bool(_SITES_OPENING.match(low))
        or on_the_list(low)
        or bool(_SYSTEMS_PLANNED.search(low))
        or bool(_PLACES_LIKE.search(low))
        or bool(_FOLLOWING.search(low))
        or bool(_NUMBERED_SITES.search(low))
        or (
            bool(_CAMERA_REFERENCE.search(low))
            and bool(DEPLOYED.search(low) or DAMAGED.search(low))
        )
    )


_SENSOR_NOUN = re.compile(
    r"\b(?:shot\s?spotter|(?:audio|acoustic|gunshot|gunfire)\s+(?:sensors?|detectors?|"
    r"detection)|(?:licen[cs]e|number)\s+plate\s+(?:readers?|scanners?))\b"
)
"""Devices a report about them need not call cameras (gunshot sensors, plate readers)."""


def _sensor_words(low: str) -> bool:
    """Whether a sentence holds a word every :data:`_SENSOR_NOUN` holds (a cheap test first)."""
    return "spotter" in low or "audio" in low or "acoustic" in low or "gun" in low or "plate" in low


def report_topic(lows: Sequence[str], cameras: int) -> bool:
    """Whether a report is about cameras, from its (lower-case) sentences.

    ``cameras`` is how many of them name cameras.

    Examples
    --------
    >>> report_topic(["the council met.", "shotspotter sensors go up in may."], 0)
    True
    >>> report_topic(["the council met.", "roads were busy."], 0)
    False
    """
    sensors = [k for k, low in enumerate(lows) if _sensor_words(low) and _SENSOR_NOUN.search(low)]
    return (
        cameras + len(sensors) >= 2
        or any(names_cameras(low) for low in lows[:3])
        or (bool(sensors) and sensors[0] < 3)
    )
