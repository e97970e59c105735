"""The junction grammar: how a text names the point where two streets meet.

One grammar serves both places a junction is read: a name looked up
(:func:`split_junction`, for ``gazetteer find``, review sheets and user input)
and two street mentions in a report sentence (:mod:`campmap.extract.junctions`
joins them with the patterns below). A junction is written

- *A, link, B*: ``A junction with B``, ``A, at the corner of B``, ``A / B``,
  ``A & B``, ``A x B``, ``A @ B``, ``A onto B``, ``A meets B``
  (:data:`LINK_AFTER_FIRST`);
- *lead, A, and, B*: ``the junction of A and B``, ``the corner of A with B``,
  ``between A and B`` (:data:`LEAD_BEFORE_FIRST`, then :data:`LINK_AND`).

>>> split_junction("Bowes Road junction with Bounds Green Road")
('Bowes Road', 'Bounds Green Road')
>>> split_junction("the junction of High Street and Mill Lane")
('High Street', 'Mill Lane')
>>> split_junction("Bowes Road") is None
True
"""

from __future__ import annotations

import re

__all__ = [
    "AT_BEFORE",
    "BEFORE_FIRST",
    "GAP_AFTER_FIRST",
    "GAP_AND",
    "GAP_AT",
    "JUNCTION_WORD",
    "LEAD_BEFORE_FIRST",
    "LINK_AFTER_FIRST",
    "LINK_AND",
    "PLURAL_CROSSINGS",
    "SHARED_HEAD",
    "WHERE_BEFORE",
    "split_junction",
]

_THE = r"(?:the\s+)?"

JUNCTION_WORD = r"(?:junction|junctions|crossroads|crossing|intersection|corner|roundabout)"
"""A word naming a place where streets meet (a regular expression fragment)."""

LINK_AFTER_FIRST = (
    rf"\s+{JUNCTION_WORD}\s+(?:with|of|and)\s+{_THE}"  # the A junction with B
    r"|\s*(?:/|\\|&|\bx\b|@)\s*"  # A / B, A @ B
    # A junction onto B, A southbound onto B
    rf"|\s+(?:junction\s+)?(?:(?:north|south|east|west)bound\s+)?onto\s+{_THE}"
    rf"|\s+(?:meets|crosses|joins|meet|cross|join)\s+{_THE}"  # where A meets B
    # A, at the corner of B
    rf"|\s*,?\s+(?:at|on|by)\s+{_THE}{JUNCTION_WORD}\s+(?:of|with)\s+{_THE}"
)
"""What stands between two street names that, by itself, makes them one junction."""

LEAD_BEFORE_FIRST = rf"\b{JUNCTION_WORD}\s+(?:of|between|at)\s+{_THE}|\bbetween\s+{_THE}"
"""What, before the first street name, says that ``A and B`` is one junction."""

LINK_AND = rf"\s+(?:and|with|&)\s+{_THE}"
"""``and`` between two street names: a junction only after a lead (or in context)."""

GAP_AFTER_FIRST = re.compile(rf"^(?:{LINK_AFTER_FIRST})$", re.IGNORECASE)
"""The whole text between two street mentions is a :data:`LINK_AFTER_FIRST`."""

BEFORE_FIRST = re.compile(rf"(?:{LEAD_BEFORE_FIRST})$", re.IGNORECASE)
"""The text before the first street mention ends with a :data:`LEAD_BEFORE_FIRST`."""

GAP_AND = re.compile(rf"^(?:{LINK_AND})$", re.IGNORECASE)
"""The whole text between two street mentions is a :data:`LINK_AND`."""

SHARED_HEAD = re.compile(
    r"\s(?:streets|roads|avenues|lanes|drives|highways|boulevards|(?:central\s+)?business\s+"
    r"districts|CBDs|town\s+cent(?:re|er)s)$",
    re.IGNORECASE,
)
"""A plural head shared by two names: ``Broughton and Allman Streets``."""

PLURAL_CROSSINGS = re.compile(r"\s+(?:junctions|intersections|crossings|crossroads)\b", re.I)
"""``between the A and B junctions``: two crossings, not one."""

AT_BEFORE = re.compile(rf"\bat\s+{_THE}$", re.IGNORECASE)
"""``at A and B``: one can only be at two roads where they meet."""

GAP_AT = re.compile(rf"^\s+at\s+{_THE}$", re.IGNORECASE)
"""``Poplar Hill Road at Malcolm Elementary School``: a street, at a place on it."""

WHERE_BEFORE = re.compile(rf"\bwhere\s+{_THE}$", re.IGNORECASE)
"""``where A and B meet``."""

_PHRASES = (
    re.compile(rf"^{_THE}(?:{LEAD_BEFORE_FIRST})(?P<a>.+?)(?:{LINK_AND})(?P<b>.+)$", re.IGNORECASE),
    re.compile(rf"^{_THE}(?P<a>.+?)(?:{LINK_AFTER_FIRST})(?P<b>.+)$", re.IGNORECASE),
)


def split_junction(phrase: str) -> tuple[str, str] | None:
    """Return the two street names a junction phrase names, or None.

    Recognised: the forms in the module docstring, e.g. ``A junction with
    B``, ``A at the junction with B``, ``A, corner of B``, ``the junction of
    A and B``, ``A / B``, ``A & B``.

    Examples
    --------
    >>> split_junction("Elm Grove, corner of Sandy Lane")
    ('Elm Grove', 'Sandy Lane')
    >>> split_junction("Kings Road meets Elm Grove")
    ('Kings Road', 'Elm Grove')
    """
    text = " ".join(phrase.split())
    for pattern in _PHRASES:
        match = pattern.match(text)
        if match:
            a, b = match.group("a").strip(" ,"), match.group("b").strip(" ,")
            if a and b:
                return a, b
    return None
