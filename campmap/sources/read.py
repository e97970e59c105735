"""Read one report into a :class:`~campmap.records.Source`: from text, bytes or a file.

The report is decoded (:mod:`campmap.sources.decode`: encodings, HTML main
text, Markdown), cleaned (:mod:`campmap.sources.clean`) and checked against
the limits of :mod:`campmap.limits`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import BinaryIO

from campmap.display import file_label
from campmap.errors import InputError
from campmap.limits import MAX_PARAGRAPH_CHARS, check_paragraphs, read_limited
from campmap.records import Source
from campmap.sources.clean import clean_text
from campmap.sources.decode import decode_bytes, html_to_text, looks_like_html, strip_markdown
from campmap.sources.metadata import ReportMeta, text_metadata, web_address, with_meta
from campmap.sources.walk import STDIN

__all__ = ["read_source", "read_text", "source_from_bytes"]


def read_text(
    text: str, label: str = "<text>", *, url: str | None = None, meta: ReportMeta | None = None
) -> Source:
    """Make a :class:`Source` from text already in memory.

    Parameters
    ----------
    text : str
        The report; HTML is recognised by its start and reduced to its main text.
    label : str
        How the report is named in outputs.
    url : str, optional
        The report's address.
    meta : ReportMeta, optional
        What is known of the report already (a JSON-lines record's fields):
        it wins over what the text says.

    Returns
    -------
    Source

    Raises
    ------
    InputError
        A paragraph is longer than :data:`campmap.limits.MAX_PARAGRAPH_CHARS`.

    Examples
    --------
    >>> read_text("Two cameras\u00a0on \u2018the Mall\u2019.").text
    "Two cameras on 'the Mall'."
    """
    given = (meta or ReportMeta()).fill(ReportMeta(url=web_address(url)))
    if looks_like_html(text):
        text, found = html_to_text(text)
    else:
        found = text_metadata(text)
    cleaned = clean_text(text)
    check_paragraphs(cleaned, label)
    return with_meta(Source(label=label, text=cleaned), given.fill(found))


def read_source(path: str | Path, *, stdin: BinaryIO | None = None) -> Source:
    """Read one report file (or ``-`` for standard input).

    Parameters
    ----------
    path : str or pathlib.Path
        The file to read.
    stdin : binary file, optional
        What ``-`` reads; ``sys.stdin.buffer`` by default.

    Returns
    -------
    Source

    Raises
    ------
    InputError
        The file is missing, binary, undecodable, holds no text, or is past a
        limit of :mod:`campmap.limits`.
    """
    label = str(path)
    if label == STDIN:
        label = "<stdin>"
        data = read_limited(None, label, stdin or sys.stdin.buffer)
        suffix = ""
    else:
        file = Path(path)
        label = file_label(path)
        if not file.exists():
            raise InputError(label, "no such file")
        if file.is_dir():
            raise InputError(label, "is a folder; give the folder itself as an input to read it")
        data = read_limited(file, label)
        suffix = file.suffix.lower()
    return source_from_bytes(data, label, suffix)


def source_from_bytes(data: bytes, label: str, suffix: str = "") -> Source:
    """Make a :class:`Source` from a report's bytes (decoded, main text, cleaned, checked).

    Parameters
    ----------
    data : bytes
        The report as stored (already decompressed).
    label : str
        How the report is named.
    suffix : str
        The file ending (``.html``, ``.md`` ...) that says how to read it; HTML is
        also recognised by its start.

    Raises
    ------
    InputError
        Binary, undecodable, empty, or a paragraph past :data:`campmap.limits.MAX_PARAGRAPH_CHARS`.
    """
    text, encoding = decode_bytes(data, label)
    if suffix in {".html", ".htm"} or (suffix not in {".txt", ".md"} and looks_like_html(text)):
        text, meta = html_to_text(text)
    else:
        meta = text_metadata(text)
        if suffix in {".md", ".markdown"}:
            if len(text) > MAX_PARAGRAPH_CHARS:  # the limit before any more work on the text
                check_paragraphs(clean_text(text), label)
            text = strip_markdown(text)
    cleaned = clean_text(text)
    if not cleaned.strip():
        raise InputError(label, "empty report: no text to read")
    check_paragraphs(cleaned, label)
    return with_meta(Source(label=label, text=cleaned, encoding=encoding), meta)
