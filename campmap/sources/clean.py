"""Clean a report's text: normalise characters and spaces, rejoin hard-wrapped lines.

Typographic quotes become ASCII, odd spaces become spaces, invisible, control
and bidirectional control characters go, and paragraphs are separated by one
blank line (see :func:`clean_text`).
"""

from __future__ import annotations

import re
import unicodedata

from campmap.display import BIDI_CONTROLS

__all__ = ["CONTROL_CHARACTERS", "LIST_MARKER", "REMOVED_CHARACTERS", "clean_text", "heading_over"]

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
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""C0 control characters (and DEL) but tab and line ends: cleaning removes them, and many
of them mark a binary file (:func:`campmap.sources.decode.decode_bytes`)."""
# One pass over the text finds both (control characters go).
_ODD_OR_CONTROL = re.compile("[" + "".join(_ODD) + CONTROL_CHARACTERS.pattern[1:])
_SPACES = re.compile(r"[ \t]{2,}|\t")  # a lone space is left alone: nothing to do
# "China 's" (a scraper's space before a possessive) becomes "China's".
_SPACED_POSSESSIVE = re.compile(r"(?<=\w) '(?=s\b)")
LIST_MARKER = re.compile(
    r"^\s*(?:[-*+\u2022\u25aa\u25cf\u00b7\u2013]\s+|\d{1,2}(?:[.)]\s+|\s*[-\u2013]\s*(?=[A-Z])"
    r"|(?=[A-Z][a-z])))"
)
"""The mark that opens a list item: a bullet or dash, ``1.``, ``1)``, ``1-Name``, ``1 – Name``,
or a number run into the name (``22Name``, a typist's slip)."""
_TERMINAL = (".", "!", "?", ":", ";", '"', "'", ")")


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
        # (an en dash after an unfinished line goes on with it: "would be\n\u2013 Elm Chowk")
        wrapped = (
            width >= 50
            and len(prev.split("\n")[-1]) >= 0.6 * width
            and not prev.endswith(_TERMINAL)
            and not (LIST_MARKER.match(line) and not line.lstrip().startswith("\u2013"))
            and not (prev is lines[0] and heading_over(prev, line))
        )
        if wrapped:
            out[-1] = f"{prev} {line}"
        else:
            out.append(line)
    return out


_SMALL = 3
"""Words this short (``of``, ``the``, ``in``) stay lower case in a title-case heading."""
_VOWELS = frozenset("AEIOUY")


def heading_over(line: str, following: str) -> bool:
    """Whether a line is a heading over the text after it, not a line wrapped into it.

    A heading has no final punctuation and is in title case or capitals, or the
    text under it opens with a word in capitals (a news lede's ``OVER 20 new
    cameras``; a word with a vowel, so not an acronym such as ``CCTV``).

    Parameters
    ----------
    line : str
        The line before the break.
    following : str
        The text after the break.

    Returns
    -------
    bool

    Examples
    --------
    >>> heading_over("Cameras near the stadium", "OVER 20 new cameras are planned.")
    True
    >>> heading_over("Council Backs Cameras For Ashgrove", "Residents asked for them.")
    True
    >>> heading_over("the council said new", "CCTV cameras would go up")
    False
    """
    line = line.strip()
    if not line or line.endswith(_TERMINAL) or line.endswith(","):
        return False
    first = following.split(maxsplit=1)[0] if following.strip() else ""
    if (
        len(first) > 2
        and first.isalpha()
        and first.isupper()
        and not _VOWELS.isdisjoint(first)
        and not line.split()[-1].isupper()
    ):
        return True
    if line.isupper():
        return True
    long_words = [w for w in line.split() if len(w) > _SMALL and w[:1].isalpha()]
    capitals = sum(w[:1].isupper() for w in long_words)
    return len(long_words) >= 2 and capitals * 4 >= len(long_words) * 3
