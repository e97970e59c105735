"""The whole job in one call: reports in, layers out (and files, when asked)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from campmap.errors import InputError, NothingToMapError
from campmap.extract import extract
from campmap.gazetteer import Backend, Gazetteer, default_gazetteer
from campmap.gazetteer.geocoder import BBox
from campmap.gazetteer.junctions import place_junctions
from campmap.gazetteer.online import place_unresolved
from campmap.layer import Layers, build_layers
from campmap.sources import read_sources

__all__ = ["map_reports"]


def map_reports(
    inputs: Iterable[str | Path],
    *,
    gazetteer: Gazetteer | None = None,
    backends: Sequence[Backend] = (),
    stdin: BinaryIO | None = None,
    region: BBox | None = None,
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

    Returns
    -------
    Layers
        Sites, routes, unresolved mentions and the evidence behind them.

    Raises
    ------
    InputError
        No input could be read (each unreadable one is named).
    """
    document = read_sources(inputs, stdin=stdin)
    if not document.sources:
        if len(document.problems) == 1:
            problem = document.problems[0]
            raise InputError(problem.path, problem.message, problem.line)
        named = "; ".join(str(p) for p in document.problems) or "no inputs given"
        raise InputError("inputs", f"no report could be read ({named})")
    gazetteer = gazetteer or default_gazetteer(backends)
    mentions = place_junctions(extract(document, gazetteer), gazetteer)
    mentions, problems = place_unresolved(mentions, gazetteer, region)
    if problems:
        document = replace(document, problems=(*document.problems, *problems))
    return build_layers(document, mentions, gazetteer)


def require_something(layers: Layers) -> None:
    """Raise :class:`NothingToMapError` when a run found no site, route or unresolved mention."""
    if layers.sites.empty and layers.routes.empty and not layers.unresolved:
        labels = ", ".join(s.label for s in layers.document.sources)
        raise NothingToMapError(f"{labels}: no camera sites or routes found")
