"""``map.html``: a self-contained Leaflet map, rendered with folium.

Leaflet itself is inlined from the xstatic-leaflet package, so the map opens
with no network at all; a tile layer (the only thing that needs the network)
is added only when asked for by its xyzservices name. The sites, routes and
place geometries travel as one JSON object in a ``<script
type="application/json">`` block, read by a small script that inserts report
text with ``textContent`` only, so nothing from a report can run as HTML or
JavaScript.

Nothing that comes from a report, a file name, a gazetteer, a geocoder, a
review sheet or an option is ever template source: folium and branca render
what their elements output as a Jinja template again, so every string we add
to the page (the data, the inlined assets, the call that draws the map) is a
:class:`_Verbatim` element, which puts its text in the page as it is. The
title reaches folium's page template only as a variable (escaped first).
"""

from __future__ import annotations

import json
from functools import cache
from html import escape as html_escape
from pathlib import Path
from typing import Any, cast

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from branca.element import Element, Figure
from jinja2.utils import htmlsafe_json_dumps

from campmap.export.basemap import BASEMAP_CREDIT, basemap
from campmap.export.summary import summary
from campmap.export.tiles import tile_layer
from campmap.layer.build import ROUTE_COLUMNS, Layers
from campmap.layer.cite import map_citations

__all__ = [
    "DATA_ID", "DOM_LIMIT", "MAP_NAME", "data_block", "extent", "map_data", "render_map",
    "site_columns", "summary", "write_map",
]  # fmt: skip

_STATIC = Path(__file__).parent / "static"


@cache
def _asset(name: str) -> str:
    if name.startswith("leaflet"):
        import xstatic.pkg.leaflet as leaflet

        text = (Path(leaflet.BASE_DIR) / name).read_text(encoding="utf-8")
    else:
        text = (_STATIC / name).read_text(encoding="utf-8")
    # Inlined inside <script>/<style>: a closing tag in the asset would end it early.
    return text.replace("</", "<\\/")


MAP_NAME = "map_0001"
"""The map's element id and script variable, the same on every page.

folium names an element by a random id; the page shows only the map's name,
so fixing it makes the same map give the same bytes (and the templates folium
compiles while drawing it the same on every run).
"""


class _OfflineMap(folium.Map):
    """A folium Map with a fixed name that loads nothing from a CDN (assets are inlined)."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.default_js = []
        self.default_css = []

    def get_name(self) -> str:
        """Return :data:`MAP_NAME` (folium's public naming method, here not random)."""
        return MAP_NAME


class _Verbatim(Element):
    """Text put in the page as it is: never parsed as a Jinja template.

    branca's ``Element(text)`` makes ``text`` a template, so a ``{{ ... }}`` in
    it would run; this element's :meth:`render` returns its text unchanged.
    """

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs: Any) -> str:
        """Return the text, unchanged."""
        return self.text


class _Draw(Element):
    """Adds the call that draws the data to the page's script, after the map it draws on."""

    def __init__(self, fmap: folium.Map) -> None:
        super().__init__()
        self.fmap = fmap

    def render(self, **kwargs: Any) -> str:
        """Add ``campmapBasemap`` and ``campmapRender(map, data)`` after the map's own script."""
        name = self.fmap.get_name()  # a folium id ("map_0001"), never from the data
        data = f'JSON.parse(document.getElementById("{DATA_ID}").textContent)'
        call = f"(function (d) {{ campmapBasemap({name}, d); campmapRender({name}, d); }})({data});"
        figure = cast(Figure, self.fmap.get_root())
        figure.script.add_child(_Verbatim(call), name="campmap_render")
        return ""


DATA_ID = "campmap-data"
"""The id of the ``<script type="application/json">`` block that holds the map's data."""


def data_block(data: dict[str, Any]) -> str:
    r"""Return ``data`` as a ``<script type="application/json">`` block, safe in any page.

    ``<``, ``>``, ``&`` and ``'`` are written as ``\u`` escapes, so no text in
    the data can end the block or start markup; ``JSON.parse`` reads them back.
    Template syntax is kept as it is: the block is never a template.

    Examples
    --------
    >>> print(data_block({"t": "</script>{{ 7*7 }}"}))
    <script type="application/json" id="campmap-data">{"t": "\u003c/script\u003e{{ 7*7 }}"}</script>
    """
    text = str(htmlsafe_json_dumps(data, sort_keys=True, allow_nan=False))
    return f'<script type="application/json" id="{DATA_ID}">{text}</script>'


def _features(frame: gpd.GeoDataFrame, columns: tuple[str, ...]) -> dict[str, Any]:
    if frame.empty:
        return {"type": "FeatureCollection", "features": []}
    collection: dict[str, Any] = json.loads(
        frame[[*columns, "geometry"]].to_json(na="null", drop_id=True)
    )
    return collection


DOM_LIMIT = 1000
"""Up to this many sites, each is a focusable, labelled marker; above it, one canvas layer."""

MAP_SITE_COLUMNS = (
    "name", "count_text", "count_conflict", "place_kind", "status", "quote", "sources",
    "verification", "review_note", "backend", "camera", "manufacturer", "operator",
    "first_reported", "last_reported",
)  # fmt: skip
"""Text columns of the sites the map shows (the others stay in ``sites.geojson``); the
dates are used when the layer has them."""

_SCRIPTS = (
    "leaflet.js", "campmap-words.js", "campmap-panels.js", "campmap-filter.js",
    "campmap-table.js", "campmap-declutter.js", "campmap-cluster.js", "campmap.js", "basemap.js",
)  # fmt: skip
"""Inlined in this order: Leaflet, then campmap's parts (each defines one global function)."""


def _nullable(series: pd.Series) -> list[Any]:
    values: list[Any] = series.astype(object).where(series.notna(), None).tolist()
    return values


def _text_column(series: pd.Series) -> list[Any] | dict[str, list[Any]]:
    """Return a text column, dictionary-encoded when values repeat (sources, status)."""
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    if len(uniques) * 2 > len(series):
        return _nullable(series)
    return {"values": [str(v) for v in uniques], "codes": codes.tolist()}


def site_columns(sites: gpd.GeoDataFrame) -> dict[str, Any]:
    """Return the sites as one compact, column-wise object (not one object per site).

    Coordinates are longitude/latitude rounded to 7 decimals; ``count`` and
    ``uncertainty_m`` are numbers or null; text columns are lists, or
    ``{"values": [...], "codes": [...]}`` when few distinct values repeat.

    Examples
    --------
    >>> import geopandas as gpd, shapely
    >>> frame = gpd.GeoDataFrame(
    ...     {"name": ["A", "B"], "count": pd.array([4, None], dtype="Int64"),
    ...      "uncertainty_m": [30.0, 120.4], "status": ["installed", "installed"]},
    ...     geometry=shapely.points([[0.1, 51.5], [0.2, 51.6]]), crs="EPSG:4326")
    >>> columns = site_columns(frame)
    >>> columns["count"], columns["uncertainty_m"], columns["status"]
    ([4, None], [30, 120], {'values': ['installed'], 'codes': [0, 0]})
    """
    geometry = sites.geometry.values
    data: dict[str, Any] = {
        "n": len(sites),
        "lon": np.round(shapely.get_x(geometry), 7).tolist(),
        "lat": np.round(shapely.get_y(geometry), 7).tolist(),
        "count": _nullable(sites["count"]) if "count" in sites else [None] * len(sites),
        "uncertainty_m": _nullable(sites["uncertainty_m"].round().astype("Int64"))
        if "uncertainty_m" in sites
        else [None] * len(sites),
        "confidence": _nullable(sites["confidence"].round(2))
        if "confidence" in sites
        else [None] * len(sites),
    }
    for name in MAP_SITE_COLUMNS:
        if name in _DATE_COLUMNS and name in sites:
            dates = _dates(sites[name])
            if dates.notna().any():  # (no dates: the page does without the column)
                data[name] = _text_column(dates)
        elif name in sites:
            data[name] = _text_column(sites[name])
    return data


_DATE_COLUMNS = ("first_reported", "last_reported")


def _dates(series: pd.Series) -> pd.Series:
    """Keep the ISO dates (``YYYY-MM-DD``) the map's date filter reads; anything else is null."""
    valid = series.astype("string").str.fullmatch(r"\d{4}-\d{2}-\d{2}").fillna(False)
    return series.where(valid.astype(bool), None)


def _column(frame: pd.DataFrame, name: str) -> list[Any]:
    """Return a column as Python values (None throughout when the frame lacks it)."""
    return frame[name].tolist() if name in frame else [None] * len(frame)


def map_data(layers: Layers, title: str, marker_limit: int = DOM_LIMIT) -> dict[str, Any]:
    """Return the JSON object the map script draws: sites, routes, places, title, summary.

    ``sites`` is column-wise (see :func:`site_columns`); ``routes`` and
    ``places`` (the streets and areas the sites lie on, each with ``site``, the
    index of its site) are GeoJSON; ``reports`` and ``cites``: see
    :func:`~campmap.layer.cite.map_citations`.
    """
    sites = layers.sites.reset_index(drop=True)
    wide = sites[sites["place_kind"] != "point"] if "place_kind" in sites else sites.iloc[:0]
    if "place_geometry" in wide:
        wide = wide[wide["place_geometry"].notna()]
        places = gpd.GeoDataFrame(
            {"site_id": list(wide["site_id"]), "site": [int(i) for i in wide.index]},
            geometry=list(wide["place_geometry"]),
            crs="EPSG:4326",
        )
        places = places[~places.geometry.geom_type.isin(["Point", "MultiPoint"])]
    else:
        places = gpd.GeoDataFrame({"site_id": [], "site": []}, geometry=[], crs="EPSG:4326")
    routes = _features(layers.routes, ROUTE_COLUMNS)
    rows = [
        row
        for frame, key in ((sites, "site_id"), (layers.routes, "route_id"))
        for row in zip(
            *(_column(frame, name) for name in (key, "source_names", "source_urls")), strict=True
        )
    ]  # (three columns, not a dict of every column of every row)
    reports, cites = map_citations(layers.citations, rows)
    if reports:
        for feature, cited in zip(routes["features"], cites[len(sites) :], strict=True):
            feature["properties"]["cites"] = cited
    return {
        "title": title,
        "summary": summary(layers),
        "reports": reports,
        "dom_limit": marker_limit,
        "verified": bool(
            "verification" in layers.sites
            and layers.sites["verification"]
            .isin(["photo-confirmed", "on-site-confirmed", "disputed"])
            .any()
        ),
        "sites": site_columns(sites) | ({"cites": cites[: len(sites)]} if reports else {}),
        "routes": routes,
        "places": _features(places, ("site_id", "site")),
        "credits": credits(sites),
    }


GEONAMES_CREDIT = "Town positions: GeoNames (geonames.org), CC BY 4.0"
"""The credit GeoNames' licence asks for, shown when a site is placed at a GeoNames town."""


OSM_CREDIT = "Streets and places: \u00a9 OpenStreetMap contributors, ODbL"
"""The credit OpenStreetMap's licence asks for, shown when a site is placed on OSM geometry
(an imported region, or the embedded streets rebuilt from OSM)."""


def credits(sites: pd.DataFrame) -> list[str]:
    """Return the credits the map owes for the coordinates it shows (plain text)."""
    used = sites["coordinate_source"] if "coordinate_source" in sites else pd.Series([], dtype=str)
    used = used.astype(str)
    out = []
    if used.str.contains("OpenStreetMap", regex=False).any():
        out.append(OSM_CREDIT)
    if used.str.startswith("GeoNames").any():
        out.append(GEONAMES_CREDIT)
    return out


def extent(layers: Layers) -> tuple[float, float, float, float] | None:
    """Return the bounds (west, south, east, north) of the sites and routes, or None."""
    frames = [f for f in (layers.sites, layers.routes) if not f.empty]
    if not frames:
        return None
    bounds = [f.geometry.total_bounds for f in frames]
    return (
        float(min(b[0] for b in bounds)),
        float(min(b[1] for b in bounds)),
        float(max(b[2] for b in bounds)),
        float(max(b[3] for b in bounds)),
    )


def render_map(
    layers: Layers,
    *,
    title: str = "Reported camera sites",
    tiles: str | None = None,
    marker_limit: int = DOM_LIMIT,
) -> str:
    """Return the HTML of the map.

    Parameters
    ----------
    layers : Layers
        What to draw.
    title : str
        Shown in the page title and the map's panel (escaped).
    tiles : str, optional
        An xyzservices provider name (``"OpenStreetMap.Mapnik"``,
        ``"CartoDB.Positron"``) for a base map. None (the default) draws no
        tiles and makes the map need no network at all; so does ``"none"``.
    marker_limit : int
        Up to this many sites, each is a labelled marker reachable with the
        keyboard; above it, all sites are drawn on one canvas (clicking one
        opens its popup; the data table is the keyboard's way in).

    Raises
    ------
    CampmapError
        ``tiles`` names no known provider, or one that needs an API key.
    """
    fmap = _OfflineMap(
        location=[51.5, -0.12], zoom_start=15, tiles=None, control_scale=True, prefer_canvas=False
    )
    root = cast(Figure, fmap.get_root())
    root.title = html_escape(title)  # a variable of the page template, never its source
    assets = [("leaflet.css", "style"), ("campmap.css", "style")]
    for name, tag in [*assets, *((script, "script") for script in _SCRIPTS)]:
        root.header.add_child(_Verbatim(f"<{tag}>{_asset(name)}</{tag}>"), name=name)
    data = map_data(layers, title, marker_limit)
    if tiles and tiles.lower() != "none":
        data["tiles"] = tile_layer(tiles)
    else:
        drawn = basemap(extent(layers))
        if drawn is not None:
            data["basemap"] = drawn
            owed = [c for c in data["credits"] if c != OSM_CREDIT]  # said by the base map's
            data["credits"] = [BASEMAP_CREDIT, *owed]
    root.html.add_child(_Verbatim(data_block(data)), name=DATA_ID)
    _Draw(fmap).add_to(fmap)
    html: str = root.render()
    return html.replace("<html>", '<html lang="en">', 1)


def write_map(layers: Layers, path: Path, **options: Any) -> None:
    """Write ``map.html`` (see :func:`render_map` for the options)."""
    path.write_text(render_map(layers, **options), encoding="utf-8")
