"""``campmap gazetteer download | list | remove``: region gazetteers from OpenStreetMap extracts."""

from __future__ import annotations

import json

import click

from campmap.cli import console
from campmap.cli.options import json_option, location_index_option
from campmap.gazetteer.geofabrik import DEFAULT_MIRROR

__all__ = ["download_command", "list_command", "remove_command"]


def _size(count: int) -> str:
    """Bytes as people read them.

    Examples
    --------
    >>> _size(999), _size(12_345_678)
    ('999 B', '12.3 MB')
    """
    value = float(count)
    for unit in ("B", "kB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    raise AssertionError("unreachable")  # pragma: no cover


@click.command("download")
@click.argument("region")
@click.option(
    "--mirror",
    default=DEFAULT_MIRROR,
    show_default=True,
    help="A server laid out as Geofabrik's: its index-v1.json and the files it lists.",
)
@click.option("--name", default=None, help="Install under this name (default: the region's id).")
@click.option(
    "--no-verify",
    is_flag=True,
    help="Install even though no .md5 checksum is published beside the file.",
)
@location_index_option
@console.clean_errors
def download_command(
    region: str, mirror: str, name: str | None, no_verify: bool, location_index: str
) -> None:
    """Download REGION's OpenStreetMap extract and install it as a gazetteer.

    REGION is a Geofabrik region (greater-london, kenya, us/georgia, "Greater
    London") or the URL of any .osm.pbf file. An interrupted download resumes
    when run again. Installed regions are used by map, extract and review.
    """
    from campmap.gazetteer.download import download_region

    done = download_region(
        region,
        mirror=mirror,
        name=name,
        verify=not no_verify,
        location_index=location_index,
        note=console.note,
    )
    got = done.region
    if done.resumed_from:
        console.note(f"resumed after {_size(done.resumed_from)}")
    click.echo(
        f"installed {got.name}: {got.places} places, OpenStreetMap data of "
        f"{got.data_date or 'an unknown date'}, from {got.source}"
    )
    click.echo(f"  {got.path}")


@click.command("list")
@json_option
@console.clean_errors
def list_command(as_json: bool) -> None:
    """List the installed regions: name, size, date of the data, path."""
    from campmap.gazetteer.installed import installed_regions

    regions = installed_regions()
    if as_json:
        records = [
            {**r.manifest(), "path": str(r.path), "disk_bytes": r.disk_bytes} for r in regions
        ]
        click.echo(json.dumps(records, indent=2, ensure_ascii=False))
        return
    if not regions:
        click.echo("no regions installed; campmap gazetteer download REGION adds one")
        return
    width = max(len(r.name) for r in regions)
    for r in regions:
        date = (r.data_date or "unknown")[:10]
        click.echo(f"{r.name:<{width}}  {_size(r.disk_bytes):>9}  {date:<10}  {r.path}")


@click.command("remove")
@click.argument("name")
@console.clean_errors
def remove_command(name: str) -> None:
    """Delete the installed region NAME."""
    from campmap.gazetteer.installed import remove_region

    gone = remove_region(name)
    click.echo(f"removed {gone.name} ({gone.path.parent})")
