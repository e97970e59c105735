"""Report-level passes: a road that several of a report's sites share is not a site itself.

Nor is a road whose crossings with other roads are the report's sites
(:func:`settle_roads`): ``two junctions on Mill Road: Mill Rd at Elm St and Mill
Rd at Oak Ave``.

A report may place its cameras along one road at several points, each named by
a place beside the road: ``Cameras go on Hale Motorway near Tor Road and on Hale
Motorway near Bell Street``, ``two cameras on the B12 - one at Fenby and the other
at Holt Hill``, ``B12 through Fenby; B12 Holt to Wexham``. The road only says which
road the sites are on; the places beside it say where on it the cameras are.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from campmap.records import Mention, Role

__all__ = ["CROSSED", "SHARED", "settle_roads", "settle_shared_roads"]

SHARED = "a road several of the report's sites are on"
CROSSED = "a road whose crossings with others are the report's sites"
_ROAD_SHAPES = frozenset({"street", "road"})
_BESIDE = re.compile(
    r"^\s*,?\s*(?:near|by|beside|outside|opposite|past|off|at)\s+(?:the\s+)?$", re.IGNORECASE
)
"""``Hale Motorway near Tor Road``: the place beside the road."""
_SPLIT = re.compile(
    r"^\s*[-\u2013\u2014:,]?\s*(?:one|the\s+first)\s+(?:at|on|in|near|by)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
"""``on the B12 - one at Fenby and the other at Holt Hill``: the road's cameras, one by one
(not ``four on A Street; one at B``: a semicolon starts another site)."""
_AND = re.compile(r"^\s*(?:and|&)\s+$")
_REF = re.compile(r"^[A-Z]{1,2}\d{1,4}$")
"""A bare road number (``B12``, ``M4``)."""


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def settle_shared_roads(mentions: Sequence[Mention]) -> list[Mention]:
    """Move the site from a road shared by several sites to the places beside it.

    A road named as a site twice or more in a report, each time followed by the
    place it is near (``X Motorway near Y``), becomes context and the place
    becomes the site. A road whose cameras are then placed one by one (``on the
    B12 - one at Fenby and the other at Holt Hill``), or a bare road number that
    heads another site's name (``B12`` beside ``B12 Holt``), becomes context.
    """
    out = list(mentions)
    named: dict[tuple[str, str], int] = {}
    heads: set[tuple[str, str]] = set()
    for m in out:
        if m.role is Role.SITE and m.shape in _ROAD_SHAPES:
            named[(m.source, _key(m.text))] = named.get((m.source, _key(m.text)), 0) + 1
            first, _, rest = m.text.partition(" ")
            if rest and _REF.match(first):
                heads.add((m.source, first.lower()))
    if not named:
        return out
    shared: set[tuple[str, str]] = set()
    for i, m in enumerate(out):
        if m.role is not Role.SITE or m.shape not in _ROAD_SHAPES:
            continue
        after = [n for n in out[i + 1 : i + 4] if n.sentence is m.sentence]
        if named.get((m.source, _key(m.text)), 0) >= 2 and after and after[0].role is Role.CONTEXT:
            beside = after[0]
            if _BESIDE.match(m.sentence.text[m.end : beside.start]):
                shared.add((m.source, _key(m.text)))
                out[i] = _context(m, SHARED)
                out[out.index(beside, i + 1)] = dataclasses.replace(
                    beside,
                    role=Role.SITE,
                    status=m.status,
                    camera=m.camera,
                    reason=SHARED,
                    reasons=(SHARED,),
                )
                continue
        if _one_by_one(m, after) or (_REF.match(m.text) and (m.source, m.text.lower()) in heads):
            out[i] = _context(m, SHARED)
    return _plural_shared(out, shared) if shared else out


def _plural_shared(out: list[Mention], shared: set[tuple[str, str]]) -> list[Mention]:
    """Make context the shared roads named together: ``along the Hale and Orrin Motorways``."""
    for i, m in enumerate(out):
        words = m.text.split()
        if m.role is not Role.SITE or len(words) < 2 or not words[-1].endswith("s"):
            continue
        head = words[-1][:-1].lower()
        if (m.source, _key(" ".join([*words[:-1], head]))) not in shared:
            continue
        out[i] = _context(m, SHARED)
        first = out[i - 1] if i else None
        if (
            first is not None
            and first.sentence is m.sentence
            and _AND.match(m.sentence.text[first.end : m.start])
            and (m.source, _key(f"{first.text} {head}")) in shared
        ):
            out[i - 1] = _context(first, SHARED)
    return out


def _one_by_one(road: Mention, after: list[Mention]) -> bool:
    """Whether the road's cameras are placed one by one next: ``- one at X and the other at Y``."""
    split = after[:2]
    return (
        len(split) == 2
        and all(n.role is Role.SITE for n in split)
        and bool(_SPLIT.match(road.sentence.text[road.end : split[0].start]))
    )


def _context(m: Mention, reason: str) -> Mention:
    return dataclasses.replace(
        m,
        role=Role.CONTEXT,
        status="context",
        count=None,
        count_text=None,
        reason=reason,
        reasons=(reason,),
    )


_ROAD_HEAD = re.compile(
    r"\s+(?:road|rd|street|st|avenue|ave|av|boulevard|blvd|drive|dr|lane|ln|way|highway|hwy|"
    r"parkway|pkwy|pike)\.?(?:\s+(?:north|south|east|west|[nsew]))?$"
)
_CROSSING_PARTS = re.compile(r"\s+(?:and|at|&|with)\s+|\s*/\s*")


def settle_roads(mentions: Sequence[Mention]) -> list[Mention]:
    """Make context a road named as a site when two of its report's sites are its crossings.

    ``Cameras go up at two junctions on Mill Road: Mill Rd at Elm St and Mill Rd at Oak
    Ave``: the sites are the crossings; the road itself only says which road they are on.
    A road given its own count keeps it.
    """
    crossed: dict[tuple[str, str], int] = {}
    for m in mentions:
        if m.role is Role.SITE and m.shape == "junction":
            for part in set(_CROSSING_PARTS.split(m.text.lower())):
                key = (m.source, _road_key(part))
                crossed[key] = crossed.get(key, 0) + 1
    if not crossed:
        return list(mentions)
    out = []
    for m in mentions:
        if (
            m.role is Role.SITE
            and m.shape in ("street", "road")
            and m.count is None
            and crossed.get((m.source, _road_key(m.text)), 0) >= 2
        ):
            m = _context(m, CROSSED)
        out.append(m)
    return out


def _road_key(text: str) -> str:
    return _ROAD_HEAD.sub("", " ".join(text.lower().replace(".", " ").split()))
