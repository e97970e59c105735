"""The newsroom's loop: review sheets, reviewers' decisions, and diffs between runs.

:mod:`~campmap.newsroom.sheet` writes the review sheet,
:mod:`~campmap.newsroom.decisions` reads a reviewer's filled-in sheet,
:mod:`~campmap.newsroom.apply` applies its decisions to a run's layers, and
:mod:`~campmap.newsroom.diff` compares two runs.
"""

from campmap.errors import ReviewError
from campmap.newsroom.apply import apply_review
from campmap.newsroom.decisions import (
    ACTIONS,
    VERIFICATION,
    Decision,
    quote_hash,
    read_review,
    stale_reason,
    unresolved_id,
)
from campmap.newsroom.diff import RunDiff, diff_runs
from campmap.newsroom.sheet import REVIEW_COLUMNS, review_rows, write_review

__all__ = [
    "ACTIONS",
    "REVIEW_COLUMNS",
    "VERIFICATION",
    "Decision",
    "ReviewError",
    "RunDiff",
    "apply_review",
    "diff_runs",
    "quote_hash",
    "read_review",
    "review_rows",
    "stale_reason",
    "unresolved_id",
    "write_review",
]
