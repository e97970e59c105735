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
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

__all__ = ["any_of", "lower_test"]

_QUANTIFIERS = ("?", "*", "+", "{")


def any_of(patterns: Iterable[str]) -> re.Pattern[str]:
    r"""Return a pattern that matches where any of ``patterns`` does.

    Parameters
    ----------
    patterns : iterable of str
        Lower-case patterns, without flags or back-references (the text is
        lower-cased first).

    Returns
    -------
    re.Pattern
        For yes-or-no tests (``search``), and where the first match starts; where
        it ends may differ, and its groups are not the patterns' groups.

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


def lower_test(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    r"""Return a yes-or-no test of an IGNORECASE ``pattern`` on lower-cased text.

    On ASCII text it runs :func:`any_of` of the pattern, without the flag (much
    faster in Python's ``re``; there the flag finds no more); on other text, the
    pattern itself.

    Examples
    --------
    >>> names = lower_test(re.compile(r"\bcameras?\b", re.IGNORECASE))
    >>> names("two cameras went up"), names("the camerawoman"), names("cámaras y cameras")
    (True, False, True)
    """
    fast = any_of([pattern.pattern])

    @lru_cache(maxsize=256)  # a report's sentences are asked of more than once
    def test(low: str) -> bool:
        return bool((fast if low.isascii() else pattern).search(low))

    return test


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
    out, start = [], 0
    for k, char, depth in _structure(pattern, 0, 0):
        if char == "|" and depth == 0:
            out.append(pattern[start:k])
            start = k + 1
    out.append(pattern[start:])
    return out


def _closing(pattern: str, start: int) -> int:
    """Return where the group open before ``start`` closes (-1: it does not)."""
    for k, char, depth in _structure(pattern, start, 1):
        if char == ")" and depth == 0:
            return k
    return -1


def _structure(pattern: str, start: int, depth: int) -> Iterator[tuple[int, str, int]]:
    """Yield each character of a pattern outside escapes and classes, with the group depth."""
    k, in_class = start, False
    while k < len(pattern):
        char = pattern[k]
        if char == "\\":
            k += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        else:
            depth += (char == "(") - (char == ")")
            yield k, char, depth
        k += 1
