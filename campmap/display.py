r"""Text as it is shown: file names, one-line messages, and text that cannot display reordered.

Reports, file names and gazetteer names come from strangers. Three things keep
what they show honest:

- :func:`file_label` names a file by its path, with bytes that are not UTF-8
  (a name made on another system) written as ``\xNN`` instead of failing when
  the name is written out;
- :func:`one_line` writes control characters, line breaks and bidirectional
  controls in a terminal message as escapes, so a file name cannot split a
  warning over two lines, clear the screen or reorder what follows it;
- :func:`strip_bidi` drops the bidirectional controls (:data:`BIDI_CONTROLS`)
  from text that is displayed, so a quote cannot show ``removed`` while it
  reads ``installed`` (a right-to-left override reverses what follows it).
"""

from __future__ import annotations

import glob
import os
import re
from pathlib import Path

__all__ = ["BIDI_CONTROLS", "file_label", "one_line", "shown_name", "strip_bidi"]

BIDI_CONTROLS = (
    "\u061c"  # arabic letter mark
    "\u200e\u200f"  # left-to-right and right-to-left marks
    "\u202a\u202b\u202c\u202d\u202e"  # embeddings, pop, overrides
    "\u2066\u2067\u2068\u2069"  # isolates and pop
)
"""The invisible characters that change the order text is displayed in (Unicode's
explicit bidirectional formatting characters and the three implicit marks)."""

_NO_BIDI = str.maketrans(dict.fromkeys(BIDI_CONTROLS))
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
_UNPRINTABLE = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f\u2028\u2029{BIDI_CONTROLS}]")


def strip_bidi(text: str) -> str:
    """Return ``text`` without bidirectional controls.

    Examples
    --------
    >>> strip_bidi("cameras \u202edellatsni\u202c on Mill Road")
    'cameras dellatsni on Mill Road'
    >>> strip_bidi("Mill Road")
    'Mill Road'
    """
    if text.isascii() or not _BIDI.search(text):
        return text
    return text.translate(_NO_BIDI)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def one_line(text: str) -> str:
    r"""Escape what a terminal would not show as one line of plain text.

    Control characters (terminal escapes, line breaks, tabs), the Unicode line
    and paragraph separators and the bidirectional controls become ``\xNN`` or
    ``\uNNNN``.

    Examples
    --------
    >>> one_line("evil\x1b[2J.txt: no such file")
    'evil\\x1b[2J.txt: no such file'
    >>> one_line("two\nlines\u202e.txt")
    'two\\x0alines\\u202e.txt'
    """
    return _UNPRINTABLE.sub(_escape, text)


def file_label(path: str | os.PathLike[str]) -> str:
    r"""Name a file as outputs show it: its path, with what is not UTF-8 written ``\xNN``.

    A file name on Linux is bytes; Python gives the bytes that are not UTF-8
    as lone surrogates, which no UTF-8 output can hold. Bidirectional controls
    in a name are written as ``\uNNNN`` (visible, and the name stays distinct).

    Examples
    --------
    >>> file_label("archive/caf\udce9.txt")
    'archive/caf\\xe9.txt'
    >>> file_label("r\u202etxt.exe"), file_label("Mill Road.txt")
    ('r\\u202etxt.exe', 'Mill Road.txt')
    """
    name = os.fspath(path)
    if name.isascii():
        return name
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        try:
            raw = name.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:  # a lone surrogate that is no escaped byte
            raw = name.encode("utf-8", "backslashreplace")
        name = raw.decode("utf-8", "backslashreplace")
    return _BIDI.sub(_escape, name)


def shown_name(item: str, path: str) -> str:
    """Name a file found under an input as outputs show it: never by an absolute path.

    An input given as a relative path (with no ``..``) names its files as given; any other
    (absolute, or reaching up with ``..``) names them from the input's own name down, so a
    published map never carries the folders above it (a home folder, a user name).

    Examples
    --------
    >>> shown_name("reports", "reports/a.txt"), shown_name("/home/jo/news", "/home/jo/news/b.txt")
    ('reports/a.txt', 'news/b.txt')
    >>> shown_name("/home/jo/c.txt", "/home/jo/c.txt"), shown_name("../jo/*.txt", "../jo/d.txt")
    ('c.txt', 'jo/d.txt')
    >>> shown_name("-", "-")
    '-'
    """
    given = Path(item)
    if item == "-" or (not given.is_absolute() and ".." not in given.parts):
        return file_label(path)
    fixed = Path(given.anchor)
    for part in given.parts[len(fixed.parts) :]:
        if glob.has_magic(part):
            break
        fixed = fixed / part
    top = fixed.parent if fixed.parent != fixed else fixed
    return file_label(os.path.relpath(path, top))
