"""Names of who, not where: a person speaking, a body named like a building.

A bare name is a person speaking (``Jo Smith said``); the speaker is on the far
side of the verb in an inversion: ``..., in Millbrook and Eastham, said Jo
Smith`` names Jo Smith, and Eastham stays a place. A capitalised name shaped
like a body's (``Department of X``, ``X Information Center``) is no place.
"""

from __future__ import annotations

import re

from campmap.extract.words import FACILITY_HEADS, MONTHS, ORG_HEADS, STREET_HEADS, TITLES

__all__ = ["organisation_form", "speaker"]

_SPEAKS = (
    r"said|says|told|added|explained|noted|stated|insisted|argued|warned|believes|thinks|wrote|"
    r"asked|replied|confirmed|claimed"
)
_SPEAKER_AFTER = re.compile(
    rf"^\s*(?:,\s*)?(?:{_SPEAKS})\b|^\s*,\s+(?:who|whose)\b|"
    r"^['\u2019]s\s+(?:wife|husband|son|daughter|office|spokes)",
)
_NOT_A_TITLE = (
    r"will|would|shall|should|can|could|may|might|must|is|are|was|were|be|been|has|have|had|"
    r"do|does|did|to|on|in|at|into|onto|for|with|that|it|its|they|them|we|he|she|there|this|"
    r"these|those|cameras?|cctv|and|or|but|if|when|not|no|new|more"
)
_SPEAKER_NAMED_AFTER = re.compile(
    r"^\s*,\s*(?:said|says|added|explained|noted|stated|insisted|argued|warned|wrote|replied|"
    rf"confirmed|claimed)\s+(?:(?!(?i:{_NOT_A_TITLE})\b)[\w'\u2019-]+,?\s+){{0,6}}?"
    r"(?P<name>[A-Z][\w'\u2019.-]*)(?:\s+[A-Z][\w'\u2019.-]*){0,3}"
    r"\s*(?:[.,;:!?)]|$|\s+(?:who|of|from|at)\b)"
)
_SPEAKER_NAMED_BEFORE_VERB = re.compile(
    rf"^\s*,\s*(?:(?!(?i:{_NOT_A_TITLE})\b)[\w'\u2019-]+,?\s+){{0,4}}?"
    r"(?P<run>[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,3})\s+"
    r"(?:said|says|told|added|explained|noted|stated|insisted|argued|warned|wrote|replied|"
    r"confirmed|claimed)\b"
)
"""``..., Millbrook and Eastham, said Smith``, ``..., Eastham, Councillor Jo Smith said``: the
speaker is named after the comma, so the name before it is no speaker."""
_SPEAKER_BEFORE = re.compile(r"\b(?:said|says|according\s+to|told)\s+$")
_TITLE_AFTER = re.compile(
    rf"^\s*,\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?(?:{'|'.join(sorted(TITLES))})\b"
    r"(?!\s+(?:of|in)\b)"
)
"""``Jo Smith, Chief Officer``: a person and their post."""


def speaker(name: str, known: bool, window: str, after: str) -> bool:
    """Tell a bare name that is a person speaking, or a person and their post.

    Parameters
    ----------
    name : str
        The name, as written.
    known : bool
        The gazetteer knows a place of that name.
    window : str
        The lower-cased words before the name.
    after : str
        The sentence after the name, as written.

    Returns
    -------
    bool
        True for ``Jo Smith said``, ``said Jo Smith``, ``Jo Smith, who``, ``Jo Smith,
        Chief Officer``; False for a place before an inverted ``, said Jo Smith``.

    Examples
    --------
    >>> speaker("Jo Smith", False, "", " said the cameras work.")
    True
    >>> speaker("Eastham", True, "in millbrook and ", ", said Smith.")
    False
    >>> speaker("Eastham", True, "in millbrook and ", ", said committee member Jo Smith.")
    False
    >>> speaker("Eastham", False, "in millbrook and ", ", said the board's chair, Jo Smith.")
    False
    >>> speaker("Jo Smith", False, "the leader, ", ", said on Monday that it works.")
    True
    >>> speaker("Jo Smith", False, "", ", says that the suburb of Upton has cameras.")
    True
    >>> speaker("Jo Smith", False, "the leader, ", ", said the cameras will go on Elm Road.")
    True
    >>> speaker("Upton", True, "in ", ", said Sheriff's Office spokesperson Jo Smith.")
    False
    >>> speaker("Upton Village", False, "in ", ", committee member Jo Smith said.")
    False
    >>> speaker("Jo Smith", False, "", ", Chief Officer said the cameras work.")
    True
    """
    inverted = _SPEAKER_NAMED_AFTER.match(after)
    if inverted is not None and inverted["name"].rstrip(".").lower() not in MONTHS:
        return False
    named = _SPEAKER_NAMED_BEFORE_VERB.match(after)
    if named is not None and any(w.lower().strip(".") not in TITLES for w in named["run"].split()):
        return False  # (not "Jo Smith, Chief Officer said": a post, no other person)
    after = after.lower()
    return bool(
        _SPEAKER_AFTER.match(after)
        or _SPEAKER_BEFORE.search(window)
        or (not known and _TITLE_AFTER.match(after))
        or (not known and name.lower() in TITLES)  # "Minister: ... to install"
    )


_CENTRES = frozenset({"center", "centre", "centers", "centres"})
_CENTRE_WORKS = frozenset(
    "information intelligence operations operational fusion coordination co-ordination "
    "analysis research data".split()
)


def organisation_form(words: list[str]) -> bool:
    """Whether a name is shaped like a body's: ``Department of X``, ``X Information Center``.

    Examples
    --------
    >>> organisation_form(["national", "crime", "information", "center"])
    True
    >>> organisation_form(["ministry", "of", "transport"])
    True
    >>> organisation_form(["federal", "bureau", "of", "investigation"])
    True
    >>> organisation_form(["oakbury", "shopping", "centre"])
    False
    """
    if words[0] in ORG_HEADS and words[1:2] == ["of"]:
        return True
    if "of" in words[2:] and words[-1] not in STREET_HEADS and words[-1] not in FACILITY_HEADS:
        k = words.index("of", 2)  # "Federal Bureau of Investigation", "State Department of X"
        if words[k - 1] in _BODIES_OF:
            return True
    return len(words) > 1 and words[-1] in _CENTRES and words[-2] in _CENTRE_WORKS


_BODIES_OF = frozenset(
    "bureau department dept ministry office agency directorate division commission "
    "authority service services secretariat administration".split()
)
"""Words for a body named ``... Bureau of X`` (not ``Bank of X``, which may be a building)."""
