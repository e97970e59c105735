"""Backends by name, and user gazetteer files opened by their suffix.

:data:`BACKENDS` is the one registry: :func:`get_backend` makes a backend from
its name (as geopy's ``get_geocoder_for_service`` does), and
:func:`load_gazetteer_file` picks the name from the file's suffix
(:data:`SUFFIXES`). A new backend is a new module in
:mod:`campmap.gazetteer.backends` and a line here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from campmap.errors import CampmapError, GazetteerError
from campmap.gazetteer.backends.base import Backend
from campmap.gazetteer.backends.csv_gpkg import CSVGazetteer, GeoPackageGazetteer
from campmap.gazetteer.backends.geocoder import GeocoderBackend
from campmap.gazetteer.backends.geojson import EmbeddedGazetteer, GeoJSONGazetteer
from campmap.gazetteer.backends.osm import OSMGazetteer
from campmap.gazetteer.backends.towns import TownsGazetteer
from campmap.gazetteer.installed import REGION_PEERS, is_installed

__all__ = ["BACKENDS", "SUFFIXES", "get_backend", "load_gazetteer_file"]


BACKENDS: dict[str, Callable[..., Backend]] = {
    "csv": CSVGazetteer,
    "embedded": EmbeddedGazetteer,
    "geocoder": GeocoderBackend,
    "geojson": GeoJSONGazetteer,
    "gpkg": GeoPackageGazetteer,
    "osm": OSMGazetteer,
    "towns": TownsGazetteer,
}
"""Every backend, by name: the factory and the options it takes."""

SUFFIXES = (
    (".csv", "csv"),
    (".geojson", "geojson"),
    (".json", "geojson"),
    (".gpkg", "gpkg"),
    (".osm", "osm"),
    (".osm.pbf", "osm"),
    (".pbf", "osm"),
    (".osm.bz2", "osm"),
    (".osm.gz", "osm"),
)
"""File name endings (lower case) and the backend that reads such a file."""


def get_backend(name: str, **options: object) -> Backend:
    """Create the backend registered under ``name``.

    Raises
    ------
    CampmapError
        No backend has that name; the message lists the valid ones.

    Examples
    --------
    >>> get_backend("embedded").name
    'embedded'
    """
    try:
        factory = BACKENDS[name]
    except KeyError:
        valid = ", ".join(sorted(BACKENDS))
        raise CampmapError(f"unknown gazetteer backend {name!r}; valid ones: {valid}") from None
    return factory(**options)


def load_gazetteer_file(path: str | Path) -> Backend:
    """Open a user gazetteer by its suffix: ``.csv``, ``.geojson``, ``.gpkg``, ``.osm[.pbf]``.

    Raises
    ------
    GazetteerError
        An unknown suffix (the valid ones are listed), or a malformed file.
    """
    file = Path(path)
    lowered = file.name.lower()
    peers = {"peers": REGION_PEERS} if is_installed(file) else {}
    for ending, name in SUFFIXES:
        if lowered.endswith(ending):
            return get_backend(name, path=file, **peers)
    suffix = file.suffix.lower()
    raise GazetteerError(
        str(file),
        f"unknown gazetteer format {suffix or '(no suffix)'!r}; "
        "expected .csv, .geojson, .json, .gpkg, .osm or .osm.pbf",
    )
