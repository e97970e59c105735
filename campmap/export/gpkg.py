"""``campmap.gpkg``: every layer in one GeoPackage, with proper field types.

Layers: ``sites`` (Point), ``site_lines`` (MultiLineString), ``site_areas``
(MultiPolygon), ``routes`` (LineString) and ``unresolved`` (no geometry: an
attribute table of the mentions that could not be placed). Integer columns
(counts, offsets) are 64-bit, so a count past 2**31 keeps its value (QGIS
shows them as "integer64"). The ``layer_styles`` table holds each geometry
layer's QGIS style (:mod:`campmap.export.gpkg_styles`), so QGIS opens the
layers styled. GeoPackage stores "last change" times; they are pinned so the
same inputs give the same bytes.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio

from campmap.export.geojson import place_frames
from campmap.export.gpkg_styles import write_layer_styles
from campmap.export.report import unresolved_record
from campmap.layer.columns import ROUTE_COLUMNS, SITE_COLUMNS
from campmap.layer.layers import Layers

__all__ = ["UNRESOLVED_COLUMNS", "unresolved_frame", "write_geopackage"]

UNRESOLVED_COLUMNS = (
    "text",
    "role",
    "count",
    "quote",
    "source",
    "sources",
    "start",
    "end",
    "candidates",
)
"""Columns of the ``unresolved`` table."""

FIXED_DATE = "2000-01-01T00:00:00.000Z"
"""The GeoPackage "last change" stamp, fixed for reproducible files."""


def unresolved_frame(layers: Layers) -> pd.DataFrame:
    """Return the unresolved mentions as a table (candidates joined with ``; ``)."""
    rows = [
        {**unresolved_record(item), "candidates": "; ".join(item.candidates)}
        for item in layers.unresolved
    ]
    frame = pd.DataFrame(rows, columns=list(UNRESOLVED_COLUMNS))
    frame["count"] = frame["count"].astype("Int64")
    frame["start"] = frame["start"].astype("int64")
    frame["end"] = frame["end"].astype("int64")
    return frame


def write_geopackage(layers: Layers, path: Path) -> None:
    """Write ``campmap.gpkg`` with the five layers and their QGIS styles."""
    lines, areas = place_frames(layers)
    parts: list[tuple[str, pd.DataFrame, str | None]] = [
        ("sites", layers.sites[[*SITE_COLUMNS, "geometry"]], "Point"),
        ("site_lines", lines, "MultiLineString"),
        ("site_areas", areas, "MultiPolygon"),
        ("routes", layers.routes[[*ROUTE_COLUMNS, "geometry"]], "LineString"),
        ("unresolved", unresolved_frame(layers), None),
    ]
    previous = pyogrio.get_gdal_config_option("OGR_CURRENT_DATE")
    pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": FIXED_DATE})
    try:
        _write_parts(parts, path)
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError) as err:
        # GDAL reports a full disk as a failed commit, not as an OSError
        raise OSError(f"GDAL could not write the GeoPackage: {err}") from err
    finally:
        pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": previous})
    write_layer_styles(path, FIXED_DATE)


def _write_parts(parts: list[tuple[str, pd.DataFrame, str | None]], path: Path) -> None:
    for number, (name, frame, geometry_type) in enumerate(parts):
        options = {"append": number > 0, "layer": name, "driver": "GPKG"}
        if geometry_type is None:
            pyogrio.write_dataframe(frame, path, **options)
        else:
            assert isinstance(frame, gpd.GeoDataFrame)
            pyogrio.write_dataframe(
                frame,
                path,
                geometry_type=geometry_type,
                **options,
                layer_options={"SPATIAL_INDEX": "NO"},
            )
