"""Whether the words before a candidate place put cameras at it.

``at``, ``along``, ``outside``; ``moved from``, ``north of``, ``plans for``,
``cameras for``; a list opened by a colon or by ``Locations include``; ``sites
such as``; ``the first schools to join are``; a numbered camera label; ``cameras
in the city's X``: :func:`locative` reads the gap before a candidate (and the
window before it) for any of these. It is one feature of
:func:`campmap.extract.features.features`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from campmap.extract import frames
from campmap.extract.cues import moved_from
from campmap.extract.frames import COMMA_ONLY, ends_with
from campmap.extract.lists import FILLERS, HOUSE_NUMBER, listed
from campmap.extract.neighbours import Around
from campmap.extract.topic import SITES_OPENING
from campmap.gazetteer import region_countries
from campmap.gazetteer.names import normalize

__all__ = ["NUMBERED_IN", "counted_town", "locative", "town_listed"]

_WORD = re.compile(r"[\w'-]+|[^\w\s]")
_LOCATIVES = frozenset(
    "at on along alongside above over overlooking overlook overlooks towards toward facing "
    "face faces by near outside opposite beside in into inside within around across covering "
    "cover covers watching watch watches lining line lines throughout beneath under atop past "
    "off through outside where including include includes between".split()
)
_QUALIFIED = re.compile(
    r"\b(?:(?:just\s+|directly\s+|immediately\s+)?(?:north|south|east|west)\s+of|next\s+to|"
    r"close\s+to|in\s+front\s+of|a\s+few\s+yards\s+from|"
    # "at one of the entries to X", "on the main approaches into X"
    r"(?:at|on)\s+(?:(?:one|two|three|each|both|either|all|some)\s+(?:of\s+)?)?the\s+"
    r"(?:main\s+|other\s+|two\s+|three\s+|four\s+)?(?:entrances?|entries|entry(?:\s+points?)?|"
    r"exits?|approach(?:es)?|gates?|ends?|roads?|routes?|ways?|car\s+parks?|grounds|forecourt|"
    r"front|rear|back|perimeter|edge)\s+(?:to|into|in|of|out\s+of|from)|"
    # "operating from the top of X", "on the roof of X"
    r"(?:from|on|at)\s+(?:the\s+)?(?:top|roof|rooftop|side|facade|fa\u00e7ade)\s+of)"
    r"\s+(?:the\s+)?$",
)
_DURING = re.compile(r"\bduring\s+(?:the\s+|(?:last|this|next)\s+year's\s+)?$")
"""``used during last year's X Carnival``: cameras at an event are at its place."""
_GOT_FIRST = re.compile(
    r"^(?:on|after|since)\s+(?:getting|receiving|installing)\s+(?:its|their|the)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:cameras?|cctv)\b[^,.;]{0,40},\s*(?:the\s+)?$"
)
"""``On getting its first camera this week, X ...``: the subject got the cameras."""
_SENT_TO = re.compile(
    r"\b(?:(?:taken|moved|relocated|transferred|coming|comes|heading|go|goes|going|went)|"
    r"(?:added|extended|expanded|brought|bring|brings|bringing)(?:\s+[\w'-]+){0,2}?|"
    r"(?:cameras?|they|others|rest|remainder)\s+(?:will\s+|would\s+|are\s+to\s+|is\s+to\s+)?"
    r"(?:go|goes|went|head))\s+to\s+"
    r"(?:the\s+)?$",
)
_DESTINED = re.compile(
    r"\b(?:planned|proposed|earmarked|destined|bound|intended|approved|schemes?|plans?|projects?|systems|"
    r"bids?|proposals?|funding|money|grants?|pilots?|budget)\s+for\s+(?:the\s+)?$",
)
_LIST_INTRO = re.compile(r":\s*(?:[-*\u2022]\s*)?(?:the\s+)?$")
_EXAMPLES = re.compile(
    r"\b(?:areas?|places?|locations?|sites?|spots?|points?|junctions?|intersections?|roads?|"
    r"streets?|towns?|suburbs?|districts?|neighbou?rhoods?|villages?|centres?|centers?|"
    r"thoroughfares?|highways?|routes?|corridors?|hot\s?spots?|landmarks?|venues?)"
    r"(?:\s+(?:in|across|around|throughout)\s+(?:the\s+)?[\w'-]+(?:\s+[\w'-]+)?\s*,)?\s+"
    r"(?:like|such\s+as|including|include|namely|in)\s*:?\s*(?:(?:near|outside|by)\s+)?"
    r"(?:(?:the\s+)?[a-z][\w' -]{0,40},\s*){0,3}(?:the\s+)?(?:old\s+|former\s+)?$"
)
"""``sites such as X``, ``areas including the town hall, X``: the places a word for sites opens
(past a few items no candidate stands for)."""
_SINGLED_OUT = re.compile(
    r"\b(?:(?:notably|especially|particularly|in\s+particular|mainly|mostly|chiefly)\s*[,:]?\s*"
    r"(?:in\s+|at\s+|on\s+|along\s+)?|bring|brings|brought|bringing)\s*(?:the\s+)?$"
)
"""``cameras seen across town, notably, X``: the places singled out of where the cameras are;
``bring X, Y and Z under CCTV surveillance`` (in a sentence about cameras)."""
NUMBERED_IN = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|a\s+few|a\s+number\s+of)\s+"
    r"(?:\w+\s+)?(?:points?|sites?|locations?|places?|spots?|intersections?|junctions?|streets?|"
    r"roads?|areas?|positions?)\s+(?:in|across|around|throughout)\s+(?:the\s+)?$"
)
_CAMERAS_FOR = re.compile(
    r"\b(?:cameras?|cctv|anpr|readers?)\s+(?:(?:news|boost|plans?|bids?|funding|upgrade|"
    r"scheme|approval|go-ahead|success|win)\s+)?for\s+(?:the\s+)?$|"
    r"\b(?:sites?|locations?|points?|spots?)\b[^.;]{0,40}\b(?:is|are|will\s+be|would\s+be)"
    r"\s*[:\u2013\u2014-]?\s*(?:the\s+)?$"
)
"""``speed cameras for the N3``, ``CCTV boost for X``, ``the next site will be X``."""
_NAMED_SITES = re.compile(
    r"\b(?:entrances?|locations?|sites?|intersections?|junctions?|crossings?|roundabouts?|"
    r"points?|spots?|gates?)(?:\s+(?:in|across|around|throughout|within)\s+(?:the\s+)?[\w'-]+"
    r"(?:\s+[\w'-]+)?)?(?:\s*[,:\u2013\u2014]|\s+-)\s*(?:namely\s+|including\s+|the\s+)?$"
)
"""``at two of our entrances, X and Y``, ``in three locations in the state - X``: the places
named after a word for sites."""
_CAMERAS_FOR_ENDS = ("for", "the", "is", "are", "be", ":", "\u2013", "\u2014", "-")
_NAMED_SITES_ENDS = (",", ":", "\u2013", "\u2014", "-", "namely", "including", "the")
"""What every match of :data:`_CAMERAS_FOR` and :data:`_NAMED_SITES` ends in (white space
aside): a cheap test before the end-anchored patterns."""


def _ends_in(gap: str, last: tuple[str, ...]) -> bool:
    return gap.rstrip().endswith(last)


_AREA_OF = re.compile(
    r"\s(?:the\s+)?(?:villages?|towns?|suburbs?|hamlets?|districts?|communities|community|"
    r"neighbou?rhoods?|estates?|townships?|areas?)\s+of\s+$"
)
_ON_LIST_BEFORE = re.compile(
    r"(?:\b(?:on|in)\s+the\s+(?:short)?list\s+(?:are|is|include[sd]?)|"
    r"^(?:the\s+)?(?:short)?list\s+(?:includes?|comprises|contains))\s*:?\s*(?:the\s+)?$"
)
"""``Among the areas on the list are X``, ``The list includes X``: in a sentence about cameras,
their list of sites."""
_CAMERA_LABEL = re.compile(r"\bcameras?\s*(?:no\.?\s*|number\s+|#\s*|id\s+)?\d{1,6}\s*$")


def locative(near: Around) -> bool:
    """Whether the words before the candidate put cameras at it (``at``, ``moved from``)."""
    gap = near.gap
    if near.previous is not None and gap in _OWNED:
        before = near.window[: len(near.window) - len(gap) - len(near.previous.text)]
        # "Upton's central station"; "areas like Sydney's Kings Cross" (a named place owned
        # by a town takes the words before the town only in a list of examples)
        if near.hit.text[:1].islower() or _EXAMPLES.search(before):
            gap = before
    gap = _AREA_OF.sub(" ", gap)  # "for the villages of X": as "for X"
    return (
        _locative_before(gap)
        or moved_from(gap)
        or bool(_QUALIFIED.search(gap))
        or bool(_LIST_INTRO.search(gap))
        or bool(_DESTINED.search(gap))
        or (_ends_in(gap, _CAMERAS_FOR_ENDS) and ends_with(_CAMERAS_FOR, gap))
        or (_ends_in(gap, _NAMED_SITES_ENDS) and ends_with(_NAMED_SITES, gap))
        or frames.counted_or_stretch(gap, near.window)
        or bool(_SENT_TO.search(gap))
        or bool(_DURING.search(gap))
        or bool(near.previous is None and _GOT_FIRST.match(gap))
        or bool(_ON_LIST_BEFORE.search(gap))
        or (near.previous is None and _opens_sites(gap))
        or (bool(_EXAMPLES.search(gap)) and not NUMBERED_IN.search(gap))
        or bool(_SINGLED_OUT.search(gap))
        or bool(_CAMERA_LABEL.search(near.window))
        or (_possessive(near.window) and bool(frames.POSSESSIVE_LOCATIVE.search(near.window)))
    )


def _opens_sites(gap: str) -> bool:
    """Whether a sentence opens with the sites it names: ``The first schools are X ...``."""
    opening = SITES_OPENING.match(gap)
    return opening is not None and bool(_REST.fullmatch(gap, opening.end()))


_REST = re.compile(r"\s*:?\s*(?:the\s+)?")


_OWNED = frozenset({"'s ", "\u2019s "})
"""The gap of ``Upton's central station``: the words before the town are the common-noun
place's."""


def _possessive(window: str) -> bool:
    """Whether a window has a possessive at all (a cheap test before the pattern)."""
    return "'s " in window or "\u2019s " in window


def _last_words(text: str, count: int) -> list[str]:
    """Return the last ``count`` words of a text (:data:`_WORD`), read from its end.

    A gap may run from the sentence's start: its end is split first, from
    just after a space (no word holds one), and the whole only when the end
    holds too few words.

    Examples
    --------
    >>> _last_words("cameras will be installed on the corner of", 3)
    ['the', 'corner', 'of']
    """
    cut = text.find(" ", len(text) - _END_CHARS) + 1 if len(text) > _END_CHARS else 0
    words = _WORD.findall(text, cut) if cut else []
    return (words if len(words) >= count else _WORD.findall(text))[-count:]


_END_CHARS = 60
"""How much of a gap's end is split first (eight words, most often)."""


@lru_cache(maxsize=256)  # asked of a gap for the place after it, and again by the next
def _locative_before(gap: str) -> bool:
    """Whether the (lower-case) gap before a place ends in a locative word, fillers aside."""
    words = _last_words(gap, 8)
    for k in range(len(words) - 1, -1, -1):
        word = words[k]
        if word in _LOCATIVES:
            return True
        if _described(words, k):
            continue  # "along the newly renovated X": words that describe the place
        if word not in FILLERS and not HOUSE_NUMBER.match(word):
            return False
    return False


def _described(words: list[str], k: int) -> bool:
    """Whether ``words[k]`` describes the place after an article (``the newly paved``).

    An adverb in ``-ly`` or a participle in ``-ed``, one or two of them, right
    after ``the``/``a``: ``on the newly renovated X`` is ``on X``.
    """
    j = k
    while j >= 0 and k - j < 2 and len(words[j]) > 4 and words[j].endswith(("ly", "ed")):
        j -= 1
    return j < k and j >= 0 and words[j] in _ARTICLES


_ARTICLES = frozenset({"the", "a", "an"})


def town_listed(near: Around, about_cameras: bool) -> bool:
    """Whether a city is listed after a town that is a camera site (``in Upton, Elmley and Leeds``).

    The cameras go to each town of the list, the city among them: it is one of
    the sites, not the area the story is set in. A state or province after a
    town and a bare comma is the town's state (:func:`_state_of_previous`), no item.
    """
    previous = near.previous
    return (
        about_cameras
        and near.previous_site
        and previous is not None
        and previous.match in ("town", "region")
        and listed(near.gap)
        and not _state_of_previous(near)
    )


def _state_of_previous(near: Around) -> bool:
    """Whether a state or province only says where the town before it is (``in Upton, Ohio,``).

    Not when the town before was itself an item (``A, Galway and Limerick``)
    or the list goes on past the state (``in Galway, Mayo and Sligo``).
    """
    if near.previous is None or not COMMA_ONLY.match(near.gap):
        return False
    before = near.window[: len(near.window) - (near.hit.start - near.previous.start)]
    return (
        bool(_IN_END.search(before))
        and not _LIST_GOES_ON.match(near.after)
        and normalize(near.hit.text) in region_countries()
    )


_IN_END = re.compile(r"\b(?:in|at|near)\s+$")
_LIST_GOES_ON = re.compile(
    r"^\s*(?:,\s*|\s+(?:and|or)\s+)(?:and\s+|or\s+)?"
    r"(?!(?:the|where|which|who|when|a|an|and|or|in|on|at)\b)[a-z]"
)


_COUNT_AND_PLACE = re.compile(
    r"\b\d[\d,]*\s+(?:[\w-]+\s+){0,3}?(?:cameras?|cctv|anpr|readers?|radars?)\b[^.;:]{0,50}?"
    r"\b(?:in|at|across|throughout)\s+(?:the\s+)?$"
)
_NEXT_COUNT_IN = re.compile(r"^\s*,\s+(?:and\s+)?\d[\d,]*\s+(?:[\w-]+\s+){0,2}?(?:in|at|across)\s")


def counted_town(near: Around) -> bool:
    """Whether a city opens a list of towns, each with its own count of cameras.

    ``490 cameras have been installed across Upton, 80 in Elmley and 38 in
    Kewford``: every town of the list is a site with its count, the city too.
    """
    return bool(_NEXT_COUNT_IN.match(near.after)) and bool(_COUNT_AND_PLACE.search(near.window))
