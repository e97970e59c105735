"""Named limits on untrusted input, checked before the expensive work starts.

campmap reads text from the web. An input past one of these limits is refused
with an :class:`~campmap.errors.InputError` that names the limit, instead of
running for minutes or exhausting memory. Each limit is far above what a real
report, table or review sheet holds.
"""

from __future__ import annotations

from pathlib import Path
from stat import S_ISREG
from typing import BinaryIO

from campmap.errors import InputError

__all__ = [
    "MAX_COUNT",
    "MAX_GEOCODER_ANSWER_BYTES",
    "MAX_PARAGRAPH_CHARS",
    "MAX_REPORT_BYTES",
    "MAX_TABLE_ROWS",
    "check_count",
    "check_paragraphs",
    "check_rows",
    "known_count",
    "read_limited",
    "read_up_to",
]

MAX_REPORT_BYTES = 32 * 1024 * 1024
"""Largest report, table or review file read (32 MiB); a long article is under 1 MiB."""

MAX_PARAGRAPH_CHARS = 200_000
"""Longest paragraph (text between blank lines, after cleaning) split into sentences.

Sentence splitting of one 10 MB line takes about half a minute; 200 000
characters is some 30 pages of text with no paragraph break."""

MAX_TABLE_ROWS = 200_000
"""Most data rows read from a deployments table or a review sheet."""

MAX_GEOCODER_ANSWER_BYTES = 1024 * 1024
"""Largest answer read from an online geocoder (1 MiB); Nominatim's answers are a few KB.

A longer one (an endless stream, a Content-Length past it) is abandoned (the
connection dropped) and the name left unresolved, with the reason."""

MAX_COUNT = 2**53 - 1
"""Largest camera count kept as a number (9 007 199 254 740 991).

The largest whole number every output keeps exactly: JSON readers in
JavaScript (the map) hold numbers as doubles, and so does a pandas column with
gaps. The GeoPackage stores counts as 64-bit integers. A count written in a
report beyond it is left unknown, its wording kept (``count_text``); a table
or a review sheet giving one is refused."""


def read_up_to(file: BinaryIO, size: int) -> bytes:
    """Read a file of ``size`` bytes, and at most one byte past :data:`MAX_REPORT_BYTES`.

    Asking for the expected size first, not the limit, spares allocating a
    buffer as large as the limit for every small report; a file that grew
    since its size was read is read on, up to the limit.
    """
    data = file.read(min(size, MAX_REPORT_BYTES) + 1)
    if len(data) > size and len(data) <= MAX_REPORT_BYTES:
        data += file.read(MAX_REPORT_BYTES + 1 - len(data))
    return data


def read_limited(
    path: Path | None, label: str, stream: BinaryIO | None = None, *, size: int | None = None
) -> bytes:
    """Read a file (or a stream) if it is at most :data:`MAX_REPORT_BYTES` long.

    Parameters
    ----------
    path : pathlib.Path or None
        The file; its size is checked before anything is read.
    label : str
        Names the input in errors.
    stream : binary file, optional
        Read instead of ``path`` (standard input); at most one byte past the
        limit is read.
    size : int, optional
        The file's size, when the caller has it already (a listed archive):
        the file is then opened and read, nothing more.

    Raises
    ------
    InputError
        The input is missing, a folder, larger than the limit, or cannot be read.
    """
    try:
        if stream is not None:
            data = stream.read(MAX_REPORT_BYTES + 1)
        else:
            assert path is not None
            if size is None:
                info = path.stat()
                size = info.st_size if S_ISREG(info.st_mode) else 0
            if size > MAX_REPORT_BYTES:
                raise InputError(
                    label,
                    f"{size} bytes, larger than MAX_REPORT_BYTES ({MAX_REPORT_BYTES}); "
                    "split the input",
                )
            with path.open("rb") as file:
                data = read_up_to(file, size)
    except FileNotFoundError as err:
        raise InputError(label, "no such file") from err
    except IsADirectoryError as err:
        message = "is a folder; give the folder itself as an input to read it"
        raise InputError(label, message) from err
    except OSError as err:
        raise InputError(label, f"cannot read: {err.strerror or err}") from err
    if len(data) > MAX_REPORT_BYTES:
        raise InputError(
            label,
            f"larger than MAX_REPORT_BYTES ({MAX_REPORT_BYTES} bytes); split the input",
        )
    return data


def check_paragraphs(text: str, label: str) -> None:
    """Refuse a text with a paragraph longer than :data:`MAX_PARAGRAPH_CHARS`.

    Raises
    ------
    InputError
        Naming the paragraph (counted in the cleaned text) and the limit.

    Examples
    --------
    >>> check_paragraphs("short", "r.txt")
    >>> check_paragraphs("x" * (MAX_PARAGRAPH_CHARS + 1), "r.txt")
    Traceback (most recent call last):
    ...
    campmap.errors.InputError: r.txt: paragraph 1 has 200001 characters, ...
    """
    if len(text) <= MAX_PARAGRAPH_CHARS:
        return
    for number, paragraph in enumerate(text.split("\n\n"), start=1):
        if len(paragraph) > MAX_PARAGRAPH_CHARS:
            raise InputError(
                label,
                f"paragraph {number} has {len(paragraph)} characters, more than "
                f"MAX_PARAGRAPH_CHARS ({MAX_PARAGRAPH_CHARS}); expected text with paragraph breaks",
            )


def known_count(value: int | None) -> int | None:
    """Return a count from a report, or None (unknown) past :data:`MAX_COUNT`.

    Examples
    --------
    >>> known_count(3_000_000_000), known_count(10**20), known_count(None)
    (3000000000, None, None)
    """
    return None if value is None or value > MAX_COUNT else value


def check_count(text: str, label: str, line: int, column: str) -> int:
    """Return a whole number of cameras written in a table cell, or refuse it.

    Raises
    ------
    InputError
        Not digits, or past :data:`MAX_COUNT`; naming the line and column.
    """
    if not text.isascii() or not text.isdigit():
        raise InputError(
            label, f"column {column!r}: expected a whole number of cameras, got {text!r}", line
        )
    value = int(text)
    if value > MAX_COUNT:
        raise InputError(
            label,
            f"column {column!r}: {text} is more than MAX_COUNT ({MAX_COUNT}) cameras",
            line,
        )
    return value


def check_rows(count: int, label: str, line: int) -> None:
    """Refuse a table once it has more than :data:`MAX_TABLE_ROWS` data rows.

    Raises
    ------
    InputError
        Naming the line past the limit.
    """
    if count > MAX_TABLE_ROWS:
        raise InputError(
            label,
            f"more than MAX_TABLE_ROWS ({MAX_TABLE_ROWS}) rows; split the table",
            line,
        )
