"""Outputs never reveal where the reports were on the user's machine (issue 19)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from campmap.cli.main import cli

REPORT = "Four cameras were installed on Whitehall last week, the council said.\n"
TABLE = "Where,Cameras\nLeicester Square,2\n"


@pytest.mark.parametrize("jobs", [[], ["--jobs", "1"]])
def test_a_home_folder_name_is_in_no_output(tmp_path: Path, jobs: list[str]) -> None:
    home = tmp_path / "home" / "jane-doe-secret"
    reports = home / "Documents" / "reports"
    (reports / "sub").mkdir(parents=True)
    (reports / "sub" / "whitehall.txt").write_text(REPORT, encoding="utf-8")
    (home / "single.txt").write_text("Two cameras watch Trafalgar Square.\n", encoding="utf-8")
    (home / "table.csv").write_text(TABLE, encoding="utf-8")
    out = tmp_path / "published"
    args = [str(reports), str(home / "single.txt"), str(home / "table.csv"), "-o", str(out)]
    result = CliRunner().invoke(cli, ["map", *args, "--embed", *jobs])
    assert result.exit_code == 0, result.output
    written = sorted(p for p in out.rglob("*") if p.is_file() and p.name != ".campmap.lock")
    assert {p.name for p in written} >= {"map.html", "sites.geojson", "report.json", "sites.csv"}
    for path in written:
        data = path.read_bytes()
        for secret in (b"jane-doe-secret", str(tmp_path).encode(), b"/home/"):
            assert secret not in data, (path.name, secret)
    # Each file is named from the input it was found under down.
    text = (out / "report.json").read_text(encoding="utf-8")
    assert "reports/sub/whitehall.txt" in text and "single.txt" in text and "table.csv" in text
