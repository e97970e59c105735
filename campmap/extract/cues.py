"""Reach and word patterns shared by the steps of the role engine.

A mention's features (:mod:`campmap.extract.features`), its route
(:mod:`campmap.extract.routes`) and its status (:mod:`campmap.extract.status`)
look at bounded windows of the lower-cased sentence around it: these are the
windows' sizes and the patterns more than one step asks.
"""

from __future__ import annotations

import re

__all__ = ["CLAUSE", "MOVED_FROM", "RELOCATED", "TO", "WINDOW", "moved_from", "relocated"]

WINDOW = 80
"""How far before and after a mention its features look, in characters (keeps extraction linear)."""
CLAUSE = 300
"""How far a mention's clause reaches, in characters."""
_FROM = (
    r"from\s+(?:(?:their|its|the)\s+(?:current\s+|present\s+|existing\s+|old\s+)?"
    r"(?:sites?|locations?|positions?|spots?|places?|homes?)\s+(?:at|on|in|along)\s+)?(?:the\s+)?$"
)
MOVED_FROM = re.compile(
    r"\b(?:moved|relocated|removed|taken(?:\s+down)?|transferred|shifted|ripped\s+out)\s+"
    rf"(?:\w+\s+){{0,3}}?{_FROM}",
)
"""Cameras moved or taken away from the place that follows (``from their current sites at``)."""
RELOCATED = re.compile(rf"\b(?:moved|relocated|transferred|shifted)\s+(?:\w+\s+){{0,3}}?{_FROM}")
"""Cameras moved from the place that follows to another one."""
TO = re.compile(r"^\s+(?:to|towards|as\s+far\s+as|up\s+to)\s+(?:the\s+)?$")
"""The gap between the two ends of ``from A to B``."""


def moved_from(text: str) -> bool:
    """Whether a (lower-case) text ends in :data:`MOVED_FROM` (``removed from the``)."""
    # Every match holds "from": a cheap test first (most texts before a place have none).
    return "from" in text and MOVED_FROM.search(text) is not None


def relocated(text: str) -> bool:
    """Whether a (lower-case) text ends in :data:`RELOCATED` (``moved from``)."""
    return "from" in text and RELOCATED.search(text) is not None
