"""The review sheet's columns, in order, and the guide to them written beside the sheet.

The reviewer's columns come right after the site's id and name, so they are on
screen when a spreadsheet opens the sheet; campmap's evidence follows. What
each column means is written to a second file beside the sheet
(:func:`columns_path`: ``review.csv`` gets ``review-columns.csv``), never into
the sheet itself, so the sheet stays one header row and one row per decision,
and reads back (:func:`~campmap.newsroom.decisions.read_review`) as written.
"""

from __future__ import annotations

from pathlib import Path

from campmap.newsroom.decisions import ACTIONS, MAX_MOVE_KM, REVIEWER_COLUMNS, VERIFICATION

__all__ = ["COLUMN_GUIDE", "GUIDE_HEADER", "REVIEW_COLUMNS", "columns_path"]

REVIEW_COLUMNS = (
    "site_id", "name", *REVIEWER_COLUMNS,
    "type", "campmap_decision", "confidence", "count", "status", "camera",
    "lon", "lat", "why", "quote", "sources", "source_names", "source_urls", "first_reported",
    "last_reported", "alternatives",
    "decided_on_count", "decided_on_quote", "stale",
)  # fmt: skip
"""Columns of the review sheet: the id and name, the reviewer's five (``action`` to ``note``),
campmap's evidence, then what a decision was made on and whether that has changed since."""

GUIDE_HEADER = ("column", "filled_in_by", "meaning")
"""Columns of the guide (:data:`COLUMN_GUIDE`)."""

_CAMPMAP = "campmap"
_REVIEWER = "reviewer"

COLUMN_GUIDE: dict[str, tuple[str, str]] = {
    "site_id": (
        _CAMPMAP,
        "the row's stable id (gazetteer place, route ends, or a hash of an unresolved name); "
        "decisions are matched on it, so never change it",
    ),
    "name": (_CAMPMAP, "the place as campmap names it"),
    "action": (
        _REVIEWER,
        f"empty (keep campmap's decision), or one of: {', '.join(ACTIONS)}; "
        "reject removes the row from the map, accept confirms it (and maps a context place), "
        "move places it at move_to",
    ),
    "move_to": (
        _REVIEWER,
        "with action move: a place name, or 'lat, lon' in degrees (latitude first); "
        f"a move of more than {MAX_MOVE_KM} km from campmap's point is refused",
    ),
    "set_count": (_REVIEWER, "a whole number of cameras to publish instead of campmap's count"),
    "verification": (_REVIEWER, f"empty (keep), or one of: {', '.join(VERIFICATION)}"),
    "note": (_REVIEWER, "free text, written to every output and shown in the map"),
    "type": (
        _CAMPMAP,
        "site, route, context (mentioned but not taken as a site), unresolved (no place found) "
        "or stale (an earlier decision that matches nothing now)",
    ),
    "campmap_decision": (_CAMPMAP, "what campmap made of the row"),
    "confidence": (_CAMPMAP, "campmap's confidence in its decision, 0 to 1; the least sure first"),
    "count": (_CAMPMAP, "the number of cameras the reports give (empty: not stated)"),
    "status": (_CAMPMAP, "installed, planned, removed ... as the reports say"),
    "camera": (_CAMPMAP, "the kind of camera: cctv, anpr, facial-recognition ..."),
    "lon": (_CAMPMAP, "longitude of campmap's point, degrees"),
    "lat": (_CAMPMAP, "latitude of campmap's point, degrees"),
    "why": (_CAMPMAP, "why campmap decided so"),
    "quote": (_CAMPMAP, "the sentence behind the row"),
    "sources": (_CAMPMAP, "the reports the sentence comes from"),
    "source_names": (_CAMPMAP, "those reports by outlet and date, where they say them"),
    "source_urls": (_CAMPMAP, "the reports' web addresses (http/https), where known"),
    "first_reported": (_CAMPMAP, "the earliest publication date of those reports (YYYY-MM-DD)"),
    "last_reported": (_CAMPMAP, "the latest publication date of those reports (YYYY-MM-DD)"),
    "alternatives": (_CAMPMAP, "other gazetteer places with a close name"),
    "decided_on_count": (
        _CAMPMAP,
        "the count the decision was made on; empty it (with decided_on_quote) to confirm a "
        "stale decision",
    ),
    "decided_on_quote": (_CAMPMAP, "a hash of the quote the decision was made on"),
    "stale": (_CAMPMAP, "what changed since the decision was made (empty: nothing)"),
}
"""For each sheet column: who fills it in, and what it means."""


def columns_path(sheet: Path) -> Path:
    """Return where the guide to a sheet's columns goes: beside it, ``<stem>-columns.csv``.

    Examples
    --------
    >>> columns_path(Path("out/review.csv")).as_posix()
    'out/review-columns.csv'
    """
    return sheet.with_name(f"{sheet.stem}-columns.csv")
