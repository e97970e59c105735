"""GeoJSON files of sites and routes (RFC 7946, written by GDAL through pyogrio)."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pyogrio

from campmap.layer import ROUTE_COLUMNS, SITE_COLUMNS

__all__ = ["write_geojson", "write_routes", "write_sites"]

_OPTIONS = {"RFC7946": "YES", "COORDINATE_PRECISION": "7", "WRITE_BBOX": "NO"}


def write_geojson(
    frame: gpd.GeoDataFrame, path: Path, *, layer: str, id_field: str, geometry_type: str
) -> None:
    """Write a GeoDataFrame as an RFC 7946 FeatureCollection.

    Coordinates are longitude/latitude with 7 decimals, polygons follow the
    right-hand rule, there is no ``crs`` member, and each feature's ``id`` is
    its ``id_field``. Integer columns stay integers, unknown values are null.
    """
    # GDAL moves the ID_FIELD column out of the properties; keep the named column there too.
    pyogrio.write_dataframe(
        frame.assign(id=frame[id_field]),
        path,
        layer=layer,
        driver="GeoJSON",
        geometry_type=geometry_type,
        layer_options={**_OPTIONS, "ID_FIELD": "id"},
    )


def write_sites(sites: gpd.GeoDataFrame, path: Path) -> None:
    """Write ``sites.geojson``: Point features with the site columns."""
    write_geojson(
        sites[[*SITE_COLUMNS, "geometry"]],
        path,
        layer="sites",
        id_field="site_id",
        geometry_type="Point",
    )


def write_routes(routes: gpd.GeoDataFrame, path: Path) -> None:
    """Write ``routes.geojson``: LineString features with the route columns."""
    write_geojson(
        routes[[*ROUTE_COLUMNS, "geometry"]],
        path,
        layer="routes",
        id_field="route_id",
        geometry_type="LineString",
    )
