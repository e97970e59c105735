"""A sentence's words, split once for every run of capitalised words read in it.

:func:`campmap.extract.shapes.find_shapes` reads runs of capitalised words;
a road number or a block address reads the words after it again. The words
(:data:`TOKEN`) and which of them are capitalised are worked out once per
sentence (:func:`tokenise`), and a stretch of the sentence takes its share
(:func:`words_in`).

A stretch of plain lower-case words (``will be installed on``) is one item:
no run of capitalised words starts in it, and one that reaches it stops at
its first word as it would at the stretch (a lone word, such as ``of``
between two names, stays a word of its own). Most of a sentence is such
stretches: it is split into about half as many items.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import NamedTuple

from campmap.extract.runguards import shouted_function_word

__all__ = ["TOKEN", "Tokens", "is_cap", "tokenise", "words_in"]

TOKEN = re.compile(
    r"[^\W\d_][^\W\d_'\u2019]*(?:['\u2019][^\W\d_]*)*(?:[-\u2013][\w'\u2019]+)*\.?|"
    r"\d+(?:st|nd|rd|th)\b|\d+|\S"
)
"""Words (letters only: ``Road2`` is a word and a number run together), ordinals, numbers."""
_ITEM = re.compile(r"(?<!\S)[a-z]+[,.;:]?(?:\s+[a-z]+[,.;:]?)*(?!\S)|" + TOKEN.pattern)
"""A stretch of whole lower-case words (no capital, no digit), else a :data:`TOKEN`."""
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)$")

Word = tuple[str, int, int]
"""A word as written and its span in the sentence: ``(word, start, end)``."""


@lru_cache(maxsize=4096)  # a report's words recur
def is_cap(token: str) -> bool:
    """Whether a word is capitalised, an ordinal or an ``O'Connell`` (it may be in a name).

    Examples
    --------
    >>> is_cap("Elm"), is_cap("14th"), is_cap("d'Alene"), is_cap("On"), is_cap("elm")
    (True, True, True, False, False)
    """
    return (
        (token[:1].isupper() and not shouted_function_word(token))
        or (token[:1].isdigit() and bool(_ORDINAL.match(token)))  # (\d: a kind of isdigit)
        or (token[1:2] in {"'", "\u2019"} and token[2:3].isupper())  # d'Alene, O'Connell
    )


class Tokens(NamedTuple):
    """A sentence's items (:data:`_ITEM`), where each starts, and which are capitalised."""

    words: list[Word]
    starts: list[int]
    caps: list[bool]


@lru_cache(maxsize=4)  # the sentence being read (not a report's: one pass over each)
def tokenise(text: str) -> Tokens:
    """Split a sentence into its words once.

    Examples
    --------
    >>> tokenise("On Elm Road2").words
    [('On', 0, 2), ('Elm', 3, 6), ('Road', 7, 11), ('2', 11, 12)]
    >>> [w for w, _, _ in tokenise("Isle of Wight cameras will go up, and (St. Ives)").words]
    ['Isle', 'of', 'Wight', 'cameras will go up, and', '(', 'St.', 'Ives', ')']
    """
    words = [(m.group(), m.start(), m.end()) for m in _ITEM.finditer(text)]
    return Tokens(words, [w[1] for w in words], [is_cap(w) for w, _, _ in words])


def words_in(text: str, at: int = 0, stop: int | None = None) -> tuple[list[Word], list[bool]]:
    """Return the words between two offsets of a sentence, and which are capitalised.

    The sentence's own items (:func:`tokenise`) are taken where none of them
    runs over either end of the stretch; else the stretch is split on its own.

    Examples
    --------
    >>> words_in("On Elm Road", 3)
    ([('Elm', 3, 6), ('Road', 7, 11)], [True, True])
    >>> words_in("On Elm Road", 4)
    ([('lm', 4, 6), ('Road', 7, 11)], [False, True])
    """
    whole = tokenise(text)
    if at == 0 and stop is None:
        return whole.words, whole.caps
    first = bisect_left(whole.starts, at)
    last = len(whole.starts) if stop is None else bisect_left(whole.starts, stop)
    if (first == 0 or whole.words[first - 1][2] <= at) and (
        last == 0 or stop is None or whole.words[last - 1][2] <= stop
    ):
        return whole.words[first:last], whole.caps[first:last]
    found = _ITEM.finditer(text, at, len(text) if stop is None else stop)
    words = [(m.group(), m.start(), m.end()) for m in found]
    return words, [is_cap(w) for w, _, _ in words]
