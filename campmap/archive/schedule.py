"""Run the batches of an archive: in this process, over local processes, or on a Dask cluster.

Batches are sent a few per worker at a time, and their results come back in
input order whatever finished first (:func:`run_batches`). A batch kept in the
checkpoint is loaded instead of being done again; a finished one is saved.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from itertools import islice
from typing import Any, Protocol

from campmap.archive.checkpoint import Checkpoint
from campmap.archive.progress import CorpusStats, Progress
from campmap.archive.wire import BatchResult, Group, result_from_json, result_to_json, unpack
from campmap.archive.worker import (
    RunConfig,
    init_worker,
    process_batch,
    process_packed,
    worker_gazetteer,
)
from campmap.gazetteer import Gazetteer
from campmap.records import Problem
from campmap.sources.corpus import Report

__all__ = ["Schedule", "reason", "run_batches"]

Full = Callable[[], Collection[Group] | None]
"""Which rows need no more evidence, asked when a batch is sent (None: every row does)."""


class _Waitable(Protocol):
    def result(self) -> BatchResult: ...


@dataclass(frozen=True, slots=True)
class _Done:
    """A batch already done (here, or loaded from the checkpoint)."""

    done: BatchResult

    def result(self) -> BatchResult:
        return self.done


@dataclass(frozen=True, slots=True)
class _Remote:
    """A batch running elsewhere; its packed result is read on arrival."""

    future: Any
    gazetteer: Gazetteer

    def result(self) -> BatchResult:
        packed = self.future.result()
        assert isinstance(packed, bytes)
        return unpack(packed, self.gazetteer)


@dataclass(frozen=True, slots=True)
class Schedule:
    """Where a run's batches go, and what it keeps and reports as they come back."""

    config: RunConfig
    jobs: int
    client: Any
    """A ``dask.distributed.Client``, or None."""
    batch_size: int
    checkpoint: Checkpoint | None
    stats: CorpusStats
    progress: Progress
    on_failure: Callable[[Problem], None]


@contextmanager
def _submitter(
    schedule: Schedule, full: Full, gazetteer: Gazetteer
) -> Iterator[tuple[Callable[[list[Report]], _Waitable], int]]:
    """Yield how to send a batch, and how many batches may be in flight."""
    config, client = schedule.config, schedule.client
    if client is not None:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        remote_config = client.scatter(config, broadcast=True)

        def to_cluster(batch: list[Report]) -> _Waitable:
            future = client.submit(process_packed, batch, remote_config, full(), pure=False)
            return _Remote(future, gazetteer)

        yield to_cluster, 2 * workers
    elif schedule.jobs > 1:
        executor = ProcessPoolExecutor(schedule.jobs, initializer=init_worker, initargs=(config,))
        try:

            def to_process(batch: list[Report]) -> _Waitable:
                future: Future[bytes] = executor.submit(process_packed, batch, config, full())
                return _Remote(future, gazetteer)

            yield to_process, 2 * schedule.jobs
        finally:
            executor.shutdown(wait=True, cancel_futures=True)
    else:
        yield (lambda batch: _Done(process_batch(batch, config, full()))), 1


def _batches(reports: Iterable[Report], size: int) -> Iterator[list[Report]]:
    iterator = iter(reports)
    while batch := list(islice(iterator, size)):
        yield batch


def run_batches(
    reports: Iterable[Report], schedule: Schedule, full: Full = lambda: None
) -> Iterator[BatchResult]:
    """Yield batch results in input order, with at most a few batches per worker in flight.

    ``full`` tells, when a batch is sent, which rows need no more evidence
    (see :func:`~campmap.archive.worker.process_batch`). Rows only ever fill up,
    and batches are merged in input order, so a row full when a batch is sent
    is full when it is merged: leaving out that evidence changes nothing in the
    result.
    """
    gazetteer = worker_gazetteer(schedule.config)  # the places packed results point back to
    checkpoint = schedule.checkpoint
    load = partial(result_from_json, gazetteer=gazetteer)
    pending: deque[tuple[list[Report], _Waitable, bool]] = deque()
    batches = _batches(reports, schedule.batch_size)
    with _submitter(schedule, full, gazetteer) as (submit, window):
        while True:
            while len(pending) < window and (batch := next(batches, None)) is not None:
                loaded = None
                if checkpoint is not None:
                    loaded = checkpoint.load([r.key for r in batch], load)
                if loaded is not None:
                    pending.append((batch, _Done(loaded), True))
                else:
                    pending.append((batch, submit(batch), False))
            if not pending:
                break
            batch, waitable, resumed = pending.popleft()
            result, resumed = _checked(batch, waitable.result(), resumed, schedule, full)
            if checkpoint is not None and not resumed:
                checkpoint.save([r.key for r in batch], result_to_json(result, gazetteer))
            _count(result, resumed, schedule)
            yield result


def _checked(
    batch: list[Report], result: BatchResult, resumed: bool, schedule: Schedule, full: Full
) -> tuple[BatchResult, bool]:
    """Return a batch's result, done again here if it left out evidence still needed."""
    now_full = full()
    if result.assumed_full and not set(result.assumed_full) <= set(now_full or ()):
        # Evidence was left out for rows not full now: a resumed batch whose earlier
        # batches changed since (an edited report). Redo it here, with what is full now.
        if not resumed:
            raise RuntimeError("a worker took rows for full that were not")
        return process_batch(batch, schedule.config, now_full), False
    return result, resumed


def _count(result: BatchResult, resumed: bool, schedule: Schedule) -> None:
    """Add a batch's counts to the run's, name its failures, and show the progress."""
    stats = schedule.stats
    stats.batches += 1
    stats.resumed_batches += resumed
    stats.reports += result.reports
    stats.bytes += result.bytes
    stats.no_camera += result.no_camera
    stats.timed_out += result.timed_out
    stats.failed += len(result.failures)
    for failure in result.failures:
        stats.reasons[reason(failure.message)] += 1
        schedule.on_failure(failure)
    schedule.progress.update(stats, result.reports)


def reason(message: str) -> str:
    """Return the kind of a failure: its message up to the first detail."""
    for mark in (":", "(", ";"):
        message = message.split(mark, 1)[0]
    return message.strip() or "failed"
