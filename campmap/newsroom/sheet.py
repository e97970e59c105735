"""The review sheet: one row per candidate campmap decided on, with columns for the reviewer.

:func:`write_review` writes one row per site, route, context place and
unresolved mention, with what campmap decided and why, the least sure first,
and empty columns for the reviewer right after the name
(:mod:`campmap.newsroom.decisions` reads them back). Beside it goes the guide
to its columns (:mod:`campmap.newsroom.columns`). A sheet written again keeps
the earlier decisions, flagging those made on another count or quote than this
run's (the ``stale`` column).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
from shapely.geometry import Point

from campmap.atomic import prepare_dir, replace_all
from campmap.export.sites_csv import write_csv
from campmap.gazetteer import Gazetteer, default_gazetteer
from campmap.geometry import site_point
from campmap.layer.cite import SOURCE_COLUMNS
from campmap.layer.layers import Layers, OutdatedDecision
from campmap.newsroom.columns import COLUMN_GUIDE, GUIDE_HEADER, REVIEW_COLUMNS, columns_path
from campmap.newsroom.decisions import (
    REVIEWER_COLUMNS,
    Decision,
    quote_hash,
    stale_reason,
    unresolved_id,
)
from campmap.records import Role

__all__ = ["REVIEW_COLUMNS", "decided_on", "review_rows", "write_review"]


def review_rows(layers: Layers, gazetteer: Gazetteer | None = None) -> list[dict[str, Any]]:
    """Return the review sheet's rows, the least sure first.

    Sites, routes, context places and unresolved mentions, sorted by campmap's
    confidence in its decision, lowest first (stable: in that order on a tie).
    """
    return _plain_rows(layers, gazetteer or default_gazetteer())


def decided_on(layers: Layers) -> dict[str, tuple[int | None, str]]:
    """Return what a decision on each row would be made on now: the count and the quote."""
    return {row["site_id"]: (row["count"], row["quote"]) for row in _plain_rows(layers)}


def _plain_rows(layers: Layers, gazetteer: Gazetteer | None = None) -> list[dict[str, Any]]:
    """Return the sheet's rows; the alternatives column stays empty without a gazetteer."""
    rows: list[dict[str, Any]] = []
    for _, site in layers.sites.iterrows():
        rows.append(
            _row(site["site_id"], "site", "site", site["name"], site["count"], site["status"],
                 site.geometry, site["reasons"] or "cameras placed there", site["quote"],
                 site["sources"],
                 _alternatives(gazetteer, site["name"], site["site_id"]) if gazetteer else "",
                 confidence=site["confidence"], camera=site["camera"], cited=site)
        )  # fmt: skip
    for _, route in layers.routes.iterrows():
        middle = route.geometry.interpolate(0.5, normalized=True)
        rows.append(
            _row(route["route_id"], "route", "route", route["name"], route["count"],
                 route["status"], middle, route["follows"], route["quote"], route["sources"], "",
                 confidence=route["confidence"], camera=route["camera"], cited=route)
        )  # fmt: skip
    placed = set(layers.sites["site_id"])
    seen: set[str] = set()
    for mention in layers.mentions:
        place = mention.place
        if mention.role is not Role.CONTEXT or place is None or place.id in placed:
            continue
        if place.id in seen:
            continue
        seen.add(place.id)
        point, _ = site_point(place)
        rows.append(
            _row(place.id, "context", "not a site", place.name, None, "context", point,
                 mention.reason, mention.sentence.text, "; ".join(mention.sentence.sources), "",
                 confidence=mention.confidence, camera=mention.camera)
        )  # fmt: skip
    for item in layers.unresolved:
        rows.append(
            _row(unresolved_id(item.text), "unresolved", "unresolved", item.text, item.count,
                 item.role, None, "no gazetteer place matches", item.quote,
                 "; ".join(item.sources), "; ".join(item.candidates),
                 confidence=item.confidence, camera=item.camera)
        )  # fmt: skip
    rows.sort(key=lambda row: 2.0 if row["confidence"] is None else row["confidence"])
    return rows


def _row(
    site_id: str,
    kind: str,
    decision: str,
    name: str,
    count: Any,
    status: str,
    point: Point | None,
    why: str,
    quote: str,
    sources: str,
    alternatives: str,
    *,
    confidence: Any = None,
    camera: str = "",
    cited: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    sure = None if confidence is None or pd.isna(confidence) else round(float(confidence), 3)
    return {
        "site_id": site_id,
        "type": kind,
        "campmap_decision": decision,
        "confidence": sure,
        "name": name,
        "count": None if count is None or count is pd.NA else int(count),
        "status": status,
        "camera": camera,
        "lon": None if point is None else round(point.x, 7),
        "lat": None if point is None else round(point.y, 7),
        "why": why,
        "quote": quote,
        "sources": sources,
        **{c: _text(cited.get(c)) if cited is not None else "" for c in SOURCE_COLUMNS},
        "alternatives": alternatives,
        **dict.fromkeys(REVIEWER_COLUMNS, ""),
        "decided_on_count": None if count is None or count is pd.NA else int(count),
        "decided_on_quote": quote_hash(quote),
        "stale": "",
    }


def _alternatives(gazetteer: Gazetteer, name: str, site_id: str) -> str:
    close = [
        p.name for p, score in gazetteer.suggest(name, limit=4) if p.id != site_id and score >= 80
    ]
    return "; ".join(close[:3])


def write_review(
    layers: Layers,
    path: str | Path,
    gazetteer: Gazetteer | None = None,
    previous: Sequence[Decision] = (),
) -> list[OutdatedDecision]:
    """Write the review sheet as CSV (atomically), keeping earlier decisions.

    The guide to the sheet's columns (who fills each in, and what it means)
    is written beside it, as :func:`~campmap.newsroom.columns.columns_path`
    says (``review.csv`` gets ``review-columns.csv``); both or neither.

    Parameters
    ----------
    layers : Layers
        The run to review.
    path : str or pathlib.Path
        The CSV file to write.
    gazetteer : Gazetteer, optional
        For the alternatives column.
    previous : sequence of Decision
        Decisions from an earlier sheet: copied onto their rows with what they
        were made on (a decision that does not say takes this run's count and
        quote); a row whose count or quote has changed since gets the change in
        its ``stale`` column. Decisions whose id is not in this run are kept at
        the end, of type ``stale``.

    Returns
    -------
    list of OutdatedDecision
        The decisions flagged stale, with their line in the earlier sheet and
        what changed.
    """
    target = Path(path)
    rows = review_rows(layers, gazetteer)
    decided = {d.site_id: d for d in previous}
    outdated: list[OutdatedDecision] = []
    for row in rows:
        decision = decided.pop(row["site_id"], None)
        if decision is None:
            continue
        row.update(_reviewer_part(decision))
        if decision.decided_on_quote:
            row["stale"] = stale_reason(decision, row["count"], row["quote"])
            row["decided_on_count"] = _count_cell(decision.decided_on_count)
            row["decided_on_quote"] = decision.decided_on_quote
            if row["stale"]:
                outdated.append(decision.outdated(row["stale"]))
    for decision in decided.values():
        rows.append({**dict.fromkeys(REVIEW_COLUMNS, ""), "site_id": decision.site_id,
                     "type": "stale", **_reviewer_part(decision)})  # fmt: skip

    def write(temp: Path) -> None:
        with temp.open("w", encoding="utf-8", newline="") as handle:
            write_csv(handle, REVIEW_COLUMNS, ([row[c] for c in REVIEW_COLUMNS] for row in rows))

    def write_guide(temp: Path) -> None:
        with temp.open("w", encoding="utf-8", newline="") as handle:
            write_csv(handle, GUIDE_HEADER, ((c, *COLUMN_GUIDE[c]) for c in REVIEW_COLUMNS))

    guide = columns_path(target)
    replace_all(prepare_dir(target.parent), [(target.name, write), (guide.name, write_guide)])
    return outdated


def _count_cell(count: int | None) -> int | str:
    return "" if count is None else count


def _reviewer_part(decision: Decision) -> dict[str, Any]:
    return {
        "action": decision.action,
        "move_to": decision.move_to,
        "set_count": _count_cell(decision.set_count),
        "verification": decision.verification,
        "note": decision.note,
        "decided_on_count": _count_cell(decision.decided_on_count),
        "decided_on_quote": decision.decided_on_quote,
    }


def _text(value: Any) -> str:
    """Return a cell of a layer row as text (empty for None, NaN or NA)."""
    return "" if value is None or pd.isna(value) else str(value)
