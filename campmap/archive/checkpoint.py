"""Finished batches of an archive run, kept on disk so an interrupted run resumes.

Checkpoints live in the output folder, which whoever supplies the reports may
also supply: they are JSON, which reading cannot turn into running code (the
pickle they once were could). Every value read is checked for its type, and a
file that does not read back as a batch of this run (damaged, planted, from
another version) is ignored with a warning: the batch is done again.

- :func:`encode_evidence` / :func:`decode_evidence`: sentences and their
  mentions as JSON, gazetteer places by reference ``[backend, id]`` (the
  reader puts its own place back), a place made on the fly (a junction's
  crossing) whole, its geometry as WKB;
- :class:`Checkpoint`: one file a batch, named by a hash of the run's settings
  and the batch's reports, written to a temporary file and renamed (a full
  disk is a warning, and the run goes on without saving more), read only if it
  is a regular file.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import shapely

from campmap.archive import checked
from campmap.export.outdir import real_folder
from campmap.gazetteer import Gazetteer
from campmap.records import Mention, Occurrence, Place, Role, Sentence

__all__ = ["Checkpoint", "decode_evidence", "encode_evidence"]

T = TypeVar("T")

Evidence = list[tuple[Sentence, list[Mention]]]

FORMAT = 3
"""Written in every checkpoint; a file of another format is done again."""


# --- sentences and mentions as JSON ---------------------------------------------------------


def encode_evidence(evidence: Evidence, gazetteer: Gazetteer) -> list[Any]:
    """Return sentences and their mentions as JSON values (lists, by position).

    Examples
    --------
    >>> from campmap import default_gazetteer, extract, read_text
    >>> from campmap.sources.dedupe import dedupe
    >>> gazetteer = default_gazetteer()
    >>> document = dedupe([read_text("Four cameras went up on Whitehall.", "a.txt")])
    >>> evidence = [(document.sentences[0], list(extract(document, gazetteer)))]
    >>> json.dumps(encode_evidence(evidence, gazetteer))[:78]
    '[[["Four cameras went up on Whitehall.", [["a.txt", 0, 34]], 0], [["Whitehall"'
    >>> decode_evidence(json.loads(json.dumps(encode_evidence(evidence, gazetteer))),
    ...                 gazetteer) == evidence
    True
    """
    return [
        [_sentence_out(sentence), [_mention_out(m, sentence, gazetteer) for m in mentions]]
        for sentence, mentions in evidence
    ]


def decode_evidence(value: Any, gazetteer: Gazetteer) -> Evidence:
    """Read what :func:`encode_evidence` wrote, its places pointing at ``gazetteer``'s own.

    Raises
    ------
    ValueError
        Not sentences and mentions, or a place this gazetteer does not have.
    """
    evidence: Evidence = []
    for item in checked.items(value):
        sentence_value, mentions = checked.fields(item, 2)
        sentence = _sentence_in(sentence_value)
        evidence.append(
            (sentence, [_mention_in(m, sentence, gazetteer) for m in checked.items(mentions)])
        )
    return evidence


def _sentence_out(sentence: Sentence) -> list[Any]:
    occurrences = [[o.source, o.start, o.end] for o in sentence.occurrences]
    return [sentence.text, occurrences, sentence.index]


def _sentence_in(value: Any) -> Sentence:
    text, occurrences, index = checked.fields(value, 3)
    return Sentence(
        checked.text(text),
        tuple(Occurrence(*checked.row(o, str, int, int)) for o in checked.items(occurrences)),
        checked.whole(index),
    )


def _place_out(place: Place | None, gazetteer: Gazetteer) -> Any:
    if place is None:
        return None
    if gazetteer.get(place.id) is place:
        return [place.backend, place.id]
    return {
        "id": place.id,
        "name": place.name,
        "kind": place.kind,
        "wkb": shapely.to_wkb(place.geometry, hex=True),
        "source": place.source,
        "aliases": list(place.aliases),
        "backend": place.backend,
    }


def _place_in(value: Any, gazetteer: Gazetteer) -> Place | None:
    if value is None:
        return None
    if isinstance(value, list):
        backend, place_id = checked.row(value, str, str)
        place = gazetteer.get(place_id)
        if place is None or place.backend != backend:
            raise ValueError(f"no place {place_id!r} in gazetteer {backend!r} here")
        return place
    if not isinstance(value, dict):
        raise ValueError(f"expected a place, got {type(value).__name__}")
    geometry = shapely.from_wkb(checked.text(value["wkb"]))
    if geometry is None or geometry.is_empty:
        raise ValueError("a place without a geometry")
    return Place(
        id=checked.text(value["id"]),
        name=checked.text(value["name"]),
        kind=checked.text(value["kind"]),
        geometry=geometry,
        source=checked.text(value["source"]),
        aliases=tuple(checked.text(a) for a in checked.items(value["aliases"])),
        backend=checked.text(value["backend"]),
    )


def _mention_out(mention: Mention, sentence: Sentence, gazetteer: Gazetteer) -> list[Any]:
    own = mention.sentence is sentence or mention.sentence == sentence
    return [
        mention.text,
        None if own else _sentence_out(mention.sentence),
        mention.start,
        mention.end,
        mention.role.value,
        _place_out(mention.place, gazetteer),
        mention.match,
        mention.score,
        mention.count,
        mention.count_text,
        mention.status,
        _place_out(mention.near, gazetteer),
        mention.reason,
        None if mention.route_key is None else list(mention.route_key),
        [_place_out(c, gazetteer) for c in mention.candidates],
        mention.table_row,
        mention.confidence,
        list(mention.reasons),
        mention.shape,
        mention.camera,
    ]


def _mention_in(value: Any, sentence: Sentence, gazetteer: Gazetteer) -> Mention:
    (
        text,
        own_sentence,
        start,
        end,
        role,
        place,
        match,
        score,
        count,
        count_text,
        status,
        near,
        reason,
        route_key,
        candidates,
        table_row,
        confidence,
        reasons,
        shape,
        camera,
    ) = checked.fields(value, 20)
    route = None if route_key is None else checked.row(route_key, str, str)
    return Mention(
        text=checked.text(text),
        sentence=sentence if own_sentence is None else _sentence_in(own_sentence),
        start=checked.whole(start),
        end=checked.whole(end),
        role=Role(checked.text(role)),
        place=_place_in(place, gazetteer),
        match=checked.text(match),
        score=checked.number(score),
        count=None if count is None else checked.whole(count),
        count_text=None if count_text is None else checked.text(count_text),
        status=checked.text(status),
        near=_place_in(near, gazetteer),
        reason=checked.text(reason),
        route_key=(route[0], route[1]) if route is not None else None,
        candidates=tuple(_known(_place_in(c, gazetteer)) for c in checked.items(candidates)),
        table_row=None if table_row is None else checked.whole(table_row),
        confidence=checked.number(confidence),
        reasons=tuple(checked.text(r) for r in checked.items(reasons)),
        shape=checked.text(shape),
        camera=checked.text(camera),
    )


def _known(place: Place | None) -> Place:
    if place is None:
        raise ValueError("a candidate place is missing")
    return place


# --- the folder -----------------------------------------------------------------------------


class Checkpoint:
    """Finished batches on disk, named by the run's settings and the batch's reports.

    The folder must be held by this run (:func:`campmap.export.outdir.lock_folder`):
    temporary files found in it are a killed run's, and are removed.

    Parameters
    ----------
    folder : pathlib.Path
        Where the batches are kept (refused if it is a symbolic link).
    settings : str
        What the results depend on (version, inputs, options): part of every name.
    warn : callable
        Called with a line for each checkpoint ignored, or when saving fails.
    """

    SUFFIX = ".json"

    def __init__(self, folder: Path, settings: str, warn: Callable[[str], None]) -> None:
        self.folder = real_folder(folder)
        self.run = hashlib.blake2b(settings.encode(), digest_size=8).hexdigest()
        self.warn = warn
        self.saving = True
        if folder.is_dir():
            for orphan in folder.glob(".*.tmp"):
                orphan.unlink(missing_ok=True)

    def path(self, keys: Iterable[str]) -> Path:
        """Return the file of the batch whose reports have these keys."""
        digest = hashlib.blake2b(self.run.encode(), digest_size=16)
        for key in keys:
            digest.update(key.encode())
            digest.update(b"\0")
        return self.folder / f"{digest.hexdigest()}{self.SUFFIX}"

    def load(self, keys: Iterable[str], read: Callable[[Any], T]) -> T | None:
        """Return the batch as ``read`` makes it from the file's JSON (None: not saved, or bad).

        Anything ``read`` raises, or a file that is not JSON, is a warning, and None.
        """
        path = self.path(keys)
        try:
            data = _read_regular_file(path)
        except FileNotFoundError:
            return None
        except OSError as err:
            self.warn(f"{path}: cannot read this checkpoint ({err.strerror or err}); redoing it")
            return None
        try:
            document = json.loads(data)
            if not isinstance(document, dict) or document.get("format") != FORMAT:
                raise ValueError(f"not a campmap checkpoint of format {FORMAT}")
            return read(document)
        except Exception as err:  # (anything at all, in a planted file)
            why = f"{type(err).__name__}: {err}"[:200]
            self.warn(f"{path}: ignored a checkpoint that does not read back ({why}); redoing it")
            return None

    def save(self, keys: Iterable[str], document: dict[str, Any]) -> None:
        """Write the batch's JSON (``format`` added); a failure warns once and stops saving.

        A value given as bytes is JSON already (a worker's packed evidence), written as it is.
        """
        if not self.saving:
            return
        path = self.path(keys)
        plain = {k: v for k, v in document.items() if not isinstance(v, bytes)}
        data = json.dumps({"format": FORMAT, **plain}, separators=(",", ":")).encode()
        spliced = [
            b"," + json.dumps(k).encode() + b":" + v for k, v in document.items() if k not in plain
        ]
        data = data[:-1] + b"".join(spliced) + b"}"
        temp: str | None = None
        try:
            self.folder.mkdir(exist_ok=True)
            descriptor, temp = tempfile.mkstemp(dir=self.folder, prefix=".", suffix=".tmp")
            with os.fdopen(descriptor, "wb") as stream:
                stream.write(data)
            Path(temp).replace(path)
            temp = None
        except OSError as err:
            self.saving = False
            self.warn(
                f"{self.folder}: cannot save a checkpoint ({err.strerror or err}); the run "
                "goes on without saving more (an interrupted run would redo those batches)"
            )
        finally:
            if temp is not None:
                Path(temp).unlink(missing_ok=True)


def _read_regular_file(path: Path) -> bytes:
    """Read a file without following a link, and only a regular one (not a pipe or device)."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    with os.fdopen(descriptor, "rb") as stream:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise OSError(f"not a regular file: {path}")
        return stream.read()
