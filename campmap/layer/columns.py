"""The columns of the site and route layers, and their types: the one place that fixes them.

:func:`~campmap.layer.build.build_layers`, :func:`~campmap.layer.read.read_sites`
and :func:`~campmap.newsroom.apply_review` all make layer frames; each gives
its columns their types here, so a layer built, read back or reviewed has the
same schema.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

import geopandas as gpd
import pandas as pd

from campmap.limits import known_count

__all__ = [
    "COLUMN_TYPES",
    "CRS",
    "ROUTE_COLUMNS",
    "SITE_COLUMNS",
    "empty_routes",
    "known_counts",
    "typed",
]

SITE_COLUMNS = (
    "site_id", "name", "count", "count_text", "count_conflict", "place_kind", "kind",
    "uncertainty_m", "status", "quote", "sources", "mentions", "written_as", "match",
    "place_id", "backend", "coordinate_source", "deployments", "manufacturer", "operator",
    "man_made", "surveillance:type", "surveillance:zone", "camera:type", "camera", "confidence",
    "reasons", "verification", "review_note", "source_names", "source_urls", "first_reported",
    "last_reported",
)  # fmt: skip
"""Columns of :attr:`Layers.sites <campmap.layer.layers.Layers.sites>`, besides ``geometry``
and ``place_geometry``."""

ROUTE_COLUMNS = (
    "route_id", "name", "count", "count_text", "count_conflict", "start", "end",
    "follows", "length_m", "status", "quote", "sources", "mentions", "manufacturer", "operator",
    "man_made", "surveillance:type", "surveillance:zone", "camera:type", "camera", "confidence",
    "reasons", "verification", "review_note", "source_names", "source_urls", "first_reported",
    "last_reported",
)  # fmt: skip
"""Columns of :attr:`Layers.routes <campmap.layer.layers.Layers.routes>`, besides ``geometry``."""

COLUMN_TYPES: dict[str, Literal["Int64", "int64", "float64"]] = {
    "count": "Int64",
    "mentions": "int64",
    "deployments": "int64",
    "uncertainty_m": "float64",
    "confidence": "float64",
}
"""The pandas type of each typed column (the others hold text, or None)."""

CRS = "EPSG:4326"
"""Every layer's coordinates: longitude and latitude."""


def typed(frame: pd.DataFrame, names: Iterable[str]) -> pd.DataFrame:
    """Give the named columns of ``frame`` (those it has) their type from :data:`COLUMN_TYPES`.

    Examples
    --------
    >>> frame = typed(pd.DataFrame({"count": [2, None], "mentions": [1, 3]}), COLUMN_TYPES)
    >>> [str(t) for t in frame.dtypes]
    ['Int64', 'int64']
    """
    for name in names:
        if name in frame:
            frame[name] = frame[name].astype(COLUMN_TYPES[name])
    return frame


def known_counts(values: Iterable[Any]) -> Any:
    """Return counts as the ``count`` column's type; one past ``MAX_COUNT`` becomes unknown.

    Examples
    --------
    >>> known_counts([4, None, 10**20]).tolist()
    [4, <NA>, <NA>]
    """
    return pd.array([known_count(c) for c in values], dtype="Int64")


def empty_routes() -> gpd.GeoDataFrame:
    """Return a route layer with no routes (for a map read back from a sites file alone)."""
    return gpd.GeoDataFrame(
        pd.DataFrame(columns=list(ROUTE_COLUMNS)).astype({"count": COLUMN_TYPES["count"]}),
        geometry=gpd.GeoSeries([], crs=CRS),
    )
