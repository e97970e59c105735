"""Place-like phrases by their form: names no gazetteer needs to know to be read as places.

Real reports name places a gazetteer seldom holds: ``Poplar Hill Road at
Malcolm Elementary School``, ``the 6500 Block of 14th St. NW``, ``U.S. 78``,
``Route 24``, ``the N2 freeway``, ``Heathwood/Carriage Hill``, ``Khayelitsha``.
This module finds them by their shape alone:

- a run of capitalised words (with ``of``/``the``/``de`` inside, initials such
  as ``L.B.``, ordinals such as ``14th`` and compass words such as ``NW``),
  with a lower-case place word after it (``highway``, ``junction``, ``town
  centre``) taken into the name;
- road references (``A591``, ``M4``, ``N2``, ``I-90``, ``Interstate 695``,
  ``U.S. 78``, ``Route 413``, ``Highway 17 North``, ``SR 121``, ``Alabama 77``);
- block addresses (``the 4300 Blk of Main St``).

Each phrase gets a :class:`Shape` from its last word: a street (``Road``,
``Ave``), a facility (``School``, ``Market``), a road reference, an area
(``Town Centre``), or a bare name (``Brandon``), which only the words around it
can make a place. Phrases shaped like organisations (``Parish Council``) or
written after a person's title (``Cllr Jo Smith``) are not returned.
"""

from __future__ import annotations

import re
from enum import StrEnum
from itertools import compress
from operator import attrgetter
from typing import NamedTuple

from campmap.extract.agents import organisation_form
from campmap.extract.dates import date_start, ordinal_date
from campmap.extract.roadrefs import BLOCK, DIGIT, ROAD_REF
from campmap.extract.runguards import (
    INITIAL,
    bare_name,
    cut_at_stop,
    drop_sentence_capitals,
    heading_break,
    is_person,
    joined_town,
    paired_street,
)
from campmap.extract.runsplits import bare, possessor_split, second_street_at
from campmap.extract.tokens import words_in
from campmap.extract.words import (
    DIRECTIONS,
    FACILITY_HEADS,
    FUNCTION_WORDS,
    LOWER_HEADS,
    NO_PLACE_ENDS,
    PAIRED_HEADS,
    STREET_HEADS,
    TOWN_CENTRE,
)

__all__ = ["Shape", "ShapeHit", "find_shapes"]

_BY_START = attrgetter("start")  # (a sort key in C, not a lambda)


class Shape(StrEnum):
    """What a place-like phrase looks like."""

    STREET = "street"
    """Ends in a street word: ``Poplar Hill Road``, ``14th St. NW``."""
    FACILITY = "facility"
    """Ends in a building or site word: ``Malcolm Elementary School``, ``Gikomba Market``."""
    ROAD = "road"
    """A road number: ``A591``, ``I-90``, ``Route 24``."""
    AREA = "area"
    """A named area: ``Ang Mo Kio Town Centre``."""
    BLOCK = "block"
    """A block of a street: ``the 500 Block of Florida Ave. NE``."""
    JUNCTION = "junction"
    """Two or more streets that meet: ``Bathurst St. and Davenport Rd.``."""
    NAME = "name"
    """A capitalised name with no place word: a town, a suburb, or not a place at all."""


class ShapeHit(NamedTuple):
    """A place-like phrase found by its form."""

    text: str
    start: int
    end: int
    shape: Shape


_CONNECTORS = frozenset(
    {"of", "the", "de", "la", "le", "du", "des", "van", "von", "da", "di", "upon"}
)
_AREA_TAIL = re.compile(r"(?:business\s+districts?|CBDs?|cent(?:re|er)s?|area)$")
_NO_OF = STREET_HEADS | DIRECTIONS
"""Words after which ``of`` starts a new phrase: ``Richvale Drive North of Kennedy Road``."""
_BUILDING_BEFORE = re.compile(
    r"\b(?:in\s+front\s+of|outside|opposite|behind|next\s+to|beside|across\s+from|"
    r"at\s+the\s+(?:entrance|gates?|front|back|rear)\s+(?:of|to)|near)\s+(?:the\s+)?"
    r"(?:old\s+|former\s+)?$",
    re.IGNORECASE,
)
_ABBREVIATED = frozenset(
    "st ave av blvd rd dr ln ct pl tce hwy pkwy pky priv pvt sq cres rte expy fwy cir mt ft jr "
    "sr".split()
)
_ACRONYM_STOP = frozenset(
    "CCTV ANPR ALPR LPR LFR ULEZ PCN PCNS CEO MP MPS MEC NHS UK US USA EU GPS HD PTZ AI "
    "IT LED LTE TV PM AM BBC".split()
)


def find_shapes(text: str) -> list[ShapeHit]:
    """Find the place-like phrases of a sentence by their form, in order.

    Parameters
    ----------
    text : str
        One sentence.

    Returns
    -------
    list of ShapeHit
        Non-overlapping; road references and block addresses first where they
        overlap a run of capitalised words.

    Examples
    --------
    >>> [(h.text, h.shape.value) for h in find_shapes(
    ...     "Cameras on Poplar Hill Road at Malcolm Elementary School and U.S. 78.")]
    [('Poplar Hill Road', 'street'), ('Malcolm Elementary School', 'facility'), ('U.S. 78', 'road')]
    >>> [(h.text, h.shape.value) for h in find_shapes("Cllr Jo Smith of Avon City Council said")]
    []
    >>> text = "the 2300 block of N. Capitol St. and the N2 freeway"
    >>> [(h.text, h.shape.value) for h in find_shapes(text)]
    [('2300 block of N. Capitol St.', 'block'), ('N2 freeway', 'road')]
    """
    hits: list[ShapeHit] = []
    taken: list[tuple[int, int]] = []
    digits = DIGIT.search(text) is not None
    for match in BLOCK.finditer(text) if digits else ():
        run = _first_run(text, match.end())
        if run is not None and run[0] == match.end():
            start = match.start("number")
            hits.append(ShapeHit(text[start : run[1]], start, run[1], Shape.BLOCK))
            taken.append((start, run[1]))
    covered = bytearray(len(text) + 1)  # taken characters: overlap checks stay linear
    for s, e in taken:
        covered[s:e] = b"\x01" * (e - s)
    for match in ROAD_REF.finditer(text) if digits else ():
        start, end = match.span()
        if any(covered[start:end]):
            continue
        end = _lower_head_end(text, end)
        hits.append(ShapeHit(text[start:end], start, end, Shape.ROAD))
        covered[start:end] = b"\x01" * (end - start)
        street = _street_after(text, end)
        if street is not None:  # "B987 Northern Road": the street is found too
            hits.append(street)
            covered[street.start : street.end] = b"\x01" * (street.end - street.start)
    for start, end, shape in _runs(text):
        if any(covered[start:end]):
            continue
        hits.append(ShapeHit(text[start:end], start, end, shape))
    return sorted(hits, key=_BY_START)


def _street_after(text: str, end: int) -> ShapeHit | None:
    """Return the street, building or area named right after a road number, if any."""
    if text[end : end + 1] != " ":
        return None
    # Only the words right after it can be its street: look no further than a street name's
    # length (a sentence listing road numbers would otherwise be read once per number).
    reach = text.find(" ", end + 1 + _STREET_REACH)
    run = next(iter(_runs(text, end + 1, len(text) if reach < 0 else reach)), None)
    if run is None or run[0] != end + 1 or run[2] in (Shape.NAME, Shape.ROAD):
        return None
    return ShapeHit(text[run[0] : run[1]], run[0], run[1], run[2])


_STREET_REACH = 120
"""How far after a road number its street may still end (characters)."""


def _first_run(text: str, at: int) -> tuple[int, int, Shape] | None:
    return next(iter(_runs(text, at)), None)


def _runs(text: str, at: int = 0, stop: int | None = None) -> list[tuple[int, int, Shape]]:
    """Return the runs of capitalised words, trimmed and classified (see the module docstring)."""
    tokens, caps = words_in(text, at, stop)
    out: list[tuple[int, int, Shape]] = []
    end = 0  # (the runs found so far end before this token)
    for i in compress(range(len(tokens)), caps):  # each capitalised word
        if i < end or tokens[i][0] in _ACRONYM_STOP or ordinal_date(text, tokens[i][1]):
            continue  # (an ordinal may be a day of a month: "19th June")
        if i + 1 < len(tokens) and date_start(tokens[i][0], tokens[i + 1][0]):
            end = i + 2  # (a date: "April 2024")
            continue
        j = i + 1
        while j < len(tokens):
            nxt = tokens[j][0]
            if (
                nxt in _ACRONYM_STOP
                or heading_break(text, tokens[j - 1][2], tokens[j][1])
                or (j + 1 < len(tokens) and date_start(nxt, tokens[j + 1][0]))
            ):
                break
            if caps[j] or (
                nxt.isdigit()
                and j + 1 < len(tokens)
                and caps[j + 1]
                # (not a table cell run into the word before or after: "Road2", "2Elm")
                and tokens[j - 1][2] < tokens[j][1]
                and tokens[j][2] < tokens[j + 1][1]
            ):
                j += 1
            elif (
                nxt.lower() in _CONNECTORS
                and not (nxt.lower() == "of" and bare(tokens[j - 1][0]) in _NO_OF)
                and j + 1 < len(tokens)
                and caps[j + 1]
                and tokens[j + 1][0] not in _ACRONYM_STOP
            ):
                j += 2
            elif step := joined_town(text, tokens, i, j):
                j += step  # "Sherburn in Elmet": one town
            else:
                break
        words = [bare(w) for w, _, _ in tokens[i:j]]  # (read by each step below)
        j = i + second_street_at(tokens[i:j], words)
        run, words, end = tokens[i:j], words[: j - i], j
        owner = possessor_split(text, run)
        if owner:
            head = _classify(
                text,
                run[:owner],
                words[:owner],
                at_start=run[0][1] == at or _after_opening(text, run[0][1]),
            )
            if head is not None:
                cut = 2 if text[head[1] - 2 : head[1]] in {"'s", "\u2019s"} else 0
                out.append((head[0], head[1] - cut, head[2]))  # without the "'s"
            run, words = run[owner:], words[owner:]
        classified = _classify(
            text, run, words, at_start=run[0][1] == 0 or _after_opening(text, run[0][1])
        )
        if classified is not None:
            out.append(classified)
    return out


_ACRONYMS = re.compile(r"[A-Z]{2,}s$")


def _after_opening(text: str, start: int) -> bool:
    """Whether a word stands where any word is capitalised (after an opening quote or colon)."""
    before = text[:start].rstrip()
    return not before or before[-1] in "\"'(:\u201c\u2018-\u2013\u2014@/&"


def _classify(
    text: str, run: list[tuple[str, int, int]], words: list[str], *, at_start: bool
) -> tuple[int, int, Shape] | None:
    """Return the span and shape of the place a run of capitalised words names, if any.

    ``words`` are the run's words in lower case (:func:`~campmap.extract.runsplits.bare`).
    """
    if _shape(words) is Shape.NAME and is_person(text, run, words):
        return None
    if len(run) == 1 and _ACRONYMS.match(run[0][0]):
        return None  # "zones (CSZs)", "the PCNs": a plural acronym names things, not a place
    run, words = cut_at_stop(run, words)
    if not run:
        return None
    paired = len(run) == 1 and paired_street(text, run[0][1], run[0][2])  # "Main and 5th"
    run, words = drop_sentence_capitals(run, words, at_start=at_start and not paired)
    if not run or words[-1] in _CONNECTORS:
        return None
    if words[-1] in NO_PLACE_ENDS or organisation_form(words):
        # An organisation, unless the words before make it its building:
        # "outside the Police Department".
        if not _BUILDING_BEFORE.search(text, max(0, run[0][1] - 24), run[0][1]):
            # "the Upton Business Association": the place a local body is named after
            local = _LOCAL_BODY.search(" ".join(words))
            if local is None or len(run) < 3:
                return None
            cut = -len(local.group().split())
            return _classify(text, run[:cut], words[:cut], at_start=at_start)
        end = run[-1][2] - (run[-1][0].endswith(".") and words[-1] not in _ABBREVIATED)
        return run[0][1], end, Shape.FACILITY
    start, end = run[0][1], run[-1][2]
    if run[-1][0].endswith(".") and words[-1] not in _ABBREVIATED and not INITIAL.match(run[-1][0]):
        end -= 1  # the full stop ends the sentence, not an abbreviation
    owned = [*words[:-1], words[-1][:-2]]
    if len(words) > 1 and words[-1].endswith("'s") and _shape(owned) in _OWNING_SHAPES:
        words, end = owned, end - 2  # "Elm Road's new camera": the street, not its possessive
    end, shape = _with_lower_head(text, start, end, _shape(words))
    if (
        shape is Shape.NAME
        and words[-1] in _NUMBERED_AREAS
        and (sector := _AREA_NUMBER.match(text, end))
    ):
        return start, sector.end(), Shape.AREA  # "Sector 29", "Phase 2": a numbered district
    if shape is Shape.NAME:
        span = bare_name(text, run, words, start, end)
        return None if span is None else (*span, Shape.NAME)
    if (
        shape is Shape.STREET
        and words[-1] in STREET_HEADS
        and (number := _NUMBERED.match(text, end))
    ):
        end = number.end()  # "Ang Mo Kio Ave 3": the street's number is its name's end
    return start, end, shape


_INDEFINITE = re.compile(r"(?:^|\s)(?:a|an)\s+$", re.IGNORECASE)


def _with_lower_head(text: str, start: int, end: int, shape: Shape) -> tuple[int, Shape]:
    """Take a lower-case place word (plural after ``and``: ``A and B streets``) into the run."""
    before = max(0, start - 4)
    words = text[before:start]  # (an article holds an "a": a cheap test first)
    if ("a" in words or "A" in words) and _INDEFINITE.search(text, before, start):
        return end, shape  # "at a Harwick park": a park in Harwick, not one named so
    head_end = _lower_head_end(text, end)
    if head_end == end and _SHARED_BEFORE.search(text, max(0, start - 6), start):
        plural = _PLURAL_HEAD.match(text, end)
        head_end = plural.end() if plural else end
    if head_end == end:
        return end, shape
    if _AREA_TAIL.search(text, 0, head_end):
        return head_end, Shape.AREA
    if shape is Shape.NAME:
        street = text[head_end - 4 : head_end].lower().rstrip("s")[-3:] in {"oad", "eet", "nue"}
        return head_end, Shape.STREET if street else Shape.FACILITY
    if text[head_end - 5 : head_end].lower() == "parks":
        return end, shape  # "A Street and B Lane car parks": streets sharing the word
    return head_end, shape


_LOCAL_BODY = re.compile(r"\s(?:business|residents'?|traders'?|community)\s+association$")
"""A local body named after its place (``Upton Business Association``)."""
_NUMBERED = re.compile(r"\s\d{1,2}(?=\s+(?:and|or)\b|\s*[,;]|\s*$)")
"""A street's own number after its head (``Jurong West St 42,``), not a count (nor ``2.``,
the next item of a numbered list)."""
_NUMBERED_AREAS = frozenset({"sector", "block", "pocket"})
_AREA_NUMBER = re.compile(r"\s\d{1,3}[A-Z]?\b(?!\s*(?:%|per\s+cent|percent))")
"""The number of a numbered district (``Sector 29``, ``Block 4A``; not ``Phase 2``, a time)."""
_OWNING_SHAPES = frozenset({Shape.STREET, Shape.FACILITY})


def _shape(words: list[str]) -> Shape:
    last = len(words) - 1
    while last > 0 and words[last] in DIRECTIONS and words[last] not in {"green", "common"}:
        last -= 1  # "14th St NW", "Highway 9 North"
    head = words[last]
    if len(words) >= 2 and f"{words[last - 1]} {head}" in TOWN_CENTRE:
        return Shape.AREA
    if head in STREET_HEADS and (last > 0 or head in {"broadway", "strand"}):
        return Shape.STREET
    if head in FACILITY_HEADS and last > 0:
        return Shape.FACILITY
    return Shape.NAME


_LOWER_HEAD = re.compile(
    r"\s+(?:(?:north|south|east|west)bound|(?:central\s+)?business\s+districts?|CBDs?|area|town\s+cent(?:re|er)s?|city\s+cent(?:re|er)|car\s+parks?|bus\s+(?:station|stop|depot)|"
    r"(?:on|off)[\s-]ramp|" + "|".join(sorted(LOWER_HEADS, key=len, reverse=True)) + r"|"
    rf"(?!(?:{FUNCTION_WORDS})\s)[a-z]{{3,}}\s+(?:{'|'.join(sorted(PAIRED_HEADS))})s?)\b"
)
"""A lower-case place word after a name, alone or after one plain word (``police station``)."""
_PLURAL_HEAD = re.compile(r"\s+(?:" + "|".join(sorted(LOWER_HEADS)) + r")s\b")
_SHARED_BEFORE = re.compile(r"\s(?:and|&)\s+$")


def _lower_head_end(text: str, end: int) -> int:
    """Take a lower-case place word after a name into it: ``N2 freeway``, ``Waterhead junction``."""
    match = _LOWER_HEAD.match(text, end)
    if match is None:
        return end
    if _JOINS_ANOTHER.match(text, match.end()) and match.group().strip().lower() in _JOIN_WORDS:
        return end  # "Beta Street junction with Gamma Road": the junction of two names
    return match.end()


_JOIN_WORDS = frozenset({"junction", "junctions", "interchange", "crossing", "corner"})
_JOINS_ANOTHER = re.compile(r"\s+(?:with|of|and|onto)\s+(?:the\s+)?[A-Z\d]")
