"""Dates written among a run of capitalised words: a name run stops at them.

``April 2024`` run into a table's next cell, ``19th June``, ``the 4th of
July``, ``June 19th and 20th``: :mod:`campmap.extract.shapes` asks these
before it reads a run of capitalised words as a name.
"""

from __future__ import annotations

import re

from campmap.extract.words import MONTHS

__all__ = ["date_start", "ordinal_date"]


def date_start(word: str, following: str) -> bool:
    """Whether a word and the one after it are a date (``April 2024``): a name run stops there.

    A flattened table runs a date cell into the next row's name (``Truck April
    2024 Elm Road NE``); the name after the date is a run of its own.

    Examples
    --------
    >>> date_start("April", "2024")
    True
    >>> date_start("May", "Road")
    False
    """
    return following.isdigit() and word.lower() in MONTHS


_MONTH_NAMES = "|".join(sorted(MONTHS - {"christmas", "easter"}, key=len, reverse=True))
_ORDINAL_DATE = re.compile(
    r"\d+(?:st|nd|rd|th)\s*(?:(?:to|and|until|till|or|-|\u2013|&)\s*\d+(?:st|nd|rd|th)?\s+)?"
    rf"(?:of\s+)?(?:{_MONTH_NAMES})\b(?!\s+(?:street|st|road|rd|avenue|ave)\b)",
    re.IGNORECASE,
)
_DATE_BEFORE = re.compile(
    rf"(?:\bthe\s+|\b(?:{_MONTH_NAMES})\s+\d+(?:st|nd|rd|th)?\s*(?:to|and|until|till|or|-|"
    r"\u2013|&)\s*)$",
    re.IGNORECASE,
)
"""``on the 19th``, ``June 19th to 27th``: an ordinal alone after these is a day."""
_NAME_AFTER = re.compile(r"\s+[A-Z]")


def ordinal_date(text: str, at: int) -> bool:
    """Whether the ordinal at ``at`` is a day of a month (``19th June``, ``20th to 27th June``).

    Examples
    --------
    >>> ordinal_date("due on 19th June", 7), ordinal_date("due 20th to 27th June", 4)
    (True, True)
    >>> ordinal_date("on the 4th of July", 7), ordinal_date("on 109th Avenue", 3)
    (True, False)
    >>> ordinal_date("on June 19th and 20th.", 17), ordinal_date("on the 19th.", 7)
    (True, True)
    >>> ordinal_date("on the 5th Avenue", 7), ordinal_date("at Main and 5th.", 12)
    (False, False)
    """
    if not text[at : at + 1].isdigit():
        return False
    if _ORDINAL_DATE.match(text, at) is not None:
        return True
    ordinal = _ORDINAL_AT.match(text, at)
    return (
        ordinal is not None
        and _DATE_BEFORE.search(text, max(0, at - 24), at) is not None
        and _NAME_AFTER.match(text, ordinal.end()) is None
    )


_ORDINAL_AT = re.compile(r"\d+(?:st|nd|rd|th)\b")
