"""Stream the reports of an archive: folders, glob patterns, JSON-lines, compressed files.

A corpus may hold millions of articles, so nothing here lists it whole: the
inputs are found by :func:`campmap.sources.walk.walk_inputs` (one directory in
memory at a time, in the order :func:`campmap.read_sources` uses, under the
same rules, glob patterns expanded), JSON-lines files are read one line at a
time, and each :class:`Report` carries either a path (read by the worker that
processes it) or one article's text.

Inputs
------
- a report file (``.txt``, ``.md``, ``.html`` ...), also compressed
  (``report.txt.gz``, ``.bz2``, ``.xz``);
- a JSON-lines file (``.jsonl``, ``.ndjson``, also compressed): one article per
  line, a JSON object with a text field (``text`` unless told otherwise) and
  optionally ``id``, ``url``, ``outlet``, ``title``, ``author`` and ``date``
  (:func:`campmap.sources.metadata.record_metadata`); each line is a report
  named ``FILE:LINE``.
  A line is read with a bounded ``readline``: one longer than
  :data:`~campmap.limits.MAX_REPORT_BYTES` (decompressed) is skipped unread
  and counted as failed, like a compressed report that expands past it, as is
  a line nested too deeply to parse or holding text that is not Unicode (a
  lone surrogate escape);
- ``-``: standard input, read once when met, as one report named ``<stdin>``;
- a ``.csv``/``.tsv`` table of deployments given by name (or, when asked,
  found in a folder): one report of kind :attr:`~InputKind.TABLE`, which
  :func:`read_stored` refuses (tables are read by
  :func:`campmap.extract.tables.read_table`, which needs the gazetteer: the
  archive worker reads them so);
- a folder of any of these, read recursively (hidden files skipped);
- a glob pattern (``archive/2024-*/*.html``, ``**`` for any depth).

Symbolic links are followed as a plain run follows them (the walker's rules):
a link given as an input, or to a file, is read; a link to a folder met inside
a folder is not walked (nor by ``**``).
"""

from __future__ import annotations

import hashlib
import json
import lzma
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, BinaryIO

from campmap.errors import InputError
from campmap.limits import MAX_REPORT_BYTES, read_limited
from campmap.records import Problem, Source
from campmap.sources.metadata import ReportMeta, record_metadata
from campmap.sources.read import read_text, source_from_bytes
from campmap.sources.walk import InputKind, open_input, split_suffix, walk_inputs

__all__ = [
    "Report",
    "iter_reports",
    "load_report",
    "read_stored",
    "source_of",
]

_NO_META = ReportMeta()
STDIN_LABEL = "<stdin>"
"""How standard input is named in outputs."""


@dataclass(frozen=True, slots=True)
class Report:
    """One report of a corpus, not yet read.

    Attributes
    ----------
    label : str
        How the report is named in outputs and warnings.
    path : str or None
        The file to read, for file reports.
    text : str or None
        The article, for a JSON-lines line.
    meta : ReportMeta
        The article's address, outlet, title, author and date, when the
        JSON-lines record gave them.
    key : str
        What identifies this version of the report (size and modification
        time of a file, a hash of a line), for resuming.
    error : str or None
        Why the report cannot be read (a malformed JSON line), found while
        streaming; the report is then counted as failed.
    size : int
        Bytes, as stored (for throughput figures).
    data : bytes or None
        The report's bytes, for standard input (read when met).
    kind : InputKind
        What the report holds (a table is refused by :func:`read_stored`).
    """

    label: str
    path: str | None = None
    text: str | None = None
    meta: ReportMeta = _NO_META
    key: str = ""
    error: str | None = None
    size: int = 0
    data: bytes | None = None
    kind: InputKind = InputKind.REPORT


def iter_reports(
    inputs: Iterable[str | Path],
    *,
    text_field: str = "text",
    tables: bool = False,
    stdin: BinaryIO | None = None,
    patterns: bool = True,
    problems: list[Problem] | None = None,
) -> Iterator[Report]:
    """Yield every report of the inputs, in order, without reading files ahead.

    Parameters
    ----------
    inputs : iterable of str or pathlib.Path
        Files, folders, glob patterns and JSON-lines files (see the module).
    text_field : str
        The field holding an article's text in JSON-lines records.
    tables : bool
        Also take the .csv/.tsv tables found in folders and patterns (a table
        given by name is always a report of kind ``TABLE``).
    stdin : binary file, optional
        What ``-`` reads; ``sys.stdin.buffer`` by default.
    patterns : bool
        Expand glob patterns (else names are taken literally, as plain runs take them).
    problems : list of Problem, optional
        Where an empty or unreadable folder is noted (plain runs); without it,
        that is an error (see :func:`campmap.sources.walk.walk_inputs`).

    Yields
    ------
    Report

    Raises
    ------
    InputError
        An input names no file, folder or matching pattern.
    """
    kinds = {InputKind.REPORT, InputKind.JSON_LINES} | ({InputKind.TABLE} if tables else set())
    found_inputs = walk_inputs(inputs, kinds=kinds, patterns=patterns, problems=problems)
    for found in found_inputs:
        if found.kind is InputKind.STDIN:
            yield _stdin_report(stdin or sys.stdin.buffer)
        elif found.kind is InputKind.JSON_LINES:
            yield from _jsonl_reports(found.path, text_field, found.label)
        else:
            yield _file_report(found.path, found.kind, found.label)


def _file_report(path: str, kind: InputKind, label: str) -> Report:
    try:
        stat = os.stat(path)  # noqa: PTH116
    except OSError as err:  # (gone since it was listed)
        return Report(label=label, key=label, error=f"cannot read: {err.strerror or err}")
    key = f"{label}:{stat.st_size}:{stat.st_mtime_ns}"
    return Report(label=label, path=path, key=key, size=stat.st_size, kind=kind)


def _stdin_report(stream: BinaryIO) -> Report:
    """Read standard input (up to the limit) into one report."""
    try:
        data = read_limited(None, STDIN_LABEL, stream)
    except InputError as err:
        return Report(label=STDIN_LABEL, key=STDIN_LABEL, error=err.message)
    key = f"{STDIN_LABEL}:{hashlib.blake2b(data, digest_size=16).hexdigest()}"
    return Report(label=STDIN_LABEL, key=key, size=len(data), data=data, kind=InputKind.STDIN)


_SKIP_CHUNK = 1 << 20
"""Bytes read at a time while skipping the rest of a line past the limit."""


def _lines(stream: IO[bytes]) -> Iterator[tuple[bytes, int]]:
    """Yield each line of a stream (at most one byte past the limit) and its full length.

    A line longer than :data:`~campmap.limits.MAX_REPORT_BYTES` is never held
    whole: its first ``MAX_REPORT_BYTES + 1`` bytes are yielded and the rest is
    read through in chunks, counted, and dropped.
    """
    while True:
        line = stream.readline(MAX_REPORT_BYTES + 1)
        if not line:
            return
        size = len(line)
        if size > MAX_REPORT_BYTES and not line.endswith(b"\n"):
            while True:
                rest = stream.readline(_SKIP_CHUNK)
                size += len(rest)
                if not rest or rest.endswith(b"\n"):
                    break
        yield line, size


def _jsonl_reports(path: str, text_field: str, name: str) -> Iterator[Report]:
    unpacked = " when decompressed" if split_suffix(path)[1] is not None else ""
    try:
        stream = open_input(path)
    except OSError as err:
        yield Report(label=name, key=name, error=f"cannot read: {err.strerror or err}")
        return
    with stream:
        number = 0
        try:
            for number, (raw, size) in enumerate(_lines(stream), start=1):
                if size > MAX_REPORT_BYTES:
                    label = f"{name}:{number}"
                    reason = (
                        f"line of {size} bytes, larger than MAX_REPORT_BYTES "
                        f"({MAX_REPORT_BYTES}){unpacked}"
                        "; skipped unread"
                    )
                    yield Report(label=label, key=f"{label}:{size}", error=reason, size=size)
                elif raw.strip():
                    yield _jsonl_report(name, number, raw, text_field)
        except (OSError, EOFError, lzma.LZMAError) as err:
            label = f"{name}:{number + 1}"
            yield Report(label=label, key=label, error=f"cannot decompress: {err}")


def _jsonl_report(name: str, number: int, raw: bytes, text_field: str) -> Report:
    label = f"{name}:{number}"
    key = f"{label}:{hashlib.blake2b(raw, digest_size=16).hexdigest()}"
    try:
        record = json.loads(raw)
    except (UnicodeDecodeError, ValueError) as err:
        reason = f"malformed JSON line: {err}"
        return Report(label=label, key=key, error=reason, size=len(raw))
    except RecursionError:
        reason = "JSON nested too deeply to read (expected one object of plain fields)"
        return Report(label=label, key=key, error=reason, size=len(raw))
    if not isinstance(record, dict):
        got = type(record).__name__
        return Report(label=label, key=key, error=f"expected a JSON object, got {got}")
    text = record.get(text_field)
    if not isinstance(text, str):
        fields = ", ".join(sorted(record)) or "none"
        reason = f"no text field {text_field!r} (fields: {fields})"
        return Report(label=label, key=key, error=reason, size=len(raw))
    if b"\\u" in raw:  # only an escape can give a lone surrogate, which no output can hold
        for field, value in ((text_field, text), ("url", record.get("url"))):
            bad = _lone_surrogate(value) if isinstance(value, str) else None
            if bad is not None and isinstance(value, str):
                reason = (
                    f"field {field!r} holds a lone surrogate (\\u{ord(value[bad]):04x}) at "
                    f"character {bad + 1}, which is not text; expected valid Unicode"
                )
                return Report(label=label, key=key, error=reason, size=len(raw))
    return Report(
        label=label,
        text=text,
        meta=record_metadata(record),
        key=key,
        size=len(raw),
    )


def _lone_surrogate(text: str) -> int | None:
    """Return the index of the first lone surrogate in ``text``, or None."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as err:
        return err.start
    return None


def read_stored(report: Report) -> tuple[bytes | str, str]:
    """Return a report as stored, and how to read it.

    That is its bytes (decompressed) and its file ending, or a JSON-lines
    record's text and ``".jsonl"``.

    Raises
    ------
    InputError
        The report is malformed, missing, too large, or cannot be decompressed.
    """
    if report.error is not None:
        raise InputError(report.label, report.error)
    if report.text is not None:
        return report.text, ".jsonl"
    if report.data is not None:
        return report.data, ""
    if report.kind is InputKind.TABLE:
        raise InputError(
            report.label,
            "a table of deployments, not a report: tables are read with the gazetteer "
            "(campmap.extract.tables.read_table)",
        )
    assert report.path is not None
    suffix, compression = split_suffix(report.path)
    if compression is None:
        # One open and read, the limit checked on the size read when the report was listed.
        return read_limited(Path(report.path), report.label, size=report.size), suffix
    try:
        with open_input(report.path) as stream:
            data = stream.read(MAX_REPORT_BYTES + 1)
    except (OSError, EOFError, lzma.LZMAError) as err:
        raise InputError(report.label, f"cannot decompress: {err}") from err
    if len(data) > MAX_REPORT_BYTES:
        raise InputError(
            report.label,
            f"larger than MAX_REPORT_BYTES ({MAX_REPORT_BYTES} bytes) when decompressed",
        )
    return data, suffix


def source_of(report: Report, stored: bytes | str, suffix: str) -> Source:
    """Read and clean a report from what :func:`read_stored` returned.

    Raises
    ------
    InputError
        Binary, undecodable, empty, or a paragraph past the limit.
    """
    if isinstance(stored, str):
        source = read_text(stored, report.label, meta=report.meta)
        if not source.text.strip():
            raise InputError(report.label, "empty report: no text to read")
        return source
    return source_from_bytes(stored, report.label, suffix)


def load_report(report: Report) -> Source:
    """Read and clean one report, as :func:`campmap.sources.read.read_source` does.

    Parameters
    ----------
    report : Report

    Returns
    -------
    Source

    Raises
    ------
    InputError
        The report is malformed, binary, undecodable, too large or empty.
    """
    return source_of(report, *read_stored(report))
