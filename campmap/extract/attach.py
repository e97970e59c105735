"""Counts attached to the sites and routes of a sentence.

``four at X`` goes to X; ``N cameras`` to the route of its sentence, else to
the one site of its clause; a total over several sites is kept as shared
text (``12 in total across A, B``), never copied to each. The numbers
themselves are found by :mod:`campmap.extract.counts`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from campmap.extract.counts import CountKind, Number, camera_counts, find_numbers
from campmap.extract.places import PlaceHit
from campmap.records import Role

__all__ = ["attach_counts"]

_SMALL = "one two three four five six seven eight nine ten eleven twelve".split()

_CLAUSE_BREAK = re.compile(
    r"[;:]|,\s+(?:and\s+|but\s+|while\s+|with\s+)?(?:more|others|further|another|the\s+rest)\b"
    r"|\s(?:while|whereas|whilst)\s",
)
# "ten cameras each at A, B and C", "two at each of A and B", "A and B will each get two":
# the number holds for every site of the group, not for all of them together.
_EACH = re.compile(
    r"\b(?:each|apiece)\b(?!\s+(?:costing|cost|costs|worth|with|year|day|week|month|time)\b)"
    r"|\bper\s+(?:site|location|junction|intersection|street|road|park|school)\b"
)
_LABEL = re.compile(
    r"\s*(?:\(|:|\s[\u2013\u2014-]|\s(?=x\s*\d)x)\s*(?:about\s+|around\s+|up\s+to\s+)?"
    rf"(?P<number>\d{{1,3}}|{'|'.join(_SMALL)})"
    r"(?=\s*(?:\)|$|[.;,]|(?:new\s+|more\s+)?(?:[a-z-]+\s+)?(?:cameras?|cctv)\b))"
)
"""A count right after a site, in brackets or after a colon or a dash, ending there or
naming cameras."""
_HAS = re.compile(
    r"\s+(?:already\s+|now\s+|currently\s+)?(?:has|have|had|will\s+have|gets|will\s+get)\s+"
    r"(?:only\s+|just\s+|about\s+|around\s+|some\s+|over\s+|more\s+than\s+)?"
)
"""Between a site and the number of cameras it has (``X already has 59 cameras``)."""
_OTHER_CLAUSE = re.compile(
    r";|,\s+(?:as\s+well\s+as|but|while|whereas)\s|\s(?:while|whereas|whilst)\s"
)
_JOINED = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)")
_HAS_END = re.compile(r"\b(?:has|have|had|gets|get)\s+(?:[a-z]+\s+){0,2}$")
_EACH_AFTER = re.compile(r"(?:\s+[\w-]+){0,3}?\s+(?:cameras?|devices?)\s+(?:each|apiece)\b")
_WIDER = re.compile(
    r"\b(?:(?:across|throughout|in|around)\s+the\s+(?:borough|town|city|county|district|area|"
    r"region|country|force\s+area)|including|among\s+them|such\s+as)\b",
)


def attach_counts(
    text: str,
    low: str,
    hits: list[PlaceHit],
    roles: list[Role],
    has_route: bool,
    about_cameras: bool,
    reasons: list[str],
) -> dict[int, tuple[int | None, str]]:
    """Return the count of each site or route of a sentence that has one, by hit index.

    Parameters
    ----------
    text, low : str
        The sentence, and the sentence lower-cased.
    hits : list of PlaceHit
        Its candidate places, in text order.
    roles : list of Role
        The role decided for each hit.
    has_route : bool
        The sentence names a route (its counts go to the route).
    about_cameras : bool
        The sentence is about cameras.
    reasons : list of str
        The reason of each hit's role (cameras moved from one site to another share a count).

    Returns
    -------
    dict of int to (int or None, str)
        The value and the text of the count; a total over several sites has no value.
    """
    out: dict[int, tuple[int | None, str]] = {}
    sites = [i for i, role in enumerate(roles) if role is Role.SITE]  # (in text order)
    starts = [hits[i].start for i in sites]  # made once: each number bisects them
    ends = [hit.end for hit in hits]  # (and these, for the place just before a number)
    routes = [i for i, role in enumerate(roles) if role is Role.ROUTE]
    if not sites and not routes:
        return out  # a count attaches only to a site or a route
    labelled = _labelled(low, hits, sites) if about_cameras else {}
    out.update({i: (value, words) for i, (value, words, _) in labelled.items()})
    taken = [span for _, _, span in labelled.values()]
    found = [
        (number, kind)
        for number, kind in camera_counts(text, about_cameras, low)
        if not any(start <= number.start < end for start, end in taken)
    ]
    for n, (number, kind) in enumerate(found):
        if kind is CountKind.HELD:
            # The place just before it holds it: "South Street has two".
            owner = bisect_right(ends, number.start) - 1
            if (
                owner >= 0
                and owner in sites
                and not re.search(r"[,;]", text[hits[owner].end : number.start])
            ):
                out[owner] = (number.value, number.text)
            continue
        if kind is CountKind.ELLIPTICAL:
            target = next((i for i in sites if hits[i].start >= number.end), None)
            if target is not None and not re.search(r"[,;]", text[number.end : hits[target].start]):
                out[target] = (number.value, number.text)
            continue
        holder = _holder(low, number, hits, ends, sites) if kind is CountKind.CAMERAS else None
        if holder is not None:
            out.setdefault(holder, (number.value, number.text))
            continue
        if has_route:
            for i in routes:
                out.setdefault(i, (number.value, number.text))
            continue
        scope_end = found[n + 1][0].start if n + 1 < len(found) else len(text)
        _attach_total(low, number, scope_end, hits, (sites, starts), out, reasons)
    return out


def _holder(
    low: str, number: Number, hits: list[PlaceHit], ends: list[int], sites: list[int]
) -> int | None:
    """Return the site that is the subject of "has N cameras" just before the number, if any.

    ``the suburb of X already has 59 street cameras and 80 in Y``: X has the 59.
    """
    if not _HAS_END.search(low, max(0, number.start - 40), number.start):
        return None  # (a cheap test first: most numbers follow no "has")
    owner = bisect_right(ends, number.start) - 1
    if owner < 0 or owner not in sites or not _HAS.fullmatch(low, hits[owner].end, number.start):
        return None
    if owner > 0 and _JOINED.fullmatch(low, hits[owner - 1].end, hits[owner].start):
        return None  # "A and B will get two each": a group, whose count is read as such
    return owner


def _labelled(
    low: str, hits: list[PlaceHit], sites: list[int]
) -> dict[int, tuple[int | None, str, tuple[int, int]]]:
    """Return the counts written as a site's label, by hit index, with their words and span.

    ``Mill Road (3 cameras)``, ``Mill Road: 3``, ``Mill Road (four)``.
    """
    out: dict[int, tuple[int | None, str, tuple[int, int]]] = {}
    for i in sites:
        label = _LABEL.match(low, hits[i].end)
        if label is not None:
            numbers = find_numbers(label.group("number"))
            if numbers and numbers[0].value is not None:
                out[i] = (numbers[0].value, label.group("number"), label.span())
    return out


def _attach_total(
    low: str,
    number: Number,
    scope_end: int,
    hits: list[PlaceHit],
    ordered: tuple[list[int], list[int]],
    out: dict[int, tuple[int | None, str]],
    reasons: list[str],
) -> None:
    sites, starts = ordered  # the sites in text order, and where each starts: bisected
    clause_end = scope_end
    brk = _CLAUSE_BREAK.search(low, number.end, scope_end)
    if brk:
        clause_end = brk.start()
    after = sites[bisect_left(starts, number.end) : bisect_left(starts, clause_end)]
    if after and _WIDER.search(low, number.end, hits[after[0]].start):
        return  # "40 cameras across the borough, including those on X": not X's count
    group = after or [
        i for i in sites[: bisect_left(starts, number.start)] if hits[i].end <= number.start
    ]
    gap = max(hits[group[-1]].end, number.start - 300) if group else 0  # (bounded: linear)
    if not after and group and _OTHER_CLAUSE.search(low, gap, number.start):
        return  # "... from X to Y, as well as oversee 35 more cameras": not X's count
    moved = [i for i in group if reasons[i].startswith("cameras moved there")]
    if len(group) == 1 or (len(group) == 2 and moved == group[1:]):
        # One site, or the same cameras moved from one place to another.
        for i in group:
            out.setdefault(i, (number.value, number.text))
    elif group and _each(low, number, hits, group):
        for i in group:
            out.setdefault(i, (number.value, number.text))
    elif group:
        names = ", ".join(hits[i].text for i in group)
        for i in group:
            out.setdefault(i, (None, f"{number.text} in total across {names}"))


def _each(low: str, number: Number, hits: list[PlaceHit], group: list[int]) -> bool:
    """Whether the sentence gives the number to each site of the group, not to all together.

    Read between the number and the group (``ten cameras each at A, B``), or
    between the group and the number when the group comes first (``A and B
    will each get two``).
    """
    first, last = hits[group[0]], hits[group[-1]]
    if _EACH_AFTER.match(low, number.end):
        return True  # "A and B will get two cameras each"
    if first.start >= number.end:
        return bool(_EACH.search(low, number.end, first.start))
    return bool(_EACH.search(low, last.end, number.start))
