"""Hostile archives and names: one skipped, counted record or a clean name, never a crash."""

from __future__ import annotations

import gzip
import json
import os
import tracemalloc
from pathlib import Path

from click.testing import CliRunner

from campmap import read_text
from campmap.archive import map_corpus
from campmap.cli.main import cli
from campmap.limits import MAX_REPORT_BYTES
from campmap.sources.corpus import iter_reports

GAZETTEER = Path(__file__).parent / "data" / "reports" / "gazetteer.geojson"
GOOD = "Two cameras went up on Mill Lane in Brackwell."


def _line(text: str) -> str:
    return json.dumps({"text": text}) + "\n"


def test_a_json_line_past_the_limit_is_skipped_unread_and_counted(tmp_path: Path) -> None:
    archive = tmp_path / "news.jsonl.gz"
    padding = "x" * (4 * MAX_REPORT_BYTES)
    with gzip.open(archive, "wt", encoding="utf-8") as stream:
        stream.write(_line(GOOD))
        stream.write(json.dumps({"text": GOOD, "pad": padding}) + "\n")
        stream.write(_line(GOOD.replace("Two", "Three")))
    del padding
    tracemalloc.start()
    try:
        reports = list(iter_reports([archive]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [r.error is None for r in reports] == [True, False, True]
    assert "larger than MAX_REPORT_BYTES" in str(reports[1].error)
    assert "when decompressed" in str(reports[1].error)
    assert peak < 3 * MAX_REPORT_BYTES  # at most the limit's worth held, never the line
    result = map_corpus([archive], gazetteer_files=[GAZETTEER])
    assert result.stats.failed == 1 and result.stats.reports == 3


def test_deep_nesting_and_lone_surrogates_are_failed_records_not_crashes(tmp_path: Path) -> None:
    archive = tmp_path / "news.jsonl"
    archive.write_text(
        _line(GOOD)
        + "[" * 100_000 + "]" * 100_000 + "\n"
        + '{"text": "Three cameras went up on Mill Lane \\ud800 in Brackwell."}\n'
        + '{"text": "Four cameras on Mill Lane in Brackwell.", "url": "https://x.org/\\udfff"}\n',
        encoding="utf-8",
    )  # fmt: skip
    out = tmp_path / "out"
    run = CliRunner().invoke(
        cli, ["map", str(archive), "-o", str(out), "--gazetteer", str(GAZETTEER)]
    )
    assert run.exit_code == 0, run.output
    assert run.exception is None
    assert "2 of 4 reports failed" not in run.output  # three failed, counted honestly
    assert "3 of 4 reports failed" in run.output
    assert "nested too deeply" in run.output and "lone surrogate" in run.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [s["label"] for s in report["sources"]] == [f"{archive.name}:1"]


def test_a_file_name_that_is_not_utf8_gets_an_escaped_name(tmp_path: Path) -> None:
    folder = tmp_path / "arch"
    folder.mkdir()
    with open(os.fsencode(folder) + b"/caf\xe9.txt", "w", encoding="utf-8") as file:
        file.write(GOOD)
    for extra in ([], ["--jobs", "1"]):
        out = tmp_path / f"out{len(extra)}"
        run = CliRunner().invoke(
            cli, ["map", str(folder), "-o", str(out), "--gazetteer", str(GAZETTEER), *extra]
        )
        assert run.exit_code == 0, run.output
        report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        assert [s["label"] for s in report["sources"]] == ["arch/caf\\xe9.txt"]


def test_a_newline_in_a_file_name_is_escaped_in_the_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "two\nlines\u202e.txt"
    bad.write_bytes(b"\x00\x01binary")
    run = CliRunner().invoke(cli, ["map", str(bad), "-o", str(tmp_path / "out")])
    assert run.exit_code != 0
    errors = [line for line in run.output.splitlines() if "lines" in line]
    assert len(errors) >= 1
    assert all("two\\x0alines\\u202e.txt" in line for line in errors), run.output
    assert "\u202e" not in run.output


def test_bidi_controls_never_reach_a_quote_or_a_name() -> None:
    text = "Cameras were \u202edevomer\u202c on \u2067Mill Lane\u2069.\u200f"
    assert read_text(text).text == "Cameras were devomer on Mill Lane."
    from shapely.geometry import Point

    from campmap.records import Place

    place = Place("p", "Mill\u202e Lane", "street", Point(0, 0), "test", ("\u2066Mill Ln",))
    assert (place.name, place.aliases) == ("Mill Lane", ("Mill Ln",))
