"""Tables of camera deployments (CSV, TSV): one row, one deployment at a place.

A table has a column of location text (``Location``, ``Site``, ``Address``
...), and optionally a count of cameras and a date. Each row's location is
cleaned (``opp. the station``, ``j/o Kings Rd``, ``Market Place, Ashford`` or
``Ashford, Market Place``) and resolved like a place in a report: gazetteer
names, junctions (:mod:`campmap.extract.junctions`), towns as context, and
namesakes settled by region (:mod:`campmap.extract.region`). Every row
becomes a site mention whose quote is the row itself; rows naming the same
place are that site's deployments (the ``deployments`` column of the sites),
and their counts add up.

When no column is named, the location column is guessed from the header
(``location``, ``site``, ``address`` ...), else from which column's values
look most like places; the guess is reported.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from campmap.display import shown_name
from campmap.errors import InputError
from campmap.extract.junctions import join_junctions
from campmap.extract.places import PlaceHit, find_places
from campmap.extract.region import settle_namesakes
from campmap.gazetteer import Gazetteer
from campmap.limits import check_count, check_rows, read_limited
from campmap.records import Mention, Occurrence, Problem, Role, Sentence, Source
from campmap.sources.walk import TABLE_SUFFIXES

__all__ = ["TABLE_SUFFIXES", "Table", "clean_location", "is_table", "read_table"]

_LOCATION_HEADER = re.compile(
    r"^(?:location|locations|site|sites|address|place|street|road|where|position|junction|"
    r"camera\s+location|site\s+name|location\s+description)$",
    re.IGNORECASE,
)
_COUNT_HEADER = re.compile(
    r"^(?:count|cameras|number|no\.?|number\s+of\s+cameras|camera\s+count|qty|quantity|units)$",
    re.IGNORECASE,
)
_DATE_HEADER = re.compile(
    r"^(?:date|installed|date\s+installed|when|deployed|from)$", re.IGNORECASE
)
_ABBREVIATIONS = (
    (re.compile(r"\bopp\.?(?=\s)", re.IGNORECASE), "opposite"),
    (re.compile(r"\bo/s\b", re.IGNORECASE), "outside"),
    (re.compile(r"\bnr\.?(?=\s)", re.IGNORECASE), "near"),
    (
        re.compile(r"\b(?:j/[wo]|jct\.?|jnc?\.?|junction)(?:\s+(?:of|with))?(?=\s)", re.IGNORECASE),
        "junction of",
    ),
    (re.compile(r"\bo/side\b", re.IGNORECASE), "outside"),
)
_LEADING_JUNCTION = re.compile(
    r"^\s*junction\s+of\s+(?=(?:(?!\s(?:and|with|x)\s)[^,/&])*$)", re.IGNORECASE
)
"""``junction of X`` naming one street only (``j/o Kings Rd``): the street."""
_CONTEXT_KINDS = frozenset("town city village borough county region country".split())


def is_table(path: str | Path) -> bool:
    """Whether a path is read as a table of deployments (by its ending)."""
    return str(path).lower().endswith(TABLE_SUFFIXES)


def clean_location(text: str) -> str:
    """Expand the abbreviations deployment tables use, so the text reads like a report.

    Examples
    --------
    >>> clean_location("opp. the station")
    'opposite the station'
    >>> clean_location("Kings Rd j/o Elm Grove")
    'Kings Rd junction of Elm Grove'
    >>> clean_location("j/o Kings Rd")
    'Kings Rd'
    >>> clean_location("Jct of Kings Rd and Elm Grove")
    'junction of Kings Rd and Elm Grove'
    """
    out = " ".join(text.split())
    for pattern, replacement in _ABBREVIATIONS:
        out = pattern.sub(replacement, out)
    return _LEADING_JUNCTION.sub("", out)


@dataclass(frozen=True)
class Table:
    """A table read into the pipeline's records."""

    source: Source
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    location_column: str
    guessed: bool

    @property
    def note(self) -> Problem | None:
        """A warning saying which column was guessed, or None when it was given."""
        if not self.guessed:
            return None
        return Problem(
            self.source.label,
            f"guessed the location column: {self.location_column!r} "
            "(choose another with --location-column)",
        )


def _read_rows(path: Path) -> tuple[str, list[str], list[tuple[int, int, int, list[str]]]]:
    r"""Return the text, header, and rows as (line number, start, end offset, cells).

    Rows are read by the ``csv`` module from the text as a file (``newline=""``):
    a row ends at ``\n``, ``\r\n`` or ``\r`` outside quotes, never at the other
    breaks ``str.splitlines()`` knows (NEL, U+2028, a form feed), and a quoted
    cell may hold a newline. Each row's offsets in the text are kept (its quote).
    """
    label = shown_name(str(path), str(path))
    data = read_limited(path, label)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        bad_line = data[: err.start].count(b"\n") + 1
        raise InputError(label, "not UTF-8 text; save the table as UTF-8 CSV", bad_line) from err
    first = io.StringIO(text, newline="").readline()
    if not first.strip():
        raise InputError(label, "empty table: expected a header row, then one row per deployment")
    delimiter = "\t" if path.suffix.lower() == ".tsv" or "\t" in first else ","
    read = [0]  # characters of the text the csv reader has taken so far

    def lines() -> Iterator[str]:
        for line in io.StringIO(text, newline=""):
            read[0] += len(line)
            yield line

    reader = csv.reader(lines(), delimiter=delimiter)
    rows: list[tuple[int, int, int, list[str]]] = []
    header: list[str] = []
    number, start = 1, 0
    try:
        for cells in reader:
            end = read[0]
            if not header:
                header = [h.strip() for h in cells]
            elif text[start:end].strip():
                check_rows(len(rows) + 1, label, number)
                rows.append((number, start, len(text[start:end].rstrip("\r\n")) + start, cells))
            number, start = reader.line_num + 1, end
    except csv.Error as err:  # e.g. a cell longer than csv.field_size_limit()
        raise InputError(label, f"not a CSV row: {err}", number) from err
    return text, header, rows


def _guess_column(header: list[str], rows: list[list[str]], gazetteer: Gazetteer) -> int | None:
    named = [i for i, h in enumerate(header) if _LOCATION_HEADER.match(h)]
    if named:
        return named[0]
    best, best_hits = None, 0
    for i in range(len(header)):
        hits = sum(bool(find_places(r[i], gazetteer)) for r in rows[:50] if i < len(r))
        if hits > best_hits:
            best, best_hits = i, hits
    return best


def _column(header: list[str], pattern: re.Pattern[str]) -> int | None:
    return next((i for i, h in enumerate(header) if pattern.match(h)), None)


def _pick(hits: list[PlaceHit]) -> tuple[PlaceHit | None, PlaceHit | None]:
    """Return the row's place, and the town it names (if any)."""
    town = next((h for h in hits if h.places and h.places[0].kind in _CONTEXT_KINDS), None)
    rest = [h for h in hits if h is not town and h.match != "region"]
    return (rest[0] if rest else None), town


def read_table(
    path: str | Path, gazetteer: Gazetteer, *, location_column: str | None = None
) -> Table:
    """Read a deployments table into a source, one sentence and one site mention per row.

    Parameters
    ----------
    path : str or pathlib.Path
        A ``.csv`` or ``.tsv`` file with a header row.
    gazetteer : Gazetteer
        Resolves the locations.
    location_column : str, optional
        The header of the location column; guessed when not given.

    Returns
    -------
    Table

    Raises
    ------
    InputError
        The file cannot be read, has no such column (the valid ones are
        listed), no column looks like locations, or a count is not a whole
        number (naming the line).
    """
    path = Path(path)
    label = shown_name(str(path), str(path))
    text, header, rows = _read_rows(path)
    if location_column is not None:
        if location_column not in header:
            valid = ", ".join(repr(h) for h in header)
            raise InputError(label, f"no column {location_column!r}; the columns are {valid}", 1)
        column = header.index(location_column)
    else:
        guessed = _guess_column(header, [cells for *_, cells in rows], gazetteer)
        if guessed is None:
            raise InputError(
                label, "no column looks like locations; name it with --location-column", 1
            )
        column = guessed
    count_column = _column(header, _COUNT_HEADER)
    source = Source(label=label, text=text)
    sentences: list[Sentence] = []
    mentions: list[Mention] = []
    for number, start, end, cells in rows:
        written = cells[column].strip() if column < len(cells) else ""
        if not written:
            continue
        count = _count(cells, count_column, label, number, header)
        sentence = Sentence(text[start:end], (Occurrence(label, start, end),), len(sentences))
        sentences.append(sentence)
        cleaned = clean_location(written)
        hits = join_junctions(cleaned, find_places(cleaned, gazetteer), gazetteer)
        hit, town = _pick(hits)
        at = max(sentence.text.find(written), 0)
        candidates = hit.places if hit else ()
        place = candidates[0] if candidates else None
        if town is not None and len(candidates) > 1:
            area = town.places[0].geometry
            place = min(candidates, key=lambda p: p.geometry.distance(area))
        mentions.append(
            Mention(
                text=written,
                sentence=sentence,
                start=at,
                end=at + len(written),
                role=Role.SITE,
                place=place,
                match=hit.match if hit else "candidate",
                score=hit.score if hit else 0.0,
                count=count,
                count_text=None if count is None else str(count),
                status="installed",
                reason=f"row {number} of a deployments table",
                candidates=() if town is not None else candidates,
                table_row=number,
            )
        )
    settled = tuple(settle_namesakes(mentions))
    return Table(source, tuple(sentences), settled, header[column], location_column is None)


def _count(
    cells: list[str], column: int | None, label: str, line: int, header: list[str]
) -> int | None:
    if column is None or column >= len(cells) or not cells[column].strip():
        return None
    return check_count(cells[column].strip(), label, line, header[column])
