"""Find the inputs of a run: files, folders, glob patterns, ``-``; one suffix table.

Plain runs (:func:`campmap.read_sources`) and archive runs
(:func:`campmap.sources.corpus.iter_reports`) both list their inputs with
:func:`walk_inputs`, under one set of rules:

- ``-`` is standard input, each time it is given.
- A file given by name (or a link to one) is an input whatever its ending.
- A folder is walked recursively, one directory in memory at a time, entries
  in name order (so depth first, in path order); hidden names (a leading
  ``.``) are skipped. Only files whose kind (by :data:`SUFFIXES`, also
  compressed, see :data:`COMPRESSED_SUFFIXES`) the run reads are taken.
- Symbolic links: a link given as an input is followed; inside a folder a
  link to a file is read, a link to a folder is not walked (nor by ``**``),
  so a loop or a link to ``/`` cannot send the walk round for ever or across
  the disk (issue 17); a broken link is skipped.
- A glob pattern (``archive/2024-*/*.html``, ``**`` for any depth) is
  expanded in path order when the run takes patterns (archive runs; plain
  runs take names literally); a folder it matches is walked.
- A file met twice (a folder and a file in it) is listed once when there is
  more than one input (one input cannot repeat a file, and needs no memory).
- A missing input, or a pattern matching nothing, is an :class:`InputError`.
  A folder holding no input of the kinds read, or that cannot be read, is a
  :class:`~campmap.records.Problem` when the caller collects problems (plain
  runs warn and go on), else an :class:`InputError` (archive runs stop).
"""

from __future__ import annotations

import bz2
import enum
import glob
import gzip
import lzma
import os
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import IO

from campmap.display import file_label, shown_name
from campmap.errors import InputError
from campmap.records import Problem

__all__ = [
    "COMPRESSED_SUFFIXES",
    "JSONL_SUFFIXES",
    "REPORT_SUFFIXES",
    "STDIN",
    "SUFFIXES",
    "TABLE_SUFFIXES",
    "Input",
    "InputKind",
    "kind_of",
    "open_input",
    "split_suffix",
    "walk_inputs",
]

STDIN = "-"
"""The input name that reads standard input."""


class InputKind(enum.Enum):
    """What an input holds, so how it is read."""

    REPORT = "report"
    """One article: plain text, Markdown or HTML."""
    JSON_LINES = "json-lines"
    """One article per line, a JSON object with a text field."""
    TABLE = "table"
    """A .csv/.tsv table of deployments (read by :mod:`campmap.extract.tables`)."""
    STDIN = "stdin"
    """Standard input: one report."""


SUFFIXES: Mapping[str, InputKind] = MappingProxyType(
    {
        **dict.fromkeys((".txt", ".text", ".md", ".markdown", ".html", ".htm"), InputKind.REPORT),
        **dict.fromkeys((".jsonl", ".ndjson"), InputKind.JSON_LINES),
        **dict.fromkeys((".csv", ".tsv"), InputKind.TABLE),
    }
)
"""The one suffix table: each file ending the runs read, and what it holds."""

REPORT_SUFFIXES = frozenset(s for s, kind in SUFFIXES.items() if kind is InputKind.REPORT)
"""File endings read as one report when a folder is given."""
JSONL_SUFFIXES = frozenset(s for s, kind in SUFFIXES.items() if kind is InputKind.JSON_LINES)
"""File endings read as one article per line."""
TABLE_SUFFIXES = tuple(s for s, kind in SUFFIXES.items() if kind is InputKind.TABLE)
"""File endings read as tables of deployments."""

COMPRESSED_SUFFIXES: Mapping[str, Callable[[str, str], IO[bytes]]] = MappingProxyType(
    {
        ".gz": gzip.open,  # type: ignore[dict-item]
        ".bz2": bz2.open,  # type: ignore[dict-item]
        ".xz": lzma.open,  # type: ignore[dict-item]
    }
)
"""Compressions read transparently (standard library codecs); tables are not read compressed."""

_ALL_KINDS = frozenset(InputKind)


@dataclass(frozen=True, slots=True)
class Input:
    """One input found by :func:`walk_inputs`.

    Attributes
    ----------
    path : str
        The file (``-`` for standard input).
    kind : InputKind
        What it holds; a file given by name with no known ending is a report.
    compression : str or None
        The compression suffix (``.gz`` ...), when compressed.
    label : str
        The name outputs give it (see :func:`shown_name`); never an absolute path.
    """

    path: str
    kind: InputKind
    compression: str | None = None
    label: str = ""


def split_suffix(name: str) -> tuple[str, str | None]:
    """Return the content suffix and the compression suffix of a file name (lower case).

    Examples
    --------
    >>> split_suffix("news/Story.TXT.gz"), split_suffix("a.jsonl")
    (('.txt', '.gz'), ('.jsonl', None))
    """
    # (os.path, not pathlib: asked three times a report, and millions of reports)
    lower = os.path.basename(name).lower()  # noqa: PTH119
    for ext in COMPRESSED_SUFFIXES:
        if lower.endswith(ext):
            return os.path.splitext(lower[: -len(ext)])[1], ext  # noqa: PTH122
    return os.path.splitext(lower)[1], None  # noqa: PTH122


def kind_of(name: str) -> InputKind | None:
    """Return what a file holds by its ending (None: not an ending the runs read).

    Examples
    --------
    >>> kind_of("a.html.bz2"), kind_of("t.csv"), kind_of("t.csv.gz"), kind_of("x.pdf")
    (<InputKind.REPORT: 'report'>, <InputKind.TABLE: 'table'>, None, None)
    """
    suffix, compression = split_suffix(name)
    kind = SUFFIXES.get(suffix)
    if kind is InputKind.TABLE and compression is not None:
        return None
    return kind


def open_input(path: str) -> IO[bytes]:
    """Open a file for reading bytes, decompressing it by its ending."""
    _, compression = split_suffix(path)
    if compression is None:
        return Path(path).open("rb")
    return COMPRESSED_SUFFIXES[compression](path, "rb")


def walk_inputs(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    kinds: Collection[InputKind] = _ALL_KINDS,
    patterns: bool = True,
    problems: list[Problem] | None = None,
) -> Iterator[Input]:
    """Yield the inputs a run reads, in order, without listing a folder whole (see the module).

    Parameters
    ----------
    inputs : iterable of str or path
        Files, folders, glob patterns, ``-``.
    kinds : collection of InputKind
        The kinds of file taken from folders and patterns.
    patterns : bool
        Expand glob patterns (archive runs); else a name is taken literally.
    problems : list of Problem, optional
        Where an empty or unreadable folder is noted; without it, that is an error.

    Yields
    ------
    Input

    Raises
    ------
    InputError
        An input names no file, folder (or matching pattern); see ``problems``.
    """
    walker = _Walker(frozenset(kinds), patterns, problems)
    items = [os.fspath(item) for item in inputs]
    seen: set[str] | None = set() if len(items) > 1 else None
    for item in items:
        for found in walker.expand(item):
            if seen is not None and found.kind is not InputKind.STDIN:
                if found.path in seen:
                    continue
                seen.add(found.path)
            yield replace(found, label=shown_name(item, found.path))


@dataclass(frozen=True, slots=True)
class _Walker:
    kinds: frozenset[InputKind]
    patterns: bool
    problems: list[Problem] | None

    def expand(self, item: str) -> Iterator[Input]:
        if item == STDIN:
            yield Input(STDIN, InputKind.STDIN)
        elif Path(item).is_dir():
            found = False
            for found_input in self.walk(os.fspath(Path(item))):
                found = True
                yield found_input
            if not found and os.access(item, os.R_OK | os.X_OK):  # (else said already)
                endings = ", ".join(sorted(s for s, k in SUFFIXES.items() if k in self.kinds))
                self._problem(item, f"folder holds no reports (looked for {endings})")
        elif Path(item).exists():
            yield self._named(item)
        elif self.patterns and glob.has_magic(item):
            matches = _glob(item)
            if not matches:
                raise InputError(file_label(item), "the pattern matches no file")
            for match in matches:
                if Path(match).is_dir():
                    yield from self.walk(match)
                elif Path(match).is_file() and (self._wanted(match) or match == item):
                    yield self._named(match)  # (not a broken link, as when walking a folder)
        elif self.patterns:
            raise InputError(file_label(item), "no such file, folder or pattern")
        else:
            raise InputError(file_label(item), "no such file or folder")

    def walk(self, folder: str) -> Iterator[Input]:
        """Yield the inputs under a folder in path order; links to folders are not walked."""
        try:
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda e: e.name)
        except OSError as err:
            self._problem(folder, f"cannot read folder: {err.strerror or err}")
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                yield from self.walk(entry.path)
            elif _is_file(entry) and self._wanted(entry.name):
                yield self._named(entry.path)

    def _wanted(self, name: str) -> bool:
        return kind_of(name) in self.kinds

    def _named(self, path: str) -> Input:
        return Input(path, kind_of(path) or InputKind.REPORT, split_suffix(path)[1])

    def _problem(self, item: str, message: str) -> None:
        if self.problems is None:
            raise InputError(file_label(item), message)
        self.problems.append(Problem(file_label(item), message))


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
