"""The interface every gazetteer backend implements (see :mod:`campmap.gazetteer.load`)."""

from __future__ import annotations

import dataclasses
from abc import ABC, abstractmethod
from collections.abc import Iterable
from pathlib import Path

from campmap.records import Place

__all__ = ["Backend", "FileGazetteer"]


class Backend(ABC):
    """A source of places.

    Offline backends (the embedded gazetteer, user files, OSM extracts) list
    all their places, so the extractor can find their names in text. Online
    backends (geocoders) only answer :meth:`lookup` and return nothing from
    :meth:`places`.

    Attributes
    ----------
    name : str
        Shown as the provenance of the places it resolves.
    """

    name: str = "backend"

    @abstractmethod
    def places(self) -> Iterable[Place]:
        """Return every place this backend can enumerate (empty for geocoders)."""

    def lookup(self, name: str) -> list[Place]:
        """Return the places a name resolves to, best first.

        The default compares normalised names and aliases of :meth:`places`;
        online backends override it.
        """
        from campmap.gazetteer.names import name_variants, normalize

        key = normalize(name)
        return [
            place
            for place in self.places()
            if any(key in name_variants(alias) for alias in (place.name, *place.aliases))
        ]


class FileGazetteer(Backend):
    """Places read once from a gazetteer file; subclasses say how with :meth:`load`.

    Parameters
    ----------
    path : str or pathlib.Path
        The file.
    name : str, optional
        Provenance shown for its places; the file name by default.
    peers : str, optional
        A label this file shares with its peers (the installed regions): namesakes among
        peers are settled by the report's region, not by the order of the files.
    """

    def __init__(self, path: str | Path, name: str | None = None, peers: str = "") -> None:
        self.path = Path(path)
        self.name = name or self.path.name
        places = self.load(self.path, self.name)
        if peers:
            places = [dataclasses.replace(place, peers=peers) for place in places]
        self._places = places

    @staticmethod
    @abstractmethod
    def load(path: Path, backend: str) -> list[Place]:
        """Read and validate the file's places (errors name the file and where)."""

    def places(self) -> Iterable[Place]:
        """Return every place in the file."""
        return self._places
