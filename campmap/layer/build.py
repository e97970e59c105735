"""Merge mentions into one row per site and one per route.

Mentions of the same place (across sentences and reports) become one site.
A count stated again (a caption, a syndicated copy) is a restatement, not more
cameras: it is counted once. Different counts for the same site are kept and
flagged (``count_conflict``), and the count is then left unknown.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import pandas as pd

from campmap.extract.attribution import Attribution, attribute_sources
from campmap.extract.kinds import KINDS, camera_type
from campmap.gazetteer import Gazetteer, default_gazetteer
from campmap.geometry import length_m, route_line, site_point
from campmap.layer.tally import Tally
from campmap.limits import known_count
from campmap.records import Document, Mention, Role

__all__ = ["ROUTE_COLUMNS", "SITE_COLUMNS", "Layers", "build_layers", "route_id"]

SITE_COLUMNS = (
    "site_id", "name", "count", "count_text", "count_conflict", "place_kind", "kind",
    "uncertainty_m", "status", "quote", "sources", "mentions", "written_as", "match",
    "place_id", "backend", "coordinate_source", "deployments", "manufacturer", "operator",
    "man_made", "surveillance:type", "surveillance:zone", "camera:type", "camera", "confidence",
    "reasons", "verification", "review_note",
)  # fmt: skip
"""Columns of :attr:`Layers.sites`, besides ``geometry`` and ``place_geometry``."""

ROUTE_COLUMNS = (
    "route_id", "name", "count", "count_text", "count_conflict", "start", "end",
    "follows", "length_m", "status", "quote", "sources", "mentions", "manufacturer", "operator",
    "man_made", "surveillance:type", "surveillance:zone", "camera:type", "camera", "confidence",
    "reasons", "verification", "review_note",
)  # fmt: skip
"""Columns of :attr:`Layers.routes`, besides ``geometry``."""


@dataclass(frozen=True)
class Layers:
    """What a run found: sites, routes, and what could not be placed.

    Attributes
    ----------
    sites : geopandas.GeoDataFrame
        One row per site, point geometry (see :data:`SITE_COLUMNS`); the
        column ``place_geometry`` keeps the place's real geometry.
    routes : geopandas.GeoDataFrame
        One row per route, line geometry (see :data:`ROUTE_COLUMNS`).
    unresolved : tuple of dict
        Site and route mentions that could not be placed, with their quotes.
    evidence : dict
        Per site or route id, every sentence behind it.
    mentions : tuple of Mention
        Everything the extractor found.
    document : Document
        The sources read.
    review : dict
        What a review sheet changed (``applied`` ids, ``stale`` decisions), when one was applied.
    """

    sites: gpd.GeoDataFrame
    routes: gpd.GeoDataFrame
    unresolved: tuple[dict[str, Any], ...]
    evidence: dict[str, list[dict[str, Any]]] = field(repr=False)
    mentions: tuple[Mention, ...] = field(repr=False)
    document: Document = field(repr=False)
    review: dict[str, Any] = field(default_factory=dict, repr=False)


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
        ``mentions`` (see :class:`Tally`).

    Returns
    -------
    Layers
    """
    gazetteer = gazetteer or default_gazetteer()
    suggest = _Suggestions(gazetteer)
    unresolved: list[dict[str, Any]] = []
    evidence: dict[str, list[dict[str, Any]]] = {}
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
    site_rows = []
    for site_id, group in groups.items():
        more = tallied.get(site_id, _NONE)
        site_rows.append(_site_row(group, evidence, more) | _osm_tags(group, tags, more))
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
        route_rows.append(
            _route_row(start, end, group, gazetteer, evidence, more) | _osm_tags(group, tags, more)
        )
    sites = _frame(site_rows, SITE_COLUMNS, "site_id", extra=("place_geometry",))
    routes = _frame(route_rows, ROUTE_COLUMNS, "route_id")
    return Layers(sites, routes, tuple(unresolved), evidence, tuple(mentions), document)


def _frame(
    rows: list[dict[str, Any]], columns: Sequence[str], key: str, extra: Sequence[str] = ()
) -> gpd.GeoDataFrame:
    frame = pd.DataFrame(rows, columns=[*columns, *extra, "geometry"])
    frame = frame.sort_values(key, kind="stable").reset_index(drop=True)
    frame["count"] = pd.array([known_count(c) for c in frame["count"]], dtype="Int64")
    frame["mentions"] = frame["mentions"].astype("int64")
    frame["confidence"] = frame["confidence"].astype("float64")
    if "deployments" in frame:
        frame["deployments"] = frame["deployments"].astype("int64")
    gdf = gpd.GeoDataFrame(frame, geometry="geometry", crs="EPSG:4326")
    for name in extra:
        gdf[name] = gpd.GeoSeries(gdf[name], crs="EPSG:4326")
    return gdf


def _osm_tags(
    group: Iterable[Mention], tags: Mapping[str, Attribution], more: Tally = _NONE
) -> dict[str, Any]:
    """Return OpenStreetMap's surveillance tags for a site, from the reports behind it.

    Also the camera kind (the most frequent among the mentions), the mounting
    when a quote states it, and how sure campmap is: the highest confidence of
    the mentions, with that mention's reasons.
    """
    group = list(group)
    kinds = Counter(m.camera for m in group if m.camera != "camera")
    kind = KINDS[kinds.most_common(1)[0][0] if kinds else "camera"]
    mounting = next((t for m in group if (t := camera_type(m.sentence.text))), None)
    surest = max(group, key=lambda m: m.confidence, default=None)
    makers: set[str] = set(more.makers)
    operators: set[str] = set(more.operators)
    for source in _sources(group):
        found = tags.get(source, Attribution())
        makers.update(found.manufacturer.split("; ") if found.manufacturer else ())
        operators.update(found.operator.split("; ") if found.operator else ())
    return {
        "manufacturer": ";".join(sorted(makers)) or None,
        "operator": ";".join(sorted(operators)) or None,
        "man_made": "surveillance",
        "surveillance:type": kind.surveillance_type,
        "surveillance:zone": kind.zone,
        "camera:type": mounting,
        "camera": kind.name,
        "confidence": round(surest.confidence, 3) if surest is not None else None,
        "reasons": "; ".join(surest.reasons or (surest.reason,)) if surest is not None else None,
        "verification": "reported",
        "review_note": None,
    }


def _merge_counts(
    group: Iterable[Mention], more: Tally = _NONE
) -> tuple[int | None, str | None, str | None]:
    stated = [(m.count, m.count_text) for m in group if m.count is not None]
    stated += [item for item in more.counts.items() if item[0] not in {c for c, _ in stated}]
    texts = [m.count_text for m in group if m.count_text]
    texts += [more.count_text] if more.count_text else []
    distinct = sorted({count for count, _ in stated})
    if len(distinct) == 1:
        return distinct[0], stated[0][1], None
    if len(distinct) > 1:
        return None, texts[0] if texts else None, "; ".join(str(c) for c in distinct)
    return None, texts[0] if texts else None, None


def _sources(group: Iterable[Mention]) -> list[str]:
    return list(dict.fromkeys(s for m in group for s in m.sentence.sources))


def _listed_sources(group: Iterable[Mention], more: Tally) -> str:
    listed = "; ".join(_sources(group))
    return f"{listed}; and {more.more_sources} more" if more.more_sources else listed


def _best_quote(group: Sequence[Mention]) -> Mention:
    return next((m for m in group if m.count is not None), group[0])


def _status(group: Sequence[Mention], more: Tally = _NONE) -> str:
    return (Counter(m.status for m in group) + Counter(more.statuses)).most_common(1)[0][0]


def _evidence(group: Iterable[Mention]) -> list[dict[str, Any]]:
    return [
        {
            "quote": m.sentence.text,
            "written_as": m.text,
            "count": m.count,
            "count_text": m.count_text,
            "status": m.status,
            "occurrences": [
                {"source": o.source, "start": o.start + m.start, "end": o.start + m.end}
                for o in m.sentence.occurrences
            ],
        }
        for m in group
    ]


def _site_row(
    group: list[Mention], evidence: dict[str, list[dict[str, Any]]], more: Tally = _NONE
) -> dict[str, Any]:
    place = group[0].place
    assert place is not None
    near = next((m.near for m in group if m.near is not None), None)
    point, uncertainty = site_point(place, near)
    rows = [m for m in group if m.table_row is not None]
    count, count_text, conflict = _merge_counts(group, more)
    if rows and len(rows) == len(group) and all(m.count is not None for m in rows):
        # Rows of a deployments table are separate deployments: their cameras add up.
        count = sum(m.count or 0 for m in rows)
        count_text = f"{count} in {len(rows)} deployments" if len(rows) > 1 else str(count)
        conflict = None
    fuzzy = [m for m in group if m.match == "fuzzy"]
    evidence[place.id] = _evidence(group)
    return {
        "site_id": place.id,
        "name": place.name,
        "count": count,
        "count_text": count_text,
        "count_conflict": conflict,
        "place_kind": place.place_kind,
        "kind": place.kind,
        "uncertainty_m": uncertainty,
        "status": _status(group, more),
        "quote": _best_quote(group).sentence.text,
        "sources": _listed_sources(group, more),
        "mentions": len(group) + more.mentions,
        "written_as": "; ".join(dict.fromkeys([*(m.text for m in group), *more.written_as])),
        "match": (
            "fuzzy"
            if fuzzy and len(fuzzy) == len(group) and more.fuzzy == more.mentions
            else "exact"
        ),
        "place_id": place.id,
        "backend": place.backend,
        "coordinate_source": place.source,
        "deployments": len(rows),
        "place_geometry": place.geometry,
        "geometry": point,
    }


def route_id(key: tuple[str, str]) -> str:
    """Return the id of the route between two places (a mention's ``route_key``)."""
    return f"route-{key[0]}-to-{key[1]}"


def _route_groups(mentions: Iterable[Mention]) -> dict[tuple[str, str], list[Mention]]:
    groups: dict[tuple[str, str], list[Mention]] = {}
    for mention in mentions:
        if mention.role is Role.ROUTE and mention.route_key is not None:
            groups.setdefault(mention.route_key, []).append(mention)
    return groups


def _route_row(
    start: Mention,
    end: Mention,
    group: list[Mention],
    gazetteer: Gazetteer,
    evidence: dict[str, list[dict[str, Any]]],
    more: Tally = _NONE,
) -> dict[str, Any]:
    assert start.place is not None and end.place is not None
    via = next(
        (
            m.place
            for m in group
            if m.place is not None and m.place.id not in (start.place.id, end.place.id)
        ),
        None,
    )
    line, follows = route_line(start.place, end.place, gazetteer.lines(), via=via)
    key = route_id((start.place.id, end.place.id))
    # Both ends carry the sentence's count; one mention per sentence stands for it.
    per_sentence = list({m.sentence.index: m for m in group}.values())
    count, count_text, conflict = _merge_counts(per_sentence, more)
    evidence[key] = _evidence(per_sentence)
    return {
        "route_id": key,
        "name": f"{start.place.name} to {end.place.name}",
        "count": count,
        "count_text": count_text,
        "count_conflict": conflict,
        "start": start.place.name,
        "end": end.place.name,
        "follows": follows,
        "length_m": round(length_m(line), 1),
        "status": _status(per_sentence, more),
        "quote": _best_quote(per_sentence).sentence.text,
        "sources": _listed_sources(per_sentence, more),
        "mentions": len(per_sentence) + more.mentions,
        "geometry": line,
    }


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


def _unresolved(mention: Mention, suggest: _Suggestions) -> dict[str, Any]:
    return {
        "text": mention.text,
        "role": mention.role.value,
        "count": known_count(mention.count),
        "status": mention.status,
        "camera": mention.camera,
        "confidence": mention.confidence,
        "reasons": "; ".join(mention.reasons or (mention.reason,)),
        "quote": mention.sentence.text,
        "source": mention.source,
        "sources": "; ".join(mention.sentence.sources),
        "start": mention.source_start,
        "end": mention.source_end,
        "candidates": suggest(mention),
    }
