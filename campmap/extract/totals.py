"""Counts stated away from the site: a lone site counted elsewhere, or a place named later.

``New CCTV cameras have been installed on the High Street.`` and, two
sentences on, ``Installation of three cameras was completed in May.``: when a
report names one camera site only, a count of cameras in a sentence that puts
cameras up but names no place is that site's count, if every such count
agrees.

``Four cameras will go up at a busy junction.`` and, later, ``They will
watch the junction of Mill Road and Quay Street.``: a site named as *the*
junction (crossing, entrance, park ...) takes the count an earlier sentence
gave to *a* junction.

``Ashby, Wendlow and Upton applied for the money.`` and, later,
``One camera will go up in each village.``: the places a sentence listed
before are the sites, one camera each.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from campmap.extract.counts import CountKind, camera_counts
from campmap.extract.kinds import clause_status
from campmap.extract.lists import listed
from campmap.extract.topic import DEPLOYED
from campmap.gazetteer.names import lowercase
from campmap.records import Mention, Role, Sentence

__all__ = ["count_lone_site"]

COUNTED_ELSEWHERE = "the report's one site, counted in another sentence"
COUNTED_BEFORE = "counted where an earlier sentence speaks of it as a place of its kind"
_NOUNS = (
    r"intersection|junction|crossroads|roundabout|crossing|entrance|exit|park|school|"
    r"bridge|station|corner|car\s+park|square|estate"
)
COUNTED_EACH = "a place listed before, where a later sentence puts cameras in each"
_EACH_PLACE = re.compile(
    r"\b(?:in|at|on|for|outside|near|to)\s+each\s+(?:of\s+the\s+(?:[a-z-]+\s+)?)?"
    r"(village|town|parish|suburb|community|neighbou?rhood|ward|district|school|junction|"
    r"intersection|entrance|park|station)s?\b"
)
_TOWNISH = frozenset(
    "village town parish suburb community neighbourhood neighborhood ward district".split()
)
_LOOK_BACK = 6
# "... the intersection of " just before a site's name (read on the words before it only).
_THE_NOUN = re.compile(rf"\bthe\s+(?:[a-z-]+\s+)?({_NOUNS})\s+(?:of|at|on|between|by)\s+$")


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
        theirs = [s for s in sentences if s.source == label]
        counted = _count_each_named_before(own, theirs)
        counted = _count_lone_site(_count_named_later(counted, theirs), theirs)
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


def _count_named_later(mentions: Sequence[Mention], sentences: Sequence[Sentence]) -> list[Mention]:
    """Give a site named as *the* junction (park ...) the count an earlier *a* junction had."""
    out = list(mentions)
    for k, m in enumerate(out):
        if m.role is not Role.SITE or m.count is not None or m.count_text:
            continue
        head = lowercase(m.sentence.text[max(0, m.start - 40) : m.start])
        the = _THE_NOUN.search(head)
        if the is None:
            continue
        found = _earlier_count(the.group(1), m.sentence.index, sentences)
        if found is not None:
            value, text = found
            reasons = (*m.reasons, COUNTED_BEFORE)
            out[k] = dataclasses.replace(m, count=value, count_text=text, reasons=reasons)
    return out


def _earlier_count(noun: str, before: int, sentences: Sequence[Sentence]) -> tuple[int, str] | None:
    """Return the camera count of the nearest earlier sentence putting cameras at ``a <noun>``."""
    a_noun = re.compile(
        rf"\b(?:at|on|in|for|near|outside)\s+(?:a|an|one)\s+(?:[a-z-]+\s+){{0,2}}?{re.escape(noun)}\b"
    )
    for sentence in sorted(
        (s for s in sentences if s.index < before), key=lambda s: s.index, reverse=True
    ):
        low = lowercase(sentence.text)
        if noun.split()[-1] not in low:
            continue
        place = a_noun.search(low)
        if place is None:
            continue
        counts = [
            (number.value, number.text)
            for number, kind in camera_counts(sentence.text, True, low)
            if kind is CountKind.CAMERAS
            and number.value is not None
            and number.end <= place.start()
        ]
        return counts[-1] if counts else None
    return None


def _count_each_named_before(
    mentions: Sequence[Mention], sentences: Sequence[Sentence]
) -> list[Mention]:
    """Make sites of the places listed before "N cameras in each village", N each."""
    out = list(mentions)
    by_sentence: dict[int, list[int]] = {}
    for k, m in enumerate(out):
        by_sentence.setdefault(m.sentence.index, []).append(k)
    for sentence in sentences:
        if "each" not in sentence.text:
            continue
        low = lowercase(sentence.text)
        each = _EACH_PLACE.search(low)
        if each is None or any(
            out[k].role is Role.SITE for k in by_sentence.get(sentence.index, [])
        ):
            continue
        counts = [
            n
            for n, kind in camera_counts(sentence.text, True, low)
            if kind is CountKind.CAMERAS and n.value is not None and n.end <= each.start()
        ]
        group = _listed_before(out, by_sentence, sentence.index, each.group(1)) if counts else []
        status = clause_status(low) or "installed"
        for k in group:
            out[k] = dataclasses.replace(
                out[k],
                role=Role.SITE,
                count=counts[-1].value,
                count_text=counts[-1].text,
                status=status,
                reason=COUNTED_EACH,
                reasons=(COUNTED_EACH,),
                confidence=0.6,
            )
    return out


def _listed_before(
    mentions: list[Mention], by_sentence: dict[int, list[int]], before: int, noun: str
) -> list[int]:
    """Return the nearest earlier list of two places or more that ``noun`` can name."""
    for index in range(before - 1, max(-1, before - 1 - _LOOK_BACK), -1):
        ks = [k for k in by_sentence.get(index, []) if _fits(mentions[k], noun)]
        for start in range(len(ks)):
            run = [ks[start]]
            for k in ks[start + 1 :]:
                a, b = mentions[run[-1]], mentions[k]
                if k != run[-1] + 1 or not listed(lowercase(a.sentence.text[a.end : b.start])):
                    break
                run.append(k)
            if len(run) >= 2:
                return run
    return []


def _fits(m: Mention, noun: str) -> bool:
    """Whether a place can be one of the ``noun`` s (a village: a bare name; a school: a school)."""
    if m.match == "region":
        return False
    if noun in _TOWNISH:
        return m.shape == "name"
    return noun in m.text.lower() or (
        noun in {"junction", "intersection"} and m.shape == "junction"
    )
