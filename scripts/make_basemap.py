"""Build data/basemap/central_london.geojson.gz, the offline base map of central London.

The map draws this light base map when no tile provider is asked for, so a reader's browser
makes no request to a tile server. It is OpenStreetMap data (© OpenStreetMap contributors,
ODbL 1.0) from the shared samples:

- the City of Westminster's drivable streets (``westminster-streets.geojson``, OSM data of
  2024-02-17 as built by OSMnx): each edge keeps its first name and a class (``major`` for
  motorway to tertiary roads, ``minor`` for the rest), its line simplified to about 2 m;
- central London's park and grass polygons (``central-london-green-2016.geojson``, OSM data
  of 2016-02-18), simplified alike.

Coordinates are rounded to 5 decimals (about 1 m). Run from the repository root with the
shared samples beside it::

    python scripts/make_basemap.py [--osm ../shared/osm]
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import mapping, shape

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "basemap" / "central_london.geojson.gz"
MAJOR = {"motorway", "trunk", "primary", "secondary", "tertiary"}
TOLERANCE_DEG = 0.00002  # about 2 m


def _first(value: Any) -> str | None:
    values = value if isinstance(value, list) else [value]
    return next((str(v) for v in values if v), None)


def _geometry(geom: Any) -> dict[str, Any]:
    simple = shapely.set_precision(geom.simplify(TOLERANCE_DEG), 1e-5)
    return dict(mapping(shapely.orient_polygons(simple)))


def build(osm: Path) -> dict[str, Any]:
    """Return the base map's features: streets (name, class) and green areas."""
    streets = json.loads((osm / "westminster-streets.geojson").read_text(encoding="utf-8"))
    green = json.loads((osm / "central-london-green-2016.geojson").read_text(encoding="utf-8"))
    features = []
    for feature in green["features"]:
        geom = shape(feature["geometry"])
        if geom.is_empty:
            continue
        features.append(
            {"type": "Feature", "properties": {"kind": "green"}, "geometry": _geometry(geom)}
        )
    for feature in streets["features"]:
        props = feature["properties"]
        highway = _first(props.get("highway")) or ""
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "kind": "major" if highway in MAJOR else "minor",
                    "name": _first(props.get("name")),
                },
                "geometry": _geometry(shape(feature["geometry"])),
            }
        )
    return {
        "type": "FeatureCollection",
        "attribution": "© OpenStreetMap contributors, ODbL 1.0",
        "features": features,
    }


def main() -> None:
    """Write the gzipped GeoJSON (fixed timestamp, so the file changes only with the data)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--osm", type=Path, default=ROOT.parent / "shared" / "osm")
    collection = build(parser.parse_args().osm)
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as stream:
        stream.write(text.encode("utf-8"))
    print(f"{OUT.name}: {len(collection['features'])} features, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
