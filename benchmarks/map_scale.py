"""campmap's map against geopandas' ``GeoDataFrame.explore()`` at 1k, 10k and 100k sites.

Both are built side by side in the same run from the same synthetic sites (the
columns of ``sites.geojson``), and reported as ratios campmap / explore():

- build time: from the GeoDataFrame to the HTML file on disk;
- file size of that HTML file;
- in Debian's chromium: time from navigation until every site is drawn.

explore()'s page loads Leaflet and its plugins from CDNs, which this machine
cannot reach: the benchmark answers those requests from the same local files
(Leaflet from xstatic-leaflet, the plugins empty), so both pages run offline.

Run: ``.venv/bin/python benchmarks/map_scale.py [SIZES ...]`` (default 1000 10000 100000).
Targets at 100k sites: build time <= 0.25 x explore(), file size <= 0.5 x explore(),
drawn in the browser in under 3 s.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from campmap.export.html import render_map
from campmap.layer.build import ROUTE_COLUMNS, SITE_COLUMNS, Layers
from campmap.records import Document

CHROMIUM = "/usr/bin/chromium"
STATUSES = ["installed", "planned", "removed"]
WORDS = ["Two", "Three", "Four", "Five", "Six", "Several", "New", "More"]


def synthetic_sites(n: int, seed: int = 4) -> gpd.GeoDataFrame:
    """``n`` sites over Greater London with the columns of sites.geojson (20% without a count)."""
    rng = np.random.default_rng(seed)
    lon = rng.uniform(-0.5, 0.3, n)
    lat = rng.uniform(51.3, 51.7, n)
    count = pd.array(rng.integers(1, 40, n), dtype="Int64")
    count[rng.random(n) < 0.2] = pd.NA
    ids = [f"site-{i:06d}" for i in range(n)]
    names = [f"Camera site {i}" for i in range(n)]
    words = rng.choice(WORDS, n)
    frame = pd.DataFrame(
        {
            "site_id": ids,
            "name": names,
            "count": count,
            "count_text": [w.lower() for w in words],
            "count_conflict": None,
            "place_kind": "point",
            "kind": "junction",
            "uncertainty_m": 30.0,
            "status": rng.choice(STATUSES, n, p=[0.8, 0.15, 0.05]),
            "quote": [
                f"{w} cameras were put up at {name} last month, the council said."
                for w, name in zip(words, names, strict=True)
            ],
            "sources": [f"https://news.example/{k}" for k in rng.integers(0, 200, n)],
            "mentions": 1,
            "written_as": names,
            "match": "exact",
            "place_id": ids,
            "backend": "synthetic",
            "coordinate_source": "random",
        }
    )
    for column in SITE_COLUMNS:  # columns added to the contract later stay empty
        if column not in frame:
            frame[column] = None
    points = shapely.points(lon, lat)
    sites = gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(points, crs="EPSG:4326"))
    sites["place_geometry"] = gpd.GeoSeries(points, crs="EPSG:4326")
    return sites


def layers_of(sites: gpd.GeoDataFrame) -> Layers:
    routes = gpd.GeoDataFrame(
        pd.DataFrame(columns=list(ROUTE_COLUMNS)).astype({"count": "Int64"}),
        geometry=gpd.GeoSeries([], crs="EPSG:4326"),
    )
    return Layers(sites, routes, (), {}, (), Document((), ()))


def build_campmap(sites: gpd.GeoDataFrame, path: Path) -> float:
    start = time.perf_counter()
    path.write_text(render_map(layers_of(sites)), encoding="utf-8")
    return time.perf_counter() - start


def build_explore(sites: gpd.GeoDataFrame, path: Path) -> float:
    start = time.perf_counter()
    sites[[*SITE_COLUMNS, "geometry"]].explore(tiles=None).save(str(path))
    return time.perf_counter() - start


def _serve_cdn(route) -> None:  # type: ignore[no-untyped-def]
    import xstatic.pkg.leaflet as leaflet

    url = route.request.url
    name = url.rsplit("/", 1)[-1]
    if "leaflet@" in url and name in ("leaflet.js", "leaflet.css"):
        body = (Path(leaflet.BASE_DIR) / name).read_text(encoding="utf-8")
    else:
        body = ""
    kind = "text/css" if name.endswith(".css") else "application/javascript"
    route.fulfill(status=200, content_type=kind, body=body)


def time_to_draw(
    browser, path: Path, condition: str, timeout_s: float, after: str = ""
) -> tuple[float | None, float | None]:
    """Seconds from navigation until ``condition`` holds, and what ``after`` returns then."""
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    context.route(lambda url: url.startswith(("http://", "https://")), _serve_cdn)
    page = context.new_page()
    try:
        start = time.perf_counter()
        page.goto(path.as_uri(), wait_until="commit", timeout=timeout_s * 1000)
        page.wait_for_function(condition, timeout=timeout_s * 1000, polling=50)
        drawn = time.perf_counter() - start
        return drawn, (page.evaluate(after) if after else None)
    except Exception as err:
        print(f"    ({path.name}: not drawn within {timeout_s:.0f} s: {type(err).__name__})")
        return None, None
    finally:
        context.close()


PAN = (
    "() => { const t = performance.now();"
    " window.campmap.map.panBy([120, 80], {animate: false});"
    " return performance.now() - t; }"
)
EXPLORE_DRAWN = (
    "() => document.querySelectorAll('.leaflet-overlay-pane path.leaflet-interactive').length"
    " >= {n}"
)


def main(sizes: list[int]) -> None:
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        for n in sizes:
            sites = synthetic_sites(n)
            ours, theirs = Path(tmp) / f"campmap-{n}.html", Path(tmp) / f"explore-{n}.html"
            t_ours = build_campmap(sites, ours)
            t_theirs = build_explore(sites, theirs)
            s_ours, s_theirs = ours.stat().st_size, theirs.stat().st_size
            d_ours, pan_ms = time_to_draw(
                browser, ours, f"() => window.campmap && window.campmap.drawn === {n}", 60, PAN
            )
            d_theirs, _ = time_to_draw(browser, theirs, EXPLORE_DRAWN.format(n=n), 180)
            rows.append((n, t_ours, t_theirs, s_ours, s_theirs, d_ours, d_theirs))
            print(
                f"{n:>7} sites  build {t_ours:6.2f} s vs {t_theirs:6.2f} s "
                f"(x{t_ours / t_theirs:.3f})  size {s_ours / 1e6:6.2f} MB vs "
                f"{s_theirs / 1e6:6.2f} MB (x{s_ours / s_theirs:.3f})  drawn "
                f"{_s(d_ours)} vs {_s(d_theirs)} ({_ratio(d_ours, d_theirs)})  "
                f"campmap pan redraw {pan_ms if pan_ms is None else round(pan_ms)} ms",
                flush=True,
            )
        browser.close()
    n, t_ours, t_theirs, s_ours, s_theirs, d_ours, _ = rows[-1]
    print(f"\ntargets at {n} sites:")
    print(f"  build time ratio {t_ours / t_theirs:.3f} (target <= 0.25)")
    print(f"  file size ratio  {s_ours / s_theirs:.3f} (target <= 0.5)")
    print(f"  drawn in chromium {_s(d_ours)} (target < 3 s)")


def _s(value: float | None) -> str:
    return "timeout" if value is None else f"{value:.2f} s"


def _ratio(ours: float | None, theirs: float | None) -> str:
    if ours is None or theirs is None:
        return "x n/a"
    return f"x{ours / theirs:.3f}"


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 10000, 100000])
