"""``render``: draw the map again from a sites file, without reading any report.

Apart from :mod:`campmap.pipeline.runs` so that ``campmap render`` loads only
what it needs (the sites reader and the map writer), not the extraction stages.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from campmap.export.mapfiles import write_map_outputs
from campmap.layer.layers import Layers
from campmap.layer.read import paused_collector, read_layers
from campmap.pipeline.options import PageOptions

__all__ = ["Written", "render_map"]

_PAGE = PageOptions()


@dataclass(frozen=True, slots=True)
class Written:
    """The layers a run drew and the files it wrote."""

    layers: Layers
    files: tuple[Path, ...]


def render_map(
    sites: Path, output: Path, *, routes: Path | None = None, page: PageOptions = _PAGE
) -> Written:
    """Draw the map again from a sites GeoJSON file (and routes), without reading any report."""
    with paused_collector():  # the layer and the page make no reference cycles
        layers = read_layers(sites, routes)
        files = write_map_outputs(
            layers, output, title=page.title, tiles=page.tiles, embed=page.embed, png=page.png
        )
    return Written(layers, tuple(files))
