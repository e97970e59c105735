"""The counts of an archive run, and its progress: a bar on a terminal, JSON lines otherwise."""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, TextIO

__all__ = ["CorpusStats", "Progress"]


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
