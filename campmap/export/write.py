"""Write every output of a run (or only the map) into a folder, all files or none."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from campmap.atomic import replace_all
from campmap.export.geojson import (
    place_frames,
    write_routes,
    write_site_areas,
    write_site_lines,
    write_sites,
)
from campmap.export.gpkg import write_geopackage
from campmap.export.mapfiles import map_writers, prepare_map, write_map_outputs
from campmap.export.report import write_report
from campmap.export.sites_csv import write_sites_csv
from campmap.layer.build import Layers

__all__ = ["OUTPUT_FILES", "write_map_outputs", "write_outputs"]


OUTPUT_FILES = (
    "sites.geojson", "sites.qml", "site_lines.geojson", "site_lines.qml",
    "site_areas.geojson", "site_areas.qml", "routes.geojson", "routes.qml",
    "campmap.gpkg", "sites.csv", "report.json", "map.html",
)  # fmt: skip
"""The files :func:`write_outputs` writes."""

_STYLES = Path(__file__).parent / "styles"


def _style(name: str) -> Callable[[Path], None]:
    """Copy the QGIS style for a layer (QGIS applies ``X.qml`` when it opens ``X.geojson``)."""

    def copy(path: Path) -> None:
        shutil.copyfile(_STYLES / f"{name}.qml", path)

    return copy


def write_outputs(
    layers: Layers,
    folder: str | Path = "campmap-out",
    *,
    title: str = "Reported camera sites",
    tiles: str | None = None,
    embed: str | None = None,
    png: bool = False,
) -> list[Path]:
    """Write every output of a run into ``folder``.

    All files are written to temporary names first and moved into place only
    when every one succeeded, so a failure leaves earlier outputs intact.

    Parameters
    ----------
    layers : Layers
        From :func:`campmap.build_layers`.
    folder : str or pathlib.Path
        Created if missing.
    title : str
        The map's title.
    tiles : str, optional
        xyzservices provider name for a base map; none by default (offline).
    embed : str, optional
        Also write ``embed.html``, the iframe snippet for an article, pointing
        at this address of the published ``map.html``.
    png : bool
        Also write ``map.png``, a screenshot by headless Chromium.

    Returns
    -------
    list of pathlib.Path
        The files written: see :data:`OUTPUT_FILES` (GeoJSON layers with their QGIS
        styles, a GeoPackage, a CSV, the map and report.json), then ``embed.html``
        and ``map.png`` when asked for.

    Raises
    ------
    OutputError
        The folder cannot be created or written.
    EmbedSourceError
        ``embed`` is neither an http(s) URL nor a relative path (nothing is written).
    CampmapError
        ``png`` was asked for and Chromium is missing or failed (nothing is written).
    """
    path, html = prepare_map(layers, folder, title, tiles, embed, png)
    lines, areas = place_frames(layers)
    return replace_all(
        path,
        [
            ("sites.geojson", lambda p: write_sites(layers.sites, p)),
            ("sites.qml", _style("sites")),
            ("site_lines.geojson", lambda p: write_site_lines(lines, p)),
            ("site_lines.qml", _style("site_lines")),
            ("site_areas.geojson", lambda p: write_site_areas(areas, p)),
            ("site_areas.qml", _style("site_areas")),
            ("routes.geojson", lambda p: write_routes(layers.routes, p)),
            ("routes.qml", _style("routes")),
            ("campmap.gpkg", lambda p: write_geopackage(layers, p)),
            ("sites.csv", lambda p: write_sites_csv(layers, p)),
            ("report.json", lambda p: write_report(layers, p)),
            *map_writers(layers, html, title, embed, png),
        ],
    )
