"""Where one run of capitalised words holds two places.

A town's possessive before the place it owns (``Newmarket's | Park Lane``)
and a flattened list of crossings that runs one street into the next
(``Wellington Road | Dundas Street at ...``) are cut in two;
:func:`campmap.extract.shapes.find_shapes` asks here for each run.
"""

from __future__ import annotations

import re

from campmap.extract.words import DIRECTIONS, FACILITY_HEADS, STREET_HEADS

__all__ = ["bare", "possessor_split", "second_street_at"]


def bare(token: str) -> str:
    """Return a word in lower case, without a final full stop, with a straight apostrophe."""
    return token.rstrip(".").lower().replace("\u2019", "'")


_CROSSED_AFTER = re.compile(r"\s*(?:at|&|@|/)\s*[A-Z]")
"""``Fox's Den Rd. at Elm Dr.``: a street crossed by another keeps its possessive whole (a
town's possessive rarely opens a crossing)."""
_STRONG_HEADS = frozenset(
    "road rd street avenue ave boulevard blvd drive dr highway hwy parkway pkwy pky".split()
)
"""Street words that end a name: one run on into another street is two streets."""


def second_street_at(run: list[tuple[str, int, int]], words: list[str] | None = None) -> int:
    """Where a run holds a second street: ``Wellington Road | Dundas Street`` (else its length).

    A flattened list of crossings runs the streets together; a name of two
    words or more that ends in a street word, then a direction (``Road S``),
    then another name of two words or more ending in a street word, is two.
    ``words``: the run's words made :func:`bare`, when the caller has them.
    """
    if words is None:
        words = [bare(w) for w, _, _ in run]
    for k in range(2, len(words) - 1):
        if words[k - 1] not in _STRONG_HEADS:
            continue
        cut = k + 1 if words[k] in DIRECTIONS and len(words[k]) <= 2 else k
        if len(words) - cut >= 2 and (words[-1] in STREET_HEADS or words[-1] in DIRECTIONS):
            rest = words[cut:]
            while rest and rest[-1] in DIRECTIONS:
                rest = rest[:-1]
            if len(rest) >= 2 and rest[-1] in STREET_HEADS:
                return cut
    return len(run)


_SAINTLY = frozenset({"st", "st.", "saint", "king", "queen", "lord", "lady", "christ", "prince"})


def possessor_split(text: str, run: list[tuple[str, int, int]]) -> int:
    """Where a run splits after a town's possessive: ``Newmarket's | Park Lane`` (0: no split).

    Only a one-word possessor before a name of two words or more, ending in a
    place word; ``St George's Episcopal School`` and ``St James's Park`` stay whole,
    and so does a street crossed by another (``Fox's Den Rd. at Elm Dr.``).
    """
    if len(run) < 3 or not run[0][0].endswith(("'s", "\u2019s")):
        return 0
    if _CROSSED_AFTER.match(text, run[-1][2]):
        return 0
    first = run[0][0].lower().rstrip("'s\u2019")
    if first in _SAINTLY:
        return 0
    last = bare(run[-1][0])
    if last in STREET_HEADS or last in FACILITY_HEADS:
        return 1
    return 0
