"""What differs between the online geocoding services: where they are, how to bias, geometry.

geopy builds every service's request; this module says, per service, how a
full service URL (``--geocoder-url http://host:port/path/``) becomes geopy's
``scheme`` and ``domain`` (:func:`split_service_url`), how the report's region
biases a query (:func:`bias_arguments`) and how to ask for a street's geometry
(:func:`geometry_arguments`). Nominatim takes a ``viewbox`` and answers lines
(``polygon_geojson=1``); Photon takes a point to prefer (``lat``/``lon``) and
answers points only; Pelias, through geopy, takes only a hard boundary (not a
bias, so none is sent) and answers points only.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any
from urllib.parse import urlsplit

from campmap.errors import GeocoderConfigError

__all__ = ["ENDPOINTS", "bias_arguments", "geometry_arguments", "split_service_url"]

ENDPOINTS = {"nominatim": "/search", "photon": "/api", "pelias": "/v1/search"}
"""The path geopy appends to a service's domain; a URL given with it is taken without it."""


def split_service_url(service: str, url: str) -> tuple[str, str]:
    """Return geopy's ``scheme`` and ``domain`` for a full service URL.

    The domain keeps the port and any path prefix (geopy appends the
    endpoint to it); a URL that already ends with the service's endpoint
    (``/search`` for Nominatim, ``/api`` for Photon, ``/v1/search`` for
    Pelias) is taken without it.

    Raises
    ------
    GeocoderConfigError
        Not an http(s) URL with a host, or one with a query, fragment,
        user name or a bad port.

    Examples
    --------
    >>> split_service_url("nominatim", "http://127.0.0.1:8080/nominatim/")
    ('http', '127.0.0.1:8080/nominatim')
    >>> split_service_url("photon", "https://photon.example.org/api")
    ('https', 'photon.example.org')
    >>> split_service_url("pelias", "ftp://x")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    campmap.errors.GeocoderConfigError: --geocoder-url: expected http(s)://HOST[:PORT][/PATH]...
    """
    expected = f"expected http(s)://HOST[:PORT][/PATH], got {url!r}"
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as err:
        raise GeocoderConfigError(f"--geocoder-url: {expected} ({err})") from err
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or parts.query
        or parts.fragment
        or parts.username is not None
        or any(c.isspace() for c in url.strip())
    ):
        raise GeocoderConfigError(f"--geocoder-url: {expected}")
    path = parts.path.rstrip("/")
    endpoint = ENDPOINTS.get(service, "")
    if endpoint and path.endswith(endpoint):
        path = path[: -len(endpoint)]
    host = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    domain = host + (f":{port}" if port is not None else "") + path
    return parts.scheme, domain


def bias_arguments(
    service: str, accepted: Collection[str], viewbox: tuple[float, float, float, float]
) -> dict[str, Any]:
    """Return the geopy ``geocode`` arguments that prefer results inside ``viewbox``.

    Empty when the service has no bias (Pelias through geopy has only a hard
    ``boundary_rect``, which would drop the right street just outside it).

    Examples
    --------
    >>> bias_arguments("nominatim", {"viewbox"}, (-0.2, 51.5, -0.1, 51.6))
    {'viewbox': [(51.6, -0.2), (51.5, -0.1)]}
    >>> bias_arguments("photon", {"location_bias"}, (-0.2, 51.5, -0.1, 51.6))
    {'location_bias': (51.55, -0.15)}
    >>> bias_arguments("pelias", {"boundary_rect"}, (-0.2, 51.5, -0.1, 51.6))
    {}
    """
    west, south, east, north = viewbox
    if "viewbox" in accepted:
        return {"viewbox": [(north, west), (south, east)]}
    if service == "photon" and "location_bias" in accepted:
        return {"location_bias": (round((south + north) / 2, 6), round((west + east) / 2, 6))}
    return {}


def geometry_arguments(service: str, accepted: Collection[str]) -> dict[str, Any] | None:
    """Return the arguments asking for each result's geometry, or None when it has none.

    Examples
    --------
    >>> geometry_arguments("nominatim", {"geometry"})
    {'geometry': 'geojson'}
    >>> geometry_arguments("photon", {"bbox"}) is None
    True
    """
    if service == "nominatim" and "geometry" in accepted:
        return {"geometry": "geojson"}
    return None
