"""Open map.html in Debian's chromium, offline, the way a reader meets it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from campmap import build_layers, extract, read_sources, write_outputs

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
        reason = "Debian's chromium is not installed (apt-get install chromium; .ci/run does)"
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

    def __init__(self, browser, path: Path) -> None:
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
        self.page.wait_for_selector(".leaflet-marker-icon, .leaflet-overlay-pane path")

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
