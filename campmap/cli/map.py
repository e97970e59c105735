"""``campmap map`` and ``campmap render``: the map outputs, from reports or from a sites file."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from campmap.cli import console
from campmap.cli.options import (
    embed_option,
    embed_src_option,
    inputs_argument,
    location_column_option,
    or_examples,
    page_options,
    place_options,
    png_option,
    source_options,
    stream_options,
    title_option,
)
from campmap.pipeline import PageOptions, PlaceOptions, StreamOptions

if TYPE_CHECKING:
    from campmap.pipeline import Written
    from campmap.sources.metadata import ReportMeta

__all__ = ["map_command", "render_command"]


@click.command("map")
@inputs_argument
@click.option(
    "-o",
    "--output",
    default="campmap-out",
    show_default=True,
    type=click.Path(path_type=Path),
    help="Folder for the outputs: GeoJSON layers with QGIS styles, campmap.gpkg, sites.csv, "
    "map.html and report.json.",
)
@title_option
@click.option(
    "--tiles",
    default=None,
    metavar="PROVIDER",
    help="Base map by xyzservices name (e.g. OpenStreetMap.Mapnik); the map then loads tiles "
    "from the network. Default: none (the map works offline).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print warnings only.")
@click.option(
    "--review",
    "review_file",
    type=click.Path(path_type=Path),
    default=None,
    help="Apply a reviewer's decisions (a sheet from 'campmap review').",
)
@place_options
@location_column_option
@embed_option
@embed_src_option
@png_option
@source_options
@stream_options(evidence=True)
@page_options
@console.clean_errors
def map_command(
    inputs: Sequence[str],
    output: Path,
    quiet: bool,
    review_file: Path | None,
    location_column: str | None,
    places: PlaceOptions,
    stream: StreamOptions,
    page: PageOptions,
    source: ReportMeta | None,
) -> None:
    """Map camera sites from report files, folders, - (standard input), or .csv tables.

    Archives: folders, glob patterns, .jsonl files (one article per line) and
    .gz/.bz2/.xz files, streamed in batches (with --jobs N over N processes, or
    --scheduler on a Dask cluster). With no INPUT, maps the bundled example reports.
    """
    from campmap.pipeline import map_to_folder, require_placed

    run = map_to_folder(
        or_examples(inputs),
        output,
        places=places,
        stream=stream,
        page=page,
        review=review_file,
        location_column=location_column,
        messages=console.messages(progress=not quiet),
        source=source,
    )
    if not quiet:
        layers = run.layers
        click.echo(
            f"{len(layers.sites)} sites, {len(layers.routes)} routes, "
            f"{len(layers.unresolved)} unresolved from {len(layers.document.sources)} reports"
        )
        _echo_written(run, page)
    require_placed(run.layers, output)


def _echo_written(run: Written, page: PageOptions) -> None:
    for path in run.files:
        click.echo(f"wrote {path}")
    if page.png:
        from campmap.export.html import summary

        click.echo(f"alt text for map.png: {summary(run.layers)}")


@click.command("render")
@click.argument("sites", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    default="campmap-out",
    show_default=True,
    type=click.Path(path_type=Path),
    help="Folder for map.html (and embed.html, map.png).",
)
@click.option(
    "--routes",
    type=click.Path(path_type=Path),
    default=None,
    help="A routes GeoJSON file (default: routes.geojson beside a sites.geojson, if any).",
)
@title_option
@click.option(
    "--tiles",
    default=None,
    metavar="PROVIDER",
    help="Base map by xyzservices name, or none (the default: the map works offline).",
)
@embed_option
@embed_src_option
@png_option
@page_options
@console.clean_errors
def render_command(sites: Path, output: Path, routes: Path | None, page: PageOptions) -> None:
    """Draw map.html again from a sites GeoJSON file, without reading any report."""
    from campmap.pipeline import render_map

    run = render_map(sites, output, routes=routes, page=page)
    click.echo(f"{len(run.layers.sites)} sites, {len(run.layers.routes)} routes from {sites}")
    _echo_written(run, page)
