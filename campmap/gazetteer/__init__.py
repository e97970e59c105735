"""Resolve place names to real geometries through an ordered list of backends.

- :mod:`~campmap.gazetteer.resolve`: the :class:`Gazetteer` (exact, misspelt and
  junction names; online backends last);
- :mod:`~campmap.gazetteer.online`: geocode the site mentions no offline backend knows;
- :mod:`~campmap.gazetteer.load`: backends by name, user files by suffix;
- :mod:`~campmap.gazetteer.backends`: one module per backend;
- :mod:`~campmap.gazetteer.names`, :mod:`~campmap.gazetteer.index`: name keys and the
  phrase index that finds names in text;
- :mod:`~campmap.gazetteer.junctions`: the junction grammar (``A junction with B``);
- :mod:`~campmap.gazetteer.regions`: countries, states and cities (never sites);
- :mod:`~campmap.gazetteer.installed`: regions installed in the user data folder, read by every
  run; :mod:`~campmap.gazetteer.download` fetches them (:mod:`~campmap.gazetteer.geofabrik`:
  the index and checksums; :mod:`~campmap.gazetteer.fetch`: resumable HTTP).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from campmap.lazy import lazy_exports

if TYPE_CHECKING:
    from campmap.gazetteer.backends.base import Backend
    from campmap.gazetteer.backends.csv_gpkg import CSVGazetteer, GeoPackageGazetteer
    from campmap.gazetteer.backends.geocoder import (
        BBox,
        GeocoderBackend,
        GeocoderConfigError,
        GeocodeResult,
    )
    from campmap.gazetteer.backends.geocoder_cache import GeocodeCache, default_cache_path
    from campmap.gazetteer.backends.geojson import EmbeddedGazetteer, GeoJSONGazetteer
    from campmap.gazetteer.backends.osm import OSMGazetteer, import_osm
    from campmap.gazetteer.backends.towns import Town, TownsGazetteer, find_towns
    from campmap.gazetteer.download import Installed, download_region
    from campmap.gazetteer.index import Hit
    from campmap.gazetteer.installed import Region, installed_regions, remove_region
    from campmap.gazetteer.load import get_backend, load_gazetteer_file
    from campmap.gazetteer.online import place_unresolved
    from campmap.gazetteer.regions import region_countries, region_names, subdivision_countries
    from campmap.gazetteer.resolve import Gazetteer, NameHit, default_gazetteer

__all__ = [
    "BBox",
    "Backend",
    "CSVGazetteer",
    "EmbeddedGazetteer",
    "Gazetteer",
    "GeoJSONGazetteer",
    "GeoPackageGazetteer",
    "GeocodeCache",
    "GeocodeResult",
    "GeocoderBackend",
    "GeocoderConfigError",
    "Hit",
    "Installed",
    "NameHit",
    "OSMGazetteer",
    "Region",
    "Town",
    "TownsGazetteer",
    "default_cache_path",
    "default_gazetteer",
    "download_region",
    "find_towns",
    "get_backend",
    "import_osm",
    "installed_regions",
    "load_gazetteer_file",
    "place_unresolved",
    "region_countries",
    "region_names",
    "remove_region",
    "subdivision_countries",
]

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "campmap.gazetteer.backends.base": ("Backend",),
        "campmap.gazetteer.backends.csv_gpkg": ("CSVGazetteer", "GeoPackageGazetteer"),
        "campmap.gazetteer.backends.geocoder": (
            "BBox",
            "GeocoderBackend",
            "GeocoderConfigError",
            "GeocodeResult",
        ),
        "campmap.gazetteer.backends.geocoder_cache": ("GeocodeCache", "default_cache_path"),
        "campmap.gazetteer.backends.geojson": ("EmbeddedGazetteer", "GeoJSONGazetteer"),
        "campmap.gazetteer.backends.osm": ("OSMGazetteer", "import_osm"),
        "campmap.gazetteer.backends.towns": ("Town", "TownsGazetteer", "find_towns"),
        "campmap.gazetteer.download": ("Installed", "download_region"),
        "campmap.gazetteer.index": ("Hit",),
        "campmap.gazetteer.installed": ("Region", "installed_regions", "remove_region"),
        "campmap.gazetteer.load": ("get_backend", "load_gazetteer_file"),
        "campmap.gazetteer.online": ("place_unresolved",),
        "campmap.gazetteer.regions": ("region_countries", "region_names", "subdivision_countries"),
        "campmap.gazetteer.resolve": ("Gazetteer", "NameHit", "default_gazetteer"),
    },
)
