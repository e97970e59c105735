"""Words that make a place frame the story rather than hold cameras.

``Police in X``, ``here in X``, ``made by X``, ``a man was stabbed on X`` and
``councillors meeting at X`` name places (or makers) the report is about,
not where its cameras are. Each pattern is anchored at the end of the gap
before a candidate place, and :func:`ends_with` reads only the gap's tail,
so the check stays linear in the sentence. The patterns for monitoring
places, negation, party labels, counties, a locative through a possessive and
the gaps of a list live here too, shared by the features and the lists (a
seldom-matching one behind a plain-word test: :func:`negated`, :func:`monitored`).
"""

from __future__ import annotations

import re

__all__ = [
    "ADMIN_AREA",
    "COMMA_ONLY",
    "FRAMING",
    "INCIDENT_AT",
    "LOCATED_AFTER",
    "MADE_BY",
    "MEETING_AT",
    "MONITORED",
    "MONITOR_AFTER",
    "NUMBERED_AT",
    "NUMBERED_IN_LIST",
    "PARTY",
    "POSSESSIVE_LOCATIVE",
    "YEAR_GAP",
    "admin_area",
    "camera_aside",
    "counted_or_stretch",
    "ends_with",
    "monitored",
    "negated",
    "whole_place",
]

MADE_BY = re.compile(
    r"\b(?:made|manufactured|supplied|built|produced|provided|sold|developed|designed|"
    r"funded|paid\s+for|commissioned|\d+\s*%|per\s*cent|percent)\s+by\s+(?:the\s+)?$|"
    r"\b(?:founded|co-founded|started|created|set\s+up|owned|led|run)\s+(?:[\w'-]+\s+){0,3}?by\s+$"
)
"""``made by X``, ``a plan produced by X``, ``founded in 1990 by X``: X is a maker, a body or
its founders, not a place."""
FRAMING = re.compile(
    r"\b(?:(?:police|officers|detectives|council|councillors|officials|authorities|residents|"
    r"people|drivers|motorists|businesses|traders|shoppers|families|communities)"
    r"\s+(?:in|from|of|across|around)|here\s+in|(?:lives?|lived|living|grew\s+up)"
    r"\s+in|(?:^|[,;]\s*)(?:unlike|like|as)\s+(?:in|at)|similar\s+to\s+(?:those|ones?)\s+"
    r"(?:used\s+)?(?:in|at))\s+(?:the\s+)?$"
)
"""``Police in X``, ``here in X``: the place whose people the story is about; ``Unlike in
X, ...``, ``similar to those used in X``: a place the story compares with."""
INCIDENT_AT = re.compile(
    r"\b(?:shot|stabbed|killed|murdered|attacked|robbed|assaulted|mugged|injured|hurt|burgled|"
    r"crashed|died|arrested|found\s+dead|standing|stood|walking|wandering|sitting|lying|"
    r"sleeping|loitering|begging|fighting|crying|committed|happened|occurred|took\s+place|"
    r"responded|attended)\b(?:\s+[\w'-]+){0,4}?\s+(?:on|in|at|near|outside|along)\s+(?:the\s+)?$|"
    # one crime, named as a noun: "an attempted hijacking in X", "Friday's shooting on X"
    r"\b(?:an?|the|this|that|[\w-]+['\u2019]s)\s+(?:recent\s+|attempted\s+|armed\s+|fatal\s+){0,2}"
    r"(?:hijacking|carjacking|robbery|burglary|mugging|shooting|stabbing|murder|assault|break-in)"
    r"\s+(?:on|in|at|near|outside|along)\s+(?:the\s+)?$"
)
"""``a man was stabbed on X``, ``Friday's shooting on X``: where an incident happened
(where people were), even beside camera words."""
MEETING_AT = re.compile(
    r"\b(?:meet(?:s|ing|ings)?|met|held|convened|sat|sitting|session|hearing|speaking|spoke|"
    r"addressed|presentation|presented|briefing)\s+(?:[\w'-]+\s+){0,2}?(?:at|in|inside)\s+"
    r"(?:the\s+)?$"
)
"""``councillors meeting at X Town Hall``: where people met, not where cameras go."""


COMMA_ONLY = re.compile(r"^\s*,\s*$")
YEAR_GAP = re.compile(r"^\s+in\s+(?:19|20)\d\d\b")
POSSESSIVE_LOCATIVE = re.compile(
    r"\b(?:cameras?|cctv|anpr|installed|mounted|placed|put\s+up|scanned|deployed)\b"
    r"[\w\s,-]{0,40}?\b(?:at|in|on|inside|outside|near|around)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?[\w-]+['\u2019]s\s+"
    r"(?:new\s+|main\s+|busy\s+|central\s+)?$"
)
"""``cameras in the city's Elm Gardens``: a locative through a possessive."""
ADMIN_AREA = re.compile(
    r"\s(?:County|Counties|Shire|Province|Prefecture|Governorate)$|"
    r"(?:^|\s)(?:North|South|East|West)(?:west|east)?\s+Side$"
)
"""``Harrow County``, ``the Northwest Side``: a whole county, province or side of a city, not
a camera site."""
_ADMIN_ENDS = ("County", "Counties", "Shire", "Province", "Prefecture", "Governorate", "Side")
_ADMIN_ENDS_LINE = tuple(end + "\n" for end in _ADMIN_ENDS)  # ("$" matches before a last "\n")


def admin_area(name: str) -> bool:
    """Whether a place's name ends as :data:`ADMIN_AREA` says (its last word tested first)."""
    return (name.endswith(_ADMIN_ENDS) or name.endswith(_ADMIN_ENDS_LINE)) and bool(
        ADMIN_AREA.search(name, max(0, len(name) - 16))
    )


MONITORED = re.compile(
    r"\b(?:monitored|watched|operated|managed|controlled|run(?!\s+(?:a\s+|the\s+)?red\b)|viewed|streamed|fed|beamed)\s+"
    r"(?:\w+\s+){0,3}?(?:from|at|by|back\s+to|to)\s+(?:the\s+)?(?:\w+\s+){0,4}$|"
    r"\b(?:control\s+rooms?|(?:monitoring|command|control)\s+(?:centre|center|room|unit|station)s?|"
    r"operators?|headquarters|hq)\s+(?:\w+\s+){0,2}?(?:in|at|on|located\s+in|based\s+in)\s+(?:the\s+)?$|"
    r"\b(?:to|on|with)\s+(?:the\s+)?(?:monitors|screens)\s+(?:in|at)\s+(?:the\s+)?$|"
    # "a command centre will be built in X": where the cameras will be watched from
    r"\b(?:command|control|monitoring)\s+(?:centre|center|room)s?\s+(?:will\s+be|is\s+being|"
    r"was|were|to\s+be)\s+(?:built|constructed|set\s+up|housed|located|opened)\s+(?:in|at)\s+"
    r"(?:the\s+)?$|"
    r"\b(?:footage|images|pictures|feeds?|recordings|video)\b[^.;]{0,60}?\b(?:goes|go|went|is\s+sent|"
    r"are\s+sent|sent|relayed|transmitted|passed)\s+to\s+(?:the\s+)?$",
)
MONITOR_AFTER = re.compile(
    r"^\s*(?:'s\s+)?(?:\(\w+\)\s+)?(?:control\s+rooms?|monitoring\s+(?:centre|center|room|unit)s?|"
    r"headquarters|hq|offices?|cctv\s+(?:control|monitoring|centre|center|room|unit)|centre\b)",
)
PARTY = re.compile(
    r"\(\s*(?:labour|conservative|tory|lib\s+dem|liberal\s+democrats?|green|independent|reform|"
    r"snp|plaid(?:\s+cymru)?|democrat|republican|d|r|lab|con|ld|ind)\s*,\s*$",
)


LOCATED_AFTER = re.compile(
    r"^\s+(?:are|is|were|was|will\s+be)\s+(?:located|placed|sited|positioned|mounted)\s+"
    r"(?:on|at|along|in|near)\b"
)
"""``cameras installed in X are located on A and B``: X is the area the sites are in."""

_NUMBER = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several)"
NUMBERED_AT = re.compile(
    rf"\b(?:at|in|on|across)\s+(?:the\s+|these\s+)?{_NUMBER}\s+(?:[a-z-]+\s+)?(?:markets|sites|"
    r"locations|places|spots|points|junctions|intersections|crossings|roundabouts|schools|parks|"
    r"stations|estates|villages|stops|gates|entrances|bazaars|chowks|squares)\s+(?:the\s+)?$"
)
"""``at three markets X, Y and Z``: the places named right after a counted word for sites."""
NUMBERED_IN_LIST = re.compile(r"\b(?:in|within)\s+(?:the\s+)?$")
"""``at 30 locations in A, B and C``: a list of places after "locations in" names the
districts that hold the sites (one place alone is the area they are spread over)."""

_STRETCH = (
    r"\b(?:stretch|section|length|distance|km|kms|kilomet(?:re|er)s?|miles?|metres?|meters?|"
    r"route|corridor|area|zone)\s+(?:[a-z-]+\s+)?from\s+(?:the\s+)?"
)
_STRETCH_FROM = re.compile(_STRETCH + "$")
_STRETCH_TO = re.compile(_STRETCH + r"[^.;]{1,60}?\s+(?:up\s+)?(?:to|till|until)\s+(?:the\s+)?$")
"""``on the stretch from A to B``, ``for three km from A to B``: both ends hold the cameras."""


def ends_with(pattern: re.Pattern[str], gap: str, span: int = 72) -> bool:
    """Whether a pattern anchored at ``$`` matches the end of a gap (only its tail is read).

    A pattern of :data:`_LAST_WORDS` is searched only when the gap ends in one of
    its last words and then white space (a cheap test first: an end-anchored
    pattern is tried from every character of the tail). Nothing is cached by
    pattern: hashing a compiled pattern hashes its whole program, which costs
    more than most searches.

    Examples
    --------
    >>> ends_with(MEETING_AT, "councillors meeting at the "), ends_with(MEETING_AT, "met and ")
    (True, False)
    """
    last = _LAST_WORDS.get(id(pattern))
    if last is not None and not (gap[-1:].isspace() and gap.rstrip().endswith(last)):
        return False
    return pattern.search(gap, max(0, len(gap) - span)) is not None


_LAST_WORDS = {
    id(FRAMING): ("in", "from", "of", "across", "around", "at", "the"),
    id(INCIDENT_AT): ("on", "in", "at", "near", "outside", "along", "the"),
    id(MEETING_AT): ("at", "in", "inside", "the"),
    id(MADE_BY): ("by", "the"),
    id(NUMBERED_AT): ("s", "the"),  # (every word for sites it names is a plural)
    id(_STRETCH_FROM): ("from", "the"),
    id(_STRETCH_TO): ("to", "till", "until", "the"),
}
"""The words every match of a pattern ends in, before its closing white space (``\\s+$``);
by the pattern's identity (the patterns are module constants, kept for good)."""


def counted_or_stretch(gap: str, window: str) -> bool:
    """Whether a place follows a counted word for sites, or ends a stretch with cameras.

    ``at three markets X``, ``on the stretch from A to B``.
    """
    return (
        ends_with(NUMBERED_AT, gap)
        or ends_with(_STRETCH_FROM, gap)
        or ends_with(_STRETCH_TO, window, 120)
    )


_NEGATED = re.compile(
    r"\b(?:no(?![-\u2010\u2011])|not|never|none|nor|without|rejected|refused|turned\s+down|voted\s+against|"
    r"threw\s+out|(?:asked|wondered|questioned)\s+(?:whether|if))\b(?![^,;]*\bfootage\b)[^,;]*$"
)
"""No camera there (but "could not view footage from a camera at X": there is one); a
question (``asked whether cameras will be in X``) says nothing is there yet either."""


def negated(window: str) -> bool:
    """Whether the words before a place say no camera goes there (:data:`_NEGATED`)."""
    # Every match holds one of these words: a cheap test first (one window in ten has one).
    return (
        "no" in window
        or "if" in window
        or "whether" in window
        or "without" in window
        or "never" in window
        or "rejected" in window
        or "refused" in window
        or "turned" in window
        or "voted" in window
        or "threw" in window
    ) and _NEGATED.search(window) is not None


def monitored(window: str) -> bool:
    """Whether the words before a place say cameras are watched from there (``MONITORED``)."""
    # Every match holds one of these words: a cheap test first (few windows have one).
    return (
        "monitor" in window
        or "screens" in window
        or "command" in window
        or "operat" in window
        or "control" in window
        or "run" in window
        or "fed" in window
        or "feed" in window
        or "watched" in window
        or "managed" in window
        or "viewed" in window
        or "streamed" in window
        or "beamed" in window
        or "hq" in window
        or "headquarters" in window
        or "footage" in window
        or "images" in window
        or "pictures" in window
        or "recordings" in window
        or "video" in window
    ) and MONITORED.search(window) is not None


_MUNICIPALITY = tuple(
    f"{word} of " for word in ("City", "Town", "Borough", "County", "District", "Municipality")
)
_ROADS_OF = re.compile(r"^[A-Z][\w'-]+\s+(?:Roads|Streets)$")
_PAIRED = re.compile(r"(?:\band|&|,)\s*$")


def whole_place(name: str, gap: str) -> bool:
    """Whether a name is a whole town or its council, or all its roads: no camera site.

    ``the City of Upton``; ``on Upton Roads`` (not the second of two crossing
    streets, ``between Elm and Ash Roads``; ``gap`` is the text before the name).
    """
    if name.startswith(_MUNICIPALITY):
        return True
    return name[-1:] == "s" and bool(_ROADS_OF.match(name)) and not _PAIRED.search(gap)


_ASIDE = re.compile(
    r"\s*(?:in\s+addition\s+to|besides|apart\s+from|aside\s+from|as\s+well\s+as)\s"
    r"(?:[^,.;]|,(?=\S))*?\b(?:cameras?|cctv)\b(?:[^,.;]|,(?=\S))*?,\s"
)
_MORE_CAMERAS = re.compile(r"\b(?:cameras?|cctv|more|another|further|additional|others?)\b")


def camera_aside(low: str, start: int) -> bool:
    """Whether a place stands past an opening aside about cameras, in a clause about else.

    ``In addition to the cameras, the budget pays for lights in A``: A gets no
    cameras (``..., five more go on B``: B does).

    Examples
    --------
    >>> low = "in addition to the cctv cameras, the budget pays for lights in elm park"
    >>> camera_aside(low, low.index("elm")), camera_aside("cameras in elm park", 11)
    (True, False)
    """
    if not low[:24].lstrip().startswith(_ASIDE_WORDS):
        return False  # (a cheap test first: few sentences open so)
    found = _ASIDE.match(low)
    return (
        found is not None
        and found.end() <= start
        and not _MORE_CAMERAS.search(low, found.end(), start)
    )


_ASIDE_WORDS = ("in addition", "besides", "apart from", "aside from", "as well as")
