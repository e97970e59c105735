"""What a worker sends back for a batch: typed records, packed for another process or a file.

A worker reads and extracts each report of a batch on its own and returns
only what the map needs (:class:`BatchResult`):

- each kept sentence as a small :class:`Record`: its 16-byte hash, where it
  stood, and one :class:`Row` per mention (all a row of the map needs to count
  it), plus the sentence and its mentions as evidence only while some row it
  feeds still has room for evidence;
- every row of the map is named by a :class:`Group`: a site, a route, a name
  no gazetteer knew, or a place only mentioned as context;
- evidence travels packed (:func:`pack_evidence`: JSON, gazetteer places by
  reference), and the main process reads it only if it keeps some of it.

A batch result goes to the main process pickled (:func:`pack`; pickle only
travels between the processes of a run) and into a checkpoint as JSON
(:func:`result_to_json`, read back with every value checked by
:func:`result_from_json`).
"""

from __future__ import annotations

import json
import pickle
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any, NamedTuple, TypeAlias

from campmap.archive import checked
from campmap.archive.checkpoint import decode_evidence, encode_evidence
from campmap.extract.attribution import Attribution, join_names, split_names
from campmap.gazetteer import Gazetteer
from campmap.layer.build import route_id
from campmap.records import Mention, Occurrence, Problem, Role, Sentence, Source

__all__ = [
    "ATTRIBUTION",
    "NO_EVIDENCE",
    "BatchResult",
    "Evidence",
    "Group",
    "GroupKind",
    "Record",
    "Row",
    "group_of",
    "pack",
    "pack_evidence",
    "result_from_json",
    "result_to_json",
    "unpack",
    "unpack_evidence",
]


class GroupKind(StrEnum):
    """What kind of row of the map a mention feeds."""

    SITE = "site"
    """A placed site: the key is its place id."""
    ROUTE = "route"
    """A route between two places: the key is its route id."""
    UNPLACED = "unplaced"
    """A site no gazetteer knew: the key is its name, spaces made single."""
    CONTEXT = "context"
    """A place named only as context: the key is its place id, or its text in lower case."""
    ATTRIBUTION = "attribution"
    """No place at all: a sentence kept for the makers or operators it names."""


class Group(NamedTuple):
    """The row of the map a mention feeds (see :func:`group_of`)."""

    kind: GroupKind
    key: str

    @property
    def name(self) -> str:
        """The group as one string (for the on-disk spill: never read back as a group)."""
        return f"{self.kind.value}\x1e{self.key}"


ATTRIBUTION = Group(GroupKind.ATTRIBUTION, "")
"""What a sentence without mentions feeds (it is kept for its makers and operators)."""

NO_EVIDENCE = -1
"""A record's ``slot`` when its evidence was left out (every row it feeds was full)."""


def group_of(mention: Mention) -> Group:
    """Return the row a mention feeds: a site, a route, an unplaced name, or context."""
    if mention.role is Role.SITE:
        if mention.place is not None:
            return Group(GroupKind.SITE, mention.place.id)
        return Group(GroupKind.UNPLACED, " ".join(mention.text.split()))
    if mention.role is Role.ROUTE and mention.route_key is not None:
        return Group(GroupKind.ROUTE, route_id(mention.route_key))
    context = mention.place.id if mention.place else mention.text.lower()
    return Group(GroupKind.CONTEXT, context)


class Row(NamedTuple):
    """What one mention adds to the row it feeds, when it is only counted."""

    group: Group
    role: Role
    camera_count: int | None
    """The mention's count of cameras (its ``count``)."""
    count_text: str | None
    status: str
    match: str
    text: str


class Record(NamedTuple):
    """One sentence of a batch."""

    digest: bytes
    """BLAKE2 hash (16 bytes) of the sentence's key: the same for a repeated copy."""
    occurrences: tuple[Occurrence, ...]
    rows: tuple[Row, ...]
    """One per mention."""
    slot: int
    """Where its evidence is in the batch's evidence (:data:`NO_EVIDENCE`: left out)."""


Evidence: TypeAlias = list[tuple[Sentence, list[Mention]]] | bytes
"""Sentences and their mentions, as objects or packed (:func:`pack_evidence`: JSON)."""


@dataclass(frozen=True, slots=True)
class BatchResult:
    """What a worker sends back for one batch."""

    reports: int = 0
    bytes: int = 0
    no_camera: int = 0
    """Reports that name no camera, skipped (when screening)."""
    timed_out: int = 0
    """Reports stopped at the time budget (also among ``failures``)."""
    sources: tuple[Source, ...] = ()
    """The reports that gave a record, without their text."""
    records: tuple[Record, ...] = ()
    evidence_items: Evidence = field(default_factory=list)
    """The sentences and mentions behind the records that carry evidence, in order."""
    assumed_full: tuple[Group, ...] = ()
    """The rows whose evidence was left out, taken to be full (checked when merging)."""
    failures: tuple[Problem, ...] = ()
    attributions: Mapping[str, Attribution] = field(default_factory=dict)
    """Makers and operators each report names (as ``attribute_sources`` finds them)."""
    notes: tuple[Problem, ...] = ()
    """What a plain run says of the batch's reports as it reads them (a table's guessed
    location column): problems of the run, not failures."""

    def evidence(self, gazetteer: Gazetteer) -> Iterator[tuple[Sentence, list[Mention]]]:
        """Yield each sentence and its mentions (packed ones read with ``gazetteer``).

        Raises
        ------
        ValueError
            A record was sent without its evidence (its rows were full), or packed
            evidence names a place ``gazetteer`` does not have.
        """
        items = unpack_evidence(self.evidence_items, gazetteer)
        for record in self.records:
            if record.slot < 0:
                raise ValueError("a record was sent without its evidence")
            yield items[record.slot]


def pack_evidence(evidence: Evidence, gazetteer: Gazetteer) -> bytes:
    """Encode sentences and their mentions as JSON, their gazetteer places by reference.

    Places carry geometries; the receiving process has loaded the same
    gazetteer files and puts its own place back (:func:`unpack_evidence`), so a
    result is smaller, quicker to read, and its mentions already point at the
    one copy of each place. A place made on the fly (a junction's crossing)
    travels whole. The same bytes go into a checkpoint (:mod:`campmap.archive.checkpoint`).
    """
    if isinstance(evidence, bytes):
        return evidence
    return json.dumps(encode_evidence(evidence, gazetteer), separators=(",", ":")).encode()


def unpack_evidence(
    evidence: Evidence, gazetteer: Gazetteer
) -> list[tuple[Sentence, list[Mention]]]:
    """Read packed evidence, pointing its places at ``gazetteer``'s own.

    Raises
    ------
    ValueError
        Not sentences and mentions, or a place not in this gazetteer (the files
        differ from the worker's).
    """
    if not isinstance(evidence, bytes):
        return evidence
    return decode_evidence(json.loads(evidence), gazetteer)


def pack(result: BatchResult, gazetteer: Gazetteer) -> bytes:
    """Pickle a batch result for the main process; its evidence packed apart (JSON).

    The main process reads a batch's evidence only if it keeps some of it
    (:func:`unpack_evidence`); the rest of a result is plain data. (Pickle only
    travels between the processes of a run; nothing read from disk is unpickled.)
    """
    packed = replace(result, evidence_items=pack_evidence(result.evidence_items, gazetteer))
    return pickle.dumps(packed, protocol=pickle.HIGHEST_PROTOCOL)


def unpack(data: bytes, gazetteer: Gazetteer) -> BatchResult:
    """Read a packed batch result (its evidence stays packed until it is needed).

    Raises
    ------
    pickle.UnpicklingError
        Not a batch result.
    """
    result = pickle.loads(data)
    if not isinstance(result, BatchResult):
        raise pickle.UnpicklingError("not a campmap batch result")
    return result


# --- a batch result as JSON, for a checkpoint -------------------------------------------------


def result_to_json(result: BatchResult, gazetteer: Gazetteer) -> dict[str, Any]:
    """Return a batch result as JSON values (by position), for a checkpoint.

    Its evidence goes in as the packed bytes a worker sent (JSON already).
    """
    return {
        "reports": result.reports,
        "bytes": result.bytes,
        "no_camera": result.no_camera,
        "timed_out": result.timed_out,
        "sources": [
            [s.label, s.text, s.encoding, s.url, s.characters, *_meta(s)] for s in result.sources
        ],
        "records": [
            [
                record.digest.hex(),
                [[o.source, o.start, o.end] for o in record.occurrences],
                [[*row.group, row.role.value, *row[2:]] for row in record.rows],
                record.slot,
            ]
            for record in result.records
        ],
        "assumed_full": [list(group) for group in result.assumed_full],
        "failures": [[p.path, p.message, p.line] for p in result.failures],
        "notes": [[p.path, p.message, p.line] for p in result.notes],
        "attributions": [
            [k, join_names(a.makers), join_names(a.operators)]
            for k, a in result.attributions.items()
        ],
        "evidence": pack_evidence(result.evidence_items, gazetteer),
    }


def _meta(source: Source) -> list[str | None]:
    return [source.outlet, source.title, source.author, source.published]


def result_from_json(document: dict[str, Any], gazetteer: Gazetteer) -> BatchResult:
    """Read a batch result back from a checkpoint, every value checked.

    Its evidence is read at once (not when merging), so a damaged file, or one
    naming places the gazetteer no longer has, is found here and the batch redone.

    Raises
    ------
    ValueError, KeyError
        Not a batch result (see :meth:`campmap.archive.checkpoint.Checkpoint.load`).
    """
    evidence = decode_evidence(document["evidence"], gazetteer)
    maybe_int, maybe_str = checked.Maybe(int), checked.Maybe(str)
    return BatchResult(
        reports=checked.count(document["reports"]),
        bytes=checked.count(document["bytes"]),
        no_camera=checked.count(document["no_camera"]),
        timed_out=checked.count(document["timed_out"]),
        sources=tuple(
            Source(*checked.row(v, str, str, str, maybe_str, maybe_int, *[maybe_str] * 4))
            for v in checked.items(document["sources"])
        ),
        records=tuple(_record_in(v, len(evidence)) for v in checked.items(document["records"])),
        evidence_items=evidence,
        assumed_full=tuple(_group_in(v) for v in checked.items(document["assumed_full"])),
        failures=_problems_in(document["failures"]),
        notes=_problems_in(document["notes"]),
        attributions={
            label: Attribution(split_names(manufacturer), split_names(operator))
            for label, manufacturer, operator in (
                checked.row(v, str, maybe_str, maybe_str)
                for v in checked.items(document["attributions"])
            )
        },
    )


def _problems_in(value: Any) -> tuple[Problem, ...]:
    maybe_int = checked.Maybe(int)
    return tuple(Problem(*checked.row(v, str, str, maybe_int)) for v in checked.items(value))


def _group_in(value: Any) -> Group:
    kind, key = checked.row(value, str, str)
    return Group(GroupKind(kind), key)


def _record_in(value: Any, evidence: int) -> Record:
    digest, occurrences, rows, slot = checked.fields(value, 4)
    if not isinstance(slot, int) or not NO_EVIDENCE <= slot < evidence:
        raise ValueError(f"no evidence {slot!r} in this batch")
    return Record(
        bytes.fromhex(checked.text(digest)),
        tuple(Occurrence(*checked.row(o, str, int, int)) for o in checked.items(occurrences)),
        tuple(_row_in(r) for r in checked.items(rows)),
        slot,
    )


def _row_in(value: Any) -> Row:
    kind, key, role, count, count_text, status, match, text = checked.row(
        value, str, str, str, checked.Maybe(int), checked.Maybe(str), str, str, str
    )
    return Row(Group(GroupKind(kind), key), Role(role), count, count_text, status, match, text)
