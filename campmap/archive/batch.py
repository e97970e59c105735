"""Map a whole archive: batches of reports over local processes or a Dask cluster.

The reports of :func:`campmap.sources.corpus.iter_reports` are cut into batches. A
worker reads and extracts each report of a batch on its own and returns only
what the map needs: the sentences that carry a place mention or name a camera
maker or operator, their mentions, and a stripped :class:`~campmap.records.Source`
(label, address, encoding, length; no text). Results come back in input
order whatever finished first, and are merged one batch at a time:

- a sentence repeated across reports (a syndicated copy) is kept once, with
  every occurrence, as :func:`campmap.read_sources` does; the state this needs
  is one 16-byte BLAKE2 hash per sentence (the worker computes it), not the
  sentence key;
- sentences with nothing to map are dropped in the worker, so memory grows
  with the evidence the outputs hold, not with the archive;
- each sentence travels as a small :data:`Record`: its hash, where it stood,
  and one :data:`Row` per mention (all a row needs to count it), plus the
  sentence and its mentions as evidence only while some row it feeds still
  has room for evidence (the main process tells the workers which rows are
  full), so the main process's share of the work stays small and the workers
  scale.

Merging in input order makes the result independent of batch size, of the
number of workers and of which worker finished first, so ``jobs=1``,
``jobs=N`` and a Dask cluster write byte-identical files.

A report that fails (undecodable, binary, a malformed JSON line, an extraction
error) is a :class:`~campmap.records.Problem` naming it; the run goes on. So is
a report whose reading and extraction run past the time budget
(:data:`REPORT_TIMEOUT`, :mod:`campmap.archive.budget`): it is stopped, and counted.
Each finished batch is kept in a checkpoint folder (:mod:`campmap.archive.checkpoint`,
JSON), so an interrupted run started again with the same inputs resumes where
it stopped.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import signal
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Any, TextIO, TypeAlias

from campmap.archive.budget import run_within
from campmap.archive.checkpoint import Checkpoint, decode_evidence, encode_evidence
from campmap.archive.spill import SourceList, Spill
from campmap.display import one_line
from campmap.errors import InputError
from campmap.export.outdir import lock_folder, real_folder
from campmap.extract import extract
from campmap.extract.attribution import Attribution, attribute_sentence, join_names, split_names
from campmap.extract.screen import names_camera, names_no_camera
from campmap.gazetteer import Backend, BBox, Gazetteer, default_gazetteer, load_gazetteer_file
from campmap.gazetteer.online import place_unresolved
from campmap.layer.build import Layers, Overflow, build_layers, route_id
from campmap.records import (
    Document,
    Mention,
    Occurrence,
    Place,
    Problem,
    Role,
    Sentence,
    Source,
)
from campmap.sources.corpus import Report, iter_reports, read_stored, source_of
from campmap.sources.dedupe import dedupe, sentence_key

__all__ = [
    "BatchResult",
    "CorpusRun",
    "CorpusStats",
    "extract_corpus",
    "map_corpus",
]

DEFAULT_BATCH_SIZE = 32
"""Reports per batch: large enough to amortise dispatch, small enough to resume finely."""

MAX_OCCURRENCES = 1000
"""Occurrences kept per repeated sentence, so a syndicated sentence cannot grow without bound."""

MAX_EVIDENCE = 200
"""Mentions of one site (or route, or unplaced name) kept as evidence; further ones are counted."""

CHECKPOINT_FOLDER = ".campmap-checkpoint"
"""Where finished batches are kept inside the output folder until the run succeeds."""

REPORT_TIMEOUT = 120.0
"""Seconds one report may take to be read and extracted in an archive run; past them it is
stopped, skipped and counted. A news report takes milliseconds; the largest report allowed
(:data:`campmap.limits.MAX_REPORT_BYTES`, 32 MB of nothing but camera sentences) 56 s on
the 2-core development machine: twice that leaves room for a slower or busier one."""


@dataclass(frozen=True, slots=True)
class RunConfig:
    """What a worker needs to process a batch (small and picklable)."""

    gazetteer_files: tuple[str, ...] = ()
    screen: bool = True
    """Skip reports that name no camera (see :mod:`campmap.extract.screen`)."""
    report_timeout: float | None = REPORT_TIMEOUT
    """Seconds a report may take (None: no limit); see :func:`campmap.archive.budget.run_within`."""


Row: TypeAlias = tuple[str, str, int | None, str | None, str, str, str]
"""What one mention adds to the row it feeds, when it is only counted:
``(group, role, count, count_text, status, match, text)`` (see :func:`_group`)."""

Evidence: TypeAlias = list[tuple[Sentence, list[Mention]]] | bytes
"""Sentences and their mentions, as objects or packed (:func:`pack_evidence`: JSON)."""

Record: TypeAlias = tuple[bytes, tuple[tuple[str, int, int], ...], tuple[Row, ...], int]
"""One sentence of a batch: its hash, its occurrences ``(label, start, end)``, a
:data:`Row` per mention, and where its evidence is in the batch's evidence (-1 when
left out: every row it feeds was full)."""


@dataclass(slots=True)
class BatchResult:
    """What a worker sends back for one batch."""

    reports: int = 0
    bytes: int = 0
    no_camera: int = 0
    """Reports that name no camera, skipped (when screening)."""
    timed_out: int = 0
    """Reports stopped at the time budget (also among ``failures``)."""
    sources: list[Source] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)
    evidence_items: Evidence = field(default_factory=list)
    """The sentences and mentions behind the records that carry evidence, in order."""
    assumed_full: set[str] = field(default_factory=set)
    """The rows whose evidence was left out, taken to be full (checked when merging)."""
    failures: list[Problem] = field(default_factory=list)
    attributions: dict[str, Attribution] = field(default_factory=dict)
    """Makers and operators each report names (as ``attribute_sources`` finds them)."""

    def evidence(self, gazetteer: Gazetteer) -> Iterator[tuple[Sentence, list[Mention]]]:
        """Yield each sentence and its mentions (packed ones read with ``gazetteer``).

        Raises
        ------
        ValueError
            A record was sent without its evidence (its rows were full), or packed
            evidence names a place ``gazetteer`` does not have.
        """
        items = unpack_evidence(self.evidence_items, gazetteer)
        for record in self.records:
            if record[3] < 0:
                raise ValueError("a record was sent without its evidence")
            yield items[record[3]]


@dataclass(slots=True)
class CorpusStats:
    """Counts of a corpus run."""

    reports: int = 0
    bytes: int = 0
    failed: int = 0
    no_camera: int = 0
    """Reports that name no camera at all: read (or screened) and skipped."""
    timed_out: int = 0
    """Reports stopped at the time budget (``report_timeout``): skipped, counted in ``failed``."""
    reasons: Counter[str] = field(default_factory=Counter)
    batches: int = 0
    resumed_batches: int = 0
    seconds: float = 0.0
    """Reading, extracting and merging the reports (the part that runs in parallel)."""
    layers_seconds: float = 0.0
    """Building the layers from the merged evidence (one process, after the stream)."""

    def failure_summary(self) -> str:
        """One line: how many reports failed and why (most common reason first)."""
        reasons = ", ".join(f"{n} {why}" for why, n in self.reasons.most_common())
        return f"{self.failed} of {self.reports} reports failed: {reasons}"


@dataclass(frozen=True, slots=True)
class CorpusRun:
    """The layers of a corpus run and its counts."""

    layers: Layers
    stats: CorpusStats


# --- the worker side -------------------------------------------------------------------

_GAZETTEERS: dict[tuple[object, ...], Gazetteer] = {}


def _gazetteer(config: RunConfig) -> Gazetteer:
    """Build a worker's gazetteer once per process, and again when a file of it changed.

    (A Dask worker or a library caller lives on from run to run.)
    """
    key = (config.gazetteer_files, _file_stamps(config.gazetteer_files))
    if key not in _GAZETTEERS:
        backends = [load_gazetteer_file(Path(p)) for p in config.gazetteer_files]
        _GAZETTEERS[key] = default_gazetteer(backends)
    return _GAZETTEERS[key]


def _file_stamps(names: Sequence[str]) -> tuple[tuple[int, int] | None, ...]:
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


def _document(source: Source) -> Document:
    """Split one source into unique sentences, as :func:`campmap.read_sources` does."""
    return dedupe([source])


def process_batch(
    reports: Sequence[Report], config: RunConfig, full: Collection[str] | None = None
) -> BatchResult:
    """Read and extract each report of a batch; a failing report is noted and skipped.

    Parameters
    ----------
    reports : sequence of Report
        The batch.
    config : RunConfig
        Which gazetteer files to use, and whether to screen out reports that name no camera.
    full : collection of str, optional
        Rows (see :func:`_group`) that need no more evidence: a sentence that
        feeds only these is sent without it. None sends evidence for every sentence.

    Returns
    -------
    BatchResult
    """
    gazetteer = _gazetteer(config)
    result = BatchResult()
    for report in reports:
        result.reports += 1
        result.bytes += report.size
        try:
            stored, suffix = read_stored(report)
            if config.screen and suffix in _SCREENED and names_no_camera(stored):
                result.no_camera += 1  # (decided on the bytes as stored: not even decoded)
                continue
            read = partial(_read_report, report, stored, suffix, config.screen, gazetteer)
            outcome = run_within(config.report_timeout, read)
        except InputError as err:
            result.failures.append(Problem(report.label, err.message, err.line))
            continue
        except Exception as err:
            reason = f"failed in extraction: {type(err).__name__}: {err}"
            result.failures.append(Problem(report.label, reason))
            continue
        if outcome.over_budget:
            result.timed_out += 1
            reason = (
                f"over the time budget: not read and extracted in {config.report_timeout:g} s; "
                "skipped (see --report-timeout)"
            )
            result.failures.append(Problem(report.label, reason))
            continue
        if outcome.value is None:
            result.no_camera += 1
            continue
        source, kept, attribution = outcome.value
        for sentence, found in kept:
            result.records.append(_record(sentence, found, full, result))
        if kept:
            stripped = replace(source, text="", characters=len(source.text))
            result.sources.append(stripped)
            # What attribute_sources gives this report (here, in parallel, not in the merge).
            result.attributions[source.label] = attribution
    return result


def _read_report(
    report: Report, stored: bytes | str, suffix: str, screen: bool, gazetteer: Gazetteer
) -> tuple[Source, list[tuple[Sentence, list[Mention]]], Attribution] | None:
    """Read and extract one report: the sentences to keep, with their mentions, and its makers.

    Runs within the time budget, so it changes nothing outside itself (an interrupted
    report leaves nothing behind). None: the report names no camera (when screening).
    """
    source = source_of(report, stored, suffix)
    if screen and not names_camera(source.text):
        return None
    document = _document(source)
    by_sentence: dict[int, list[Mention]] = {}
    for mention in extract(document, gazetteer):
        by_sentence.setdefault(mention.sentence.index, []).append(mention)
    attribution = _NOBODY
    kept: list[tuple[Sentence, list[Mention]]] = []
    for sentence in document.sentences:
        tags = attribute_sentence(sentence.text)
        attribution |= tags
        found = by_sentence.get(sentence.index)
        if found is None and tags == _NOBODY:
            continue
        kept.append((sentence, found or []))
    return source, kept, attribution


_NOBODY = Attribution()
_SCREENED = frozenset({".txt", ".jsonl"})
"""What :func:`~campmap.extract.screen.names_no_camera` can judge as stored: plain text."""


def _record(
    sentence: Sentence,
    mentions: list[Mention],
    full: Collection[str] | None,
    result: BatchResult,
) -> Record:
    """Make a sentence's record, adding its evidence to the batch's unless its rows are full."""
    groups = [_group(m) for m in mentions]
    rows = tuple(
        (group, m.role.value, m.count, m.count_text, m.status, m.match, m.text)
        for group, m in zip(groups, mentions, strict=True)
    )
    slot = -1
    if full is None or any(g not in full for g in groups or ("attribution",)):
        assert isinstance(result.evidence_items, list)
        slot = len(result.evidence_items)
        result.evidence_items.append((sentence, mentions))
    else:
        result.assumed_full.update(groups or ("attribution",))
    digest = hashlib.blake2b(sentence_key(sentence.text).encode(), digest_size=16).digest()
    occurrences = tuple((o.source, o.start, o.end) for o in sentence.occurrences)
    return digest, occurrences, rows, slot


def pack_evidence(evidence: Evidence, gazetteer: Gazetteer) -> bytes:
    """Encode sentences and their mentions as JSON, their gazetteer places by reference.

    Places carry geometries; the receiving process has loaded the same
    gazetteer files and puts its own place back (:func:`unpack_evidence`), so a
    result is smaller, quicker to read, and its mentions already point at the
    one copy of each place. A place made on the fly (a junction's crossing)
    travels whole. The same bytes go into a checkpoint (:mod:`campmap.archive.checkpoint`).
    """
    if isinstance(evidence, bytes):
        return evidence
    return json.dumps(encode_evidence(evidence, gazetteer), separators=(",", ":")).encode()


def unpack_evidence(
    evidence: Evidence, gazetteer: Gazetteer
) -> list[tuple[Sentence, list[Mention]]]:
    """Read packed evidence, pointing its places at ``gazetteer``'s own.

    Raises
    ------
    ValueError
        Not sentences and mentions, or a place not in this gazetteer (the files
        differ from the worker's).
    """
    if not isinstance(evidence, bytes):
        return evidence
    return decode_evidence(json.loads(evidence), gazetteer)


def pack(result: BatchResult, gazetteer: Gazetteer) -> bytes:
    """Pickle a batch result for the main process; its evidence packed apart (JSON).

    The main process reads a batch's evidence only if it keeps some of it
    (:func:`unpack_evidence`); the rest of a result is plain data. (Pickle only
    travels between the processes of a run; nothing read from disk is unpickled.)
    """
    packed = replace(result, evidence_items=pack_evidence(result.evidence_items, gazetteer))
    return pickle.dumps(packed, protocol=pickle.HIGHEST_PROTOCOL)


def unpack(data: bytes, gazetteer: Gazetteer) -> BatchResult:
    """Read a packed batch result (its evidence stays packed until it is needed).

    Raises
    ------
    pickle.UnpicklingError
        Not a batch result.
    """
    result = pickle.loads(data)
    if not isinstance(result, BatchResult):
        raise pickle.UnpicklingError("not a campmap batch result")
    return result


def process_packed(
    reports: Sequence[Report], config: RunConfig, full: Collection[str] | None = None
) -> bytes:
    """:func:`process_batch` for another process: its result packed (see :func:`pack`)."""
    return pack(process_batch(reports, config, full), _gazetteer(config))


def _init_worker(config: RunConfig) -> None:
    # Ctrl-C reaches the whole process group: the main process stops the run, and the
    # workers finish their batch quietly instead of each printing a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _gazetteer(config)


# --- merging ----------------------------------------------------------------------------


def _group(mention: Mention) -> str:
    """Which row a mention feeds: a site's id, a route's id, an unplaced name, or context."""
    if mention.role is Role.SITE:
        return mention.place.id if mention.place else "?" + " ".join(mention.text.split())
    if mention.role is Role.ROUTE and mention.route_key is not None:
        return route_id(mention.route_key)
    return "context:" + (mention.place.id if mention.place else mention.text.lower())


class _Merger:
    """Fold batch results, in input order, into one document and its mentions.

    A sentence keeps at most ``max_occurrences`` occurrences (the first ones);
    further copies are only counted, and a report whose every sentence was
    such a copy is not listed among the sources.
    """

    def __init__(
        self, max_occurrences: int, evidence: int | None = None, gazetteer: Gazetteer | None = None
    ) -> None:
        self.max_occurrences = max_occurrences
        self.evidence = evidence
        self.gazetteer = gazetteer or default_gazetteer()
        self.kept_per_group: Counter[str] = Counter()
        self.full: set[str] = set()
        """Rows with as much evidence as they keep (sent to workers: no evidence for them)."""
        self.overflow: dict[str, Overflow] = {}
        self.spill = Spill() if evidence is not None else None
        self.kept: dict[bytes, tuple[str, list[Occurrence], list[Mention]]] = {}
        self.sources = SourceList()
        """The reports that contributed, on disk (``report.json`` lists them all)."""
        self.failures: list[Problem] = []
        self.dropped = 0
        self.capped: set[bytes] = set()
        self.places: dict[tuple[str, str], Place] = {}

    def full_rows(self) -> frozenset[str] | None:
        """Rows needing no more evidence, for the workers (None: keep every sentence's)."""
        return None if self.evidence is None else frozenset(self.full)

    def add(self, result: BatchResult) -> None:
        self.failures.extend(result.failures)
        contributed: set[str] = set()
        spill = self.spill
        counted: dict[bytes, list[str]] = {}
        if spill is not None:
            counted = spill.lookup([r[0] for r in result.records if r[0] not in self.kept])
        items: list[tuple[Sentence, list[Mention]]] | None = None
        for digest, occurrences, rows, slot in result.records:
            kept = self.kept.get(digest)
            if kept is not None:  # a copy of a kept sentence: one more occurrence
                room = max(0, self.max_occurrences - len(kept[1]))
                kept[1].extend(Occurrence(*o) for o in occurrences[:room])
                contributed.update(o[0] for o in occurrences[:room])
                if len(occurrences) > room:
                    self.dropped += len(occurrences) - room
                    self.capped.add(digest)
                continue
            labels = [o[0] for o in occurrences]
            contributed.update(labels)
            fed = counted.get(digest)
            if fed is not None and spill is not None:  # a copy of a counted sentence
                spill.reports(fed, labels)
                continue
            groups = [row[0] for row in rows] or ["attribution"]
            if not self._room(groups):
                counted[digest] = self._count(digest, rows, labels, result.attributions)
                continue
            if slot < 0:
                raise RuntimeError("a worker left out the evidence of a sentence still kept")
            if items is None:
                items = unpack_evidence(result.evidence_items, self.gazetteer)
            sentence, mentions = items[slot]
            for group in set(groups):
                self.kept_per_group[group] += 1
                if self.evidence is not None and self.kept_per_group[group] >= self.evidence:
                    self.full.add(group)
            mentions = [self._intern(m) for m in mentions]
            self.kept[digest] = (sentence.text, list(sentence.occurrences), mentions)
        if spill is not None:
            spill.flush()
        self.sources.add(
            (source, result.attributions.get(source.label, _NOBODY))
            for source in result.sources
            if source.label in contributed
        )

    def _room(self, groups: Sequence[str]) -> bool:
        """Whether a new sentence is kept: some row it feeds has fewer than the evidence limit."""
        return self.evidence is None or any(g not in self.full for g in groups)

    def _count(
        self,
        digest: bytes,
        rows: Sequence[Row],
        labels: Sequence[str],
        attributions: dict[str, Attribution],
    ) -> list[str]:
        """Count a sentence beyond the evidence kept for every row it feeds; return those rows."""
        assert self.spill is not None
        tags = attributions.get(labels[0], _NOBODY)
        routes: dict[str, Row] = {}
        for row in rows:
            group = row[0]
            if group.startswith("route-"):
                routes[group] = row  # one mention a sentence stands for a route
            elif row[1] == "site":
                self._overflow(group, row, tags)
        for group, row in routes.items():
            self._overflow(group, row, tags)
        fed = sorted({row[0] for row in rows if not row[0].startswith("context:")})
        self.spill.count(digest, fed)
        self.spill.reports(fed, labels)
        return fed

    def _overflow(self, group: str, row: Row, tags: Attribution) -> None:
        _, _, count, count_text, status, match, text = row
        more = self.overflow.get(group)
        if more is None:
            more = self.overflow[group] = Overflow()
        more.add(count, count_text, status, match == "fuzzy", text, tags)

    def finish_overflow(
        self, mentions: Sequence[Mention]
    ) -> tuple[dict[str, Overflow], list[Problem]]:
        """Return the rows' overflow with the reports each adds; unplaced names' as problems."""
        kept: dict[str, set[str]] = {}
        for mention in mentions:
            kept.setdefault(_group(mention), set()).update(mention.sentence.sources)
        problems = []
        rows: dict[str, Overflow] = {}
        for group, more in self.overflow.items():
            if group.startswith("?"):
                problems.append(
                    Problem(
                        "inputs",
                        f"{more.mentions} further mentions of {group[1:]!r}, which could not "
                        "be placed, are counted but not listed",
                    )
                )
                continue
            assert self.spill is not None
            listed = kept.get(group, set())
            more.more_sources = sum(1 for label in self.spill.labels(group) if label not in listed)
            rows[group] = more
        return rows, problems

    def close(self) -> None:
        """Remove the on-disk part."""
        if self.spill is not None:
            self.spill.close()

    def _place(self, place: Place | None) -> Place | None:
        if place is None:
            return None
        return self.places.setdefault((place.backend, place.id), place)

    def _intern(self, mention: Mention) -> Mention:
        """Point a mention at the one copy of each place (a place made on the fly travels whole)."""
        if all(
            place is None or self.places.setdefault((place.backend, place.id), place) is place
            for place in (mention.place, mention.near, *mention.candidates)
        ):
            return mention  # already the one copy
        return replace(
            mention,
            place=self._place(mention.place),
            near=self._place(mention.near),
            candidates=tuple(
                self.places.setdefault((c.backend, c.id), c) for c in mention.candidates
            ),
        )

    def document(self) -> tuple[Document, list[Mention]]:
        sentences: list[Sentence] = []
        mentions: list[Mention] = []
        for index, (text, occurrences, found) in enumerate(self.kept.values()):
            sentence = Sentence(text=text, occurrences=tuple(occurrences), index=index)
            sentences.append(sentence)
            mentions.extend(replace(m, sentence=sentence) for m in found)
        problems = list(self.failures)
        if self.dropped:
            problems.append(
                Problem(
                    "inputs",
                    f"{len(self.capped)} sentences were repeated in more than "
                    f"{self.max_occurrences} places; the first {self.max_occurrences} are kept "
                    f"as evidence, {self.dropped} further copies only counted",
                )
            )
        document = Document(self.sources, tuple(sentences), tuple(problems))
        return document, mentions


# --- progress -----------------------------------------------------------------------------


class Progress:
    """A progress bar on a terminal (tqdm); JSON lines every few seconds otherwise.

    Parameters
    ----------
    stream : text file, optional
        Where progress goes; standard error by default.
    enabled : bool
        False for no progress at all.
    interval : float
        Seconds between two JSON lines when not on a terminal.
    """

    def __init__(
        self, stream: TextIO | None = None, *, enabled: bool = True, interval: float = 2.0
    ) -> None:
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.interval = interval
        self.started = time.monotonic()
        self.last = self.started
        self.bar: Any = None
        if enabled and self.stream.isatty():
            from tqdm import tqdm

            self.bar = tqdm(file=self.stream, unit=" reports")

    def update(self, stats: CorpusStats, reports: int) -> None:
        """Count ``reports`` more reports done."""
        if not self.enabled:
            return
        if self.bar is not None:
            self.bar.update(reports)
            self.bar.set_postfix(failed=stats.failed, refresh=False)
            return
        now = time.monotonic()
        if now - self.last >= self.interval:
            self.last = now
            self._line("progress", stats)

    def close(self, stats: CorpusStats) -> None:
        """End the bar, or write the last JSON line."""
        if not self.enabled:
            return
        if self.bar is not None:
            self.bar.close()
        else:
            self._line("done", stats)

    def _line(self, event: str, stats: CorpusStats) -> None:
        seconds = time.monotonic() - self.started
        record = {
            "event": event,
            "reports": stats.reports,
            "failed": stats.failed,
            "no_camera": stats.no_camera,
            "timed_out": stats.timed_out,
            "mb": round(stats.bytes / 1e6, 3),
            "seconds": round(seconds, 1),
            "reports_per_s": round(stats.reports / seconds, 1) if seconds else None,
        }
        print(f"campmap: {json.dumps(record)}", file=self.stream, flush=True)


# --- running batches ----------------------------------------------------------------------


def _checkpoint_document(result: BatchResult, gazetteer: Gazetteer) -> dict[str, Any]:
    """Return a batch result as JSON values (by position), for a checkpoint.

    Its evidence goes in as the packed bytes a worker sent (JSON already).
    """
    return {
        "reports": result.reports,
        "bytes": result.bytes,
        "no_camera": result.no_camera,
        "timed_out": result.timed_out,
        "sources": [[s.label, s.text, s.encoding, s.url, s.characters] for s in result.sources],
        "records": [
            [digest.hex(), [list(o) for o in occurrences], [list(row) for row in rows], slot]
            for digest, occurrences, rows, slot in result.records
        ],
        "assumed_full": sorted(result.assumed_full),
        "failures": [[p.path, p.message, p.line] for p in result.failures],
        "attributions": [
            [k, join_names(a.makers), join_names(a.operators)]
            for k, a in result.attributions.items()
        ],
        "evidence": pack_evidence(result.evidence_items, gazetteer),
    }


def _checkpoint_result(document: dict[str, Any], gazetteer: Gazetteer) -> BatchResult:
    """Read a batch result back from a checkpoint, every value checked.

    Its evidence is read at once (not when merging), so a damaged file, or one
    naming places the gazetteer no longer has, is found here and the batch redone.

    Raises
    ------
    ValueError, KeyError
        Not a batch result (see :meth:`campmap.archive.checkpoint.Checkpoint.load`).
    """
    evidence = decode_evidence(document["evidence"], gazetteer)
    records: list[Record] = []
    for digest, occurrences, rows, slot in _items(document["records"], 4):
        if not isinstance(slot, int) or not -1 <= slot < len(evidence):
            raise ValueError(f"no evidence {slot!r} in this batch")
        records.append(
            (
                bytes.fromhex(_text(digest)),
                tuple(_row(o, str, int, int) for o in _items(occurrences, 3)),
                tuple(_row(r, str, str, _Maybe(int), _Maybe(str), str, str, str) for r in rows),
                slot,
            )
        )
    return BatchResult(
        reports=_whole(document["reports"]),
        bytes=_whole(document["bytes"]),
        no_camera=_whole(document["no_camera"]),
        timed_out=_whole(document["timed_out"]),
        sources=[
            Source(*_row(v, str, str, str, _Maybe(str), _Maybe(int)))
            for v in _items(document["sources"], 5)
        ],
        records=records,
        evidence_items=evidence,
        assumed_full={_text(v) for v in document["assumed_full"]},
        failures=[
            Problem(*_row(v, str, str, _Maybe(int))) for v in _items(document["failures"], 3)
        ],
        attributions={
            label: Attribution(split_names(manufacturer), split_names(operator))
            for label, manufacturer, operator in (
                _row(v, str, _Maybe(str), _Maybe(str)) for v in _items(document["attributions"], 3)
            )
        },
    )


@dataclass(frozen=True, slots=True)
class _Maybe:
    """A JSON value of this type, or null."""

    kind: type


def _row(value: Any, *kinds: type | _Maybe) -> tuple[Any, ...]:
    """Check a JSON list's values against their types (by position); return it as a tuple."""
    if type(value) is not list or len(value) != len(kinds):
        raise ValueError(f"expected {len(kinds)} values, got {value!r}"[:200])
    for item, kind in zip(value, kinds, strict=True):
        if isinstance(kind, _Maybe):
            if item is None:
                continue
            kind = kind.kind
        if type(item) is not kind:
            raise ValueError(f"expected {kind.__name__}, got {item!r}"[:200])
    return tuple(value)


def _items(value: Any, size: int) -> list[list[Any]]:
    """Check a JSON list of lists of ``size`` values each; return it."""
    if type(value) is not list or any(type(v) is not list or len(v) != size for v in value):
        raise ValueError(f"expected a list of {size}-value lists")
    return value


def _whole(value: Any) -> int:
    if type(value) is not int or value < 0:
        raise ValueError(f"expected a count, got {value!r}"[:200])
    return value


def _text(value: Any) -> str:
    if type(value) is not str:
        raise ValueError(f"expected a string, got {value!r}"[:200])
    return value


class _Done:
    def __init__(self, result: BatchResult) -> None:
        self._result = result

    def result(self) -> BatchResult:
        return self._result


class _Remote:
    """A batch running elsewhere; its packed result is read on arrival."""

    def __init__(self, future: Any, gazetteer: Gazetteer) -> None:
        self.future = future
        self.gazetteer = gazetteer

    def result(self) -> BatchResult:
        packed = self.future.result()
        assert isinstance(packed, bytes)
        return unpack(packed, self.gazetteer)


def _batches(reports: Iterable[Report], size: int) -> Iterator[list[Report]]:
    iterator = iter(reports)
    while batch := list(islice(iterator, size)):
        yield batch


def _run(
    reports: Iterable[Report],
    config: RunConfig,
    *,
    jobs: int,
    client: Any,
    batch_size: int,
    checkpoint: Checkpoint | None,
    stats: CorpusStats,
    progress: Progress,
    on_failure: Callable[[Problem], None],
    full: Callable[[], Collection[str] | None] = lambda: None,
) -> Iterator[BatchResult]:
    """Yield batch results in input order, with at most a few batches per worker in flight.

    ``full`` tells, when a batch is sent, which rows need no more evidence
    (see :func:`process_batch`). Rows only ever fill up, and batches are
    merged in input order, so a row full when a batch is sent is full when it
    is merged: leaving out that evidence changes nothing in the result.
    """
    executor: ProcessPoolExecutor | None = None
    submit: Callable[[list[Report]], _Done | _Remote]
    gazetteer = _gazetteer(config)  # the places packed results point back to
    if client is not None:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        window = 2 * workers
        remote_config = client.scatter(config, broadcast=True)

        def submit(batch: list[Report]) -> _Done | _Remote:
            future = client.submit(process_packed, batch, remote_config, full(), pure=False)
            return _Remote(future, gazetteer)
    elif jobs > 1:
        executor = ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(config,))
        window = 2 * jobs

        def submit(batch: list[Report]) -> _Done | _Remote:
            future: Future[bytes] = executor.submit(process_packed, batch, config, full())
            return _Remote(future, gazetteer)
    else:
        window = 1

        def submit(batch: list[Report]) -> _Done | _Remote:
            return _Done(process_batch(batch, config, full()))

    pending: deque[tuple[list[Report], _Done | _Remote, bool]] = deque()
    batches = _batches(reports, batch_size)
    try:
        while True:
            while len(pending) < window:
                batch = next(batches, None)
                if batch is None:
                    break
                loaded = None
                if checkpoint is not None:
                    read = partial(_checkpoint_result, gazetteer=gazetteer)
                    loaded = checkpoint.load([r.key for r in batch], read)
                if loaded is not None:
                    pending.append((batch, _Done(loaded), True))
                else:
                    pending.append((batch, submit(batch), False))
            if not pending:
                break
            batch, waitable, resumed = pending.popleft()
            result = waitable.result()
            now_full = full()
            if result.assumed_full and not result.assumed_full.issubset(now_full or ()):
                # Evidence was left out for rows not full now: a resumed batch whose earlier
                # batches changed since (an edited report). Redo it here, with what is full now.
                if not resumed:
                    raise RuntimeError("a worker took rows for full that were not")
                result, resumed = process_batch(batch, config, now_full), False
            if checkpoint is not None and not resumed:
                checkpoint.save([r.key for r in batch], _checkpoint_document(result, gazetteer))
            stats.batches += 1
            stats.resumed_batches += resumed
            stats.reports += result.reports
            stats.bytes += result.bytes
            stats.no_camera += result.no_camera
            stats.timed_out += result.timed_out
            stats.failed += len(result.failures)
            for failure in result.failures:
                stats.reasons[_reason(failure.message)] += 1
                on_failure(failure)
            progress.update(stats, result.reports)
            yield result
    finally:
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)


def _reason(message: str) -> str:
    """Return the kind of a failure: its message up to the first detail."""
    for mark in (":", "(", ";"):
        message = message.split(mark, 1)[0]
    return message.strip() or "failed"


def _warn(problem: Problem | str) -> None:
    print(f"campmap: warning: {one_line(str(problem))}", file=sys.stderr)


def _settings(inputs: Sequence[str], config: RunConfig, *options: object) -> str:
    """Return what a checkpoint belongs to: version, inputs, gazetteer files, options."""
    from campmap import __version__

    files = _file_stamps(config.gazetteer_files)
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
    on_warning: Callable[[str], None] = _warn,
) -> CorpusRun:
    """Map an archive of any size, streaming it in batches over processes or a Dask cluster.

    Parameters
    ----------
    inputs : iterable of str or pathlib.Path
        Files, folders, glob patterns, JSON-lines files, compressed files
        (:mod:`campmap.sources.corpus`).
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
        (:data:`REPORT_TIMEOUT`); a report still running then is stopped,
        named as a failure ("over the time budget") and counted in
        ``stats.timed_out``. None: no limit.
    on_warning : callable
        Called with each warning about the checkpoint (one that does not read
        back, a failure to save one); by default a line on standard error.

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
    config = _config(gazetteer_files, screen, report_timeout)
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
        return _map_stream(
            labels,
            config,
            jobs=jobs,
            client=client,
            backends=backends,
            region=region,
            checkpoint=store,
            batch_size=batch_size,
            text_field=text_field,
            progress=progress or Progress(enabled=False),
            on_failure=on_failure,
            max_occurrences=max_occurrences,
            evidence_per_site=evidence_per_site,
        )


def _config(
    gazetteer_files: Sequence[str | Path], screen: bool, report_timeout: float | None
) -> RunConfig:
    if report_timeout is not None and not report_timeout > 0:
        raise InputError(
            "--report-timeout", f"expected a number of seconds > 0, got {report_timeout}"
        )
    files = tuple(str(Path(p).resolve()) for p in gazetteer_files)
    return RunConfig(files, screen, report_timeout)


def _map_stream(
    labels: list[str],
    config: RunConfig,
    *,
    jobs: int,
    client: Any,
    backends: Sequence[Backend],
    region: BBox | None,
    checkpoint: Checkpoint | None,
    batch_size: int,
    text_field: str,
    progress: Progress,
    on_failure: Callable[[Problem], None],
    max_occurrences: int,
    evidence_per_site: int | None,
) -> CorpusRun:
    """:func:`map_corpus` once its options are checked and its checkpoint folder held."""
    stats = CorpusStats()
    merger = _Merger(max_occurrences, evidence_per_site, _gazetteer(config))
    started = time.perf_counter()
    try:
        for result in _run(
            iter_reports(labels, text_field=text_field),
            config,
            jobs=jobs,
            client=client,
            batch_size=batch_size,
            checkpoint=checkpoint,
            stats=stats,
            progress=progress,
            on_failure=on_failure,
            full=merger.full_rows,
        ):
            merger.add(result)
        progress.close(stats)
        stats.seconds = time.perf_counter() - started
        if stats.reports == 0:
            raise InputError("inputs", "no reports found")
        if stats.failed == stats.reports:
            raise InputError("inputs", f"no report could be read ({stats.failure_summary()})")
        document, mentions = merger.document()
        overflow, counted = merger.finish_overflow(mentions)
    except BaseException:
        merger.sources.close()
        raise
    finally:
        merger.close()
    gazetteer = _gazetteer(config)
    if backends:  # the files already loaded, then the online backends, then the embedded one
        gazetteer = default_gazetteer([*gazetteer.backends[:-1], *backends])
    found, problems = place_unresolved(mentions, gazetteer, region)
    if problems or counted:
        document = replace(document, problems=(*document.problems, *counted, *problems))
    tags = merger.sources.attributions(label for m in found for label in m.sentence.sources)
    layers = build_layers(document, list(found), gazetteer, tags=tags, overflow=overflow)
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
) -> Iterator[Mention]:
    """Yield every mention of an archive, report by report in input order, streaming.

    Unlike :func:`map_corpus`, nothing is merged: a sentence repeated in two
    reports gives its mentions twice, once per report, and memory holds only
    the batches in flight.

    Parameters
    ----------
    inputs, jobs, client, gazetteer_files, batch_size, text_field, progress, on_failure
        As for :func:`map_corpus`.
    report_timeout : float or None
        As for :func:`map_corpus`.
    stats : CorpusStats, optional
        Filled in with the run's counts as it goes.
    screen : bool
        Skip the reports that never name a camera (as :func:`map_corpus` does).

    Yields
    ------
    Mention
    """
    config = _config(gazetteer_files, screen, report_timeout)
    gazetteer = _gazetteer(config)
    stats = stats if stats is not None else CorpusStats()
    progress = progress or Progress(enabled=False)
    for result in _run(
        iter_reports([str(i) for i in inputs], text_field=text_field),
        config,
        jobs=jobs,
        client=client,
        batch_size=batch_size,
        checkpoint=None,
        stats=stats,
        progress=progress,
        on_failure=on_failure,
    ):
        for _sentence, mentions in result.evidence(gazetteer):
            yield from mentions
    progress.close(stats)
