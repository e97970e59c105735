"""Archive runs: reports streamed in batches over processes, checkpointed, merged."""

from campmap.archive.progress import CorpusStats, Progress
from campmap.archive.run import (
    CHECKPOINT_FOLDER,
    DEFAULT_BATCH_SIZE,
    MAX_EVIDENCE,
    MAX_OCCURRENCES,
    CorpusRun,
    extract_corpus,
    map_corpus,
)
from campmap.archive.worker import REPORT_TIMEOUT, RunConfig

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
