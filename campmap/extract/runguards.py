"""Guards on a run of capitalised words: where a name ends, and whether it names a person.

:mod:`campmap.extract.shapes` reads runs of capitalised words as names. Two
things stop a run from being a place, or from going on:

- a person's title before or inside it (``Cllr Jo Smith``, ``Sheriff Bo Lane``),
  unless the title starts a village's name: a title that also forms place names
  (``Earl``, ``Bishop``, ``King``) before a known town or a word with a place
  suffix (``Earl Stonham``, ``Bishop Hinton``) is a place;
- a line break after a heading-like line: a headline has no final punctuation,
  so its last name would run into the next line (``... near Oakfield Park`` /
  ``OVER 20 cameras``).
"""

from __future__ import annotations

import re

from campmap.extract.words import TITLES
from campmap.gazetteer import find_towns
from campmap.sources.clean import heading_over

__all__ = ["heading_break", "is_person"]

_PLACE_TITLES = frozenset(
    "earl earls king kings queen queens bishop bishops abbot abbots prince princes "
    "lord lords lady ladys duke dukes canon canons monk monks priest priors prior".split()
)
"""Titles that also start villages' and towns' names (``Earl Soham``, ``Kings Langley``)."""
_PLACE_SUFFIX = re.compile(
    r"(?:ham|ton|ford|bury|borough|burgh|by|field|wich|wick|caster|chester|cester|mouth|"
    r"stead|thorpe|worth|minster|stow|combe)$"
)
_TITLED = re.compile(r"(?:^|\s)(?:" + "|".join(sorted(TITLES)) + r")\.?\s+$", re.IGNORECASE)


def is_person(text: str, run: list[tuple[str, int, int]], words: list[str]) -> bool:
    """Tell a person: a title before the name (not "Notre Dame School", "Bishop Lavis").

    Parameters
    ----------
    text : str
        The sentence.
    run : list of (str, int, int)
        The run's words with their spans in ``text``.
    words : list of str
        The run's words in lower case, without a final full stop.

    Returns
    -------
    bool
        True for a person's title and name, False for a place.

    Examples
    --------
    >>> def person(text):
    ...     return is_person(text, [(w, 0, 0) for w in text.split()], text.lower().split())
    >>> person("Earl Stonham"), person("Earl Grey"), person("Mayor Hinton")
    (False, True, True)
    """
    titled = any(_title(w) for w in words) or _titled(text, run[0][1])
    if not titled or find_towns(" ".join(w for w, _, _ in run)):
        return False
    return not _village_after_title(run, words)


def _village_after_title(run: list[tuple[str, int, int]], words: list[str]) -> bool:
    """Whether a run is a title that starts a place name, then a town or a place-suffixed word."""
    if len(words) != 2 or words[0].rstrip("'s\u2019") not in _PLACE_TITLES:
        return False
    return bool(_PLACE_SUFFIX.search(words[1])) or bool(find_towns(run[1][0]))


def _title(word: str) -> bool:
    return word in TITLES or (word.endswith("s") and word[:-1] in TITLES)


def _titled(text: str, start: int) -> bool:
    return bool(_TITLED.search(text, max(0, start - 16), start))


def heading_break(text: str, before: int, after: int) -> bool:
    r"""Whether a run of capitalised words must stop at a line break between two words.

    Parameters
    ----------
    text : str
        The sentence.
    before : int
        Where the word before the gap ends.
    after : int
        Where the next word starts.

    Returns
    -------
    bool
        True when the gap holds a line break under a heading (see
        :func:`campmap.sources.clean.heading_over`).

    Examples
    --------
    >>> heading_break("Cameras Coming To Oakfield Park\nThe council said", 31, 32)
    True
    >>> heading_break("cameras on Oakfield\nRoad", 19, 20)
    False
    """
    if "\n" not in text[before:after]:
        return False
    line = text[text.rfind("\n", 0, before) + 1 : before]
    return heading_over(line, text[after:])
