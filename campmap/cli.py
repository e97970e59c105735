"""The ``campmap`` command: a thin layer over the Python API.

Each command parses its options, calls one library function and prints.
Library errors become one line on standard error and a non-zero exit code.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from functools import wraps
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import click

from campmap.errors import CampmapError
from campmap.export import write_map_outputs, write_outputs
from campmap.export.html import summary
from campmap.extract import extract
from campmap.gazetteer import default_gazetteer
from campmap.layer import Layers
from campmap.paths import example_paths
from campmap.pipeline import map_reports, require_something
from campmap.records import Mention, Role
from campmap.sites_file import read_layers
from campmap.sources import read_sources

__all__ = ["cli", "main"]

P = ParamSpec("P")
R = TypeVar("R")

inputs_argument = click.argument("inputs", nargs=-1, metavar="[INPUT]...")
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
embed_option = click.option(
    "--embed",
    is_flag=True,
    help="Also write embed.html: the responsive iframe snippet to paste into an article.",
)
embed_src_option = click.option(
    "--embed-src",
    default="map.html",
    show_default=True,
    metavar="URL",
    help="Where map.html will be published; the iframe snippet points there.",
)
png_option = click.option(
    "--png", is_flag=True, help="Also write map.png, a 1200x630 screenshot (needs Chromium)."
)


def _clean_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn a campmap error into click's one-line message (exit code 1)."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except CampmapError as err:
            raise click.ClickException(str(err)) from err

    return wrapper


def _warn(message: str) -> None:
    click.echo(f"campmap: warning: {message}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="campmap")
def cli() -> None:
    """Map the surveillance cameras a report describes, with the sentence behind every mark."""


@cli.command("map")
@inputs_argument
@click.option(
    "-o",
    "--output",
    default="campmap-out",
    show_default=True,
    type=click.Path(path_type=Path),
    help="Folder for sites.geojson, routes.geojson, map.html and report.json.",
)
@click.option("--title", default="Reported camera sites", show_default=True, help="Map title.")
@click.option(
    "--tiles",
    default=None,
    metavar="PROVIDER",
    help="Base map by xyzservices name (e.g. OpenStreetMap.Mapnik); the map then loads tiles "
    "from the network. Default: none (the map works offline).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print warnings only.")
@embed_option
@embed_src_option
@png_option
@_clean_errors
def map_command(
    inputs: Sequence[str],
    output: Path,
    title: str,
    tiles: str | None,
    quiet: bool,
    embed: bool,
    embed_src: str,
    png: bool,
) -> None:
    """Map camera sites from report files, folders, or - (standard input).

    With no INPUT, maps the bundled example reports.
    """
    paths: Sequence[str | Path] = inputs or example_paths()
    layers = map_reports(paths)
    _report_problems(layers)
    require_something(layers)
    written = write_outputs(
        layers, output, title=title, tiles=tiles, embed=embed_src if embed else None, png=png
    )
    if not quiet:
        click.echo(
            f"{len(layers.sites)} sites, {len(layers.routes)} routes, "
            f"{len(layers.unresolved)} unresolved from {len(layers.document.sources)} reports"
        )
        for path in written:
            click.echo(f"wrote {path}")
        if png:
            click.echo(f"alt text for map.png: {summary(layers)}")
    if layers.sites.empty and layers.routes.empty:
        raise CampmapError(
            f"nothing could be placed: {len(layers.unresolved)} unresolved mentions "
            f"(listed in {Path(output) / 'report.json'})"
        )


def _report_problems(layers: Layers) -> None:
    for problem in layers.document.problems:
        _warn(str(problem))
    placed = {
        source
        for m in layers.mentions
        if m.role is not Role.CONTEXT
        for source in m.sentence.sources
    }
    for source in layers.document.sources:
        if source.label not in placed:
            _warn(f"{source.label}: no camera sites found")
    for item in layers.unresolved:
        hint = f" (closest names: {', '.join(item['candidates'])})" if item["candidates"] else ""
        _warn(f"{item['source']}: could not place {item['text']!r}{hint}")


@cli.command("render")
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
@click.option("--title", default="Reported camera sites", show_default=True, help="Map title.")
@click.option(
    "--tiles",
    default=None,
    metavar="PROVIDER",
    help="Base map by xyzservices name, or none (the default: the map works offline).",
)
@embed_option
@embed_src_option
@png_option
@_clean_errors
def render_command(
    sites: Path,
    output: Path,
    routes: Path | None,
    title: str,
    tiles: str | None,
    embed: bool,
    embed_src: str,
    png: bool,
) -> None:
    """Draw map.html again from a sites GeoJSON file, without reading any report."""
    layers = read_layers(sites, routes)
    written = write_map_outputs(
        layers, output, title=title, tiles=tiles, embed=embed_src if embed else None, png=png
    )
    click.echo(f"{len(layers.sites)} sites, {len(layers.routes)} routes from {sites}")
    for path in written:
        click.echo(f"wrote {path}")
    if png:
        click.echo(f"alt text for map.png: {summary(layers)}")


@cli.command("extract")
@inputs_argument
@json_option
@_clean_errors
def extract_command(inputs: Sequence[str], as_json: bool) -> None:
    """List every place mention in the reports, with its role and count."""
    if not inputs:
        raise click.UsageError("give at least one report file, folder, or - for standard input")
    document = read_sources(inputs)
    for problem in document.problems:
        _warn(str(problem))
    if not document.sources:
        raise CampmapError("no report could be read")
    records = [mention_record(m) for m in extract(document, default_gazetteer())]
    if as_json:
        click.echo(json.dumps(records, indent=2, ensure_ascii=False))
        return
    for r in records:
        count = "" if r["count"] is None else f" count={r['count']}"
        name = r["name"] or "(unresolved)"
        click.echo(f"{r['role']:8} {r['text']!r} -> {name}{count}  [{r['source']}:{r['start']}]")


def mention_record(mention: Mention) -> dict[str, Any]:
    """Return the JSON object ``campmap extract --json`` prints for a mention."""
    place = mention.place
    site_id = None
    if mention.role is Role.SITE and place is not None:
        site_id = place.id
    elif mention.role is Role.ROUTE and mention.route_key is not None:
        site_id = f"route-{mention.route_key[0]}-to-{mention.route_key[1]}"
    return {
        "text": mention.text,
        "name": place.name if place else None,
        "role": mention.role.value,
        "count": mention.count,
        "count_text": mention.count_text,
        "resolved": mention.resolved,
        "site_id": site_id,
        "status": mention.status,
        "match": mention.match,
        "reason": mention.reason,
        "quote": mention.sentence.text,
        "source": mention.source,
        "sources": list(mention.sentence.sources),
        "start": mention.source_start,
        "end": mention.source_end,
    }


@cli.group("gazetteer")
def gazetteer_group() -> None:
    """Look up places in the gazetteer."""


@gazetteer_group.command("find")
@click.argument("name")
@json_option
@_clean_errors
def gazetteer_find(name: str, as_json: bool) -> None:
    """Show what the gazetteer knows about NAME (exact, misspelt, or close names)."""
    gazetteer = default_gazetteer()
    found = gazetteer.lookup(name)
    close = [] if found else [p for p, score in gazetteer.suggest(name) if score >= 60]
    records: list[dict[str, Any]] = [
        {
            "id": p.id,
            "name": p.name,
            "aliases": list(p.aliases),
            "kind": p.kind,
            "place_kind": p.place_kind,
            "lon": round(p.geometry.centroid.x, 6),
            "lat": round(p.geometry.centroid.y, 6),
            "source": p.source,
            "backend": p.backend,
            "match": "name" if found else "close",
        }
        for p in (found or close)
    ]
    if as_json:
        click.echo(json.dumps(records, indent=2, ensure_ascii=False))
    elif not records:
        click.echo(f"nothing known as {name!r}")
    else:
        if not found:
            click.echo(f"no place is called {name!r}; closest names:")
        for r in records:
            click.echo(
                f"{r['id']}: {r['name']} ({r['kind']}, {r['place_kind']}) at {r['lat']}, {r['lon']}"
            )
            if r["aliases"]:
                click.echo(f"  also: {'; '.join(r['aliases'])}")
            click.echo(f"  coordinates: {r['source']} [{r['backend']}]")
    if not found:
        sys.exit(1)


def main() -> None:
    """Run the ``campmap`` command."""
    cli(prog_name="campmap")
