"""Read a sites file column by column with msgspec, without one Python dict per feature.

``json.loads`` makes a dict for every feature and every property (three
million objects for 100,000 sites); most of ``campmap render``'s time went
there. msgspec decodes the file straight into small typed records, in C:
only the properties a site layer has are kept (the others are skipped while
parsing), and the types it can check there (a ``count`` is a number or null,
coordinates are numbers) are checked there.

This reader only takes the plain case. Anything it does not take (a JSON
error, a feature that is not a Point, a count that is not a whole number, a
number too large for msgspec, ...) makes it return None, and
:func:`campmap.layer.read.read_sites` reads the file again the strict way,
which names the feature and what was wrong. So the two readers need not
agree on messages, only on the layers they return (``tests/test_columnar.py``
compares them).
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any

import msgspec
import numpy as np

from campmap.layer.columns import SITE_COLUMNS

__all__ = ["SiteColumns", "decode_sites", "read_site_columns"]


class _Geometry(msgspec.Struct, gc=False):
    type: str
    coordinates: tuple[float, ...]  # a tuple of numbers: not tracked by the collector either


def _name(column: str) -> str:
    return column.replace(":", "_")


_Properties: Any = msgspec.defstruct(
    "_Properties",
    [
        (_name(c), int | float | None if c == "count" else Any, None)
        for c in SITE_COLUMNS
        if c != "confidence"
    ]
    + [("confidence", float | str | None, None)],
    rename={_name(c): c for c in SITE_COLUMNS},
    gc=False,  # decoded JSON cannot make a reference cycle: nothing for the collector to find
)


class _Feature(msgspec.Struct, gc=False):
    geometry: _Geometry | None = None
    properties: _Properties | None = None
    id: Any = None


class _Collection(msgspec.Struct, gc=False):
    type: str
    features: list[_Feature]


_NO_POINT = _Geometry("", ())

_DECODER = msgspec.json.Decoder(_Collection)


@dataclass(frozen=True)
class SiteColumns:
    """The features of a sites file, column-wise, as the file has them.

    Attributes
    ----------
    lon, lat : numpy.ndarray
        Each feature's point (checked to be longitude and latitude).
    ids : list
        Each feature's ``id`` member (None when it has none).
    properties : dict of str to list
        Each site column's values, None where a feature has the property
        null or not at all. ``count`` holds whole numbers (as int) or None;
        ``confidence`` numbers from 0 to 1 (as float) or None (``""`` too).
    """

    lon: np.ndarray
    lat: np.ndarray
    ids: list[Any]
    properties: dict[str, list[Any]]

    def __len__(self) -> int:
        """Return the number of features."""
        return len(self.ids)


def decode_sites(data: bytes) -> SiteColumns | None:
    """Return the sites in ``data`` (a GeoJSON FeatureCollection) column-wise.

    Returns None when the file is not the plain case this reader takes (see
    the module's docstring): the strict reader then says what is wrong.

    Examples
    --------
    >>> data = b'{"type": "FeatureCollection", "features": [{"type": "Feature",'
    >>> data += b' "properties": {"count": 4},'
    >>> data += b' "geometry": {"type": "Point", "coordinates": [0, 51]}}]}'
    >>> columns = decode_sites(data)
    >>> columns.lon.tolist(), columns.properties["count"], columns.properties["name"]
    ([0.0], [4], [None])
    >>> decode_sites(b'{"type": "FeatureCollection", "features": [{"type": "Feature"}]}') is None
    True
    """
    try:
        collection = _DECODER.decode(data)
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None
    features = collection.features
    if collection.type != "FeatureCollection":
        return None
    geometries = [f.geometry or _NO_POINT for f in features]
    coordinates = list(map(attrgetter("coordinates"), geometries))
    if set(map(attrgetter("type"), geometries)) - {"Point"}:
        return None
    if min(map(len, coordinates), default=2) < 2:
        return None
    lon = np.fromiter(map(itemgetter(0), coordinates), np.float64, len(coordinates))
    lat = np.fromiter(map(itemgetter(1), coordinates), np.float64, len(coordinates))
    if not (np.all((lon >= -180) & (lon <= 180)) and np.all((lat >= -90) & (lat <= 90))):
        return None
    empty = _Properties()
    props = [f.properties or empty for f in features]
    properties = {c: list(map(attrgetter(_name(c)), props)) for c in SITE_COLUMNS}
    count = _counts(properties["count"])
    confidence = _confidences(properties["confidence"])
    if count is None or confidence is None:
        return None
    properties.update(count=count, confidence=confidence)
    return SiteColumns(lon, lat, [f.id for f in features], properties)


def _counts(values: list[int | float | None]) -> list[int | None] | None:
    """Return whole, non-negative counts as int, or None if one is not."""
    numbers = np.array([np.nan if v is None else v for v in values], dtype=np.float64)
    known = numbers[~np.isnan(numbers)]
    if np.any(known < 0) or np.any(known != np.floor(known)):
        return None
    return [None if v is None else int(v) for v in values]


def _confidences(values: list[float | str | None]) -> list[float | None] | None:
    """Return confidences from 0 to 1 (``""`` is none), or None if one is not."""
    if any(isinstance(v, str) and v != "" for v in values):
        return None
    out = [None if v is None or v == "" else float(v) for v in values]
    numbers = np.array([np.nan if v is None else v for v in out], dtype=np.float64)
    known = numbers[~np.isnan(numbers)]
    if np.any((known < 0) | (known > 1)):
        return None
    return out


def read_site_columns(path: Path) -> SiteColumns | None:
    """Read ``path`` with :func:`decode_sites`; None when it cannot be read that way."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return decode_sites(data)
