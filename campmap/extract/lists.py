"""How a place stands in a list with the places before and after it.

``A, B and C``, ``the N9 (Oak Bridge), N8``, ``A Road between B and C; and D
Road``, ``X Road, Upton, Westshire`` and ``A and B will get cameras``: the
gaps between candidate places that make them items of one list, read for
:func:`campmap.extract.features.features`; and the runs of lines that each
only name a street or building (a list no sentence opens), read for
:func:`campmap.extract.layout.read_layout`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from campmap.extract.cues import WINDOW
from campmap.extract.decide import WEIGHTS, Decision
from campmap.extract.frames import COMMA_ONLY, NUMBERED_IN_LIST, YEAR_GAP
from campmap.extract.places import PlaceHit
from campmap.extract.words import FACILITY_HEADS, FUNCTION_WORDS, STREET_HEADS
from campmap.records import Role

__all__ = [
    "COMMA_GAP",
    "FILLERS",
    "GETS",
    "HOUSE_NUMBER",
    "crossing_line_runs",
    "districts_listed",
    "listed",
    "listed_after_note",
    "listed_with",
    "locality",
    "name_tail",
    "names_to_end",
    "place_line_runs",
    "shares_gets",
    "site_earlier_in_list",
]

_WORD = re.compile(r"[\w'-]+|[^\w\s]")

FILLERS = frozenset(
    "the a an parts part of some all both area areas section sections stretch stretches length "
    "edge end side corner its their many much main whole upper lower north south east west "
    "northern southern eastern western far front top base foot gate gates entrance entrances "
    "approach approaches steps junction junctions just spot point corner crossroads precinct "
    "precincts vicinity heart middle centre center immediate surrounding surroundings "
    "neighbouring neighboring nearby adjacent adjoining old former suburbs districts "
    "neighbourhoods neighborhoods villages townships up down along around".split()
)
"""Words that may stand between a list word or a locative and the place (``parts of the``)."""

HOUSE_NUMBER = re.compile(r"^(?:\d{1,5}[a-z]?|&)$")
"""A house number (or the ``&`` between two): ``at 1229 & 1226 N. Elm Ave.``."""

_LIST_GAP = re.compile(
    r"^\s*(?:\([^()]{0,40}\)\s*)?(?:,?\s*followed\s+by\s+|,\s*(?:and\s+|or\s+|as\s+well\s+as\s+)?|\s+(?:and|or|as\s+well\s+as|plus)\s+|;\s*(?:and\s+)?)"
    r"(?P<rest>.*)$",
)

GETS = re.compile(
    r"^(?:\s*,\s+(?:which|that)\b)?\s+(?:will\s+(?:each\s+|both\s+|also\s+|all\s+)?(?:get|receive|have)|to\s+(?:get|receive|have)\s+(?:[\w-]+\s+){0,5}?(?:cameras?|cctv)\b|is\s+(?:getting|to\s+get|receiving)|gets|receives|"
    r"(?:now\s+|already\s+)?(?:has|have)\s+(?!cut\b|put\b|set\b|[a-z]+ed\b)(?:\w+\s+){0,5}?(?:cameras?|cctv)\b|"
    r"(?:now\s+|only\s+|just\s+)?(?:has|have)\s+(?:\d+|an?\s+dozen|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty)(?=\s*[.,;]|\s*$)|"
    r"has\s+(?:got|received|been\s+given)|"
    r"(?:could|may|might|should)\s+(?:also\s+)?(?:get|receive)\s+(?:[\w-]+\s+){0,4}?(?:cameras?|cctv)|"
    r"(?:is|are)\s+(?:also\s+)?(?:on\s+the\s+(?:short)?list|among\s+the\s+(?:[\w-]+\s+){0,2}?"
    r"(?:sites|locations))|"
    r"(?:is|are)\s+(?:also\s+)?one\s+of\s+(?:the\s+|several\s+|many\s+|a\s+few\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:sites|locations|spots|places|towns|villages|suburbs)|"
    r"(?:is|are|was|were|has|have|will)?\s*(?:also\s+|now\s+|soon\s+)?(?:be\s+)?"
    r"(?:following|followed|to\s+follow|follow|follows)\s+suit|"
    r"(?:will|would|is\s+to|are\s+to)\s+(?:also\s+)?see\s+(?:\w+\s+){0,4}?(?:cameras?|cctv)|"
    r"(?:is|are)\s+(?:also\s+)?(?:set|due|expected|planned)\s+to\s+(?:get|receive|have|feature|see)|"
    r"(?:will|would|is\s+to|are\s+to)\s+(?:also\s+)?benefit\s+from\s+(?:[\w-]+\s+){0,5}?(?:cameras?|cctv)|"
    r"(?:will|to)\s+(?:also\s+)?feature\s+(?:\w+\s+){0,4}?(?:cameras?|cctv)|"
    r"(?:is|was|are|were|will\s+be)\s+[\"'\u201c]?(?:[\w-]+\s+)?[\w-]*(?:monitored|covered|watched)"
    r"[\"'\u201d]?\s+by\s+(?:[\w,-]+\s+){0,3}?(?:cameras?|cctv))\b",
)
"""The words after a place that give it cameras (``will get``, ``is set to get``, ``is watched
by 12 cameras``, ``, which has four cameras``)."""

_DASHES = frozenset("- \u2013 \u2014 \u2022 * \u00b7".split())
"""Bullets a list run into one sentence keeps between its items."""

COMMA_GAP = re.compile(r"^\s*,\s*$")
"""A bare comma between two places."""

_TAIL_GAP = re.compile(r"^\s*[,-]\s*$")
"""A comma, or the hyphen of a name cut in two (``Ashby- Wold``), in a tail of names."""
_AND = re.compile(r"^\s+(?:and|&)\s+(?:the\s+)?$")
_STREETS = frozenset({"street", "road", "facility"})
_ENDS = re.compile(
    r"^\s*(?:[.;:!?)(\u2013\u2014-]|$|\d|(?:have|has|are|is|was|were|will|would|could)\s"
    r"|(?:(?:last|this|next|earlier|later)\s+[a-z]+|today|yesterday|tomorrow|tonight)\b"
    r"|,\s+(?:as|which|where|after|following|in\s+(?:a|an|the)|to|for|with|while|under|"
    r"and\s+(?:the|a|an|it|he|she|they|then))\s)"
)


def names_to_end(low: str, hits: list[PlaceHit], i: int) -> bool:
    """Tell whether the candidate starts a tail of bare names: ``X Road, Upton, Westshire.``."""
    last = hits[i]
    for k in range(i + 1, len(hits)):
        hit, gap = hits[k], low[last.end : hits[k].start]
        if gap.lstrip().startswith("(") or _ENDS.match(gap):
            break  # "(northbound)": a note; ", as part of ...": the list of names has ended
        if _AND.match(gap) and hit.shape in _STREETS and _comma_name(low, hits, k):
            return True  # "A Road, Upton and B Road, Lee": the next street has its own town
        if hit.shape not in ("name", "region") or not _TAIL_GAP.match(gap):
            return False
        last = hit
    return bool(_ENDS.match(low[last.end : last.end + WINDOW]))


def _comma_name(low: str, hits: list[PlaceHit], k: int) -> bool:
    """Whether a bare name follows the ``k``-th place after a comma (``B Road, Lee``)."""
    return (
        k + 1 < len(hits)
        and hits[k + 1].shape == "name"
        and bool(COMMA_GAP.match(low[hits[k].end : hits[k + 1].start]))
    )


def locality(decided: list[Decision], i: int) -> bool:
    """Whether the place before is itself a locality (``in Selsdon, Croydon``)."""
    return i > 0 and decided[i - 1].reason == WEIGHTS["locality_of_previous"][1]


def shares_gets(low: str, hits: list[PlaceHit], i: int) -> bool:
    """Tell whether A gets the cameras of ``A and B will get cameras`` (up to five places on)."""
    for k in range(i + 1, min(len(hits), i + 6)):
        if not listed(low[hits[k - 1].end : hits[k].start]):
            return False
        if GETS.match(low[hits[k].end : hits[k].end + WINDOW]):
            return True
    return False


_NOTES = frozenset(
    WEIGHTS[name][1] for name in ("locality_of_previous", "narrows_previous", "address_of_previous")
)


def listed_after_note(low: str, hits: list[PlaceHit], i: int, decided: list[Decision]) -> bool:
    """Tell whether listed with a site past a note: ``N9 (Oak Bridge), N8``, ``A in X and B``."""
    if i < 2:
        return False
    gap = low[hits[i - 1].end : hits[i].start]
    if (
        decided[i - 1].reason in _NOTES
        and (hits[i].shape != "name" or _names_go_on(low, hits, i))
        and listed(gap)
    ):
        # "A Road between B and C; and D Road": past the places that only said where on A
        back = i - 1
        while back > 0 and decided[back].reason in _NOTES:
            back -= 1
        return decided[back].role is Role.SITE and i - back <= 4
    if decided[i - 2].role is not Role.SITE:
        return False
    opened = low[hits[i - 2].end : hits[i - 1].start]
    return opened.strip() == "(" and gap.lstrip().startswith(")") and listed(gap.lstrip()[1:])


_NOTE = re.compile(r"^\s*\([^()]{1,40}\)")
"""A note in brackets closing the place before: ``A Road (two cameras), B Lane``."""
_ROW_GAP = re.compile(r"^\s*(?:\([^()]{0,30}\)\s*)?\d[\d,.]*\s*$")
"""A flattened table's cells between two rows' places: a note and a number (``(north)2,140``)."""


def _names_go_on(low: str, hits: list[PlaceHit], i: int) -> bool:
    """Whether two more places follow in the list: ``A Road in X, B, C, D and E`` lists B.

    (``A Road in X, Westshire`` is the place's address, not a list.)
    """
    return i + 2 < len(hits) and all(
        hits[k].match != "region" and bool(COMMA_GAP.match(low[hits[k - 1].end : hits[k].start]))
        for k in (i + 1, i + 2)
    )


@lru_cache(maxsize=256)  # several features ask of the same gap
def listed(gap: str) -> bool:
    """Tell whether a gap only lists (``, and the``), fillers and bullets aside."""
    if _ROW_GAP.match(gap):
        return True
    note = _NOTE.match(gap)
    match = _LIST_GAP.match(gap[note.end() :] if note else gap)
    return match is not None and all(
        w in FILLERS or w in _DASHES or HOUSE_NUMBER.match(w)
        for w in _WORD.findall(match.group("rest"))
    )


def listed_with(
    gap: str,
    has_previous: bool,
    previous_site: bool,
    previous_city: bool,
    previous_locative: Callable[[], bool],
) -> bool:
    """Tell whether a candidate is listed after a site, or after a city cameras are put at.

    ``moved to Leeds, Upton and Elmley``: the first may be a city (no site on
    its own), but the places listed after it (after a comma) take its
    locative; a year between (``in A in 2017 and B in 2018``) does not break
    the list. ``previous_locative`` is asked last (it costs most).
    """
    if not has_previous:
        return False
    if not listed(YEAR_GAP.sub("", gap)):
        return previous_site and name_tail(gap)
    if previous_site:
        return True
    return previous_city and bool(COMMA_ONLY.match(gap)) and previous_locative()


def districts_listed(low: str, hits: list[PlaceHit], i: int, window: str) -> bool:
    """Whether "N locations in A" goes on with more places (``in A, B and C``): districts.

    One place after "locations in" is the area the sites are spread over; a
    list of them names the districts that hold the sites.
    """
    return (
        i + 1 < len(hits)
        and bool(NUMBERED_IN_LIST.search(window))
        and listed(low[hits[i].end : hits[i + 1].start])
    )


_TAIL = re.compile(r"^\s+((?:[\w'-]+\s+){0,2}[\w'-]+)\s*,\s*$")
_FUNCTION = frozenset(FUNCTION_WORDS.split("|")) - {"to"}


def name_tail(gap: str) -> bool:
    """Whether a gap only ends the place before and goes on with a comma list.

    ``the A to B walk, C landfill, ...``: up to three words (``to`` and plain
    words, no other function word) end the place before, then a comma opens
    the next item; ``A said on Friday, B`` is no list. A short note on where
    the place before is (``Sector 3 on the highway, C``) ends it too.
    """
    if _WHERE_NOTE.match(gap):
        return True
    match = _TAIL.match(gap)
    return match is not None and not any(w in _FUNCTION for w in match.group(1).split())


_WHERE_NOTE = re.compile(
    r"^\s+(?:on|in|at|near|off|along|beside)\s+the\s+"
    r"(?!(?:morning|afternoon|evening|night|day|week|weekend|month|year|past|end|meantime|"
    r"process|meeting|report|statement|time|moment|event|case)\b)[a-z]+(?:\s+[a-z]+)?\s*,\s*$"
)
"""``on the highway,``: a note on where the place before is, between two items of a list."""


_PLACE_LINE = re.compile(
    r"^\s*(?:[-*\u2022\u00b7]\s*)?((?:[A-Z][\w'\u2019.-]*\s+){1,6}([A-Za-z]+))"
    r"(?:,\s*[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,2})?\s*$"
)
_RUN = 3
_PLACE_HEADS = FACILITY_HEADS | STREET_HEADS


def place_line_runs(lines: Sequence[str], item_chars: int) -> set[int]:
    """Return the lines in runs of three or more that each only name a building or street.

    ``Elmbrook Primary School`` / ``Hill Top Academy, Upton`` / ``Quarry
    Junior School``: in a report about cameras, such a run is a list of sites
    even when no sentence about cameras opens it.
    """
    flags = []
    for line in lines:
        found = _PLACE_LINE.match(line)
        flags.append(
            found is not None and len(line) <= item_chars and found.group(2).lower() in _PLACE_HEADS
        )
    out: set[int] = set()
    k = 0
    while k < len(flags):
        end = k
        while end < len(flags) and flags[end]:
            end += 1
        if end - k >= _RUN:
            out.update(range(k, end))
        k = max(end, k + 1)
    return out


_NAME = r"[A-Z\d][\w'\u2019.-]*(?:\s+[A-Z\d][\w'\u2019.-]*){0,5}"
_PAIR_LINE = re.compile(
    rf"^\s*(?:[-*\u2022\u00b7]\s*)?({_NAME})\s+(?:and|&|at)\s+({_NAME})"
    r"(?:\s*/\s*[A-Z][^()]*?)?\s*(?:\([^()]*\))?(?:\s+[-\u2013\u2014:]\s+[^()]{0,40})?\s*$"
)
_ORDINAL = re.compile(
    r"(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"eleventh|twelfth)$"
)


def _street_named(name: str) -> bool:
    """Whether a name ends in a street word, or is a numbered street (``Main and 5th``)."""
    last = name.rsplit(None, 1)[-1].lower().rstrip(".")
    return last in STREET_HEADS or bool(_ORDINAL.match(last))


def crossing_line_runs(lines: Sequence[str], item_chars: int) -> set[int]:
    """Return the lines in runs of two or more that each name two streets: a list of crossings.

    ``Elm Road and Brook`` / ``Upper Elm and Fifth Line``: when at least half
    the lines of such a run end a name in a street word, every line names one
    crossing, also where a street is written without its suffix.
    """
    pairs: list[bool | None] = []  # None: not a pair line; True: one name is street-shaped
    for line in lines:
        found = _PAIR_LINE.match(line) if len(line) <= item_chars else None
        pairs.append(None if found is None else _street_named(found[1]) or _street_named(found[2]))
    out: set[int] = set()
    k = 0
    while k < len(pairs):
        end = k
        while end < len(pairs) and pairs[end] is not None:
            end += 1
        run = pairs[k:end]
        if len(run) >= 2 and 2 * sum(1 for street in run if street) >= len(run):
            out.update(range(k, end))
        k = max(end, k + 1)
    return out


def site_earlier_in_list(low: str, hits: list[PlaceHit], i: int, decided: list[Decision]) -> bool:
    """Whether a site stands earlier in the comma list the candidate ends: ``A, B, C and D``.

    A list goes on past an item that is no site itself (a name the gazetteer
    takes for a region or a county): ``include A, B, Salt River, C and D``.
    """
    k = i - 1
    while (
        k >= 0
        and i - k <= _LIST_REACH
        # (a route inside the list: "X, which runs from A to B, Y and Z")
        and (listed(low[hits[k].end : hits[k + 1].start]) or _route_end(decided, k + 1, i))
    ):
        if decided[k].role is Role.SITE:
            return i - k > 1  # (the item right before is asked by listed_with)
        if decided[k].reason in _WHERE_THE_PREVIOUS_IS:
            return False  # "A Road, Upton, Westshire": an address, not a list of sites
        k -= 1
    return False


def _route_end(decided: list[Decision], k: int, i: int) -> bool:
    """Whether the ``k``-th candidate (before the ``i``-th) is an end of a route."""
    return k < i and decided[k].role is Role.ROUTE


_WHERE_THE_PREVIOUS_IS = frozenset(
    WEIGHTS[name][1]
    for name in ("locality_of_previous", "narrows_previous", "address_of_previous", "owner_of_next")
)
"""The reasons of a place that only says where the one before it is (an address, not an item)."""
_LIST_REACH = 12
"""How many items back a list is read for a site."""
