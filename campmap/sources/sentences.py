"""Split a report's text into sentences, with their offsets (syntok, and two shortcuts).

Each paragraph is segmented on its own with syntok. Paragraphs with no possible
sentence end inside skip syntok, and the others are first cut at their sure
sentence ends, so that syntok only decides the doubtful ones (see
:func:`split_sentences`). Street abbreviations syntok ends a sentence at are
joined back (:func:`rejoin_abbreviations`).
"""

from __future__ import annotations

import re

from syntok import segmenter

from campmap.records import Source

__all__ = [
    "NOT_A_SENTENCE_END",
    "OPENING_BRACKETS",
    "rejoin_abbreviations",
    "split_sentences",
]

NOT_A_SENTENCE_END = frozenset(
    """
    adm afmo alt apdo approx art atte atto ave bmo brig bsp bspw bzgl bzw cap capt cmdt cnel
    col dgl emp etc evtl excl exca excmo exsmo fig figs gal gen ggf gral gob hno hnos incl inkl lic
    lit ldo mag max med min mos mrs nat ntra ntro pag phil prof rer resp sci sra srta synth tab tel
    univ vda vol vta zit zzgl lun mar mie jue vie sab dom
    ene feb febr mzo abr abl may jun jul ago agto sep sept setbre set oct octbre nov novbre dic
    dicbre
    """.split()
)
"""Lower-case words of three letters or more after which a full stop may not end a sentence.

These are the lower-case abbreviations and month names syntok (1.4) knows, of three
ASCII letters or more: the only ones a sure end (``_SURE_END``) can match. A paragraph is never
cut after one of them before syntok decides (the test suite checks that syntok splits
after every other word of the test corpora, and keeps these whole where it should).
"""

OPENING_BRACKETS = frozenset(
    "([{\uff5f\uff5b\uff3b\uff08\ufe5d\ufe5b\ufe59\ufd3e\u301a\u3018\u2985\u2983\u2329"
)
"""Opening brackets syntok may skip the content of (up to 70 characters) when it
segments: a paragraph holding one is left to syntok whole."""

INNER_END = re.compile(r"[.!?\u2026][\"')\]]*\s|;\s+\W*[A-Z]")
"""Where a sentence could end inside a paragraph: a terminal, closing quotes, then a space;
or a semicolon before a capital (syntok splits some of those). syntok never ends a
sentence at a colon (checked on 32,857 generated paragraphs with colons and capitals).
A paragraph this does not match is one sentence and skips syntok."""
# A sure sentence end: a plain lower-case word of three letters or more, a full stop, a
# space, a capitalised word. syntok splits there unless the word is one of its
# abbreviations or months (NOT_A_SENTENCE_END, checked in _pieces); paragraphs with
# brackets, which syntok may skip over, are never cut.
_SURE_END = re.compile(r"(?<![\w.'\u2019@/&-])([a-z]{3,})[.!?](?= +[A-Z][a-z])")


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
    >>> text = "One on St. James's St. here. Two more."
    >>> [s for s, _, _ in split_sentences(Source(label="<text>", text=text))]
    ["One on St. James's St. here.", 'Two more.']
    """
    out: list[tuple[str, int, int]] = []
    text = source.text
    offset = 0
    for paragraph in text.split("\n\n"):
        # Most paragraphs are one sentence (no end inside): no need to cut them.
        pieces = _pieces(paragraph) if INNER_END.search(paragraph) else []
        for piece, at in pieces or [(paragraph, 0)]:
            at += offset
            if not pieces or not INNER_END.search(piece):
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
_SUFFIX_END = re.compile(r"(?<![\w.])(?:jr|sr)\.$", re.IGNORECASE)
_STREET_NEXT = re.compile(
    r"^(?:Drive|Dr|Road|Rd|Street|St|Avenue|Ave|Boulevard|Blvd|Way|Highway|Hwy|Parkway|Pkwy|"
    r"Lane|Place|Expressway|Freeway|Bridge|Park)\b"
)
"""``Martin Luther King Jr. Drive``: a name's suffix, then the street word goes on."""


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
                and (
                    _CONTINUES.match(sentence[0])
                    or (_SUFFIX_END.search(body) and _STREET_NEXT.match(sentence[0]))
                )
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
    if not OPENING_BRACKETS.isdisjoint(paragraph):
        return [(paragraph, 0)]
    out = []
    start = 0
    for match in _SURE_END.finditer(paragraph):
        if match.group(1) not in NOT_A_SENTENCE_END:
            out.append((paragraph[start : match.end()], start))
            start = match.end()
    out.append((paragraph[start:], start))
    return out
