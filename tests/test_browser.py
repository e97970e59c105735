"""Open map.html in Debian's chromium, offline, the way a reader meets it."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

import campmap
from campmap import build_layers, extract, read_sources, write_outputs
from campmap.export import write_map_outputs, write_png
from campmap.layer.read import read_layers

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        reason = (
            "Debian's chromium is not installed (run 'apt-get install chromium' as root, "
            "or 'make test' as root, which does)"
        )
        if os.environ.get("CAMPMAP_REQUIRE_BROWSER"):
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


class Visit:
    """A page opened with the network off, recording what went wrong."""

    def __init__(self, browser, path: Path, ready: str = "") -> None:
        self.context = browser.new_context(offline=True, viewport={"width": 1000, "height": 700})
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda err: self.problems.append(f"page error: {err}"))
        self.page.on("requestfailed", lambda req: self.problems.append(f"failed: {req.url}"))
        self.page.on("request", lambda req: self.requests.append(req.url))
        self.page.on("dialog", self._dialog)
        self.page.goto(path.as_uri())
        self.page.wait_for_selector(ready or ".leaflet-marker-icon, .leaflet-overlay-pane path")

    def _console(self, message) -> None:
        if message.type in {"error", "warning"}:
            self.problems.append(f"console {message.type}: {message.text}")

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def close(self) -> None:
        self.context.close()


def make_map(tmp_path, town, text, **options) -> Path:
    report = tmp_path / "report.txt"
    report.write_text(text, encoding="utf-8")
    doc = read_sources([report])
    write_outputs(build_layers(doc, extract(doc, town), town), tmp_path / "out", **options)
    return tmp_path / "out" / "map.html"


REPORT = (
    "Twenty cameras line the route along Mill Road from South Gate to North Gate. "
    "Four cameras face Market Square, with two at the Town Hall. "
    "Other cameras are on Station Road and above Riverside Park."
)


def test_map_opens_offline_and_draws_every_site(browser, tmp_path, town):
    visit = Visit(browser, make_map(tmp_path, town, REPORT))
    try:
        page = visit.page
        assert visit.problems == []
        assert [url for url in visit.requests if not url.startswith("file://")] == []
        markers = page.locator(".leaflet-marker-pane .leaflet-marker-icon")
        assert markers.count() == 4
        labels = sorted(markers.all_inner_texts())
        assert labels == ["2", "4", "?", "?"]
        assert page.locator(".leaflet-overlay-pane path").count() >= 3  # route + place geometries
        assert "20 cameras along the route" in page.locator(".leaflet-tooltip-pane").inner_text()
        assert (
            "Twenty cameras reported along the route" not in page.content()
        )  # summary uses digits
        assert "20 cameras reported along the route from South Gate to North Gate" in (
            page.locator(".cm-panel").first.inner_text()
        )
    finally:
        visit.close()


def test_clicking_a_marker_shows_its_quote_and_source(browser, tmp_path, town):
    visit = Visit(browser, make_map(tmp_path, town, REPORT))
    try:
        page = visit.page
        page.locator(".leaflet-marker-icon[title^='Market Square']").click()
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for()
        text = popup.inner_text()
        assert "Four cameras face Market Square, with two at the Town Hall." in text
        assert "4 cameras" in text and "report.txt" in text
        # The square the cameras are at is highlighted with the site, and only while it is open.
        lit = page.locator(".leaflet-overlay-pane path[stroke='#0b57d0']")
        assert lit.count() == 1
        # Leaflet pans a popup opened near the edge into view. A reader clicks the close button
        # where it is once the map has stopped moving. (Playwright's own click first scrolls the
        # map container to bring the button into view, and Leaflet undoes that scroll, so the
        # click could land beside the button.)
        close = page.locator(".leaflet-popup-close-button")
        box, previous = close.bounding_box(), None
        while box != previous:
            page.wait_for_timeout(150)
            box, previous = close.bounding_box(), box
        assert box is not None and box["y"] >= 0
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.locator(".leaflet-popup").wait_for(state="detached", timeout=3000)
        assert lit.count() == 0
    finally:
        visit.close()


def test_keyboard_reaches_the_markers(browser, tmp_path, town):
    visit = Visit(browser, make_map(tmp_path, town, REPORT))
    try:
        page = visit.page
        reached = []
        for _ in range(30):
            page.keyboard.press("Tab")
            label = page.evaluate(
                "document.activeElement && document.activeElement.classList.contains("
                "'leaflet-marker-icon') ? document.activeElement.getAttribute('aria-label') : null"
            )
            if label:
                reached.append(label)
                if label.startswith("Market Square, 4 cameras"):
                    break
        assert any(label.startswith("Market Square, 4 cameras") for label in reached), reached
        page.keyboard.press("Enter")  # on the focused Market Square marker
        popup = page.locator(".leaflet-popup-content")
        assert popup.count() == 1
        assert "Four cameras face Market Square" in popup.inner_text()
    finally:
        visit.close()


def test_injected_markup_in_a_report_does_not_run(browser, tmp_path, town):
    hostile = (
        'Two cameras at Market Square <img src=x onerror="window.pwned=1;alert(1)">. '
        "Cameras on Mill Road </script><script>window.pwned=2;alert(2)</script>. "
        'Cameras near the Town Hall <a href="javascript:window.pwned=3">link</a>.'
    )
    path = make_map(tmp_path, town, hostile, title='<img src=y onerror="window.pwned=4">')
    visit = Visit(browser, path)
    try:
        page = visit.page
        for marker in page.locator(".leaflet-marker-icon").all():
            marker.dispatch_event("click")  # markers may overlap; open each one's popup
            page.wait_for_timeout(50)
            for link in page.locator(".leaflet-popup-content a").all():
                link.dispatch_event("click")
        assert page.evaluate("typeof window.pwned") == "undefined"
        assert visit.dialogs == []
        assert page.locator("img[src='x'], img[src='y']").count() == 0
        page.locator(".leaflet-marker-icon[title^='Market Square']").dispatch_event("click")
        popup = page.locator(".leaflet-popup-content", has_text="Market Square")
        assert '<img src=x onerror="window.pwned=1;alert(1)">' in popup.inner_text()  # as text
    finally:
        visit.close()


def test_screenshot_is_not_blank(browser, tmp_path, town):
    visit = Visit(browser, make_map(tmp_path, town, REPORT))
    try:
        shot = visit.page.screenshot()
        visit.page.set_content("<html><body style='background:#ddd'></body></html>")
        blank = visit.page.screenshot()
        assert len(shot) > 4 * len(blank)
    finally:
        visit.close()


# --- publication: scale, accessibility, embedding, tiles, re-rendering, PNG -------------------

HOSTILE_SOURCE = "javascript:window.pwned=5"


def sites_file(path: Path, n: int, hostile: bool = False) -> Path:
    """A sites GeoJSON of n sites on a grid (as another tool might write it)."""
    side = int(n**0.5) + 1
    features = []
    for i in range(n):
        lon, lat = -1.0 + (i % side) * 0.002, 52.0 + (i // side) * 0.002
        props = {
            "site_id": f"s{i}",
            "name": f"Grid site {i}",
            "count": None if i % 5 == 0 else i % 17 + 1,
            "status": "installed",
            "quote": f"Cameras stand at grid site {i}.",
            "sources": f"https://example.org/report/{i % 7}",
        }
        if hostile and i < 3:
            props["name"] = '<img src=x onerror="window.pwned=6">'
            props["quote"] = "</script><script>window.pwned=7;alert(7)</script>"
            props["sources"] = HOSTILE_SOURCE
        features.append(
            {
                "type": "Feature",
                "id": f"s{i}",
                "properties": props,
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
            }
        )
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return path


def render_file(tmp_path, n, hostile=False, **options) -> Path:
    layers = read_layers(sites_file(tmp_path / "grid.geojson", n, hostile))
    write_map_outputs(layers, tmp_path / "grid", **options)
    return tmp_path / "grid" / "map.html"


def test_a_large_map_draws_every_site_on_canvas_and_opens_popups(browser, tmp_path):
    n = 1500  # above the marker limit: one canvas layer
    visit = Visit(browser, render_file(tmp_path, n, hostile=True), ready="canvas.cm-canvas")
    try:
        page = visit.page
        page.wait_for_function("window.campmap && window.campmap.drawn > 0")
        assert visit.problems == []
        assert page.evaluate("window.campmap.mode") == "canvas"
        assert page.evaluate("window.campmap.drawn") == n
        assert page.locator(".leaflet-marker-icon").count() == 0  # not one DOM node per site
        # Click the pixel of site 42: its popup, with its quote and linked source.
        page.evaluate("window.campmap.map.setView([52.0 + 0.002 * 1, -1.0 + 0.002 * 3], 17)")
        point = page.evaluate(
            "(() => { const p = window.campmap.map.latLngToContainerPoint([52.002, -0.994]);"
            " const r = window.campmap.map.getContainer().getBoundingClientRect();"
            " return [r.left + p.x, r.top + p.y]; })()"
        )
        alpha = (
            "([lat, lon]) => { const m = window.campmap.map;"
            " const c = document.querySelector('canvas.cm-canvas');"
            " const p = m.latLngToContainerPoint([lat, lon]), d = window.devicePixelRatio || 1;"
            " return c.getContext('2d').getImageData(Math.round(p.x * d), Math.round(p.y * d),"
            " 1, 1).data[3]; }"
        )
        assert page.evaluate(alpha, [52.002, -0.994]) > 0  # a site is painted at its place
        assert page.evaluate(alpha, [52.003, -0.993]) == 0  # and nothing between sites
        page.mouse.click(*point)
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for()
        side = int(n**0.5) + 1
        site = side + 3
        assert f"Cameras stand at grid site {site}." in popup.inner_text()
        link = popup.locator("a")
        assert link.get_attribute("href") == f"https://example.org/report/{site % 7}"
        assert link.get_attribute("rel") == "noopener noreferrer"
        # The hostile sites (0..2): open each popup, click whatever link it has.
        for i in range(3):
            page.evaluate(f"window.campmap.sites.openSite({i})")
            text = page.locator(".leaflet-popup-content").inner_text()
            assert "</script><script>window.pwned=7" in text  # shown as text
            assert HOSTILE_SOURCE in text
            assert page.locator(".leaflet-popup-content a").count() == 0  # javascript: not linked
        assert page.evaluate("typeof window.pwned") == "undefined"
        assert visit.dialogs == []
        assert page.locator("img[src='x']").count() == 0
        # Keyboard users reach any site through the data table's "Show on map" buttons.
        page.locator("#cm-data button.cm-show").nth(1000).focus()
        page.keyboard.press("Enter")
        page.wait_for_timeout(100)
        assert (
            "Cameras stand at grid site 1000."
            in page.locator(".leaflet-popup-content").inner_text()
        )
        assert page.locator("#cm-data").bounding_box()["width"] < 5  # the table steps aside
        # Panning redraws: the sites in view are still drawn after a move.
        page.evaluate("window.campmap.map.setView([52.03, -0.97], 15)")
        assert 0 < page.evaluate("window.campmap.drawn") < n
    finally:
        visit.close()


def test_data_table_is_the_text_alternative_and_keyboard_reaches_it(browser, tmp_path, town):
    visit = Visit(browser, make_map(tmp_path, town, REPORT))
    try:
        page = visit.page
        container = page.locator(".leaflet-container")
        assert container.get_attribute("role") == "region"
        described = page.locator("#" + container.get_attribute("aria-describedby"))
        assert described.inner_text().startswith("20 cameras reported along the route")
        rows = page.locator("#cm-data tbody tr")
        assert rows.count() == 4 + 1  # four sites and the route
        table = page.locator("#cm-data table")
        assert "Market Square" in table.inner_text() and "4 cameras" in table.inner_text()
        section = page.locator("#cm-data")
        assert section.bounding_box()["width"] < 5  # visually hidden until asked for
        for _ in range(40):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.classList.contains('cm-skip')"):
                break
        else:
            pytest.fail("the data table link is not reachable with Tab")
        page.keyboard.press("Enter")
        page.wait_for_timeout(100)
        assert section.bounding_box()["width"] > 300  # now shown
        assert table.is_visible()
        page.locator("#cm-data button[aria-label='Show Market Square on the map']").focus()
        page.keyboard.press("Enter")
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for()
        assert "Four cameras face Market Square" in popup.inner_text()
    finally:
        visit.close()


CONTRAST = """
(() => {
  function rgb(s) { return s.match(/[\\d.]+/g).slice(0, 3).map(Number); }
  function lum(c) {
    const [r, g, b] = c.map(v => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }
  const out = {};
  for (const sel of [".cm-known", ".cm-unknown", ".cm-route-label", ".cm-panel h1", ".cm-legend"]) {
    const node = document.querySelector(sel);
    let bgNode = node, bg = getComputedStyle(node).backgroundColor;
    while (bg === "rgba(0, 0, 0, 0)" && bgNode.parentElement) {
      bgNode = bgNode.parentElement; bg = getComputedStyle(bgNode).backgroundColor;
    }
    const a = lum(rgb(getComputedStyle(node).color)), b = lum(rgb(bg));
    out[sel] = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }
  return out;
})()
"""


def test_text_on_the_map_has_sufficient_contrast(browser, tmp_path, town):
    visit = Visit(browser, make_map(tmp_path, town, REPORT))
    try:
        ratios = visit.page.evaluate(CONTRAST)
        assert all(ratio >= 4.5 for ratio in ratios.values()), ratios  # WCAG AA
    finally:
        visit.close()


def test_fullscreen_control_fills_the_screen(browser, tmp_path, town):
    visit = Visit(browser, make_map(tmp_path, town, REPORT))
    try:
        page = visit.page
        button = page.locator("a.cm-fullscreen-button")
        assert button.get_attribute("aria-label") == "Full screen"
        button.click()
        page.wait_for_function(
            "document.fullscreenElement === window.campmap.map.getContainer()"
            " || window.campmap.map.getContainer().classList.contains('cm-fullscreen')"
        )
        box = page.locator(".leaflet-container").bounding_box()
        assert box["width"] >= 999 and box["height"] >= 699
    finally:
        visit.close()


def test_on_a_touch_screen_one_finger_scrolls_the_page(browser, tmp_path, town):
    path = make_map(tmp_path, town, REPORT)
    context = browser.new_context(
        offline=True, has_touch=True, is_mobile=True, viewport={"width": 390, "height": 700}
    )
    try:
        page = context.new_page()
        page.goto(path.as_uri())
        page.wait_for_selector(".leaflet-marker-icon")
        assert page.evaluate("window.campmap.map.dragging.enabled()") is False
        assert page.evaluate("window.campmap.map.touchZoom.enabled()") is True
        action = page.evaluate("getComputedStyle(window.campmap.map.getContainer()).touchAction")
        assert action != "none", action  # the browser may scroll the page
    finally:
        context.close()


@pytest.fixture
def http_server(tmp_path):
    """A real HTTP server on 127.0.0.1 serving tmp_path (as a news site would)."""
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_embedded_map_works_in_its_sandbox_and_does_not_trap_scrolling(
    browser, tmp_path, town, http_server
):
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    doc = read_sources([report])
    layers = build_layers(doc, extract(doc, town), town)
    write_outputs(layers, tmp_path / "out", embed="map.html")
    snippet = (tmp_path / "out" / "embed.html").read_text(encoding="utf-8")
    article = (
        "<!doctype html><html><head><link rel='icon' href='data:,'></head>"
        "<body style='margin:0'><h1>Cameras in town</h1>"
        + "<p>Story text.</p>" * 60
        + f"<div style='width:600px'>{snippet}</div>"
        + "<p>More story.</p>" * 60
        + "</body></html>"
    )
    (tmp_path / "out" / "article.html").write_text(article, encoding="utf-8")
    context = browser.new_context(viewport={"width": 1000, "height": 700})
    requests: list[str] = []
    errors: list[str] = []
    try:
        page = context.new_page()
        page.on("request", lambda req: requests.append(req.url))
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.goto(f"{http_server}/out/article.html")
        iframe = page.locator("iframe")
        iframe.scroll_into_view_if_needed()
        frame = page.frame_locator("iframe")
        frame.locator(".leaflet-marker-icon").first.wait_for()
        assert frame.locator(".leaflet-marker-icon").count() == 4
        box = iframe.bounding_box()
        assert abs(box["width"] / box["height"] - 16 / 10) < 0.02  # aspect ratio kept
        assert iframe.get_attribute("title") == "Reported camera sites"
        # The wheel over the map scrolls the article, not the map.
        inner = page.frames[1]
        zoom = inner.evaluate("window.campmap.map.getZoom()")
        before = page.evaluate("window.scrollY")
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.mouse.wheel(0, 400)
        page.wait_for_timeout(400)
        assert page.evaluate("window.scrollY") > before
        assert inner.evaluate("window.campmap.map.getZoom()") == zoom
        assert inner.evaluate("window.campmapGestures.embedded") is True
        # Clicking a marker inside the sandbox still shows its quote.
        frame.locator(".leaflet-marker-icon[title^='Market Square']").click()
        assert (
            "Four cameras face Market Square"
            in frame.locator(".leaflet-popup-content").inner_text()
        )
        assert errors == []
        assert all(url.startswith(http_server) for url in requests), requests
    finally:
        context.close()


def test_with_tiles_offline_the_map_still_shows_sites_streets_and_attribution(
    browser, tmp_path, town
):
    path = make_map(tmp_path, town, REPORT, tiles="OpenStreetMap.Mapnik")
    visit = Visit(browser, path)
    try:
        page = visit.page
        failed = [
            p for p in visit.problems if not p.startswith(("failed: https://tile.", "console"))
        ]
        assert failed == [], visit.problems  # only tiles may fail, and nothing throws
        assert [p for p in visit.problems if "page error" in p] == []
        assert page.locator(".leaflet-marker-icon").count() == 4
        assert page.locator(".leaflet-overlay-pane path").count() >= 3
        assert "OpenStreetMap" in page.locator(".leaflet-control-attribution").inner_text()
    finally:
        visit.close()


def test_render_from_a_sites_file_draws_what_the_file_holds(browser, tmp_path, town):
    first = make_map(tmp_path, town, REPORT)
    sites = json.loads((first.parent / "sites.geojson").read_text())
    sites["features"] = [f for f in sites["features"] if f["properties"]["name"] != "Town Hall"]
    edited = tmp_path / "edited.geojson"
    edited.write_text(json.dumps(sites))
    write_map_outputs(read_layers(edited, gazetteer=town), tmp_path / "again")
    visit = Visit(browser, tmp_path / "again" / "map.html")
    try:
        assert visit.problems == []
        assert sorted(visit.page.locator(".leaflet-marker-icon").all_inner_texts()) == [
            "4",
            "?",
            "?",
        ]
        assert visit.page.locator(".leaflet-overlay-pane path").count() >= 2  # streets, square
    finally:
        visit.close()


def test_png_shows_the_map(browser, tmp_path, town):
    path = make_map(tmp_path, town, REPORT)
    write_png(path, tmp_path / "map.png")
    blank = tmp_path / "blank.html"
    blank.write_text("<html><body style='background:#ddd'></body></html>")
    write_png(blank, tmp_path / "blank.png")
    shot = (tmp_path / "map.png").read_bytes()
    assert shot[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(shot[16:20], "big") == 1200 and int.from_bytes(shot[20:24], "big") == 630
    assert len(shot) > 4 * (tmp_path / "blank.png").stat().st_size


def test_cli_png_prints_its_alt_text(browser, tmp_path):
    """The CLI runs chromium itself: ``browser`` is here for its skip when chromium is missing."""
    from click.testing import CliRunner

    from campmap.cli.main import cli

    result = CliRunner().invoke(cli, ["map", "-o", str(tmp_path / "o"), "--png"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "o" / "map.png").read_bytes()[:4] == b"\x89PNG"
    alt = [line for line in result.output.splitlines() if line.startswith("alt text for map.png: ")]
    assert len(alt) == 1 and "cameras reported along the route" in alt[0]


def test_reviewed_sites_look_different_and_say_so(browser, tmp_path, town):
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    doc = read_sources([report])
    layers = build_layers(doc, extract(doc, town), town)
    layers = campmap.apply_review(
        layers,
        [
            campmap.Decision("market-square", 2, verification="photo-confirmed", note="our photo"),
            campmap.Decision("town-hall", 3, verification="disputed"),
        ],
        town,
    )
    write_outputs(layers, tmp_path / "out")
    visit = Visit(browser, tmp_path / "out" / "map.html")
    try:
        page = visit.page
        assert visit.problems == []
        assert page.locator(".leaflet-marker-pane .cm-confirmed").count() == 1
        assert page.locator(".leaflet-marker-pane .cm-disputed").count() == 1
        assert page.locator(".leaflet-marker-pane .cm-reported").count() == 2
        square = page.locator(".leaflet-marker-icon[title^='Market Square']")
        assert square.get_attribute("aria-label").endswith("photo-confirmed")
        square.dispatch_event("click")
        popup = page.locator(".leaflet-popup-content", has_text="Market Square").inner_text()
        assert "Checked: confirmed by a reviewer from a photo" in popup
        assert "Reviewer's note: our photo" in popup
        assert "Position: from the gazetteer \u201ctown\u201d" in popup
        assert "confirmed by a reviewer" in page.locator(".cm-legend").inner_text()
    finally:
        visit.close()


def test_a_popup_links_its_source_by_outlet_and_date(browser, tmp_path, town):
    """The source is a link (http/https only) named by outlet and date, all as plain text."""
    write_report = (tmp_path / "a.txt", tmp_path / "b.txt")
    write_report[0].write_text(
        "Source: https://gazette.example/news?a=1&b=%22x%22\n"
        "Outlet: <b>Bold</b> Gazette\n2 May 2023\n\nFour cameras face Market Square.\n",
        encoding="utf-8",
    )
    write_report[1].write_text(
        "Source: javascript:alert(1)\n\nTwo cameras watch Station Road.\n", encoding="utf-8"
    )
    doc = read_sources(list(write_report))
    write_outputs(build_layers(doc, extract(doc, town), town), tmp_path / "out")
    visit = Visit(browser, tmp_path / "out" / "map.html")
    try:
        page = visit.page
        page.locator(".leaflet-marker-icon[title^='Market Square']").click()
        link = page.locator(".leaflet-popup-content a.cm-source")
        link.wait_for()
        assert link.count() == 1
        assert link.get_attribute("href") == "https://gazette.example/news?a=1&b=%22x%22"
        assert link.get_attribute("rel") == "noopener noreferrer"
        assert link.inner_text() == "<b>Bold</b> Gazette, 2 May 2023"
        assert page.locator(".leaflet-popup-content b").count() == 0
        assert "(reported 2023-05-02)" in page.locator(".leaflet-popup-content").inner_text()
        page.locator(".leaflet-marker-icon[title^='Station Road']").click()
        station = page.locator(".leaflet-popup-content", has_text="Station Road")
        station.wait_for()
        assert "Source: b.txt" in station.inner_text()
        assert station.locator("a").count() == 0, station.inner_html()
        assert visit.problems == [] and visit.dialogs == []
    finally:
        visit.close()
