"""Words for sites and crossings in a sentence: the layout's tests, each with a cheap one first.

:mod:`campmap.extract.layout` asks of every sentence of a report whether it
speaks of crossings (``at the junction of``), of sites or locations, and
whether it is a heading over a list of camera sites. Few sentences do, and
every match of each pattern holds one of a few plain words: a substring test
for them comes first, and the pattern runs only when one is there.
"""

from __future__ import annotations

import re

from campmap.extract.anyof import any_of

__all__ = ["announces_list", "names_junctions", "names_sites", "sites_heading"]

_JUNCTION_WORD = any_of([r"\b(?:intersections?|junctions?|crossroads|corners?)\b"])
_SITES_NOUN = any_of([r"\b(?:locations|sites)\b"])
_SITES_HEADING = re.compile(
    r"^.{0,50}\b(?:camera|cctv|anpr)\s+(?:[\w-]+\s+)?(?:sites|locations|places)\s*$", re.I
)  # (a heading over a table or list: "Current active camera sites")
_HEADING_ENDS = ("sites", "locations", "places")
_ANNOUNCES = re.compile(
    r"^(?:(?:the\s+)?following\s+(?:is|are)\b|(?:below|here)\s+(?:is|are)\s+(?:the|a)\b)"
    r"|\b(?:as\s+follows|(?:are|is)\s+(?:listed\s+)?below)\s*[.:]?\s*$"
)
_ANNOUNCE_WORDS = ("following", "below", "here", "follows")


def names_junctions(text: str) -> bool:
    """Whether a text names intersections, junctions, crossroads or corners (as written).

    Examples
    --------
    >>> names_junctions("at the junction of A and B"), names_junctions("at the Junction")
    (True, False)
    """
    return (
        "junction" in text or "intersection" in text or "corner" in text or "crossroads" in text
    ) and _JUNCTION_WORD.search(text) is not None


def names_sites(low: str) -> bool:
    """Whether a lower-case sentence speaks of ``sites`` or ``locations``.

    Examples
    --------
    >>> names_sites("the new locations are"), names_sites("a website")
    (True, False)
    """
    return ("sites" in low or "locations" in low) and _SITES_NOUN.search(low) is not None


def sites_heading(line: str) -> bool:
    """Whether a line is a heading over camera sites (``Current active camera sites``).

    Examples
    --------
    >>> sites_heading("Current active camera sites"), sites_heading("New camera rules")
    (True, False)
    """
    # (on ASCII text, IGNORECASE finds nothing lower() misses)
    if line.isascii() and not line.rstrip().lower().endswith(_HEADING_ENDS):
        return False
    return _SITES_HEADING.match(line) is not None


def announces_list(low: str) -> bool:
    """Whether a lower-case sentence announces a list that follows it, colon or not.

    ``Following are the places where the cameras are fixed.``, ``The sites are
    as follows.``, ``Here are the locations``, ``... are listed below``.

    Examples
    --------
    >>> announces_list("following are the places where cameras are fixed.")
    True
    >>> announces_list("the cameras are listed below"), announces_list("following a review")
    (True, False)
    """
    return any(w in low for w in _ANNOUNCE_WORDS) and _ANNOUNCES.search(low.strip()) is not None
