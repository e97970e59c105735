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
from campmap.export import write_outputs
from campmap.extract import extract
from campmap.gazetteer import default_gazetteer
from campmap.layer import Layers
from campmap.paths import example_paths
from campmap.pipeline import map_reports, require_something
from campmap.records import Document, Mention, Role
from campmap.sources import read_sources
from campmap.tables import is_table, read_table

__all__ = ["cli", "main"]

P = ParamSpec("P")
R = TypeVar("R")

inputs_argument = click.argument("inputs", nargs=-1, metavar="[INPUT]...")
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
location_column_option = click.option(
    "--location-column",
    default=None,
    metavar="NAME",
    help="For .csv/.tsv tables of deployments: the column with the location text "
    "(default: guessed, and the guess is reported).",
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
@location_column_option
@_clean_errors
def map_command(
    inputs: Sequence[str],
    output: Path,
    title: str,
    tiles: str | None,
    quiet: bool,
    location_column: str | None,
) -> None:
    """Map camera sites from report files, folders, - (standard input), or .csv tables.

    With no INPUT, maps the bundled example reports.
    """
    paths: Sequence[str | Path] = inputs or example_paths()
    layers = map_reports(paths, location_column=location_column)
    _report_problems(layers)
    require_something(layers)
    written = write_outputs(layers, output, title=title, tiles=tiles)
    if not quiet:
        click.echo(
            f"{len(layers.sites)} sites, {len(layers.routes)} routes, "
            f"{len(layers.unresolved)} unresolved from {len(layers.document.sources)} reports"
        )
        for path in written:
            click.echo(f"wrote {path}")
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


@cli.command("extract")
@inputs_argument
@json_option
@location_column_option
@_clean_errors
def extract_command(inputs: Sequence[str], as_json: bool, location_column: str | None) -> None:
    """List every place mention in the reports, with its role and count."""
    if not inputs:
        raise click.UsageError("give at least one report file, folder, or - for standard input")
    gazetteer = default_gazetteer()
    tables = [
        read_table(p, gazetteer, location_column=location_column) for p in inputs if is_table(p)
    ]
    reports = [p for p in inputs if not is_table(p)]
    document = read_sources(reports) if reports else Document((), ())
    for problem in (*document.problems, *(t.note for t in tables if t.note is not None)):
        _warn(str(problem))
    if not document.sources and not tables:
        raise CampmapError("no report could be read")
    found = [*extract(document, gazetteer), *(m for t in tables for m in t.mentions)]
    records = [mention_record(m) for m in found]
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
