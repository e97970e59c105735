"""Read reports and clean them into unique sentences.

Reports are plain text, Markdown or HTML files, folders of them, or ``-`` for
standard input. Bytes are decoded as UTF-8, falling back to the legacy
encoding charset-normalizer finds; binary files are refused. The text is
normalised (typographic quotes, spaces, scraping artefacts), split into
paragraphs and sentences (syntok), and sentences repeated within or across
reports are kept once, with every place they appeared.
"""

from __future__ import annotations

import codecs
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

import charset_normalizer
from syntok import segmenter
from syntok._segmentation_states import State as syntok_state  # its abbreviation lists

from campmap.display import BIDI_CONTROLS, file_label
from campmap.errors import InputError
from campmap.limits import MAX_PARAGRAPH_CHARS, check_paragraphs, read_limited
from campmap.records import Document, Occurrence, Problem, Sentence, Source

__all__ = [
    "REMOVED_CHARACTERS",
    "REPORT_SUFFIXES",
    "clean_text",
    "decode_bytes",
    "dedupe",
    "html_to_text",
    "looks_like_html",
    "read_source",
    "read_sources",
    "read_text",
    "sentence_key",
    "source_from_bytes",
    "split_sentences",
]

REPORT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm"})
"""File endings read when a folder is given."""

LEGACY_ENCODINGS = (
    "cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257",
    "iso8859_2", "iso8859_5", "iso8859_7", "iso8859_8", "koi8_r", "mac_roman",
    "shift_jis", "euc_jp", "gb18030", "big5", "euc_kr", "tis_620",
)  # fmt: skip
"""Encodings tried, after UTF-8, for reports saved by older software (Windows and ISO
code pages, and the usual East Asian ones); charset-normalizer picks the one that fits."""

STDIN = "-"

# Typographic quotes, odd spaces and invisible characters, and what each becomes.
_ODD: dict[str, str] = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u00b4": "'",
    "\u0060": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u00a0": " ",
    "\u2007": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u3000": " ",
    "\u2028": "\n",
    "\u2029": "\n\n",
    "\u00ad": "",
    "\u200b": "",
    "\u200c": "",
    "\u200d": "",
    "\u2060": "",
    "\ufeff": "",
    # Bidirectional controls: a quote must not display in another order than it reads.
    **dict.fromkeys(BIDI_CONTROLS, ""),
}
REMOVED_CHARACTERS = "".join(c for c, replacement in _ODD.items() if not replacement)
"""Invisible characters cleaning removes (soft hyphen, zero-width spaces, BOM,
bidirectional controls)."""
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# One pass over the text finds both (control characters go).
_ODD_OR_CONTROL = re.compile("[" + "".join(_ODD) + _CONTROL.pattern[1:])
_SPACES = re.compile(r"[ \t]{2,}|\t")  # a lone space is left alone: nothing to do
# "China 's" (a scraper's space before a possessive) becomes "China's".
_SPACED_POSSESSIVE = re.compile(r"(?<=\w) '(?=s\b)")
_BULLET = re.compile(r"^\s*(?:[-*+\u2022\u25aa\u25cf]|\d{1,2}[.)])\s+")
_MD_MARK = re.compile(r"(\*\*|__|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)|^#{1,6}\s*)", re.M)
_TRAILING_CREDIT = re.compile(r"\s*\([^()]{0,40}\)\s*[.!?]?\s*$")
_WORD_RUN = re.compile(r"[^\W_]+")
# Where a sentence could end inside a paragraph: a terminal, closing quotes, then a space;
# or a semicolon before a capital (syntok splits some of those). syntok never ends a
# sentence at a colon (checked on 32,857 generated paragraphs with colons and capitals).
_INNER_END = re.compile(r"[.!?\u2026][\"')\]]*\s|;\s+\W*[A-Z]")
_TERMINAL = (".", "!", "?", ":", ";", '"', "'", ")")
# A sure sentence end: a plain lower-case word of three letters or more, a full stop, a
# space, a capitalised word. syntok splits there unless the word is one of its
# abbreviations or months (checked in _pieces); paragraphs with brackets, which syntok
# may skip over, are never cut.
_SURE_END = re.compile(r"(?<![\w.'\u2019@/&-])([a-z]{3,})[.!?](?= +[A-Z][a-z])")
_NOT_AN_END = syntok_state.abbreviations | syntok_state.months
_BRACKETS = frozenset(syntok_state.opening_brackets)


def read_text(text: str, label: str = "<text>", *, url: str | None = None) -> Source:
    """Make a :class:`Source` from text already in memory.

    Parameters
    ----------
    text : str
        The report; HTML is recognised by its start and reduced to its main text.
    label : str
        How the report is named in outputs.
    url : str, optional
        The report's address.

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
    if looks_like_html(text):
        text, found_url = html_to_text(text)
        url = url or found_url
    cleaned = clean_text(text)
    check_paragraphs(cleaned, label)
    return Source(label=label, text=cleaned, url=url)


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
    url = None
    if suffix in {".html", ".htm"} or (suffix not in {".txt", ".md"} and looks_like_html(text)):
        text, url = html_to_text(text)
    elif suffix in {".md", ".markdown"}:
        if len(text) > MAX_PARAGRAPH_CHARS:  # the limit before any more work on the text
            check_paragraphs(clean_text(text), label)
        text = _strip_markdown(text)
    cleaned = clean_text(text)
    if not cleaned.strip():
        raise InputError(label, "empty report: no text to read")
    check_paragraphs(cleaned, label)
    return Source(label=label, text=cleaned, encoding=encoding, url=url)


def read_sources(inputs: Iterable[str | Path], *, stdin: BinaryIO | None = None) -> Document:
    """Read every input and split it into unique sentences.

    Folders are read recursively (files ending in :data:`REPORT_SUFFIXES`, in
    name order; hidden files skipped). A missing path is an error; a file that
    cannot be read is skipped with a :class:`~campmap.records.Problem`.

    Parameters
    ----------
    inputs : iterable of str or pathlib.Path
        Files, folders, or ``-`` for standard input.
    stdin : binary file, optional
        What ``-`` reads.

    Returns
    -------
    Document
        The sources read, their unique sentences, and the problems met.

    Raises
    ------
    InputError
        An input path does not exist.
    """
    sources: list[Source] = []
    problems: list[Problem] = []
    for path in _expand(inputs, problems):
        try:
            sources.append(read_source(path, stdin=stdin))
        except InputError as err:
            problems.append(Problem(err.path, err.message, err.line))
    return dedupe(sources, problems)


def _expand(inputs: Iterable[str | Path], problems: list[Problem]) -> Iterator[str | Path]:
    seen: set[str] = set()
    for item in inputs:
        label = str(item)
        if label == STDIN:
            yield label
            continue
        path = Path(item)
        if not path.exists():
            raise InputError(file_label(label), "no such file or folder")
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in REPORT_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not files:
                endings = ", ".join(sorted(REPORT_SUFFIXES))
                message = f"folder holds no reports (looked for {endings})"
                problems.append(Problem(file_label(label), message))
            for file in files:
                if str(file) not in seen:
                    seen.add(str(file))
                    yield file
        elif label not in seen:
            seen.add(label)
            yield item


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
    controls = len(_CONTROL.findall(text[:65536]))
    if controls > max(8, len(text[:65536]) // 100):
        raise InputError(label, "binary file (many control bytes); expected a text or HTML report")
    return text, encoding


def _decodes_as(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def html_to_text(html: str) -> tuple[str, str | None]:
    """Return the main text of an HTML article and its canonical URL.

    Uses trafilatura, which drops navigation, adverts and comment sections.

    Parameters
    ----------
    html : str
        The page.

    Returns
    -------
    tuple of (str, str or None)
        Paragraphs separated by blank lines, and the page's URL when it names one.
    """
    import trafilatura

    text = trafilatura.extract(
        html, include_comments=False, include_tables=True, include_links=False, favor_recall=True
    )
    if not text:
        text = trafilatura.html2txt(html) or ""
    url = None
    try:
        meta = trafilatura.extract_metadata(html)
    except (ValueError, TypeError):  # malformed metadata must not lose the text
        meta = None
    if meta is not None and meta.url and meta.url.startswith(("http://", "https://")):
        url = meta.url
    return "\n\n".join(line for line in text.splitlines() if line.strip()), url


def clean_text(text: str) -> str:
    r"""Normalise a report's text.

    Typographic quotes become ASCII, odd spaces become spaces, invisible,
    control and bidirectional control characters go, a scraper's
    ``China 's`` becomes ``China's``, and paragraphs are separated by one
    blank line. Hard-wrapped lines inside a paragraph are joined; short lines
    (titles, captions, list items) stay apart.

    Parameters
    ----------
    text : str

    Returns
    -------
    str

    Examples
    --------
    >>> clean_text("Title\nBody  text\u2019s first line of a long hard-wrapped "
    ...            "paragraph\nwraps here.\n\n\n- item")
    "Title\n\nBody text's first line of a long hard-wrapped paragraph wraps here.\n\n- item"
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _ODD_OR_CONTROL.sub(lambda m: _ODD.get(m.group(), ""), text)
    if " '" in text:  # (the patterns are slow to scan a text for; a test is not)
        text = _SPACED_POSSESSIVE.sub("'", text)
    if "  " in text or "\t" in text:
        text = _SPACES.sub(" ", text)
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in block.split("\n")]
        paragraphs.extend(_join_lines([line for line in lines if line]))
    return "\n\n".join(paragraphs)


def _join_lines(lines: list[str]) -> list[str]:
    if not lines:
        return []
    width = max(len(line) for line in lines)
    out = [lines[0]]
    for line in lines[1:]:
        prev = out[-1]
        wrapped = (
            width >= 50
            and len(prev.split("\n")[-1]) >= 0.6 * width
            and not prev.endswith(_TERMINAL)
            and not _BULLET.match(line)
        )
        if wrapped:
            out[-1] = f"{prev} {line}"
        else:
            out.append(line)
    return out


def _strip_markdown(text: str) -> str:
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


def split_sentences(source: Source) -> list[tuple[str, int, int]]:
    """Split a source's text into sentences with their offsets.

    Each paragraph (and each bullet item) is segmented on its own with syntok.
    A paragraph with no possible sentence end before its last word (no ``.``,
    ``!`` or ``?`` followed by a space, no ``;`` before a capital) is one
    sentence as it stands, and skips syntok, which is most of the time spent
    reading a report. Other paragraphs are first cut at their sure sentence
    ends (``... cameras. Police said ...``), and only the pieces that may still
    hold an end go to syntok. Both shortcuts give what syntok alone gives
    (tested on every paragraph we have and on generated ones).

    Parameters
    ----------
    source : Source

    Returns
    -------
    list of (str, int, int)
        Sentence text, start and end offsets in ``source.text``.

    Examples
    --------
    >>> [s for s, _, _ in split_sentences(read_text("One on St. James's St. here. Two more."))]
    ["One on St. James's St. here.", 'Two more.']
    """
    out: list[tuple[str, int, int]] = []
    text = source.text
    offset = 0
    for paragraph in text.split("\n\n"):
        # Most paragraphs are one sentence (no end inside): no need to cut them.
        pieces = _pieces(paragraph) if _INNER_END.search(paragraph) else []
        for piece, at in pieces or [(paragraph, 0)]:
            at += offset
            if not pieces or not _INNER_END.search(piece):
                body = piece.strip()
                if body:
                    start = at + piece.index(body)
                    out.append((body, start, start + len(body)))
                continue
            for syntok_paragraph in segmenter.analyze(piece):
                for sentence in syntok_paragraph:
                    if not sentence:
                        continue
                    start = at + sentence[0].offset
                    last = sentence[-1]
                    end = at + last.offset + len(last.value)
                    out.append((text[start:end], start, end))
        offset += len(paragraph) + 2
    return rejoin_abbreviations(out, text)


_ABBREVIATION_END = re.compile(
    r"(?<![\w.])(?:st|ave|av|blvd|rd|dr|ln|pl|ct|hwy|pkwy|sq|cres|tce|mt|ft|jr|sr|[A-Z])\.$",
    re.IGNORECASE,
)
_CONTINUES = re.compile(r"^[^A-Z\"'\u201c(\[]")


def rejoin_abbreviations(
    sentences: list[tuple[str, int, int]], text: str
) -> list[tuple[str, int, int]]:
    """Join back sentences cut after a street abbreviation that does not end one.

    ``Martin Luther King Blvd. @ Sylvanie Williams Prep`` and ``Canal St. / Main
    St.`` are one sentence: the next piece goes on in lower case, a digit or a
    sign on the same line.

    Examples
    --------
    >>> text = "Robert E. Lee Blvd. @ Mount Carmel School"
    >>> rejoin_abbreviations([(text[:19], 0, 19), (text[20:], 20, len(text))], text)
    [('Robert E. Lee Blvd. @ Mount Carmel School', 0, 41)]
    """
    out: list[tuple[str, int, int]] = []
    for sentence in sentences:
        if out:
            body, start, end = out[-1]
            gap = text[end : sentence[1]]
            if (
                _ABBREVIATION_END.search(body)
                and _CONTINUES.match(sentence[0])
                and not gap.strip()
                and "\n" not in gap
            ):
                out[-1] = (text[start : sentence[2]], start, sentence[2])
                continue
        out.append(sentence)
    return out


def _pieces(paragraph: str) -> list[tuple[str, int]]:
    """Cut a paragraph at its sure sentence ends (see ``_SURE_END``), with offsets.

    syntok would end a sentence at each of these cuts too; it then only has
    to look at the pieces that may still hold an end it must decide on.
    """
    if not _BRACKETS.isdisjoint(paragraph):
        return [(paragraph, 0)]
    out = []
    start = 0
    for match in _SURE_END.finditer(paragraph):
        if match.group(1) not in _NOT_AN_END:
            out.append((paragraph[start : match.end()], start))
            start = match.end()
    out.append((paragraph[start:], start))
    return out


def sentence_key(text: str) -> str:
    """Return the key under which repeats of a sentence are collapsed.

    Case, punctuation and a short trailing parenthesis (a photo credit such as
    ``(file photo)``) do not count.

    Examples
    --------
    >>> sentence_key("Ten cameras, on the Strand (file photo)") == sentence_key(
    ...     "Ten cameras on the Strand.")
    True
    """
    if ")" in text:
        text = _TRAILING_CREDIT.sub("", text)
    return " ".join(_WORD_RUN.findall(text.lower()))


def dedupe(sources: Iterable[Source], problems: Iterable[Problem] = ()) -> Document:
    """Split sources into sentences, keeping each repeated sentence once with every occurrence.

    Parameters
    ----------
    sources : iterable of Source
        In reading order; a source whose label was seen already is skipped.
    problems : iterable of Problem
        Carried into the document.

    Returns
    -------
    Document
    """
    by_key: dict[str, tuple[str, list[Occurrence]]] = {}
    unique_sources: list[Source] = []
    labels: set[str] = set()
    for source in sources:
        if source.label in labels:
            continue
        labels.add(source.label)
        unique_sources.append(source)
        for text, start, end in split_sentences(source):
            key = sentence_key(text)
            if not key:
                continue
            occurrence = Occurrence(source.label, start, end)
            if key in by_key:
                by_key[key][1].append(occurrence)
            else:
                by_key[key] = (text, [occurrence])
    sentences = tuple(
        Sentence(text=text, occurrences=tuple(occurrences), index=i)
        for i, (text, occurrences) in enumerate(by_key.values())
    )
    return Document(tuple(unique_sources), sentences, tuple(problems))
