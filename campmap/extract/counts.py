"""Numbers in a sentence, and whether each counts cameras.

Number words are converted by text2num; this module only decides which
numbers are camera counts. A number counts cameras when a camera noun
follows it (``thirty-eight of the devices``, ``two new CCTV cameras``) or,
in a sentence about cameras, when a place follows it (``four at the press
platform``). Faces, feet, ages, money, years and percentages never count.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from operator import attrgetter

from text_to_num import text2num

from campmap.gazetteer.names import lowercase

__all__ = ["CAMERA_NOUN", "CountKind", "Number", "camera_counts", "find_numbers"]

_BY_START = attrgetter("start")  # (a sort key in C, not a lambda)

_UNITS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
    "eighty", "ninety", "hundred", "thousand",
]  # fmt: skip
_WORD = "|".join(_UNITS)
_NUMBER = re.compile(
    rf"\b(?=[\dadefhmnostuvz])(?<![\w£$€.,-])(?<!\d:)(?:"
    rf"(?P<digits>\d{{1,3}}(?:,\d{{3}})+|\d+)(?![\w%£$€]|[.,]\d)"
    rf"|(?P<words>(?:an?\s+)?(?:{_WORD}|dozen)(?:(?:\s+and\s+|[\s-]+)(?:{_WORD}))*)\b"
    rf"|(?P<pair>a\s+(?:pair|couple))(?=\s+of\b)"
    rf"|(?P<vague>several|dozens|scores|hundreds|a\s+handful|a\s+number|a\s+few|numerous|multiple)\b"
    rf")"
)
CAMERA_NOUN = re.compile(
    r"\b(?:cameras?|cctvs?|devices?|anprs?|webcams?|camera\s+(?:units?|poles?|masts?)|"
    r"facial[\s-]recognition)\b",
    re.IGNORECASE,
)
# Words that may stand between a number and its camera noun.
_MODIFIER = re.compile(
    r"(?:of|the|these|those|its|their|new|more|extra|additional|further|other|such|second|third|"
    r"fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"temporary|permanent|fixed|mobile|static|hd|high-definition|digital|smart|live|closed|"
    r"outdoor|indoor|outside|external|roadside|overhead|pole-mounted|wireless|"
    r"circuit|closed-circuit|tv|television|video|ptz|dome|solar|red-light|red|light|"
    r"bus-lane|plate|licence|license|number|reading|reader|recognition|automatic|automated|"
    r"average|radar|noise|,|"
    r"cctv|surveillance|security|facial|recognition|facial-recognition|face-recognition|"
    r"traffic|speed|enforcement|rapid-deployment|redeployable|chinese-made|street|"
    r"[A-Z][\w-]*)$"
)
_LOCATIVE_AFTER = re.compile(
    r"\s*(?:(?:more|others?|of\s+them|each|new|more\s+new|extra)\s+)?"
    r"(?:(?:is|are|was|were)\s+(?:already\s+|now\s+|also\s+)?(?:in\s+place\s+|up\s+|installed\s+)?)?"
    r"(?:at|on|in|along|by|near|outside|opposite|"
    r"next\s+to|close\s+to|(?:north|south|east|west)\s+of|watch|watches|overlook|overlooks|"
    r"line|lines|cover|covers|face|monitor|monitors|"
    r"(?:(?:would|will|is|was|are|were)\s+(?:be\s+)?)?(?:taken|moved|sent|put|placed|going|go|goes)"
    r"\s+(?:up\s+)?(?:to|on|at|in)|"
    r"(?:(?:has|have|had|was|were|is|are)\s+(?:been\s+|now\s+|since\s+)?)?(?:gone\s+up|put\s+up|"
    r"installed|fitted|placed|mounted|erected|added)\s+(?:at|on|in|along|outside|near|by|above)|"
    r"beside|above|over|overlooking|facing|around|across|inside|within)\b",
)
# The patterns below, but _NOT_A_COUNT_BEFORE and _MODIFIER, are lower case and run on
# lower-cased text (see campmap.gazetteer.names.lowercase): much faster than IGNORECASE.
_NOT_A_COUNT_BEFORE = re.compile(
    r"(?:[£$€]\s*|\b(?:aged|age|No\.?|number|page|year|in|since|by)\s+)$"
)
_MONTH_AFTER = re.compile(
    r"\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)(?:[a-z]*)\b(?!\s+(?:be|have)\b)"
)
_WORD_RE = re.compile(r"[\w'-]+|[^\w\s]")
_HELD_BEFORE = re.compile(
    r"\b(?:has|have|had|gets|get|got|will\s+get|will\s+have)\s+(?:only\s+|just\s+|now\s+)?$",
)
_HELD_AFTER = re.compile(r"\s*(?:[.,;:)]|$|\s*(?:more|of\s+them|too|as\s+well)\b)")
_ANOTHER = re.compile(r"(?<![\w-])(?:another|one\s+more|a\s+new\s+one)\b")
_MORE = re.compile(r"\s+(?:more|others|extra|additional|new)\b")
_SINGULAR = re.compile(r"(?<![\w-])(?:a\s+single|an?|single|one\s+new)\s+")
_FIRST_NOUN = re.compile(r"\b(?:cameras?|devices?|webcams?)\b")
_SINGULAR_NOUN = re.compile(r"\b(?:camera|device|webcam)")  # (plurals too: a quick test)
_SPACE = re.compile(r"\s*")
_NOT_CAMERAS_AFTER = re.compile(
    r"\s+(?:cameras?\s+)?(?:systems?|networks?|schemes?|programm?es?|projects?|footage|operators?|rooms?|"
    r"locations?|"
    r"coverage|technology|infrastructure|contracts?|firms?|compan(?:y|ies)|suppliers?|"
    r"providers?|makers?|manufacturers?|policy|policies|partnerships?)\b",
    re.IGNORECASE,
)


class CountKind(StrEnum):
    """How a number relates to cameras."""

    CAMERAS = "cameras"
    """A camera noun follows it: ``four new cameras``."""
    ELLIPTICAL = "elliptical"
    """A place follows it in a sentence about cameras: ``four at the platform``."""
    HELD = "held"
    """A place before it has it, in a sentence about cameras: ``South Street has two``."""


@dataclass(frozen=True, slots=True)
class Number:
    """A number written in a sentence."""

    text: str
    start: int
    end: int
    value: int | None
    """None for vague amounts ("several", "dozens")."""


@lru_cache(maxsize=4096)
def _to_int(text: str) -> int | None:
    words = re.sub(r"^an?\s+", "", text.lower().strip())
    if words == "dozen":
        return 12
    if words.endswith(" dozen"):
        head = _to_int(words[: -len(" dozen")])
        return None if head is None else head * 12
    try:
        return int(text2num(words, "en"))
    except ValueError:
        return None


def find_numbers(text: str) -> list[Number]:
    """Return the numbers written in ``text``, as digits or words.

    Examples
    --------
    >>> [(n.text, n.value) for n in find_numbers("Thirty-eight cameras, 10ft poles, a dozen more")]
    [('Thirty-eight', 38), ('a dozen', 12)]
    >>> [(n.text, n.value) for n in find_numbers("several cameras")]
    [('several', None)]
    """
    return _find_numbers(text, lowercase(text))


def _find_numbers(text: str, low: str) -> list[Number]:
    out = []
    for match in _NUMBER.finditer(low):
        raw = text[match.start() : match.end()]
        if match.group("digits"):
            value: int | None = int(raw.replace(",", ""))
        elif match.group("vague"):
            value = None
        elif match.group("pair"):
            value = 2  # "a pair of cameras", "a couple of cameras"
        else:
            value = _to_int(raw)
            if value is None or raw.lower() in {"a", "an"}:
                continue
        out.append(Number(raw, match.start(), match.end(), value))
    return out


def camera_counts(
    text: str, about_cameras: bool, low: str | None = None
) -> list[tuple[Number, CountKind]]:
    """Return the numbers in a sentence that count cameras.

    Parameters
    ----------
    text : str
        The sentence.
    about_cameras : bool
        Whether the sentence speaks of cameras (needed for elliptical counts).
    low : str, optional
        The sentence lower-cased by :func:`campmap.gazetteer.names.lowercase`, when
        the caller has it already.

    A singular camera noun after ``a``, ``an`` or ``a single`` counts one.

    Examples
    --------
    >>> [(n.text, n.value) for n, _ in camera_counts("A new CCTV camera, not a dozen", True)]
    [('A', 1)]
    >>> [(n.value, k.value) for n, k in camera_counts(
    ...     "Up to five faces; 38 of the devices; four at the gate; aged 35", True)]
    [(38, 'cameras'), (4, 'elliptical')]
    """
    out = []
    low = lowercase(text) if low is None else low
    numbers = _find_numbers(text, low)
    starts = {n.start for n in numbers}
    # "a camera" counts one only where a camera noun is written.
    singulars = _SINGULAR.finditer(low) if _SINGULAR_NOUN.search(low) else ()
    for match in singulars:
        noun = _FIRST_NOUN.search(low, match.end(), match.end() + 60)
        if (
            match.start() not in starts
            and noun is not None
            and not noun.group().endswith("s")
            and _camera_noun_follows(text, match.end())
        ):
            phrase = text[match.start() : match.end()].strip()
            numbers.append(Number(phrase, match.start(), match.start() + len(phrase), 1))
    if "another" in low or "one" in low:
        written = _Spans((n.start, n.end) for n in numbers)
        for match in _ANOTHER.finditer(low):
            if not written.overlaps(match.start(), match.end()):
                start, end = match.span()
                numbers.append(Number(text[start:end], start, end, 1))
    numbers.sort(key=_BY_START)
    for number in numbers:
        # Both patterns end at the number and are short: search only just before it.
        prefix = _NOT_A_COUNT_BEFORE.search(text, max(0, number.start - 24), number.start)
        if prefix and not (
            prefix.group().strip().lower() in {"by", "in"}
            and (_camera_noun_follows(text, number.end) or _MORE.match(low, number.end))
        ):
            continue  # "by 2025", "in 12 days", but not "joined by four more"
        if number.value is not None and 1800 <= number.value <= 2100 and number.text.isdigit():
            continue  # a year
        if number.text.isdigit() and _MONTH_AFTER.match(low, number.end):
            continue  # a day of the month: "02 Dec", "3 May"
        if _camera_noun_follows(text, number.end):
            out.append((number, CountKind.CAMERAS))
        elif (
            about_cameras
            and number.value is not None
            and _HELD_BEFORE.search(low, max(0, number.start - 40), number.start)
            and _HELD_AFTER.match(low, number.end)
        ):
            out.append((number, CountKind.HELD))
        elif about_cameras and number.value is not None and _LOCATIVE_AFTER.match(low, number.end):
            out.append((number, CountKind.ELLIPTICAL))
    return out


def _camera_noun_follows(text: str, end: int) -> bool:
    """Whether a camera noun follows ``end`` within a few words (``four new CCTV cameras``)."""
    space = _SPACE.match(text, end)  # (it always matches)
    head = space.end() if space else end
    if text.startswith("-", end) or text.startswith(("%", "'"), head):
        return False
    for i, match in enumerate(_WORD_RE.finditer(text, head)):  # (the first words only)
        if i >= 6:
            return False
        word = match.group()
        if CAMERA_NOUN.fullmatch(word):
            # "a CCTV camera system", "two camera networks": systems, not cameras
            return not _NOT_CAMERAS_AFTER.match(text, match.end())
        if not _MODIFIER.match(word):
            return False
    return False


class _Spans:
    """Spans of a text (places, numbers found): tells in log time whether a span overlaps one.

    Spans are merged where they overlap, and added left to right.

    Examples
    --------
    >>> taken = _Spans([(4, 9), (0, 2)])
    >>> taken.overlaps(2, 4), taken.overlaps(8, 12)
    (False, True)
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(spans):
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        """Take a span that starts at or after every span taken so far."""
        if self.ends and start < self.ends[-1]:
            self.ends[-1] = max(self.ends[-1], end)
        else:
            self.starts.append(start)
            self.ends.append(end)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` shares a character with a span taken."""
        i = bisect_right(self.ends, start)  # the first span ending after start
        return i < len(self.starts) and self.starts[i] < end
