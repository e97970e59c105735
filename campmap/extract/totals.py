"""Counts stated away from the site: a report with one site and its cameras counted elsewhere.

``New CCTV cameras have been installed on the High Street.`` and, two
sentences on, ``Installation of three cameras was completed in May.``: when a
report names one camera site only, a count of cameras in a sentence that puts
cameras up but names no place is that site's count, if every such count
agrees.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from campmap.extract.counts import CountKind, camera_counts
from campmap.extract.topic import DEPLOYED
from campmap.gazetteer.names import lowercase
from campmap.records import Mention, Role, Sentence

__all__ = ["count_lone_site"]

COUNTED_ELSEWHERE = "the report's one site, counted in another sentence"


def count_lone_site(mentions: Sequence[Mention], sentences: Sequence[Sentence]) -> list[Mention]:
    """Give each report's only site the camera count stated in its place-less sentences.

    Parameters
    ----------
    mentions : sequence of Mention
        The mentions of a document (one report or several), in order.
    sentences : sequence of Sentence
        The document's sentences.

    Returns
    -------
    list of Mention
        The mentions, a lone site's first mention counted when its report says how many.
    """
    out = list(mentions)
    for label in dict.fromkeys(m.source for m in mentions):
        own = [m for m in out if m.source == label]
        counted = _count_lone_site(own, [s for s in sentences if s.source == label])
        replaced = {id(a): b for a, b in zip(own, counted, strict=True) if a is not b}
        out = [replaced.get(id(m), m) for m in out]
    return out


def _count_lone_site(mentions: Sequence[Mention], sentences: Sequence[Sentence]) -> list[Mention]:
    sites = [m for m in mentions if m.role in (Role.SITE, Role.ROUTE)]
    keys = {(m.place.id if m.place else " ".join(m.text.lower().split())) for m in sites}
    if len(keys) != 1 or any(m.count is not None or m.count_text for m in sites):
        return list(mentions)
    with_places = {m.sentence.index for m in mentions}
    found: set[tuple[int, str]] = set()
    for sentence in sentences:
        if sentence.index in with_places:
            continue
        low = lowercase(sentence.text)
        if not DEPLOYED.search(low):
            continue
        for number, kind in camera_counts(sentence.text, True, low):
            if kind is CountKind.CAMERAS and number.value is not None:
                found.add((number.value, number.text))
    if len({value for value, _ in found}) != 1:
        return list(mentions)
    value, text = min(found)
    first = sites[0]
    counted = dataclasses.replace(
        first, count=value, count_text=text, reasons=(*first.reasons, COUNTED_ELSEWHERE)
    )
    return [counted if m is first else m for m in mentions]
