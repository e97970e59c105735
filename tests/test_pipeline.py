"""The one pipeline (campmap.pipeline) and the option records the command line builds."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from campmap.cli.main import cli
from campmap.cli.options import page_options, place_options, stream_options
from campmap.errors import (
    CampmapError,
    NothingPlacedError,
    NothingReadError,
    NothingToMapError,
    OptionError,
    SchedulerError,
)
from campmap.export import OUTPUT_FILES
from campmap.pipeline import (
    Messages,
    PageOptions,
    PlaceOptions,
    StreamOptions,
    backends_for,
    list_mentions,
    map_to_folder,
    render_map,
    require_placed,
    review_sheet,
)

REPORT = "Two cameras face Leicester Square. Officials in China were not told."


def report(tmp_path: Path, text: str = REPORT, name: str = "r.txt") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def test_the_options_reach_the_command_as_records():
    seen = {}

    @click.command()
    @place_options
    @click.option("--title", default="T")
    @click.option("--tiles", default=None)
    @click.option("--embed", is_flag=True)
    @click.option("--embed-src", default="map.html")
    @click.option("--png", is_flag=True)
    @stream_options(evidence=True)
    @page_options
    def command(places, stream, page):
        seen.update(places=places, stream=stream, page=page)

    args = ["--gazetteer", "a.csv", "--region", "1,2,3,4", "--jobs", "2", "--embed", "--png"]
    result = CliRunner().invoke(command, [*args, "--evidence-per-site", "5"])
    assert result.exit_code == 0, result.output
    assert seen["places"] == PlaceOptions(gazetteers=(Path("a.csv"),), region=(1.0, 2.0, 3.0, 4.0))
    assert seen["stream"] == StreamOptions(jobs=2, evidence_per_site=5)
    assert seen["page"] == PageOptions(title="T", embed="map.html", png=True)


def test_the_geocoder_gets_the_region_from_the_one_record(tmp_path):
    box = (-0.2, 51.4, 0.0, 51.6)
    options = PlaceOptions(
        geocoder="nominatim",
        user_agent="campmap-tests (tests@example.org)",
        geocoder_domain="127.0.0.1:9",
        geocoder_scheme="http",
        geocoder_cache=tmp_path / "cache.sqlite",
        region=box,
    )
    (geocoder,) = backends_for(options)
    assert geocoder.region == box


def test_options_that_do_not_go_together_are_a_usage_error(tmp_path):
    options = PlaceOptions(user_agent="me@example.org", geocoder_domain="x")
    with pytest.raises(OptionError, match="need --geocoder SERVICE") as caught:
        backends_for(options)
    assert isinstance(caught.value, ValueError)
    result = CliRunner().invoke(
        cli, ["map", str(report(tmp_path)), "--geocoder-domain", "x", "--user-agent", "me"]
    )
    assert result.exit_code == 2 and "Usage:" in result.output


def test_the_new_errors_descend_from_the_root_and_a_builtin():
    assert issubclass(NothingPlacedError, NothingToMapError)
    assert issubclass(NothingReadError, CampmapError) and issubclass(NothingReadError, ValueError)
    assert issubclass(SchedulerError, CampmapError) and issubclass(SchedulerError, ConnectionError)


def test_map_to_folder_is_what_the_command_writes(tmp_path):
    path = report(tmp_path)
    warnings = []
    run = map_to_folder([path], tmp_path / "api", messages=Messages(warn=warnings.append))
    assert sorted(p.name for p in run.files) == sorted(OUTPUT_FILES)
    assert list(run.layers.sites["name"]) == ["Leicester Square"] and warnings == []
    result = CliRunner().invoke(cli, ["map", str(path), "-o", str(tmp_path / "cli"), "-q"])
    assert result.exit_code == 0, result.output
    for name in ("sites.geojson", "report.json", "map.html"):
        assert (tmp_path / "api" / name).read_bytes() == (tmp_path / "cli" / name).read_bytes()


def test_a_map_of_nothing_placeable_is_written_then_refused(tmp_path):
    path = report(tmp_path, "Two cameras were put up on Tannery Lane.")
    run = map_to_folder([path], tmp_path / "out")
    assert (tmp_path / "out" / "report.json").exists()
    with pytest.raises(NothingPlacedError, match="nothing could be placed: 1 unresolved"):
        require_placed(run.layers, tmp_path / "out")


def test_plain_and_streamed_runs_list_the_same_mentions(tmp_path):
    path = report(tmp_path)
    plain = list_mentions([path])
    streamed = list_mentions([path], stream=StreamOptions(jobs=1))
    assert not plain.streamed and streamed.streamed
    found = [[(m.text, m.role.value, m.count) for m in run.mentions] for run in (plain, streamed)]
    assert found[0] == found[1] == [("Leicester Square", "site", 2), ("China", "context", None)]


def test_a_listing_of_nothing_readable_warns_then_fails(tmp_path):
    path = tmp_path / "bin.txt"
    path.write_bytes(b"\x00\x01\x02" * 50)
    warnings = []
    with pytest.raises(NothingReadError, match=r"^no report could be read$"):
        list(list_mentions([path], messages=Messages(warn=warnings.append)).mentions)
    assert len(warnings) == 1 and warnings[0].startswith(f"{path.name}: ")


def test_review_sheet_then_render(tmp_path):
    path = report(tmp_path)
    sheet = tmp_path / "review.csv"
    assert review_sheet([path], sheet) == 0
    with sheet.open(newline="") as file:
        rows = list(csv.DictReader(file))
    rows[0]["action"] = "accept"
    with sheet.open("w", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    assert review_sheet([path], sheet) == 1
    run = map_to_folder([path], tmp_path / "out", review=sheet)
    drawn = render_map(tmp_path / "out" / "sites.geojson", tmp_path / "again")
    assert [p.name for p in drawn.files] == ["map.html"]
    assert list(drawn.layers.sites["name"]) == list(run.layers.sites["name"])
    features = json.loads((tmp_path / "out" / "sites.geojson").read_text())["features"]
    assert [f["properties"]["name"] for f in features] == ["Leicester Square"]
