"""``campmap review`` and ``campmap diff``: the newsroom's review sheet, and what changed."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import click

from campmap.cli import console
from campmap.cli.options import (
    inputs_argument,
    json_option,
    location_column_option,
    or_examples,
    place_options,
)
from campmap.pipeline import PlaceOptions

__all__ = ["diff_command", "review_command"]


@click.command("review")
@inputs_argument
@click.option(
    "-o",
    "--output",
    default="review.csv",
    show_default=True,
    type=click.Path(path_type=Path),
    help="The review sheet (CSV). Decisions already in it are kept.",
)
@place_options
@location_column_option
@console.clean_errors
def review_command(
    inputs: Sequence[str], output: Path, location_column: str | None, places: PlaceOptions
) -> None:
    """Write a review sheet: one row per candidate site and route, with columns to decide.

    Fill in action (accept, reject, move), move_to (a place name or 'lat, lon'),
    set_count, verification (reported, photo-confirmed, on-site-confirmed,
    disputed) and note, the columns after the name; then run
    'campmap map INPUT ... --review SHEET'. What each column means is written
    beside the sheet (review.csv gets review-columns.csv).
    """
    from campmap.pipeline import review_sheet

    kept = review_sheet(
        or_examples(inputs),
        output,
        places=places,
        location_column=location_column,
        messages=console.messages(),
    )
    from campmap.newsroom.columns import columns_path

    guide = columns_path(output)
    click.echo(f"wrote {output} ({kept} earlier decisions kept) and its column guide {guide}")


@click.command("diff")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@json_option
@console.clean_errors
def diff_command(old: Path, new: Path, as_json: bool) -> None:
    """Say what changed between two output folders: sites added, removed, moved, counts."""
    from campmap.newsroom.diff import diff_runs

    result = diff_runs(old, new)
    if as_json:
        click.echo(json.dumps(result.as_dict(), indent=2, ensure_ascii=False))
    else:
        for line in result.lines():
            click.echo(line)
