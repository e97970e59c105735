"""Place mentions in a sentence: known names, misspellings, and unknown place-like phrases."""

from __future__ import annotations

import re
from bisect import bisect_right
from operator import attrgetter
from typing import NamedTuple

from rapidfuzz.distance import DamerauLevenshtein

from campmap.extract.generic import find_generic
from campmap.extract.shapes import Shape, ShapeHit, find_shapes
from campmap.extract.words import LABEL_WORDS
from campmap.gazetteer import Gazetteer, Town, region_countries
from campmap.gazetteer.backends.towns import EXONYM_POPULATION, fold
from campmap.gazetteer.names import normalize
from campmap.records import Place

__all__ = ["PLACE_SUFFIXES", "PlaceHit", "find_places"]

_BY_START = attrgetter("start")  # (a sort key in C, not a lambda)

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


_FEATURE_FIRST = re.compile(r"(?:Mount|Mt\.?|Lake|Loch|Lough|Glen|Cape|Fort|Isle)\s")
"""``Mount Leinster``, ``Lake Ontario``: a hill or a lake named after a region is no region."""


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
    shape: str = "name"
    """What the phrase looks like (:class:`campmap.extract.shapes.Shape`), or the gazetteer
    place's kind for a known name."""


def _place_word(word: str) -> bool:
    """Whether a word ends a place name: a suffix such as Road, or a slip of one (Raod)."""
    if word in _SUFFIXES:
        return True
    return len(word) >= 4 and any(
        DamerauLevenshtein.normalized_similarity(word, suffix) >= 0.75
        for suffix in _LONG_SUFFIXES_BY_INITIAL.get(word[0], ())
    )


def find_places(text: str, gazetteer: Gazetteer, country: str | None = None) -> list[PlaceHit]:
    """Find the place mentions in a sentence, in order.

    Known names and aliases match exactly (after normalisation); a
    capitalised phrase ending in a place word (``Road``, ``Park``, ``Arch`` ...)
    that the gazetteer does not know exactly is matched by spelling
    (rapidfuzz), and kept as an unresolved candidate when nothing is close.
    A bare name (``Pontesbury``) is looked up among towns worldwide (in
    ``country`` first, when the report's country is known): a town is matched
    as ``town``.

    Examples
    --------
    >>> from campmap.gazetteer import default_gazetteer
    >>> [(h.text, h.match) for h in find_places(
    ...     "Cameras on Hoarse Guards Road and Mill Lane, not in China.", default_gazetteer())]
    [('Hoarse Guards Road', 'fuzzy'), ('Mill Lane', 'candidate'), ('China', 'region')]
    """
    names = [
        PlaceHit(
            h.text,
            h.start,
            h.end,
            h.places,
            "region" if h.region else "exact",
            shape="region" if h.region else h.places[0].kind,
        )
        for h in gazetteer.find_names(text)
        if not (h.region and _elsewhere(h.text, country)) and not _attributive(text, h.start, h.end)
    ]
    shapes = find_shapes(text)
    hits: list[PlaceHit] = []
    starts = [s.start for s in shapes]  # in text order, not overlapping
    for name in names:
        at = bisect_right(starts, name.start) - 1
        wider = shapes[at] if at >= 0 else None
        if wider is not None and not (
            name.end <= wider.end and (wider.end - wider.start) > (name.end - name.start)
        ):
            wider = None
        if wider is not None and (
            (
                wider.shape is not Shape.NAME
                and (name.match == "region" or _named_further(text, wider, name))
            )
            or (name.match == "region" and _FEATURE_FIRST.match(wider.text) is not None)
        ):
            continue  # "Bristol Road", "Downend High Street": the longer name is the place
        hits.append(name)
    covered = bytearray(len(text) + 1)  # taken characters: overlap checks stay linear
    for h in hits:
        covered[h.start : h.end] = b"\x01" * (h.end - h.start)
    for shape in _owned_names(shapes, gazetteer, country):
        start, end = shape.start, shape.end
        if any(covered[start:end]) or _no_place(text, shape, gazetteer):
            continue
        phrase = shape.text
        places: tuple[Place, ...] = ()
        match, score = "candidate", 0.0
        if shape.shape is not Shape.NAME or len(phrase.split()) >= 2:
            fuzzy = gazetteer.fuzzy(phrase) if shape.shape is not Shape.ROAD else None
            if fuzzy is not None:
                places, match, score = tuple(gazetteer.lookup(fuzzy[0])), "fuzzy", fuzzy[1]
            elif shape.shape is Shape.ROAD:
                places = tuple(gazetteer.lookup(phrase))
                if places:
                    match, score = "exact", 100.0
        if not places and shape.shape in (Shape.NAME, Shape.AREA):
            town = _town(gazetteer, phrase, country)
            if town is not None:
                places, match, score = (town.place(),), "town", 100.0
        hits.append(PlaceHit(phrase, start, end, places, match, score, shape.shape.value))
        covered[start:end] = b"\x01" * (end - start)
    if " the " in text or "The " in text or "'s " in text:  # (a cheap test before the pattern)
        for g in find_generic(text):
            if not any(covered[g.start : g.end]):
                hits.append(PlaceHit(g.text, g.start, g.end, (), "candidate", 0.0, "facility"))
    return _without_credits(text, sorted(hits, key=_BY_START))


def _without_credits(text: str, hits: list[PlaceHit]) -> list[PlaceHit]:
    """Drop the names in a photo credit (``(Photo: Jo Smith / Agency)``): they are no place."""
    if "(" not in text and "[" not in text:
        return hits
    credits = [m.span() for m in _CREDIT.finditer(text)]
    return [h for h in hits if not any(s <= h.start < e for s, e in credits)]


_CREDIT = re.compile(
    r"[\[(]\s*(?:[\w-]+\s+){0,2}?(?:photo(?:graph)?s?|pictures?|pics?|images?|credits?|fotos?)"
    r"\s*(?:credits?\s*)?(?:[:/\u2013\u2014-]|by\b|courtesy\b)[^\[\]()]{0,100}(?:[\])]|$)",
    re.IGNORECASE,
)
"""A bracketed photo credit: ``[Photo: Jo Smith \u2013 Agency]``, ``(Picture by Jo Smith)``,
``(AP Photo/Jo Smith)`` (not ``(photos of the cameras on Elm Road)``)."""
_OWNER = re.compile(r"([A-Z][\w-]+)['\u2019]s\s+(?=[A-Z])")


def _owned_names(
    shapes: list[ShapeHit], gazetteer: Gazetteer, country: str | None
) -> list[ShapeHit]:
    """Split a town's possessive off the name it owns: ``Sydney's | Kings Cross``.

    (:func:`~campmap.extract.shapes.find_shapes` splits it by form only when the
    name ends in a place word; a town the gazetteer knows tells it here.)
    """
    out: list[ShapeHit] = []
    for shape in shapes:
        owner = _OWNER.match(shape.text) if shape.shape is Shape.NAME else None
        if (
            owner is None
            or " " not in shape.text[owner.end() :]  # ("Lincoln's Landing": one name)
            or _town(gazetteer, owner.group(1), country) is None
        ):
            out.append(shape)
            continue
        cut = owner.end()
        out.append(ShapeHit(owner.group(1), shape.start, shape.start + owner.end(1), Shape.NAME))
        out.append(ShapeHit(shape.text[cut:], shape.start + cut, shape.end, Shape.NAME))
    return out


def _no_place(text: str, shape: ShapeHit, gazetteer: Gazetteer) -> bool:
    """Tell a name used as an adjective, or an ``-ing`` word no town has (``- Speeding``)."""
    if shape.shape is not Shape.NAME:
        return False
    if _GERUND.match(shape.text) and not gazetteer.towns(shape.text):
        return True
    if (
        " " not in shape.text
        and ":" in text[shape.end : shape.end + 60]  # (a cheap test before the patterns)
        and _LINE_START.fullmatch(text, text.rfind("\n", 0, shape.start) + 1, shape.start)
    ):
        if _LABEL_PHRASE.match(text, shape.end):
            return True  # "Fines for 9km/h over: $100": the head of a line's label
        if _LABEL_WORD.match(text, shape.end) and shape.text.lower() in LABEL_WORDS:
            return True  # "Route: Elm Road to Oak Road" (not "Upton: Elm Road")
    return _attributive(text, shape.start, shape.end)


_LINE_START = re.compile(r"[\s\-*\u2022\u00b7\u2013\d.)]*")
_LABEL_WORD = re.compile(r":(?!\d)")
_LABEL_PHRASE = re.compile(
    r"\s+(?:for|of|per|over|under|on|at|in|to|from|with|by)\s[^\n:.;!?,()]{0,40}?:(?!\d)"
)
"""A line's label that is a phrase: its first word is a common noun (``Fines for ...:``)."""


_GERUND = re.compile(r"^[A-Z][a-z]{3,}ing$")
"""One capitalised word ending in -ing (``Speeding``, ``Parking``) that names no town."""
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)
_ASIDE = r"(?:\s*\([^()]{1,30}\))?"  # "an Amber (child) alert": an aside in brackets
_NOUN_AFTER = re.compile(
    rf"{_ASIDE}(?:\s+(?:or|and)\s+[a-z]+{_ASIDE})?"
    r"\s+(?!(?:and|or|in|on|at|to|of|is|was|has|had|will|area|town|city|road|street)\b)[a-z]{3,}\b"
)


def _attributive(text: str, start: int, end: int) -> bool:
    """Tell a name used as an adjective, not as a place: ``a Springfield traffic light``."""
    before = max(0, start - 4)
    return (
        _holds_a(text[before:start])  # (a cheap test first)
        and bool(_ARTICLE_BEFORE.search(text, before, start))
        and bool(_NOUN_AFTER.match(text, end))
    )


def _holds_a(text: str) -> bool:
    """Whether a text holds an "a" (an article holds one)."""
    return "a" in text or "A" in text


def _elsewhere(name: str, country: str | None) -> bool:
    """Whether a region name is a state or province of another country than the report's."""
    if country is None:
        return False
    countries = region_countries().get(normalize(name))
    return countries is not None and country not in countries


_AREA_WORDS = re.compile(r"\s+(?:town|city)\s+cent(?:re|er)s?$", re.IGNORECASE)


def _town(gazetteer: Gazetteer, phrase: str, country: str | None) -> Town | None:
    """Return the town a bare name means: the most populous one, in the report's country."""
    bare = _AREA_WORDS.sub("", phrase)
    found = gazetteer.towns(bare)
    if found and not _own_name(found[0], bare):
        return None  # "Minister" is another spelling of a village (Minster): not that place
    if country is not None:
        found = tuple(t for t in found if t.country == country) or found
    return found[0] if found else None


def _own_name(town: Town, phrase: str) -> bool:
    """Whether a town is known by the phrase as written or is big enough to own its other names."""
    return fold(town.name) == fold(phrase) or town.population >= EXONYM_POPULATION


def _named_further(text: str, wider: ShapeHit, name: PlaceHit) -> bool:
    """Whether a longer shape adds capitalised words to a known name (a different place)."""
    extra = text[wider.start : name.start] + text[name.end : wider.end]
    return any(word[:1].isupper() or word[:1].isdigit() for word in extra.split())
