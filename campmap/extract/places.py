"""Place mentions in a sentence: known names, misspellings, and unknown place-like phrases."""

from __future__ import annotations

import re
from typing import NamedTuple

from rapidfuzz.distance import DamerauLevenshtein

from campmap.extract.scan import Spans
from campmap.gazetteer import Gazetteer
from campmap.records import Place

__all__ = ["PLACE_SUFFIXES", "PlaceHit", "find_places"]

PLACE_SUFFIXES = (
    "Road", "Rd", "Street", "St", "Lane", "Ln", "Avenue", "Ave", "Walk", "Way", "Square", "Sq",
    "Park", "Gardens", "Garden", "Place", "Gate", "Bridge", "Arch", "Memorial", "Statue",
    "Station", "Hill", "Row", "Terrace", "Crescent", "Close", "Court", "Embankment", "Circus",
    "Market", "Parade", "Green", "Common", "Yard", "Mews", "Drive", "Grove", "Rise", "Wharf",
    "Quay", "Broadway", "Boulevard", "Plaza", "Roundabout", "Palace", "Abbey", "Cathedral",
    "Column", "Monument", "Fountain", "Pier", "Promenade", "Precinct", "Piazza", "Centre",
    "Estate", "Quarter", "Village",
)  # fmt: skip
"""Last words that make a capitalised phrase a place, even when the gazetteer does not know it."""

_CAP = r"(?:[A-Z][\w'\-]*\.?)"
_JOIN = r"(?:\s+(?:of|the|upon|de|la|le|du|des|van|von)(?=\s+[A-Z]))?"
# A run of capitalised words: ``\b(?:{_CAP}{_JOIN}\s+){1,4}{_CAP}``, written to start with a
# character class (``[A-Z]`` not after a word character), which the regex engine scans for fast.
_CANDIDATE = re.compile(
    rf"[A-Z](?<!\w[A-Z])[\w'\-]*\.?{_JOIN}\s+(?:{_CAP}{_JOIN}\s+){{0,3}}{_CAP}(?!['\w])"
)
_SUFFIXES = frozenset(PLACE_SUFFIXES)
_LONG_SUFFIXES_BY_INITIAL: dict[str, list[str]] = {}
for _suffix in PLACE_SUFFIXES:
    if len(_suffix) >= 4:
        _LONG_SUFFIXES_BY_INITIAL.setdefault(_suffix[0], []).append(_suffix)
_ROAD_NUMBER = re.compile(r"[AMB](?<!\w[AMB])[1-9]\d{0,3}(?:\(M\))?(?![\w(])")
"""British road numbers (``A38``, ``M25``, ``A1(M)``): places even if the gazetteer lacks them."""
_LEADING = re.compile(r"^(?:(?:The|A|An|At|On|In|By|And|Near|Outside|Cameras?|CCTV)\s+)+")


class PlaceHit(NamedTuple):
    """A place-like phrase in a sentence.

    Attributes
    ----------
    text : str
        The words as written.
    start, end : int
        Span in the sentence.
    places : tuple of Place
        Candidates, best first; empty when unresolved or a region.
    match : str
        ``exact``, ``fuzzy``, ``candidate`` or ``region``.
    score : float
        100 for exact matches, the rapidfuzz ratio for fuzzy ones.
    """

    text: str
    start: int
    end: int
    places: tuple[Place, ...]
    match: str
    score: float = 100.0


def _place_word(word: str) -> bool:
    """Whether a word ends a place name: a suffix such as Road, or a slip of one (Raod)."""
    if word in _SUFFIXES:
        return True
    return len(word) >= 4 and any(
        DamerauLevenshtein.normalized_similarity(word, suffix) >= 0.75
        for suffix in _LONG_SUFFIXES_BY_INITIAL.get(word[0], ())
    )


def find_places(text: str, gazetteer: Gazetteer) -> list[PlaceHit]:
    """Find the place mentions in a sentence, in order.

    Known names and aliases match exactly (after normalisation); a
    capitalised phrase ending in a place word (``Road``, ``Park``, ``Arch`` ...)
    that the gazetteer does not know exactly is matched by spelling
    (rapidfuzz), and kept as an unresolved candidate when nothing is close.

    Examples
    --------
    >>> from campmap.gazetteer import default_gazetteer
    >>> [(h.text, h.match) for h in find_places(
    ...     "Cameras on Hoarse Guards Road and Mill Lane, not in China.", default_gazetteer())]
    [('Hoarse Guards Road', 'fuzzy'), ('Mill Lane', 'candidate'), ('China', 'region')]
    """
    hits = [
        PlaceHit(h.text, h.start, h.end, h.places, "region" if h.region else "exact")
        for h in gazetteer.find_names(text)
    ]
    names = Spans((h.start, h.end) for h in hits)
    phrases = Spans(())  # (found left to right, never overlapping one another)
    for match in _CANDIDATE.finditer(text):
        start, end = match.span()
        lead = _LEADING.match(match.group())
        if lead:
            start += lead.end()
        phrase = text[start:end].rstrip(".")
        end = start + len(phrase)
        words = phrase.split()
        if len(words) < 2 or not _place_word(words[-1]):
            continue
        if names.overlaps(start, end):
            continue
        fuzzy = gazetteer.fuzzy(phrase)
        if fuzzy is not None:
            places = tuple(gazetteer.lookup(fuzzy[0]))
            hits.append(PlaceHit(phrase, start, end, places, "fuzzy", fuzzy[1]))
        else:
            hits.append(PlaceHit(phrase, start, end, (), "candidate", 0.0))
        phrases.add(start, end)
    for match in _ROAD_NUMBER.finditer(text):
        start, end = match.span()
        if not names.overlaps(start, end) and not phrases.overlaps(start, end):
            places = tuple(gazetteer.lookup(match.group()))
            hits.append(
                PlaceHit(
                    match.group(),
                    start,
                    end,
                    places,
                    "exact" if places else "candidate",
                    100.0 if places else 0.0,
                )
            )
    return sorted(hits, key=lambda h: h.start)
