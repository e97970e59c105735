"""Find gazetteer names in text: one Aho-Corasick automaton over normalised names."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import accumulate, count
from operator import add, itemgetter
from typing import NamedTuple

import ahocorasick

from campmap.gazetteer.names import Token, tokens

__all__ = ["Hit", "PhraseIndex"]

_MINOR = frozenset({"the", "of", "and", "a", "an", "on", "upon", "in", "at", "de", "la", "st"})


class Hit(NamedTuple):
    """A name found in text.

    Attributes
    ----------
    key : str
        The normalised name that matched.
    start, end : int
        Span in the original text.
    """

    key: str
    start: int
    end: int


class PhraseIndex:
    """Leftmost-longest, whole-word matching of many names at once.

    Parameters
    ----------
    keys : iterable of str
        Normalised names (see :func:`campmap.gazetteer.names.normalize`).
    exact_case : iterable of str, optional
        Keys that only match text written in capitals (``US``, ``UK``), so the
        pronoun "us" is not the United States.
    any_case : iterable of str, optional
        Keys that match in lower case too: aliases a gazetteer deliberately
        wrote in lower case (``the old clock tower``).
    """

    def __init__(
        self, keys: Iterable[str], exact_case: Iterable[str] = (), any_case: Iterable[str] = ()
    ) -> None:
        self._automaton = ahocorasick.Automaton()
        for key in set(keys):
            self._automaton.add_word(f" {key} ", key)
        self._exact_case = frozenset(exact_case)
        self._any_case = frozenset(any_case)
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[Hit]:
        """Return the names in ``text``, leftmost-longest and not overlapping.

        A hit must be written with a capital in one of its main words (place
        names are proper nouns), so "the mall" in lower case is not The Mall.
        """
        if self._empty:
            return []
        toks = tokens(text)
        words = list(map(itemgetter(0), toks))
        norm = " " + " ".join(words) + " "
        # Keys are indexed as " key ", so every match starts on a word: the word
        # starting at each offset of the joined text is looked up, not counted.
        # (The k-th word starts after the k words before it, each with its space.)
        starts = map(add, accumulate(map(len, words), initial=0), count(1))
        word_at = dict(zip(starts, range(len(words)), strict=False))
        candidates: list[tuple[int, int, str]] = []
        for end_index, key in self._automaton.iter(norm):
            first = word_at[end_index - len(key)]
            candidates.append((first, first + key.count(" "), key))
        if not candidates:
            return []
        candidates.sort(key=lambda c: (c[0], c[0] - c[1]))
        hits: list[Hit] = []
        next_free = 0
        for first, last, key in candidates:
            if first < next_free:
                continue
            span = toks[first : last + 1]
            if not self._well_written(key, text, span):
                continue
            hits.append(Hit(key, span[0][1], span[-1][2]))
            next_free = last + 1
        return hits

    def _well_written(self, key: str, text: str, span: list[Token]) -> bool:
        if key in self._exact_case:
            return text[span[0][1] : span[-1][2]].isupper()
        if key in self._any_case:
            return True
        for norm, start, _ in span:
            if norm not in _MINOR and (text[start].isupper() or text[start].isdigit()):
                return True
        return False
