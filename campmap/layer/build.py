"""Merge mentions into one row per site and one per route: the layers of a run.

:func:`build_layers` groups the placed mentions by place (a site) and by
their two ends (a route), and makes each group a row
(:mod:`campmap.layer.rows`); the mentions no place fits are kept as
:class:`~campmap.layer.layers.Unresolved`, with the closest names known.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import geopandas as gpd
import pandas as pd

from campmap.extract.attribution import Attribution, attribute_sources
from campmap.gazetteer import Gazetteer, default_gazetteer
from campmap.layer.cite import Citation, citations, cited_labels, source_columns
from campmap.layer.columns import CRS, ROUTE_COLUMNS, SITE_COLUMNS, known_counts, typed
from campmap.layer.layers import Evidence, Layers, Unresolved
from campmap.layer.rows import osm_tags, route_id, route_row, site_row
from campmap.layer.tally import Tally
from campmap.limits import known_count
from campmap.records import Document, Mention, Role

__all__ = ["ROUTE_COLUMNS", "SITE_COLUMNS", "Layers", "build_layers", "route_id"]


_NONE = Tally()


def build_layers(
    document: Document,
    mentions: Sequence[Mention],
    gazetteer: Gazetteer | None = None,
    *,
    tags: Mapping[str, Attribution] | None = None,
    tallies: Mapping[str, Tally] | None = None,
) -> Layers:
    """Build the site and route layers from extracted mentions.

    Parameters
    ----------
    document : Document
        The sources the mentions came from.
    mentions : sequence of Mention
        From :func:`campmap.extract`.
    gazetteer : Gazetteer, optional
        Streets that routes may follow, and name suggestions for unresolved
        mentions; the embedded gazetteer by default.
    tags : mapping, optional
        Makers and operators per source label, when already known; found in
        the document otherwise.
    tallies : mapping, optional
        Per site id or route id, further mentions counted but not given in
        ``mentions`` (see :class:`~campmap.layer.tally.Tally`).

    Returns
    -------
    Layers
    """
    gazetteer = gazetteer or default_gazetteer()
    suggest = _Suggestions(gazetteer)
    unresolved: list[Unresolved] = []
    evidence: Evidence = {}
    groups: dict[str, list[Mention]] = {}
    for mention in mentions:
        if mention.role is Role.SITE:
            if mention.place is None:
                unresolved.append(_unresolved(mention, suggest))
            else:
                groups.setdefault(mention.place.id, []).append(mention)
    route_groups = _route_groups(mentions)
    tallied = dict(tallies or {})
    # "Cameras line Whitehall" beside "cameras along Whitehall from A to B": one claim, the route.
    for key, group in route_groups.items():
        for street in {m.place.id for m in group if m.place and m.place.id not in key}:
            site = groups.get(street, [])
            more = tallied.get(street, _NONE)
            if site and all(m.count is None for m in site) and not more.counts:
                group.extend(groups.pop(street))
                if street in tallied:
                    rid = route_id(key)
                    tallied[rid] = tallied.get(rid, _NONE).plus(tallied.pop(street))
    tags = attribute_sources(document) if tags is None else tags
    labels = {k: cited_labels(g) for k, g in [*groups.items(), *route_groups.items()]}
    index = citations(document.sources, (label for ls in labels.values() for label in ls))
    cited: dict[str, tuple[Citation, ...]] = {}
    site_rows = []
    for site_id, group in groups.items():
        more = tallied.get(site_id, _NONE)
        columns, cited[site_id] = source_columns(labels[site_id], index, more)
        site_rows.append(site_row(group, evidence, more) | osm_tags(group, tags, more) | columns)
    route_rows = []
    for key, group in route_groups.items():
        ends = [m for m in group if m.route_key is not None]
        start = next((m for m in ends if m.place and m.place.id == key[0]), None)
        end = next((m for m in ends if m.place and m.place.id == key[1]), None)
        if start is None or end is None or start.place is None or end.place is None:
            for m in ends:
                if m.place is None:
                    unresolved.append(_unresolved(m, suggest))
            continue
        more = tallied.get(route_id(key), _NONE)
        columns, cited[route_id(key)] = source_columns(labels[key], index, more)
        route_rows.append(
            route_row(start, end, group, gazetteer, evidence, more)
            | osm_tags(group, tags, more)
            | columns
        )
    sites = _frame(site_rows, SITE_COLUMNS, "site_id", extra=("place_geometry",))
    routes = _frame(route_rows, ROUTE_COLUMNS, "route_id")
    return Layers(
        sites, routes, tuple(unresolved), evidence, tuple(mentions), document, citations=cited
    )


def _frame(
    rows: list[dict[str, Any]], columns: Sequence[str], key: str, extra: Sequence[str] = ()
) -> gpd.GeoDataFrame:
    frame = pd.DataFrame(rows, columns=[*columns, *extra, "geometry"])
    frame = frame.sort_values(key, kind="stable").reset_index(drop=True)
    frame["count"] = known_counts(frame["count"])
    frame = typed(frame, ("mentions", "confidence", "deployments"))
    gdf = gpd.GeoDataFrame(frame, geometry="geometry", crs=CRS)
    for name in extra:
        gdf[name] = gpd.GeoSeries(gdf[name], crs=CRS)
    return gdf


def _route_groups(mentions: Iterable[Mention]) -> dict[tuple[str, str], list[Mention]]:
    groups: dict[tuple[str, str], list[Mention]] = {}
    for mention in mentions:
        if mention.role is Role.ROUTE and mention.route_key is not None:
            groups.setdefault(mention.route_key, []).append(mention)
    return groups


class _Suggestions:
    """The closest known names to an unplaced name, asked once per name (archives repeat them)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.known: dict[str, list[str]] = {}

    def __call__(self, mention: Mention) -> list[str]:
        """Closest names; for a name several places share, each namesake with its id."""
        if len(mention.candidates) > 1:
            return [f"{place.name} ({place.id})" for place in mention.candidates]
        if mention.text not in self.known:
            found = self.gazetteer.suggest(mention.text, limit=3)
            self.known[mention.text] = [place.name for place, _ in found]
        return list(self.known[mention.text])


def _unresolved(mention: Mention, suggest: _Suggestions) -> Unresolved:
    return Unresolved(
        text=mention.text,
        role=mention.role.value,
        count=known_count(mention.count),
        status=mention.status,
        camera=mention.camera,
        confidence=mention.confidence,
        reasons=mention.reasons or (mention.reason,),
        quote=mention.sentence.text,
        source=mention.source,
        sources=mention.sentence.sources,
        start=mention.source_start,
        end=mention.source_end,
        candidates=tuple(suggest(mention)),
    )
