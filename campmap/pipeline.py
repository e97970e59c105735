"""The whole job in one call: reports in, layers out (and files, when asked)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from campmap.errors import InputError, NothingToMapError
from campmap.extract import extract
from campmap.extract.tables import is_table, read_table
from campmap.gazetteer import Backend, BBox, Gazetteer, default_gazetteer
from campmap.gazetteer.online import place_unresolved
from campmap.layer.build import Layers, build_layers
from campmap.records import Document
from campmap.sources.reports import read_sources

__all__ = ["map_reports"]


def map_reports(
    inputs: Iterable[str | Path],
    *,
    gazetteer: Gazetteer | None = None,
    backends: Sequence[Backend] = (),
    stdin: BinaryIO | None = None,
    region: BBox | None = None,
    location_column: str | None = None,
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

    Returns
    -------
    Layers
        Sites, routes, unresolved mentions and the evidence behind them.

    Raises
    ------
    InputError
        No input could be read (each unreadable one is named).
    """
    inputs = list(inputs)
    tables = [p for p in inputs if is_table(p)]
    reports = [p for p in inputs if not is_table(p)]
    document = read_sources(reports, stdin=stdin) if reports or not tables else Document((), ())
    gazetteer = gazetteer or default_gazetteer(backends)
    read = [read_table(p, gazetteer, location_column=location_column) for p in tables]
    if not document.sources and not read:
        if len(document.problems) == 1:
            problem = document.problems[0]
            raise InputError(problem.path, problem.message, problem.line)
        named = "; ".join(str(p) for p in document.problems) or "no inputs given"
        raise InputError("inputs", f"no report could be read ({named})")
    mentions = [*extract(document, gazetteer), *(m for t in read for m in t.mentions)]
    if read:
        document = Document(
            (*document.sources, *(t.source for t in read)),
            (*document.sentences, *(s for t in read for s in t.sentences)),
            (*document.problems, *(t.note for t in read if t.note is not None)),
        )
    found, problems = place_unresolved(mentions, gazetteer, region)
    mentions = list(found)
    if problems:
        document = replace(document, problems=(*document.problems, *problems))
    return build_layers(document, mentions, gazetteer)


def require_something(layers: Layers) -> None:
    """Raise :class:`NothingToMapError` when a run found no site, route or unresolved mention."""
    if layers.sites.empty and layers.routes.empty and not layers.unresolved:
        labels = ", ".join(s.label for s in layers.document.sources)
        raise NothingToMapError(f"{labels}: no camera sites or routes found")
