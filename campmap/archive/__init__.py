"""Archive runs: reports streamed in batches over processes, checkpointed, merged."""

from __future__ import annotations

from typing import TYPE_CHECKING

from campmap.lazy import lazy_exports

if TYPE_CHECKING:
    from campmap.archive.defaults import (
        CHECKPOINT_FOLDER,
        DEFAULT_BATCH_SIZE,
        MAX_EVIDENCE,
        MAX_OCCURRENCES,
        REPORT_TIMEOUT,
    )
    from campmap.archive.progress import CorpusStats, Progress
    from campmap.archive.run import CorpusRun, extract_corpus, map_corpus
    from campmap.archive.worker import RunConfig

__all__ = [
    "CHECKPOINT_FOLDER",
    "DEFAULT_BATCH_SIZE",
    "MAX_EVIDENCE",
    "MAX_OCCURRENCES",
    "REPORT_TIMEOUT",
    "CorpusRun",
    "CorpusStats",
    "Progress",
    "RunConfig",
    "extract_corpus",
    "map_corpus",
]

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "campmap.archive.defaults": (
            "CHECKPOINT_FOLDER",
            "DEFAULT_BATCH_SIZE",
            "MAX_EVIDENCE",
            "MAX_OCCURRENCES",
            "REPORT_TIMEOUT",
        ),
        "campmap.archive.progress": ("CorpusStats", "Progress"),
        "campmap.archive.run": ("CorpusRun", "extract_corpus", "map_corpus"),
        "campmap.archive.worker": ("RunConfig",),
    },
)
