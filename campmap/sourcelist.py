"""The reports an archive run drew on, listed on disk instead of in memory.

An archive of millions of camera reports has millions of reports behind its
map, and ``report.json`` lists each one. :class:`SourceList` keeps that list
in a temporary SQLite file, in the order the reports were merged, and reads it
back one source at a time, so a run's memory does not grow with it. It is a
read-only :class:`~collections.abc.Sequence` of :class:`~campmap.records.Source`
(without text: an archive run keeps no report text) wherever a document's
sources are read; the file goes when the list does.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import weakref
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, overload

from campmap.extract.attribution import Attribution
from campmap.records import Source

__all__ = ["SourceList"]

_NOBODY = Attribution()


def _remove(db: sqlite3.Connection, folder: str) -> None:
    db.close()
    shutil.rmtree(folder, ignore_errors=True)


class SourceList(Sequence[Source]):
    """Sources in the order they were added, each label once, kept in a SQLite file.

    Examples
    --------
    >>> sources = SourceList()
    >>> sources.add([(Source("a.txt", "", characters=10), Attribution("Hikvision"))])
    >>> sources.add([(Source("a.txt", ""), Attribution()), (Source("b.txt", ""), Attribution())])
    >>> [s.label for s in sources], len(sources), sources[-1].label
    (['a.txt', 'b.txt'], 2, 'b.txt')
    >>> sources.attributions(["a.txt"])["a.txt"].manufacturer
    'Hikvision'
    """

    def __init__(self) -> None:
        self._folder = tempfile.mkdtemp(prefix="campmap-sources-")
        # One thread writes, then reads; the finaliser may close it from another.
        self._db = sqlite3.connect(Path(self._folder) / "sources.sqlite", check_same_thread=False)
        self._db.executescript(
            """
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            CREATE TABLE sources (
                seq INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL, url TEXT,
                encoding TEXT NOT NULL, characters INTEGER, manufacturer TEXT, operator TEXT
            );
            """
        )
        self._length = 0
        self._remove = weakref.finalize(self, _remove, self._db, self._folder)

    def add(self, sources: Iterable[tuple[Source, Attribution]]) -> None:
        """Add sources (a label already listed is left as it is), with the makers each names."""
        rows = [
            (s.label, s.url, s.encoding, _characters(s), tags.manufacturer, tags.operator)
            for s, tags in sources
        ]
        cursor = self._db.executemany(
            "INSERT OR IGNORE INTO sources (label, url, encoding, characters, manufacturer, "
            "operator) VALUES (?, ?, ?, ?, ?, ?)",
            rows,
        )
        self._length += max(0, cursor.rowcount)

    def attributions(self, labels: Iterable[str]) -> dict[str, Attribution]:
        """Return the makers and operators each of ``labels`` names (those that name some)."""
        wanted = sorted(set(labels))
        found: dict[str, Attribution] = {}
        for at in range(0, len(wanted), 500):
            chunk = wanted[at : at + 500]
            query = (
                "SELECT label, manufacturer, operator FROM sources WHERE label IN "
                f"({','.join('?' * len(chunk))}) AND (manufacturer IS NOT NULL OR operator "
                "IS NOT NULL)"
            )
            for label, manufacturer, operator in self._db.execute(query, chunk):
                found[label] = Attribution(manufacturer, operator)
        return found

    def close(self) -> None:
        """Remove the file now (the list is empty afterwards)."""
        self._remove()
        self._length = 0

    def __len__(self) -> int:
        return self._length

    def __iter__(self) -> Iterator[Source]:
        if not self._remove.alive:
            return
        query = "SELECT label, url, encoding, characters FROM sources ORDER BY seq"
        for label, url, encoding, characters in self._db.execute(query):
            yield Source(label, "", encoding, url, characters)

    @overload
    def __getitem__(self, index: int) -> Source: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Source]: ...

    def __getitem__(self, index: int | slice) -> Source | Sequence[Source]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(self._length)))
        position = index + self._length if index < 0 else index
        if not 0 <= position < self._length:
            raise IndexError("source index out of range")
        row = self._db.execute(
            "SELECT label, url, encoding, characters FROM sources WHERE seq = ?", (position + 1,)
        ).fetchone()
        label, url, encoding, characters = row
        return Source(label, "", encoding, url, characters)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or len(other) != len(self):
            return False
        return all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[Any, ...]:
        return tuple, (tuple(self),)  # (a copy elsewhere is a plain tuple)

    def __repr__(self) -> str:
        return f"<SourceList of {self._length} sources>"


def _characters(source: Source) -> int:
    return len(source.text) if source.characters is None else source.characters
