"""Stream the reports of an archive: folders, glob patterns, JSON-lines, compressed files.

A corpus may hold millions of articles, so nothing here lists it whole: folders
are walked one directory at a time (entries in name order, so the order is the
one :func:`campmap.read_sources` uses), JSON-lines files are read one line at a
time, and each :class:`Report` carries either a path (read by the worker that
processes it) or one article's text.

Inputs
------
- a report file (``.txt``, ``.md``, ``.html`` ...), also compressed
  (``report.txt.gz``, ``.bz2``, ``.xz``);
- a JSON-lines file (``.jsonl``, ``.ndjson``, also compressed): one article per
  line, a JSON object with a text field (``text`` unless told otherwise) and
  optionally ``id`` and ``url``; each line is a report named ``FILE:LINE``.
  A line is read with a bounded ``readline``: one longer than
  :data:`~campmap.limits.MAX_REPORT_BYTES` (decompressed) is skipped unread
  and counted as failed, like a compressed report that expands past it, as is
  a line nested too deeply to parse or holding text that is not Unicode (a
  lone surrogate escape);
- a folder of any of these, read recursively (hidden files skipped);
- a glob pattern (``archive/2024-*/*.html``, ``**`` for any depth).

Symbolic links are followed as a plain run (:func:`campmap.read_sources`)
follows them: a link given as an input, or to a file, is read; a link to a
folder met inside a folder is not walked (nor by ``**``), so a loop or a link
to ``/`` cannot send the walk round for ever or across the disk.
"""

from __future__ import annotations

import bz2
import glob
import gzip
import hashlib
import json
import lzma
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from campmap.display import file_label
from campmap.errors import InputError
from campmap.limits import MAX_REPORT_BYTES, read_limited
from campmap.records import Source
from campmap.sources.reports import REPORT_SUFFIXES, read_text, source_from_bytes

__all__ = [
    "COMPRESSED_SUFFIXES",
    "JSONL_SUFFIXES",
    "Report",
    "iter_reports",
    "load_report",
    "read_stored",
    "source_of",
]

COMPRESSED_SUFFIXES: dict[str, Callable[[str, str], IO[bytes]]] = {
    ".gz": gzip.open,  # type: ignore[dict-item]
    ".bz2": bz2.open,  # type: ignore[dict-item]
    ".xz": lzma.open,  # type: ignore[dict-item]
}
"""Compressions read transparently (standard library codecs)."""

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
"""File endings read as one article per line."""


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
    url : str or None
        The article's address, when the JSON-lines record gave one.
    key : str
        What identifies this version of the report (size and modification
        time of a file, a hash of a line), for resuming.
    error : str or None
        Why the report cannot be read (a malformed JSON line), found while
        streaming; the report is then counted as failed.
    size : int
        Bytes, as stored (for throughput figures).
    """

    label: str
    path: str | None = None
    text: str | None = None
    url: str | None = None
    key: str = ""
    error: str | None = None
    size: int = 0


def _suffixes(name: str) -> tuple[str, str | None]:
    """Return the content suffix and the compression suffix of a file name."""
    # (os.path, not pathlib: asked three times a report, and millions of reports)
    lower = os.path.basename(name).lower()  # noqa: PTH119
    for ext in COMPRESSED_SUFFIXES:
        if lower.endswith(ext):
            return os.path.splitext(lower[: -len(ext)])[1], ext  # noqa: PTH122
    return os.path.splitext(lower)[1], None  # noqa: PTH122


def _wanted(name: str) -> bool:
    suffix, _ = _suffixes(name)
    return suffix in REPORT_SUFFIXES or suffix in JSONL_SUFFIXES


def _walk(folder: str) -> Iterator[str]:
    """Yield the report files under ``folder`` in path order, one directory in memory at a time.

    Links to files are read; links to folders are not walked (as a plain run).
    """
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError as err:
        raise InputError(folder, f"cannot read folder: {err.strerror or err}") from err
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(entry.path)
        elif _is_file(entry) and _wanted(entry.name):
            yield entry.path


def _is_file(entry: os.DirEntry[str]) -> bool:
    """Whether an entry is a file, or a link to one (a broken link, or a loop, is not)."""
    try:
        return entry.is_file()
    except OSError:
        return False


def _glob(pattern: str) -> list[str]:
    """Return the paths a pattern matches, sorted; ``**`` does not go through links to folders.

    (:func:`glob.glob` follows them, and two links up the tree make it run for ever.
    :meth:`pathlib.Path.glob` does not, but matches hidden names, which are skipped
    here unless the pattern spells them out, as :func:`glob.glob` does.)
    """
    anchor = Path(pattern).anchor
    relative = pattern[len(anchor) :]
    spelled = {part for part in Path(relative).parts if not glob.has_magic(part)}
    matches = []
    for path in Path(anchor or ".").glob(relative):
        parts = path.parts[len(Path(anchor).parts) :] if anchor else path.parts
        if any(p.startswith(".") and p not in spelled and p not in {".", ".."} for p in parts):
            continue
        matches.append(str(path))
    return sorted(matches)


def _expand(item: str) -> Iterator[str]:
    if Path(item).is_dir():
        found = False
        for path in _walk(item):
            found = True
            yield path
        if not found:
            raise InputError(item, "folder holds no reports")
    elif Path(item).exists():
        yield item
    elif glob.has_magic(item):
        matches = _glob(item)
        if not matches:
            raise InputError(item, "the pattern matches no file")
        for match in matches:
            if Path(match).is_dir():
                yield from _walk(match)
            elif Path(match).is_file() and (_wanted(match) or match == item):
                yield match  # (not a broken link, as when walking a folder)
    else:
        raise InputError(item, "no such file, folder or pattern")


def _open(path: str) -> IO[bytes]:
    _, compression = _suffixes(path)
    if compression is None:
        return Path(path).open("rb")
    return COMPRESSED_SUFFIXES[compression](path, "rb")


def iter_reports(inputs: Iterable[str | Path], *, text_field: str = "text") -> Iterator[Report]:
    """Yield every report of the inputs, in order, without reading files ahead.

    Parameters
    ----------
    inputs : iterable of str or pathlib.Path
        Files, folders, glob patterns and JSON-lines files (see the module).
    text_field : str
        The field holding an article's text in JSON-lines records.

    Yields
    ------
    Report

    Raises
    ------
    InputError
        An input names no file, folder or matching pattern.
    """
    items = [str(item) for item in inputs]
    # A file named twice (a folder and a file in it) is read once; one input needs no memory.
    seen: set[str] | None = set() if len(items) > 1 else None
    for item in items:
        for path in _expand(item):
            if seen is not None:
                if path in seen:
                    continue
                seen.add(path)
            suffix, _ = _suffixes(path)
            if suffix in JSONL_SUFFIXES:
                yield from _jsonl_reports(path, text_field)
            else:
                stat = os.stat(path)  # noqa: PTH116
                label = file_label(path)
                key = f"{label}:{stat.st_size}:{stat.st_mtime_ns}"
                yield Report(label=label, path=path, key=key, size=stat.st_size)


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


def _jsonl_reports(path: str, text_field: str) -> Iterator[Report]:
    name = file_label(path)
    unpacked = " when decompressed" if _suffixes(path)[1] is not None else ""
    try:
        stream = _open(path)
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
    url = record.get("url")
    if b"\\u" in raw:  # only an escape can give a lone surrogate, which no output can hold
        for field, value in ((text_field, text), ("url", url)):
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
        url=url if isinstance(url, str) else None,
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
    assert report.path is not None
    suffix, compression = _suffixes(report.path)
    if compression is None:
        # One open and read, the limit checked on the size read when the report was listed.
        return read_limited(Path(report.path), report.label, size=report.size), suffix
    try:
        with _open(report.path) as stream:
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
        source = read_text(stored, report.label, url=report.url)
        if not source.text.strip():
            raise InputError(report.label, "empty report: no text to read")
        return source
    return source_from_bytes(stored, report.label, suffix)


def load_report(report: Report) -> Source:
    """Read and clean one report, as :func:`campmap.sources.reports.read_source` does.

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
