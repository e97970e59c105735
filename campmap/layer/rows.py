"""One layer row from the mentions behind it: a site's, a route's, and their OpenStreetMap tags.

Mentions of the same place (across sentences and reports) become one site.
A count stated again (a caption, a syndicated copy) is a restatement, not more
cameras: it is counted once. Different counts for the same site are kept and
flagged (``count_conflict``), and the count is then left unknown.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from campmap.extract.attribution import Attribution
from campmap.extract.kinds import KINDS, camera_type
from campmap.gazetteer import Gazetteer
from campmap.geometry import length_m, route_line, site_point
from campmap.layer.layers import Evidence, Quote, Span
from campmap.layer.tally import Tally
from campmap.records import Mention

__all__ = ["osm_tags", "route_id", "route_row", "site_row"]

_NOBODY = Attribution()

_NONE = Tally()
"""Nothing beyond the given mentions (every row of a plain run)."""


def osm_tags(
    group: Iterable[Mention], tags: Mapping[str, Attribution], more: Tally = _NONE
) -> dict[str, Any]:
    """Return OpenStreetMap's surveillance tags for a site or route, from the reports behind it.

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
        found = tags.get(source, _NOBODY)
        makers.update(found.makers)
        operators.update(found.operators)
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


def _evidence(group: Iterable[Mention]) -> tuple[Quote, ...]:
    return tuple(
        Quote(
            m.sentence.text,
            m.text,
            m.count,
            m.count_text,
            m.status,
            tuple(
                Span(o.source, o.start + m.start, o.start + m.end) for o in m.sentence.occurrences
            ),
        )
        for m in group
    )


def site_row(group: list[Mention], evidence: Evidence, more: Tally = _NONE) -> dict[str, Any]:
    """Return the row of the site that ``group``'s mentions (all of one place) make.

    Its :data:`~campmap.layer.columns.SITE_COLUMNS` up to ``deployments``,
    with ``place_geometry`` and ``geometry``; the rest is :func:`osm_tags`'.
    Records the mentions as the site's ``evidence``.
    """
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


def route_row(
    start: Mention,
    end: Mention,
    group: list[Mention],
    gazetteer: Gazetteer,
    evidence: Evidence,
    more: Tally = _NONE,
) -> dict[str, Any]:
    """Return the row of the route from ``start`` to ``end`` that ``group``'s mentions make.

    Its :data:`~campmap.layer.columns.ROUTE_COLUMNS` up to ``mentions``, with
    ``geometry``: along a street of ``gazetteer`` when one joins the ends.
    Records one mention a sentence as the route's ``evidence``.
    """
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
