"""The status of a site or route: installed, planned, removed, relocated ...

Read from the (lower-cased) sentence up to the end of the place's clause;
the status words themselves are in :mod:`campmap.extract.kinds`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from campmap.extract.cues import CLAUSE, WINDOW, moved_from, relocated
from campmap.extract.kinds import STATUS_END, clause_status, first_status
from campmap.extract.places import PlaceHit
from campmap.records import Role

__all__ = ["mention_status", "only_where", "table_header_end"]

_REMOVED = re.compile(
    r"\b(?:removed|taken\s+(?:down|away)|dismantled|decommissioned|(?:switched|turned)\s+off|ripped\s+out|stolen|"
    r"stole|scrapped|removal\s+of|pulled\s+out)\b",
)
# "... were of no benefit, so we will pull them out": the cameras named before go.
_REMOVED_LATER = re.compile(
    r"\b(?:(?:pull|take|switch|rip)\s+(?:them|it)\s+(?:out|down|off)|remove\s+(?:them|it)|"
    r"but\s+(?:have|has|were|was)\s+(?:since\s+)?(?:been\s+)?(?:removed|taken\s+down|"
    r"(?:switched|turned)\s+off))\b"
)
_JOINED_BY = re.compile(
    r"\s+(?:will|is\s+to|are\s+to|are\s+set\s+to|is\s+set\s+to)\s+be\s+"
    r"(?:joined|supplemented|complemented)\s+by\b"
)
_MOVED_TO = re.compile(
    r"\b(?:moved|relocated|transferred|shifted)\s+(?:\w+\s+){0,2}?to\s+(?:the\s+)?$"
)
_RELATIVE = re.compile(r"\s*(?:where|which|whose)\b")
_APPOSED = re.compile(r",\s*(?:at|on|in|near|outside|by)\s+(?:the\s+)?$")
_POINTS_BACK = re.compile(
    r"\s*(?:(?:these|they|this|it|those|both)\s+(?:are|is|will|were|was)\b"
    r"|(?:and\s+|also\s+)?(?:on|at|in|along|near|outside|by)\s)"
)
"""A clause after a semicolon that points back to the one before (a pronoun, or a place
in the list the clause before opened: ``on A; on B``)."""
_LIST_REACH = 160
"""How far after a place the verb of the list it stands in is looked for, in characters."""
_FRONTED = re.compile(r"(?:to|in|on|at|along|across|near|outside)\s")
"""A sentence that opens with a phrase set off by a comma: ``To curb speeding on X, ...``."""
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
    if reason.startswith("cameras moved there") or _JOINED_BY.match(low, hit.end):
        return "installed"  # (or "the cameras at X will be joined by four more": X has them)
    # Bounded windows keep this linear in the sentence: the words just before
    # the place, its clause around it, and the head of its clause (the verb of
    # "will be installed at A, B, ... and Z").
    before = low[max(0, hit.start - 2 * WINDOW) : hit.start]
    if relocated(before):
        return "relocated_from"
    moved = _MOVED_TO.search(before) if _moving(before) else None
    if moved:  # "removed from A in May and moved to B": B has them, or will
        return clause_status(before[max(0, moved.start() - WINDOW) :]) or "installed"
    clause = max(low.rfind(";", max(0, hit.start - CLAUSE), hit.start) + 1, 0)
    brk = STATUS_END.search(low, hit.end, hit.end + CLAUSE)
    near = low[max(clause, hit.start - CLAUSE) : brk.start() if brk else hit.end + CLAUSE]
    head = low[clause : min(clause + CLAUSE, hit.start)]
    if moved_from(before) and _RELOCATED_LATER.search(low, hit.end, hit.end + CLAUSE):
        return "relocated_from"
    removed = _removing(near) and _REMOVED.search(near) is not None
    if removed or _REMOVED_LATER.search(low, hit.end, hit.end + CLAUSE):
        return "removed"
    return (
        clause_status(near)
        or clause_status(head)
        or _apposed(low, head, brk)
        or _before_semicolon(low, clause, head)
        or _after_list(low, hit.end, brk)
        or _fronted(low, clause, brk)
        or carried
        or "installed"
    )


def _moving(text: str) -> bool:
    """Whether a text holds a verb of :data:`_MOVED_TO` (a cheap test before the pattern)."""
    return "moved" in text or "relocated" in text or "transferred" in text or "shifted" in text


def _removing(text: str) -> bool:
    """Whether a text holds a word every match of :data:`_REMOVED` holds (a cheap test first)."""
    return (
        "remov" in text
        or "taken" in text
        or "dismantled" in text
        or "decommissioned" in text
        or "switched" in text
        or "turned" in text
        or "ripped" in text
        or "stole" in text
        or "scrapped" in text
        or "pulled" in text
    )


def _apposed(low: str, head: str, brk: re.Match[str] | None) -> str | None:
    """Return the status after a place set off by commas (``A camera, at X, will be put up``)."""
    if brk is None or not brk.group().startswith(","):
        return None
    if not _APPOSED.search(head) and not _RELATIVE.match(low, brk.end()):
        return None  # (", where 12 cameras were installed": the place's own clause)
    rest = STATUS_END.search(low, brk.end(), brk.end() + CLAUSE)
    return clause_status(low[brk.end() : rest.start() if rest else brk.end() + CLAUSE])


def _before_semicolon(low: str, clause: int, head: str) -> str | None:
    """Return the status of the clause a semicolon's clause points back to.

    ``We will provide two new sites; these are in X``, ``cameras will go up on A; on B``.
    """
    if clause == 0 or not _POINTS_BACK.match(head):
        return None
    return clause_status(low[max(0, clause - CLAUSE) : clause])


_NEW_SUBJECT = re.compile(
    r"\s*(?:and\s+|but\s+)?(?:more|others?|further|another|the\s+rest|extra|additional|some|"
    r"they|it|these|those|there|we|he|she|which|who|where)\b"
)
_LIST_END = re.compile(r";|\s(?:but|while|whereas)\s")


def _after_list(low: str, end: int, brk: re.Match[str] | None) -> str | None:
    """Return the status stated after the list a place opens or continues.

    ``A, B and C could soon be watched``: A and B take the verb after C.
    """
    if brk is None or brk.group().strip() not in (",", "and"):
        return None
    if _NEW_SUBJECT.match(low, brk.end()):
        return None  # "30 at A, and more are planned for B": a clause of its own
    stop = _LIST_END.search(low, end, end + _LIST_REACH)
    return first_status(low[end : stop.start() if stop else end + _LIST_REACH])


def _fronted(low: str, clause: int, brk: re.Match[str] | None) -> str | None:
    """Return the status of the main clause after a fronted phrase that holds the place.

    ``To curb speeding on X, the council will install cameras``: X takes "planned".
    """
    if clause != 0 or brk is None or not brk.group().startswith(","):
        return None
    if not _FRONTED.match(low) or "," in low[: brk.start()]:
        return None
    return clause_status(low[brk.end() : brk.end() + CLAUSE])


_TABLE_HEADER = re.compile(
    r"(?:(?:locations?|sites?|address|streets?|roads?|cameras?|type|deployments?|timelines?|"
    r"dates?|status|directions?|areas?|wards?|start|installation|go[\s-]live|enforcement|"
    r"schedule|notes|limit|speed\s+limit|district|city|town)\s+){3,}"
)


@lru_cache(maxsize=64)  # asked for each place of a sentence
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


_WHERE = re.compile(r"\bwill\s+be\s+(?:located|sited|situated|positioned|found)\b")
_MORE = re.compile(r"\b(?:more|further|additional|other|next|new\s+sites?)\b")


def only_where(low: str) -> bool:
    """Whether a sentence's only word of a status is where cameras "will be located".

    Examples
    --------
    >>> only_where("the new cameras will be located at:")
    True
    >>> only_where("more cameras will be located at:")
    False
    """
    where = _WHERE.search(low)
    return (
        where is not None
        and not _MORE.search(low)
        and clause_status(low[: where.start()] + low[where.end() :]) is None
    )
