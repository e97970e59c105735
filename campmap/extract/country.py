"""The country a report is from: its web address, and the countries and states it names.

Towns share names across the world (Brandon, Kingswood, Croydon); the report's
country decides which one a bare name means.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from urllib.parse import urlsplit

import pycountry

from campmap.records import Source

__all__ = ["report_country"]

_ADDRESS = re.compile(r"https?://[^\s/]+", re.IGNORECASE)
_TLD_COUNTRY = {"uk": "GB", "gov.uk": "GB"}
_GENERIC = frozenset("com org net gov edu info news blog co io tv biz app".split())
_WORDS = re.compile(r"[A-Z][\w'-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w'-]*){0,3}")
_ADDRESS_WEIGHT = 3


@cache
def _names() -> dict[str, str]:
    """Country and first-level subdivision names (and country codes) -> country code."""
    out: dict[str, str] = {}
    for subdivision in pycountry.subdivisions:
        name = subdivision.name.split(" [")[0]
        if "," not in name and len(name) > 3:
            out.setdefault(name.lower(), subdivision.country_code)
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                out[value.lower()] = country.alpha_2
    out.update({"uk": "GB", "britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB",
                "usa": "US", "u.s.": "US", "america": "US"})  # fmt: skip
    return out


@cache
def _country_names() -> frozenset[str]:
    """Return the names of countries (not states) among :func:`_names`."""
    out = {"uk", "britain", "england", "scotland", "wales", "usa", "u.s.", "america"}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                out.add(value.lower())
    return frozenset(out)


_COUNTRY_WEIGHT = 2
"""A country named counts more than a state or province of that name elsewhere (``Nyanga``)."""


@cache
def _first_words() -> frozenset[str]:
    """Return the first word of every name :func:`_names` knows."""
    return frozenset(name.split(" ")[0] for name in _names())


def _from_address(url: str) -> str | None:
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:  # "http://[x" is not an address
        return None
    parts = host.lower().split(".")
    if len(parts) < 2:
        return None
    last = parts[-1]
    if last in _TLD_COUNTRY:
        return _TLD_COUNTRY[last]
    if last in _GENERIC or len(last) != 2:
        return None
    found = pycountry.countries.get(alpha_2=last.upper())
    return found.alpha_2 if found is not None else None


def report_country(source: Source) -> str | None:
    r"""Return the country a report is most likely from, as an ISO alpha-2 code, or None.

    Its web address counts most (``.co.nz``); then every country or state it
    names (``Idaho``, ``New South Wales``, ``Kenya``).

    Examples
    --------
    >>> from campmap.records import Source
    >>> report_country(Source("x", "Source: https://www.example.co.nz/a\\n\\nCameras in Orewa."))
    'NZ'
    >>> report_country(Source("x", "Cameras on Interstate 90 in Idaho."))
    'US'
    """
    votes: Counter[str] = Counter()
    for url in [source.url, *_ADDRESS.findall(source.text[:2000])]:
        if url:
            code = _from_address(url)
            if code is not None:
                votes[code] += _ADDRESS_WEIGHT
    names, firsts, countries = _names(), _first_words(), _country_names()
    seen: set[str] = set()
    for match in _WORDS.finditer(source.text):
        words = match.group().split()
        start = 0
        while start < len(words):  # the longest name first: New South Wales, not Wales
            if words[start].lower() not in firsts:
                start += 1  # no name starts with this word
                continue
            for size in range(len(words) - start, 0, -1):
                name = " ".join(words[start : start + size]).lower()
                code = names.get(name)
                if code is not None:
                    if name not in seen:  # a place named again is one place
                        seen.add(name)
                        votes[code] += _COUNTRY_WEIGHT if name in countries else 1
                    start += size
                    break
            else:
                start += 1
    if not votes:
        return None
    (best, count), *rest = [*votes.most_common(2), ("", 0)]
    return best if count > rest[0][1] else None
