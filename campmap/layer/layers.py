"""What a run hands on: its layers, the mentions it could not place, and what a review changed.

These are the typed records between the layer stage and the exporters, the
newsroom and the CLI: :class:`Layers`, with :class:`Unresolved` mentions and
a :class:`ReviewSummary` once a review sheet is applied. Sets are tuples;
the writers join them for their files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import geopandas as gpd

from campmap.records import Document, Mention

if TYPE_CHECKING:
    from campmap.layer.cite import Citation

__all__ = [
    "Evidence",
    "Layers",
    "OutdatedDecision",
    "Quote",
    "ReviewSummary",
    "Span",
    "StaleDecision",
    "Unresolved",
]


@dataclass(frozen=True, slots=True)
class Span:
    """Where a quoted place stands in one report: character offsets into its cleaned text."""

    source: str
    start: int
    end: int

    def as_dict(self) -> dict[str, Any]:
        """Return the span as ``report.json`` writes it."""
        return {"source": self.source, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Quote:
    """One sentence behind a site or route: what it says there, and where it appeared."""

    quote: str
    written_as: str
    count: int | None
    count_text: str | None
    status: str | None
    occurrences: tuple[Span, ...]

    def as_dict(self) -> dict[str, Any]:
        """Return the quote as ``report.json`` writes it.

        Examples
        --------
        >>> Quote("Two on Mill Road.", "Mill Road", 2, "Two", "installed",
        ...       (Span("a.txt", 7, 16),)).as_dict()["occurrences"]
        [{'source': 'a.txt', 'start': 7, 'end': 16}]
        """
        return {
            "quote": self.quote,
            "written_as": self.written_as,
            "count": self.count,
            "count_text": self.count_text,
            "status": self.status,
            "occurrences": [span.as_dict() for span in self.occurrences],
        }


Evidence = dict[str, tuple[Quote, ...]]
"""Per site or route id, every sentence behind it."""


@dataclass(frozen=True, slots=True)
class Unresolved:
    """A site or route mention that could not be placed, with where it was found.

    Attributes
    ----------
    text : str
        The name as written.
    role : str
        ``site`` or ``route``.
    count : int or None
        The cameras it states (None: not stated, or past ``MAX_COUNT``).
    status : str
        Installed, planned, removed...
    camera : str
        The camera kind.
    confidence : float
        How sure the extractor was that it names a camera site.
    reasons : tuple of str
        Why it was taken as one.
    quote : str
        The sentence.
    source : str
        The report it was found in first.
    sources : tuple of str
        Every report with that sentence.
    start, end : int
        Where the name is in ``source``.
    candidates : tuple of str
        The closest names the gazetteer knows; for a name several places
        share, each namesake with its id.
    """

    text: str
    role: str
    count: int | None
    status: str
    camera: str
    confidence: float
    reasons: tuple[str, ...]
    quote: str
    source: str
    sources: tuple[str, ...]
    start: int
    end: int
    candidates: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StaleDecision:
    """A reviewer's decision that matches nothing in this run (kept in the sheet, not applied)."""

    site_id: str
    line: int
    """Its line in the review sheet."""
    action: str
    note: str


@dataclass(frozen=True, slots=True)
class OutdatedDecision:
    """A decision made on another count or quote than the site has now (applied, and flagged)."""

    site_id: str
    line: int
    """Its line in the review sheet."""
    verification: str
    note: str
    stale: str
    """What changed since: ``count 4 -> 6, quote changed``."""


@dataclass(frozen=True, slots=True)
class ReviewSummary:
    """What applying a review sheet did."""

    applied: tuple[str, ...] = ()
    """The ids of the sites, routes and mentions a decision was applied to, in sheet order."""
    stale: tuple[StaleDecision, ...] = ()
    outdated: tuple[OutdatedDecision, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """Return the summary as plain values (``report.json``'s ``review``)."""
        return {
            "applied": list(self.applied),
            "stale": [
                {"site_id": s.site_id, "line": s.line, "action": s.action, "note": s.note}
                for s in self.stale
            ],
            "outdated": [
                {
                    "site_id": o.site_id,
                    "line": o.line,
                    "verification": o.verification,
                    "note": o.note,
                    "stale": o.stale,
                }
                for o in self.outdated
            ],
        }


@dataclass(frozen=True)
class Layers:
    """What a run found: sites, routes, and what could not be placed.

    Attributes
    ----------
    sites : geopandas.GeoDataFrame
        One row per site, point geometry (see
        :data:`~campmap.layer.columns.SITE_COLUMNS`); the column
        ``place_geometry`` keeps the place's real geometry.
    routes : geopandas.GeoDataFrame
        One row per route, line geometry (see :data:`~campmap.layer.columns.ROUTE_COLUMNS`).
    unresolved : tuple of Unresolved
        Site and route mentions that could not be placed, with their quotes.
    evidence : dict of str to tuple of Quote
        Per site or route id, every sentence behind it.
    mentions : tuple of Mention
        Everything the extractor found.
    document : Document
        The sources read.
    review : ReviewSummary or None
        What a review sheet changed, when one was applied.
    citations : dict of str to tuple of Citation
        Per site or route id, its reports as a reader sees them cited (outlet,
        date, address); empty for layers read back from a file.
    """

    sites: gpd.GeoDataFrame
    routes: gpd.GeoDataFrame
    unresolved: tuple[Unresolved, ...]
    evidence: Evidence = field(repr=False)
    mentions: tuple[Mention, ...] = field(repr=False)
    document: Document = field(repr=False)
    review: ReviewSummary | None = field(default=None, repr=False)
    citations: dict[str, tuple[Citation, ...]] = field(default_factory=dict, repr=False)
