"""``sites.csv``: the sites as a spreadsheet, with ``lon`` and ``lat`` columns.

Text cells that a spreadsheet would read as a formula (starting with ``=``,
``+``, ``-``, ``@``, tab or carriage return) get a leading apostrophe, so a
report cannot plant a formula in a newsroom's spreadsheet. Control characters
(terminal escapes, NUL) are dropped from ``sites.csv``; the review sheet keeps
them, so that its site ids still match.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from campmap.layer import SITE_COLUMNS, Layers

__all__ = ["CSV_COLUMNS", "defuse", "sites_table", "write_sites_csv"]

CSV_COLUMNS = (*SITE_COLUMNS, "lon", "lat")
"""Columns of ``sites.csv``."""

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def defuse(value: object) -> object:
    """Return a text cell that no spreadsheet will run as a formula.

    Examples
    --------
    >>> defuse("=1+2"), defuse("Mill Road"), defuse(4)
    ("'=1+2", 'Mill Road', 4)
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


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
    """Write ``sites.csv`` (UTF-8, comma-separated, one header row)."""
    sites_table(layers).to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
