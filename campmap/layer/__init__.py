"""Layers: one row per site and route, built from placed mentions, and read back.

:mod:`~campmap.layer.build` groups mentions into rows (:mod:`~campmap.layer.rows`),
:mod:`~campmap.layer.read` reads a sites file back, both to the schema of
:mod:`~campmap.layer.columns`; :mod:`~campmap.layer.layers` holds the records
a run hands on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from campmap.lazy import lazy_exports

if TYPE_CHECKING:
    from campmap.layer.build import build_layers
    from campmap.layer.columns import ROUTE_COLUMNS, SITE_COLUMNS
    from campmap.layer.layers import (
        Layers,
        OutdatedDecision,
        ReviewSummary,
        StaleDecision,
        Unresolved,
    )
    from campmap.layer.read import read_layers, read_routes, read_sites
    from campmap.layer.rows import route_id

__all__ = [
    "ROUTE_COLUMNS",
    "SITE_COLUMNS",
    "Layers",
    "OutdatedDecision",
    "ReviewSummary",
    "StaleDecision",
    "Unresolved",
    "build_layers",
    "read_layers",
    "read_routes",
    "read_sites",
    "route_id",
]

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "campmap.layer.build": ("build_layers",),
        "campmap.layer.columns": ("ROUTE_COLUMNS", "SITE_COLUMNS"),
        "campmap.layer.layers": (
            "Layers",
            "OutdatedDecision",
            "ReviewSummary",
            "StaleDecision",
            "Unresolved",
        ),
        "campmap.layer.read": ("read_layers", "read_routes", "read_sites"),
        "campmap.layer.rows": ("route_id",),
    },
)
