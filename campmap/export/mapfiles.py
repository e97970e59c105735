"""Write only the map of a run (``map.html``, ``embed.html``, ``map.png``) into a folder.

Apart from :mod:`campmap.export.write` so that ``campmap render``, which writes
only these, does not load the GeoJSON, GeoPackage, CSV and report writers.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from campmap.atomic import prepare_dir, replace_all
from campmap.export.embed import check_src, write_embed
from campmap.export.html import render_map, summary
from campmap.export.png import find_chromium, write_png
from campmap.layer.layers import Layers

__all__ = ["map_writers", "prepare_map", "write_map_outputs", "write_text"]


def write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` as UTF-8."""
    path.write_text(text, encoding="utf-8")


def prepare_map(
    layers: Layers,
    folder: str | Path,
    title: str,
    tiles: str | None,
    embed: str | None,
    png: bool,
) -> tuple[Path, str]:
    """Check the embed address, Chromium (for a PNG) and the tile provider, and render the map.

    Returns the folder (created if missing) and the map's HTML.
    """
    if embed is not None:
        check_src(embed)
    if png:
        find_chromium()
    path = prepare_dir(folder)
    return path, render_map(layers, title=title, tiles=tiles)


def map_writers(
    layers: Layers, html: str, title: str, embed: str | None, png: bool
) -> list[tuple[str, Callable[[Path], None]]]:
    """Return the map's files and how to write each, for :func:`campmap.atomic.replace_all`."""
    writers: list[tuple[str, Callable[[Path], None]]] = [
        ("map.html", lambda p: write_text(p, html))
    ]
    if embed is not None:
        text = summary(layers)
        writers.append(("embed.html", lambda p: write_embed(p, embed, title, text)))
    if png:

        def shoot(target: Path) -> None:
            page = target.with_name(f"{target.name}.html")  # beside it, in the private folder
            try:
                write_text(page, html)
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
    the options are those of :func:`campmap.export.write.write_outputs`.
    """
    path, html = prepare_map(layers, folder, title, tiles, embed, png)
    return replace_all(path, map_writers(layers, html, title, embed, png))
