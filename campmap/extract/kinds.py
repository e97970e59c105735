"""What kind of camera a report speaks of, and what state the cameras are in.

A camera's kind is read from the words of its sentence (``ANPR cameras``,
``red-light camera``, ``ShotSpotter sensors``); a sentence that names no kind
takes the kind of the list or sentence it continues, then the report's most
frequent kind. Kinds carry the OpenStreetMap tags a mapper would use
(``surveillance:type``, ``surveillance:zone``; see the OSM wiki's
``Key:surveillance:type``), and the mounting (``camera:type``) when the text
says it.

Statuses are, from most to least specific: ``removed``, ``relocated_from``,
``damaged``, ``covered``, ``deployed`` (a temporary deployment: vans, tripods),
``proposed``, ``approved``, ``planned`` and ``installed`` (also existing
cameras).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from campmap.extract.anyof import any_of

__all__ = [
    "KINDS",
    "STATUSES",
    "STATUS_END",
    "Kind",
    "camera_kind",
    "camera_type",
    "clause_status",
    "first_status",
    "kind_text",
    "report_kind",
]


@dataclass(frozen=True, slots=True)
class Kind:
    """A kind of camera and its OpenStreetMap tags.

    Attributes
    ----------
    name : str
        ``anpr``, ``speed``, ``cctv`` ... (see :data:`KINDS`).
    surveillance_type : str
        OSM ``surveillance:type``: ``camera``, ``ALPR`` or ``gunshot_detector``.
    zone : str or None
        OSM ``surveillance:zone`` when the kind implies it (``traffic``).
    """

    name: str
    surveillance_type: str = "camera"
    zone: str | None = None


_K = r"(?:s|es)?"
# Purpose before technology: bus-lane cameras are ANPR cameras, but a map
# reader wants to know they enforce a bus lane.
_PATTERNS: tuple[tuple[Kind, str], ...] = (
    (
        Kind("facial-recognition"),
        r"facial[\s-]recognition|face[\s-]?(?:scanning|recognition)|\blfr\b",
    ),
    (Kind("gunshot", "gunshot_detector"), r"shotspotter|gunshot|shots?[\s-]fired\s+detect"),
    (Kind("noise", "camera", "traffic"), r"noise[\s-](?:camera|radar|monitor|sensor)" + _K),
    (Kind("red-light", "camera", "traffic"), r"red[\s-]light|traffic[\s-]lights?\s+cameras?"),
    (
        Kind("average-speed", "ALPR", "traffic"),
        r"average[\s-]speed|section[\s-](?:control|speed)|point[\s-]to[\s-]point",
    ),
    (
        Kind("speed", "camera", "traffic"),
        r"speed(?:ing)?[\s-](?:cameras?|enforcement|vans?|detection)|"
        r"(?<!flock\s)safety[\s-]cameras?|"  # (Flock Safety makes plate readers)
        r"(?:speed|school)[\s-]zone\s+(?:speed\s+)?cameras?|mobile\s+speed|photo\s+radar",
    ),
    (
        Kind("bus-lane", "ALPR", "traffic"),
        r"bus[\s-](?:lanes?|gates?)\s+(?:anpr\s+)?(?:enforcement\s+)?cameras?",
    ),
    (Kind("school-street", "ALPR", "traffic"), r"school[\s-]streets?"),
    (
        Kind("moving-traffic", "ALPR", "traffic"),
        r"moving[\s-]traffic|traffic\s+enforcement\s+cameras?|box[\s-]junction|"
        r"low[\s-]traffic\s+neighbou?rhoods?|\bltn\s+cameras?",
    ),
    (
        Kind("anpr", "ALPR", "traffic"),
        r"\b(?:anpr|alpr|a?lprs?)\b|licen[cs]e[\s-]plate|number[\s-]plate|plate[\s-]read|"
        r"\bflock\b|\bulez\b|congestion[\s-]charg|clean[\s-]air[\s-]zone",
    ),
    (
        Kind("cctv"),
        r"\bcctv\b|closed[\s-]circuit|surveillance\s+cameras?|security\s+cameras?|"
        r"video\s+surveillance|public[\s-]space\s+cameras?",
    ),
)
KINDS: dict[str, Kind] = {kind.name: kind for kind, _ in _PATTERNS} | {"camera": Kind("camera")}
"""Every kind by name; ``camera`` is a camera of unstated kind."""

_SEARCH = [(kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in _PATTERNS]
# Text is searched in lower case, first for any kind at all: the same answers, several
# times faster than re.IGNORECASE (see campmap.gazetteer.names.lowercase). The patterns are
# ASCII; the only other characters IGNORECASE matches them with are these four (İ and ı as
# i, ſ as s, the Kelvin sign as k), so text holding any of them is searched as it was.
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")
_SEARCH_LOWER = [(kind, any_of([pattern])) for kind, pattern in _PATTERNS]
_ANY_KIND = any_of(pattern for _, pattern in _PATTERNS)

_CAMERA_TYPE = (
    ("panning", re.compile(r"\bptz\b|pan[\s-](?:tilt|and[\s-]tilt)|panning|rotating", re.I)),
    ("dome", re.compile(r"\bdome\b", re.I)),
    ("fixed", re.compile(r"\bfixed\b", re.I)),
)

STATUSES = (
    "removed",
    "relocated_from",
    "damaged",
    "covered",
    "deployed",
    "proposed",
    "approved",
    "planned",
    "installed",
)
"""Every status a site can have (``context`` aside), most specific first."""

_DAMAGED = re.compile(
    r"\b(?:damag(?:e|ed|ing)|vandali[sz](?:e|ed|ing|m)|sawn|sawed|sawing|toppled|felled|"
    r"cut\s+down|pulled\s+down|torn\s+down|destroy(?:ed|ing)?|smash(?:ed|ing)?|wreck(?:ed|ing)?|"
    r"set\s+(?:alight|on\s+fire)|torch(?:ed|ing)|arson|caught\s+fire|burning\s+tyres?|spray[\s-]?painted|disabled|attacked|broken|water[\s-]damaged)\b",
)
_COVERED = re.compile(r"\b(?:covered|bagged|hooded|taped\s+over|covered\s+up)\b")
_DEPLOYED = re.compile(
    r"\b(?:deployed|deploys?|deployments?(?!\s+cameras?\b)|deploying|vans?|tripods?|temporar(?:y|ily)|mobile|"
    r"pop[\s-]up|operation\s+on|during\s+the\s+week\s+of|week\s+commencing|weekly)\b",
)
# A day alone says when, not that the cameras come and go: "switched on on Monday" is
# installed; only a clause that states nothing else is a deployment on that day.
_ON_A_DAY = re.compile(r"\bon\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
_PROPOSED = re.compile(
    r"\b(?:propos(?:ed|al|als|es|ing)|consultation|call(?:s|ed|ing)?\s+for|wants?|"
    r"consider(?:s|ing)|looking\s+at\s+(?:other\s+|more\s+|new\s+|further\s+)?"
    r"(?:areas|sites|locations|places|spots|streets|roads)|"
    r"campaign(?:s|ing|ed)?\s+for|fundrais(?:ing|er)|hop(?:e|es|ing)\s+to|"
    r"would\s+like|asked\s+for|recommend(?:ed|s)?|suggest(?:ed|s)?|under\s+consideration|"
    r"could\s+(?:soon\s+|also\s+|eventually\s+)?be|would\s+cost|keen\s+(?:to|that|on)|"
    r"(?:seek(?:s|ing)?|look(?:s|ing)\s+at)\s+(?:to\s+)?(?:put|putting|install|installing|plac(?:e|ing)|"
    r"add|adding|introduc(?:e|ing)|fit|fitting))\b",
)
_APPROVED = re.compile(
    r"\b(?:approv(?:ed|es|al)|green[\s-]light|go[\s-]ahead|signed\s+off|agreed\s+to|voted\s+to|"
    r"authori[sz]ed|funding\s+(?:has\s+been\s+|was\s+)?(?:secured|agreed|allocated|awarded))\b",
)
_PLANNED = re.compile(
    r"\b(?:will\s+(?:then\s+|also\s+|now\s+|soon\s+|initially\s+|first\s+|later\s+)?be\s+"
    r"(?:[a-z]+ed|taken|installed|put\s+up|erected|fitted|placed|mounted|added|set\s+up|"
    r"deployed|switched\s+on|used|in\s+place|located|activated|operational|live|in\s+use|"
    r"enforced|rotated|(?:install|implement|introduc|deploy|add|putt|plac|erect|fitt|roll)ing)|"
    r"will\s+become|to\s+be\s+(?:installed|put\s+up|erected|"
    r"fitted|placed|located|added)|plans?\s+to|planned|would\s+be\s+installed|"
    r"will\s+(?:[a-z]+ly\s+)?(?:put|install|add|fit|erect|mount|place|deploy|get|have|go|rotate|activate|"
    r"begin|start|launch|introduce|enforce|see|use|utili[sz]e|focus|cover|monitor|watch|target|"
    r"capture|overlook|record|scan|detect|track|catch|photograph)|(?:is|are)\s+set\s+to|"
    r"(?:is|are)\s+(?:now\s+|currently\s+)?(?:installing|putting\s+up|erecting|fitting)|"
    r"(?:underway|under\s+way|projects?|schemes?|efforts?)\s+to\s+"
    r"(?:install|put\s+up|fit|erect)|prioriti[sz]ed|"
    r"to\s+go\s+up|(?:is|are)\s+to\s+(?:be|install|introduce|deploy|put|fit|erect|use)\b|plans?\s+for|there\s+will\s+be|next\s+(?:week|month|year)|"
    r"later\s+this\s+(?:week|month|year)|upcoming|future|coming\s+(?:weeks|months)|"
    r"(?:is|are)\s+(?:going|expected)\s+to|will\s+soon|scheduled|"
    r"(?:committed|(?:set\s+aside|spending|paying)\b[^.;]{0,40}?|aims?|aiming|intends?|"
    r"intending)\s+to\s+"
    r"(?:provide|install|put\s+up|fit|erect|place|introduce|deploy))\b",
)
_INSTALLED = re.compile(
    r"\b(?:installed|have\s+been|has\s+been|were\s+put|went\s+live|now\s+(?:in|has|have)|"
    r"already|existing|in\s+operation|switched\s+on|erected|mounted|fitted|operational|"
    r"(?:newly\s+)?activated|currently\s+(?:has|have|operates?|runs?))\b",
)


@lru_cache(maxsize=512)  # layout asks twice of a camera sentence (cleared per report)
def camera_kind(text: str) -> Kind | None:
    """Return the kind of camera a text names, or None.

    >>> camera_kind("Flock cameras will be placed at Highway 17").name
    'anpr'
    >>> camera_kind("two new bus lane cameras").surveillance_type
    'ALPR'
    >>> camera_kind("the council said") is None
    True
    """
    if not text.isascii() and any(c in text for c in _FOLDS_TO_ASCII):
        return next((kind for kind, pattern in _SEARCH if pattern.search(text)), None)
    low = text.lower()
    first = _ANY_KIND.search(low)
    if first is None:
        return None
    # No kind is named before the first that any is: each is looked for from there on.
    return next((kind for kind, test in _SEARCH_LOWER if test.search(low, first.start())), None)


def kind_text(text: str, low: str) -> str:
    """Return ``text`` if :func:`camera_kind` reads it as it reads ``low`` (``text.lower()``).

    Else ``low``. Lower-casing changes nothing camera_kind sees unless the text holds one of
    the characters IGNORECASE folds to ASCII letters; so a caller that asks of
    both can ask of the one text twice (and get the cached answer).

    >>> kind_text("Flock cameras", "flock cameras")
    'Flock cameras'
    """
    return text if text.isascii() or not any(c in text for c in _FOLDS_TO_ASCII) else low


def report_kind(texts: Iterable[str]) -> Kind | None:
    """Return the kind named most often in a report's sentences (the first on a tie)."""
    votes: Counter[str] = Counter()
    for text in texts:
        kind = camera_kind(text)
        if kind is not None:
            votes[kind.name] += 1
    return KINDS[votes.most_common(1)[0][0]] if votes else None


def camera_type(text: str) -> str | None:
    """Return OSM's ``camera:type`` (``fixed``, ``dome``, ``panning``) when the text says it.

    >>> camera_type("three high-definition PTZ cameras")
    'panning'
    """
    return next((name for name, pattern in _CAMERA_TYPE if pattern.search(text)), None)


@lru_cache(maxsize=256)  # a sentence's clauses are asked of again, for each place in them
def clause_status(clause: str) -> str | None:
    """Return the status a (lower-case) clause states for its cameras, or None.

    >>> clause_status("cameras were sawn down on the high road")
    'damaged'
    >>> clause_status("the council has approved cameras at the park")
    'approved'
    >>> clause_status("cameras are on the high street") is None
    True
    """
    first = _ANY_STATUS.search(clause)
    if first is None:
        return None
    # No status is stated before the first that any is: each is looked for from there on.
    return next(
        (status for status, test in _STATUS_TESTS if test.search(clause, first.start())), None
    )


STATUS_END = re.compile(r";|,(?!\d)|\s(?:and|but|while|whereas)\s")
"""Where a clause that states a status ends (not at the comma inside ``$142,500``)."""


def first_status(clause: str) -> str | None:
    """Return the status of the first words of a (lower-case) text that state one, or None.

    >>> first_status(", mill road and quarry lane could soon be watched, and more were put up")
    'proposed'
    """
    first = _ANY_STATUS.search(clause)
    if first is None:
        return None
    end = STATUS_END.search(clause, first.end())
    return clause_status(clause[first.start() : end.start() if end else len(clause)])


_STATUS_ORDER = (
    ("damaged", _DAMAGED),
    ("covered", _COVERED),
    ("proposed", _PROPOSED),
    ("approved", _APPROVED),
    ("planned", _PLANNED),
    ("deployed", _DEPLOYED),
    ("installed", _INSTALLED),
    ("deployed", _ON_A_DAY),
)
# Whether a clause states any status at all: one pass instead of seven; then which one.
_ANY_STATUS = any_of(pattern.pattern for _, pattern in _STATUS_ORDER)
_STATUS_TESTS = tuple((status, any_of([pattern.pattern])) for status, pattern in _STATUS_ORDER)
