"""The newsroom loop: a review sheet of campmap's guesses, and the reviewer's decisions applied.

:func:`write_review` writes one row per candidate (site, route, context place,
unresolved mention) with what campmap decided and why, and empty columns for
the reviewer. :func:`read_review` validates a filled-in sheet (an error names
the row and column), and :func:`apply_review` applies it to a run's layers.
Decisions are matched on stable ids, so they survive re-runs; a decision whose
id no longer matches anything in the run is listed as stale, never dropped.

Each decision also records what it was made on: the count and a hash of the
quote campmap showed (``decided_on_count``, ``decided_on_quote``). When a later
run gives that site another count or quote, the decision is flagged stale
(the sheet's ``stale`` column, ``report.json``'s ``review.outdated``, a warning)
until the reviewer checks it again and empties those two cells. Sheets without
the columns (written before they existed) load as before, with nothing flagged.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
from shapely.geometry import Point

from campmap.errors import InputError, ReviewError
from campmap.export.sites_csv import undefuse, write_csv
from campmap.extract.attribution import attribute_sources
from campmap.gazetteer import Gazetteer, default_gazetteer
from campmap.gazetteer.names import normalize
from campmap.geometry import site_point
from campmap.layer.build import Layers, _osm_tags, _site_row
from campmap.limits import MAX_COUNT, MAX_TABLE_ROWS, read_limited
from campmap.records import Role

__all__ = [
    "ACTIONS",
    "REVIEW_COLUMNS",
    "VERIFICATION",
    "Decision",
    "ReviewError",
    "apply_review",
    "quote_hash",
    "read_review",
    "review_rows",
    "stale_reason",
    "unresolved_id",
    "write_review",
]

VERIFICATION = ("reported", "photo-confirmed", "on-site-confirmed", "disputed")
"""Verification statuses a reviewer may set; ``reported`` is what every site starts as."""

ACTIONS = ("accept", "reject", "move")
"""Reviewer actions; an empty action keeps campmap's decision (other columns still apply)."""

REVIEW_COLUMNS = (
    "site_id", "type", "campmap_decision", "confidence", "name", "count", "status", "camera",
    "lon", "lat", "why", "quote", "sources", "alternatives",
    "action", "move_to", "set_count", "verification", "note",
    "decided_on_count", "decided_on_quote", "stale",
)  # fmt: skip
"""Columns of the review sheet: campmap's part, the reviewer's five (``action`` to ``note``),
then what a decision was made on and whether that has changed since (campmap's)."""

REVIEWER_COLUMNS = ("action", "move_to", "set_count", "verification", "note")

BASIS_COLUMNS = ("decided_on_count", "decided_on_quote")
"""Optional: a sheet without them loads, its decisions never flagged stale."""

_COORDINATES = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*[,;\s]\s*(-?\d+(?:\.\d+)?)\s*$")
_ID_FORMS = re.compile(r"^(?:route-.+-to-.+|junction-.+|unresolved-[0-9a-f]{10})$")
_QUOTE_HASH = re.compile(r"^sha256:[0-9a-f]{16}$")


@dataclass(frozen=True, slots=True)
class Decision:
    """One reviewer row.

    Attributes
    ----------
    site_id : str
        The site, route, context place or unresolved mention it is about.
    line : int
        Line of the review file (for messages).
    action : str
        ``""``, ``accept``, ``reject`` or ``move``.
    move_to : str
        A place name, or ``lat, lon``.
    set_count : int or None
        The count the reviewer sets.
    verification : str
        One of :data:`VERIFICATION`, or ``""`` to keep it.
    note : str
        Free text, shown with the site.
    decided_on_count : int or None
        The site's count when the decision was made (None: unknown then).
    decided_on_quote : str
        :func:`quote_hash` of the site's quote then; ``""`` when the sheet does
        not say (an older sheet), and the decision is never flagged stale.
    """

    site_id: str
    line: int
    action: str = ""
    move_to: str = ""
    set_count: int | None = None
    verification: str = ""
    note: str = ""
    decided_on_count: int | None = None
    decided_on_quote: str = ""

    @property
    def coordinates(self) -> tuple[float, float] | None:
        """``(lat, lon)`` when ``move_to`` is coordinates."""
        match = _COORDINATES.match(self.move_to)
        return (float(match.group(1)), float(match.group(2))) if match else None

    @property
    def empty(self) -> bool:
        """Whether the reviewer decided nothing on this row."""
        return not (self.action or self.move_to or self.verification or self.note) and (
            self.set_count is None
        )


def quote_hash(quote: str | None) -> str:
    """Return the short hash a decision keeps of the quote it was made on.

    Prefixed, so a spreadsheet never reads it as a number.

    Examples
    --------
    >>> quote_hash("Four cameras face Leicester Square.")
    'sha256:3cd0c46092b22d98'
    """
    digest = hashlib.sha256((quote or "").encode("utf-8", "surrogatepass")).hexdigest()
    return f"sha256:{digest[:16]}"


def stale_reason(decision: Decision, count: int | None, quote: str | None) -> str:
    """Say how a site's count or quote differs from what a decision was made on.

    Returns ``""`` when nothing changed, or when the decision does not say
    what it was made on.

    Examples
    --------
    >>> d = Decision("x", 2, verification="photo-confirmed", decided_on_count=4,
    ...              decided_on_quote=quote_hash("Four cameras."))
    >>> stale_reason(d, 6, "Six cameras.")
    'count 4 -> 6, quote changed'
    >>> stale_reason(d, 4, "Four cameras.")
    ''
    """
    if not decision.decided_on_quote:
        return ""
    changes = []
    if decision.decided_on_count != count:
        before, now = (
            "unknown" if n is None else str(n) for n in (decision.decided_on_count, count)
        )
        changes.append(f"count {before} -> {now}")
    if decision.decided_on_quote != quote_hash(quote):
        changes.append("quote changed")
    return ", ".join(changes)


def unresolved_id(text: str) -> str:
    """Return the stable id of an unresolved mention (from its normalised words).

    Examples
    --------
    >>> unresolved_id("Tannery Lane") == unresolved_id("tannery lane")
    True
    """
    digest = hashlib.sha256(normalize(text).encode("utf-8")).hexdigest()
    return f"unresolved-{digest[:10]}"


def review_rows(layers: Layers, gazetteer: Gazetteer | None = None) -> list[dict[str, Any]]:
    """Return the review sheet's rows, the least sure first.

    Sites, routes, context places and unresolved mentions, sorted by campmap's
    confidence in its decision, lowest first (stable: in that order on a tie).
    """
    return _plain_rows(layers, gazetteer or default_gazetteer())


def _plain_rows(layers: Layers, gazetteer: Gazetteer | None = None) -> list[dict[str, Any]]:
    """Return the sheet's rows; the alternatives column stays empty without a gazetteer."""
    rows: list[dict[str, Any]] = []
    for _, site in layers.sites.iterrows():
        rows.append(
            _row(site["site_id"], "site", "site", site["name"], site["count"], site["status"],
                 site.geometry, site["reasons"] or "cameras placed there", site["quote"],
                 site["sources"],
                 _alternatives(gazetteer, site["name"], site["site_id"]) if gazetteer else "",
                 confidence=site["confidence"], camera=site["camera"])
        )  # fmt: skip
    for _, route in layers.routes.iterrows():
        middle = route.geometry.interpolate(0.5, normalized=True)
        rows.append(
            _row(route["route_id"], "route", "route", route["name"], route["count"],
                 route["status"], middle, route["follows"], route["quote"], route["sources"], "",
                 confidence=route["confidence"], camera=route["camera"])
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
            _row(unresolved_id(item["text"]), "unresolved", "unresolved", item["text"],
                 item["count"], item["role"], None, "no gazetteer place matches", item["quote"],
                 item["sources"], "; ".join(item["candidates"]),
                 confidence=item.get("confidence"), camera=item.get("camera", ""))
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
) -> list[dict[str, Any]]:
    """Write the review sheet as CSV (atomically), keeping earlier decisions.

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
    list of dict
        The decisions flagged stale: ``site_id``, ``line`` (of the earlier
        sheet), ``verification``, ``note`` and ``stale`` (what changed).
    """
    from campmap.export.atomic import prepare_dir, replace_all

    target = Path(path)
    rows = review_rows(layers, gazetteer)
    decided = {d.site_id: d for d in previous}
    outdated: list[dict[str, Any]] = []
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
                outdated.append(_outdated(decision, row["stale"]))
    for decision in decided.values():
        rows.append({**dict.fromkeys(REVIEW_COLUMNS, ""), "site_id": decision.site_id,
                     "type": "stale", **_reviewer_part(decision)})  # fmt: skip

    def write(temp: Path) -> None:
        with temp.open("w", encoding="utf-8", newline="") as handle:
            write_csv(handle, REVIEW_COLUMNS, ([row[c] for c in REVIEW_COLUMNS] for row in rows))

    replace_all(prepare_dir(target.parent), [(target.name, write)])
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


def _outdated(decision: Decision, reason: str) -> dict[str, Any]:
    return {
        "site_id": decision.site_id,
        "line": decision.line,
        "verification": decision.verification,
        "note": decision.note,
        "stale": reason,
    }


def read_review(path: str | Path) -> list[Decision]:
    """Read and validate a review sheet.

    Raises
    ------
    ReviewError
        Naming the file, the row (line) and the column: a missing column, an
        unknown action or verification status, bad coordinates, a count that
        is not a whole number, a row without a site id, or a site id twice.
    """
    label = str(path)
    try:
        data = read_limited(Path(path), label)
    except InputError as err:
        raise ReviewError(label, err.message) from err
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        bad_line = data[: err.start].count(b"\n") + 1
        raise ReviewError(
            label, "not UTF-8 text; save the review sheet as UTF-8 CSV", bad_line
        ) from err
    # Rows end at \n, \r\n or \r only (newline=""), as a spreadsheet writes them, never at
    # the other breaks str.splitlines() knows (NEL, U+2028, a form feed) that a quote may hold.
    # A NUL is dropped: GDAL would cut a note there in sites.geojson, and no other output would.
    reader = csv.DictReader(io.StringIO(text.replace("\0", ""), newline=""))
    try:
        missing = [c for c in ("site_id", *REVIEWER_COLUMNS) if c not in (reader.fieldnames or [])]
        if missing:
            raise ReviewError(label, f"missing column(s) {', '.join(missing)}", 1)
        return _decisions(label, reader)
    except csv.Error as err:  # e.g. a cell longer than csv.field_size_limit()
        raise ReviewError(label, f"not a CSV row: {err}", reader.line_num + 1) from err


def _decisions(label: str, reader: csv.DictReader[str]) -> list[Decision]:
    decisions: list[Decision] = []
    seen: dict[str, int] = {}
    for number, row in enumerate(reader, start=2):
        if number - 1 > MAX_TABLE_ROWS:
            raise ReviewError(label, f"more than MAX_TABLE_ROWS ({MAX_TABLE_ROWS}) rows", number)
        decision = _decision(label, number, row)
        if decision.site_id in seen:
            raise ReviewError(
                label,
                f"column site_id: {decision.site_id!r} is already on line {seen[decision.site_id]}",
                number,
            )
        seen[decision.site_id] = number
        if not decision.empty:
            decisions.append(decision)
    return decisions


def _decision(label: str, line: int, row: dict[str, str | None]) -> Decision:
    def cell(name: str) -> str:
        return undefuse((row.get(name) or "").strip()).strip()

    site_id = cell("site_id")
    if not site_id:
        raise ReviewError(
            label, "column site_id: empty; every row needs the id campmap wrote", line
        )
    action = cell("action").lower()
    if action and action not in ACTIONS:
        raise ReviewError(
            label, f"column action: {action!r} is not one of {', '.join(ACTIONS)} (or empty)", line
        )
    verification = cell("verification").lower()
    if verification and verification not in VERIFICATION:
        raise ReviewError(
            label,
            f"column verification: {verification!r} is not one of {', '.join(VERIFICATION)}",
            line,
        )
    set_count = _count(label, line, "set_count", cell("set_count"))
    decided_on_quote = cell("decided_on_quote").lower()
    if decided_on_quote and not _QUOTE_HASH.match(decided_on_quote):
        raise ReviewError(
            label,
            f"column decided_on_quote: {decided_on_quote!r} is not what campmap wrote "
            "('sha256:' and 16 hex digits); empty it to have the decision checked again",
            line,
        )
    decided_on_count = _count(label, line, "decided_on_count", cell("decided_on_count"))
    decision = Decision(
        site_id,
        line,
        action,
        cell("move_to"),
        set_count,
        verification,
        cell("note"),
        decided_on_count if decided_on_quote else None,
        decided_on_quote,
    )
    if action == "move" and not decision.move_to:
        raise ReviewError(
            label, "column move_to: empty; 'move' needs a place name or 'lat, lon'", line
        )
    if decision.move_to and action != "move":
        raise ReviewError(
            label, "column action: move_to is filled in but the action is not 'move'", line
        )
    coordinates = decision.coordinates
    if coordinates is not None:
        lat, lon = coordinates
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ReviewError(
                label, f"column move_to: {decision.move_to!r} is not 'lat, lon' in degrees", line
            )
    elif decision.move_to and re.fullmatch(r"[-\d.,;\s]+", decision.move_to):
        raise ReviewError(
            label, f"column move_to: {decision.move_to!r} is not 'lat, lon' in degrees", line
        )
    return decision


def _count(label: str, line: int, column: str, text: str) -> int | None:
    if not text:
        return None
    if not re.fullmatch(r"[0-9]+", text):
        raise ReviewError(
            label, f"column {column}: {text!r} is not a whole number of cameras", line
        )
    if int(text) > MAX_COUNT:
        raise ReviewError(
            label, f"column {column}: more than MAX_COUNT ({MAX_COUNT}) cameras", line
        )
    return int(text)


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
    ``layers.review["stale"]``, and those made on another count or quote than
    this run's (see :func:`stale_reason`) are applied and listed under
    ``layers.review["outdated"]``.

    Raises
    ------
    ReviewError
        An id that campmap could never have written, a route moved, a place
        name that the gazetteer does not know, an unresolved mention accepted
        without a place.
    """
    gazetteer = gazetteer or default_gazetteer()
    sites = layers.sites.copy()
    routes = layers.routes.copy()
    evidence = dict(layers.evidence)
    unresolved = list(layers.unresolved)
    context = {m.place.id: m for m in layers.mentions if m.role is Role.CONTEXT and m.place}
    waiting = {unresolved_id(item["text"]): item for item in unresolved}
    attributions = attribute_sources(layers.document)
    tags = _osm_tags([], {})
    applied: list[str] = []
    stale: list[dict[str, Any]] = []
    outdated: list[dict[str, Any]] = []
    new_rows: list[dict[str, Any]] = []
    made_on = {row["site_id"]: (row["count"], row["quote"]) for row in _plain_rows(layers)}
    for decision in decisions:
        sid = decision.site_id
        if sid in made_on and (reason := stale_reason(decision, *made_on[sid])):
            outdated.append(_outdated(decision, reason))
        if sid in set(sites["site_id"]):
            sites = _apply_to_site(sites, decision, gazetteer, label)
        elif sid in set(routes["route_id"]):
            routes = _apply_to_route(routes, decision, label)
        elif sid in context and decision.action in ("accept", "move"):
            mention = replace(context[sid], role=Role.SITE)
            row = _site_row([mention], evidence) | _osm_tags([mention], attributions)
            new_rows.append(_with_decision(row, decision, gazetteer, label))
        elif sid in waiting and decision.action == "move":
            item = waiting.pop(sid)
            row = _placed_unresolved(item, decision, gazetteer, evidence, label, tags)
            new_rows.append(row)
            unresolved = [u for u in unresolved if u is not item]
        elif sid in waiting and decision.action == "accept":
            raise ReviewError(
                label,
                "column move_to: an unresolved mention needs 'move' and a place to be mapped",
                decision.line,
            )
        elif sid in context or sid in waiting or gazetteer.get(sid) or _ID_FORMS.match(sid):
            stale.append({"site_id": sid, "line": decision.line, "action": decision.action,
                          "note": decision.note})  # fmt: skip
            continue
        else:
            raise ReviewError(
                label,
                f"column site_id: unknown site id {sid!r} (not a site, route, gazetteer place "
                "or unresolved mention campmap wrote)",
                decision.line,
            )
        applied.append(sid)
    if new_rows:
        extra = gpd.GeoDataFrame(pd.DataFrame(new_rows), geometry="geometry", crs="EPSG:4326")
        extra["place_geometry"] = gpd.GeoSeries(extra["place_geometry"], crs="EPSG:4326")
        sites = pd.concat([sites, extra[sites.columns]], ignore_index=True)
        sites = sites.sort_values("site_id", kind="stable").reset_index(drop=True)
        sites["count"] = sites["count"].astype("Int64")
        sites["mentions"] = sites["mentions"].astype("int64")
    review = {"applied": applied, "stale": stale, "outdated": outdated}
    return replace(
        layers,
        sites=gpd.GeoDataFrame(sites, geometry="geometry", crs="EPSG:4326"),
        routes=routes,
        unresolved=tuple(unresolved),
        evidence=evidence,
        review=review,
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
        row.update(_moved(decision, gazetteer, label))
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
    item: dict[str, Any],
    decision: Decision,
    gazetteer: Gazetteer,
    evidence: dict[str, list[dict[str, Any]]],
    label: str,
    tags: dict[str, Any],
) -> dict[str, Any]:
    moved = _moved(decision, gazetteer, label)
    row: dict[str, Any] = {
        "site_id": decision.site_id,
        "name": item["text"],
        "count": item["count"],
        "count_text": None,
        "count_conflict": None,
        "status": "installed",
        "quote": item["quote"],
        "sources": item["sources"],
        "mentions": 1,
        "written_as": item["text"],
        "match": "review",
        "place_id": decision.site_id,
        **tags,
        **moved,
    }
    evidence[decision.site_id] = [{"quote": item["quote"], "written_as": item["text"],
                                   "count": item["count"], "occurrences": [
                                       {"source": item["source"], "start": item["start"],
                                        "end": item["end"]}]}]  # fmt: skip
    return _with_decision(row, replace(decision, action=""), gazetteer, label)
