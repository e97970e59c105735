"""Gazetteer backends, one module each, all on :class:`~campmap.gazetteer.backends.base.Backend`.

- :mod:`~campmap.gazetteer.backends.geojson`: the embedded gazetteer and GeoJSON files;
- :mod:`~campmap.gazetteer.backends.csv_gpkg`: CSV and GeoPackage tables;
- :mod:`~campmap.gazetteer.backends.osm`: OSM extracts (and ``campmap gazetteer import``);
- :mod:`~campmap.gazetteer.backends.towns`: towns worldwide (GeoNames);
- :mod:`~campmap.gazetteer.backends.geocoder`: online geocoders through geopy, with
  their HTTP (:mod:`~campmap.gazetteer.backends.geocoder_http`), pacing
  (:mod:`~campmap.gazetteer.backends.geocoder_pacing`) and answer cache
  (:mod:`~campmap.gazetteer.backends.geocoder_cache`).

Backends are made by name or file suffix in :mod:`campmap.gazetteer.load`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from campmap.lazy import lazy_exports

if TYPE_CHECKING:
    from campmap.gazetteer.backends.base import Backend, FileGazetteer
    from campmap.gazetteer.backends.csv_gpkg import CSVGazetteer, GeoPackageGazetteer
    from campmap.gazetteer.backends.geocoder import GeocoderBackend
    from campmap.gazetteer.backends.geojson import EmbeddedGazetteer, GeoJSONGazetteer
    from campmap.gazetteer.backends.osm import OSMGazetteer
    from campmap.gazetteer.backends.towns import TownsGazetteer

__all__ = [
    "Backend",
    "CSVGazetteer",
    "EmbeddedGazetteer",
    "FileGazetteer",
    "GeoJSONGazetteer",
    "GeoPackageGazetteer",
    "GeocoderBackend",
    "OSMGazetteer",
    "TownsGazetteer",
]

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "campmap.gazetteer.backends.base": ("Backend", "FileGazetteer"),
        "campmap.gazetteer.backends.csv_gpkg": ("CSVGazetteer", "GeoPackageGazetteer"),
        "campmap.gazetteer.backends.geocoder": ("GeocoderBackend",),
        "campmap.gazetteer.backends.geojson": ("EmbeddedGazetteer", "GeoJSONGazetteer"),
        "campmap.gazetteer.backends.osm": ("OSMGazetteer",),
        "campmap.gazetteer.backends.towns": ("TownsGazetteer",),
    },
)
