"""``campmap gazetteer``: look a place up, build a gazetteer from OpenStreetMap, install regions."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from campmap.cli import console
from campmap.cli.options import json_option, location_index_option, place_options
from campmap.cli.regions import download_command, list_command, remove_command
from campmap.pipeline import PlaceOptions

__all__ = ["gazetteer_group"]


@click.group("gazetteer")
def gazetteer_group() -> None:
    """Look up places, build gazetteers from OpenStreetMap, install regions."""


@gazetteer_group.command("find")
@click.argument("name")
@json_option
@place_options
@console.clean_errors
def gazetteer_find(name: str, as_json: bool, places: PlaceOptions) -> None:
    """Show what the gazetteer knows about NAME (exact, misspelt, or close names).

    NAME may be a junction: "Bowes Road junction with Bounds Green Road", "A / B".
    A street is shown at the point of its line nearest its centroid (on the street).
    """
    from campmap.gazetteer.crossings import point_on
    from campmap.pipeline import gazetteer_for

    gazetteer = gazetteer_for(places)
    found = gazetteer.lookup(name)
    close = [] if found else [p for p, score in gazetteer.suggest(name) if score >= 60]
    shown = {p.id: point_on(p.geometry) for p in (found or close)}
    records: list[dict[str, Any]] = [
        {
            "id": p.id,
            "name": p.name,
            "aliases": list(p.aliases),
            "kind": p.kind,
            "place_kind": p.place_kind,
            "lon": round(shown[p.id].x, 6),
            "lat": round(shown[p.id].y, 6),
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


@gazetteer_group.command("import")
@click.argument("source", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path),
    help="The GeoPackage (.gpkg) to write; use it with --gazetteer.",
)
@location_index_option
@console.clean_errors
def gazetteer_import(source: Path, output: Path, location_index: str) -> None:
    """Build a gazetteer from an OpenStreetMap extract (.osm, .osm.pbf)."""
    from campmap.gazetteer import import_osm

    summary = import_osm(source, output, location_index=location_index)
    click.echo(
        f"{summary.streets} streets ({summary.street_names} names, from {summary.ways_read} "
        f"ways), {summary.areas} areas, {summary.points} points in {summary.seconds:.1f} s"
        + (f"; {summary.skipped} objects skipped (nodes missing)" if summary.skipped else "")
    )
    click.echo(f"wrote {output}")


for _command in (download_command, list_command, remove_command):
    gazetteer_group.add_command(_command)
