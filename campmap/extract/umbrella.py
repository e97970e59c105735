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
from functools import lru_cache

from campmap.records import Mention, Role

__all__ = ["AGAIN", "FRAMING", "settle_areas"]

FRAMING = "an area other sites in the report are in"
_LOCALITY_REASONS = frozenset(
    {
        "the town or district the place before it is in",
        "the town or district the place after it is in",
        "frames the places after it",
        "an area the sites are spread over",
    }
)
_AREA_SHAPES = frozenset({"name", "facility"})  # ("Hervey Bay", "Jefferson Park": a district)
_HEADS = re.compile(
    r"\s+(?:town|city)\s+cent(?:re|er)s?$|\s+(?:town|village|district|suburb|area|borough)$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1024)  # a report's names are keyed again by each test below
def _key(text: str) -> str:
    return _HEADS.sub("", " ".join(text.lower().replace("\u2019", "'").split()))


def settle_areas(mentions: Sequence[Mention], address: str = "") -> list[Mention]:
    """Make context every site mention of a name the report uses as an area of other sites.

    A town the report is set in is such an area too, when the report names
    at least two streets or buildings as sites and no other town as one, and
    the town stands in the report's address (``Source:`` line) or is named
    more than once; so is "the town centre", when the report names at least two
    streets or buildings as sites. A common noun that names a site again
    (``Elm Park`` ... ``the park``) is context too: the site is counted once.

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
    centre = _framing_centre(mentions)
    again = _named_again(mentions)
    if not framing and not centre and not again:
        return list(mentions)
    out = []
    for mention in mentions:
        if mention.role is Role.SITE and (
            (mention.shape in _AREA_SHAPES and _key(mention.text) in framing)
            or (centre and _centre(mention.text))
            or mention.text in again
        ):
            reason = AGAIN if mention.text in again else FRAMING
            mention = dataclasses.replace(
                mention,
                role=Role.CONTEXT,
                status="context",
                reason=reason,
                reasons=(reason, *mention.reasons),
                count=None,
                count_text=None,
            )
        out.append(mention)
    return out


def _setting_towns(mentions: Sequence[Mention], address: str) -> set[str]:
    """Towns the report is set in, when it names streets or buildings as its sites."""
    streets = {_key(m.text) for m in mentions if m.role is Role.SITE and m.shape != "name"}
    if len(streets) < 2:
        return set()
    towns = {_key(m.text) for m in mentions if m.role is Role.SITE and m.shape == "name"}
    # "Upton Airport and the Upton business district": sites named after the town it frames
    prefixed = {k for k in towns if sum(s.startswith(k + " ") for s in streets) >= 2}
    return prefixed | _named_setting(mentions, address, towns)


def _named_setting(mentions: Sequence[Mention], address: str, towns: set[str]) -> set[str]:
    """Return the town the report is set in: the one in its address, or one named twice."""
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


_CENTRE = re.compile(r"^(?:town|city)\s+cent(?:re|er)$", re.IGNORECASE)
"""The town or city centre, named by the common noun alone."""


def _framing_centre(mentions: Sequence[Mention]) -> bool:
    """Whether "the town centre" frames the report's sites: it names two streets or buildings.

    ``Cameras will go in the town centre. They will be on A Street and B Lane``:
    the centre is where the sites are. Alone, or beside one street, it is a site.
    """
    shaped = {
        _key(m.text)
        for m in mentions
        if m.role is Role.SITE and m.shape != "name" and not _centre(m.text)
    }
    return len(shaped) >= 2 and any(_centre(m.text) for m in mentions)


def _centre(name: str) -> bool:
    """Whether a name is ``town centre`` or ``city center`` (on ASCII, its first word first)."""
    if name.isascii() and name[:4].lower() not in ("town", "city"):
        return False  # (on ASCII text, IGNORECASE finds nothing lower() misses)
    return _CENTRE.match(name) is not None


AGAIN = "the place a site named before, named again by its common noun"


def _named_again(mentions: Sequence[Mention]) -> set[str]:
    """Return the common nouns that name a site again (``Elm Park ... the park``)."""
    nouns = {
        m.text for m in mentions if m.role is Role.SITE and m.text.isalpha() and m.text.islower()
    }
    if not nouns:
        return set()
    return {
        m.text.rsplit(None, 1)[-1].lower()
        for m in mentions
        if m.role is Role.SITE and m.text[:1].isupper() and " " in m.text
    } & nouns


def _framing_names(mentions: Iterable[Mention]) -> set[str]:
    return {_key(m.text) for m in mentions if m.reason in _LOCALITY_REASONS}
