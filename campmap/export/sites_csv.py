"""``sites.csv``: the sites as a spreadsheet, with ``lon`` and ``lat`` columns.

A report cannot plant a formula in a newsroom's spreadsheet, whichever
delimiter the spreadsheet splits the file on. Spreadsheets guess it (a
``;``-separated locale splits a comma CSV at its semicolons), so every part of
a text cell that a common delimiter (``,`` ``;`` tab ``|``, or a line break)
could make a cell of its own is checked: a part that starts, after spaces or
quotes, with ``=``, ``+``, ``-`` or ``@`` and is not a plain number
(``-0.12`` is a number, ``-1+2`` is a formula) gets an apostrophe before that
character, as does a cell starting with one of those, a tab or a carriage
return (:func:`defuse`). Such cells, and every text cell holding a delimiter,
a quote or a line break, are written in double quotes; numbers (a negative
count or coordinate) are written bare, so they stay numbers (:func:`write_csv`).

Control characters (terminal escapes, NUL) are dropped from ``sites.csv``; the
review sheet keeps them, so that its site ids still match.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from numbers import Integral, Real
from pathlib import Path
from typing import TextIO

import pandas as pd

from campmap.layer.columns import SITE_COLUMNS
from campmap.layer.layers import Layers

__all__ = ["CSV_COLUMNS", "defuse", "sites_table", "undefuse", "write_csv", "write_sites_csv"]

CSV_COLUMNS = (*SITE_COLUMNS, "lon", "lat")
"""Columns of ``sites.csv``."""

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LEAD = r"(?:(?<=[,;\t|\r\n])|^)((?:[^\S\t\r\n]|\")*)"
"""Where a delimiter could start a cell: the start, or after ``, ; tab |`` or a line break;
then the spaces or quotes a spreadsheet skips."""
_PART = re.compile(_LEAD + r"([=+\-@][^,;\t|\r\n]*)")
_DEFUSED_PART = re.compile(_LEAD + r"'(?=[=+\-@])|^'(?=[\t\r])")
_NUMBER = re.compile(r"\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*")
_QUOTE_IF = re.compile(r"[,;\t|\r\n\"]|^'")


def defuse(value: object) -> object:
    """Return a text cell that no spreadsheet will run as a formula, whatever its delimiter.

    Examples
    --------
    >>> defuse("=1+2"), defuse("Mill Road"), defuse(4), defuse("-5")
    ("'=1+2", 'Mill Road', 4, "'-5")
    >>> defuse("Mill Road;=1+2"), defuse("a | @SUM(1)"), defuse("51.5, -0.12")
    ("Mill Road;'=1+2", "a | '@SUM(1)", '51.5, -0.12')
    """
    if not isinstance(value, str):
        return value
    text = _PART.sub(_defused_part, value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _defused_part(match: re.Match[str]) -> str:
    lead, part = match.groups()
    return match.group(0) if _NUMBER.fullmatch(part) else f"{lead}'{part}"


def undefuse(text: str) -> str:
    """Undo :func:`defuse` on a cell read back (a review sheet campmap wrote).

    Examples
    --------
    >>> undefuse("'=1+2"), undefuse("Mill Road;'=1+2"), undefuse("it's"), undefuse("'-5")
    ('=1+2', 'Mill Road;=1+2', "it's", '-5')
    """
    return _DEFUSED_PART.sub(r"\1", text)


def write_csv(handle: TextIO, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """Write rows as comma-separated values, text defused and quoted (see the module docstring).

    Numbers (Python or numpy) are written bare; None, NaN and pandas' NA as an
    empty cell; text through :func:`defuse`, in double quotes when it holds a
    delimiter, a quote or a line break, or starts with an apostrophe.
    """
    handle.write(",".join(_cell(name) for name in header) + "\n")
    for row in rows:
        handle.write(",".join(_cell(value) for value in row) + "\n")


def _cell(value: object) -> str:
    if value is None or value is pd.NA:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, Integral):
        return str(int(value))
    if isinstance(value, Real):
        number = float(value)
        return "" if math.isnan(number) else repr(number)
    text = str(defuse(str(value)))
    return f'"{text.replace(chr(34), chr(34) * 2)}"' if _QUOTE_IF.search(text) else text


def _for_display(value: object) -> object:
    r"""Drop control characters (terminal escapes, NUL), then :func:`defuse`.

    Examples
    --------
    >>> _for_display("Mill\x1b[2J Road"), _for_display("\x00=1")
    ('Mill[2J Road', "'=1")
    """
    return defuse(_CONTROL.sub("", value) if isinstance(value, str) else value)


def sites_table(layers: Layers) -> pd.DataFrame:
    """Return the sites as a plain table with longitude and latitude columns."""
    table = pd.DataFrame(layers.sites[list(SITE_COLUMNS)]).copy()
    table["lon"] = [round(p.x, 7) for p in layers.sites.geometry]
    table["lat"] = [round(p.y, 7) for p in layers.sites.geometry]
    for column in table.columns:
        # pandas 3 gives text columns the "str" dtype, not object: check both
        if table[column].dtype == object or pd.api.types.is_string_dtype(table[column]):
            table[column] = table[column].map(_for_display)
    return table


def write_sites_csv(layers: Layers, path: Path) -> None:
    """Write ``sites.csv`` (UTF-8, comma-separated, one header row; see :func:`write_csv`)."""
    table = sites_table(layers)
    with path.open("w", encoding="utf-8", newline="") as handle:
        write_csv(handle, list(table.columns), table.itertuples(index=False, name=None))
