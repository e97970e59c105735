"""Junction phrases in names looked up (``gazetteer find``, review sheets, user input).

Junctions in report sentences are found by :mod:`campmap.extract.junctions`.

>>> split_junction("Bowes Road junction with Bounds Green Road")
('Bowes Road', 'Bounds Green Road')
>>> split_junction("the junction of High Street and Mill Lane")
('High Street', 'Mill Lane')
>>> split_junction("Bowes Road") is None
True
"""

from __future__ import annotations

import re

__all__ = ["split_junction"]

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
