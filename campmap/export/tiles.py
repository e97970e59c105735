"""Base-map tiles for ``map.html`` by their xyzservices name, with a key when one is needed."""

from __future__ import annotations

import os
from typing import Any

from campmap.errors import CampmapError

__all__ = ["TILES_KEY_ENV", "tile_layer"]

TILES_KEY_ENV = "CAMPMAP_TILES_KEY"
"""The environment variable that holds the API key of a tile provider that needs one."""


def tile_layer(name: str) -> dict[str, Any]:
    """Return the base map named ``name`` as the map script adds it: a URL and Leaflet options.

    The attribution is the provider's own HTML (from xyzservices, not from
    any input), shown by Leaflet's attribution control.

    Raises
    ------
    CampmapError
        ``name`` is no known xyzservices provider, or one that needs an API key
        and :data:`TILES_KEY_ENV` is not set.

    Examples
    --------
    >>> layer = tile_layer("OpenStreetMap.Mapnik")
    >>> layer["url"], layer["options"]["maxZoom"]
    ('https://tile.openstreetmap.org/{z}/{x}/{y}.png', 19)
    """
    import xyzservices  # (only when tiles are asked for)

    try:
        provider = xyzservices.providers.query_name(name)
    except ValueError as err:
        raise CampmapError(
            f"unknown tile provider {name!r}; use an xyzservices name such as "
            "'OpenStreetMap.Mapnik' or 'CartoDB.Positron', or no --tiles for an offline map"
        ) from err
    if provider.requires_token():
        key = os.environ.get(TILES_KEY_ENV, "").strip()
        if not key:
            raise CampmapError(
                f"tile provider {name!r} needs an API key: set {TILES_KEY_ENV} to yours (every "
                "tile address in map.html then carries it), or choose a keyless provider such "
                "as 'OpenStreetMap.Mapnik'"
            )
        holders = [k for k, v in provider.items() if isinstance(v, str) and "<insert your" in v]
        provider = provider(**dict.fromkeys(holders, key))
    max_zoom = provider.get("max_zoom", 19)
    return {
        "url": provider.build_url(scale_factor="{r}"),
        "options": {
            "attribution": provider.html_attribution,
            "maxZoom": max_zoom,
            "maxNativeZoom": max_zoom,
        },
    }
