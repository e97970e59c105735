"""Screening an archive: the reports that never name a camera.

A report whose cleaned text never names a camera (no match of
:data:`campmap.extract.counts.CAMERA_NOUN`) can hold no camera site and no
route: every place in it is context. An archive run counts such a report and
skips it. In a news archive most reports are such reports, and reading,
decoding and cleaning them is most of what they cost, so for plain text the
question is first asked of the bytes as stored:

:func:`names_no_camera` answers True only when reading the report would
succeed and its cleaned text would surely name no camera: it is valid UTF-8
with some text, holds no control character and no character that cleaning
removes (a soft hyphen inside a word) or that matches an ASCII
letter case-insensitively (``İ``, ``ı``, ``ſ``, the Kelvin sign), and none of
the camera nouns' stems appears in it, in any case; non-ASCII text must
also be in NFC already (NFC makes ``İ`` of ``I`` and a combining dot).
Otherwise (False) the report is read as usual and its cleaned text decides.
A property test keeps the two answers in step.
"""

from __future__ import annotations

import unicodedata

from campmap.extract.counts import CAMERA_NOUN
from campmap.limits import MAX_PARAGRAPH_CHARS
from campmap.sources import REMOVED_CHARACTERS, looks_like_html

__all__ = ["STEMS", "names_camera", "names_no_camera"]

STEMS = (b"camera", b"cctv", b"device", b"anpr", b"webcam", b"facial")
"""Every match of ``CAMERA_NOUN`` starts with one of these (lower case)."""

FOLDING = "\u0130\u0131\u017f\u212a"
"""Characters ``re.IGNORECASE`` (or NFC) turns into an ASCII letter: İ ı ſ K (Kelvin)."""

_RISKY = frozenset(REMOVED_CHARACTERS + FOLDING)
_PLAIN = bytes([9, 10, 13, *range(0x20, 0x7F)])
"""Bytes that are text as they stand: printable ASCII, tab, line ends."""
_HIGH = bytes(range(0x80, 0x100))


def names_no_camera(data: bytes | str) -> bool:
    """Tell from a report's stored text, without reading it, that it names no camera.

    Parameters
    ----------
    data : bytes or str
        A plain-text report as stored (the bytes of a ``.txt`` file), or the
        text of a JSON-lines record.

    Returns
    -------
    bool
        True only when reading and cleaning the report would succeed and find
        no camera noun; False when it must be read to tell.

    Examples
    --------
    >>> names_no_camera(b"The library on Mill Lane opens on Sunday.")
    True
    >>> names_no_camera(b"Two CCTV units went up on Mill Lane.")
    False
    >>> names_no_camera("A cam" + chr(0xAD) + "era on Mill Lane.")  # soft hyphen: read it
    False
    """
    if isinstance(data, str):
        if looks_like_html(data):
            return False
        data = data.encode("utf-8", "surrogatepass")
    if not data.strip() or len(data) > MAX_PARAGRAPH_CHARS:
        return False  # reading would fail: no text, or a paragraph past the limit
    odd = data.translate(None, _PLAIN)  # control characters and non-ASCII bytes
    if odd:
        if odd.translate(None, _HIGH):
            return False  # a control character: cleaning removes it (and binary files have them)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return False  # a legacy encoding: read it to tell
        if not text.strip() or not _RISKY.isdisjoint(odd.decode("utf-8")):
            return False
        if not unicodedata.is_normalized("NFC", text):
            return False  # NFC could make a risky character (I and a combining dot make İ)
    low = data.lower()
    return not any(stem in low for stem in STEMS)


def names_camera(text: str) -> bool:
    """Tell whether a cleaned text names a camera (what :func:`names_no_camera` screens for).

    Examples
    --------
    >>> names_camera("Footage from the cameraman's lens."), names_camera("Two CCTV units.")
    (False, True)
    """
    return CAMERA_NOUN.search(text) is not None
