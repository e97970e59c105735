"""``campmap extract``: every place mention of the reports, with its role and count."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import click

from campmap.cli import console
from campmap.cli.options import (
    inputs_argument,
    json_option,
    location_column_option,
    place_options,
    stream_options,
)
from campmap.pipeline import PlaceOptions, StreamOptions
from campmap.records import Mention, Role

__all__ = ["extract_command", "mention_record"]


@click.command("extract")
@inputs_argument
@json_option
@place_options
@location_column_option
@stream_options()
@console.clean_errors
def extract_command(
    inputs: Sequence[str],
    as_json: bool,
    location_column: str | None,
    places: PlaceOptions,
    stream: StreamOptions,
) -> None:
    """List every place mention in the reports, with its role and count.

    With --jobs, --scheduler, .jsonl or compressed inputs the mentions are
    streamed report by report (with --json: one JSON object per line).
    """
    if not inputs:
        raise click.UsageError("give at least one report file, folder, or - for standard input")
    from campmap.pipeline import list_mentions

    listing = list_mentions(
        inputs,
        places=places,
        stream=stream,
        location_column=location_column,
        messages=console.messages(progress=True),
    )
    if listing.streamed:
        for mention in listing.mentions:
            record = mention_record(mention)
            click.echo(json.dumps(record, ensure_ascii=False) if as_json else _line(record))
        return
    records = [mention_record(m) for m in listing.mentions]
    if as_json:
        click.echo(json.dumps(records, indent=2, ensure_ascii=False))
        return
    for record in records:
        click.echo(_line(record))


def _line(r: dict[str, Any]) -> str:
    """Return the text line ``campmap extract`` prints for a mention's record."""
    count = "" if r["count"] is None else f" count={r['count']}"
    name = r["name"] or "(unresolved)"
    return f"{r['role']:8} {r['text']!r} -> {name}{count}  [{r['source']}:{r['start']}]"


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
        "camera": mention.camera,
        "shape": mention.shape,
        "confidence": mention.confidence,
        "match": mention.match,
        "reason": mention.reason,
        "reasons": list(mention.reasons or (mention.reason,)),
        "quote": mention.sentence.text,
        "source": mention.source,
        "sources": list(mention.sentence.sources),
        "start": mention.source_start,
        "end": mention.source_end,
    }
