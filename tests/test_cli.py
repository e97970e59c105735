from __future__ import annotations

import json
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from campmap.cli.main import cli
from campmap.export import OUTPUT_FILES


@pytest.fixture
def runner():
    return CliRunner()


def all_commands(group: click.Group, prefix=()):
    for name, command in group.commands.items():
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from all_commands(command, (*prefix, name))


def test_every_command_has_help(runner):
    for path, command in all_commands(cli):
        assert command.help, f"campmap {' '.join(path)} has no help text"
        result = runner.invoke(cli, [*path, "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output


def test_map_with_no_input_maps_the_bundled_example(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["map"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "campmap-out").iterdir()) == sorted(OUTPUT_FILES)
    assert "wrote campmap-out/map.html" in result.output


def test_map_to_a_chosen_folder_and_from_stdin(runner, tmp_path):
    report = "Three new cameras were put up outside the Banqueting House on Whitehall."
    result = runner.invoke(cli, ["map", "-", "-o", str(tmp_path / "out"), "-q"], input=report)
    assert result.exit_code == 0, result.output
    sites = json.loads((tmp_path / "out" / "sites.geojson").read_text())["features"]
    assert [(f["properties"]["name"], f["properties"]["count"]) for f in sites] == [
        ("Banqueting House", 3)
    ]
    assert sites[0]["properties"]["sources"] == "<stdin>"


def test_extract_json_fields(runner, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("Two cameras face Leicester Square. Officials in China were not told.")
    result = runner.invoke(cli, ["extract", str(path), "--json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)
    assert [(r["text"], r["role"], r["count"], r["resolved"]) for r in records] == [
        ("Leicester Square", "site", 2, True),
        ("China", "context", None, False),
    ]
    first = records[0]
    required = {
        "text",
        "name",
        "role",
        "count",
        "resolved",
        "site_id",
        "quote",
        "source",
        "start",
        "end",
    }
    assert required <= set(first)
    text = path.read_text()
    assert text[first["start"] : first["end"]] == "Leicester Square"
    assert first["site_id"] == "leicester-square" and first["source"] == path.name


def test_gazetteer_find(runner):
    result = runner.invoke(cli, ["gazetteer", "find", "Hoarse Guards Road"])
    assert result.exit_code == 0
    assert result.output.startswith("horse-guards-road: Horse Guards Road (street, line)")
    result = runner.invoke(cli, ["gazetteer", "find", "Admiralty Arch", "--json"])
    (record,) = json.loads(result.output)
    assert record["kind"] == "arch" and record["place_kind"] == "point" and record["source"]
    result = runner.invoke(cli, ["gazetteer", "find", "Zzyzx Qwerty"])
    assert result.exit_code == 1 and "nothing known as 'Zzyzx Qwerty'" in result.output


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "missing.txt: no such file or folder"),
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(100), "photo.jpg: binary file"),
        ("empty.txt", b"\n \n", "empty.txt: empty report"),
    ],
)
def test_bad_input_is_one_clear_line_and_writes_nothing(runner, tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    out = tmp_path / "out"
    result = runner.invoke(cli, ["map", str(path), "-o", str(out)])
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_folder_without_reports_and_undecodable_text(runner, tmp_path):
    empty = tmp_path / "empty-folder"
    empty.mkdir()
    (empty / "notes.docx").write_bytes(b"PK\x03\x04")
    result = runner.invoke(cli, ["map", str(empty), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert f"Error: {empty}: folder holds no reports (looked for .htm, .html" in result.output
    noise = bytes((i * 73 + 130) % 128 + 128 for i in range(400))
    garbled = tmp_path / "garbled.txt"
    garbled.write_bytes(b"Cameras on the Mall.\n" + noise)
    result = runner.invoke(cli, ["map", str(garbled), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "Error: garbled.txt:2: cannot decode" in result.output
    assert not (tmp_path / "out").exists()


def test_report_without_cameras_is_an_error_and_writes_nothing(runner, tmp_path):
    path = tmp_path / "weather.txt"
    path.write_text("It rained on Whitehall all afternoon; 2,000 people stayed at home.")
    result = runner.invoke(cli, ["map", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "weather.txt: no camera sites found" in result.output
    assert "no camera sites or routes found" in result.output
    assert not (tmp_path / "out").exists()


def test_unplaceable_sites_are_reported_and_the_exit_code_says_so(runner, tmp_path):
    path = tmp_path / "elsewhere.txt"
    path.write_text("Four cameras were installed on Tannery Lane and Cobbler Road.")
    result = runner.invoke(cli, ["map", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "could not place 'Tannery Lane'" in result.output
    assert "nothing could be placed: 2 unresolved mentions" in result.output
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert [u["text"] for u in report["unresolved"]] == ["Tannery Lane", "Cobbler Road"]


def test_one_bad_file_among_good_ones_is_a_warning(runner, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Two cameras face Leicester Square.")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x00\x00")
    result = runner.invoke(cli, ["map", str(good), str(bad), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0
    assert "campmap: warning: bad.txt: binary file" in result.output


def test_real_command_prints_no_traceback(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "campmap", "map", str(tmp_path / "nope.txt")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1
    assert run.stderr.strip() == f"Error: {tmp_path / 'nope.txt'}: no such file or folder"
