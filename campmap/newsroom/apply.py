"""A reviewer's decisions applied to a run's layers.

:func:`apply_review` rejects, accepts, moves and corrects sites and routes as
a reviewer's sheet says (:mod:`campmap.newsroom.decisions`), and makes sites
of the context places and unresolved mentions the reviewer places. What it
did is the layers' :class:`~campmap.layer.layers.ReviewSummary`: a decision
whose id no longer matches anything in the run is listed as stale, never
dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

import geopandas as gpd
import pandas as pd
from shapely.geometry import Point

from campmap.errors import MoveTooFarError, ReviewError
from campmap.extract.attribution import attribute_sources
from campmap.gazetteer import Gazetteer, default_gazetteer
from campmap.geometry import geodesic_m, site_point
from campmap.layer.cite import citations, cited_labels, source_columns
from campmap.layer.columns import COLUMN_TYPES, CRS, typed
from campmap.layer.layers import (
    Evidence,
    Layers,
    OutdatedDecision,
    Quote,
    ReviewSummary,
    Span,
    StaleDecision,
    Unresolved,
)
from campmap.layer.rows import osm_tags, site_row
from campmap.newsroom.decisions import MAX_MOVE_KM, Decision, stale_reason, unresolved_id
from campmap.newsroom.sheet import decided_on
from campmap.records import Role

__all__ = ["apply_review"]

_ID_FORMS = re.compile(r"^(?:route-.+-to-.+|junction-.+|unresolved-[0-9a-f]{10})$")
"""Ids campmap writes for rows that are not gazetteer places."""


def apply_review(
    layers: Layers,
    decisions: Iterable[Decision],
    gazetteer: Gazetteer | None = None,
    *,
    label: str = "review",
) -> Layers:
    """Apply reviewer decisions to a run's layers.

    ``reject`` removes a site or route; ``accept`` confirms it, and makes a
    context place a site; ``move`` puts a site (or an unresolved mention) at
    another gazetteer place or at ``lat, lon``; ``set_count``,
    ``verification`` and ``note`` set those columns. Decisions are matched on
    ``site_id``; those matching nothing in this run are listed under
    ``layers.review.stale``, and those made on another count or quote than
    this run's (see :func:`~campmap.newsroom.decisions.stale_reason`) are
    applied and listed under ``layers.review.outdated``.

    Raises
    ------
    ReviewError
        An id that campmap could never have written, a route moved, a place
        name that the gazetteer does not know, an unresolved mention accepted
        without a place.
    MoveTooFarError
        A move of a site or context place more than :data:`MAX_MOVE_KM`
        from where campmap put it (latitude and longitude swapped, most often).
    """
    review = _Review(layers, gazetteer or default_gazetteer(), label)
    for decision in decisions:
        review.apply(decision)
    return review.result()


class _Review:
    """The layers as the decisions so far leave them, and what was done."""

    def __init__(self, layers: Layers, gazetteer: Gazetteer, label: str) -> None:
        self.layers = layers
        self.gazetteer = gazetteer
        self.label = label
        self.sites = layers.sites.copy()
        self.routes = layers.routes.copy()
        self.evidence = dict(layers.evidence)
        self.unresolved = list(layers.unresolved)
        self.context = {
            m.place.id: m for m in layers.mentions if m.role is Role.CONTEXT and m.place
        }
        self.waiting = {unresolved_id(item.text): item for item in self.unresolved}
        self.attributions = attribute_sources(layers.document)
        self.tags = osm_tags([], {})
        self.applied: list[str] = []
        self.stale: list[StaleDecision] = []
        self.outdated: list[OutdatedDecision] = []
        self.new_rows: list[dict[str, Any]] = []
        self.made_on = decided_on(layers)
        self.citations = dict(layers.citations)

    def cited(self, site_id: str, labels: Sequence[str]) -> dict[str, Any]:
        """Return a new site's source columns (its reports cited by outlet and date)."""
        index = citations(self.layers.document.sources, labels)
        columns, self.citations[site_id] = source_columns(labels, index)
        return columns

    def apply(self, decision: Decision) -> None:
        """Apply one decision, or list it as stale; refuse one campmap could not have made."""
        sid, gazetteer, label = decision.site_id, self.gazetteer, self.label
        if sid in self.made_on and (reason := stale_reason(decision, *self.made_on[sid])):
            self.outdated.append(decision.outdated(reason))
        if sid in set(self.sites["site_id"]):
            self.sites = _apply_to_site(self.sites, decision, gazetteer, label)
        elif sid in set(self.routes["route_id"]):
            self.routes = _apply_to_route(self.routes, decision, label)
        elif sid in self.context and decision.action in ("accept", "move"):
            mention = replace(self.context[sid], role=Role.SITE)
            row = site_row([mention], self.evidence) | osm_tags([mention], self.attributions)
            row |= self.cited(sid, cited_labels([mention]))
            self.new_rows.append(_with_decision(row, decision, gazetteer, label))
        elif sid in self.waiting and decision.action == "move":
            item = self.waiting.pop(sid)
            tags = self.tags | self.cited(sid, item.sources)
            self.new_rows.append(
                _placed_unresolved(item, decision, gazetteer, self.evidence, label, tags)
            )
            self.unresolved = [u for u in self.unresolved if u is not item]
        elif sid in self.waiting and decision.action == "accept":
            raise ReviewError(
                label,
                "column move_to: an unresolved mention needs 'move' and a place to be mapped",
                decision.line,
            )
        elif (
            sid in self.context or sid in self.waiting or gazetteer.get(sid) or _ID_FORMS.match(sid)
        ):
            self.stale.append(StaleDecision(sid, decision.line, decision.action, decision.note))
            return
        else:
            raise ReviewError(
                label,
                f"column site_id: unknown site id {sid!r} (not a site, route, gazetteer place "
                "or unresolved mention campmap wrote)",
                decision.line,
            )
        self.applied.append(sid)

    def result(self) -> Layers:
        """Return the reviewed layers, with a summary of what the review did."""
        sites = self.sites
        if self.new_rows:
            extra = gpd.GeoDataFrame(pd.DataFrame(self.new_rows), geometry="geometry", crs=CRS)
            extra["place_geometry"] = gpd.GeoSeries(extra["place_geometry"], crs=CRS)
            sites = pd.concat([sites, extra[sites.columns]], ignore_index=True)
            sites = sites.sort_values("site_id", kind="stable").reset_index(drop=True)
            sites = typed(sites, COLUMN_TYPES)
        summary = ReviewSummary(tuple(self.applied), tuple(self.stale), tuple(self.outdated))
        return replace(
            self.layers,
            sites=gpd.GeoDataFrame(sites, geometry="geometry", crs=CRS),
            routes=self.routes,
            unresolved=tuple(self.unresolved),
            evidence=self.evidence,
            review=summary,
            citations=self.citations,
        )


def _apply_to_site(
    sites: gpd.GeoDataFrame, decision: Decision, gazetteer: Gazetteer, label: str
) -> gpd.GeoDataFrame:
    index = sites.index[sites["site_id"] == decision.site_id][0]
    if decision.action == "reject":
        return sites.drop(index=index).reset_index(drop=True)
    row = _with_decision(sites.loc[index].to_dict(), decision, gazetteer, label)
    for key, value in row.items():
        sites.at[index, key] = value
    return sites


def _with_decision(
    row: dict[str, Any], decision: Decision, gazetteer: Gazetteer, label: str
) -> dict[str, Any]:
    if decision.action == "move":
        moved = _moved(decision, gazetteer, label)
        if isinstance(row.get("geometry"), Point):
            _check_move_distance(row, moved["geometry"], decision, label)
        row.update(moved)
    if decision.set_count is not None:
        row["count"] = decision.set_count
        row["count_text"] = f"{decision.set_count} (set by reviewer)"
        row["count_conflict"] = None
    if decision.verification:
        row["verification"] = decision.verification
    if decision.note:
        row["review_note"] = decision.note
    return row


def _moved(decision: Decision, gazetteer: Gazetteer, label: str) -> dict[str, Any]:
    coordinates = decision.coordinates
    if coordinates is not None:
        lat, lon = coordinates
        point = Point(lon, lat)
        return {
            "geometry": point,
            "place_geometry": point,
            "place_kind": "point",
            "kind": "reviewed",
            "uncertainty_m": 0.0,
            "backend": "review",
            "coordinate_source": f"placed by the reviewer ({label}, line {decision.line})",
        }
    found = gazetteer.lookup(decision.move_to)
    if not found:
        raise ReviewError(
            label, f"column move_to: no place known as {decision.move_to!r}", decision.line
        )
    place = found[0]
    point, uncertainty = site_point(place)
    return {
        "name": place.name,
        "geometry": point,
        "place_geometry": place.geometry,
        "place_kind": place.place_kind,
        "kind": place.kind,
        "uncertainty_m": uncertainty,
        "place_id": place.id,
        "backend": place.backend,
        "coordinate_source": place.source,
    }


def _check_move_distance(
    row: dict[str, Any], target: Point, decision: Decision, label: str
) -> None:
    """Refuse a move that lands more than :data:`MAX_MOVE_KM` from the row's point."""
    here: Point = row["geometry"]
    km = geodesic_m(here, target) / 1000
    if km <= MAX_MOVE_KM:
        return
    where = f"{km:,.0f} km from {row['name']} ({here.y:.5f}, {here.x:.5f})"
    if decision.coordinates is None:
        hint = "is that the place meant? Give another place name, or 'lat, lon'"
    else:
        lat, lon = decision.coordinates
        hint = "latitude and longitude may be swapped: 'lat, lon' is latitude first"
        swapped = Point(lat, lon)  # the cell read the other way round
        if abs(lon) <= 90 and (metres := geodesic_m(here, swapped)) <= MAX_MOVE_KM * 1000:
            hint += f", and '{lon}, {lat}' is {metres:,.0f} m from it"
    raise MoveTooFarError(
        label,
        f"column move_to: {decision.move_to!r} lands {where}; a move goes at most "
        f"{MAX_MOVE_KM} km; {hint}",
        decision.line,
    )


def _apply_to_route(routes: gpd.GeoDataFrame, decision: Decision, label: str) -> gpd.GeoDataFrame:
    if decision.action == "move":
        raise ReviewError(label, "column action: a route cannot be moved; reject it", decision.line)
    index = routes.index[routes["route_id"] == decision.site_id][0]
    if decision.action == "reject":
        return routes.drop(index=index).reset_index(drop=True)
    if decision.set_count is not None:
        routes.at[index, "count"] = decision.set_count
        routes.at[index, "count_text"] = f"{decision.set_count} (set by reviewer)"
    if decision.verification:
        routes.at[index, "verification"] = decision.verification
    if decision.note:
        routes.at[index, "review_note"] = decision.note
    return routes


def _placed_unresolved(
    item: Unresolved,
    decision: Decision,
    gazetteer: Gazetteer,
    evidence: Evidence,
    label: str,
    tags: dict[str, Any],
) -> dict[str, Any]:
    moved = _moved(decision, gazetteer, label)
    row: dict[str, Any] = {
        "site_id": decision.site_id,
        "name": item.text,
        "count": item.count,
        "count_text": None,
        "count_conflict": None,
        "status": "installed",
        "quote": item.quote,
        "sources": "; ".join(item.sources),
        "mentions": 1,
        "written_as": item.text,
        "match": "review",
        "place_id": decision.site_id,
        "deployments": 0,
        **tags,
        **moved,
    }
    span = Span(item.source, item.start, item.end)
    evidence[decision.site_id] = (Quote(item.quote, item.text, item.count, None, None, (span,)),)
    return _with_decision(row, replace(decision, action=""), gazetteer, label)
