"""Name normalisation shared by the gazetteer index and the phrase matcher.

Names are compared as lower-case word tokens, with possessives dropped
(``St James's`` = ``St James``), apostrophes removed, ``&`` read as ``and``,
and common abbreviations folded (``St.``/``Saint``/``Street`` → ``st``).
"""

from __future__ import annotations

import re

__all__ = ["Token", "lowercase", "name_variants", "normalize", "spelling", "tokens"]

_TOKEN = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*|&")
_FOLD = {
    "saint": "st",
    "street": "st",
    "road": "rd",
    "avenue": "ave",
    "square": "sq",
    "gardens": "gdns",
    "lane": "ln",
    "place": "pl",
    "terrace": "terr",
    "crescent": "cres",
    "&": "and",
}
_NO_FOLD: dict[str, str] = {}


Token = tuple[str, int, int]
"""A normalised word and its span in the original text: ``(norm, start, end)``."""


def lowercase(text: str) -> str:
    """Lower-case a text, keeping every character at its offset.

    ``str.lower`` lengthens a few characters (``İ`` becomes two); those are
    left as written, so a match in the lower-cased text has the same span in
    the original. Patterns written in lower case then run without
    ``re.IGNORECASE``, which is several times slower.

    Examples
    --------
    >>> lowercase("St İves Road")
    'st İves road'
    """
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def tokens(text: str, *, fold: bool = True) -> list[Token]:
    """Split text into normalised tokens that remember where they came from.

    With ``fold=False`` abbreviations are left as written (for spelling comparisons).

    Examples
    --------
    >>> [norm for norm, _, _ in tokens("The Mall's entry, St. James's Park & Horse Guards Rd")]
    ['the', 'mall', 'entry', 'st', 'james', 'park', 'and', 'horse', 'guards', 'rd']
    """
    folds = _FOLD if fold else _NO_FOLD
    low = text.lower()
    if len(low) == len(text) and "'" not in low and "\u2019" not in low:
        # The common case: no possessives to drop, one dictionary lookup a word.
        return [
            (folds.get(word, word), match.start(), match.end())
            for match in _TOKEN.finditer(low)
            for word in (match[0],)
        ]
    out = []
    for match in _TOKEN.finditer(text):
        word = match.group().lower().replace("\u2019", "'")
        end = match.end()
        if word.endswith("'s") and len(word) > 2:
            word = word[:-2]
            end -= 2
        word = word.replace("'", "")
        out.append((folds.get(word, word), match.start(), end))
    return out


def normalize(text: str) -> str:
    """Return the comparison key of a name.

    Examples
    --------
    >>> normalize("St James\u2019s Park") == normalize("Saint James Park")
    True
    >>> normalize("Horse Guards Road") == normalize("horse guards rd")
    True
    """
    return " ".join(norm for norm, _, _ in tokens(text))


def spelling(text: str) -> str:
    """Return a name as lower-case words, possessives dropped, abbreviations kept.

    Examples
    --------
    >>> spelling("Hoarse Guards Road")
    'hoarse guards road'
    """
    return " ".join(norm for norm, _, _ in tokens(text, fold=False))


def name_variants(name: str) -> set[str]:
    """Return the keys a name is indexed under.

    Besides :func:`normalize`, a name with a possessive (``King's Cross``) is
    also indexed as written without the apostrophe (``Kings Cross``), and a
    name starting with "The" also without it when the rest is distinctive
    (two words or more).

    Examples
    --------
    >>> sorted(name_variants("King's Cross"))
    ['king cross', 'kings cross']
    >>> sorted(name_variants("The Mall"))
    ['the mall']
    """
    keys = {normalize(name), normalize(name.replace("'s", "s").replace("\u2019s", "s"))}
    for key in list(keys):
        words = key.split()
        if words and words[0] == "the" and len(words) >= 3:
            keys.add(" ".join(words[1:]))
    keys.discard("")
    return keys
