"""Load campmap's outputs with QGIS's own API and print what QGIS sees, as JSON.

Run with the system Python that has Debian's python3-qgis:
    QT_QPA_PLATFORM=offscreen /usr/bin/python3 tests/qgis_probe.py OUTPUT_DIR
    QT_QPA_PLATFORM=offscreen /usr/bin/python3 tests/qgis_probe.py --gpkg CAMPMAP_GPKG
(tests/test_qgis.py does this in a subprocess). The second form opens only the GeoPackage's
layers, as a user adding them to a project would, and renders them at their full extent.
"""

import json
import sys
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QSize

GPKG_LAYERS = ("sites", "site_lines", "site_areas", "routes", "unresolved")


def describe(layer):
    fields = {f.name(): f.typeName().lower() for f in layer.fields()}
    features = list(layer.getFeatures())
    renderer = layer.renderer()
    return {
        "valid": layer.isValid(),
        "geometry": QgsWkbTypes.displayString(layer.wkbType()),
        "crs": layer.crs().authid(),
        "count": layer.featureCount(),
        "fields": fields,
        "renderer": renderer.type() if renderer else None,
        "colour": renderer.symbol().color().name()
        if renderer and renderer.type() == "singleSymbol"
        else None,
        "labels": layer.labelsEnabled(),
        **style(layer),
        "ids": [f["site_id"] if "site_id" in fields else None for f in features],
        "counts": [f["count"] if "count" in fields else None for f in features],
        "null_geometries": sum(1 for f in features if not f.hasGeometry()),
    }


def style(layer):
    """What the layer's style draws: its rules, fill alpha, label placement and text."""
    renderer = layer.renderer()
    rules = renderer.rootRule().children() if renderer and renderer.type() == "RuleRenderer" else []
    symbol = renderer.symbol() if renderer and renderer.type() == "singleSymbol" else None
    labeling = layer.labeling() if layer.labelsEnabled() else None
    settings = labeling.settings() if labeling is not None else None
    stored = layer.listStylesInDatabase() if layer.isValid() else (0, [], [], [], "")
    related, names = stored[0], stored[2]
    return {
        "rules": [[r.label(), r.filterExpression()] for r in rules],
        "rule_properties": sorted(
            {
                name
                for rule in rules
                for name in rule.symbol().symbolLayer(0).dataDefinedProperties().propertyKeys()
            }
        ),
        "alpha": symbol.color().alpha() if symbol else None,
        "label_placement": settings.placement if settings else None,
        "label_expression": settings.fieldName if settings else None,
        "label_display_all": settings.displayAll if settings else None,
        "database_styles": list(names[:related]),  # the styles stored for this layer
    }


def full_extent_labels(layers):
    """Render the layers at their full extent and return the label texts drawn per layer."""
    extent = QgsRectangle()
    for layer in layers:
        extent.combineExtentWith(layer.extent())
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(layers[0].crs())
    settings.setExtent(extent)
    settings.setOutputSize(QSize(800, 600))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    names = {layer.id(): layer.name() for layer in layers}
    drawn = {layer.name(): [] for layer in layers}
    for label in job.takeLabelingResults().allLabels():
        drawn[names[label.layerID]].append(label.labelText)
    return {name: sorted(texts) for name, texts in drawn.items()}


def gpkg_only(gpkg):
    """Open each layer of a GeoPackage alone and render the drawn ones at full extent."""
    out = {
        name: describe(QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr"))
        for name in GPKG_LAYERS
    }
    drawn = [
        QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
        for name in ("routes", "site_areas", "site_lines", "sites")
    ]
    out["full_extent_labels"] = full_extent_labels(drawn)
    return out


def main(folder):
    app = QgsApplication([], False)
    app.initQgis()
    out = {}
    for path in sorted(Path(folder).glob("*.geojson")):
        out[path.name] = describe(QgsVectorLayer(str(path), path.stem, "ogr"))
    gpkg = Path(folder) / "campmap.gpkg"
    for name in GPKG_LAYERS:
        out[f"campmap.gpkg|{name}"] = describe(
            QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
        )
    csv = Path(folder) / "sites.csv"
    uri = f"file://{csv}?delimiter=,&xField=lon&yField=lat&crs=EPSG:4326"
    out["sites.csv"] = describe(QgsVectorLayer(uri, "sites_csv", "delimitedtext"))
    print(json.dumps(out, default=str))
    app.exitQgis()


if __name__ == "__main__":
    if sys.argv[1] == "--gpkg":
        application = QgsApplication([], False)
        application.initQgis()
        print(json.dumps(gpkg_only(sys.argv[2]), default=str))
        application.exitQgis()
    else:
        main(sys.argv[1])
