"""The worker side of an archive run: read and extract a batch of reports, each under its budget.

A worker keeps only what the map needs (:class:`~campmap.archive.wire.BatchResult`):
the sentences that carry a place mention or name a camera maker or operator,
their mentions, and a stripped :class:`~campmap.records.Source` (label,
address, encoding, length; no text). Sentences with nothing to map are dropped
here, so memory grows with the evidence the outputs hold, not with the archive.

A table of deployments (a report of kind :attr:`~campmap.sources.walk.InputKind.TABLE`)
is read by :func:`campmap.extract.tables.read_table`, with the run's location
column: its rows become the report's kept sentences, each with its site
mention, as a plain run reads them; a guessed location column is a note
(``BatchResult.notes``), said as a plain run says it.

A report that fails (undecodable, binary, a malformed JSON line, a table
without the location column, an extraction error) is a
:class:`~campmap.records.Problem` naming it; the batch goes on. So is
a report whose reading and extraction run past the time budget
(:data:`~campmap.archive.defaults.REPORT_TIMEOUT`, :mod:`campmap.archive.budget`): it is
stopped, and counted.
"""

from __future__ import annotations

import hashlib
import os
import signal
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from campmap.archive.budget import run_within
from campmap.archive.defaults import REPORT_TIMEOUT
from campmap.archive.wire import (
    ATTRIBUTION,
    NO_EVIDENCE,
    BatchResult,
    Group,
    Record,
    Row,
    group_of,
    pack,
)
from campmap.errors import InputError
from campmap.extract import extract
from campmap.extract.attribution import Attribution, attribute_sentence
from campmap.extract.screen import names_camera, names_no_camera
from campmap.extract.tables import read_table
from campmap.gazetteer import Gazetteer, default_gazetteer, load_gazetteer_file
from campmap.records import Mention, Problem, Sentence, Source
from campmap.sources.corpus import Report, read_stored, source_of
from campmap.sources.dedupe import dedupe, sentence_key
from campmap.sources.walk import InputKind

__all__ = [
    "REPORT_TIMEOUT",
    "RunConfig",
    "file_stamps",
    "init_worker",
    "process_batch",
    "process_packed",
    "worker_gazetteer",
]

NOBODY = Attribution()
"""No maker and no operator."""

_SCREENED = frozenset({".txt", ".jsonl"})
"""What :func:`~campmap.extract.screen.names_no_camera` can judge as stored: plain text."""

Kept = list[tuple[Sentence, list[Mention]]]
"""The sentences of a report worth keeping, each with its mentions."""


@dataclass(frozen=True, slots=True)
class _Read:
    """One report read and extracted: what a batch keeps of it."""

    source: Source
    kept: Kept
    attribution: Attribution
    table: bool = False
    """A table of deployments: its rows are never one sentence repeated (each is kept)."""
    note: Problem | None = None
    """What a plain run says of it (a table's guessed location column)."""


@dataclass(frozen=True, slots=True)
class RunConfig:
    """What a worker needs to process a batch (small and picklable)."""

    gazetteer_files: tuple[str, ...] = ()
    screen: bool = True
    """Skip reports that name no camera (see :mod:`campmap.extract.screen`)."""
    report_timeout: float | None = REPORT_TIMEOUT
    """Seconds a report may take (None: no limit); see :func:`campmap.archive.budget.run_within`."""
    location_column: str | None = None
    """The location column of tables of deployments (None: guessed, and the guess said)."""
    learned: bool = False
    """Also read each mention with the learned model (:mod:`campmap.extract.reread`)."""


_GAZETTEERS: dict[tuple[object, ...], Gazetteer] = {}


def worker_gazetteer(config: RunConfig) -> Gazetteer:
    """Build a process's gazetteer once, and again when a file of it changed.

    (A Dask worker or a library caller lives on from run to run.)
    """
    key = (config.gazetteer_files, file_stamps(config.gazetteer_files))
    if key not in _GAZETTEERS:
        backends = [load_gazetteer_file(Path(p)) for p in config.gazetteer_files]
        _GAZETTEERS[key] = default_gazetteer(backends)
    return _GAZETTEERS[key]


def file_stamps(names: Sequence[str]) -> tuple[tuple[int, int] | None, ...]:
    """Size and modification time of each file (None when it cannot be read)."""
    stamps: list[tuple[int, int] | None] = []
    for name in names:
        try:
            stat = os.stat(name)  # noqa: PTH116
        except OSError:
            stamps.append(None)
        else:
            stamps.append((stat.st_size, stat.st_mtime_ns))
    return tuple(stamps)


@dataclass(slots=True)
class _Batch:
    """A batch result as it is gathered (see :class:`~campmap.archive.wire.BatchResult`)."""

    full: Collection[Group] | None
    reports: int = 0
    bytes: int = 0
    no_camera: int = 0
    timed_out: int = 0
    sources: list[Source] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)
    evidence: list[tuple[Sentence, list[Mention]]] = field(default_factory=list)
    assumed_full: set[Group] = field(default_factory=set)
    failures: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    attributions: dict[str, Attribution] = field(default_factory=dict)

    def keep(self, read: _Read) -> None:
        """Add a report's sentences (with their evidence unless their rows are full)."""
        for sentence, found in read.kept:
            self.records.append(self._record(sentence, found, read.table))
        if read.note is not None:
            self.notes.append(read.note)
        if read.kept:
            source = read.source
            self.sources.append(replace(source, text="", characters=len(source.text)))
            # What attribute_sources gives this report (here, in parallel, not in the merge).
            self.attributions[source.label] = read.attribution

    def _record(self, sentence: Sentence, mentions: list[Mention], table: bool) -> Record:
        groups = [group_of(m) for m in mentions]
        rows = tuple(
            Row(group, m.role, m.count, m.count_text, m.status, m.match, m.text)
            for group, m in zip(groups, mentions, strict=True)
        )
        slot = NO_EVIDENCE
        if self.full is None or any(g not in self.full for g in groups or (ATTRIBUTION,)):
            slot = len(self.evidence)
            self.evidence.append((sentence, mentions))
        else:
            self.assumed_full.update(groups or (ATTRIBUTION,))
        return Record(_digest(sentence, table), sentence.occurrences, rows, slot)

    def result(self) -> BatchResult:
        """Return what was gathered as the record sent back."""
        return BatchResult(
            reports=self.reports,
            bytes=self.bytes,
            no_camera=self.no_camera,
            timed_out=self.timed_out,
            sources=tuple(self.sources),
            records=tuple(self.records),
            evidence_items=self.evidence,
            assumed_full=tuple(sorted(self.assumed_full)),
            failures=tuple(self.failures),
            attributions=self.attributions,
            notes=tuple(self.notes),
        )


def _digest(sentence: Sentence, table: bool) -> bytes:
    """Return the hash a sentence is merged by: its key, so that a repeated copy is merged.

    A table's row is never merged, as a plain run never merges it (two rows
    alike are two deployments): its hash is that of where it stands.
    """
    if table:
        (at,) = sentence.occurrences
        key = f"table\x1e{at.source}\x1e{at.start}"
    else:
        key = sentence_key(sentence.text)
    return hashlib.blake2b(key.encode(), digest_size=16).digest()


def process_batch(
    reports: Sequence[Report], config: RunConfig, full: Collection[Group] | None = None
) -> BatchResult:
    """Read and extract each report of a batch; a failing report is noted and skipped.

    Parameters
    ----------
    reports : sequence of Report
        The batch.
    config : RunConfig
        Which gazetteer files to use, and whether to screen out reports that name no camera.
    full : collection of Group, optional
        Rows that need no more evidence: a sentence that feeds only these is
        sent without it. None sends evidence for every sentence.

    Returns
    -------
    BatchResult
    """
    gazetteer = worker_gazetteer(config)
    batch = _Batch(full)
    for report in reports:
        batch.reports += 1
        batch.bytes += report.size
        _process_report(report, config, gazetteer, batch)
    return batch.result()


def _process_report(report: Report, config: RunConfig, gazetteer: Gazetteer, batch: _Batch) -> None:
    """Read and extract one report into ``batch``; a failure is noted there."""
    read: Callable[[], _Read | None]
    try:
        if report.kind is InputKind.TABLE:
            read = partial(_read_table, report, config.location_column, gazetteer)
        else:
            stored, suffix = read_stored(report)
            if config.screen and suffix in _SCREENED and names_no_camera(stored):
                batch.no_camera += 1  # (decided on the bytes as stored: not even decoded)
                return
            read = partial(_read_report, report, stored, suffix, config, gazetteer)
        outcome = run_within(config.report_timeout, read)
    except InputError as err:
        batch.failures.append(Problem(report.label, err.message, err.line))
        return
    except Exception as err:
        reason = f"failed in extraction: {type(err).__name__}: {err}"
        batch.failures.append(Problem(report.label, reason))
        return
    if outcome.over_budget:
        batch.timed_out += 1
        reason = (
            f"over the time budget: not read and extracted in {config.report_timeout:g} s; "
            "skipped (see --report-timeout)"
        )
        batch.failures.append(Problem(report.label, reason))
    elif outcome.value is None:
        batch.no_camera += 1
    else:
        batch.keep(outcome.value)


def _read_report(
    report: Report, stored: bytes | str, suffix: str, config: RunConfig, gazetteer: Gazetteer
) -> _Read | None:
    """Read and extract one report: the sentences to keep, with their mentions, and its makers.

    Runs within the time budget, so it changes nothing outside itself (an interrupted
    report leaves nothing behind). None: the report names no camera (when screening).
    """
    source = source_of(report, stored, suffix)
    if config.screen and not names_camera(source.text):
        return None
    document = dedupe([source])  # unique sentences, as campmap.read_sources makes them
    mentions = extract(document, gazetteer, reread=config.learned)
    kept, attribution = _kept(document.sentences, mentions)
    return _Read(source, kept, attribution)


def _read_table(report: Report, location_column: str | None, gazetteer: Gazetteer) -> _Read:
    """Read a table of deployments as a plain run does: each row a sentence and its site.

    A table is never screened out: its rows are camera deployments, whatever they say.
    """
    assert report.path is not None
    table = read_table(report.path, gazetteer, location_column=location_column)
    kept, attribution = _kept(table.sentences, table.mentions)
    return _Read(table.source, kept, attribution, table=True, note=table.note)


def _kept(sentences: Iterable[Sentence], mentions: Iterable[Mention]) -> tuple[Kept, Attribution]:
    """Return the sentences worth keeping, and the makers and operators they name.

    A sentence is kept when it has a mention, or names a maker or an operator.
    """
    by_sentence: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence.index, []).append(mention)
    attribution = NOBODY
    kept: Kept = []
    for sentence in sentences:
        tags = attribute_sentence(sentence.text)
        attribution |= tags
        found = by_sentence.get(sentence.index)
        if found is None and tags == NOBODY:
            continue
        kept.append((sentence, found or []))
    return kept, attribution


def process_packed(
    reports: Sequence[Report], config: RunConfig, full: Collection[Group] | None = None
) -> bytes:
    """:func:`process_batch` for another process: its result packed (see :func:`pack`)."""
    return pack(process_batch(reports, config, full), worker_gazetteer(config))


def init_worker(config: RunConfig) -> None:
    """Start a worker process: its gazetteer loaded, Ctrl-C left to the main process."""
    # Ctrl-C reaches the whole process group: the main process stops the run, and the
    # workers finish their batch quietly instead of each printing a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    worker_gazetteer(config)
