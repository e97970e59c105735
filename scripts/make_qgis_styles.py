"""Build the QGIS layer styles shipped in campmap/export/styles/ (run with QGIS's Python).

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/make_qgis_styles.py

Each style is made with QGIS's own API on an empty layer with campmap's fields and saved
as a .qml; campmap copies it beside each GeoJSON it writes, where QGIS applies it on load.
"""

from __future__ import annotations

import sys
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsFillSymbol,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsProperty,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
    QgsSymbolLayer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor

OUT = Path(__file__).resolve().parent.parent / "campmap" / "export" / "styles"
RED = "179,38,30,255"


def labels(expression: str, placement: int | None = None) -> QgsVectorLayerSimpleLabeling:
    settings = QgsPalLayerSettings()
    settings.fieldName = expression
    settings.isExpression = True
    if placement is not None:
        settings.placement = placement
    text = QgsTextFormat()
    text.setSize(9)
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(1)
    buffer.setColor(QColor("white"))
    text.setBuffer(buffer)
    settings.setFormat(text)
    return QgsVectorLayerSimpleLabeling(settings)


def layer(geometry: str) -> QgsVectorLayer:
    fields = "field=site_id:string&field=name:string&field=count:integer"
    made = QgsVectorLayer(f"{geometry}?crs=EPSG:4326&{fields}", "style", "memory")
    assert made.isValid()
    return made


def sites() -> QgsVectorLayer:
    counted = QgsMarkerSymbol.createSimple(
        {"name": "circle", "color": RED, "outline_color": "255,255,255,255", "outline_width": "0.4"}
    )
    counted.symbolLayer(0).setDataDefinedProperty(
        QgsSymbolLayer.PropertySize, QgsProperty.fromExpression('2.5 + 1.5 * sqrt("count")')
    )
    unknown = QgsMarkerSymbol.createSimple(
        {
            "name": "circle",
            "color": "255,255,255,255",
            "outline_color": "26,26,26,255",
            "outline_style": "dash",
            "outline_width": "0.5",
            "size": "4",
        }
    )
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(
        QgsRuleBasedRenderer.Rule(counted, 0, 0, '"count" IS NOT NULL', "cameras counted")
    )
    root.appendChild(
        QgsRuleBasedRenderer.Rule(unknown, 0, 0, '"count" IS NULL', "count not stated")
    )
    made = layer("Point")
    made.setRenderer(QgsRuleBasedRenderer(root))
    made.setLabeling(labels("\"name\" || if(\"count\" IS NULL, '', ' (' || \"count\" || ')')"))
    made.setLabelsEnabled(True)
    return made


def routes() -> QgsVectorLayer:
    made = layer("LineString")
    symbol = QgsLineSymbol.createSimple({"line_color": RED, "line_width": "1.2"})
    made.setRenderer(QgsSingleSymbolRenderer(symbol))
    made.setLabeling(
        labels(
            "coalesce(\"count\", '?') || ' cameras along ' || \"name\"", QgsPalLayerSettings.Line
        )
    )
    made.setLabelsEnabled(True)
    return made


def site_lines() -> QgsVectorLayer:
    made = layer("MultiLineString")
    symbol = QgsLineSymbol.createSimple({"line_color": "85,85,85,150", "line_width": "1.0"})
    made.setRenderer(QgsSingleSymbolRenderer(symbol))
    return made


def site_areas() -> QgsVectorLayer:
    made = layer("MultiPolygon")
    symbol = QgsFillSymbol.createSimple(
        {"color": "102,187,106,60", "outline_color": "46,125,50,255", "outline_width": "0.3"}
    )
    made.setRenderer(QgsSingleSymbolRenderer(symbol))
    return made


def main() -> None:
    app = QgsApplication([], False)
    app.initQgis()
    OUT.mkdir(parents=True, exist_ok=True)
    for name, build in (
        ("sites", sites),
        ("routes", routes),
        ("site_lines", site_lines),
        ("site_areas", site_areas),
    ):
        message, ok = build().saveNamedStyle(str(OUT / f"{name}.qml"))
        if not ok:
            sys.exit(f"{name}: {message}")
        print("wrote", OUT / f"{name}.qml")
    app.exitQgis()


if __name__ == "__main__":
    main()
