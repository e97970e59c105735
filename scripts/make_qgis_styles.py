"""Build the QGIS layer styles shipped in campmap/export/styles/ (run with QGIS's Python).

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/make_qgis_styles.py

Each style is made with QGIS's own API on an empty layer with campmap's fields and saved
as a .qml and an .sld; campmap copies the .qml beside each GeoJSON it writes, where QGIS
applies it on load, and stores both in campmap.gpkg's ``layer_styles`` table, where QGIS
finds a GeoPackage layer's default style.
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

STATUS_COLOURS = (
    ("installed", "'installed'", "#b3261e"),
    ("deployed (temporary)", "'deployed'", "#e8710a"),
    ("planned, proposed or approved", "'planned', 'proposed', 'approved'", "#0b57d0"),
    ("damaged or covered", "'damaged', 'covered'", "#7b1fa2"),
    ("removed or moved away", "'removed', 'relocated_from'", "#757575"),
)
"""Sites are coloured by status: legend label, the statuses (an SQL list) and the colour."""
OTHER_STATUS = "#1a1a1a"


def labels(expression: str, placement: int | None = None) -> QgsVectorLayerSimpleLabeling:
    settings = QgsPalLayerSettings()
    settings.fieldName = expression
    settings.isExpression = True
    if placement is not None:
        settings.placement = placement
    settings.displayAll = True  # never hidden by a collision, at any scale
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
    fields = "field=site_id:string&field=name:string&field=count:integer&field=status:string"
    made = QgsVectorLayer(f"{geometry}?crs=EPSG:4326&{fields}", "style", "memory")
    assert made.isValid()
    return made


def status_symbol(colour: str) -> QgsMarkerSymbol:
    """Return a circle in the status colour, sized by count; white, dashed edge, when unknown."""
    symbol = QgsMarkerSymbol.createSimple({"name": "circle", "outline_width": "0.4", "size": "4"})
    layer_ = symbol.symbolLayer(0)
    unknown = '"count" IS NULL'
    for key, expression in (
        (QgsSymbolLayer.PropertySize, f'if({unknown}, 4, min(2.5 + 1.5 * sqrt("count"), 16))'),
        (QgsSymbolLayer.PropertyFillColor, f"if({unknown}, '#ffffff', '{colour}')"),
        (QgsSymbolLayer.PropertyStrokeColor, f"if({unknown}, '{colour}', '#ffffff')"),
        (QgsSymbolLayer.PropertyStrokeStyle, f"if({unknown}, 'dash', 'solid')"),
    ):
        layer_.setDataDefinedProperty(key, QgsProperty.fromExpression(expression))
    symbol.setColor(QColor(colour))
    return symbol


def sites() -> QgsVectorLayer:
    root = QgsRuleBasedRenderer.Rule(None)
    for label, statuses, colour in STATUS_COLOURS:
        root.appendChild(
            QgsRuleBasedRenderer.Rule(
                status_symbol(colour), 0, 0, f'"status" IN ({statuses})', label
            )
        )
    other = QgsRuleBasedRenderer.Rule(status_symbol(OTHER_STATUS), 0, 0, "ELSE", "other status")
    root.appendChild(other)
    made = layer("Point")
    made.setRenderer(QgsRuleBasedRenderer(root))
    made.setLabeling(labels("\"name\" || if(\"count\" IS NULL, '', ' (' || \"count\" || ')')"))
    made.setLabelsEnabled(True)
    return made


def routes() -> QgsVectorLayer:
    made = layer("LineString")
    symbol = QgsLineSymbol.createSimple({"line_color": RED, "line_width": "1.2"})
    made.setRenderer(QgsSingleSymbolRenderer(symbol))
    # Horizontal: a route too short for its label at full extent keeps the label beside it
    made.setLabeling(
        labels(
            "coalesce(\"count\", '?') || ' cameras along ' || \"name\"",
            QgsPalLayerSettings.Horizontal,
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
        made = build()
        message, ok = made.saveNamedStyle(str(OUT / f"{name}.qml"))
        if not ok:
            sys.exit(f"{name}: {message}")
        message, ok = made.saveSldStyle(str(OUT / f"{name}.sld"))
        if not ok:
            sys.exit(f"{name}: {message}")
        print("wrote", OUT / f"{name}.qml", OUT / f"{name}.sld")
    app.exitQgis()


if __name__ == "__main__":
    main()
