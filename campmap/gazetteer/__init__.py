"""Resolve place names to real geometries through an ordered list of backends.

- :mod:`~campmap.gazetteer.resolve`: the :class:`Gazetteer` (exact, misspelt and
  junction names; online backends last);
- :mod:`~campmap.gazetteer.online`: geocode the site mentions no offline backend knows;
- :mod:`~campmap.gazetteer.load`: backends by name, user files by suffix;
- :mod:`~campmap.gazetteer.backends`: one module per backend;
- :mod:`~campmap.gazetteer.names`, :mod:`~campmap.gazetteer.index`: name keys and the
  phrase index that finds names in text;
- :mod:`~campmap.gazetteer.junctions`: the junction grammar (``A junction with B``);
- :mod:`~campmap.gazetteer.regions`: countries, states and cities (never sites).
"""

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
from campmap.gazetteer.index import Hit
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
    "NameHit",
    "OSMGazetteer",
    "Town",
    "TownsGazetteer",
    "default_cache_path",
    "default_gazetteer",
    "find_towns",
    "get_backend",
    "import_osm",
    "load_gazetteer_file",
    "place_unresolved",
    "region_countries",
    "region_names",
    "subdivision_countries",
]
