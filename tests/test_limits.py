"""Huge and pathological inputs: bounded memory and time, or a refusal that names the limit.

Inputs are generated in a temporary folder. Each run is the real ``campmap map``
command in a child process that reports its own peak memory (``getrusage``);
memory is compared with a baseline run on a small report, not with a fixed
figure, and nothing asserts on time (the child has a generous timeout: a hang
fails the test).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from campmap.limits import MAX_PARAGRAPH_CHARS, MAX_REPORT_BYTES, MAX_TABLE_ROWS

TOWN = Path(__file__).resolve().parent / "data" / "town.geojson"
HEADROOM_MB = 300
"""Largest growth of peak memory over the baseline run that counts as bounded."""

_CHILD = """
import json, resource, sys
from campmap.cli.main import cli
try:
    cli(sys.argv[2:], prog_name="campmap")
finally:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    with open(sys.argv[1], "w") as out:
        json.dump({"peak_mb": peak}, out)
"""


def run_map(tmp_path: Path, *args: str, stdin: Path | None = None) -> tuple[int, str, int]:
    """Run ``campmap map ARGS`` in a child; return its exit code, stderr and peak memory (MB)."""
    stats = tmp_path / f"stats-{len(list(tmp_path.glob('stats-*')))}.json"
    with open(stdin or "/dev/null", "rb") as feed:
        child = subprocess.run(
            [sys.executable, "-c", _CHILD, str(stats), "map", "-q", "-o", str(tmp_path / "out"),
             "--gazetteer", str(TOWN), *args],
            stdin=feed, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
    assert "Traceback" not in child.stderr, child.stderr
    peak = json.loads(stats.read_text())["peak_mb"]
    print(f"campmap map {' '.join(args)}: exit {child.returncode}, peak {peak} MB")
    return child.returncode, child.stderr, peak


@pytest.fixture(scope="module")
def baseline_mb(tmp_path_factory) -> int:
    tmp = tmp_path_factory.mktemp("baseline")
    report = tmp / "small.txt"
    report.write_text("Two cameras were installed on High Street in Brackwell.\n")
    code, err, peak = run_map(tmp, str(report))
    assert code in (0, 1), err
    return peak


def test_a_200_mb_report_is_refused_before_it_is_read(tmp_path, baseline_mb):
    report = tmp_path / "huge.txt"
    with report.open("wb") as out:
        line = b"Four cameras were installed on High Street and two on Mill Road.\n"
        for _ in range(200 * 1024 * 1024 // len(line) + 1):  # ~200 MB of real text
            out.write(line)
    code, err, peak = run_map(tmp_path, str(report))
    assert code == 1
    assert f"larger than MAX_REPORT_BYTES ({MAX_REPORT_BYTES})" in err
    assert f"{report.name}: " in err
    assert peak < baseline_mb + 50, (peak, baseline_mb)  # never read into memory


def test_a_200_mb_report_on_standard_input_is_refused_after_the_limit(tmp_path, baseline_mb):
    huge = tmp_path / "huge.bin"
    with huge.open("wb") as out:
        out.truncate(200 * 1024 * 1024)  # sparse: no disk used
    code, err, peak = run_map(tmp_path, "-", stdin=huge)
    assert code == 1
    assert f"<stdin>: larger than MAX_REPORT_BYTES ({MAX_REPORT_BYTES} bytes)" in err
    assert peak < baseline_mb + HEADROOM_MB, (peak, baseline_mb)


def test_a_million_line_csv_is_refused_at_the_row_limit(tmp_path, baseline_mb):
    table = tmp_path / "million.csv"
    with table.open("w", encoding="utf-8") as out:
        out.write("location,cameras\n")
        for i in range(1_000_000):
            out.write(f"High Street,{i % 7}\n")
    code, err, peak = run_map(tmp_path, str(table))
    assert code == 1
    assert (
        f"{table.name}:{MAX_TABLE_ROWS + 2}: more than MAX_TABLE_ROWS ({MAX_TABLE_ROWS}) rows"
        in err
    )
    assert peak < baseline_mb + HEADROOM_MB, (peak, baseline_mb)


def test_a_report_of_one_10_mb_line_is_refused_with_the_limit_named(tmp_path, baseline_mb):
    report = tmp_path / "one-line.txt"
    sentence = "Two cameras were installed on High Street. "
    report.write_text(sentence * (10_000_000 // len(sentence)), encoding="utf-8")
    code, err, peak = run_map(tmp_path, str(report))
    assert code == 1
    assert f"more than MAX_PARAGRAPH_CHARS ({MAX_PARAGRAPH_CHARS})" in err
    assert peak < baseline_mb + HEADROOM_MB, (peak, baseline_mb)


def test_a_long_line_under_the_limit_is_still_mapped(tmp_path):
    report = tmp_path / "long.txt"
    filler = "The council met on Tuesday to discuss the budget again. " * 2000  # ~112k chars
    report.write_text(filler + "Two cameras were installed on High Street.", encoding="utf-8")
    code, err, _ = run_map(tmp_path, str(report))
    assert code == 0, err
    sites = json.loads((tmp_path / "out" / "sites.geojson").read_text())["features"]
    assert [f["properties"]["name"] for f in sites] == ["High Street"]


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_deeply_nested_html_ends_in_bounded_time_and_memory(tmp_path, baseline_mb, depth):
    page = tmp_path / "nested.html"
    page.write_text(
        "<html><body><p>Three cameras were installed on High Street in Brackwell.</p>"
        + "<div><span>" * depth + "Two cameras on Mill Road." + "</span></div>" * depth
        + "</body></html>",
        encoding="utf-8",
    )  # fmt: skip
    code, err, peak = run_map(tmp_path, str(page))
    assert code == 0, err  # mapped (text nested past libxml2's depth limit is dropped, not fatal)
    sites = json.loads((tmp_path / "out" / "sites.geojson").read_text())["features"]
    assert "High Street" in [f["properties"]["name"] for f in sites]
    assert peak < baseline_mb + HEADROOM_MB, (peak, baseline_mb)
