"""The newsroom's loop: review sheets, reviewers' decisions, and diffs between runs.

:mod:`~campmap.newsroom.sheet` writes the review sheet,
:mod:`~campmap.newsroom.decisions` reads a reviewer's filled-in sheet,
:mod:`~campmap.newsroom.apply` applies its decisions to a run's layers, and
:mod:`~campmap.newsroom.diff` compares two runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from campmap.lazy import lazy_exports

if TYPE_CHECKING:
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

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "campmap.errors": ("ReviewError",),
        "campmap.newsroom.apply": ("apply_review",),
        "campmap.newsroom.decisions": (
            "ACTIONS",
            "VERIFICATION",
            "Decision",
            "quote_hash",
            "read_review",
            "stale_reason",
            "unresolved_id",
        ),
        "campmap.newsroom.diff": ("RunDiff", "diff_runs"),
        "campmap.newsroom.sheet": ("REVIEW_COLUMNS", "review_rows", "write_review"),
    },
)
