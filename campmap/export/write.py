"""Write every output of a run (or only the map) into a folder, all files or none."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from campmap.atomic import prepare_dir, replace_all
from campmap.export.embed import check_src, write_embed
from campmap.export.geojson import (
    place_frames,
    write_routes,
    write_site_areas,
    write_site_lines,
    write_sites,
)
from campmap.export.gpkg import write_geopackage
from campmap.export.html import render_map, summary
from campmap.export.png import find_chromium, write_png
from campmap.export.report import write_report
from campmap.export.sites_csv import write_sites_csv
from campmap.layer.build import Layers

__all__ = ["OUTPUT_FILES", "write_map_outputs", "write_outputs"]


def _write_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


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
    path, html = _prepare(layers, folder, title, tiles, embed, png)
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
            *_map_writers(layers, html, title, embed, png),
        ],
    )


def _prepare(
    layers: Layers,
    folder: str | Path,
    title: str,
    tiles: str | None,
    embed: str | None,
    png: bool,
) -> tuple[Path, str]:
    """Check the embed address, Chromium (for a PNG) and the tile provider, and render the map."""
    if embed is not None:
        check_src(embed)
    if png:
        find_chromium()
    path = prepare_dir(folder)
    return path, render_map(layers, title=title, tiles=tiles)


def _map_writers(
    layers: Layers, html: str, title: str, embed: str | None, png: bool
) -> list[tuple[str, Callable[[Path], None]]]:
    writers: list[tuple[str, Callable[[Path], None]]] = [
        ("map.html", lambda p: _write_text(p, html))
    ]
    if embed is not None:
        text = summary(layers)
        writers.append(("embed.html", lambda p: write_embed(p, embed, title, text)))
    if png:

        def shoot(target: Path) -> None:
            page = target.with_name(f"{target.name}.html")  # beside it, in the private folder
            try:
                _write_text(page, html)
                write_png(page, target)
            finally:
                page.unlink(missing_ok=True)

        writers.append(("map.png", shoot))
    return writers


def write_map_outputs(
    layers: Layers,
    folder: str | Path = "campmap-out",
    *,
    title: str = "Reported camera sites",
    tiles: str | None = None,
    embed: str | None = None,
    png: bool = False,
) -> list[Path]:
    """Write only the map (``map.html``, and ``embed.html``/``map.png`` when asked).

    For re-drawing a map from a sites file (:func:`campmap.layer.read.read_layers`);
    the options are those of :func:`write_outputs`.
    """
    path, html = _prepare(layers, folder, title, tiles, embed, png)
    return replace_all(path, _map_writers(layers, html, title, embed, png))
