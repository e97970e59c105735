"""Road numbers: OpenStreetMap's ``ref`` tags, and the ways reports write them.

OpenStreetMap tags a road's number in ``ref`` (``A406``, ``M25``, ``N22``, ``US 78``,
``I 40``, ``SR 121``, ``WA 520``, ``NH 48``; several joined by ``;``). Reports write the
same road as "the A406", "U.S. Route 78", "Interstate 40", "I-40", "State Route 121" or
"Highway 520 North". :func:`ref_names` gives the spellings a road is indexed under, and
:func:`without_direction` drops a trailing direction so "Highway 17 North" finds
"Highway 17".
"""

from __future__ import annotations

import re

__all__ = ["US_STATE_CODES", "is_road_ref", "ref_names", "split_refs", "without_direction"]

US_STATE_CODES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa",
    "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland",
    "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi",
    "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire",
    "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
    "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee",
    "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}  # fmt: skip
"""US state postal codes, which OSM uses as the prefix of state highway refs (``GA 17``)."""

_REF = re.compile(r"(?P<prefix>[A-Z]{1,3})[ -]?(?P<number>[1-9]\d{0,3})(?P<suffix>[A-Z]?)")
_GB_IE = {"A", "B", "M", "N", "R"}  # UK and Irish classes, written run together (A406)
_STATE_ROUTE = {"SR", "SH", "CR"}
_DIRECTION = re.compile(
    r"\s+(?:North|South|East|West|Northbound|Southbound|Eastbound|Westbound|[NSEW]B?)$"
)


def split_refs(value: str) -> list[str]:
    """Return the refs of a ``ref`` tag, which may hold several (``A1;A406``).

    Examples
    --------
    >>> split_refs("A1; A406")
    ['A1', 'A406']
    """
    return [" ".join(part.split()) for part in value.split(";") if part.strip()]


def is_road_ref(name: str) -> bool:
    """Tell whether a name is a road number with nothing else (``A406``, ``US 78``).

    Examples
    --------
    >>> is_road_ref("A406"), is_road_ref("Interstate 40"), is_road_ref("Acacia Avenue")
    (True, True, False)
    """
    text = without_direction(" ".join(name.replace(".", "").split()))
    return bool(
        _REF.fullmatch(text)
        or re.fullmatch(
            r"(?:Interstate|US|State|County|National|Route|Highway|Hwy|Rte)"
            r"(?:\s+(?:Route|Road|Highway|Hwy))?[ -]?\d{1,4}[A-Z]?",
            text,
            re.IGNORECASE,
        )
    )


def ref_names(ref: str) -> tuple[str, ...]:
    """Return the spellings of an OSM road ref that reports use, the ref itself first.

    Examples
    --------
    >>> ref_names("A406")
    ('A406',)
    >>> ref_names("I 40")[:4]
    ('I 40', 'I-40', 'I40', 'Interstate 40')
    >>> "U.S. Route 78" in ref_names("US 78"), "Georgia 17" in ref_names("GA 17")
    (True, True)
    """
    match = _REF.fullmatch(ref.strip())
    if match is None:
        return (ref,)
    prefix, number = match["prefix"], match["number"] + match["suffix"]
    if prefix in _GB_IE:
        names = [f"{prefix}{number}"]
    elif prefix == "I":
        names = [f"I-{number}", f"I{number}", f"Interstate {number}"]
        names.append(f"Interstate Highway {number}")
    elif prefix == "US":
        names = [f"US-{number}", f"US{number}", f"U.S. {number}"]
        for word in ("Route", "Highway", "Hwy"):
            names += [f"US {word} {number}", f"U.S. {word} {number}"]
        names += [f"Highway {number}", f"Route {number}"]
    elif prefix == "NH":  # India's national highways, or New Hampshire's routes
        names = [f"NH{number}", f"NH-{number}", f"National Highway {number}"]
        names += [f"New Hampshire {number}", f"Highway {number}", f"Route {number}"]
    elif prefix in _STATE_ROUTE or prefix in US_STATE_CODES:
        names = [f"{prefix}-{number}", f"{prefix}{number}", f"State Route {number}"]
        names += [f"State Road {number}", f"State Highway {number}"]
        names += [f"Highway {number}", f"Route {number}"]
        if prefix in US_STATE_CODES:
            names.append(f"{US_STATE_CODES[prefix]} {number}")
    else:
        names = [f"{prefix}-{number}", f"{prefix}{number}"]
    return tuple(dict.fromkeys([ref, *names]))


def without_direction(name: str) -> str:
    """Return a road name without a trailing direction ("Highway 17 North" -> "Highway 17").

    Examples
    --------
    >>> without_direction("Highway 17 North"), without_direction("I-5 SB")
    ('Highway 17', 'I-5')
    """
    return _DIRECTION.sub("", name.strip())
