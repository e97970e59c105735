"""The status of a site or route: installed, planned, removed, relocated ...

Read from the (lower-cased) sentence up to the end of the place's clause;
the status words themselves are in :mod:`campmap.extract.kinds`.
"""

from __future__ import annotations

import re

from campmap.extract.cues import CLAUSE, MOVED_FROM, RELOCATED, WINDOW
from campmap.extract.kinds import clause_status
from campmap.extract.places import PlaceHit
from campmap.records import Role

__all__ = ["mention_status", "table_header_end"]

_REMOVED = re.compile(
    r"\b(?:removed|taken\s+down|dismantled|decommissioned|switched\s+off|ripped\s+out|stolen|"
    r"stole|scrapped)\b",
)
_STATUS_END = re.compile(r";|,(?!\d)|\s(?:and|but|while|whereas)\s")
"""Where a place's clause ends (not at the comma inside ``$142,500``)."""
_RELOCATED_LATER = re.compile(
    r"\b(?:moved|relocated|transferred|shifted|put\s+back\s+up)\s+(?:\w+\s+){0,2}?to\b",
)


def mention_status(low: str, hit: PlaceHit, role: Role, reason: str, carried: str | None) -> str:
    """Status from the (lower-cased) sentence up to the end of the place's clause.

    A clause that states none takes the status ``carried`` from the sentence a
    list item hangs from, else ``installed``.
    """
    if role is Role.CONTEXT:
        return "context"
    header = table_header_end(low)
    if header:  # a flattened table: its column names ("Deployment") state no status
        low = " " * header + low[header:]
    if reason.startswith("cameras moved there"):
        return "installed"
    # Bounded windows keep this linear in the sentence: the words just before
    # the place, its clause around it, and the head of its clause (the verb of
    # "will be installed at A, B, ... and Z").
    before = low[max(0, hit.start - 2 * WINDOW) : hit.start]
    if RELOCATED.search(before):
        return "relocated_from"
    clause = max(low.rfind(";", max(0, hit.start - CLAUSE), hit.start) + 1, 0)
    brk = _STATUS_END.search(low, hit.end, hit.end + CLAUSE)
    near = low[max(clause, hit.start - CLAUSE) : brk.start() if brk else hit.end + CLAUSE]
    head = low[clause : min(clause + CLAUSE, hit.start)]
    if MOVED_FROM.search(before) and _RELOCATED_LATER.search(low, hit.end, hit.end + CLAUSE):
        return "relocated_from"
    if _REMOVED.search(near):
        return "removed"
    return clause_status(near) or clause_status(head) or carried or "installed"


_TABLE_HEADER = re.compile(
    r"(?:(?:locations?|sites?|address|streets?|roads?|cameras?|type|deployments?|timelines?|"
    r"dates?|status|directions?|areas?|wards?|start|installation|go[\s-]live|enforcement|"
    r"schedule|notes|limit|speed\s+limit|district|city|town)\s+){3,}"
)


def table_header_end(low: str) -> int:
    """Where the column names that open a flattened table end (0: the sentence opens none).

    A table copied as one line starts with three column names or more
    (``Location Camera Type Deployment Timeline 4300 Blk ...``).

    Examples
    --------
    >>> table_header_end("site camera type deployment date 200 blk quarry road")
    33
    >>> table_header_end("camera deployment was delayed on quarry road")
    0
    """
    found = _TABLE_HEADER.match(low)
    return found.end() if found else 0
