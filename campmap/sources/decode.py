"""Turn a report's bytes into text: encodings, HTML main text, Markdown marks.

Bytes are decoded as UTF-8 (with or without BOM) or UTF-16 with a BOM, falling
back to the legacy encoding charset-normalizer finds; binary files are refused.
HTML is reduced to its main text by trafilatura, and Markdown loses its marks
and link targets.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from campmap.errors import InputError
from campmap.sources.clean import CONTROL_CHARACTERS
from campmap.sources.metadata import ReportMeta, html_metadata

__all__ = [
    "LEGACY_ENCODINGS",
    "decode_bytes",
    "html_to_text",
    "looks_like_html",
    "strip_markdown",
]

LEGACY_ENCODINGS = (
    "cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257",
    "iso8859_2", "iso8859_5", "iso8859_7", "iso8859_8", "koi8_r", "mac_roman",
    "shift_jis", "euc_jp", "gb18030", "big5", "euc_kr", "tis_620",
)  # fmt: skip
"""Encodings tried, after UTF-8, for reports saved by older software (Windows and ISO
code pages, and the usual East Asian ones); charset-normalizer picks the one that fits."""
_MD_MARK = re.compile(r"(\*\*|__|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)|^#{1,6}\s*)", re.M)


def decode_bytes(data: bytes, label: str = "<bytes>") -> tuple[str, str]:
    r"""Decode a report's bytes.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are taken as they are;
    other bytes go to charset-normalizer, which picks one of
    :data:`LEGACY_ENCODINGS` that decodes them into coherent text.

    Parameters
    ----------
    data : bytes
        The raw report.
    label : str
        Names the input in errors.

    Returns
    -------
    tuple of (str, str)
        The text and the encoding used.

    Raises
    ------
    InputError
        The bytes are binary (NUL or many control bytes) or fit no encoding.

    Examples
    --------
    >>> decode_bytes("caf\u00e9".encode("cp1252") + b" \x93quoted\x94 and a longer line of text")[1]
    'cp1252'
    """
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as err:
                raise InputError(
                    label, f"not valid UTF-16 despite its byte-order mark: {err.reason}"
                ) from err
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if b"\x00" in data[:65536]:
        raise InputError(
            label, "binary file (it contains NUL bytes); expected a text or HTML report"
        )
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        best = charset_normalizer.from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
        if best is None:
            line = data[: err.start].count(b"\n") + 1
            raise InputError(
                label,
                f"cannot decode: byte 0x{data[err.start]:02x} is not UTF-8 and no legacy "
                "encoding fits; save the report as UTF-8",
                line,
            ) from err
        text, encoding = str(best), best.encoding
        if encoding != "cp1252" and _decodes_as(data, "cp1252") == text:
            encoding = "cp1252"  # the same text: name the more common code page
    controls = len(CONTROL_CHARACTERS.findall(text[:65536]))
    if controls > max(8, len(text[:65536]) // 100):
        raise InputError(label, "binary file (many control bytes); expected a text or HTML report")
    return text, encoding


def _decodes_as(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def html_to_text(html: str) -> tuple[str, ReportMeta]:
    """Return the main text of an HTML article and what its markup says about it.

    Uses trafilatura, which drops navigation, adverts and comment sections
    (the metadata: :func:`campmap.sources.metadata.html_metadata`).

    Parameters
    ----------
    html : str
        The page.

    Returns
    -------
    tuple of (str, ReportMeta)
        Paragraphs separated by blank lines, and the page's address, outlet,
        title, author and date where its markup names them.
    """
    import trafilatura

    text = trafilatura.extract(
        html, include_comments=False, include_tables=True, include_links=False, favor_recall=True
    )
    if not text:
        text = trafilatura.html2txt(html) or ""
    meta = html_metadata(html)
    return "\n\n".join(line for line in text.splitlines() if line.strip()), meta


def strip_markdown(text: str) -> str:
    r"""Remove Markdown's marks (emphasis, headings) and link targets, keeping the text.

    Examples
    --------
    >>> strip_markdown("# Cameras\n\nTwo on **Mill Road**, see [the map](https://x.org/m).")
    'Cameras\n\nTwo on Mill Road, see the map.'
    """
    return _MD_MARK.sub("", _unlink(text))


def _unlink(text: str) -> str:
    r"""Replace each Markdown link or image ``[text](target)`` by its text, in one pass.

    A link's text runs from a ``[`` to the next ``]``, which must be followed by
    ``(``; its target runs to the next ``)``. Every ``[`` before the same ``]``
    fails or succeeds alike, so the search goes on after that ``]``, and once no
    ``)`` is left no link can follow: each character is looked at a bounded
    number of times (the pattern ``!?\[([^\]]*)\]\([^)]*\)`` this replaces took
    time in the square of a text of repeated ``[``).

    Examples
    --------
    >>> _unlink("See [the map](https://x.org/m) and ![a photo](p.jpg), [not a link].")
    'See the map and a photo, [not a link].'
    >>> _unlink("[a [b](u) [[c](v")
    'a [b [[c](v'
    """
    parts: list[str] = []
    done = 0  # text before this is copied or replaced
    start = text.find("[")
    while start != -1:
        close = text.find("]", start + 1)
        if close == -1:
            break
        if not text.startswith("(", close + 1):
            start = text.find("[", close + 1)
            continue
        end = text.find(")", close + 2)
        if end == -1:
            break
        bang = start - 1 if start > done and text[start - 1] == "!" else start
        parts += (text[done:bang], text[start + 1 : close])
        done = end + 1
        start = text.find("[", done)
    parts.append(text[done:])
    return "".join(parts)


def looks_like_html(text: str) -> bool:
    """Tell whether a text is an HTML page (by how it starts)."""
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<head", "<body", "<article"))
