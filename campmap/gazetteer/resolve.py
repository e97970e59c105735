"""Resolve place names to real geometries through an ordered list of backends.

>>> gaz = default_gazetteer()
>>> gaz.lookup("Hoarse Guards Road")[0].name
'Horse Guards Road'
>>> gaz.lookup("Nowhere In Particular Lane")
[]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache, cached_property
from typing import NamedTuple

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from campmap.gazetteer.backends.base import Backend
from campmap.gazetteer.backends.geojson import EmbeddedGazetteer
from campmap.gazetteer.backends.towns import Town, TownsGazetteer, find_towns
from campmap.gazetteer.index import PhraseIndex
from campmap.gazetteer.junctions import split_junction
from campmap.gazetteer.names import name_variants, normalize, spelling
from campmap.gazetteer.roads import is_road_ref, without_direction
from campmap.records import Place

__all__ = ["FUZZY_CUTOFF", "Gazetteer", "NameHit", "default_gazetteer"]

FUZZY_CUTOFF = 0.85
"""Least Damerau-Levenshtein similarity (0-1) for a misspelt name to match."""
_CLOSEST_KEPT = 4096


class NameHit(NamedTuple):
    """A gazetteer or region name found in a sentence."""

    text: str
    start: int
    end: int
    places: tuple[Place, ...]
    region: bool


class Gazetteer:
    """Backends tried in order, and an index of every name they can list.

    Parameters
    ----------
    backends : sequence of Backend
        Earlier backends win when two know the same name.
    """

    def __init__(self, backends: Sequence[Backend]) -> None:
        self.backends = tuple(backends)
        self._by_key: dict[str, list[Place]] = {}
        self._by_id: dict[str, Place] = {}
        any_case: set[str] = set()
        for backend in self.backends:
            listed = list(backend.places())
            for place in listed:
                self._by_id.setdefault(place.id, place)
            # Within a backend, places named so come before places only aliased so.
            named = [(place, (place.name,)) for place in listed]
            for place, names in [*named, *((p, p.aliases) for p in listed)]:
                for alias in names:
                    keys = name_variants(alias)
                    if alias == alias.lower():
                        any_case.update(keys)
                    for key in keys:
                        bucket = self._by_key.setdefault(key, [])
                        if place not in bucket:
                            bucket.append(place)
        self._keys = list(self._by_key)
        self._any_case = frozenset(any_case)
        # Spellings as written (abbreviations unfolded) -> index key, for misspelt names.
        self._spellings: dict[str, str] = {}
        for place in self._by_id.values():
            for alias in (place.name, *place.aliases):
                self._spellings.setdefault(spelling(alias), normalize(alias))
        # Spellings by their words' initials: a misspelling is only compared with those.
        self._spellings_by_initials: dict[str, list[str]] = {}
        for written in self._spellings:
            initials = "".join(w[0] for w in written.split())
            self._spellings_by_initials.setdefault(initials, []).append(written)

        # The answers of :meth:`fuzzy` by spelling: names recur from sentence to sentence.
        self._closest: dict[str, tuple[str, float] | None] = {}

    @cached_property
    def _index(self) -> PhraseIndex:
        """The index of every known name and region name, to find them in text.

        Built when first needed (by :meth:`find_names`): looking a name up, as
        ``campmap gazetteer find`` does, needs neither it nor the world's regions.
        """
        from campmap.gazetteer.regions import region_names

        regions, capitals = region_names()
        unknown = frozenset(regions) - self._by_key.keys()
        return PhraseIndex([*self._by_key, *unknown], exact_case=capitals, any_case=self._any_case)

    def places(self) -> list[Place]:
        """Return every place the offline backends know, first backend first."""
        return list(self._by_id.values())

    def get(self, place_id: str) -> Place | None:
        """Return the place with this id, or None."""
        return self._by_id.get(place_id)

    def get_many(self, place_ids: Sequence[str]) -> list[Place | None]:
        """Return the place with each id (None for an unknown one), in one pass.

        Examples
        --------
        >>> Gazetteer([]).get_many(["nowhere", "nowhere-else"])
        [None, None]
        """
        return list(map(self._by_id.get, place_ids))

    def find_names(self, text: str) -> list[NameHit]:
        """Find every known place or region name in a piece of text.

        Returns
        -------
        list of NameHit
            Leftmost-longest hits; a region hit has no places.
        """
        out = []
        for hit in self._index.find(text):
            places = tuple(self._by_key.get(hit.key, ()))
            out.append(NameHit(text[hit.start : hit.end], hit.start, hit.end, places, not places))
        return out

    def lookup(self, name: str, *, online: bool = True) -> list[Place]:
        """Resolve a name: exact (normalised) first, else the closest spelling.

        A junction phrase (``A junction with B``, ``A / B``) resolves to the
        point where the two streets meet (see :meth:`junction`; online, from the
        streets' geocoded lines, :mod:`campmap.gazetteer.crossings`); names no
        offline backend knows are then asked of the online backends, in order.

        Parameters
        ----------
        name : str
        online : bool
            Also ask the online backends; False: offline backends only.

        Returns
        -------
        list of Place
            Best first; empty when nothing matches well enough.
        """
        exact = self._by_key.get(normalize(name))
        if exact:
            return list(exact)
        road = is_road_ref(name)
        if road:  # "Highway 17 North" is Highway 17; A405 is never a misspelt A406
            exact = self._by_key.get(normalize(without_direction(name)))
            if exact:
                return list(exact)
        matched = None if road else self.fuzzy(name)
        if matched is not None:
            return list(self._by_key[matched[0]])
        pair = split_junction(name)
        if pair is not None:
            crossing = self.junction(*pair, online=False)
            if crossing is None and online:
                crossing = self._online_junction(pair)
            if crossing is not None:
                return [crossing]
        for backend in self.backends if online else ():
            if not any(True for _ in backend.places()):
                found = backend.lookup(name)
                if found:
                    return found
        return []

    def _online_junction(self, pair: tuple[str, str]) -> Place | None:
        """Return the junction placed from the streets' geocoded lines, or None."""
        online = [b for b in self.backends if not any(True for _ in b.places())]
        if not online:
            return None
        from campmap.gazetteer.backends.geocoder import GeocoderBackend
        from campmap.gazetteer.crossings import place_crossing

        for backend in online:
            if isinstance(backend, GeocoderBackend):
                crossing = place_crossing(*pair, self, backend, backend.region)
                if crossing.place is not None:
                    return crossing.place
        return None

    def fuzzy(self, name: str) -> tuple[str, float] | None:
        """Return the index key of the known name spelt most like ``name``, and its score.

        Names are compared by Damerau-Levenshtein similarity (a swapped pair of
        letters is one slip), and only with names of as many words, each word
        starting with the same letter: "Hoarse Guards Road" matches "Horse
        Guards Road", but "Hill Road" never matches "Mill Road", nor "Horse
        Guards Parade" "Horse Guards Road".
        """
        written = spelling(name)
        if not written:
            return None
        if written in self._closest:
            return self._closest[written]
        choices = self._spellings_by_initials.get("".join(w[0] for w in written.split()))
        best = (
            process.extractOne(
                written,
                choices,
                scorer=DamerauLevenshtein.normalized_similarity,
                score_cutoff=FUZZY_CUTOFF,
            )
            if choices
            else None
        )
        found = None if best is None else (self._spellings[best[0]], round(float(best[1]) * 100, 1))
        if len(self._closest) >= _CLOSEST_KEPT:
            self._closest.clear()
        self._closest[written] = found
        return found

    def suggest(self, name: str, limit: int = 5) -> list[tuple[Place, float]]:
        """Return the places whose names are closest to ``name``, with scores."""
        key = normalize(name)
        best = process.extract(key, self._keys, scorer=fuzz.WRatio, limit=limit * 3)
        out: list[tuple[Place, float]] = []
        for matched, score, _ in best:
            for place in self._by_key[matched]:
                if all(place is not p for p, _ in out):
                    out.append((place, float(score)))
        return out[:limit]

    def junction(self, first: str, second: str, *, online: bool = True) -> Place | None:
        """Resolve the junction of two named streets to the point where they meet.

        Parameters
        ----------
        first, second : str
            Street names, as written (misspellings are matched as by :meth:`lookup`).
        online : bool
            Also ask the online backends for the streets (their points); False:
            offline backends only (online junctions: :mod:`campmap.gazetteer.crossings`).

        Returns
        -------
        Place or None
            A ``junction`` place with a Point geometry, whose id joins the two
            streets' ids in sorted order (so ``A/B`` and ``B/A`` are one site);
            None when either name is unknown or the streets do not meet.
        """
        from campmap.geometry import crossing_point

        a, b = self.lookup(first, online=online), self.lookup(second, online=online)
        for one in a:
            for other in b:
                if one.id == other.id:
                    continue
                point = crossing_point(one.geometry, other.geometry)
                if point is not None:
                    pair = sorted([one, other], key=lambda p: p.id)
                    return Place(
                        id=f"junction-{pair[0].id}-{pair[1].id}",
                        name=f"{pair[0].name} / {pair[1].name}",
                        kind="junction",
                        geometry=point,
                        source=f"crossing of {pair[0].name} ({pair[0].source}) and "
                        f"{pair[1].name} ({pair[1].source})",
                        backend=one.backend
                        if one.backend == other.backend
                        else f"{one.backend}+{other.backend}",
                    )
        return None

    def towns(self, name: str) -> tuple[Town, ...]:
        """Return the towns called ``name`` when a towns backend is in use, most populous first."""
        if not any(isinstance(b, TownsGazetteer) for b in self.backends):
            return ()
        return find_towns(name)

    def lines(self) -> Iterable[Place]:
        """Return the places whose geometry is a line (streets, walks)."""
        return (p for p in self._by_id.values() if p.place_kind == "line")


@cache
def _embedded() -> EmbeddedGazetteer:
    return EmbeddedGazetteer()


def default_gazetteer(extra: Sequence[Backend] = ()) -> Gazetteer:
    """Return a gazetteer of ``extra`` backends, the embedded one, and towns worldwide."""
    return Gazetteer([*extra, _embedded(), TownsGazetteer()])
