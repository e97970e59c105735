"""A reviewer's decisions: read and checked from a filled-in review sheet.

:func:`read_review` validates a sheet (an error names the row and column) into
:class:`Decision` records. Decisions are matched on stable ids
(:func:`unresolved_id` for a mention no place fits), so they survive re-runs.

Each decision also records what it was made on: the count and a hash of the
quote campmap showed (``decided_on_count``, ``decided_on_quote``). When a later
run gives that site another count or quote, :func:`stale_reason` says what
changed, and the decision is flagged stale until the reviewer checks it again
and empties those two cells. Sheets without the columns (written before they
existed) load as before, with nothing flagged.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

from campmap.errors import InputError, ReviewError
from campmap.export.sites_csv import undefuse
from campmap.gazetteer.names import normalize
from campmap.layer.layers import OutdatedDecision
from campmap.limits import MAX_COUNT, MAX_TABLE_ROWS, read_limited

__all__ = [
    "ACTIONS",
    "BASIS_COLUMNS",
    "MAX_MOVE_KM",
    "REVIEWER_COLUMNS",
    "VERIFICATION",
    "Decision",
    "quote_hash",
    "read_review",
    "stale_reason",
    "unresolved_id",
]

VERIFICATION = ("reported", "photo-confirmed", "on-site-confirmed", "disputed")
"""Verification statuses a reviewer may set; ``reported`` is what every site starts as."""

ACTIONS = ("accept", "reject", "move")
"""Reviewer actions; an empty action keeps campmap's decision (other columns still apply)."""

REVIEWER_COLUMNS = ("action", "move_to", "set_count", "verification", "note")
"""The columns a reviewer fills in."""

MAX_MOVE_KM = 50
"""Farthest a ``move`` may take a site from where campmap put it (a reviewer corrects a
place in the same town; swapped latitude and longitude land thousands of km away)."""

BASIS_COLUMNS = ("decided_on_count", "decided_on_quote")
"""Optional: a sheet without them loads, its decisions never flagged stale."""

_COORDINATES = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*[,;\s]\s*(-?\d+(?:\.\d+)?)\s*$")
_QUOTE_HASH = re.compile(r"^sha256:[0-9a-f]{16}$")


@dataclass(frozen=True, slots=True)
class Decision:
    """One reviewer row.

    Attributes
    ----------
    site_id : str
        The site, route, context place or unresolved mention it is about.
    line : int
        Line of the review file (for messages).
    action : str
        ``""``, ``accept``, ``reject`` or ``move``.
    move_to : str
        A place name, or ``lat, lon``.
    set_count : int or None
        The count the reviewer sets.
    verification : str
        One of :data:`VERIFICATION`, or ``""`` to keep it.
    note : str
        Free text, shown with the site.
    decided_on_count : int or None
        The site's count when the decision was made (None: unknown then).
    decided_on_quote : str
        :func:`quote_hash` of the site's quote then; ``""`` when the sheet does
        not say (an older sheet), and the decision is never flagged stale.
    """

    site_id: str
    line: int
    action: str = ""
    move_to: str = ""
    set_count: int | None = None
    verification: str = ""
    note: str = ""
    decided_on_count: int | None = None
    decided_on_quote: str = ""

    @property
    def coordinates(self) -> tuple[float, float] | None:
        """``(lat, lon)`` when ``move_to`` is coordinates."""
        match = _COORDINATES.match(self.move_to)
        return (float(match.group(1)), float(match.group(2))) if match else None

    @property
    def empty(self) -> bool:
        """Whether the reviewer decided nothing on this row."""
        return not (self.action or self.move_to or self.verification or self.note) and (
            self.set_count is None
        )

    def outdated(self, reason: str) -> OutdatedDecision:
        """Return this decision flagged stale: ``reason`` says what changed since it was made."""
        return OutdatedDecision(self.site_id, self.line, self.verification, self.note, reason)


def quote_hash(quote: str | None) -> str:
    """Return the short hash a decision keeps of the quote it was made on.

    Prefixed, so a spreadsheet never reads it as a number.

    Examples
    --------
    >>> quote_hash("Four cameras face Leicester Square.")
    'sha256:3cd0c46092b22d98'
    """
    digest = hashlib.sha256((quote or "").encode("utf-8", "surrogatepass")).hexdigest()
    return f"sha256:{digest[:16]}"


def stale_reason(decision: Decision, count: int | None, quote: str | None) -> str:
    """Say how a site's count or quote differs from what a decision was made on.

    Returns ``""`` when nothing changed, or when the decision does not say
    what it was made on.

    Examples
    --------
    >>> d = Decision("x", 2, verification="photo-confirmed", decided_on_count=4,
    ...              decided_on_quote=quote_hash("Four cameras."))
    >>> stale_reason(d, 6, "Six cameras.")
    'count 4 -> 6, quote changed'
    >>> stale_reason(d, 4, "Four cameras.")
    ''
    """
    if not decision.decided_on_quote:
        return ""
    changes = []
    if decision.decided_on_count != count:
        before, now = (
            "unknown" if n is None else str(n) for n in (decision.decided_on_count, count)
        )
        changes.append(f"count {before} -> {now}")
    if decision.decided_on_quote != quote_hash(quote):
        changes.append("quote changed")
    return ", ".join(changes)


def unresolved_id(text: str) -> str:
    """Return the stable id of an unresolved mention (from its normalised words).

    Examples
    --------
    >>> unresolved_id("Tannery Lane") == unresolved_id("tannery lane")
    True
    """
    digest = hashlib.sha256(normalize(text).encode("utf-8")).hexdigest()
    return f"unresolved-{digest[:10]}"


def read_review(path: str | Path) -> list[Decision]:
    """Read and validate a review sheet.

    Raises
    ------
    ReviewError
        Naming the file, the row (line) and the column: a missing column, an
        unknown action or verification status, bad coordinates, a count that
        is not a whole number, a row without a site id, or a site id twice.
    """
    label = str(path)
    try:
        data = read_limited(Path(path), label)
    except InputError as err:
        raise ReviewError(label, err.message) from err
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        bad_line = data[: err.start].count(b"\n") + 1
        raise ReviewError(
            label, "not UTF-8 text; save the review sheet as UTF-8 CSV", bad_line
        ) from err
    # Rows end at \n, \r\n or \r only (newline=""), as a spreadsheet writes them, never at
    # the other breaks str.splitlines() knows (NEL, U+2028, a form feed) that a quote may hold.
    # A NUL is dropped: GDAL would cut a note there in sites.geojson, and no other output would.
    reader = csv.DictReader(io.StringIO(text.replace("\0", ""), newline=""))
    try:
        missing = [c for c in ("site_id", *REVIEWER_COLUMNS) if c not in (reader.fieldnames or [])]
        if missing:
            raise ReviewError(label, f"missing column(s) {', '.join(missing)}", 1)
        return _decisions(label, reader)
    except csv.Error as err:  # e.g. a cell longer than csv.field_size_limit()
        raise ReviewError(label, f"not a CSV row: {err}", reader.line_num + 1) from err


def _decisions(label: str, reader: csv.DictReader[str]) -> list[Decision]:
    decisions: list[Decision] = []
    seen: dict[str, int] = {}
    for number, row in enumerate(reader, start=2):
        if number - 1 > MAX_TABLE_ROWS:
            raise ReviewError(label, f"more than MAX_TABLE_ROWS ({MAX_TABLE_ROWS}) rows", number)
        decision = _decision(label, number, row)
        if decision.site_id in seen:
            raise ReviewError(
                label,
                f"column site_id: {decision.site_id!r} is already on line {seen[decision.site_id]}",
                number,
            )
        seen[decision.site_id] = number
        if not decision.empty:
            decisions.append(decision)
    return decisions


def _decision(label: str, line: int, row: dict[str, str | None]) -> Decision:
    def cell(name: str) -> str:
        return undefuse((row.get(name) or "").strip()).strip()

    site_id = cell("site_id")
    if not site_id:
        raise ReviewError(
            label, "column site_id: empty; every row needs the id campmap wrote", line
        )
    action = cell("action").lower()
    if action and action not in ACTIONS:
        raise ReviewError(
            label, f"column action: {action!r} is not one of {', '.join(ACTIONS)} (or empty)", line
        )
    verification = cell("verification").lower()
    if verification and verification not in VERIFICATION:
        raise ReviewError(
            label,
            f"column verification: {verification!r} is not one of {', '.join(VERIFICATION)}",
            line,
        )
    set_count = _count(label, line, "set_count", cell("set_count"))
    decided_on_quote = _quote_basis(label, line, cell("decided_on_quote").lower())
    decided_on_count = _count(label, line, "decided_on_count", cell("decided_on_count"))
    decision = Decision(
        site_id,
        line,
        action,
        cell("move_to"),
        set_count,
        verification,
        cell("note"),
        decided_on_count if decided_on_quote else None,
        decided_on_quote,
    )
    _check_move(label, decision)
    return decision


def _quote_basis(label: str, line: int, text: str) -> str:
    """Return a ``decided_on_quote`` cell, or refuse one campmap did not write."""
    if text and not _QUOTE_HASH.match(text):
        raise ReviewError(
            label,
            f"column decided_on_quote: {text!r} is not what campmap wrote "
            "('sha256:' and 16 hex digits); empty it to have the decision checked again",
            line,
        )
    return text


def _check_move(label: str, decision: Decision) -> None:
    """Refuse a move without a place, a place without a move, or coordinates off the globe."""
    line = decision.line
    if decision.action == "move" and not decision.move_to:
        raise ReviewError(
            label, "column move_to: empty; 'move' needs a place name or 'lat, lon'", line
        )
    if decision.move_to and decision.action != "move":
        raise ReviewError(
            label, "column action: move_to is filled in but the action is not 'move'", line
        )
    coordinates = decision.coordinates
    if coordinates is not None:
        lat, lon = coordinates
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ReviewError(
                label, f"column move_to: {decision.move_to!r} is not 'lat, lon' in degrees", line
            )
    elif decision.move_to and re.fullmatch(r"[-\d.,;\s]+", decision.move_to):
        raise ReviewError(
            label, f"column move_to: {decision.move_to!r} is not 'lat, lon' in degrees", line
        )


def _count(label: str, line: int, column: str, text: str) -> int | None:
    if not text:
        return None
    if not re.fullmatch(r"[0-9]+", text):
        raise ReviewError(
            label, f"column {column}: {text!r} is not a whole number of cameras", line
        )
    if int(text) > MAX_COUNT:
        raise ReviewError(
            label, f"column {column}: more than MAX_COUNT ({MAX_COUNT}) cameras", line
        )
    return int(text)
