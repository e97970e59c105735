"""Checked JSON values: what the archive reads back from disk, each value's type checked.

A checkpoint is read from a folder whoever supplies the reports may also
write to, so nothing read is trusted: each helper returns the value when it
has the expected JSON type, and raises :class:`ValueError` naming what was
expected otherwise. ``bool`` is not taken for a number, nor a float for a
whole number.

Examples
--------
>>> fields(["a", 1], 2)
['a', 1]
>>> row(["a", None], str, Maybe(int))
('a', None)
>>> whole("1")
Traceback (most recent call last):
...
ValueError: expected a whole number, got str
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["Maybe", "count", "fields", "items", "number", "row", "text", "whole"]


@dataclass(frozen=True, slots=True)
class Maybe:
    """A JSON value of this type, or null (for :func:`row`)."""

    kind: type


def text(value: Any) -> str:
    """Return a JSON string."""
    if type(value) is not str:
        raise ValueError(f"expected a string, got {type(value).__name__}")
    return value


def whole(value: Any) -> int:
    """Return a JSON whole number."""
    if type(value) is not int:
        raise ValueError(f"expected a whole number, got {type(value).__name__}")
    return value


def count(value: Any) -> int:
    """Return a JSON whole number >= 0."""
    if whole(value) < 0:
        raise ValueError(f"expected a count, got {value!r}"[:200])
    return int(value)


def number(value: Any) -> float:
    """Return a JSON number (whole or not), as a float."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise ValueError(f"expected a number, got {value!r}"[:200])
    return float(value)


def items(value: Any) -> list[Any]:
    """Return a JSON list."""
    if type(value) is not list:
        raise ValueError(f"expected a list, got {type(value).__name__}")
    return value


def fields(value: Any, size: int) -> list[Any]:
    """Return a JSON list of exactly ``size`` values."""
    values = items(value)
    if len(values) != size:
        raise ValueError(f"expected {size} fields, got {len(values)}")
    return values


def row(value: Any, *kinds: type | Maybe) -> tuple[Any, ...]:
    """Return a JSON list as a tuple, each value checked against its type (by position)."""
    values = fields(value, len(kinds))
    for item, kind in zip(values, kinds, strict=True):
        if isinstance(kind, Maybe):
            if item is None:
                continue
            kind = kind.kind
        if type(item) is not kind:
            raise ValueError(f"expected {kind.__name__}, got {type(item).__name__}")
    return tuple(values)
