"""What the mentions of a site or route beyond its kept evidence add to its row (archive runs)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from campmap.extract.attribution import Attribution

__all__ = ["NO_OVERFLOW", "WRITTEN_AS_LIMIT", "Overflow"]

WRITTEN_AS_LIMIT = 20
"""Spellings of a site listed in ``written_as`` from mentions beyond the kept evidence."""


@dataclass
class Overflow:
    """What the mentions of one site or route beyond its kept evidence add to its row.

    An archive run (:func:`campmap.map_corpus`) keeps the first mentions of
    each site as evidence and only counts the rest here, so memory does not
    grow with the archive: the row's count, conflict, status, number of
    mentions, spellings and makers take them in; its sources list the kept
    mentions' reports and say how many more there are.
    """

    mentions: int = 0
    """Mentions (for a route: sentences) not kept."""
    counts: dict[int, str | None] = field(default_factory=dict)
    """Each count they state, with its first wording."""
    count_text: str | None = None
    """The first count wording among them (a vague one too: "several")."""
    statuses: Counter[str] = field(default_factory=Counter)
    fuzzy: int = 0
    written_as: dict[str, None] = field(default_factory=dict)
    makers: set[str] = field(default_factory=set)
    operators: set[str] = field(default_factory=set)
    more_sources: int = 0
    """Reports behind them that the kept mentions do not already name."""

    def add(
        self,
        count: int | None,
        count_text: str | None,
        status: str,
        fuzzy: bool,
        written: str,
        tags: Attribution,
    ) -> None:
        """Count one more mention (its count, status, spelling), and its report's makers."""
        self.mentions += 1
        if count is not None:
            self.counts.setdefault(count, count_text)
        if self.count_text is None and count_text:
            self.count_text = count_text
        self.statuses[status] += 1
        self.fuzzy += fuzzy
        if len(self.written_as) < WRITTEN_AS_LIMIT:
            self.written_as[written] = None
        self.makers.update(tags.makers)
        self.operators.update(tags.operators)

    def absorb(self, other: Overflow) -> None:
        """Take in another group's overflow (a street merged into the route along it)."""
        self.mentions += other.mentions
        for count, text in other.counts.items():
            self.counts.setdefault(count, text)
        self.count_text = self.count_text or other.count_text
        self.statuses.update(other.statuses)
        self.fuzzy += other.fuzzy
        for text in other.written_as:
            if len(self.written_as) < WRITTEN_AS_LIMIT:
                self.written_as[text] = None
        self.makers |= other.makers
        self.operators |= other.operators
        self.more_sources += other.more_sources


NO_OVERFLOW = Overflow()
"""Nothing beyond the kept evidence (every row of a plain run); never changed."""
