"""``report.json``: everything a run found, with its evidence, for scripts and reviewers."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd

from campmap.layer.cite import contributors
from campmap.layer.columns import ROUTE_COLUMNS, SITE_COLUMNS
from campmap.layer.layers import Layers, Unresolved
from campmap.records import Source

__all__ = ["report_dict", "unresolved_record", "write_report"]


def _clean(value: Any) -> Any:
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if hasattr(value, "item"):  # numpy scalars
        return _clean(value.item())
    return value


def _records(frame: gpd.GeoDataFrame, columns: tuple[str, ...]) -> list[dict[str, Any]]:
    return [{c: _clean(row[c]) for c in columns} for _, row in frame.iterrows()]


def unresolved_record(item: Unresolved) -> dict[str, Any]:
    """Return an unresolved mention as ``report.json`` lists it, in plain values.

    Its reasons and sources are ``; ``-joined, as in the layers' columns; its
    candidate names are a list.
    """
    return {
        "text": item.text,
        "role": item.role,
        "count": item.count,
        "status": item.status,
        "camera": item.camera,
        "confidence": item.confidence,
        "reasons": "; ".join(item.reasons),
        "quote": item.quote,
        "source": item.source,
        "sources": "; ".join(item.sources),
        "start": item.start,
        "end": item.end,
        "candidates": list(item.candidates),
    }


def report_dict(layers: Layers, *, sources: bool = True) -> dict[str, Any]:
    """Return the content of ``report.json`` as plain Python values.

    Keys: ``sources``, ``sites`` (with ``lon``, ``lat`` and ``evidence``),
    ``routes`` (with ``coordinates`` and ``evidence``), ``unresolved``,
    ``context`` (places mentioned that are not sites) and ``problems``.
    ``sources`` lists only the reports that contributed: those some mention
    was found in (:func:`~campmap.layer.cite.contributors`), each with its
    address, outlet, title, author and publication date where known. With
    ``sources=False`` the list is left empty (see :func:`write_report`).
    """
    from campmap import __version__

    sites = _records(layers.sites, SITE_COLUMNS)
    for record, point in zip(sites, layers.sites.geometry, strict=True):
        record["lon"], record["lat"] = round(point.x, 7), round(point.y, 7)
        record["evidence"] = [q.as_dict() for q in layers.evidence[record["site_id"]]]
    routes = _records(layers.routes, ROUTE_COLUMNS)
    for record, line in zip(routes, layers.routes.geometry, strict=True):
        record["coordinates"] = [[round(x, 7), round(y, 7)] for x, y in line.coords]
        record["evidence"] = [q.as_dict() for q in layers.evidence[record["route_id"]]]
    context = sorted(
        {
            (m.text, m.place.name if m.place else None, m.reason)
            for m in layers.mentions
            if m.role.value == "context"
        },
        key=lambda item: (item[0].lower(), item[2]),
    )
    return {
        "campmap_version": __version__,
        "sources": [_source(s) for s in _contributing(layers)] if sources else [],
        "sites": sites,
        "routes": routes,
        "unresolved": [unresolved_record(item) for item in layers.unresolved],
        "context": [{"text": t, "name": n, "reason": r} for t, n, r in context],
        "problems": [str(p) for p in layers.document.problems],
        "review": {} if layers.review is None else layers.review.as_dict(),
    }


def _contributing(layers: Layers) -> Iterator[Source]:
    """Yield the document's sources some mention was found in, in order."""
    cited = contributors(layers.mentions)
    return (s for s in layers.document.sources if s.label in cited)


def _source(source: Source) -> dict[str, Any]:
    characters = len(source.text) if source.characters is None else source.characters
    return {
        "label": source.label,
        "url": source.url,
        "outlet": source.outlet,
        "title": source.title,
        "author": source.author,
        "published": source.published,
        "encoding": source.encoding,
        "characters": characters,
    }


_NO_SOURCES = '\n  "sources": [],\n'


def write_report(layers: Layers, path: Path) -> None:
    """Write ``report.json`` (UTF-8, indented, keys in a fixed order).

    The list of sources is written one source at a time, so an archive run's
    list of millions of reports (kept on disk) is never held whole in memory;
    the file is the one ``json.dumps(report_dict(layers), indent=2)`` gives.
    """
    text = json.dumps(
        report_dict(layers, sources=False), indent=2, ensure_ascii=False, allow_nan=False
    )
    head, tail = text.split(_NO_SOURCES, 1)
    with path.open("w", encoding="utf-8") as file:
        file.write(head)
        file.write('\n  "sources": [')
        n = 0
        for n, source in enumerate(_contributing(layers), start=1):
            item = json.dumps(_source(source), indent=2, ensure_ascii=False, allow_nan=False)
            file.write(("," if n > 1 else "") + "\n    " + item.replace("\n", "\n    "))
        file.write("\n  ],\n" if n else "],\n")
        file.write(tail + "\n")
