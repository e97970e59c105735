"""Places written with a qualifier that makes them one camera site.

Two ways of writing a place that candidates found word by word split wrongly:

- a **district of a town** named by a compass word before it, in lower case:
  ``north Leeds``, ``central Oldtown``. The bare town is the area a
  story is set in, but its north side is a site of its own (a district), so
  the compass word is taken into the candidate, which is then an area;
- a **bare road word near a place**: ``the Bypass near Elm Drive``. The
  bypass alone is no site (a town has one, and it is long); the place it is
  near says where on it the cameras are, so the two are one site;
- a **road number at a place**: ``the A123 at Little Marshby``, ``A77 west of
  Brindlow``, ``A99 Hollowmere``. A road number alone is a long road, not a site; with the
  village or street after it, it is one site, located by that place.
"""

from __future__ import annotations

import re

from campmap.extract.lists import listed
from campmap.extract.places import PlaceHit
from campmap.extract.roadrefs import ROAD_REF
from campmap.extract.shapes import find_shapes
from campmap.extract.words import STREET_HEADS
from campmap.records import Role

__all__ = ["carry_moved_from", "qualify", "road_at_place"]

_COMPASS_BEFORE = re.compile(
    r"(?:^|[\s(])((?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|"
    r"central|downtown|inner|outer|northern|southern|eastern|western)\s+)$"
)
_TOWN_MATCHES = frozenset({"region", "town"})
_CENTRE_AFTER = re.compile(r"\s+(?:CBD|[Cc]ity\s+[Cc]ent(?:re|er)|[Tt]own\s+[Cc]ent(?:re|er))\b")
_ROAD_AT = re.compile(
    r"^(?:\s+(?:at|near|in|by|(?:just\s+)?(?:north|south|east|west|north-?east|north-?west|"
    r"south-?east|south-?west)\s+of)\s+(?:the\s+)?|\s)$"
)
_AT_PLACE = frozenset({"name", "street", "facility", "area"})
_AT_WORDS = re.compile(
    r"\s+(?:(?:at|near|in|by|(?:just\s+)?(?:north|south|east|west|north-?east|north-?west|"
    r"south-?east|south-?west)\s+of)\s+(?:the\s+)?)?[A-Z]"
)
_REACH = 60
_LEADING_WORD = re.compile(r"^ [A-Z][a-z]+ $")
"""``B812 Old Quarry Road``: a capitalised word the name finder took for a sentence's first."""
_NEAR_GAP = re.compile(r"^\s+(?:near|at|by|off|outside)\s+(?:the\s+)?$")
_NEAR_TARGETS = frozenset({"street", "facility", "junction", "area"})
_POSITION_GAP = re.compile(
    r"^\s*(?:,|\s[-\u2013])\s+(?:near|(?:just\s+)?(?:north|south|east|west)\s+of|close\s+to|"
    r"next\s+to)\s+(?:the\s+)?(?:junction\s+(?:with|of)\s+(?:the\s+)?)?$"
)
_STREETS = frozenset({"street", "road"})


def qualify(text: str, hits: list[PlaceHit]) -> list[PlaceHit]:
    """Return the hits with compass districts and roads at places joined (see the module).

    Parameters
    ----------
    text : str
        The sentence.
    hits : list of PlaceHit
        Its candidate places, in order (junctions already joined).

    Examples
    --------
    >>> text = "Sensors were put in north Leeds."
    >>> town = PlaceHit("Leeds", 26, 31, (), "region", 100.0, "name")
    >>> [h.text for h in qualify(text, [town])]
    ['north Leeds']
    >>> text = "A camera goes on the A123 at Upton."
    >>> road = PlaceHit("A123", 21, 25, (), "candidate", 0.0, "road")
    >>> village = PlaceHit("Upton", 29, 34, (), "candidate", 0.0, "name")
    >>> [h.text for h in qualify(text, [road, village])]
    ['A123 at Upton']
    """
    out: list[PlaceHit] = []
    for hit in _named_after_roads(text, hits):
        hit = _district(text, hit)
        if out and (_bare_road_near(text, out[-1], hit) or _position_on(text, out[-1], hit)):
            first = out[-1]
            out[-1] = PlaceHit(
                text[first.start : hit.end],
                first.start,
                hit.end,
                hit.places,
                hit.match,
                hit.score,
                hit.shape,
            )
        elif out and _road_at(text, out[-1], hit):
            road = out[-1]
            out[-1] = PlaceHit(
                text[road.start : hit.end],
                road.start,
                hit.end,
                hit.places if hit.match != "region" else (),
                hit.match if hit.match != "region" else "candidate",
                hit.score,
                "road",
            )
        else:
            out.append(hit)
    return out


def _district(text: str, hit: PlaceHit) -> PlaceHit:
    """Widen ``north Leeds`` and ``Leeds CBD``: a district of a town, not the town."""
    if hit.match not in _TOWN_MATCHES or hit.shape not in ("name", "region"):
        return hit
    centre = _CENTRE_AFTER.match(text, hit.end)
    if centre is not None:
        end = centre.end()
        return PlaceHit(text[hit.start : end], hit.start, end, (), "candidate", 0.0, "area")
    found = _COMPASS_BEFORE.search(text, max(0, hit.start - 16), hit.start)
    if found is None:
        return hit
    start = hit.start - len(found.group(1))
    return PlaceHit(text[start : hit.end], start, hit.end, (), "candidate", 0.0, "area")


def _road_at(text: str, road: PlaceHit, hit: PlaceHit) -> bool:
    """Tell ``A123 at Upton``: a road number, then the place on it where the site is."""
    return (
        road.shape == "road"
        and hit.shape in _AT_PLACE
        and hit.text[:1].isupper()
        and bool(_ROAD_AT.match(text[road.end : hit.start]))
    )


def road_at_place(hit: PlaceHit) -> bool:
    """Tell whether a candidate is a road number with the place on it after (``A123 at Upton``)."""
    if hit.shape != "road":
        return False
    found = ROAD_REF.match(hit.text)
    return found is not None and bool(_AT_WORDS.match(hit.text, found.end()))


def _named_after_roads(text: str, hits: list[PlaceHit]) -> list[PlaceHit]:
    """Add the name written right after a road number when no candidate covers it.

    ``A99 Hollowmere``, ``B812 Quarry Road``: the road number's match takes the
    start of the run of capitalised words, so the name after it is lost.
    """
    out: list[PlaceHit] = []
    for k, hit in enumerate(hits):
        out.append(hit)
        if hit.shape != "road" or text[hit.end : hit.end + 1] != " ":
            continue
        limit = hits[k + 1].start if k + 1 < len(hits) else min(len(text), hit.end + _REACH)
        after = text[hit.end : limit]
        shapes = find_shapes(after)
        if shapes and (shapes[0].start == 1 or _LEADING_WORD.match(after[: shapes[0].start])):
            first = shapes[0]
            start, end = hit.end + 1, hit.end + first.end
            out.append(
                PlaceHit(text[start:end], start, end, (), "candidate", 0.0, first.shape.value)
            )
    return out


def _position_on(text: str, street: PlaceHit, hit: PlaceHit) -> bool:
    """Tell ``Mill Road, near the junction with Elm Street``: where on a street, as one site.

    Only after a comma or a dash: ``Mill Road east of Elm Street`` stays the street.
    """
    return (
        street.shape in _STREETS
        and hit.shape in _NEAR_TARGETS
        and bool(_POSITION_GAP.match(text[street.end : hit.start]))
    )


def _bare_road_near(text: str, first: PlaceHit, hit: PlaceHit) -> bool:
    """Tell ``the Bypass near Elm Drive``: one road word alone, then the place it is near."""
    return (
        " " not in first.text
        and first.text.lower() in STREET_HEADS
        and hit.shape in _NEAR_TARGETS
        and bool(_NEAR_GAP.match(text[first.end : hit.start]))
    )


_GONE = frozenset({"relocated_from", "removed"})
_LOCALITY_GAP = re.compile(r"^(?:\s*,?\s+in\s+|\s*\(\s*)(?:the\s+)?$")
"""``A in Upton, B``, ``A (Upton), B``: the locality of the place before."""
_FROM_AGAIN = re.compile(
    r"^\s*\)?\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+|&\s*)(?:from\s+)?(?:the\s+)?$"
)
"""``A, from B and from C``, ``A (Upton), B``: the list the place before opened goes on."""


def carry_moved_from(
    low: str, hits: list[PlaceHit], roles: list[Role], statuses: list[str]
) -> list[str]:
    """Return the statuses with ``moved from A, B and C`` carried from A to the sites listed after.

    Only sites that follow the first one with nothing but list words (and a
    locality, ``A in Upton, B``) between take its status.
    """
    out = list(statuses)
    carried: str | None = None
    for i, hit in enumerate(hits):
        gap = low[hits[i - 1].end : hit.start] if i else ""
        if roles[i] is Role.SITE:
            if carried is not None and (
                listed(gap) or _LOCALITY_GAP.match(gap) or _FROM_AGAIN.match(gap)
            ):
                out[i] = carried
            carried = out[i] if out[i] in _GONE else None
        elif not _LOCALITY_GAP.match(gap):  # (not "A in Upton, B": Upton is A's locality)
            carried = None
    return out
