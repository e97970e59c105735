"""Exporters: plain functions from layers to files, written atomically."""

from __future__ import annotations

from pathlib import Path

from campmap.export.atomic import prepare_dir, replace_all
from campmap.export.geojson import write_routes, write_sites
from campmap.export.html import render_map, write_map
from campmap.export.report import report_dict, write_report
from campmap.layer import Layers

__all__ = [
    "OUTPUT_FILES",
    "render_map",
    "report_dict",
    "write_map",
    "write_outputs",
    "write_report",
    "write_routes",
    "write_sites",
]


def _write_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


OUTPUT_FILES = ("sites.geojson", "routes.geojson", "map.html", "report.json")
"""The files :func:`write_outputs` writes."""


def write_outputs(
    layers: Layers,
    folder: str | Path = "campmap-out",
    *,
    title: str = "Reported camera sites",
    tiles: str | None = None,
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

    Returns
    -------
    list of pathlib.Path
        The files written: see :data:`OUTPUT_FILES`.

    Raises
    ------
    OutputError
        The folder cannot be created or written.
    """
    path = prepare_dir(folder)
    html = render_map(layers, title=title, tiles=tiles)  # fail on a bad provider before writing
    return replace_all(
        path,
        [
            ("sites.geojson", lambda p: write_sites(layers.sites, p)),
            ("routes.geojson", lambda p: write_routes(layers.routes, p)),
            ("map.html", lambda p: _write_text(p, html)),
            ("report.json", lambda p: write_report(layers, p)),
        ],
    )
