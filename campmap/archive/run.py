"""Map a whole archive: the entry points of an archive run.

The reports of :func:`campmap.sources.corpus.iter_reports` are cut into
batches (:mod:`campmap.archive.schedule`); workers read and extract them
(:mod:`campmap.archive.worker`) and send back typed records
(:mod:`campmap.archive.wire`), which are merged in input order
(:mod:`campmap.archive.merge`) into the layers :func:`campmap.map_reports`
would build. So ``jobs=1``, ``jobs=N`` and a Dask cluster write byte-identical
files. Each finished batch is kept in a checkpoint folder
(:mod:`campmap.archive.checkpoint`, JSON), so an interrupted run started again
with the same inputs resumes where it stopped.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from campmap.archive.checkpoint import Checkpoint
from campmap.archive.defaults import (
    CHECKPOINT_FOLDER,
    DEFAULT_BATCH_SIZE,
    MAX_EVIDENCE,
    MAX_OCCURRENCES,
    REPORT_TIMEOUT,
)
from campmap.archive.merge import Merger
from campmap.archive.progress import CorpusStats, Progress
from campmap.archive.schedule import Schedule, run_batches
from campmap.archive.worker import RunConfig, file_stamps, worker_gazetteer
from campmap.display import one_line
from campmap.errors import InputError
from campmap.export.outdir import lock_folder, real_folder
from campmap.gazetteer import Backend, BBox, default_gazetteer
from campmap.gazetteer.online import place_unresolved
from campmap.layer.build import Layers, build_layers
from campmap.records import Mention, Problem
from campmap.sources.corpus import Report, iter_reports
from campmap.sources.walk import InputKind

__all__ = [
    "CHECKPOINT_FOLDER",
    "DEFAULT_BATCH_SIZE",
    "MAX_EVIDENCE",
    "MAX_OCCURRENCES",
    "CorpusRun",
    "extract_corpus",
    "map_corpus",
]


@dataclass(frozen=True, slots=True)
class CorpusRun:
    """The layers of a corpus run and its counts."""

    layers: Layers
    stats: CorpusStats


def _warn(problem: Problem | str) -> None:
    print(f"campmap: warning: {one_line(str(problem))}", file=sys.stderr)


def _settings(inputs: Sequence[str], config: RunConfig, *options: object) -> str:
    """Return what a checkpoint belongs to: version, inputs, gazetteer files, options."""
    from campmap import __version__

    files = file_stamps(config.gazetteer_files)
    return repr((__version__, tuple(inputs), config, files, options))


def map_corpus(
    inputs: Iterable[str | Path],
    *,
    jobs: int = 1,
    client: Any = None,
    gazetteer_files: Sequence[str | Path] = (),
    backends: Sequence[Backend] = (),
    region: BBox | None = None,
    checkpoint: str | Path | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    text_field: str = "text",
    progress: Progress | None = None,
    on_failure: Callable[[Problem], None] = _warn,
    max_occurrences: int = MAX_OCCURRENCES,
    evidence_per_site: int | None = MAX_EVIDENCE,
    screen: bool = True,
    report_timeout: float | None = REPORT_TIMEOUT,
    location_column: str | None = None,
    on_warning: Callable[[str], None] = _warn,
    learned: bool = False,
) -> CorpusRun:
    """Map an archive of any size, streaming it in batches over processes or a Dask cluster.

    Parameters
    ----------
    inputs : iterable of str or pathlib.Path
        Files, folders, glob patterns, JSON-lines files, compressed files,
        ``-`` for standard input, ``.csv``/``.tsv`` tables of deployments given
        by name (:mod:`campmap.sources.corpus`).
    jobs : int
        Local worker processes (1: in this process).
    client : dask.distributed.Client, optional
        Run the batches on this Dask cluster instead (``jobs`` is then unused).
        The workers need campmap installed and the gazetteer files at the same paths.
    gazetteer_files : sequence of path
        Gazetteer files (``--gazetteer``) each worker loads, tried before the embedded one.
    backends : sequence of Backend
        Online backends (geocoders), asked here for names no gazetteer knew.
    region : (west, south, east, north), optional
        Bias for the online backends.
    checkpoint : path, optional
        Folder keeping finished batches; a run interrupted and started again
        with the same inputs and settings loads them instead of redoing them.
        The run holds the folder (:func:`campmap.export.outdir.lock_folder`): another
        run given it at the same time is refused. A checkpoint that does not
        read back is a warning, and its batch is done again.
    batch_size : int
        Reports per batch.
    text_field : str
        The text field of JSON-lines records.
    progress : Progress, optional
        Progress reporting; none by default.
    on_failure : callable
        Called with each failed report's :class:`~campmap.records.Problem`
        (default: a warning line on standard error).
    max_occurrences : int
        Occurrences kept as evidence for one sentence repeated across reports;
        further copies are counted in a problem line, so memory stays bounded.
    evidence_per_site : int or None
        Mentions of each site, route or unplaced name kept as evidence (quotes
        in the outputs); further ones are counted in the row (count, status,
        mentions, "and N more" sources) but not kept, so memory does not grow
        with the archive. None keeps every mention.
    screen : bool
        Skip, and count in ``stats.no_camera``, the reports that never name a
        camera (:mod:`campmap.extract.screen`): they hold no site or route, and
        their places (all context) are not listed; a sentence they share with a
        later report is read there. False extracts every report.
    report_timeout : float or None
        Seconds each report may take to be read and extracted
        (:data:`~campmap.archive.defaults.REPORT_TIMEOUT`); a report still running then is stopped,
        named as a failure ("over the time budget") and counted in
        ``stats.timed_out``. None: no limit.
    location_column : str, optional
        The location column of the tables (:mod:`campmap.extract.tables`);
        guessed when not given, and the guess is a problem of the document, as
        in a plain run. A table without that column fails like a bad report.
    on_warning : callable
        Called with each warning about the checkpoint (one that does not read
        back, a failure to save one); by default a line on standard error.
    learned : bool
        Also read each mention with the learned model (:mod:`campmap.extract.reread`).

    Returns
    -------
    CorpusRun
        The layers (as :func:`campmap.map_reports` builds them) and the counts.

    Raises
    ------
    InputError
        An input names nothing, or no report could be read at all.
    OutputError
        The checkpoint folder is held by another run, or is a symbolic link.
    """
    labels = [str(item) for item in inputs]
    if jobs < 1:
        raise InputError("--jobs", f"expected a whole number of processes >= 1, got {jobs}")
    if evidence_per_site is not None and evidence_per_site < 1:
        raise InputError(
            "--evidence-per-site", f"expected a whole number >= 1, got {evidence_per_site}"
        )
    config = _config(gazetteer_files, screen, report_timeout, location_column, learned)
    held = (
        lock_folder(real_folder(Path(checkpoint)))
        if checkpoint is not None
        else contextlib.nullcontext(None)
    )
    with held as folder:
        store = None
        if folder is not None:
            settings = _settings(
                labels, config, batch_size, text_field, max_occurrences, evidence_per_site
            )
            store = Checkpoint(folder, settings, on_warning)
        schedule = Schedule(
            config,
            jobs,
            client,
            batch_size,
            store,
            CorpusStats(),
            progress or Progress(enabled=False),
            on_failure,
        )
        merger = Merger(max_occurrences, evidence_per_site, worker_gazetteer(config))
        return _map_stream(labels, text_field, schedule, merger, backends, region)


def _config(
    gazetteer_files: Sequence[str | Path],
    screen: bool,
    report_timeout: float | None,
    location_column: str | None,
    learned: bool,
) -> RunConfig:
    if report_timeout is not None and not report_timeout > 0:
        raise InputError(
            "--report-timeout", f"expected a number of seconds > 0, got {report_timeout}"
        )
    files = tuple(str(Path(p).resolve()) for p in gazetteer_files)
    return RunConfig(files, screen, report_timeout, location_column, learned)


def _reports(labels: Sequence[str], text_field: str) -> Iterator[Report]:
    """Yield the reports of the inputs, then the tables given by name, as a plain run reads them.

    (:func:`campmap.pipeline.stages.read_inputs` reads the reports, then the
    tables: so the sites list their sources, and pick their quotes, alike.
    A table is one input named on the command line: holding them back costs
    no memory worth counting.)
    """
    tables: list[Report] = []
    for report in iter_reports(labels, text_field=text_field):
        if report.kind is InputKind.TABLE:
            tables.append(report)
        else:
            yield report
    yield from tables


def _map_stream(
    labels: list[str],
    text_field: str,
    schedule: Schedule,
    merger: Merger,
    backends: Sequence[Backend],
    region: BBox | None,
) -> CorpusRun:
    """:func:`map_corpus` once its options are checked and its checkpoint folder held."""
    stats = schedule.stats
    started = time.perf_counter()
    try:
        reports = _reports(labels, text_field)
        for result in run_batches(reports, schedule, merger.full_rows):
            merger.add(result)
        schedule.progress.close(stats)
        stats.seconds = time.perf_counter() - started
        if stats.reports == 0:
            raise InputError("inputs", "no reports found")
        if stats.failed == stats.reports:
            raise InputError("inputs", f"no report could be read ({stats.failure_summary()})")
        document, mentions = merger.document()
        tallies, counted = merger.finish_overflow(mentions)
    except BaseException:
        merger.sources.close()
        raise
    finally:
        merger.close()
    gazetteer = worker_gazetteer(schedule.config)
    if backends:  # the files already loaded, then the online backends, then the embedded one
        gazetteer = default_gazetteer([*gazetteer.backends[:-1], *backends])
    found, problems = place_unresolved(mentions, gazetteer, region)
    if problems or counted:
        document = replace(document, problems=(*document.problems, *counted, *problems))
    tags = merger.attributions(found)
    layers = build_layers(document, list(found), gazetteer, tags=tags, tallies=tallies)
    stats.layers_seconds = time.perf_counter() - started - stats.seconds
    return CorpusRun(layers, stats)


def extract_corpus(
    inputs: Iterable[str | Path],
    *,
    jobs: int = 1,
    client: Any = None,
    gazetteer_files: Sequence[str | Path] = (),
    batch_size: int = DEFAULT_BATCH_SIZE,
    text_field: str = "text",
    progress: Progress | None = None,
    on_failure: Callable[[Problem], None] = _warn,
    stats: CorpusStats | None = None,
    screen: bool = True,
    report_timeout: float | None = REPORT_TIMEOUT,
    location_column: str | None = None,
    on_warning: Callable[[str], None] = _warn,
    learned: bool = False,
) -> Iterator[Mention]:
    """Yield every mention of an archive, report by report in input order, streaming.

    Unlike :func:`map_corpus`, nothing is merged: a sentence repeated in two
    reports gives its mentions twice, once per report, and memory holds only
    the batches in flight.

    Parameters
    ----------
    inputs, jobs, client, gazetteer_files, batch_size, text_field, progress, on_failure
        As for :func:`map_corpus`.
    report_timeout, location_column : float or None, str or None
        As for :func:`map_corpus`.
    on_warning : callable
        Called with what a plain run says of a report as it reads it (a table's
        guessed location column); by default a line on standard error.
    stats : CorpusStats, optional
        Filled in with the run's counts as it goes.
    screen : bool
        Skip the reports that never name a camera (as :func:`map_corpus` does).
    learned : bool
        As for :func:`map_corpus`.

    Yields
    ------
    Mention
    """
    config = _config(gazetteer_files, screen, report_timeout, location_column, learned)
    gazetteer = worker_gazetteer(config)
    stats = stats if stats is not None else CorpusStats()
    progress = progress or Progress(enabled=False)
    schedule = Schedule(config, jobs, client, batch_size, None, stats, progress, on_failure)
    for result in run_batches(_reports([str(i) for i in inputs], text_field), schedule):
        for note in result.notes:
            on_warning(str(note))
        for _sentence, mentions in result.evidence(gazetteer):
            yield from mentions
    progress.close(stats)
