"""GeoJSON files (RFC 7946, written by GDAL through pyogrio), one geometry type per file.

``sites.geojson`` holds the site points, ``site_lines.geojson`` and
``site_areas.geojson`` the full geometries of the places sites lie on (street
lines, park outlines), ``routes.geojson`` the routes.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pyogrio
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from campmap.layer.columns import ROUTE_COLUMNS, SITE_COLUMNS
from campmap.layer.layers import Layers

__all__ = [
    "PLACE_COLUMNS",
    "place_frames",
    "write_geojson",
    "write_routes",
    "write_site_areas",
    "write_site_lines",
    "write_sites",
]

_OPTIONS = {"RFC7946": "YES", "COORDINATE_PRECISION": "7", "WRITE_BBOX": "NO"}

PLACE_COLUMNS = (
    "site_id",
    "name",
    "count",
    "kind",
    "uncertainty_m",
    "coordinate_source",
    "backend",
)
"""Columns of the site line and site area layers."""


def write_geojson(
    frame: gpd.GeoDataFrame, path: Path, *, layer: str, id_field: str, geometry_type: str
) -> None:
    """Write a GeoDataFrame as an RFC 7946 FeatureCollection.

    Coordinates are longitude/latitude with 7 decimals, polygons follow the
    right-hand rule, there is no ``crs`` member, and each feature's ``id`` is
    its ``id_field``. Integer columns stay integers, unknown values are null.
    """
    # GDAL moves the ID_FIELD column out of the properties; keep the named column there too.
    try:
        pyogrio.write_dataframe(
            frame.assign(id=frame[id_field]),
            path,
            layer=layer,
            driver="GeoJSON",
            geometry_type=geometry_type,
            layer_options={**_OPTIONS, "ID_FIELD": "id"},
        )
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError) as err:
        # GDAL reports a full disk as its own error, not as an OSError
        raise OSError(f"GDAL could not write the GeoJSON: {err}") from err


def _multi_lines(geom: BaseGeometry) -> MultiLineString:
    if isinstance(geom, MultiLineString):
        return geom
    assert isinstance(geom, LineString)
    return MultiLineString([geom])


def _multi_polygons(geom: BaseGeometry) -> MultiPolygon:
    if isinstance(geom, MultiPolygon):
        return geom
    assert isinstance(geom, Polygon)
    return MultiPolygon([geom])


def place_frames(layers: Layers) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Return the places sites lie on: lines (as MultiLineString) and areas (as MultiPolygon)."""
    sites = layers.sites
    out = []
    for kind, make in (("line", _multi_lines), ("area", _multi_polygons)):
        rows = sites[sites["place_kind"] == kind]
        frame = gpd.GeoDataFrame(
            rows[list(PLACE_COLUMNS)].reset_index(drop=True),
            geometry=[make(g) for g in rows["place_geometry"]],
            crs="EPSG:4326",
        )
        out.append(frame)
    return out[0], out[1]


def write_sites(sites: gpd.GeoDataFrame, path: Path) -> None:
    """Write ``sites.geojson``: Point features with the site columns."""
    write_geojson(
        sites[[*SITE_COLUMNS, "geometry"]],
        path,
        layer="sites",
        id_field="site_id",
        geometry_type="Point",
    )


def write_site_lines(lines: gpd.GeoDataFrame, path: Path) -> None:
    """Write ``site_lines.geojson``: the streets and walks sites lie on (MultiLineString)."""
    write_geojson(
        lines, path, layer="site_lines", id_field="site_id", geometry_type="MultiLineString"
    )


def write_site_areas(areas: gpd.GeoDataFrame, path: Path) -> None:
    """Write ``site_areas.geojson``: the parks and squares sites lie in (MultiPolygon)."""
    write_geojson(areas, path, layer="site_areas", id_field="site_id", geometry_type="MultiPolygon")


def write_routes(routes: gpd.GeoDataFrame, path: Path) -> None:
    """Write ``routes.geojson``: LineString features with the route columns."""
    write_geojson(
        routes[[*ROUTE_COLUMNS, "geometry"]],
        path,
        layer="routes",
        id_field="route_id",
        geometry_type="LineString",
    )
