"""Template syntax in any input is text: nothing from a report is ever a Jinja template.

``{{ ... }}``, ``{% ... %}`` and ``{# ... #}`` reach the map through every way in
(report text, an HTML article, a JSON-lines record of an archive run, a file
name, a gazetteer's place name, a sites file given to ``campmap render``, a
geocoder's answer, a review note, ``--title``); each map is opened in Debian's
chromium, offline, and must show the text as written: nothing evaluated, no
command run, no dialog, no crash. Then ``--embed-src``: http(s) URLs and relative
paths only.
"""

from __future__ import annotations

import csv
import html
import json
import re
from pathlib import Path

import jinja2
import pytest
from click.testing import CliRunner
from nominatim_server import Nominatim
from test_browser import Visit, browser  # noqa: F401  (the module-scoped chromium fixture)

from campmap import build_layers, extract, read_sources
from campmap.cli.main import cli
from campmap.errors import CampmapError
from campmap.export import embed_snippet, render_map, write_map_outputs, write_outputs
from campmap.export.embed import EmbedSourceError, check_src
from campmap.export.html import DATA_ID, map_data
from campmap.layer.read import read_layers

HERE = Path(__file__).resolve().parent
TOWN = str(HERE / "data" / "town.geojson")
AGENT = "campmap-tests/1.0 (tests@example.invalid)"

# Evaluated by Jinja: 49, and a shell command ("touch MARKER", spelt without quotes, which
# JSON would escape) through the globals Jinja reaches; with markup for good measure.
EVALUATED = (
    "{{ 7*7 }} and {{ cycler.__init__.__globals__.os.system(dict(touch=1)|first ~ "
    "((1,2)|string)[3] ~ dict(MARKER=1)|first) }} <img src=x onerror=alert(1)>"
)
# The same command as one would write it.
QUOTED = "{{ cycler.__init__.__globals__.os.system('touch MARKER') }} {{ 7*7 }}"
# Not even a template: Jinja stops with a TemplateSyntaxError.
BROKEN = "{#1} and {% raw %}"
PAYLOADS = {"evaluated": EVALUATED, "quoted": QUOTED, "broken": BROKEN}


def _run(*args: str) -> None:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output


def _report(name: str, text: str) -> str:
    Path(name).write_text(text, encoding="utf-8")
    return name


def _sentence(payload: str) -> str:
    return f"Two cameras were installed on Mill Road, the council said {payload}.\n"


# Each way in: given the payload, build a map in the current folder; return map.html.


def via_report_text(payload: str) -> Path:
    _run("map", "-q", "-o", "out", "--gazetteer", TOWN, _report("r.txt", _sentence(payload)))
    return Path("out/map.html")


def via_html_article(payload: str) -> Path:
    article = (
        "<!DOCTYPE html><html><head><title>Council news</title></head><body><article>"
        "<h1>Cameras for the town centre</h1>"
        f"<p>{html.escape(_sentence(payload).strip())}</p>"
        "<p>The council will review the scheme next year, a spokesperson said, after "
        "residents asked how long the footage would be kept and who could see it.</p>"
        "</article></body></html>"
    )
    _run("map", "-q", "-o", "out", "--gazetteer", TOWN, _report("article.html", article))
    return Path("out/map.html")


def via_jsonl_record(payload: str) -> Path:
    record = {"text": _sentence(payload), "url": "https://news.example/cameras"}
    _report("news.jsonl", json.dumps(record) + "\n")
    _run("map", "-q", "-o", "out", "--gazetteer", TOWN, "--jobs", "1", "news.jsonl")
    return Path("out/map.html")


def via_file_name(payload: str) -> Path:
    name = _report(f"Mill Road {payload}.txt", _sentence("nothing else"))
    _run("map", "-q", "-o", "out", "--gazetteer", TOWN, name)
    return Path("out/map.html")


def via_gazetteer_name(payload: str) -> Path:
    with Path("places.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "name", "kind", "lat", "lon", "aliases", "source"])
        writer.writerow(["quarry", f"Quarry Lane {payload}", "street", "52.001", "-1.001",
                         "Quarry Lane", "made up"])  # fmt: skip
    report = _report("r.txt", "Two cameras were installed on Quarry Lane.\n")
    _run("map", "-q", "-o", "out", "--gazetteer", "places.csv", report)
    return Path("out/map.html")


def via_sites_file(payload: str) -> Path:
    properties = {
        "site_id": "s1", "name": f"Mill Road {payload}", "count": 2, "status": "installed",
        "quote": _sentence(payload).strip(), "sources": f"notes {payload}",
        "review_note": f"checked {payload}",
    }  # fmt: skip
    feature = {"type": "Feature", "properties": properties,
               "geometry": {"type": "Point", "coordinates": [-1.001, 52.0]}}  # fmt: skip
    Path("edited.geojson").write_text(
        json.dumps({"type": "FeatureCollection", "features": [feature]}), encoding="utf-8"
    )
    _run("render", "edited.geojson", "-o", "out")
    return Path("out/map.html")


def via_geocoder_answer(payload: str) -> Path:
    server = Nominatim(names={"Zanzibar Lane": f"Zanzibar Lane {payload}"}).start()
    try:
        report = _report("r.txt", "Three cameras were installed at Zanzibar Lane.\n")
        _run("map", "-q", "-o", "out", "--geocoder", "nominatim", "--user-agent", AGENT,
             "--geocoder-domain", server.domain, "--geocoder-scheme", "http",
             "--geocoder-cache", "cache.sqlite", report)  # fmt: skip
        assert server.queries() == ["Zanzibar Lane"]
    finally:
        server.stop()
    return Path("out/map.html")


def via_review_note(payload: str) -> Path:
    report = _report("r.txt", _sentence("nothing else"))
    _run("review", "-o", "review.csv", "--gazetteer", TOWN, report)
    with Path("review.csv").open(encoding="utf-8", newline="") as sheet:
        rows = list(csv.DictReader(sheet))
    for row in rows:
        row.update(action="accept", note=f"seen {payload}")
    with Path("review.csv").open("w", encoding="utf-8", newline="") as sheet:
        writer = csv.DictWriter(sheet, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    _run("map", "-q", "-o", "out", "--gazetteer", TOWN, "--review", "review.csv", report)
    return Path("out/map.html")


def via_title(payload: str) -> Path:
    report = _report("r.txt", _sentence("nothing else"))
    _run("map", "-q", "-o", "out", "--gazetteer", TOWN, "--title", f"Cameras {payload}", report)
    return Path("out/map.html")


WAYS_IN = {
    "report text": via_report_text,
    "HTML article": via_html_article,
    "JSON-lines record": via_jsonl_record,
    "file name": via_file_name,
    "gazetteer name": via_gazetteer_name,
    "sites file": via_sites_file,
    "geocoder answer": via_geocoder_answer,
    "review note": via_review_note,
    "title": via_title,
}


def shown_text(visit: Visit) -> str:
    """The page's title, its text (panel, data table) and every marker's popup."""
    page = visit.page
    texts = [page.title(), page.evaluate("document.body.textContent")]
    for marker in page.locator(".leaflet-marker-icon").all():
        marker.dispatch_event("click")
        page.wait_for_timeout(50)
        texts.extend(page.locator(".leaflet-popup-content").all_text_contents())
    return "\n".join(texts)


@pytest.mark.browser
@pytest.mark.parametrize("kind", PAYLOADS)
@pytest.mark.parametrize("way_in", WAYS_IN)
def test_template_syntax_shows_as_text_in_the_map(
    way_in,
    kind,
    browser,  # noqa: F811
    tmp_path,
    monkeypatch,
):
    monkeypatch.chdir(tmp_path)  # where the payload's 'touch MARKER' would write
    payload = PAYLOADS[kind]
    path = WAYS_IN[way_in](payload)
    assert not (tmp_path / "MARKER").exists()  # no command ran
    visit = Visit(browser, tmp_path / path, ready=".leaflet-marker-icon")
    try:
        text = shown_text(visit)
        assert payload in text  # exactly as written: "{{ 7*7 }}" stays "{{ 7*7 }}"
        assert visit.dialogs == []
        assert visit.page.locator("img[src='x']").count() == 0
        assert [p for p in visit.problems if "page error" in p] == []
    finally:
        visit.close()
    assert not (tmp_path / "MARKER").exists()
    # The same text as the GeoJSON keeps (the map is the data, drawn).
    if way_in != "title":
        geojson = "edited.geojson" if way_in == "sites file" else "out/sites.geojson"
        sites = json.loads((tmp_path / geojson).read_text(encoding="utf-8"))
        assert payload in json.dumps(sites, ensure_ascii=False)


# --- without a browser: no crash, nothing evaluated, the data exactly as in the layers -----


def _data_in(page: str) -> dict[str, object]:
    found = re.search(
        rf'<script type="application/json" id="{DATA_ID}">(.*?)</script>', page, re.DOTALL
    )
    assert found, "no data block in map.html"
    data: dict[str, object] = json.loads(found.group(1))
    return data


@pytest.mark.parametrize(
    "payload", [BROKEN, "{#1}", "{% raw %}", "{% endraw %}", EVALUATED, QUOTED], ids=str
)
def test_template_syntax_in_a_report_neither_crashes_nor_is_evaluated(
    payload, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        cli, ["map", "-q", "-o", "out", "--gazetteer", TOWN, "--title", f"T {payload}",
              _report("r.txt", _sentence(payload))],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output and "TemplateSyntaxError" not in result.output
    page = (tmp_path / "out" / "map.html").read_text(encoding="utf-8")
    assert "council said 49" not in page and not (tmp_path / "MARKER").exists()
    data = _data_in(page)
    assert data["title"] == f"T {payload}"
    sites = data["sites"]
    assert isinstance(sites, dict)
    assert sites["quote"] == [_sentence(payload).strip()]
    assert f"<title>{html.escape(f'T {payload}')}</title>" in page


def test_every_string_of_the_map_round_trips_exactly(tmp_path):
    """Sites, routes, places, title and summary: what the page parses is map_data, unchanged."""
    hostile = f"{EVALUATED} {QUOTED} {BROKEN} </script><script>alert(2)</script> \u2028 '\"&"
    properties = {
        "site_id": "s1", "name": f"A {hostile}", "count": None, "count_text": hostile,
        "status": hostile, "quote": hostile, "sources": hostile, "review_note": hostile,
        "verification": "reported", "backend": hostile,
    }  # fmt: skip
    sites = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": properties,
         "geometry": {"type": "Point", "coordinates": [-1.001, 52.0]}},
    ]}  # fmt: skip
    route = {"route_id": "r1", "name": hostile, "start": hostile, "end": hostile, "count": 3,
             "quote": hostile, "sources": hostile, "status": hostile}  # fmt: skip
    routes = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": route,
         "geometry": {"type": "LineString", "coordinates": [[-1.0, 52.0], [-1.0, 52.01]]}},
    ]}  # fmt: skip
    (tmp_path / "s.geojson").write_text(json.dumps(sites), encoding="utf-8")
    (tmp_path / "r.geojson").write_text(json.dumps(routes), encoding="utf-8")
    layers = read_layers(tmp_path / "s.geojson", tmp_path / "r.geojson")
    page = render_map(layers, title=hostile)
    for name in ("s", "r"):  # the same map with plain text, to compare the markup with
        plain = (tmp_path / f"{name}.geojson").read_text(encoding="utf-8")
        plain = plain.replace(json.dumps(hostile)[1:-1], "plain")
        (tmp_path / f"plain-{name}.geojson").write_text(plain, encoding="utf-8")
    benign = render_map(read_layers(tmp_path / "plain-s.geojson", tmp_path / "plain-r.geojson"))
    assert "plain" in benign and "cycler" not in benign
    data = _data_in(page)
    assert data == json.loads(json.dumps(map_data(layers, hostile)))
    assert data["title"] == hostile and data["sites"]["quote"] == [hostile]  # type: ignore[index]
    assert data["routes"]["features"][0]["properties"]["start"] == hostile  # type: ignore[index]
    # The page's markup is the plain map's: no element from the data, only its text.
    for tag in ("<script", "</script>", "<img", "<title>", "<div", "<style"):
        assert page.count(tag) == benign.count(tag), tag


def test_no_text_from_the_data_is_ever_compiled_as_a_template(tmp_path, town, monkeypatch):
    """Every template Jinja compiles while a map is drawn is folium's own, whatever the data."""
    compiled: list[str] = []
    from_string = jinja2.Environment.from_string

    def record(self, source, *args, **kwargs):
        compiled.append(str(source))
        return from_string(self, source, *args, **kwargs)

    layers = _town_layers(town, tmp_path)
    hostile = read_sources([tmp_path / _report(str(tmp_path / "h.txt"), _sentence(EVALUATED))])
    hostile_layers = build_layers(hostile, extract(hostile, town), town)
    monkeypatch.setattr(jinja2.Environment, "from_string", record)
    render_map(layers, tiles="OpenStreetMap.Mapnik")
    plain, compiled[:] = list(compiled), []
    render_map(hostile_layers, title=QUOTED, tiles="OpenStreetMap.Mapnik")
    assert compiled == plain  # the same templates, none with anything from a report
    assert not any("cycler" in source or "Mill Road" in source for source in compiled)


def test_the_base_map_travels_as_data(town, tmp_path):
    page = render_map(_town_layers(town, tmp_path), tiles="OpenStreetMap.Mapnik")
    tiles = _data_in(page)["tiles"]
    assert isinstance(tiles, dict)
    assert tiles["url"] == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    assert "OpenStreetMap" in tiles["options"]["attribution"]
    assert "L.tileLayer(" not in page.split(f'id="{DATA_ID}"')[1]  # not folium's own script


def _town_layers(town, folder: Path):
    doc = read_sources([folder / _report(str(folder / "r.txt"), _sentence("nothing else"))])
    return build_layers(doc, extract(doc, town), town)


# --- --embed-src: http(s) URLs and relative paths only -------------------------------------

BAD_SOURCES = [
    "javascript:alert(1)",
    "JavaScript:alert(document.domain)",
    "data:text/html,<script>alert(1)</script>",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "blob:https://news.example/x",
    "//evil.example/map.html",
    "\\\\evil.example\\map.html",
    "https:map.html",
    "https://",
    "",
]
GOOD_SOURCES = [
    "map.html",
    "maps/map.html",
    "../maps/map.html?v=2#top",
    "/maps/map.html",
    "./2024:cameras/map.html",
    "https://news.example/maps/map.html?a=1&b=2",
    "HTTP://news.example/map.html",
]


@pytest.mark.parametrize("src", BAD_SOURCES)
def test_embed_src_other_than_http_or_a_relative_path_is_refused(src, tmp_path):
    with pytest.raises(EmbedSourceError, match="expected an http"):
        check_src(src)
    with pytest.raises(EmbedSourceError):
        embed_snippet(src, "Cameras")
    result = CliRunner().invoke(
        cli, ["map", "-q", "-o", str(tmp_path / "out"), "--embed", "--embed-src", src]
    )
    assert result.exit_code == 2, result.output
    assert "Invalid value for '--embed-src'" in result.output
    assert "expected an http(s) URL" in result.output and "Traceback" not in result.output
    assert "\t" not in result.output.split("'--embed-src'")[1].splitlines()[0]
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("src", GOOD_SOURCES)
def test_embed_src_http_or_relative_is_kept(src):
    assert check_src(src) == src
    assert f'src="{html.escape(src)}"' in embed_snippet(src, "Cameras")


def test_embed_src_is_checked_before_anything_is_written(tmp_path, town):
    layers = _town_layers(town, tmp_path)
    for write in (write_outputs, write_map_outputs):
        with pytest.raises(EmbedSourceError) as caught:
            write(layers, tmp_path / "out", embed="javascript:alert(1)")
        assert isinstance(caught.value, CampmapError) and isinstance(caught.value, ValueError)
        assert not (tmp_path / "out").exists()
    result = CliRunner().invoke(
        cli, ["render", str(tmp_path / "none.geojson"), "--embed-src", "data:,x"]
    )
    assert result.exit_code == 2 and "Invalid value for '--embed-src'" in result.output
