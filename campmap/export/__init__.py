"""Exporters: plain functions from layers to files, written atomically.

:mod:`~campmap.export.write` writes a run's whole output folder; each other
module writes one kind of file (``map.html``, ``sites.csv``, GeoJSON layers, the
GeoPackage, ``report.json``, ``embed.html``, ``map.png``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from campmap.lazy import lazy_exports

if TYPE_CHECKING:
    from campmap.export.embed import embed_snippet
    from campmap.export.geojson import write_routes, write_sites
    from campmap.export.gpkg import write_geopackage
    from campmap.export.html import render_map, write_map
    from campmap.export.mapfiles import write_map_outputs
    from campmap.export.png import write_png
    from campmap.export.report import report_dict, write_report
    from campmap.export.sites_csv import write_sites_csv
    from campmap.export.write import OUTPUT_FILES, write_outputs

__all__ = [
    "OUTPUT_FILES",
    "embed_snippet",
    "render_map",
    "report_dict",
    "write_geopackage",
    "write_map",
    "write_map_outputs",
    "write_outputs",
    "write_png",
    "write_report",
    "write_routes",
    "write_sites",
    "write_sites_csv",
]

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "campmap.export.embed": ("embed_snippet",),
        "campmap.export.geojson": ("write_routes", "write_sites"),
        "campmap.export.gpkg": ("write_geopackage",),
        "campmap.export.html": ("render_map", "write_map"),
        "campmap.export.png": ("write_png",),
        "campmap.export.report": ("report_dict", "write_report"),
        "campmap.export.sites_csv": ("write_sites_csv",),
        "campmap.export.mapfiles": ("write_map_outputs",),
        "campmap.export.write": ("OUTPUT_FILES", "write_outputs"),
    },
)
