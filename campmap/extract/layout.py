"""Where each sentence stands in its report: headline, list item, follow-on, and the report's topic.

Real reports seldom name a camera site in the sentence that names the
cameras: ``The new cameras will be located at:`` is followed by a list of
lines, ``These include ...`` follows ``at four intersections.``, and a
headline or a caption names the place. :func:`read_layout` reads each
report's sentences in order and tells, for every unique sentence of a
:class:`~campmap.records.Document`, what stands around it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from campmap.extract.anyof import any_of, lower_test
from campmap.extract.country import report_country
from campmap.extract.kinds import camera_kind, clause_status, kind_text, report_kind
from campmap.extract.lists import crossing_line_runs, place_line_runs
from campmap.extract.sitewords import (
    announces_list,
    names_junctions,
    names_sites,
    sites_heading,
)
from campmap.extract.status import only_where, table_header_end
from campmap.extract.topic import (
    DEPLOYED,
    camera_sentence,
    names_cameras,
    on_the_list,
    report_topic,
)
from campmap.records import Document, Sentence, Source
from campmap.sources.clean import LIST_MARKER

__all__ = ["Setting", "read_layout"]

_FOLLOW_ON = re.compile(
    r"^(?:[\"']\s*)?(?:these\s+(?:include|are|will|were|sites|locations|cameras)|they\s+(?:include|are|will|were)|"
    r"others?\s+(?:are|were|will|include)|the\s+(?:others?|rest|sites?|locations?)\b|"
    r"some\s+of\s+(?:the|them)|one\s+(?:is|was|will|of)|another\s|both\s|two\s+of|three\s+of|"
    r"the\s+(?:first|second|third|fourth|fifth|new|other)\s+(?:is|was|will|one|camera|site)|"
    r"it\s+(?:is|was|will)\b)",
    re.IGNORECASE,
)
_ELLIPTICAL = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|another)\s+(?:more\s+|new\s+|extra\s+)?"
    r"(?:in|at|on|along|outside|near)\s+[A-Z\d]"
)
"""``followed by two new in Victoria St``: a count of the cameras just named, and where."""
_INTRO_END = re.compile(
    r"(?::|\b(?:include|includes|including|are|were|at|in|on))\s*(?:\.{2,}|\u2026)?\s*$",
    re.IGNORECASE,
)
"""A sentence that opens a list ends so (``located at:``, ``include``, ``located at.....``)."""
_NUMBERED_START = re.compile(r"\s+\d{1,2}[.)]$")
"""``... located at: 1.``: a list numbered on one line, cut into sentences at its numbers."""
_PIPE_HEADER = re.compile(
    r"^\|?\s*(?:locations?|sites?|address(?:es)?|streets?|roads?|junctions?|intersections?|"
    r"places?)\s*\|",
    re.IGNORECASE,
)
"""A table's header row with a location column, written with pipes."""
_PLACES_NOUN = re.compile(
    r"\b(?:locations?|sites?|places?|spots?|junctions?|intersections?|crossings?|roads?|streets?|"
    r"corridors?|schools?|areas?|points?|entrances?|routes?)\b",
    re.IGNORECASE,
)
_REFERS = re.compile(r"\b(?:they|them|these|those|the\s+(?:new\s+)?(?:cameras?|devices?|system))\b")
_CLAUSE = any_of([r"\b(?:has|have|had|was|were|is|are|will|would|said|says)\b"])
"""A finite verb: a line with one is prose, not a list item (unless bulleted)."""
_SOURCE_LINE = re.compile(r"^(?:source|url|link)\s*:\s*\S+$", re.IGNORECASE)
_ITEM_CHARS = 140
_BRACKETED = re.compile(r"\s*\([^()\n]*\)")


@dataclass(frozen=True, slots=True)
class Setting:
    """What stands around one sentence of a report.

    Attributes
    ----------
    about_cameras : bool
        The sentence names cameras, or (in a report about cameras) refers to
        them and puts them somewhere.
    item : bool
        The sentence is an item of a list introduced by a sentence about
        cameras (``... located at:``), or continues such a sentence (``These
        include ...``), so its places inherit the cameras.
    junctions : bool
        The sentence, or the sentence its list hangs from, speaks of junctions
        or intersections: ``A and B`` there is a crossing.
    junction_report : bool
        Some sentence of the report speaks of junctions or intersections.
    heading : bool
        A headline or caption line (short, no full stop).
    skip : bool
        Not report text (a ``Source: URL`` line).
    topic : bool
        The report as a whole is about cameras.
    country : str or None
        The report's country (ISO 3166-1 alpha-2) when its address or the
        countries and states it names tell (see :func:`campmap.extract.country.report_country`).
    kind : str
        The kind of camera in force: the sentence's own, else that of the list or
        sentence it continues, else the report's most frequent, else ``camera``.
    cut_off : bool
        The report's text stops inside this sentence (an excerpt cut mid-word).
    status : str or None
        The status stated by the sentence a list item or follow-on hangs from; for
        other sentences, by the last camera sentence before that stated one.
    """

    about_cameras: bool = False
    item: bool = False
    junctions: bool = False
    junction_report: bool = False
    heading: bool = False
    skip: bool = False
    topic: bool = False
    country: str | None = None
    kind: str = "camera"
    status: str | None = None
    cut_off: bool = False


def read_layout(document: Document) -> dict[int, Setting]:
    """Return the :class:`Setting` of each unique sentence, by its index.

    A sentence repeated in several reports takes its setting from the first.
    """
    by_source: dict[str, list[Sentence]] = {}
    for sentence in document.sentences:
        for occurrence in sentence.occurrences:
            by_source.setdefault(occurrence.source, []).append(sentence)
    out: dict[int, Setting] = {}
    for source in document.sources:
        ordered = by_source.get(source.label, [])
        starts = {
            s.index: next(o.start for o in s.occurrences if o.source == source.label)
            for s in ordered
        }
        ordered.sort(key=lambda s: starts[s.index])
        for index, setting in _settings(source, ordered, starts).items():
            out.setdefault(index, setting)
    return out


_names_places = lower_test(_PLACES_NOUN)


def _settings(
    source: Source, ordered: Sequence[Sentence], starts: dict[int, int]
) -> dict[int, Setting]:
    """Read one report's sentences in order, carrying lists and kinds from one to the next."""
    text = source.text
    camera_kind.cache_clear()  # it holds this report's sentences (asked twice), no other's
    lows = [s.text.lower() for s in ordered]
    report = _read_report(source, ordered, lows)
    carried = _Carried(kind=report.kind)
    out: dict[int, Setting] = {}
    lines = [_line(text, starts[s.index], starts[s.index] + len(s.text)) for s in ordered]
    runs = place_line_runs(lines, _ITEM_CHARS) if report.topic else set()
    crossing_lines = crossing_line_runs(lines, _ITEM_CHARS) if report.topic else set()
    for k, (sentence, low) in enumerate(zip(ordered, lows, strict=True)):
        if _SOURCE_LINE.match(sentence.text.strip()):
            out[sentence.index] = Setting(skip=True, topic=report.topic, country=report.country)
            continue
        if k in runs:
            carried.continued = True
            carried.status = carried.status or _report_status(lows)
        status = carried.status
        setting = _setting(sentence, low, lines[k], report, carried)
        if setting.item and k in crossing_lines:  # a list of crossings: "A Road and B" is one
            setting = replace(setting, junctions=True)
        elif not setting.item and on_the_list(low):
            # "Among the areas on the list are ...": the sites of the plan told before
            setting = replace(setting, status=setting.status or carried.recent)
        if carried.fresh and carried.status == "planned" and only_where(low):
            # "The new cameras will be located at:" says where the cameras the report
            # announced are, not that they are yet to come.
            carried.status = _report_status(lows) or carried.status
        if table_header_end(low):  # rows of a flattened table: "Deployment" names a column
            carried.status = status or _report_status(lows)
            setting = replace(setting, status=setting.status or carried.status)
        out[sentence.index] = setting
    if ordered and text[-1:].isalnum() and len(ordered[-1].text) > _ITEM_CHARS:
        out[ordered[-1].index] = replace(out[ordered[-1].index], cut_off=True)
    return out


def _report_status(lows: Sequence[str]) -> str | None:
    """Return the status the report's first camera sentence states (for lists it opens none)."""
    return next(
        (status for low in lows if names_cameras(low) and (status := clause_status(low))),
        None,
    )


@dataclass(frozen=True, slots=True)
class _Report:
    """What holds for every sentence of one report."""

    topic: bool
    country: str | None
    junction_report: bool
    kind: str
    """The report's most frequent kind of camera, else ``camera``."""


@dataclass(slots=True)
class _Carried:
    """What one sentence of a report passes on to the next (read in order)."""

    kind: str
    status: str | None = None
    recent: str | None = None
    """The status the last camera sentence that stated one stated."""
    intro: str | None = None
    """The (lower-cased) camera sentence a list hangs from."""
    previous_camera: bool = False
    continued: bool = False
    bullets: bool = False
    fresh: bool = False
    """A list was just opened and no item has come yet."""
    previous_places: bool = False
    """The sentence before speaks of camera sites or locations."""
    kind_said: bool = False
    """The sentence before named the kind in force (or spoke of the cameras named with it)."""
    previous_junctions: bool = False
    """The sentence before speaks of junctions or intersections."""


def _read_report(source: Source, ordered: Sequence[Sentence], lows: list[str]) -> _Report:
    cameras = [
        kind_text(s.text, low) for s, low in zip(ordered, lows, strict=True) if names_cameras(low)
    ]
    main_kind = report_kind(cameras)
    return _Report(
        topic=report_topic(lows, len(cameras)),
        country=report_country(source),
        junction_report=any(names_junctions(s.text) for s in ordered),
        kind=main_kind.name if main_kind else "camera",
    )


def _setting(
    sentence: Sentence, low: str, line: str, report: _Report, carried: _Carried
) -> Setting:
    """Return one sentence's setting, and update what it carries to the next."""
    short, listable = _lengths(line)
    own = camera_kind(sentence.text)
    # "a licence plate recognition system, which will be installed at ...": cameras too.
    camera = camera_sentence(low, report.topic) or (
        report.topic and own is not None and bool(DEPLOYED.search(low))
    )
    bulleted = bool(LIST_MARKER.match(line))
    in_list = (
        carried.intro is not None
        and (
            bulleted
            or (
                # (a table's rows run into one line, right after the intro, may be long)
                (listable or carried.fresh)
                and not carried.bullets
                and not _prose(sentence.text)
                and not _CLAUSE.search(low)
            )
        )
    ) or carried.continued
    follow_on = carried.previous_camera and bool(
        _FOLLOW_ON.match(sentence.text) or _ELLIPTICAL.search(sentence.text)
    )
    item = in_list or follow_on
    if not in_list and not (carried.intro is not None and carried.fresh and short and not bulleted):
        carried.intro = None  # (a caption or link line between a list's intro and its items)
    carried.fresh = carried.intro is not None and not in_list and carried.fresh
    carried.bullets = in_list and (carried.bullets or bulleted)
    own_junctions = names_junctions(sentence.text)
    junctions = (
        own_junctions
        or bool(item and carried.intro is not None and names_junctions(carried.intro))
        or (follow_on and carried.previous_junctions)  # "... at four intersections. These include"
    )
    carried.previous_junctions = own_junctions
    # "They will be placed at ...": the cameras of the sentence before, and their kind.
    refers = own is None and carried.kind_said and bool(_REFERS.search(low))
    if own is None and not item and not refers:
        carried.kind = report.kind
    elif own is not None and (camera or item):
        carried.kind = own.name
    carried.kind_said = refers or (own is not None and (camera or item)) or (item and own is None)
    setting = Setting(
        kind=own.name if own is not None else carried.kind,
        # (a line with no verb of its own: a bullet, a heading, a bare place)
        status=carried.status if item else (None if _CLAUSE.search(low) else carried.recent),
        about_cameras=camera or item,
        item=item,
        junctions=junctions,
        junction_report=report.junction_report,
        heading=short and not sentence.text.rstrip().endswith((".", "?", "!", ":")),
        topic=report.topic,
        country=report.country,
    )
    _carry(
        sentence, low, carried, camera=camera, item=item, follow_on=follow_on, topic=report.topic
    )
    return setting


def _carry(
    sentence: Sentence,
    low: str,
    carried: _Carried,
    *,
    camera: bool,
    item: bool,
    follow_on: bool,
    topic: bool,
) -> None:
    """Update what a sentence passes on: the list it opens, its status, a list going on."""
    stripped = _NUMBERED_START.sub("", sentence.text.rstrip())
    colon = stripped.endswith((":", "..", "\u2026"))  # ("located at....." runs on, as a colon)
    if (
        (
            (camera or follow_on)
            # A match ends the text ("including", "at....."): only the end is read.
            and _INTRO_END.search(stripped, max(0, len(stripped) - 24))
            and (colon or _names_places(low))
        )
        or ((camera or follow_on) and announces_list(low))
        or (
            topic
            and (
                (colon and carried.previous_places)
                or bool(_PIPE_HEADER.match(stripped))
                # a heading "Current active camera sites" over a table or list
                or (camera and sites_heading(stripped))
            )
        )
    ):
        # "... the locations of the new sites. Here they are:" opens a list too.
        carried.intro = low
        carried.fresh = True
    carried.previous_places = names_sites(low)
    if camera and not item:
        carried.status = clause_status(low)
        if carried.status in _LASTING:
            carried.recent = carried.status
    elif not camera and not item and len(stripped) > _ITEM_CHARS // 2:
        carried.recent = None  # the story has moved on from the cameras
    # "A; B; C and D": a sentence cut at semicolons goes on as a list.
    carried.continued = (camera or item) and sentence.text.rstrip().endswith(";")
    carried.previous_camera = (camera and bool(DEPLOYED.search(low) or _names_places(low))) or (
        follow_on and carried.previous_camera
    )


_LASTING = frozenset({"installed", "planned", "proposed", "approved"})
_PROSE = re.compile(
    r"^(?:the|a|an|it|this|that|these|those|he|she|they|we|i|you|there|for|in|on|at|but|and|"
    r"if|when|while|as|after|before|meanwhile|however)\s+(?:\S+\s+)*?[a-z]+\s+[a-z]+\s+[a-z]+",
    re.IGNORECASE,
)


def _lengths(line: str) -> tuple[bool, bool]:
    """Whether a line is short, and whether it is short enough for a list item.

    An item may carry a long note in brackets (``Elm Road (St Anne's School,
    Hill Top Primary School and ...)``): the note does not count.
    """
    short = len(line.strip()) <= _ITEM_CHARS
    return short, short or len(_BRACKETED.sub("", line).strip()) <= _ITEM_CHARS // 2


def _prose(text: str) -> bool:
    """Tell whether a short line is prose, not a list item (``The mayor lives ...``)."""
    return bool(_PROSE.match(text)) and sum(1 for w in text.split() if w[:1].islower()) >= 3


def _line(text: str, start: int, end: int) -> str:
    """Return the line of the source text a sentence stands on."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    return text[first : last if last >= 0 else len(text)]
