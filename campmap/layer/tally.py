"""Further mentions of a row of the map, counted but not given as mentions.

A caller that keeps only the first mentions of a busy site as evidence passes
the rest to :func:`campmap.layer.build.build_layers` as one :class:`Tally` per
site or route id.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["WRITTEN_AS_LIMIT", "Tally"]

WRITTEN_AS_LIMIT = 20
"""Spellings of a site listed in ``written_as`` from mentions beyond the kept evidence."""


@dataclass(frozen=True)
class Tally:
    """What further mentions of a row, counted but not given as mentions, add to it.

    A caller that keeps only the first mentions of a busy site as evidence
    tallies the rest here: the row's count, conflict, status, number of
    mentions, spellings and makers take them in; its sources list the given
    mentions' reports and say how many more there are.
    """

    mentions: int = 0
    """Mentions (for a route: sentences) tallied."""
    counts: Mapping[int, str | None] = field(default_factory=dict)
    """Each count they state, with its first wording."""
    count_text: str | None = None
    """The first count wording among them (a vague one too: "several")."""
    statuses: Mapping[str, int] = field(default_factory=dict)
    """How many of them have each status, in order of first appearance."""
    fuzzy: int = 0
    """How many were matched fuzzily."""
    written_as: tuple[str, ...] = ()
    """Their spellings (at most :data:`WRITTEN_AS_LIMIT`)."""
    makers: tuple[str, ...] = ()
    operators: tuple[str, ...] = ()
    more_sources: int = 0
    """Reports behind them that the given mentions do not already name."""
    first_reported: str | None = None
    last_reported: str | None = None
    """The earliest and latest publication dates (ISO) of the reports behind them."""

    def plus(self, other: Tally) -> Tally:
        """Return both tallies in one (a street merged into the route along it)."""
        counts = dict(self.counts)
        for count, text in other.counts.items():
            counts.setdefault(count, text)
        return Tally(
            mentions=self.mentions + other.mentions,
            counts=counts,
            count_text=self.count_text or other.count_text,
            statuses=Counter(self.statuses) + Counter(other.statuses),
            fuzzy=self.fuzzy + other.fuzzy,
            written_as=tuple(dict.fromkeys((*self.written_as, *other.written_as)))[
                :WRITTEN_AS_LIMIT
            ],
            makers=tuple(sorted({*self.makers, *other.makers})),
            operators=tuple(sorted({*self.operators, *other.operators})),
            more_sources=self.more_sources + other.more_sources,
            first_reported=min(dates) if (dates := _dates(self, other)) else None,
            last_reported=max(dates) if dates else None,
        )


def _dates(*tallies: Tally) -> list[str]:
    return [d for t in tallies for d in (t.first_reported, t.last_reported) if d]
