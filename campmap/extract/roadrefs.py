"""Road numbers and block addresses, by their form.

:func:`campmap.extract.shapes.find_shapes` reads these before the runs of
capitalised words: ``A591``, ``I-90``, ``U.S. 78``, ``Route 413``,
``Highway 17 North``, ``Alabama 77``, and ``the 4300 Blk of`` a street.
"""

from __future__ import annotations

import re

__all__ = ["BLOCK", "DIGIT", "ROAD_REF"]

_US_STATES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|"
    "Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|"
    "Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|"
    "New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|"
    "Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|"
    "West Virginia|Wisconsin|Wyoming"
)
ROAD_REF = re.compile(
    r"(?<![\w.-])(?:"
    r"[ABMN][1-9]\d{0,3}(?:\(M\))?(?:\s+[Jj]unction\s+\d{1,3})?"  # A591, M25 junction 10, N2
    r"|(?:I|IH)-?\s?\d{1,3}|Interstate(?:\s+Highway)?\s+\d{1,3}"  # I-90, Interstate 695
    r"|U\.?\s?S\.?(?:\s+(?:Route|Highway|Hwy\.?))?\s+\d{1,3}"  # US 78, U.S. Route 1
    r"|(?:State|County|Provincial|National|Federal)\s+(?:Route|Road|Highway)\s+\d{1,4}"
    r"|(?:Route|Rte\.?|Highway|Hwy\.?|SR|SH|NH|CR|FM|RN|Ring\s+Road|Exit)\s+\d{1,4}[A-Z]?"
    rf"|(?:{_US_STATES})\s+\d{{1,3}}(?!\s*(?:cameras?|percent|%|people|residents))"
    r")(?:\s+(?:North|South|East|West|Northbound|Southbound|Eastbound|Westbound|[NSEW]B?)\b)?"
    r"(?![\w-]|\.\d|,\d{3})",
)
"""A road number: ``A591``, ``M25 junction 10``, ``I-90``, ``U.S. Route 1``, ``Alabama 77``."""
BLOCK = re.compile(
    r"(?<![\w-])(?:the\s+)?(?P<number>\d{1,6})\s+(?:block|blk)\.?\s+(?:of\s+)?",
    re.IGNORECASE,
)
"""The head of a block address: ``the 4300 Blk of`` (the street follows)."""
DIGIT = re.compile(r"\d")
"""Every road number and block address has a digit: a cheap test before their patterns."""
