from __future__ import annotations

import json
import os
import re

import pytest
from conftest import load_json

from campmap import CampmapError, OutputError, build_layers, extract, read_sources, write_outputs
from campmap.export import OUTPUT_FILES, render_map

REPORT = (
    "Cameras to watch the fair\n\n"
    "Twenty cameras line the route along Mill Road from South Gate to North Gate. "
    "Four cameras face Market Square, with two at the Town Hall. "
    "Other cameras are on Station Road and Tannery Lane."
)
HOSTILE = (
    'Two cameras at Market Square <img src=x onerror="window.pwned=1">. '
    "Cameras on Mill Road </script><script>window.pwned=2</script>. "
    "Cameras near the Town Hall javascript:window.pwned=3 {{ 7*7 }}."
)


@pytest.fixture
def layers(tmp_path, town):
    path = tmp_path / "fair.txt"
    path.write_text(REPORT, encoding="utf-8")
    doc = read_sources([path])
    return build_layers(doc, extract(doc, town), town)


def test_writes_the_four_files(tmp_path, layers):
    out = tmp_path / "out"
    written = write_outputs(layers, out)
    assert [p.name for p in written] == list(OUTPUT_FILES)
    assert sorted(os.listdir(out)) == sorted(OUTPUT_FILES)  # no temporary files left


def test_sites_geojson_contract(tmp_path, layers):
    write_outputs(layers, tmp_path)
    data = load_json(tmp_path / "sites.geojson")
    assert data["type"] == "FeatureCollection" and "crs" not in data
    features = data["features"]
    assert [f["id"] for f in features] == ["market-square", "station-road", "town-hall"]
    for feature in features:
        props, geom = feature["properties"], feature["geometry"]
        assert geom["type"] == "Point"
        lon, lat = geom["coordinates"]
        assert -1.02 < lon < -0.97 and 51.98 < lat < 52.02  # lon first, then lat
        assert props["site_id"] == feature["id"]
        assert isinstance(props["mentions"], int)
        assert props["place_kind"] in {"point", "line", "area"}
        assert isinstance(props["uncertainty_m"], float)
        assert isinstance(props["quote"], str) and isinstance(props["sources"], str)
        assert props["count"] is None or type(props["count"]) is int
    counts = {f["id"]: f["properties"]["count"] for f in features}
    assert counts == {"market-square": 4, "station-road": None, "town-hall": 2}
    assert "NaN" not in (tmp_path / "sites.geojson").read_text()


def test_routes_geojson_contract(tmp_path, layers):
    write_outputs(layers, tmp_path)
    (feature,) = load_json(tmp_path / "routes.geojson")["features"]
    assert feature["geometry"]["type"] == "LineString"
    props = feature["properties"]
    assert props["route_id"] == feature["id"] == "route-south-gate-to-north-gate"
    assert props["count"] == 20 and props["name"] == "South Gate to North Gate"
    assert set(props) >= {"route_id", "name", "count", "quote", "sources"}


def test_report_json_lists_sites_routes_and_unresolved(tmp_path, layers):
    write_outputs(layers, tmp_path)
    report = load_json(tmp_path / "report.json")
    assert [s["site_id"] for s in report["sites"]] == ["market-square", "station-road", "town-hall"]
    assert report["routes"][0]["count"] == 20
    (unresolved,) = report["unresolved"]
    assert unresolved["text"] == "Tannery Lane"
    assert unresolved["quote"] == "Other cameras are on Station Road and Tannery Lane."
    assert unresolved["source"].endswith("fair.txt")
    evidence = report["sites"][0]["evidence"][0]
    source_text = layers.document.sources[0].text
    occurrence = evidence["occurrences"][0]
    assert source_text[occurrence["start"] : occurrence["end"]] == "Market Square"


def test_outputs_are_byte_identical_between_runs(tmp_path, layers):
    write_outputs(layers, tmp_path / "a")
    write_outputs(layers, tmp_path / "b")
    for name in OUTPUT_FILES:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_map_loads_nothing_from_the_network(layers):
    html = render_map(layers)
    tags = re.findall(r"<(?:script|link|img|iframe|source)\b[^>]*>", html)
    assert tags and all(not re.search(r"(?:src|href)\s*=", tag) for tag in tags), tags
    assert "L.map(" in html or "L.map (" in html


def test_map_with_tiles_names_the_provider(layers):
    html = render_map(layers, tiles="OpenStreetMap.Mapnik")
    assert "tile.openstreetmap.org" in html and "OpenStreetMap" in html


def test_a_provider_that_needs_a_key_takes_it_from_the_environment(layers, monkeypatch):
    """xyzservices marks CartoDB's layers as needing a key: the error names the variable."""
    monkeypatch.delenv("CAMPMAP_TILES_KEY", raising=False)
    with pytest.raises(CampmapError, match="needs an API key: set CAMPMAP_TILES_KEY"):
        render_map(layers, tiles="CartoDB.Positron")
    monkeypatch.setenv("CAMPMAP_TILES_KEY", "k3y")
    html = render_map(layers, tiles="CartoDB.Positron")
    assert "basemaps.cartocdn.com" in html and "key=k3y" in html and "<insert your" not in html


def test_unknown_tiles_is_a_clear_error(tmp_path, layers):
    with pytest.raises(CampmapError, match=r"unknown tile provider 'Nope\.Nope'"):
        write_outputs(layers, tmp_path / "out", tiles="Nope.Nope")
    assert list((tmp_path / "out").iterdir()) == []


def test_report_text_is_never_markup_in_the_map(tmp_path, town):
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    doc = read_sources([path])
    layers = build_layers(doc, extract(doc, town), town)
    html = render_map(layers, title="<b>Title</b></title><script>window.pwned=4</script>")
    assert "<img src=x" not in html
    assert "<script>window.pwned" not in html
    assert "</script><script>" not in html.replace("<\\/script>", "")
    assert "<b>Title</b>" not in html


def test_failed_write_keeps_previous_outputs(tmp_path, layers, monkeypatch):
    out = tmp_path / "out"
    write_outputs(layers, out)
    before = {name: (out / name).read_bytes() for name in OUTPUT_FILES}

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("campmap.export.report.report_dict", disk_full)
    with pytest.raises(OutputError, match="No space left on device"):
        write_outputs(layers, out, title="changed")
    after = {name: (out / name).read_bytes() for name in OUTPUT_FILES}
    assert after == before
    assert sorted(os.listdir(out)) == sorted(OUTPUT_FILES)


def test_output_path_that_is_a_file_or_not_writable(tmp_path, layers):
    blocker = tmp_path / "out"
    blocker.write_text("not a folder")
    with pytest.raises(OutputError, match="a file is in the way"):
        write_outputs(layers, blocker)
    if os.geteuid() != 0:  # root can write anywhere
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o500)
        with pytest.raises(OutputError, match="not writable"):
            write_outputs(layers, locked)


def test_geojson_is_plain_json_readable_by_the_standard_library(tmp_path, layers):
    write_outputs(layers, tmp_path)
    for name in ("sites.geojson", "routes.geojson"):
        json.loads((tmp_path / name).read_text(encoding="utf-8"))


def test_folder_that_cannot_be_created_is_a_clear_error(layers):
    with pytest.raises(OutputError, match="cannot create the output folder"):
        write_outputs(layers, "/proc/campmap-cannot-exist/out")


def test_folder_in_the_way_of_one_output_keeps_the_others(tmp_path, layers):
    out = tmp_path / "out"
    write_outputs(layers, out)
    before = {name: (out / name).read_bytes() for name in OUTPUT_FILES if name != "report.json"}
    (out / "report.json").unlink()
    (out / "report.json").mkdir()
    with pytest.raises(OutputError, match="a folder is in the way of an output file"):
        write_outputs(layers, out, title="changed")
    assert {name: (out / name).read_bytes() for name in before} == before
    assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUT_FILES)


@pytest.mark.parametrize("on_disk", [False, True])
def test_report_json_writes_its_sources_one_by_one_as_json_would_whole(tmp_path, layers, on_disk):
    """The list of sources is streamed (an archive's is on disk): the same bytes as one dump."""
    from dataclasses import replace

    from campmap.archive.spill import SourceList
    from campmap.export.report import report_dict, write_report
    from campmap.extract.attribution import Attribution
    from campmap.records import Occurrence, Source

    sources = [Source(f'r{i} "quoted"\u00e9.txt', "", url=None, characters=i) for i in range(3)]
    # report.json lists the reports a mention was found in: one mention cites the first two.
    mention = layers.mentions[0]
    cited = (*mention.sentence.occurrences, *(Occurrence(s.label, 0, 1) for s in sources[:2]))
    layers = replace(
        layers, mentions=(replace(mention, sentence=replace(mention.sentence, occurrences=cited)),)
    )
    if on_disk:
        listed = SourceList()
        listed.add((s, Attribution()) for s in sources)
        layers = replace(layers, document=replace(layers.document, sources=listed))
    for document_sources in (layers.document.sources, ()):
        run = replace(layers, document=replace(layers.document, sources=document_sources))
        write_report(run, tmp_path / "report.json")
        whole = json.dumps(report_dict(run), indent=2, ensure_ascii=False, allow_nan=False)
        assert (tmp_path / "report.json").read_text(encoding="utf-8") == whole + "\n"
    write_report(layers, tmp_path / "report.json")
    listed = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["sources"]
    expected = sources[:2] if on_disk else layers.document.sources
    assert [s["label"] for s in listed] == [s.label for s in expected] and len(listed) >= 1
