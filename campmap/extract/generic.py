"""Sites named by a lower-case common noun: ``the village hall``, ``the skate park``.

Small places often write their camera sites without a proper name: the
cameras go up *at the village hall*, *outside the railway station*, *by the
fish pier*. The report's town is the only other name, so these phrases are
candidates of their own. Only a preposition of place followed by ``the`` and
a noun for a building or an open space opens one, so a passing mention ("the
hall was full") is not found; so do ``in the middle (end, side ...) of the``,
``cameras in the town centre``, a noun that names the cameras (``the car park
cameras``) and one that ends a list (``on Elm Street and the town centre.``).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from campmap.extract.words import FUNCTION_WORDS, TIME_WORDS

__all__ = ["GenericHit", "find_generic"]

_QUALIFIER = (
    r"village|town|parish|community|church|memorial|railway|train|bus|ferry|central|main|"
    r"old|new|local|public|fish|sports?|leisure|skate|recreation|(?:town|city)\s+cent(?:re|er)"
)
_NOUN = (
    r"hall|station|pier|skate\s?park|skatepark|library|playground|car\s+park|green|square|"
    r"cross|market\s+place|marketplace|bus\s+shelter|recreation\s+ground|sports\s+ground|"
    r"park|beach|harbour|harbor|quay|precinct|high\s+street|war\s+memorial|clock\s+tower|"
    r"(?:town|city)\s+cent(?:re|er)|walkway|footbridge|piazza|plaza|concourse|promenade|"
    r"seafront|waterfront|riverside|level\s+crossing|underpass|subway|alleyway|"
    r"(?:shopping|leisure|community|civic|sports)\s+cent(?:re|er)|retail\s+park|industrial\s+estate|"
    r"business\s+park|bus\s+stop"
)
_NOUNS = rf"(?:{_NOUN})(?:e?s)?"
"""A noun, or its plural (``the town centre car parks``)."""
_ENDERS = FUNCTION_WORDS + "|thanks|" + TIME_WORDS
"""Words after which a phrase has ended (``and the town centre thanks to ...``)."""
_GENERIC = re.compile(
    r"\b(?:(?:at|outside|near|beside|by|opposite|behind|around|in\s+front\s+of|next\s+to|"
    r"along|on|across|throughout|inside|within|overlooking|covering)\s+"
    r"the\s+(?:(?:middle|centre|center|end|edge|side|top|foot)\s+of\s+the\s+)?|"
    r"(?:in|on)\s+the\s+(?:middle|centre|center|end|edge|side|top|foot)\s+of\s+the\s+)"
    rf"(?P<place>(?:(?:{_QUALIFIER})\s+){{0,2}}{_NOUNS})\b(?!\s+of\b|['\u2019]s)"
    # "at Upton's central railway station": the town's common-noun place
    r"|\b(?:at|outside|near|beside|by|opposite|around|in|and)\s+[A-Z][\w-]+['\u2019]s\s+"
    rf"(?P<owned>(?:(?:{_QUALIFIER})\s+){{0,2}}{_NOUNS})\b(?!\s+of\b|['\u2019]s)"
    # "cameras in the town centre" (an area of the sites when the report names streets)
    r"|\bin\s+the\s+(?P<centre>(?:town|city)\s+cent(?:re|er)(?:\s+car\s+parks?)?)\b"
    r"(?!\s+of\b|['\u2019]s)"
    # "the car park cameras": cameras named by their place
    rf"|\b[Tt]he\s+(?P<named>(?:(?:{_QUALIFIER})\s+){{0,2}}{_NOUNS})"
    r"(?=\s+(?i:(?:cctv|security|speed)\s+)?(?i:cameras?|cctv)\b)"
    # "12 cameras in the central city": cameras in a centre or on a street
    r"|\b(?i:cameras?|cctv)\s+(?:[a-z]+\s+){0,2}?in\s+the\s+(?P<area>(?:town|city)\s+cent(?:re|er)|central\s+city|central\s+business\s+"
    r"district|high\s+street|town\s+square|market\s+place|precinct)\b(?!\s+of\b|['\u2019]s|\s+[a-z]+ers?\b)"
    # "on Elm Street and the town centre": the phrase ends an item of a list
    rf"|\band\s+the\s+(?P<item>(?:(?:{_QUALIFIER})\s+){{0,2}}{_NOUNS})(?=\s*(?:[.,;:)]|$)|\s+(?:{_ENDERS})\b)"
)


class GenericHit(NamedTuple):
    """A site named by a common noun, with its span in the sentence."""

    text: str
    start: int
    end: int


def find_generic(text: str) -> list[GenericHit]:
    """Find the sites a sentence names by a lower-case common noun after a preposition.

    Examples
    --------
    >>> find_generic("Three cameras went up at the village hall on Monday.")
    [GenericHit(text='village hall', start=29, end=41)]
    >>> find_generic("The hall of the Town Council met.")
    []
    >>> find_generic("Cameras outside the station of Upton")
    []
    >>> find_generic("Cameras on Elm Road and the town centre.")
    [GenericHit(text='town centre', start=28, end=39)]
    >>> find_generic("The council and the town centre manager met.")
    []
    >>> find_generic("The car park cameras were damaged.")
    [GenericHit(text='car park', start=4, end=12)]
    >>> find_generic("Work on the high street CCTV starts soon.")
    [GenericHit(text='high street', start=12, end=23)]
    >>> find_generic("Faces were scanned at Upton's central railway station.")
    [GenericHit(text='central railway station', start=30, end=53)]
    >>> find_generic("Police have 12 cameras in the central city.")
    [GenericHit(text='central city', start=30, end=42)]
    >>> find_generic("Patrols keep the peace in the central city.")
    []
    """
    return [
        GenericHit(m.group(group), m.start(group), m.end(group))
        for m in _GENERIC.finditer(text)
        for group in (
            next(g for g in ("place", "owned", "centre", "named", "area", "item") if m.group(g)),
        )
    ]
