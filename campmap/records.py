"""Frozen records passed between the pipeline stages.

Each stage takes and returns these small immutable values, and each keeps its
provenance: a :class:`Mention` knows its :class:`Sentence`, and a sentence knows
every :class:`Occurrence` of it in every :class:`Source`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from enum import StrEnum
from operator import attrgetter
from typing import TYPE_CHECKING, TypeVar

from campmap.display import strip_bidi

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

__all__ = [
    "Document",
    "Mention",
    "Occurrence",
    "Place",
    "Problem",
    "Role",
    "Sentence",
    "Source",
]


_Record = TypeVar("_Record", bound=type)


def _pickled_by_position(cls: _Record) -> _Record:
    """Pickle a frozen record as its class and its constructor arguments, in order.

    Several times quicker to pickle and unpickle than dataclasses' slot state
    (archive runs send every sentence and mention between processes), and it
    follows the fields as they are declared.
    """
    arguments = attrgetter(*[f.name for f in fields(cls) if f.init])

    def __reduce__(self: object) -> tuple[type, tuple[object, ...]]:
        return cls, arguments(self)

    cls.__reduce__ = __reduce__  # type: ignore[assignment]
    return cls


class Role(StrEnum):
    """What a place mention is to the story."""

    SITE = "site"
    """Cameras are reported at this place."""
    ROUTE = "route"
    """An end of a route along which cameras are reported."""
    CONTEXT = "context"
    """Mentioned, but no camera is placed there (a country, a city, a qualifier)."""


@_pickled_by_position
@dataclass(frozen=True, slots=True)
class Problem:
    """A warning about one input that was skipped or only partly read."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


@_pickled_by_position
@dataclass(frozen=True, slots=True)
class Source:
    """One report as read and cleaned.

    Attributes
    ----------
    label : str
        How the report is named in outputs: the path as given, or ``"<stdin>"``.
    text : str
        The cleaned text; every ``start``/``end`` offset in campmap refers to it.
    encoding : str
        The encoding the bytes were decoded with.
    url : str or None
        The report's address, when the input said (an HTML canonical link).
    characters : int or None
        Length of the cleaned text when ``text`` was not kept (corpus runs keep
        only the sentences behind mentions); None means ``len(text)``.
    outlet, title, author : str or None
        Who published the report, its headline and its byline, when the input
        said (see :mod:`campmap.sources.metadata`).
    published : str or None
        Its publication date, ISO ``YYYY-MM-DD``, when the input said.
    """

    label: str
    text: str
    encoding: str = "utf-8"
    url: str | None = None
    characters: int | None = None
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None


@_pickled_by_position
@dataclass(frozen=True, slots=True)
class Occurrence:
    """Where a sentence stands in one source."""

    source: str
    start: int
    end: int


@_pickled_by_position
@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence, kept once however often it was repeated.

    Attributes
    ----------
    text : str
        The sentence as it first appeared.
    occurrences : tuple of Occurrence
        Every place it appeared, first one first (repeats and syndicated copies).
    index : int
        Position among the document's unique sentences.
    """

    text: str
    occurrences: tuple[Occurrence, ...]
    index: int

    @property
    def source(self) -> str:
        """Label of the source where the sentence first appeared."""
        return self.occurrences[0].source

    @property
    def start(self) -> int:
        """Offset of the first occurrence in its source's text."""
        return self.occurrences[0].start

    @property
    def sources(self) -> tuple[str, ...]:
        """Every source that carried the sentence, in order of first appearance."""
        return tuple(dict.fromkeys(o.source for o in self.occurrences))


@dataclass(frozen=True, slots=True)
class Document:
    """All sources of one run, split into unique sentences.

    ``sources`` is any sequence of sources, read in order: a tuple, or a
    read-only list kept on disk when there are too many to hold in memory.
    """

    sources: Sequence[Source]
    sentences: tuple[Sentence, ...]
    problems: tuple[Problem, ...] = ()


@_pickled_by_position
@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: a named thing with a real geometry.

    Attributes
    ----------
    id : str
        Stable identifier, unique within its backend.
    name : str
        Canonical name.
    kind : str
        What it is: ``street``, ``park``, ``statue``, ``station`` ...
    geometry : shapely geometry
        Point, LineString or Polygon in WGS84 longitude/latitude.
    source : str
        Where the coordinates came from.
    aliases : tuple of str
        Other names it goes by.
    backend : str
        Which gazetteer backend knew it (``embedded``, a file name ...).
    peers : str
        Backends whose places share a non-empty label are peers (the installed regions):
        a name several of them know is settled by the report's region, not by which
        backend comes first.
    """

    id: str
    name: str
    kind: str
    geometry: BaseGeometry = field(compare=False, repr=False)
    source: str
    aliases: tuple[str, ...] = ()
    backend: str = "embedded"
    peers: str = field(default="", compare=False, repr=False)

    place_kind: str = field(init=False, compare=False, repr=False)
    """``"point"``, ``"line"`` or ``"area"``, from the geometry type (set on creation)."""
    _centre: tuple[float, float] | None = field(default=None, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.name.isascii() or not all(a.isascii() for a in self.aliases):
            # Names come from files and geocoders: none may display reordered.
            object.__setattr__(self, "name", strip_bidi(self.name))
            object.__setattr__(self, "aliases", tuple(strip_bidi(a) for a in self.aliases))
        gtype = self.geometry.geom_type
        kind = "point"
        if gtype in ("LineString", "MultiLineString"):
            kind = "line"
        elif gtype in ("Polygon", "MultiPolygon"):
            kind = "area"
        object.__setattr__(self, "place_kind", kind)  # frozen: asked for on every mention

    def centre(self) -> tuple[float, float]:
        """Return a point inside the place, ``(lon, lat)`` (worked out once)."""
        if self._centre is None:
            point = self.geometry.representative_point()
            object.__setattr__(self, "_centre", (float(point.x), float(point.y)))
        assert self._centre is not None
        return self._centre


@_pickled_by_position
@dataclass(frozen=True, slots=True)
class Mention:
    """A place named in a sentence, with what campmap decided about it.

    Attributes
    ----------
    text : str
        The words as written in the sentence (``"Hoarse Guards Road"``).
    sentence : Sentence
        Where it was found.
    start, end : int
        Character span of ``text`` within ``sentence.text``.
    role : Role
        Site, route end, or context.
    place : Place or None
        The gazetteer entry it resolved to; None when unresolved.
    match : str
        How the name matched: ``exact``, ``fuzzy``, ``candidate`` (place-like,
        unknown), or ``region`` (a country or city).
    score : float
        Match score, 100 for exact matches.
    count : int or None
        Cameras stated for this place in this sentence; None when not stated.
    count_text : str or None
        The words the count was read from (``"four"``), or a vague amount.
    status : str
        ``installed``, ``planned``, ``removed`` ...
    near : Place or None
        A place that narrows the position (``X entrance to Y``: Y).
    reason : str
        Why the role was chosen, in a few words.
    route_key : tuple of str or None
        The route this mention is an end of.
    candidates : tuple of Place
        Every place the name could be (namesakes in other towns), best first.
    table_row : int or None
        The line of a deployments table the mention is, or None for a report.
    confidence : float
        How sure the role is, between 0 and 1.
    reasons : tuple of str
        Why the role was chosen, strongest reason first (``reason`` is the first).
    shape : str
        What the phrase looks like: ``street``, ``facility``, ``road``, ``junction``,
        ``block``, ``area``, ``name`` (see :class:`campmap.extract.shapes.Shape`), or the
        gazetteer kind of a known name.
    camera : str
        The kind of camera (``anpr``, ``speed``, ``cctv`` ...; ``camera`` when the
        report does not say; see :data:`campmap.extract.kinds.KINDS`).
    """

    text: str
    sentence: Sentence
    start: int
    end: int
    role: Role
    place: Place | None = None
    match: str = "exact"
    score: float = 100.0
    count: int | None = None
    count_text: str | None = None
    status: str = "installed"
    near: Place | None = None
    reason: str = ""
    route_key: tuple[str, str] | None = None
    candidates: tuple[Place, ...] = field(default=(), compare=False, repr=False)
    table_row: int | None = None
    confidence: float = 1.0
    reasons: tuple[str, ...] = ()
    shape: str = "name"
    camera: str = "camera"

    @property
    def resolved(self) -> bool:
        """Whether the mention was placed."""
        return self.place is not None

    @property
    def source(self) -> str:
        """Label of the first source carrying the mention."""
        return self.sentence.source

    @property
    def source_start(self) -> int:
        """Offset of the mention in its first source's text."""
        return self.sentence.start + self.start

    @property
    def source_end(self) -> int:
        """End offset of the mention in its first source's text."""
        return self.sentence.start + self.end
