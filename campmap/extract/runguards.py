"""Guards on a run of capitalised words: where a name ends, and whether it names a person.

:mod:`campmap.extract.shapes` reads runs of capitalised words as names. Two
things stop a run from being a place, or from going on:

- a person's title before or inside it (``Cllr Jo Smith``, ``Sheriff Bo Lane``),
  unless the title starts a village's name: a title that also forms place names
  (``Earl``, ``Bishop``, ``King``) before a known town or a word with a place
  suffix (``Earl Stonham``, ``Bishop Hinton``) is a place;
- a line break after a heading-like line: a headline has no final punctuation,
  so its last name would run into the next line (``... near Oakfield Park`` /
  ``OVER 20 cameras``);
- a date (``April 2024``), a month, two organisation words, and capitals that
  only start the sentence (``Some``, ``The``);
- for a bare name (no place word), a common word alone, a name used as an
  adjective (``Chinese firm``), capitals alone (an acronym, unless an item
  amid a comma list of places), a brand in camel case, a camera maker.
"""

from __future__ import annotations

import re

from campmap.extract.attribution import makers
from campmap.extract.words import (
    ABSTRACT_NOUN,
    COMMON_WORDS,
    DIRECTIONS,
    FACILITY_HEADS,
    FUNCTION_WORDS,
    MONTHS,
    ORG_HEADS,
    STREET_HEADS,
    TIME_WORDS,
    TITLES,
)
from campmap.gazetteer import find_towns
from campmap.sources.clean import heading_over

__all__ = [
    "INITIAL",
    "bare_name",
    "cut_at_stop",
    "drop_sentence_capitals",
    "heading_break",
    "is_person",
    "joined_town",
    "paired_street",
    "shouted_function_word",
]

INITIAL = re.compile(r"^(?:[A-Z]\.){1,3}$|^(?:[A-Z]\.)+[A-Z]\.?$")
"""Initials: ``L.B.``, ``U.S.``."""

_PLACE_TITLES = frozenset(
    "earl earls king kings queen queens bishop bishops abbot abbots prince princes "
    "lord lords lady ladys duke dukes canon canons monk monks priest priors prior".split()
)
"""Titles that also start villages' and towns' names (``Earl Soham``, ``Kings Langley``)."""
_PLACE_SUFFIX = re.compile(
    r"(?:ham|ton|ford|bury|borough|burgh|by|field|wich|wick|caster|chester|cester|mouth|"
    r"stead|thorpe|worth|minster|stow|combe)$"
)
_TITLED = re.compile(r"(?:^|\s)(?:" + "|".join(sorted(TITLES)) + r")\.?\s+$", re.IGNORECASE)
_PORTFOLIO = re.compile(
    r"(?:^|\s)(?i:minister|secretary|commissioner|spokes(?:man|woman|person)|director|head|"
    r"chair(?:man|woman)?)\s+(?:for|of)\s+(?:(?:[A-Z][\w'\u2019-]*|and|of|the|&),?\s+)+$",
)
"""``Minister for Transport, Housing & Local Government Jo Smith``: the name after a
portfolio is a person's."""


def is_person(text: str, run: list[tuple[str, int, int]], words: list[str]) -> bool:
    """Tell a person: a title before the name (not "Notre Dame School", "Bishop Lavis").

    Parameters
    ----------
    text : str
        The sentence.
    run : list of (str, int, int)
        The run's words with their spans in ``text``.
    words : list of str
        The run's words in lower case, without a final full stop.

    Returns
    -------
    bool
        True for a person's title and name, False for a place.

    Examples
    --------
    >>> def person(text):
    ...     return is_person(text, [(w, 0, 0) for w in text.split()], text.lower().split())
    >>> person("Earl Stonham"), person("Earl Grey"), person("Mayor Hinton")
    (False, True, True)
    """
    titled = any(_title(w) for w in words) or _titled(text, run[0][1])
    if not titled or find_towns(" ".join(w for w, _, _ in run)):
        return False
    return not _village_after_title(run, words)


def _village_after_title(run: list[tuple[str, int, int]], words: list[str]) -> bool:
    """Whether a run is a title that starts a place name, then a town or a place-suffixed word."""
    if len(words) != 2 or words[0].rstrip("'s\u2019") not in _PLACE_TITLES:
        return False
    return bool(_PLACE_SUFFIX.search(words[1])) or bool(find_towns(run[1][0]))


_ROYAL = frozenset("king queen prince princess duke earl lord lady bishop".split())
"""Titles whose plural begins a place's name (``Kings Cross``, ``Queens Park``), not people's."""
_PLURAL_TITLES = TITLES - _ROYAL


def _title(word: str) -> bool:
    return word in TITLES or (word.endswith("s") and word[:-1] in _PLURAL_TITLES)


def _titled(text: str, start: int) -> bool:
    before, far = max(0, start - 16), max(0, start - 90)
    return bool(
        (_may_be_titled(text[before:start]) and _TITLED.search(text, before, start))
        or (_may_name_portfolio(text[far:start]) and _PORTFOLIO.search(text, far, start))
    )


def _may_be_titled(window: str) -> bool:
    """Whether a window may end in a title (:data:`_TITLED`): a cheap test before the pattern.

    Its last word (less one full stop), then white space; an ASCII word is a
    title in lower case (IGNORECASE also folds ``ſ``, ``ı`` and the Kelvin sign).
    """
    tail = window.rstrip()
    if len(tail) == len(window):
        return False
    words = (tail[:-1] if tail.endswith(".") else tail).split()
    return bool(words) and (not words[-1].isascii() or words[-1].lower() in TITLES)


_PORTFOLIO_WORDS = ("minister", "secretary", "commissioner", "spokes", "director", "head", "chair")


def _may_name_portfolio(window: str) -> bool:
    """Whether a window may hold a portfolio (:data:`_PORTFOLIO`): a cheap test first."""
    if not window.isascii():
        return True
    low = window.lower()
    return any(word in low for word in _PORTFOLIO_WORDS)


def heading_break(text: str, before: int, after: int) -> bool:
    r"""Whether a run of capitalised words must stop at a line break between two words.

    Parameters
    ----------
    text : str
        The sentence.
    before : int
        Where the word before the gap ends.
    after : int
        Where the next word starts.

    Returns
    -------
    bool
        True when the gap holds a line break under a heading (see
        :func:`campmap.sources.clean.heading_over`).

    Examples
    --------
    >>> heading_break("Cameras Coming To Oakfield Park\nThe council said", 31, 32)
    True
    >>> heading_break("cameras on Oakfield\nRoad", 19, 20)
    False
    """
    if "\n" not in text[before:after]:
        return False
    line = text[text.rfind("\n", 0, before) + 1 : before]
    return heading_over(line, text[after:])


def cut_at_stop(
    run: list[tuple[str, int, int]], words: list[str]
) -> tuple[list[tuple[str, int, int]], list[str]]:
    """Cut the run at a month, a camera word or an organisation word that ends a place name."""
    for k, word in enumerate(words):
        if word in MONTHS and k + 1 < len(words) and words[k + 1] in STREET_HEADS:
            continue  # "Friday Street", "May Road": the month names the street
        if word in MONTHS or (
            k and word in ORG_HEADS and words[k - 1] in ORG_HEADS and k + 1 < len(words)
        ):
            return run[:k], words[:k]
    return run, words


_HEADS_FIRST = FACILITY_HEADS - {"high"}
"""Building words after a sentence's first capital that keep it (``Market Hall``; not ``The
High Street``: "high" ends a school's name, ``Green Oaks High``, and begins a street's)."""
_NAME_ADJECTIVES = DIRECTIONS | {"high", "far", "near"}
"""Words that often begin a street's name (``Old Kent Road``, ``Upper Street``)."""


def drop_sentence_capitals(
    run: list[tuple[str, int, int]], words: list[str], *, at_start: bool
) -> tuple[list[tuple[str, int, int]], list[str]]:
    """Drop the capitals that only start the sentence: "Some", "Future", "The"."""
    while (
        run
        and (at_start or words[0] in {"the", "a", "an"})
        and (words[0] in COMMON_WORDS or bool(ABSTRACT_NOUN.search(words[0])))
        and not (INITIAL.match(run[0][0]) and len(run) > 1 and INITIAL.match(run[1][0]))
    ):
        if len(run) > 1 and (words[1] in STREET_HEADS or words[1] in _HEADS_FIRST):
            break  # "Market Street", "Park Lane": the first word belongs to the name
        if len(run) > 2 and words[0] in _NAME_ADJECTIVES and words[-1] in STREET_HEADS:
            break  # "Old Mill Road", "North Circular Road": so is "Old" before a street's name
        run, words = run[1:], words[1:]
        at_start = False
    return run, words


_TOWN_JOINERS = frozenset("in on under by le next cum sub super sur en".split())
"""Lower-case words inside a town's name (``Sherburn in Elmet``, ``Newcastle under Lyme``)."""


def joined_town(text: str, tokens: list[tuple[str, int, int]], i: int, j: int) -> int:
    """How many tokens from ``j`` go on a town's name across a lower-case word, if any.

    ``Sherburn in Elmet`` is one town, not Sherburn and a place called Elmet:
    the run ``tokens[i:j]`` goes on when the towns worldwide know the whole name.

    Examples
    --------
    >>> text = "areas of Sherburn in Elmet"
    >>> tokens = [(w, text.index(w), text.index(w) + len(w)) for w in text.split()]
    >>> joined_town(text, tokens, 2, 3), joined_town("Police in Elmet", [], 0, 1)
    (2, 0)
    """
    if j + 1 >= len(tokens) or tokens[j][0] not in _TOWN_JOINERS:
        return 0
    k = j + 2 if tokens[j + 1][0] == "the" and j + 2 < len(tokens) else j + 1
    if not tokens[k][0][:1].isupper():
        return 0
    return k + 1 - j if find_towns(text[tokens[i][1] : tokens[k][2]]) else 0


_SHOUTED = frozenset(FUNCTION_WORDS.split("|")) - {"of", "s"}
"""Function words that end a name in a heading in capitals (``of`` may be inside one)."""


_TITLE_CASED = frozenset(
    "to be on and at in for with from is are was were will has have or into onto".split()
)
"""Function words a title-case heading capitalises (``Cameras To Go Up On Elm Road``)."""


def shouted_function_word(token: str) -> bool:
    """Whether a capitalised word is a function word that ends a name.

    ``CAMERAS FOR MARKET STREET AND ...`` (capitals), ``Cameras To Go On Elm
    Road And Oak Lane`` (a title-case heading).

    Examples
    --------
    >>> shouted_function_word("FOR"), shouted_function_word("On"), shouted_function_word("OF")
    (True, True, False)
    """
    if len(token) < 2:
        return False
    low = token.lower()
    if token.isupper():
        return low in _SHOUTED
    return low in _TITLE_CASED and token[1:].islower()


_CAMEL = re.compile(r"^(?!Ma?c[A-Z])[A-Z][a-z]+[A-Z]")
"""A brand written in camel case (PolCam), not a Scottish or Irish name (McDonald, MacArthur)."""
_PREPOSITIONS = (
    "following|including|during|despite|amid|amidst|among|amongst|towards|toward|beyond|"
    "throughout|upon|ahead|besides|except"
)
"""Prepositions that are no function word of :data:`FUNCTION_WORDS`: a name followed by one
(``cameras in Upton following a vote``) is no adjective."""
_MODIFIER = re.compile(
    rf"\s(?!(?:{FUNCTION_WORDS}|{TIME_WORDS}|{_PREPOSITIONS}|(?:north|south|east|west)bound)\b)"
    r"[a-z][a-z-]+\b(?!['\u2019])"
)
"""A lower-case word after a name: the name is used as an adjective (``Chinese firm``)."""
_SECOND_OF_CROSSING = re.compile(
    r"\b(?:intersection|junction|corner|crossing)\s+of\s+(?:the\s+)?[A-Z][\w'.-]*"
    r"(?:\s+[A-Z][\w'.-]*)?\s+(?:and|&)\s+$"
)
"""The words before the second street of an explicit crossing: ``the corner of Elm and``."""
_SHARED_HEAD = re.compile(r"\s+(?:streets|roads|avenues|lanes|drives)\b", re.IGNORECASE)
_COUNCIL_AFTER = re.compile(r"\s+(?:parish|village|town|community)\s+councils?\b")
"""``Great Brome parish council``: the place is named (its council is no place)."""
_LIST_ITEM = re.compile(r",\s|\s+and\s")
_AMID = (", ", ", at ")


def bare_name(
    text: str, run: list[tuple[str, int, int]], words: list[str], start: int, end: int
) -> tuple[int, int] | None:
    """Return the span of a bare name, unless it is no place (a common word, a brand ...)."""
    # "the intersection of Elm and Main": a street, whatever word it is and follows it
    second = bool(_SECOND_OF_CROSSING.search(text, max(0, start - 60), start))
    short = len(run) == 1 and (words[0] in COMMON_WORDS or len(words[0]) < 3)
    if short and not second and not paired_street(text, start, end):
        return None  # (but a crossing: "Main and 5th")
    if second and (shared := _SHARED_HEAD.match(text, end)):
        return start, shared.end()  # "the corner of Elm and Main streets": both streets
    if _MODIFIER.match(text, end) and not second and not _COUNCIL_AFTER.match(text, end):
        return None  # "Coronation crowds", "Chinese firm": a name used as an adjective
    if text[end - 2 : end] in {"'s", "\u2019s"}:
        end -= 2  # "Kihikihi's": the name without its possessive
    if all(INITIAL.match(w) or w.isupper() or w[:-1].isupper() for w, _, _ in run) and not (
        len(run) == 1 and _LIST_ITEM.match(text[end : end + 6]) and text[:start].endswith(_AMID)
    ):
        return None  # initials or capitals alone: an acronym or a credit, not a place
        # (but an item amid a comma list of places is one: "at X Circle, CBT, Y Road", ", at TRAC")
    if len(run) == 1 and _CAMEL.match(run[0][0]):
        return None  # PolCam, iPhone: a brand
    if " ".join(words) in makers():
        return None
    return start, end


_PAIRED_AFTER = re.compile(
    r"\s+(?:and|&)\s+(?:[A-Z][\w'-]*|\d+(?:st|nd|rd|th))(?!\s+[A-Z\d])(?!['\w-])"
)
_PAIRED_BEFORE = re.compile(
    r"(?:^|[^\w\s]\s*|\b[a-z][\w'-]*\s+)(?:[A-Z][\w'-]*|\d+(?:st|nd|rd|th))\s+(?:and|&)\s+$"
)
"""The other street of ``A and B``: one name alone (not ``Town & Parish Council``)."""


def paired_street(text: str, start: int, end: int) -> bool:
    """Whether a lone common word is paired with a name by ``and``: a crossing (``Main and 5th``).

    US crossings are written with bare street names (``State and Madison``,
    ``First and Main``), some of them common words.

    Examples
    --------
    >>> paired_street("Main and 5th", 0, 4), paired_street("Main and federal aid", 0, 4)
    (True, False)
    """
    return bool(
        _PAIRED_AFTER.match(text, end) or _PAIRED_BEFORE.search(text, max(0, start - 30), start)
    )
