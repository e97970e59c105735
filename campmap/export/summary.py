"""The map's one-line summary: routes with their totals, counted sites, sites with no count."""

from __future__ import annotations

from typing import Any

from campmap.layer.build import Layers

__all__ = ["summary"]


def summary(layers: Layers) -> str:
    """Return a one-line summary of what the map shows.

    Routes come first with their totals, then counted sites (up to three by
    name; above that, the total and the three largest), then how many sites
    have no stated count.

    Examples
    --------
    ``"38 cameras reported along the route from Buckingham Palace to Trafalgar
    Square; 4 at Statue of Charles I; 8 sites with no stated count."``
    """
    parts = []
    routes = layers.routes
    for _, route in routes.head(3).iterrows():
        if route["count"] is not None and not _isna(route["count"]):
            parts.append(
                f"{route['count']} cameras reported along the route from "
                f"{route['start']} to {route['end']}"
            )
        else:
            parts.append(
                f"cameras reported along the route from {route['start']} to {route['end']}"
            )
    if len(routes) > 3:
        parts.append(f"{len(routes) - 3} more routes")
    named = layers.sites[["count", "name"]]  # not a copy of every column of every site
    counted = named[named["count"].notna()]
    if len(counted) <= 3:
        parts.extend(f"{c} at {n}" for c, n in zip(counted["count"], counted["name"], strict=True))
    else:
        top = counted.sort_values("count", ascending=False, kind="stable").head(3)
        most = ", ".join(f"{c} at {n}" for c, n in zip(top["count"], top["name"], strict=True))
        parts.append(
            f"{int(counted['count'].sum()):,} cameras at {len(counted):,} sites with a stated "
            f"count (most: {most})"
        )
    unknown = int(layers.sites["count"].isna().sum())
    if unknown:
        parts.append(f"{unknown:,} site{'s' if unknown != 1 else ''} with no stated count")
    if not parts:
        return "No camera sites were found."
    text = "; ".join(parts) + "."
    return text[0].upper() + text[1:]


def _isna(value: Any) -> bool:
    try:
        return bool(value != value) or value is None or str(value) == "<NA>"
    except TypeError:
        return str(value) == "<NA>"
