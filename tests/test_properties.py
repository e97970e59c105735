"""Property-based tests (hypothesis): hostile text never crashes a stage, outputs stay valid.

Each property runs on many generated inputs (``CAMPMAP_PROPERTY_EXAMPLES``, 100
by default): any Unicode text, any bytes, any mix of line endings, quotes and
camera phrases. Failing examples hypothesis finds are kept as explicit
``@example`` cases below.
"""

from __future__ import annotations

import json
import math
import os
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from campmap.errors import InputError
from campmap.export.geojson import write_sites
from campmap.export.html import map_data, render_map
from campmap.export.sites_csv import sites_table
from campmap.extract import extract
from campmap.extract.counts import find_numbers
from campmap.gazetteer.names import tokens
from campmap.layer.build import build_layers
from campmap.records import Document
from campmap.sources import clean_text, decode_bytes, dedupe, read_text, split_sentences

EXAMPLES = int(os.environ.get("CAMPMAP_PROPERTY_EXAMPLES", "100"))
"""Examples per cheap property; the whole-pipeline ones run 40% and 30% of it."""
SETTINGS = settings(
    deadline=None,
    max_examples=EXAMPLES,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Pieces a hostile or broken report is made of: camera phrases and places of the test town,
# every kind of line ending, quote and invisible character, and markup.
PIECES = st.sampled_from(
    [
        "cameras", "CCTV camera", " on ", " at ", " and ", "twelve", "12", "-3", "3.5", "1e9",
        "a dozen", "99999999999999999999", "Market Square", "High Street", "Mill Road",
        "the junction of Mill Road and Station Road", "King's Parade", "St Mary's Church",
        "\r\n", "\r", "\n", "\n\n", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", '"', "'",
        "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "`", "\u00a0", "\u200b",
        "\ufeff", "\x00", "\x1b[31m", ". ", "; ", "- ", "* ", "1. ", "<b>", "</script>",
        "<!--", "]]>", "=cmd|' /C calc'!A0", "../../etc/passwd", "\u202e", "\U0001f4f7",
        "\u0301", "\u00e9", "\u0130", "\u0130stanbul Road", "\u1e9e", "{{ 7*7 }}", "{{", "}}",
        "{#", "#}", "{% raw %}", "{%",
    ]
)  # fmt: skip
REPORTS = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=40).map("".join)


def _document(*texts: str) -> Document:
    return dedupe([read_text(t, f"r{i}.txt") for i, t in enumerate(texts)], [])


@SETTINGS
@given(st.text(max_size=3000))
@example("\r\n\r\n\u2029\x00\ufeff")
@example("<html>" + "<div>" * 300)
def test_any_text_cleans_and_splits_without_crashing(text):
    source = read_text(text)
    assert "\r" not in source.text and "\x00" not in source.text
    assert clean_text(source.text) == source.text  # cleaning is idempotent
    for sentence, start, end in split_sentences(source):
        assert 0 <= start < end <= len(source.text)
        assert source.text[start:end] == sentence


@SETTINGS
@given(st.binary(max_size=4000))
@example(b"\xff\xfe\x00")  # a UTF-16 BOM with an odd byte after it
@example(b"\xef\xbb\xbf")  # a UTF-8 BOM and nothing else
def test_any_bytes_decode_or_are_refused_clearly(data):
    try:
        text, encoding = decode_bytes(data, "r.txt")
    except InputError as err:
        assert str(err).startswith("r.txt")
        return
    assert isinstance(text, str) and encoding


@SETTINGS
@given(REPORTS)
@example("Twelve cameras on High Street.\r-3 cameras at Market Square;\u2028 3.5 on Mill Road")
def test_extraction_never_crashes_and_counts_are_whole_and_not_negative(town, text):
    for mention in extract(_document(text), town):
        assert mention.count is None or (type(mention.count) is int and mention.count >= 0), mention
        assert 0 <= mention.start <= mention.end <= len(mention.sentence.text)
        assert mention.sentence.text[mention.start : mention.end] == mention.text


@SETTINGS
@given(REPORTS)
@example("\u0130\u0130 twelve cameras on \u0130stanbul Road, King's Cross")
def test_numbers_and_words_keep_their_place_in_the_text(text):
    # Patterns run on lower-cased text; a character that lower-cases to two (İ) must
    # not shift what follows it.
    for number in find_numbers(text):
        assert text[number.start : number.end] == number.text
    for norm, start, end in tokens(text):
        assert [n for n, _, _ in tokens(text[start:end])] == [norm]


class _Strict(HTMLParser):
    """Collects the text of every <script> and the tags the page opens."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.types: list[str | None] = []  # each script's type attribute
        self.tags: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")
            self.types.append(dict(attrs).get("type"))

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


@pytest.fixture(scope="module")
def clean_map_tags(town):
    layers = build_layers(*_extracted(town, "Two cameras on High Street."), town)
    parser = _Strict()
    parser.feed(render_map(layers))
    return parser.tags


def _extracted(town, text):
    document = _document(text)
    return document, extract(document, town)


@settings(SETTINGS, max_examples=max(1, EXAMPLES * 2 // 5))
@given(REPORTS)
@example("Two cameras on High Street </script><script>alert(1)</script><!-- =1+2")
@example("Two cameras on High Street {{ 7*7 }} {#1} {% raw %}")
def test_outputs_are_valid_geojson_html_and_csv(town, clean_map_tags, tmp_path_factory, text):
    text = "Four cameras on High Street and two at Market Square. " + text
    layers = build_layers(*_extracted(town, text), town)
    path = tmp_path_factory.mktemp("out") / "sites.geojson"
    write_sites(layers.sites, path)
    collection = json.loads(path.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection" and collection["features"]
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert math.isfinite(lon) and math.isfinite(lat)
        count = feature["properties"]["count"]
        assert count is None or (type(count) is int and count >= 0)
    parser = _Strict()
    parser.feed(render_map(layers))
    parser.close()
    # Report text added no element: the page has exactly the tags of a harmless map.
    assert parser.tags == clean_map_tags
    (data,) = [
        t for t, k in zip(parser.scripts, parser.types, strict=True) if k == "application/json"
    ]
    assert "</script" not in data.lower() and "<!--" not in data
    # The text as it was: never evaluated as a template (no "{{ 7*7 }}" turned into 49).
    assert json.loads(data) == json.loads(json.dumps(map_data(layers, "Reported camera sites")))
    for column, values in sites_table(layers).items():
        for value in values:
            if isinstance(value, str):
                assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), (column, value)


@settings(SETTINGS, max_examples=max(1, EXAMPLES * 3 // 10))
@given(st.lists(REPORTS, min_size=2, max_size=4), st.randoms(use_true_random=False))
def test_merging_reports_does_not_depend_on_their_order(town, texts, rng):
    texts = [f"Three cameras on Mill Road. {t}" for t in texts]
    order = list(range(len(texts)))
    rng.shuffle(order)

    def sites(indices):
        document = dedupe([read_text(texts[i], f"r{i}.txt") for i in indices], [])
        layers = build_layers(document, extract(document, town), town)
        rows = layers.sites[["site_id", "name", "count", "status"]].astype(str)
        points = [p.wkt for p in layers.sites.geometry]
        return sorted(zip(*(rows[c] for c in rows.columns), points, strict=True))

    assert sites(order) == sites(range(len(texts)))
