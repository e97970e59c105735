"""Find gazetteer names in text: one Aho-Corasick automaton over normalised names."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from campmap.gazetteer.names import Token, tokens

__all__ = ["Hit", "PhraseIndex"]

_MINOR = frozenset({"the", "of", "and", "a", "an", "on", "upon", "in", "at", "de", "la", "st"})


@dataclass(frozen=True, slots=True)
class Hit:
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
        norm = " " + " ".join(t.norm for t in toks) + " "
        # Map each character position of `norm` to the index of its token.
        starts: dict[int, int] = {}
        position = 1
        for i, tok in enumerate(toks):
            starts[position] = i
            position += len(tok.norm) + 1
        candidates: list[tuple[int, int, str]] = []
        for end_index, key in self._automaton.iter(norm):
            begin = end_index - len(key)  # position of the key's first character
            first = starts.get(begin)
            if first is None:
                continue
            last = first + len(key.split()) - 1
            candidates.append((first, last, key))
        candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
        hits: list[Hit] = []
        next_free = 0
        for first, last, key in candidates:
            if first < next_free:
                continue
            span = toks[first : last + 1]
            original = text[span[0].start : span[-1].end]
            if not self._well_written(key, original, span):
                continue
            hits.append(Hit(key, span[0].start, span[-1].end))
            next_free = last + 1
        return hits

    def _well_written(self, key: str, original: str, span: list[Token]) -> bool:
        if key in self._exact_case:
            return original.isupper()
        if key in self._any_case:
            return True
        return any(
            text[:1].isupper() or text[:1].isdigit()
            for tok in span
            if tok.norm not in _MINOR
            for text in (original[tok.start - span[0].start :],)
        )
