"""Keep each repeated sentence once, with every place it appeared.

A sentence repeated within a report or across reports (a syndicated copy, a
photo caption) is one :class:`~campmap.records.Sentence` whose occurrences name
every source and span; :func:`sentence_key` says which sentences are repeats.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from campmap.records import Document, Occurrence, Problem, Sentence, Source
from campmap.sources.sentences import split_sentences

__all__ = ["dedupe", "sentence_key"]

_TRAILING_CREDIT = re.compile(r"\s*\([^()]{0,40}\)\s*[.!?]?\s*$")
_WORD_RUN = re.compile(r"[^\W_]+")


def sentence_key(text: str) -> str:
    """Return the key under which repeats of a sentence are collapsed.

    Case, punctuation and a short trailing parenthesis (a photo credit such as
    ``(file photo)``) do not count.

    Examples
    --------
    >>> sentence_key("Ten cameras, on the Strand (file photo)") == sentence_key(
    ...     "Ten cameras on the Strand.")
    True
    """
    if ")" in text:
        text = _TRAILING_CREDIT.sub("", text)
    return " ".join(_WORD_RUN.findall(text.lower()))


def dedupe(sources: Iterable[Source], problems: Iterable[Problem] = ()) -> Document:
    """Split sources into sentences, keeping each repeated sentence once with every occurrence.

    Parameters
    ----------
    sources : iterable of Source
        In reading order; a source whose label was seen already is skipped.
    problems : iterable of Problem
        Carried into the document.

    Returns
    -------
    Document
    """
    by_key: dict[str, tuple[str, list[Occurrence]]] = {}
    unique_sources: list[Source] = []
    labels: set[str] = set()
    for source in sources:
        if source.label in labels:
            continue
        labels.add(source.label)
        unique_sources.append(source)
        for text, start, end in split_sentences(source):
            key = sentence_key(text)
            if not key:
                continue
            occurrence = Occurrence(source.label, start, end)
            if key in by_key:
                by_key[key][1].append(occurrence)
            else:
                by_key[key] = (text, [occurrence])
    sentences = tuple(
        Sentence(text=text, occurrences=tuple(occurrences), index=i)
        for i, (text, occurrences) in enumerate(by_key.values())
    )
    return Document(tuple(unique_sources), sentences, tuple(problems))
