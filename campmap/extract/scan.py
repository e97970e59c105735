"""Questions asked of a sentence at each of its mentions, answered in time linear in the sentence.

Deciding a mention's role and status looks at the text before and after it:
does a pattern end just before it, is there a negation earlier in its
clause, where does its clause end. Searching the whole sentence before each
mention made extraction quadratic in the sentence (a 36 KB sentence of road
numbers took 16 times as long as a 9 KB one). A :class:`Scan` answers the
same questions from positions found in one pass over the sentence, and
searches patterns that end at a mention only in the :data:`REACH` characters
before it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

__all__ = ["REACH", "Scan", "Spans"]

REACH = 256
"""Characters before a mention searched for a pattern that must end at it.

Every such pattern is a few words long (``moved ... from the``, ``the junction
of``, ``between the``): 256 characters hold eight words of thirty letters."""

_NEGATION = re.compile(r"\b(?:no|not|never|none|nor|without)\b")
_NEGATION_REACH = 8
"""Longest negation word and the space before it: a word cut short by the mention (``no``
of ``noA``) counts only in a search that ends at the mention."""
_CLAUSE_SEPARATOR = re.compile(r"[,;]")
_LOOKAHEADS: dict[re.Pattern[str], re.Pattern[str]] = {}


class Scan:
    """Positions in one lower-cased sentence, found once and looked up by mention.

    Parameters
    ----------
    low : str
        The sentence, lower-cased (see :func:`campmap.gazetteer.names.lowercase`).

    Examples
    --------
    >>> scan = Scan("no cameras on a, or on b; but on c")
    >>> scan.negated_before(14), scan.negated_before(22), scan.negated_before(33)
    (True, False, False)
    """

    def __init__(self, low: str) -> None:
        self.low = low
        self._positions: dict[re.Pattern[str], tuple[list[int], list[int]]] = {}

    def _spans(self, pattern: re.Pattern[str]) -> tuple[list[int], list[int]]:
        """Return the starts and ends of the pattern's matches, left to right (found once)."""
        found = self._positions.get(pattern)
        if found is None:
            spans = [m.span() for m in pattern.finditer(self.low)]
            found = ([s for s, _ in spans], [e for _, e in spans])
            self._positions[pattern] = found
        return found

    def ends_at(self, pattern: re.Pattern[str], end: int) -> bool:
        """Whether ``pattern`` (anchored with ``$``) matches the text up to ``end``.

        As ``pattern.search(low[:end])``, for matches no longer than :data:`REACH`.
        """
        return pattern.search(self.low, max(0, end - REACH), end) is not None

    def negated_before(self, end: int) -> bool:
        r"""Whether a negation (``no``, ``not``, ``without`` ...) precedes ``end`` in its clause.

        As ``re.search(r"\b(?:no|not|never|none|nor|without)\b[^,;]*$", low[:end])``.
        """
        separators, _ = self._spans(_CLAUSE_SEPARATOR)
        before = bisect_left(separators, end)
        clause = separators[before - 1] + 1 if before else 0
        starts, ends = self._spans(_NEGATION)
        last = bisect_right(ends, end) - 1
        if last >= 0 and starts[last] >= clause:
            return True
        # A word the end cuts short ("no" of "nothing") is a whole word in low[:end].
        return _NEGATION.search(self.low, max(clause, end - _NEGATION_REACH), end) is not None

    def appears_before(self, pattern: re.Pattern[str], end: int, longest: int) -> bool:
        r"""Whether a word pattern (``\b(?:...)\b``) matches anywhere in the text up to ``end``.

        As ``pattern.search(low[:end])``. ``longest`` is the length of its longest match.
        """
        _, ends = self._spans(pattern)
        if ends and ends[0] <= end:
            return True
        return pattern.search(self.low, max(0, end - longest - 1), end) is not None

    def next_start(self, pattern: re.Pattern[str], pos: int) -> int | None:
        """Where the first match of ``pattern`` at or after ``pos`` starts, or None.

        As ``pattern.search(low, pos).start()``: overlapping matches count.
        """
        starts = self._every_start(pattern)
        i = bisect_left(starts, pos)
        return starts[i] if i < len(starts) else None

    def matches_after(self, pattern: re.Pattern[str], pos: int) -> bool:
        """Whether ``pattern`` matches at or after ``pos`` (``pattern.search(low, pos)``)."""
        starts = self._every_start(pattern)
        return bool(starts) and starts[-1] >= pos

    def _every_start(self, pattern: re.Pattern[str]) -> list[int]:
        """Every position where ``pattern`` matches, overlapping ones too."""
        ahead = _LOOKAHEADS.get(pattern)
        if ahead is None:
            ahead = _LOOKAHEADS[pattern] = re.compile(f"(?=(?:{pattern.pattern}))", pattern.flags)
        starts, _ = self._spans(ahead)
        return starts

    def last_before(self, pattern: re.Pattern[str], end: int) -> int:
        """Where the last match of ``pattern`` before ``end`` starts, or -1.

        For a one-character pattern, as ``low.rfind(character, 0, end)``.
        """
        starts, _ = self._spans(pattern)
        i = bisect_left(starts, end)
        return starts[i - 1] if i else -1

    def within(self, pattern: re.Pattern[str], start: int, end: int) -> bool:
        """Whether ``pattern`` matches inside ``low[start:end]``.

        As ``pattern.search(low[start:end])`` when no match of the pattern can
        span ``start`` or ``end`` and the characters there are not word
        characters (a clause between separators).
        """
        starts, ends = self._spans(pattern)
        i = bisect_left(starts, start)
        return i < len(starts) and ends[i] <= end


class Spans:
    """Spans of a text (places, numbers found): tells in log time whether a span overlaps one.

    Spans are merged where they overlap, and added left to right.

    Examples
    --------
    >>> taken = Spans([(4, 9), (0, 2)])
    >>> taken.overlaps(2, 4), taken.overlaps(8, 12)
    (False, True)
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(spans):
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        """Take a span that starts at or after every span taken so far."""
        if self.ends and start < self.ends[-1]:
            self.ends[-1] = max(self.ends[-1], end)
        else:
            self.starts.append(start)
            self.ends.append(end)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` shares a character with a span taken."""
        i = bisect_right(self.ends, start)  # the first span ending after start
        return i < len(self.starts) and self.starts[i] < end
