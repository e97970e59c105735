"""An archive run's defaults and bounds, apart from the run so the command line shows them cheaply.

``campmap --help`` prints these defaults; importing them must not import the run
(the extraction, the gazetteer, the layers).
"""

from __future__ import annotations

__all__ = [
    "CHECKPOINT_FOLDER",
    "DEFAULT_BATCH_SIZE",
    "MAX_EVIDENCE",
    "MAX_OCCURRENCES",
    "REPORT_TIMEOUT",
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
