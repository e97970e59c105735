"""The runs the commands make, each the one pipeline with its own ends.

``map`` writes every output into a folder, ``review`` a review sheet,
``extract`` lists the placed mentions, ``render`` draws the map again from a
sites file; reports are read in this process or streamed in batches
(:mod:`campmap.pipeline.stream`), and the run's messages go to a
:class:`~campmap.pipeline.options.Messages` as they come.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from campmap.archive import CHECKPOINT_FOLDER
from campmap.errors import InputError, NothingPlacedError
from campmap.export import write_outputs
from campmap.export.outdir import check_output_folder, lock_folder
from campmap.gazetteer import Backend, default_gazetteer
from campmap.layer.build import Layers
from campmap.newsroom import Decision, apply_review, read_review, write_review
from campmap.pipeline.options import Messages, PageOptions, PlaceOptions, StreamOptions
from campmap.pipeline.places import backends_for
from campmap.pipeline.render import Written
from campmap.pipeline.report import report_decisions, report_layers, report_stream
from campmap.pipeline.stages import extract_reports, map_reports, require_something
from campmap.pipeline.stream import is_streamed, stream_layers, stream_mentions
from campmap.records import Mention
from campmap.sources.metadata import ReportMeta

__all__ = [
    "Listing",
    "Written",
    "list_mentions",
    "map_to_folder",
    "require_placed",
    "review_sheet",
]

_PLACES, _STREAM, _PAGE, _SILENT = PlaceOptions(), StreamOptions(), PageOptions(), Messages()
"""The defaults: the embedded gazetteer only, streamed in one process, plain map, silent."""


@dataclass(frozen=True, slots=True)
class Listing:
    """The mentions of a run, as they come; streamed ones come report by report."""

    streamed: bool
    mentions: Iterator[Mention]


def map_to_folder(
    inputs: Sequence[str | Path],
    output: Path,
    *,
    places: PlaceOptions = _PLACES,
    stream: StreamOptions = _STREAM,
    page: PageOptions = _PAGE,
    review: Path | None = None,
    location_column: str | None = None,
    messages: Messages = _SILENT,
    source: ReportMeta | None = None,
) -> Written:
    """Map the inputs and write every output into ``output`` (what ``campmap map`` does).

    The folder is held for the run (:func:`~campmap.export.outdir.lock_folder`);
    a streamed run's checkpoint in it is removed once the outputs are written.

    Parameters
    ----------
    inputs : sequence of str or pathlib.Path
        Report files, folders, ``-``, tables; or an archive (streamed).
    output : pathlib.Path
        The output folder.
    places, stream, page : PlaceOptions, StreamOptions, PageOptions
        Where places come from, how an archive streams, what the map looks like.
    review : pathlib.Path, optional
        A review sheet whose decisions are applied.
    location_column : str, optional
        The location column of ``.csv``/``.tsv`` tables (guessed by default).
    messages : Messages
        Where warnings go.
    source : ReportMeta, optional
        Where the one report given was published (its address, outlet ...);
        it wins over what the report says. Not for streamed runs.

    Returns
    -------
    Written

    Raises
    ------
    NothingToMapError
        No site, route or unplaced name was found (nothing is written).
    """
    decisions = read_review(review) if review is not None else None
    backends = backends_for(places)
    streamed = is_streamed(inputs, stream)
    if streamed and source is not None:
        raise InputError(
            "inputs",
            "source details (--source-url, --outlet) are for one report read in a plain run, "
            "not a streamed one (--jobs, --scheduler, an archive)",
        )
    checkpoint = Path(output) / CHECKPOINT_FOLDER
    check_output_folder(output, inputs)
    # One run at a time in the folder (none deletes another's checkpoints).
    with lock_folder(output):
        if streamed:
            run = stream_layers(
                inputs,
                places=places,
                backends=backends,
                stream=stream,
                checkpoint=checkpoint,
                location_column=location_column,
                messages=messages,
            )
            layers = run.layers
            report_stream(run.stats, layers, messages)
        else:
            layers = map_reports(
                inputs,
                backends=backends,
                location_column=location_column,
                source=source,
                learned=places.learned,
            )
            report_layers(layers, messages)
        if decisions is not None:
            layers = _reviewed(layers, decisions, backends, review, messages)
        require_something(layers)
        files = write_outputs(
            layers, output, title=page.title, tiles=page.tiles, embed=page.embed, png=page.png
        )
        if streamed:
            shutil.rmtree(checkpoint, ignore_errors=True)
    return Written(layers, tuple(files))


def _reviewed(
    layers: Layers,
    decisions: Sequence[Decision],
    backends: list[Backend],
    sheet: Path | None,
    messages: Messages,
) -> Layers:
    """Apply a review sheet's decisions, and warn of those that no longer fit."""
    layers = apply_review(layers, decisions, default_gazetteer(backends), label=str(sheet))
    if layers.review is not None:
        review = layers.review
        report_decisions(sheet, messages, stale=review.stale, outdated=review.outdated)
    return layers


def require_placed(layers: Layers, output: Path) -> None:
    """Raise :class:`NothingPlacedError` when a map run placed no site and no route."""
    if layers.sites.empty and layers.routes.empty:
        raise NothingPlacedError(
            f"nothing could be placed: {len(layers.unresolved)} unresolved mentions "
            f"(listed in {Path(output) / 'report.json'})"
        )


def review_sheet(
    inputs: Sequence[str | Path],
    output: Path,
    *,
    places: PlaceOptions = _PLACES,
    location_column: str | None = None,
    messages: Messages = _SILENT,
) -> int:
    """Write a review sheet for the inputs, keeping the decisions already in it.

    Returns
    -------
    int
        How many earlier decisions the sheet held (and keeps).
    """
    previous = read_review(output) if output.exists() else []
    backends = backends_for(places)
    layers = map_reports(
        inputs, backends=backends, location_column=location_column, learned=places.learned
    )
    report_layers(layers, messages)
    outdated = write_review(layers, output, default_gazetteer(backends), previous=previous)
    report_decisions(output, messages, outdated=outdated)
    return len(previous)


def list_mentions(
    inputs: Sequence[str | Path],
    *,
    places: PlaceOptions = _PLACES,
    stream: StreamOptions = _STREAM,
    location_column: str | None = None,
    messages: Messages = _SILENT,
) -> Listing:
    """Return every mention of the inputs, placed (what ``campmap extract`` lists)."""
    if is_streamed(inputs, stream):
        mentions = stream_mentions(
            inputs,
            places=places,
            stream=stream,
            location_column=location_column,
            messages=messages,
        )
        return Listing(True, mentions)
    gazetteer = default_gazetteer(backends_for(places))
    mentions = extract_reports(
        inputs,
        gazetteer,
        location_column=location_column,
        messages=messages,
        learned=places.learned,
    )
    return Listing(False, mentions)
