"""Junctions of two named streets: in names looked up, and in sentences.

>>> split_junction("Bowes Road junction with Bounds Green Road")
('Bowes Road', 'Bounds Green Road')
>>> split_junction("the junction of High Street and Mill Lane")
('High Street', 'Mill Lane')
>>> split_junction("Bowes Road") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from campmap.records import Mention, Role

if TYPE_CHECKING:
    from campmap.gazetteer import Gazetteer

__all__ = ["place_junctions", "split_junction"]

_PATTERNS = (
    re.compile(
        r"^(?:the\s+)?(?:junction|corner|crossing)\s+(?:of|between)\s+(?:the\s+)?(?P<a>.+?)"
        r"\s+(?:and|with|&)\s+(?:the\s+)?(?P<b>.+)$",
        re.IGNORECASE,
    ),
    re.compile(
        r"^(?:the\s+)?(?P<a>.+?),?\s+(?:at\s+the\s+)?(?:junction|corner|crossing)\s+(?:with|of)\s+"
        r"(?:the\s+)?(?P<b>.+)$",
        re.IGNORECASE,
    ),
    re.compile(r"^(?P<a>.+?)\s*(?:/|\s&\s|\s+x\s+)\s*(?P<b>.+)$", re.IGNORECASE),
)


def split_junction(phrase: str) -> tuple[str, str] | None:
    """Return the two street names a junction phrase names, or None.

    Recognised: ``A junction with B``, ``A at the junction with B``, ``A,
    corner of B``, ``the junction of A and B``, ``A / B``, ``A & B``.
    """
    text = " ".join(phrase.split())
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if match:
            a, b = match.group("a").strip(" ,"), match.group("b").strip(" ,")
            if a and b:
                return a, b
    return None


_GAP_AFTER = re.compile(
    r"^,?\s+(?:at\s+(?:the|its)\s+)?(?:junction|corner|crossing)\s+(?:with|of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_GAP_BETWEEN = re.compile(r"^\s+(?:and|with|&)\s+(?:the\s+)?$", re.IGNORECASE)
_BEFORE_BETWEEN = re.compile(
    r"(?:junction|corner|crossing)\s+(?:of|between)\s+(?:the\s+)?$", re.IGNORECASE
)


def place_junctions(mentions: Sequence[Mention], gazetteer: Gazetteer) -> tuple[Mention, ...]:
    """Put a site named as a junction of two streets at the point where they cross.

    In ``cameras at the Bowes Road junction with Bounds Green Road`` (or ``the
    junction of A and B``, ``A, corner of B``) the site becomes the crossing of
    the two streets (:meth:`Gazetteer.junction`), its text the whole phrase, and
    the second street a context mention. Nothing changes when the streets do
    not meet, or when the second street is a site with its own count. A count
    the extractor shared between the two streets (``four in total across A, B``)
    is the junction's.

    Parameters
    ----------
    mentions : sequence of Mention
        As extracted, in sentence order.
    gazetteer : Gazetteer
        Resolves the two streets.

    Returns
    -------
    tuple of Mention
    """
    out = list(mentions)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        if (
            first.sentence is not second.sentence
            or first.role is not Role.SITE
            or first.place is None
            or second.place is None
            or (second.role is Role.SITE and second.count is not None)
        ):
            continue
        text = first.sentence.text
        gap = text[first.end : second.start]
        if not (
            _GAP_AFTER.match(gap)
            or (_GAP_BETWEEN.match(gap) and _BEFORE_BETWEEN.search(text[: first.start]))
        ):
            continue
        crossing = gazetteer.junction(first.text, second.text)
        if crossing is None:
            continue
        count, count_text = first.count, first.count_text
        shared = f" in total across {first.text}, {second.text}"
        if (
            count is None
            and count_text
            and count_text == second.count_text
            and count_text.endswith(shared)  # "four" shared by the two streets: the junction's
        ):
            from campmap.extract.counts import find_numbers  # extract imports the gazetteer

            count_text = count_text.removesuffix(shared)
            numbers = find_numbers(count_text)
            count = numbers[0].value if len(numbers) == 1 else None
        out[i] = replace(
            first,
            place=crossing,
            text=text[first.start : second.end],
            end=second.end,
            count=count,
            count_text=count_text,
        )
        out[i + 1] = replace(
            second, role=Role.CONTEXT, count=None, reason="the other street of a junction"
        )
    return tuple(out)
