"""The towns file held compactly: its bytes, where each row starts, and a sorted name index.

``data/towns.tsv.gz`` has about 170,000 rows and 400,000 name keys. Held as
Python strings, lists and dictionaries it took over 100 MB, most of what
``campmap map`` used beyond its libraries. :class:`TownTable` keeps instead
the file's decompressed bytes (about 12 MB), the row starts as a numpy array,
and one sorted numpy array of name-key hashes beside the row and the key's
place in that row (about 5 MB). A name is looked up by binary search on its
key's hash; only the rows it finds are decoded, and each is checked to hold
the very key (so a hash collision never gives a wrong town).

The answers are those of plain dictionaries built from the file: a row is
*named* by its first key and *aliased* by each later one, once per time the
key is written there.
"""

from __future__ import annotations

import gzip
import io
from array import array
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

__all__ = ["TownRows", "TownTable"]


@dataclass(frozen=True, slots=True)
class TownRows:
    """The rows a name key finds, as the file's lines (without the newline).

    Attributes
    ----------
    named : tuple of str
        Rows whose first key (the town's own name) is the key, in file order.
    aliased : tuple of str
        Rows that give the key among their other names, in file order, once
        per time the row lists it.
    """

    named: tuple[str, ...]
    aliased: tuple[str, ...]


class TownTable:
    """A towns file (tab-separated, a header row, keys ``|``-separated in the third column).

    Parameters
    ----------
    data : bytes
        The file's decompressed bytes, UTF-8.
    """

    def __init__(self, data: bytes) -> None:
        self._data = data
        body = data.index(b"\n") + 1
        starts = array("q")
        hashes = array("q")
        rows = array("i")
        places = array("h")
        offset = body
        stream = io.BytesIO(data)
        stream.seek(body)
        for number, line in enumerate(stream):
            starts.append(offset)
            offset += len(line)
            for place, key in enumerate(line.rstrip(b"\n").split(b"\t", 3)[2].split(b"|")):
                hashes.append(hash(key))
                rows.append(number)
                places.append(place)
        starts.append(offset)
        self._starts: npt.NDArray[np.int64] = np.frombuffer(starts, dtype=np.int64)
        hashed = np.frombuffer(hashes, dtype=np.int64)
        order = np.argsort(hashed, kind="stable")
        self._hashes: npt.NDArray[np.int64] = hashed[order]
        self._rows: npt.NDArray[np.int32] = np.frombuffer(rows, dtype=np.int32)[order]
        self._places: npt.NDArray[np.int16] = np.frombuffer(places, dtype=np.int16)[order]

    @classmethod
    def read(cls, path: Path) -> TownTable:
        """Read a gzip-compressed towns file."""
        return cls(gzip.decompress(path.read_bytes()))

    def __len__(self) -> int:
        """Return the number of rows (the header aside)."""
        return len(self._starts) - 1

    @property
    def nbytes(self) -> int:
        """Return the bytes the table holds: the file's text, row starts and name index."""
        arrays = (self._starts, self._hashes, self._rows, self._places)
        return len(self._data) + sum(a.nbytes for a in arrays)

    def line(self, number: int) -> str:
        """Return row ``number`` (from 0, the header aside) as text, without its newline."""
        start, end = int(self._starts[number]), int(self._starts[number + 1])
        return self._data[start:end].decode("utf-8").removesuffix("\n")

    def find(self, key: str) -> TownRows:
        """Return the rows named and aliased by ``key`` (an exact, already folded key)."""
        wanted = key.encode("utf-8")
        hashed = hash(wanted)
        first = int(np.searchsorted(self._hashes, hashed, side="left"))
        last = int(np.searchsorted(self._hashes, hashed, side="right"))
        rows, places = self._rows[first:last].tolist(), self._places[first:last].tolist()
        found = sorted(zip(rows, places, strict=True))
        named: list[str] = []
        aliased: list[str] = []
        for number, place in found:
            line = self.line(number)
            keys = line.split("\t", 3)[2].split("|")
            if keys[place].encode("utf-8") == wanted:
                (aliased if place else named).append(line)
        return TownRows(tuple(named), tuple(aliased))
