"""One fast pattern for "does any of these patterns match": alternatives by first letter.

Python's regular expression engine tries every alternative of a group at every
position of a text. A yes-or-no test over a long list of words (every kind of
camera, every status) then costs the length of the text times the length of
the list. :func:`any_of` writes the same test with the alternatives grouped by
their first letter (``s(?:peed...|afety...|chool...)``), so at each position
only the alternatives starting with that letter are tried, and the engine skips
fast over the letters no alternative starts with. Where a test matches does not
change; which of several overlapping alternatives matches may (the answer is
only a yes or a no).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["any_of"]

_QUANTIFIERS = ("?", "*", "+", "{")


def any_of(patterns: Iterable[str]) -> re.Pattern[str]:
    r"""Return a pattern that matches where any of ``patterns`` does.

    Parameters
    ----------
    patterns : iterable of str
        Lower-case patterns, without flags (the text is lower-cased first).

    Returns
    -------
    re.Pattern
        For yes-or-no tests (``search``): the span of a match is not kept.

    Examples
    --------
    >>> test = any_of([r"\b(?:speed|safety)\s+cameras?\b", r"\bcctv\b|shotspotter"])
    >>> test.pattern
    's(?:(?<!\\ws)(?:peed\\s+cameras?\\b|afety\\s+cameras?\\b)|hotspotter)|c(?<!\\wc)ctv\\b'
    >>> bool(test.search("new safety camera")), bool(test.search("a speedcamera"))
    (True, False)
    >>> bool(test.search("the abcctv unit")), bool(any_of([]).search("anything"))
    (False, False)
    """
    groups: dict[str, list[str]] = {}
    for pattern in patterns:
        for alternative in _alternatives(pattern):
            groups.setdefault(_first_letter(alternative), []).append(alternative)
    parts = [_group(key, alternatives) for key, alternatives in groups.items()]
    return re.compile("|".join(parts) if parts else "(?!)")


def _alternatives(pattern: str) -> list[str]:
    r"""Split a pattern into its alternatives, opening ``\b(?:a|b)c`` into ``\bac``, ``\bbc``."""
    out = []
    for alternative in _split(pattern):
        bound = "\\b" if alternative.startswith("\\b(?:") else ""
        close = (
            _closing(alternative, len(bound) + 3)
            if alternative[len(bound) :].startswith("(?:")
            else -1
        )
        after = alternative[close + 1 :] if close >= 0 else ""
        if close < 0 or after[:1] in _QUANTIFIERS:
            out.append(alternative)
            continue
        inside = alternative[len(bound) + 3 : close]
        out.extend(bound + inner + after for inner in _alternatives(inside))
    return out


def _first_letter(alternative: str) -> str:
    """Return the first letter of an alternative (the alternative itself if it has none)."""
    body = alternative[2:] if alternative.startswith("\\b") else alternative
    letter = body[:1]
    if not ("a" <= letter <= "z") or body[1:2] in _QUANTIFIERS:
        return alternative
    return letter


def _group(key: str, alternatives: list[str]) -> str:
    r"""Write the alternatives that start with one letter as that letter, then the rests.

    A leading ``\b`` becomes a look-behind after the letter, written once for all
    the alternatives that have one: ``\bcctv|\bcar`` is ``c(?<!\wc)(?:ctv|ar)``.
    """
    if len(key) != 1:
        return key
    bounded = [a[3:] for a in alternatives if a.startswith("\\b")]
    free = [a[1:] for a in alternatives if not a.startswith("\\b")]
    rests = [f"(?<!\\w{key})" + _either(bounded)] if bounded else []
    return key + _either(rests + free)


def _either(alternatives: list[str]) -> str:
    return alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"


def _split(pattern: str) -> list[str]:
    """Split a pattern at its top-level ``|``."""
    out, depth, start, k, in_class = [], 0, 0, 0, False
    while k < len(pattern):
        char = pattern[k]
        if char == "\\":
            k += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            out.append(pattern[start:k])
            start = k + 1
        k += 1
    out.append(pattern[start:])
    return out


def _closing(pattern: str, start: int) -> int:
    """Return where the group open before ``start`` closes (-1: it does not)."""
    depth, k, in_class = 1, start, False
    while k < len(pattern):
        char = pattern[k]
        if char == "\\":
            k += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
            if depth == 0:
                return k
        k += 1
    return -1
