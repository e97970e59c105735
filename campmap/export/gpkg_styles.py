"""``campmap.gpkg``'s ``layer_styles`` table: each layer opens in QGIS with its style.

QGIS keeps a GeoPackage layer's styles in a ``layer_styles`` table and applies
the one marked ``useAsDefault`` when the layer is opened. This module writes
that table as QGIS itself does (QGIS 3.22 creates it through GDAL: the same
columns, types, feature-count triggers and an ``attributes`` row in
``gpkg_contents``), with one default style per geometry layer: the QML and SLD
that ``scripts/make_qgis_styles.py`` made with QGIS's API. Its times are
fixed, so the same inputs give the same bytes.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

__all__ = ["GEOMETRY_COLUMN", "STYLED_LAYERS", "write_layer_styles"]

STYLED_LAYERS = ("sites", "site_lines", "site_areas", "routes")
"""The layers given a default style (``unresolved`` has no geometry to draw)."""

GEOMETRY_COLUMN = "geom"
"""The geometry column GDAL gives a GeoPackage layer (QGIS matches a style on it)."""

_STYLES = Path(__file__).parent / "styles"

# The statements GDAL runs when QGIS saves a style to a GeoPackage (read back from one)
_CREATE = (
    'CREATE TABLE IF NOT EXISTS "layer_styles" ( "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,'
    ' "f_table_catalog" TEXT(256), "f_table_schema" TEXT(256), "f_table_name" TEXT(256),'
    ' "f_geometry_column" TEXT(256), "styleName" TEXT(30), "styleQML" TEXT, "styleSLD" TEXT,'
    ' "useAsDefault" BOOLEAN, "description" TEXT, "owner" TEXT(30), "ui" TEXT(30),'
    " \"update_time\" DATETIME DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))",
    'CREATE TRIGGER "trigger_insert_feature_count_layer_styles" AFTER INSERT ON "layer_styles"'
    " BEGIN UPDATE gpkg_ogr_contents SET feature_count = feature_count + 1"
    " WHERE lower(table_name) = lower('layer_styles'); END",
    'CREATE TRIGGER "trigger_delete_feature_count_layer_styles" AFTER DELETE ON "layer_styles"'
    " BEGIN UPDATE gpkg_ogr_contents SET feature_count = feature_count - 1"
    " WHERE lower(table_name) = lower('layer_styles'); END",
)
_REGISTER = (
    "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change,"
    " srs_id) VALUES ('layer_styles', 'attributes', 'layer_styles', '', ?, 0)"
)
_COUNT = "INSERT INTO gpkg_ogr_contents (table_name, feature_count) VALUES ('layer_styles', 0)"
_INSERT = (
    'INSERT INTO "layer_styles" ("f_table_catalog", "f_table_schema", "f_table_name",'
    ' "f_geometry_column", "styleName", "styleQML", "styleSLD", "useAsDefault", "description",'
    " \"owner\", \"ui\", \"update_time\") VALUES ('', '', ?, ?, ?, ?, ?, 1, ?, '', NULL, ?)"
)


def style_rows(stamp: str) -> list[tuple[str, str, str, str, str, str, str]]:
    """Return the ``layer_styles`` values of each styled layer, in table order.

    Each row is (table, geometry column, style name, QML, SLD, description, update time).
    """
    return [
        (
            name,
            GEOMETRY_COLUMN,
            name,
            (_STYLES / f"{name}.qml").read_text(encoding="utf-8"),
            (_STYLES / f"{name}.sld").read_text(encoding="utf-8"),
            f"campmap's style for {name}",
            stamp,
        )
        for name in STYLED_LAYERS
    ]


def write_layer_styles(path: Path, stamp: str) -> None:
    """Add the ``layer_styles`` table to the GeoPackage at ``path``.

    Parameters
    ----------
    path : pathlib.Path
        A GeoPackage GDAL has written, with the layers of :data:`STYLED_LAYERS`.
    stamp : str
        The time written as the table's "last change" and each style's ``update_time``.

    Raises
    ------
    OSError
        SQLite could not write the file (a full disk, a size limit).
    """
    try:
        with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as db:
            db.execute("BEGIN")
            for statement in _CREATE:
                db.execute(statement)
            db.execute(_REGISTER, (stamp,))
            db.execute(_COUNT)
            db.executemany(_INSERT, style_rows(stamp))
            db.execute("COMMIT")
    except sqlite3.Error as err:
        raise OSError(f"SQLite could not add the layer styles to the GeoPackage: {err}") from err
