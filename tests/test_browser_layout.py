"""The map's layout and reading, in Debian's chromium, offline, at three sizes.

A desk screen (1280x900), an embed in an article (720x450) and a phone (390x844): in the
first view no marker or control sits under a panel, panels fold and unfold, the search and
each filter change what is shown (and go into the link), the data table closes with Escape
and downloads the sites shown, popups speak plain words, and nothing leaves the page.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
import shapely
from conftest import write
from test_browser import browser, http_server, render_file  # noqa: F401  (the fixtures)

import campmap
from campmap.export import write_outputs

pytestmark = pytest.mark.browser

REPORT = (
    "Twelve CCTV cameras now line Whitehall, and four watch Trafalgar Square. "
    "Two ANPR cameras were installed on the Strand. "
    "Facial recognition cameras are planned for Leicester Square. "
    "Three speed cameras on Charing Cross Road were removed. "
    "Cameras also watch Parliament Square.\n"
)

SIZES = {"desk": (1280, 900), "embed": (720, 450), "phone": (390, 844)}

SHOTS = os.environ.get("CAMPMAP_SHOTS")
"""A folder to keep the screenshots in (they always go to the test's tmp_path)."""


def london_map(tmp_path: Path) -> Path:
    """Six London sites with kinds, statuses, reviews, confidences and dates that differ.

    Leicester Square is moved onto Trafalgar Square, so two markers would overlap.
    """
    layers = campmap.map_reports([write(tmp_path / "report.txt", REPORT)])
    sites = layers.sites
    by_name = {name: i for i, name in zip(sites.index, sites["name"], strict=True)}
    square = sites.geometry[by_name["Trafalgar Square"]]
    sites.loc[by_name["Leicester Square"], "geometry"] = shapely.Point(square.x + 0.00001, square.y)
    sites.loc[by_name["Strand"], "verification"] = "photo-confirmed"
    sites.loc[by_name["Whitehall"], "verification"] = "disputed"
    sites.loc[by_name["Parliament Square"], "confidence"] = 0.6
    sites["first_reported"] = None
    sites["last_reported"] = None
    for name, first, last in (
        ("Whitehall", "2023-02-01", "2024-06-30"),
        ("Strand", "2024-03-10", "2024-03-10"),
        ("Trafalgar Square", "2021-05-01", "2022-01-15"),
        ("Charing Cross Road", "2025-01-20", "2025-02-01"),
    ):
        sites.loc[by_name[name], ["first_reported", "last_reported"]] = [first, last]
    write_outputs(layers, tmp_path / "out")
    return tmp_path / "out" / "map.html"


HIDDEN = """
() => {
  const out = [], map = document.querySelector('.leaflet-container').getBoundingClientRect();
  const check = (node, what) => {
    const b = node.getBoundingClientRect();
    if (!b.width || !b.height) { return; }
    const x = b.left + b.width / 2, y = b.top + b.height / 2;
    const hit = document.elementFromPoint(x, y);
    const inside = x >= map.left && x <= map.right && y >= map.top && y <= map.bottom;
    if (!inside || !hit || !(hit === node || node.contains(hit))) {
      out.push(what + ' ' + (node.getAttribute('title') || node.textContent) + ' -> '
        + (hit ? hit.className || hit.tagName : 'nothing'));
    }
  };
  document.querySelectorAll('.leaflet-marker-pane .leaflet-marker-icon').forEach(
    n => check(n, 'marker'));
  document.querySelectorAll('.leaflet-control a, .leaflet-control button').forEach(n => {
    if (n.offsetParent !== null && !n.closest('.cm-panel')) { check(n, 'control'); }
  });
  return out;
}
"""


def shot(page, tmp_path: Path, name: str) -> None:
    page.screenshot(path=str(tmp_path / f"{name}.png"))
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"))


def open_page(browser, path: Path, size: str, mobile: bool = False):  # noqa: F811
    width, height = SIZES[size]
    context = browser.new_context(
        offline=True,
        viewport={"width": width, "height": height},
        is_mobile=mobile,
        has_touch=mobile,
        accept_downloads=True,
    )
    page = context.new_page()
    requests: list[str] = []
    problems: list[str] = []
    page.on("request", lambda req: requests.append(req.url))
    page.on("pageerror", lambda err: problems.append(str(err)))
    page.on("console", lambda m: m.type in {"error", "warning"} and problems.append(m.text))
    page.goto(path.as_uri())
    page.wait_for_selector(".leaflet-marker-icon")
    return context, page, requests, problems


def left_the_page(requests: list[str], allowed: str = "file://") -> list[str]:
    return [u for u in requests if not u.startswith((allowed, "blob:", "data:"))]


@pytest.mark.parametrize("size", ["desk", "embed", "phone"])  # "embed": the size, opened alone
def test_nothing_is_hidden_in_the_first_view(browser, tmp_path, size):  # noqa: F811
    path = london_map(tmp_path)
    context, page, requests, problems = open_page(browser, path, size, mobile=size == "phone")
    try:
        assert page.locator(".leaflet-marker-icon").count() == 6
        assert page.evaluate(HIDDEN) == []
        assert page.locator(".leaflet-campmap-basemap-pane path").count() > 50  # base map drawn
        about, legend = page.locator("#cm-about-panel"), page.locator("#cm-legend-panel")
        if size == "desk":
            assert about.is_visible() and legend.is_visible()  # room enough: open
        else:
            assert not about.is_visible() and not legend.is_visible()  # folded on a phone
        shot(page, tmp_path, f"first-view-{size}")
        for toggle, panel in (("About this map", about), ("Legend", legend)):
            was = panel.is_visible()
            page.get_by_role("button", name=toggle).click()
            assert panel.is_visible() is not was
            page.get_by_role("button", name=toggle).click()
            assert panel.is_visible() is was
        page.get_by_role("button", name="About this map").click()
        page.get_by_role("button", name="Legend").click()
        shot(page, tmp_path, f"panels-toggled-{size}")
        assert problems == []
        assert left_the_page(requests) == []
    finally:
        context.close()


def test_in_an_embed_the_title_is_a_caption_and_nothing_is_hidden(
    browser,  # noqa: F811
    tmp_path,
    http_server,  # noqa: F811
):
    path = london_map(tmp_path)
    layers_dir = path.parent
    snippet = campmap.export.embed_snippet("map.html", "Cameras in Westminster", "Six sites.")
    article = (
        "<!doctype html><html><head><link rel='icon' href='data:,'></head><body style='margin:0'>"
        f"<div style='width:720px'>{snippet}</div></body></html>"
    )
    (layers_dir / "article.html").write_text(article, encoding="utf-8")
    width, height = SIZES["embed"]
    context = browser.new_context(viewport={"width": 800, "height": 700}, accept_downloads=True)
    requests: list[str] = []
    try:
        page = context.new_page()
        page.on("request", lambda req: requests.append(req.url))
        page.goto(f"{http_server}/out/article.html")
        frame = page.frame_locator("iframe")
        frame.locator(".leaflet-marker-icon").first.wait_for()
        box = page.locator("iframe").bounding_box()
        assert (box["width"], box["height"]) == (width, height)
        inner = page.frames[1]
        assert inner.evaluate(HIDDEN) == []
        # The title and summary are outside the map: above and below the frame, not over it.
        assert page.locator(".campmap-embed-title").inner_text() == "Cameras in Westminster"
        assert page.locator("figcaption").inner_text() == "Six sites."
        assert frame.locator(".cm-panel h1").bounding_box() is None  # folded away
        frame.get_by_role("button", name="About this map").click()
        h1 = frame.locator(".cm-panel h1").bounding_box()
        assert h1 is not None and h1["width"] <= 1  # for screen readers only
        assert frame.locator(".cm-skip").is_visible()
        shot(page, tmp_path, "embed")
        # The sandbox lets the page save its downloads.
        frame.locator(".cm-skip").click()
        with page.expect_download() as download:
            frame.locator("button.cm-download-geojson").click()
        data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
        assert len(data["features"]) == 6
        assert all(u.startswith((http_server, "blob:", "data:")) for u in requests), requests
    finally:
        context.close()


def shown(page) -> int:
    return page.locator(".leaflet-marker-pane .leaflet-marker-icon").count()


def test_search_and_each_filter_change_what_is_shown_and_go_into_the_link(
    browser,  # noqa: F811
    tmp_path,
):
    path = london_map(tmp_path)
    context, page, requests, problems = open_page(browser, path, "desk")
    try:
        page.get_by_role("button", name="Search and filter the sites").click()
        search = page.get_by_label("Find a site")
        search.fill("strand")
        assert shown(page) == 1
        assert page.locator(".cm-count").inner_text() == "1 of 6 sites shown"
        search.press("Enter")
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for()
        assert popup.locator("h2").inner_text() == "Strand"
        search.fill("")
        assert shown(page) == 6
        for label, value, expect in (
            ("Kind of camera", "cctv", 3),
            ("Status", "removed", 1),
            ("Checked", "disputed", 1),
            ("campmap's confidence", "80", 5),
        ):
            page.get_by_label(label).select_option(value)
            assert shown(page) == expect, label
            if label == "Kind of camera":
                kinds = page.locator(".cm-kinds li").all_inner_texts()
                assert kinds == ["CCTV (3)"]  # the legend lists only the kinds shown
            page.get_by_label(label).select_option("")
            assert shown(page) == 6
        # Dates: sites reported in 2024 and those with no date (which any date lets through).
        page.get_by_label("Reported from").fill("2024-01-01")
        page.get_by_label("Reported until").fill("2024-12-31")
        names = sorted(
            t.split(":")[0]
            for t in page.locator(".leaflet-marker-pane .leaflet-marker-icon").evaluate_all(
                "ns => ns.map(n => n.title)"
            )
        )
        assert names == ["Leicester Square", "Parliament Square", "Strand", "Whitehall"]
        page.get_by_label("Kind of camera").select_option("anpr")
        page.get_by_label("Kind of camera").press("Escape")  # folds the panel, keeps the filter
        assert not page.locator("#cm-filter-panel").is_visible()
        assert page.evaluate("document.activeElement.getAttribute('aria-controls')") == (
            "cm-filter-panel"
        )
        page.evaluate("window.campmap.map.setView([51.5105, -0.1230], 17, {animate: false})")
        link = page.evaluate("location.href")
        assert "kind=anpr" in link and "from=2024-01-01" in link
        assert "map=17/51.51050/-0.12300" in link
        # The link opens the same view with the same filters.
        again = context.new_page()
        again.goto(link)
        again.wait_for_selector(".leaflet-marker-icon")
        assert again.evaluate("window.campmap.map.getZoom()") == 17
        center = again.evaluate("window.campmap.map.getCenter()")
        assert abs(center["lat"] - 51.5105) < 1e-4 and abs(center["lng"] + 0.123) < 1e-4
        assert shown(again) == 1
        again.get_by_role("button", name="Search and filter the sites").click()
        assert again.get_by_label("Kind of camera", exact=True).input_value() == "anpr"
        assert problems == []
        assert left_the_page(requests) == []
    finally:
        context.close()


def test_the_time_slider_shows_the_sites_reported_by_each_date(browser, tmp_path):  # noqa: F811
    path = london_map(tmp_path)
    context, page, _requests, problems = open_page(browser, path, "desk")
    try:
        page.get_by_role("button", name="Search and filter the sites").click()
        slider = page.get_by_label("Reported by")
        # four dates sites were first reported on (2021, 2023, 2024, 2025); two sites have none
        assert (slider.get_attribute("min"), slider.get_attribute("max")) == ("0", "3")
        assert slider.get_attribute("aria-valuetext") == "every date" and shown(page) == 6
        for step, date, expect in (
            (0, "2021-05-01", 3),
            (1, "2023-02-01", 4),
            (2, "2024-03-10", 5),
        ):
            slider.fill(str(step))
            assert slider.get_attribute("aria-valuetext") == date
            assert page.get_by_label("Reported until").input_value() == date
            assert shown(page) == expect, date
        assert "to=2024-03-10" in page.evaluate("location.href")
        slider.fill("3")
        assert shown(page) == 6 and page.get_by_label("Reported until").input_value() == ""
        # typing a date moves the slider to the last step on or before it
        page.get_by_label("Reported until").fill("2023-12-31")
        assert slider.input_value() == "1" and shown(page) == 4
        assert problems == []
    finally:
        context.close()


def test_names_from_zoom_16_spread_markers_and_one_ring_at_a_time(browser, tmp_path):  # noqa: F811
    path = london_map(tmp_path)
    context, page, _requests, problems = open_page(browser, path, "desk")
    try:
        square = page.locator(".leaflet-marker-icon[title^='Trafalgar Square']")
        leicester = page.locator(".leaflet-marker-icon[title^='Leicester Square']")
        page.evaluate("window.campmap.map.setView([51.5080, -0.1281], 14, {animate: false})")
        assert page.locator(".cm-site-name").count() == 0
        a, b = square.bounding_box(), leicester.bounding_box()
        assert abs(a["x"] - b["x"]) + abs(a["y"] - b["y"]) > 20  # spread apart, not stacked
        assert page.evaluate(HIDDEN) == []
        page.evaluate("window.campmap.map.setView([51.5080, -0.1281], 17, {animate: false})")
        names = page.locator(".cm-site-name").all_inner_texts()
        assert "Trafalgar Square" in names and "Leicester Square" in names
        shot(page, tmp_path, "names-at-17")
        assert page.locator(".cm-ring").count() == 0  # no ring until a site is open
        square.click()
        page.locator(".leaflet-popup-content").wait_for()
        assert page.locator(".cm-ring").count() == 1
        page.evaluate("window.campmap.map.closePopup()")  # as its close button does
        assert page.locator(".cm-ring").count() == 0
        assert problems == []
    finally:
        context.close()


def test_popups_speak_plain_words_and_mark_the_place(browser, tmp_path):  # noqa: F811
    path = london_map(tmp_path)
    context, page, _requests, problems = open_page(browser, path, "desk")
    try:
        page.locator(".leaflet-marker-icon[title^='Whitehall']").click()
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for()
        text = popup.inner_text()
        assert "12 cameras \u00b7 CCTV" in text
        assert "Status: in place" in text
        assert "Position: from the built-in central-London gazetteer, within about 300 m" in text
        assert "Checked: disputed by a reviewer" in text
        assert "(reported 2023-02-01 to 2024-06-30)" in text
        assert popup.locator("blockquote mark").all_inner_texts() == ["Whitehall"]
        for internal in ("embedded", "Placed by", "Verification:", "installed"):
            assert internal not in text
        shot(page, tmp_path, "popup")
        assert problems == []
    finally:
        context.close()


def test_the_table_comes_first_closes_and_downloads_the_sites_shown(browser, tmp_path):  # noqa: F811
    path = london_map(tmp_path)
    context, page, requests, problems = open_page(browser, path, "desk")
    try:
        section = page.locator("#cm-data")
        assert section.bounding_box()["width"] < 5
        page.keyboard.press("Tab")  # the first stop in the page is in the table
        assert page.evaluate("!!document.activeElement.closest('#cm-data')")
        assert section.bounding_box()["width"] > 300
        page.keyboard.press("Escape")
        assert section.bounding_box()["width"] < 5
        page.locator(".cm-skip").click()
        assert section.bounding_box()["width"] > 300
        shot(page, tmp_path, "table")
        page.get_by_role("button", name="Close table").click()
        assert section.bounding_box()["width"] < 5
        # Filter to the CCTV sites; the downloads hold exactly those.
        page.get_by_role("button", name="Search and filter the sites").click()
        page.get_by_label("Kind of camera").select_option("cctv")
        assert page.locator("#cm-data tbody tr:not([hidden])").count() == 3
        page.locator(".cm-skip").click()
        with page.expect_download() as download:
            page.get_by_role("button", name="Download CSV").click()
        assert download.value.suggested_filename == "sites-shown.csv"
        text = Path(download.value.path()).read_text(encoding="utf-8")
        rows = list(csv.DictReader(io.StringIO(text)))
        cctv = ["Parliament Square", "Trafalgar Square", "Whitehall"]
        assert sorted(r["name"] for r in rows) == cctv
        assert all(r["camera"] == "cctv" and float(r["latitude"]) > 51 for r in rows)
        with page.expect_download() as download:
            page.get_by_role("button", name="Download GeoJSON").click()
        data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
        assert data["type"] == "FeatureCollection"
        assert sorted(f["properties"]["name"] for f in data["features"]) == [
            "Parliament Square",
            "Trafalgar Square",
            "Whitehall",
        ]
        lon, lat = data["features"][0]["geometry"]["coordinates"]
        assert -0.2 < lon < 0 and 51.4 < lat < 51.6
        assert problems == []
        assert left_the_page(requests) == []
    finally:
        context.close()


def test_on_a_large_map_the_canvas_draws_only_what_the_search_lets_through(
    browser,  # noqa: F811
    tmp_path,
):
    path = render_file(tmp_path, 1500)  # above the marker limit: one canvas layer
    context = browser.new_context(offline=True, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(path.as_uri())
        page.wait_for_function("window.campmap && window.campmap.drawn > 0")
        assert page.evaluate("window.campmap.drawn") == 1500
        page.get_by_role("button", name="Search and filter the sites").click()
        page.get_by_label("Find a site").fill("grid site 14")  # 14, 140-149, 1400-1499
        assert page.evaluate("window.campmap.drawn") == 1 + 10 + 100
        assert page.locator("#cm-data tbody tr:not([hidden])").count() == 111
        page.get_by_label("Find a site").press("Enter")
        assert "grid site 14." in page.locator(".leaflet-popup-content").inner_text()
        assert page.evaluate(HIDDEN) == []
    finally:
        context.close()


def test_100k_sites_are_drawn_as_grid_clusters_that_zoom_in(browser, tmp_path):  # noqa: F811
    from test_map_publish import many_sites

    from campmap.export.html import render_map

    path = tmp_path / "map.html"
    path.write_text(render_map(many_sites(100_000)), encoding="utf-8")
    context = browser.new_context(offline=True, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(path.as_uri())
        page.wait_for_function("window.campmap && window.campmap.drawn > 0", timeout=120_000)
        assert page.evaluate("window.campmap.mode") == "canvas"
        assert page.evaluate("window.campmap.drawn") == 100_000
        clusters = page.evaluate("window.campmap.clusterList")
        assert 1 < len(clusters) < 2000
        assert sum(c["n"] for c in clusters) == 100_000  # every site in one cluster
        shot(page, tmp_path, "clusters-100k")
        biggest = max(clusters, key=lambda c: c["n"])
        corner = page.evaluate(
            "(() => { const r = window.campmap.map.getContainer().getBoundingClientRect();"
            " return [r.left, r.top]; })()"
        )
        zoom = page.evaluate("window.campmap.map.getZoom()")
        page.mouse.click(corner[0] + biggest["x"], corner[1] + biggest["y"])
        page.wait_for_function(f"window.campmap.map.getZoom() === {zoom + 2}")
        assert page.evaluate(HIDDEN) == []
    finally:
        context.close()


def test_a_picture_or_a_print_shows_the_title_and_legend(browser, tmp_path):  # noqa: F811
    """``--png`` opens the map with ``#panels=open``; paper shows the panels, not the buttons."""
    path = london_map(tmp_path)
    context = browser.new_context(offline=True, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(path.as_uri() + "#panels=open")
        page.wait_for_selector(".leaflet-marker-icon")
        assert page.locator("#cm-about-panel").is_visible()
        assert page.locator("#cm-legend-panel").is_visible()
        page.goto(path.as_uri())  # folded on a phone, but printed open
        page.wait_for_selector(".leaflet-marker-icon")
        assert not page.locator("#cm-about-panel").is_visible()
        page.emulate_media(media="print")
        assert page.locator("#cm-about-panel").is_visible()
        assert page.locator("#cm-legend-panel").is_visible()
        assert not page.locator(".cm-toggle").first.is_visible()
        assert not page.locator("#cm-filter-panel").is_visible()
    finally:
        context.close()


def test_a_hostile_link_fragment_is_only_text(browser, tmp_path):  # noqa: F811
    path = london_map(tmp_path)
    context, page, requests, problems = open_page(browser, path, "desk")
    try:
        payload = '<img src=x onerror="window.pwned=1">'
        page.goto(
            path.as_uri()
            + "#map=99/1e9/x&kind=%3Cscript%3Ewindow.pwned%3D2%3C%2Fscript%3E&q="
            + payload.replace(" ", "%20").replace('"', "%22").replace("=", "%3D")
            + "&from=%E0%A4%A"  # a broken escape is ignored
        )
        page.wait_for_function("window.campmap && window.campmap.map")
        assert page.evaluate("typeof window.pwned") == "undefined"
        assert page.locator("img[src='x'], script:text('pwned')").count() == 0
        page.get_by_role("button", name="Search and filter the sites").click()
        assert page.get_by_label("Find a site").input_value() == payload  # as text
        assert shown(page) == 0 and page.locator(".cm-count").inner_text() == "0 of 6 sites shown"
        assert "No site matches" in page.locator("#cm-legend-panel").inner_text()
        assert problems == []
        assert left_the_page(requests) == []
    finally:
        context.close()
