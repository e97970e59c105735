"""Areas that frame other sites: a town named as where sites are is not a site itself.

``cameras on Sundale Avenue in Selsdon``, ``Regent Street, Kingswood`` and ``In
Orewa, they will be on Centreway Road ...`` name a town or district only to
say where the sites are. Once a report uses a name so, every mention of it in
that report is context, even where another sentence reads as putting cameras
there (``three in Orewa``): the report's sites in it are the real ones.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence

from campmap.records import Mention, Role

__all__ = ["CORRIDOR", "FRAMING", "settle_areas", "settle_corridors"]

FRAMING = "an area other sites in the report are in"
CORRIDOR = "a road whose crossings are the sites"
_LOCALITY_REASONS = frozenset(
    {
        "the town or district the place before it is in",
        "the town or district the place after it is in",
        "frames the places after it",
        "an area the sites are spread over",
    }
)
_HEADS = re.compile(
    r"\s+(?:town|city)\s+cent(?:re|er)s?$|\s+(?:town|village|district|suburb|area|borough)$",
    re.IGNORECASE,
)


def _key(text: str) -> str:
    return _HEADS.sub("", " ".join(text.lower().replace("\u2019", "'").split()))


def settle_areas(mentions: Sequence[Mention], address: str = "") -> list[Mention]:
    """Make context every site mention of a name the report uses as an area of other sites.

    A town the report is set in is such an area too, when the report names
    at least two streets or buildings as sites and no other town as one, and
    the town stands in the report's address (``Source:`` line) or is named
    more than once.

    Parameters
    ----------
    mentions : sequence of Mention
        A report's mentions in order.
    address : str
        The report's ``Source:`` lines, if any.

    Returns
    -------
    list of Mention
        The same mentions, with framing areas turned to context.
    """
    framing = _framing_names(mentions) | _setting_towns(mentions, address)
    if not framing:
        return list(mentions)
    return [
        _context(m, FRAMING)
        if m.role is Role.SITE and m.shape == "name" and _key(m.text) in framing
        else m
        for m in mentions
    ]


def settle_corridors(mentions: Sequence[Mention]) -> list[Mention]:
    """Make context a street named alone where two or more of the report's sites cross it.

    ``cameras along Elm Avenue`` then ``Elm Avenue and Mill Road``, ``Elm
    Avenue and Park Lane``: the cameras are at the crossings, and the street
    alone names none of them.
    """
    crossings = [
        f" {_words(m.text)} " for m in mentions if m.role is Role.SITE and m.shape == "junction"
    ]
    if len(crossings) < 2:
        return list(mentions)
    return [
        _context(m, CORRIDOR)
        if m.role is Role.SITE
        and m.shape in _CORRIDOR_SHAPES
        and sum(1 for c in crossings if f" {_words(m.text)} " in c) >= 2
        else m
        for m in mentions
    ]


_CORRIDOR_SHAPES = frozenset({"street", "road"})


def _words(text: str) -> str:
    """Return a name's words, lower case, punctuation aside (``Elm Rd/Oak St`` has ``elm rd``)."""
    return " ".join(re.findall(r"[\w'\u2019]+", text.lower()))


def _context(mention: Mention, reason: str) -> Mention:
    return dataclasses.replace(
        mention,
        role=Role.CONTEXT,
        status="context",
        reason=reason,
        reasons=(reason, *mention.reasons),
        count=None,
        count_text=None,
    )


def _setting_towns(mentions: Sequence[Mention], address: str) -> set[str]:
    """Towns the report is set in, when it names streets or buildings as its sites."""
    streets = {_key(m.text) for m in mentions if m.role is Role.SITE and m.shape != "name"}
    if len(streets) < 2:
        return set()
    towns = {_key(m.text) for m in mentions if m.role is Role.SITE and m.shape == "name"}
    named: dict[str, int] = {}
    for m in mentions:
        if m.shape == "name" and m.match == "town":
            named[_key(m.text)] = named.get(_key(m.text), 0) + 1
    squeezed = re.sub(r"[^a-z]", "", address.lower())
    addressed = {k for k in named if len(k) >= 4 and re.sub(r"[^a-z]", "", k) in squeezed}
    if len(addressed) == 1:
        return addressed  # one town in the address: the report's own
    if len(towns) == 1 and addressed <= towns:
        return {k for k in towns if named.get(k, 0) >= 2}
    return set()  # several towns: the report is about them all


def _framing_names(mentions: Iterable[Mention]) -> set[str]:
    return {_key(m.text) for m in mentions if m.reason in _LOCALITY_REASONS}
