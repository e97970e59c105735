"""Sources a reader can check (issue 19): outlet, date and address in every output, nothing private.

The reports in ``tests/data/cited`` were written for these tests: a text report
with ``Source:``/``Outlet:``/byline/date lines, an HTML page with its canonical
link and Open Graph and ``article:published_time`` markup, a JSON-lines file
with metadata fields (one line with a hostile address and outlet), and council
minutes that name no camera.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import write

from campmap.cli.main import cli
from campmap.layer.cite import SOURCE_COLUMNS
from campmap.sources.corpus import iter_reports, load_report
from campmap.sources.metadata import (
    ReportMeta,
    html_metadata,
    iso_date,
    record_metadata,
    text_metadata,
    web_address,
)
from campmap.sources.read import read_source, read_text

CITED = Path(__file__).parent / "data" / "cited"
GAZETTE = "https://gazette.example/news/whitehall-cameras"
COURIER = "https://courier.example/2024/01/square-cameras"
WIRE = "https://wire.example/a/1"


def _map(tmp_path: Path, *extra: str, inputs: tuple[str, ...] = ()) -> Path:
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["map", *(inputs or (str(CITED),)), "-o", str(out), *extra])
    assert result.exit_code == 0, result.output
    return out


def _sites(out: Path) -> dict[str, dict[str, object]]:
    features = json.loads((out / "sites.geojson").read_text(encoding="utf-8"))["features"]
    return {f["id"]: f["properties"] for f in features}


def _map_data(out: Path) -> dict[str, object]:
    page = (out / "map.html").read_text(encoding="utf-8")
    found = re.search(r'id="campmap-data">(.*?)</script>', page, re.S)
    assert found is not None
    data: dict[str, object] = json.loads(found.group(1))
    return data


# --- reading the metadata -----------------------------------------------------------------


def test_a_text_reports_head_gives_its_address_outlet_author_and_date() -> None:
    source = read_source(CITED / "gazette.txt")
    assert (source.url, source.outlet, source.author, source.published) == (
        GAZETTE,
        "Example Gazette",
        "Jo Bloggs",
        "2023-05-02",
    )
    # The text is kept whole: offsets still point into it.
    assert source.text.startswith("Source: https://gazette.example/")


def test_a_first_line_address_and_written_dates_are_read() -> None:
    meta = text_metadata("https://news.example/story\n\nFriday 20th December 2024\n\nText.")
    assert (meta.url, meta.published) == ("https://news.example/story", "2024-12-20")
    assert text_metadata("Date: Dec. 3, 2021\n\nText.").published == "2021-12-03"
    assert text_metadata("Published: 2022-07-09T10:00:00Z\n").published == "2022-07-09"
    # Only the head is read, and only an address the reader could follow.
    assert text_metadata("Source: javascript:alert(1)\n").url is None
    assert text_metadata("x\n" * 20 + "Source: https://late.example/a\n").url is None
    assert text_metadata("Cameras went up on 2 May 2023 in the square, said a source.") == (
        ReportMeta()
    )


def test_dates_and_addresses_are_checked() -> None:
    assert iso_date("31 February 2023") is None
    assert iso_date("2023-13-01") is None
    assert iso_date("3rd of March 2020") == "2020-03-03"
    assert iso_date("sometime in May") is None
    for bad in ("ftp://a.example/x", "https://", "http://a.example/a b", "data:text/html,x", 42):
        assert web_address(bad) is None, bad
    assert web_address(" HTTPS://A.example/x ") == "HTTPS://A.example/x"


def test_an_html_pages_markup_gives_canonical_link_outlet_title_author_and_date() -> None:
    source = read_source(CITED / "courier.html")
    assert source.url == COURIER
    assert source.outlet == "Example Courier"
    assert source.title == "Cameras go up in the square"
    assert source.author == "Sam Writer"
    assert source.published == "2024-01-15"
    assert "Home" not in source.text  # the navigation is still dropped


def test_an_html_date_comes_from_the_markup_not_the_text() -> None:
    page = (
        "<!doctype html><html><head><title>Cameras</title></head><body><article>"
        "<p>Two cameras went up on 4 March 2021 on Whitehall, and more will follow.</p>"
        "</article></body></html>"
    )
    assert html_metadata(page).published is None


def test_json_lines_fields_are_read_and_unsafe_ones_dropped() -> None:
    reports = {r.label: load_report(r) for r in iter_reports([CITED / "wire.jsonl"])}
    first, second = reports.values()
    assert (first.url, first.outlet, first.title, first.author, first.published) == (
        WIRE,
        "Example Wire",
        "Square gets cameras",
        "Alex Reporter",
        "2023-11-30",
    )
    assert second.url is None and second.published is None
    assert second.outlet == "<img src=x onerror=alert(1)>"  # plain text, escaped where shown
    meta = record_metadata({"url": "https://a.example/1", "publisher": "P", "published": 7})
    assert (meta.outlet, meta.published) == ("P", None)


def test_a_records_fields_win_over_what_its_text_says() -> None:
    text = "Source: https://text.example/a\nOutlet: Text Times\n\nTwo cameras on Whitehall."
    source = read_text(text, "r", meta=ReportMeta(outlet="Record Outlet"))
    assert (source.outlet, source.url) == ("Record Outlet", "https://text.example/a")


# --- the outputs ---------------------------------------------------------------------------


def test_every_output_names_sources_by_outlet_date_and_address(tmp_path: Path) -> None:
    out = _map(tmp_path)
    sites = _sites(out)
    whitehall = sites["whitehall"]
    assert whitehall["source_names"] == (
        "Example Courier, 15 January 2024; Example Gazette, 2 May 2023"
    )
    assert whitehall["source_urls"] == f"{COURIER}; {GAZETTE}"
    assert (whitehall["first_reported"], whitehall["last_reported"]) == (
        "2023-05-02",
        "2024-01-15",
    )
    square = sites["leicester-square"]
    # The second line's outlet is plain text (escaped where shown); its bad address is not kept.
    assert square["source_names"] == (
        "Example Wire, 30 November 2023; <img src=x onerror=alert(1)>"
    )
    assert square["source_urls"] == WIRE

    with (out / "sites.csv").open(encoding="utf-8", newline="") as handle:
        rows = {row["site_id"]: row for row in csv.DictReader(handle)}
    for column in SOURCE_COLUMNS:
        assert rows["whitehall"][column] == whitehall[column], column
    assert rows["leicester-square"]["source_urls"] == WIRE

    import geopandas as gpd

    for layer, key in (("sites", "whitehall"), ("routes", None)):
        frame = gpd.read_file(out / "campmap.gpkg", layer=layer)
        assert set(SOURCE_COLUMNS) <= set(frame.columns), layer
        if key:
            row = frame.set_index("site_id").loc[key]
            assert row["source_names"] == whitehall["source_names"]
            assert row["first_reported"] == "2023-05-02"

    data = _map_data(out)
    sites_data = data["sites"]
    assert isinstance(sites_data, dict)
    names = list(sites_data["name"])
    at = names.index("Whitehall")
    reports = data["reports"]
    assert isinstance(reports, list)
    assert [reports[k] for k in sites_data["cites"][at]] == [
        ["Example Courier, 15 January 2024", COURIER, "Cameras go up in the square", "2024-01-15"],
        ["Example Gazette, 2 May 2023", GAZETTE, None, "2023-05-02"],
    ]


def test_a_map_rendered_from_sites_geojson_still_links_its_sources(tmp_path: Path) -> None:
    out = _map(tmp_path)
    again = tmp_path / "again"
    args = ["render", str(out / "sites.geojson"), "-o", str(again)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    data = _map_data(again)
    sites_data = data["sites"]
    assert isinstance(sites_data, dict) and isinstance(data["reports"], list)
    at = list(sites_data["name"]).index("Whitehall")
    assert [data["reports"][k][:2] for k in sites_data["cites"][at]] == [
        ["Example Courier, 15 January 2024", COURIER],
        ["Example Gazette, 2 May 2023", GAZETTE],
    ]


def test_the_review_sheet_lists_the_sources_of_sites(tmp_path: Path) -> None:
    sheet = tmp_path / "review.csv"
    result = CliRunner().invoke(cli, ["review", str(CITED), "-o", str(sheet)])
    assert result.exit_code == 0, result.output
    rows = {r["site_id"]: r for r in csv.DictReader(io.StringIO(sheet.read_text("utf-8")))}
    assert rows["trafalgar-square"]["source_names"] == "Example Courier, 15 January 2024"
    assert rows["trafalgar-square"]["source_urls"] == COURIER
    assert rows["trafalgar-square"]["first_reported"] == "2024-01-15"


def test_report_json_lists_only_contributing_reports_with_their_metadata(tmp_path: Path) -> None:
    out = _map(tmp_path)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    listed = {s["label"]: s for s in report["sources"]}
    # The council minutes name no camera: not a source of the map.
    assert all(not label.endswith("minutes.txt") for label in listed)
    assert len(listed) == 4
    (courier,) = [s for s in listed.values() if s["label"].endswith("courier.html")]
    assert courier == {
        "label": courier["label"],
        "url": COURIER,
        "outlet": "Example Courier",
        "title": "Cameras go up in the square",
        "author": "Sam Writer",
        "published": "2024-01-15",
        "encoding": "utf-8",
        "characters": courier["characters"],
    }


def test_no_output_names_the_users_folders_name_or_geocoder_agent(tmp_path: Path) -> None:
    home = tmp_path / "home" / "jane-doe-secret"
    shutil.copytree(CITED, home / "reports")
    agent = "jane-doe-newsroom-agent/1.0 (jane.doe@example.org)"
    out = tmp_path / "published"
    args = ["map", str(home / "reports"), "-o", str(out), "--user-agent", agent, "--embed"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    written = [p for p in out.rglob("*") if p.is_file() and p.name != ".campmap.lock"]
    assert {p.name for p in written} >= {"map.html", "report.json", "campmap.gpkg"}
    for path in written:
        data = path.read_bytes()
        for secret in (b"jane-doe", b"jane.doe", str(tmp_path).encode(), b"/home/"):
            assert secret not in data, (path.name, secret)


# --- a single report's options ---------------------------------------------------------------


def test_source_url_and_outlet_options_cite_one_report(tmp_path: Path) -> None:
    report = write(tmp_path / "note.txt", "Three cameras were put up on Whitehall on Monday.\n")
    out = _map(
        tmp_path,
        "--source-url",
        "https://paper.example/whitehall",
        "--outlet",
        "The  Example   Paper",
        inputs=(str(report),),
    )
    whitehall = _sites(out)["whitehall"]
    assert whitehall["source_names"] == "The Example Paper"
    assert whitehall["source_urls"] == "https://paper.example/whitehall"
    assert whitehall["first_reported"] is None


def test_source_options_refuse_a_bad_address_or_several_reports(tmp_path: Path) -> None:
    runner = CliRunner()
    one = write(tmp_path / "a.txt", "Two cameras on Whitehall.\n")
    bad = runner.invoke(cli, ["map", str(one), "--source-url", "javascript:alert(1)"])
    assert bad.exit_code == 2 and "expected http://... or https://..." in bad.output
    several = runner.invoke(
        cli, ["map", str(CITED), "-o", str(tmp_path / "o"), "--outlet", "One Paper"]
    )
    assert several.exit_code == 1
    assert "describe one report" in several.output and "Traceback" not in several.output
    streamed = runner.invoke(
        cli, ["map", str(one), "-o", str(tmp_path / "s"), "--outlet", "P", "--jobs", "1"]
    )
    assert streamed.exit_code == 1 and "not a streamed one" in streamed.output


# --- archive runs ----------------------------------------------------------------------------


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.parametrize("extra", [["--jobs", "1"], ["--jobs", "2", "--batch-size", "1"]])
def test_an_archive_run_cites_as_a_plain_run_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extra: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(CITED, "cited")
    runner = CliRunner()
    for name, options in (("plain", []), ("streamed", extra)):
        result = runner.invoke(cli, ["map", "cited", "-o", name, *options])
        assert result.exit_code == 0, result.output
    expected = _files(Path("plain"))
    assert _files(Path("streamed")) == expected
    assert b"Example Courier, 15 January 2024" in expected["sites.geojson"]


def test_dates_of_mentions_beyond_the_kept_evidence_still_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("many").mkdir()
    for n, (day, who) in enumerate(
        (("2021-06-01", "Patel"), ("2019-03-05", "Jones"), ("2023-09-09", "Okafor"))
    ):
        write(
            Path("many") / f"r{n}.txt",
            f"Date: {day}\n\nNew cameras went up on Whitehall, Inspector {who} said.\n",
        )
    runner = CliRunner()
    for name, options in (("plain", []), ("one", ["--jobs", "1", "--evidence-per-site", "1"])):
        result = runner.invoke(cli, ["map", "many", "-o", name, *options])
        assert result.exit_code == 0, result.output
    plain, one = _sites(Path("plain"))["whitehall"], _sites(Path("one"))["whitehall"]
    assert (plain["first_reported"], plain["last_reported"]) == ("2019-03-05", "2023-09-09")
    assert (one["first_reported"], one["last_reported"]) == ("2019-03-05", "2023-09-09")
    assert one["source_names"] == "many/r0.txt, 1 June 2021; and 2 more"


def test_a_checkpointed_batch_keeps_its_sources_metadata(tmp_path: Path) -> None:
    from functools import partial

    from campmap.archive.checkpoint import Checkpoint
    from campmap.archive.wire import result_from_json, result_to_json
    from campmap.archive.worker import RunConfig, process_batch, worker_gazetteer

    config = RunConfig(())
    result = process_batch(list(iter_reports([str(CITED)])), config)
    cited = {s.label.rsplit("/", 1)[-1]: s for s in result.sources}
    assert cited["gazette.txt"].published == "2023-05-02"
    assert cited["courier.html"].title == "Cameras go up in the square"
    assert cited["wire.jsonl:1"].author == "Alex Reporter"
    gazetteer = worker_gazetteer(config)
    checkpoint = Checkpoint(tmp_path / "cp", "settings", pytest.fail)
    checkpoint.save(["k"], result_to_json(result, gazetteer))
    back = checkpoint.load(["k"], partial(result_from_json, gazetteer=gazetteer))
    assert back == result


def test_archive_prefixes_weekday_dates_and_dated_addresses_give_the_date() -> None:
    head = "Source: https://news.example/story\n\n date 2023-06-30 The council said on Monday"
    assert text_metadata(head).published == "2023-06-30"
    assert text_metadata("Source: x\n\n31 August, Saturday, 2024\n").published == "2024-08-31"
    # The address's date is the fallback; a date line wins over it.
    dated = "Source: https://news.example/2016/12/30/cameras\n\nText."
    assert text_metadata(dated).published == "2016-12-30"
    assert text_metadata(dated + "\n\n2 January 2017\n").published == "2017-01-02"
    assert text_metadata("Source: https://news.example/2016/12/cameras\n").published is None
