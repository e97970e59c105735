"""Standard input and tables of deployments in streamed runs (--jobs, --scheduler, archives)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import write

from campmap.archive import CHECKPOINT_FOLDER, map_corpus
from campmap.cli.main import cli

REPORT = (
    "Four more cameras now face Leicester Square, the council said.\n\n"
    "Two cameras made by Hikvision were put up on Whitehall."
)
TABLE = """\
Ref,Where,Installed,Cameras
1,opp. Charing Cross station,2024-03-01,2
2,Strand j/o Northumberland Avenue,2024-03-02,1
3,"Leicester Square, London",2024-04-01,3
4,Foxglove Lane,2024-05-02,
5,Leicester Sq,2024-06-11,2
6,Leicester Sq,2024-06-11,2
"""
"""Rows 5 and 6 are alike: two deployments (a plain run adds them up), not one repeated sentence."""

GUESSED = "guessed the location column: 'Where' (choose another with --location-column)"


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.name: p.read_bytes()
        for p in sorted(folder.iterdir())
        if p.is_file() and p.name != CHECKPOINT_FOLDER
    }


def _records(output: str) -> list[dict[str, object]]:
    """The mentions ``extract --json`` listed: a JSON array, or JSON lines when streaming."""
    if output.startswith("["):
        return list(json.loads(output))
    return [json.loads(line) for line in output.splitlines()]


def _archive(tmp_path: Path) -> Path:
    """A folder of two reports and a table (a folder's tables are read when named)."""
    folder = tmp_path / "archive"
    folder.mkdir()
    write(folder / "r1.txt", REPORT)
    write(folder / "r2.txt", "Three cameras went up at Trafalgar Square.")
    write(folder / "deployments.csv", TABLE)
    return folder


def test_standard_input_streams_as_one_report(tmp_path: Path) -> None:
    """`campmap map - --jobs 2 < report.txt` writes what a plain run writes; extract lists it."""
    report = write(tmp_path / "report.txt", REPORT)
    runs = {}
    for name, extra in (("plain", []), ("two", ["--jobs", "2"])):
        with report.open("rb") as stdin:
            runs[name] = subprocess.run(
                [sys.executable, "-m", "campmap", "map", "-", "-o", str(tmp_path / name), *extra],
                stdin=stdin,
                capture_output=True,
                text=True,
                env={**os.environ, "PYTHONUNBUFFERED": "1"},
                check=False,
            )
        assert runs[name].returncode == 0, runs[name].stderr
    assert "read 1 reports" in runs["two"].stderr
    assert "2 sites, 0 routes, 0 unresolved from 1 reports" in runs["two"].stdout
    streamed = _files(tmp_path / "two")
    assert streamed == _files(tmp_path / "plain")
    sites = json.loads(streamed["sites.geojson"])["features"]
    assert {f["properties"]["sources"] for f in sites} == {"<stdin>"}
    runner = CliRunner()
    listed = {
        jobs: runner.invoke(cli, ["extract", "-", "--json", *jobs], input=REPORT.encode())
        for jobs in ((), ("--jobs", "1"))
    }
    for result in listed.values():
        assert result.exit_code == 0, result.output
    records = _records(listed[()].stdout)
    assert _records(listed[("--jobs", "1")].stdout) == records
    assert [(r["name"], r["count"], r["source"]) for r in records if r["site_id"]] == [
        ("Leicester Square", 4, "<stdin>"),
        ("Whitehall", 2, "<stdin>"),
    ]


@pytest.mark.parametrize("table_first", [False, True])
def test_a_streamed_run_over_reports_and_a_table_writes_what_a_plain_run_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, table_first: bool
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = _archive(tmp_path).relative_to(tmp_path)
    table = str(folder / "deployments.csv")
    inputs = [table, str(folder)] if table_first else [str(folder), table]
    runner = CliRunner()
    results = {
        name: runner.invoke(cli, ["map", *inputs, "-o", name, *extra])
        for name, extra in (
            ("plain", []),
            ("one", ["--jobs", "1"]),
            ("two", ["--jobs", "2", "--batch-size", "1"]),
        )
    }
    for result in results.values():
        assert result.exit_code == 0, result.output
        # The guessed column is said once, as a plain run says it.
        assert result.stderr.count(f"campmap: warning: {table}: {GUESSED}") == 1
    expected = _files(Path("plain"))
    assert _files(Path("one")) == expected
    assert _files(Path("two")) == expected
    features = json.loads(expected["sites.geojson"])["features"]
    sites = {f["id"]: f["properties"] for f in features}
    square = sites["leicester-square"]
    assert (square["deployments"], square["mentions"]) == (3, 4)
    assert square["sources"] == f"{folder / 'r1.txt'}; {table}"
    assert square["quote"] == "Four more cameras now face Leicester Square, the council said."
    assert sites["charing-cross-station"]["quote"] == "1,opp. Charing Cross station,2024-03-01,2"
    assert set(sites) == {
        "charing-cross-station",
        "junction-northumberland-avenue-strand",
        "leicester-square",
        "trafalgar-square",
        "whitehall",
    }
    (unresolved,) = json.loads(expected["report.json"])["unresolved"]
    assert unresolved["text"] == "Foxglove Lane"


def test_the_location_column_reaches_the_workers(tmp_path: Path) -> None:
    folder = _archive(tmp_path)
    table = folder / "deployments.csv"
    runner = CliRunner()
    named = ["--location-column", "Where"]
    plain = runner.invoke(cli, ["map", str(table), "-o", str(tmp_path / "plain"), *named])
    streamed = runner.invoke(
        cli, ["map", str(table), "-o", str(tmp_path / "one"), "--jobs", "1", *named]
    )
    assert plain.exit_code == 0 and streamed.exit_code == 0, streamed.output
    assert "guessed" not in streamed.output
    assert _files(tmp_path / "one") == _files(tmp_path / "plain")
    # A column the table lacks: the table fails as a bad report does in an archive run,
    # named with its line and the columns it has; a run with nothing else read fails.
    args = ["map", str(folder), str(table), "-o", str(tmp_path / "w"), "--jobs", "1", "-q"]
    wrong = runner.invoke(cli, [*args, "--location-column", "Site"])
    assert wrong.exit_code == 0, wrong.output
    assert (
        f"campmap: warning: {table.name}:1: no column 'Site'; the columns are "
        "'Ref', 'Where', 'Installed', 'Cameras'"
    ) in wrong.stderr
    assert "1 of 3 reports failed" in wrong.stderr
    alone = runner.invoke(
        cli, ["map", str(table), "-o", str(tmp_path / "a"), "--jobs", "1", "--location-column", "X"]
    )
    assert alone.exit_code == 1 and "no report could be read" in alone.output
    assert "Traceback" not in alone.output


def test_extract_lists_a_tables_rows_when_streaming(tmp_path: Path) -> None:
    folder = _archive(tmp_path)
    inputs = [str(folder / "deployments.csv"), str(folder)]
    runner = CliRunner()
    plain = runner.invoke(cli, ["extract", *inputs, "--json"])
    streamed = runner.invoke(cli, ["extract", *inputs, "--json", "--jobs", "1"])
    assert plain.exit_code == 0 and streamed.exit_code == 0, streamed.output
    records = _records(streamed.stdout)
    assert records == _records(plain.stdout)
    assert f"deployments.csv: {GUESSED}" in streamed.stderr
    # The reports first, then the tables, as a plain run lists them.
    assert records[0]["source"] == "archive/r1.txt"
    rows = [r for r in records if r["source"] == "deployments.csv"]
    assert [r["text"] for r in rows] == [
        "opp. Charing Cross station",
        "Strand j/o Northumberland Avenue",
        "Leicester Square, London",
        "Foxglove Lane",
        "Leicester Sq",
        "Leicester Sq",
    ]


def test_a_table_in_a_checkpointed_batch_resumes_like_a_report(tmp_path: Path) -> None:
    folder = _archive(tmp_path)
    inputs = [folder, folder / "deployments.csv"]
    checkpoint = tmp_path / "cp"
    fresh = map_corpus(inputs, batch_size=1)
    first = map_corpus(inputs, batch_size=1, checkpoint=checkpoint)
    assert first.stats.failed == 0 and first.stats.batches == 3
    assert len([p for p in checkpoint.iterdir() if not p.name.startswith(".")]) == 3
    warnings: list[str] = []
    again = map_corpus(inputs, batch_size=1, checkpoint=checkpoint, on_warning=warnings.append)
    assert warnings == []
    assert again.stats.resumed_batches == 3
    for run in (first, again):
        assert run.layers.sites.astype(str).to_dict("list") == (
            fresh.layers.sites.astype(str).to_dict("list")
        )
        assert run.layers.evidence == fresh.layers.evidence
        assert run.layers.document == fresh.layers.document
    # The guess is a problem of the run, kept in the checkpoint with its batch.
    assert f"deployments.csv: {GUESSED}" in [str(p) for p in again.layers.document.problems]
    # Another location column is another run: nothing of this one is resumed.
    named = map_corpus(inputs, batch_size=1, checkpoint=checkpoint, location_column="Where")
    assert named.stats.resumed_batches == 0
    assert not any("guessed" in str(p) for p in named.layers.document.problems)
