"""Load campmap's outputs with QGIS's own API and print what QGIS sees, as JSON.

Run with the system Python that has Debian's python3-qgis:
    QT_QPA_PLATFORM=offscreen /usr/bin/python3 tests/qgis_probe.py OUTPUT_DIR
(tests/test_qgis.py does this in a subprocess).
"""

import json
import sys
from pathlib import Path

from qgis.core import QgsApplication, QgsVectorLayer, QgsWkbTypes


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
        "ids": [f["site_id"] if "site_id" in fields else None for f in features],
        "counts": [f["count"] if "count" in fields else None for f in features],
        "null_geometries": sum(1 for f in features if not f.hasGeometry()),
    }


def main(folder):
    app = QgsApplication([], False)
    app.initQgis()
    out = {}
    for path in sorted(Path(folder).glob("*.geojson")):
        out[path.name] = describe(QgsVectorLayer(str(path), path.stem, "ogr"))
    gpkg = Path(folder) / "campmap.gpkg"
    for name in ("sites", "site_lines", "site_areas", "routes", "unresolved"):
        out[f"campmap.gpkg|{name}"] = describe(
            QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
        )
    csv = Path(folder) / "sites.csv"
    uri = f"file://{csv}?delimiter=,&xField=lon&yField=lat&crs=EPSG:4326"
    out["sites.csv"] = describe(QgsVectorLayer(uri, "sites_csv", "delimitedtext"))
    print(json.dumps(out, default=str))
    app.exitQgis()


if __name__ == "__main__":
    main(sys.argv[1])
