"""The one input walker: the same rules for plain runs and archive runs (issue 14)."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from campmap import map_corpus, read_sources
from campmap.errors import InputError
from campmap.extract.tables import is_table
from campmap.sources.corpus import iter_reports, load_report
from campmap.sources.walk import (
    SUFFIXES,
    TABLE_SUFFIXES,
    InputKind,
    kind_of,
    walk_inputs,
)

GAZETTEER = Path(__file__).parent / "data" / "reports" / "gazetteer.geojson"
REPORT = "Westminster council has installed four new CCTV cameras on Whitehall."


def _tree(root: Path) -> Path:
    """A folder of every kind of input, hidden names and links of every sort."""
    folder = root / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.txt").write_text(REPORT, encoding="utf-8")
    (folder / "sub" / "c.md").write_text(REPORT.replace("four", "two"), encoding="utf-8")
    (folder / ".hidden.txt").write_text(REPORT, encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF")
    (folder / "d.txt.gz").write_bytes(gzip.compress(REPORT.encode()))
    (folder / "e.jsonl").write_text(json.dumps({"text": REPORT}) + "\n", encoding="utf-8")
    (folder / "f.csv").write_text("location,count\nWhitehall,2\n", encoding="utf-8")
    outside = root / "outside"
    outside.mkdir()
    (outside / "elsewhere.txt").write_text(REPORT, encoding="utf-8")
    (folder / "linked.txt").symlink_to(outside / "elsewhere.txt")
    (folder / "out").symlink_to(outside)
    (folder / "sub" / "loop").symlink_to("..")
    (folder / "broken.txt").symlink_to(root / "nowhere.txt")
    return folder


def test_the_suffix_table_is_the_one_every_reader_uses() -> None:
    assert tuple(s for s, k in SUFFIXES.items() if k is InputKind.TABLE) == TABLE_SUFFIXES
    for name in ("a.csv", "A.TSV", "a.txt", "a.jsonl", "a.csv.gz", "a.pdf"):
        assert is_table(name) == (kind_of(name) is InputKind.TABLE), name


def test_plain_and_archive_runs_walk_a_folder_by_the_same_rules(tmp_path: Path) -> None:
    folder = _tree(tmp_path)
    reports = {InputKind.REPORT}
    plain = [found.path for found in walk_inputs([folder], kinds=reports)]
    names = [Path(p).relative_to(folder).as_posix() for p in plain]
    # Name order, depth first; hidden names, links to folders and broken links left out.
    assert names == ["b.txt", "d.txt.gz", "linked.txt", "sub/c.md"]
    archive = [r.label for r in iter_reports([folder])]
    shown = [Path(p).relative_to(folder.parent).as_posix() for p in plain]  # from the folder down
    assert archive == [*shown[:2], f"{folder.name}/e.jsonl:1", *shown[2:]]
    # A plain run reads what an archive run reads (a compressed report, a JSON line).
    assert [s.label for s in read_sources([folder]).sources] == archive
    every = [(Path(f.path).name, f.kind) for f in walk_inputs([folder])]
    assert ("f.csv", InputKind.TABLE) in every and ("e.jsonl", InputKind.JSON_LINES) in every


def test_a_folder_is_named_alike_however_it_is_written(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    _tree(tmp_path)
    plain = [s.label for s in read_sources(["./in"]).sources]
    assert plain[0] == "in/b.txt"
    archive = [r.label for r in iter_reports(["./in"]) if r.kind is InputKind.REPORT]
    assert archive == plain


def test_an_empty_folder_is_a_warning_in_plain_runs_and_an_error_in_archive_runs(
    tmp_path: Path,
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.docx").write_bytes(b"PK\x03\x04")
    (problem,) = read_sources([empty]).problems
    assert str(problem).startswith(f"{empty}: folder holds no reports (looked for .htm, .html")
    with pytest.raises(InputError, match=r"empty: folder holds no reports \(looked for .htm"):
        list(iter_reports([empty]))


def test_plain_runs_take_names_literally_archive_runs_expand_patterns(tmp_path: Path) -> None:
    folder = _tree(tmp_path)
    pattern = str(folder / "*.txt")
    with pytest.raises(InputError, match=r"\*\.txt: no such file or folder"):
        read_sources([pattern])
    assert [Path(r.label).name for r in iter_reports([pattern])] == ["b.txt", "linked.txt"]


def test_archive_runs_read_standard_input_as_one_report() -> None:
    (report,) = iter_reports(["-"], stdin=io.BytesIO(REPORT.encode("cp1252")))
    assert report.label == "<stdin>" and report.kind is InputKind.STDIN
    assert load_report(report).text == REPORT
    # As a plain run reads it.
    plain = read_sources(["-"], stdin=io.BytesIO(REPORT.encode("cp1252"))).sources[0]
    assert load_report(report) == plain


def test_an_archive_run_maps_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(REPORT.encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    run = map_corpus(["-"], gazetteer_files=[GAZETTEER])
    assert run.stats.reports == 1 and run.stats.failed == 0
    assert [s.label for s in run.layers.document.sources] == ["<stdin>"]


def test_archive_walker_yields_tables(tmp_path: Path) -> None:
    folder = _tree(tmp_path)
    assert not [r for r in iter_reports([folder]) if r.kind is InputKind.TABLE]
    (table,) = [r for r in iter_reports([folder], tables=True) if r.kind is InputKind.TABLE]
    assert table.path == str(folder / "f.csv") and table.label == f"{folder.name}/f.csv"
    (named,) = iter_reports([folder / "f.csv"])
    assert named.kind is InputKind.TABLE
    with pytest.raises(InputError, match=r"f\.csv: a table of deployments"):
        load_report(named)
