"""The pipeline's stages, run in one process: read, extract, place, build the layers.

:func:`map_reports` runs them all; :func:`extract_reports` stops before the
layers and says what it met as it goes (what ``campmap extract`` lists). A
streamed run (:mod:`campmap.pipeline.stream`) runs the same stages batch by
batch in :mod:`campmap.archive`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from campmap.errors import InputError, NothingReadError, NothingToMapError
from campmap.extract import extract
from campmap.extract.tables import Table, is_table, read_table
from campmap.gazetteer import Backend, BBox, Gazetteer, default_gazetteer
from campmap.gazetteer.online import place_unresolved
from campmap.layer.build import Layers, build_layers
from campmap.pipeline.options import Messages
from campmap.records import Document, Mention
from campmap.sources.metadata import ReportMeta
from campmap.sources.reports import read_sources

__all__ = [
    "Inputs",
    "extract_mentions",
    "extract_reports",
    "map_reports",
    "read_inputs",
    "require_something",
]

_SILENT = Messages()


@dataclass(frozen=True, slots=True)
class Inputs:
    """What the read stage gives: the reports, and the tables of deployments, as read."""

    reports: Document
    """The report files, folders and standard input (not the tables)."""
    tables: tuple[Table, ...]

    @property
    def document(self) -> Document:
        """The reports' document with each table's source, sentences and note added."""
        if not self.tables:
            return self.reports
        return Document(
            (*self.reports.sources, *(t.source for t in self.tables)),
            (*self.reports.sentences, *(s for t in self.tables for s in t.sentences)),
            (*self.reports.problems, *(t.note for t in self.tables if t.note is not None)),
        )


def read_inputs(
    inputs: Iterable[str | Path],
    gazetteer: Gazetteer,
    *,
    stdin: BinaryIO | None = None,
    location_column: str | None = None,
    source: ReportMeta | None = None,
) -> Inputs:
    """Read reports and tables (the first stage); an unreadable report is a problem, not an error.

    Parameters
    ----------
    inputs : iterable of str or pathlib.Path
        Report files, folders of them, ``-`` for standard input, ``.csv``/``.tsv`` tables.
    gazetteer : Gazetteer
        What a table's location column is guessed with.
    stdin : binary file, optional
        What ``-`` reads.
    location_column : str, optional
        The tables' location column; guessed when not given.
    source : ReportMeta, optional
        Where the one report given was published (see :func:`read_sources`).

    Returns
    -------
    Inputs
    """
    inputs = list(inputs)
    tables = [p for p in inputs if is_table(p)]
    reports = [p for p in inputs if not is_table(p)]
    if reports or not tables:
        document = read_sources(reports, stdin=stdin, source=source)
    else:
        document = Document((), ())
    read = tuple(read_table(p, gazetteer, location_column=location_column) for p in tables)
    return Inputs(document, read)


def extract_mentions(
    inputs: Inputs, gazetteer: Gazetteer, *, learned: bool = False
) -> list[Mention]:
    """Return the mentions of the reports, then those of the tables (the second stage).

    ``learned`` reads each report mention again with the learned model
    (:mod:`campmap.extract.reread`).
    """
    mentions = extract(inputs.reports, gazetteer, reread=learned)
    return [*mentions, *(m for t in inputs.tables for m in t.mentions)]


def map_reports(
    inputs: Iterable[str | Path],
    *,
    gazetteer: Gazetteer | None = None,
    backends: Sequence[Backend] = (),
    stdin: BinaryIO | None = None,
    region: BBox | None = None,
    location_column: str | None = None,
    source: ReportMeta | None = None,
    learned: bool = False,
) -> Layers:
    """Read reports, extract camera sites and routes, and build their layers.

    Parameters
    ----------
    inputs : iterable of str or pathlib.Path
        Report files, folders of them, or ``-`` for standard input.
    gazetteer : Gazetteer, optional
        The gazetteer to resolve names with; by default ``backends`` followed
        by the embedded gazetteer.
    backends : sequence of Backend
        Extra backends tried before the embedded gazetteer.
    stdin : binary file, optional
        What ``-`` reads.
    region : (west, south, east, north), optional
        Bias for online geocoders among ``backends``; by default the region of
        the places the offline gazetteers resolved.
    location_column : str, optional
        For ``.csv``/``.tsv`` tables of deployments (:mod:`campmap.extract.tables`):
        the column holding the location text; guessed when not given.
    source : ReportMeta, optional
        Where the one report given was published (its address, outlet ...).
    learned : bool
        Also read each mention with the learned model (:mod:`campmap.extract.reread`).

    Returns
    -------
    Layers
        Sites, routes, unresolved mentions and the evidence behind them.

    Raises
    ------
    InputError
        No input could be read (each unreadable one is named).
    """
    gazetteer = gazetteer or default_gazetteer(backends)
    read = read_inputs(
        inputs, gazetteer, stdin=stdin, location_column=location_column, source=source
    )
    document = read.document
    if not document.sources:
        if len(document.problems) == 1:
            problem = document.problems[0]
            raise InputError(problem.path, problem.message, problem.line)
        named = "; ".join(str(p) for p in document.problems) or "no inputs given"
        raise InputError("inputs", f"no report could be read ({named})")
    found, problems = place_unresolved(
        extract_mentions(read, gazetteer, learned=learned), gazetteer, region
    )
    if problems:
        document = replace(document, problems=(*document.problems, *problems))
    return build_layers(document, list(found), gazetteer)


def extract_reports(
    inputs: Iterable[str | Path],
    gazetteer: Gazetteer,
    *,
    region: BBox | None = None,
    location_column: str | None = None,
    messages: Messages = _SILENT,
    learned: bool = False,
) -> Iterator[Mention]:
    """Yield every mention of the reports and tables, placed, in input order.

    Each report that cannot be read, and each name no geocoder could place, is
    a warning (``messages.warn``), all given before the first mention.

    Parameters
    ----------
    inputs : iterable of str or pathlib.Path
        As for :func:`map_reports`.
    gazetteer : Gazetteer
        The gazetteer to resolve names with (its geocoders place the rest).
    region : (west, south, east, north), optional
        Bias for the geocoders, as for :func:`map_reports`.
    learned : bool
        As for :func:`map_reports`.
    location_column : str, optional
        As for :func:`map_reports`.
    messages : Messages
        Where the warnings go.

    Yields
    ------
    Mention

    Raises
    ------
    NothingReadError
        No input could be read.
    """
    read = read_inputs(inputs, gazetteer, location_column=location_column)
    document = read.document
    for problem in document.problems:
        messages.warn(str(problem))
    if not document.sources:
        raise NothingReadError("no report could be read")
    mentions, problems = place_unresolved(
        extract_mentions(read, gazetteer, learned=learned), gazetteer, region
    )
    for problem in problems:
        messages.warn(str(problem))
    yield from mentions


def require_something(layers: Layers) -> None:
    """Raise :class:`NothingToMapError` when a run found no site, route or unresolved mention."""
    if layers.sites.empty and layers.routes.empty and not layers.unresolved:
        labels = ", ".join(s.label for s in layers.document.sources)
        raise NothingToMapError(f"{labels}: no camera sites or routes found")
