"""Streamed runs: the same stages over an archive, batch by batch (:mod:`campmap.archive`).

A run streams when asked to (``jobs``, ``scheduler``) or when an input can only
be streamed (JSON lines, compressed files, glob patterns). Standard input and
tables of deployments stream like any report: ``-`` is one report, and a table
is read by the worker with the run's location column (:mod:`campmap.archive.worker`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from campmap.archive import (
    CorpusRun,
    CorpusStats,
    Progress,
    extract_corpus,
    map_corpus,
)
from campmap.errors import NothingReadError, OptionError, SchedulerError
from campmap.gazetteer import Backend
from campmap.pipeline.options import Messages, PlaceOptions, StreamOptions
from campmap.pipeline.places import gazetteer_files, online_backends
from campmap.records import Mention
from campmap.sources.walk import COMPRESSED_SUFFIXES, JSONL_SUFFIXES

__all__ = ["dask_client", "is_streamed", "stream_layers", "stream_mentions"]

STREAMED_SUFFIXES = (*COMPRESSED_SUFFIXES, *sorted(JSONL_SUFFIXES))
"""Inputs with these endings are always streamed."""


def is_streamed(inputs: Sequence[str | Path], options: StreamOptions) -> bool:
    """Whether the inputs go through the streaming runner (:mod:`campmap.archive`)."""
    if options.jobs is not None or options.scheduler is not None:
        return True
    for item in inputs:
        name = str(item).lower()
        if name.endswith(STREAMED_SUFFIXES):
            return True
        if not Path(item).exists() and any(c in name for c in "*?["):
            return True
    return False


@contextmanager
def dask_client(scheduler: str | None) -> Iterator[Any]:
    """Connect to a Dask scheduler for the length of a run (None: no scheduler).

    Raises
    ------
    SchedulerError
        Dask is not installed, or the scheduler does not answer.
    """
    if scheduler is None:
        yield None
        return
    try:
        from dask.distributed import Client
    except ImportError:
        raise SchedulerError(
            "--scheduler needs Dask: pip install 'campmap[dask]' (dask[distributed])"
        ) from None
    try:
        client = Client(scheduler, timeout="10s")  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError, ValueError) as err:
        raise SchedulerError(f"--scheduler {scheduler}: cannot connect: {err}") from err
    try:
        yield client
    finally:
        client.close()  # type: ignore[no-untyped-call]


def stream_layers(
    inputs: Sequence[str | Path],
    *,
    places: PlaceOptions,
    backends: list[Backend],
    stream: StreamOptions,
    checkpoint: Path,
    location_column: str | None = None,
    messages: Messages,
) -> CorpusRun:
    """Map an archive: :func:`campmap.archive.map_corpus` with the run's options.

    ``backends`` are those :func:`~campmap.pipeline.places.backends_for` built
    from ``places``: the workers load the gazetteer files themselves, and the
    geocoders among the backends are asked here, after merging. ``location_column``
    is that of the tables (guessed when None).
    """
    with dask_client(stream.scheduler) as client:
        return map_corpus(
            inputs,
            jobs=stream.jobs or 1,
            client=client,
            gazetteer_files=gazetteer_files(places),
            backends=online_backends(backends),
            checkpoint=checkpoint,
            batch_size=stream.batch_size,
            text_field=stream.text_field,
            progress=Progress(enabled=messages.progress),
            evidence_per_site=stream.evidence_per_site,
            screen=not stream.every_report,
            report_timeout=stream.report_timeout or None,
            location_column=location_column,
            on_warning=messages.warn,
            learned=places.learned,
        )


def stream_mentions(
    inputs: Sequence[str | Path],
    *,
    places: PlaceOptions,
    stream: StreamOptions,
    location_column: str | None = None,
    messages: Messages,
) -> Iterator[Mention]:
    """Yield every mention of an archive (:func:`campmap.archive.extract_corpus`).

    A table's guessed location column is a warning (``messages.warn``), as in a plain run.

    Raises
    ------
    OptionError
        A geocoder was asked for (a streamed list is not geocoded).
    NothingReadError
        No report could be read.
    """
    if places.geocoder is not None:
        raise OptionError("--geocoder is not used when streaming; map the archive instead")
    stats = CorpusStats()
    with dask_client(stream.scheduler) as client:
        yield from extract_corpus(
            inputs,
            jobs=stream.jobs or 1,
            client=client,
            gazetteer_files=gazetteer_files(places),
            batch_size=stream.batch_size,
            text_field=stream.text_field,
            progress=Progress(enabled=messages.progress),
            stats=stats,
            screen=not stream.every_report,
            report_timeout=stream.report_timeout or None,
            location_column=location_column,
            on_warning=messages.warn,
            learned=places.learned,
        )
    if stats.failed:
        messages.warn(stats.failure_summary())
    if stats.reports == 0 or stats.failed == stats.reports:
        raise NothingReadError(f"no report could be read ({stats.failure_summary()})")
