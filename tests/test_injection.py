"""Injection: markup, JavaScript, spreadsheet formulas, path traversal and control characters
in report text, file names, gazetteer names and review notes are inert in every output.

One run of the real CLI carries every kind of payload through every input it can
enter by; then each output is checked: map.html opened in Debian's chromium
(nothing runs, nothing is added to the page, the text is shown as text),
sites.csv and the review sheet (no cell a spreadsheet would run), the GeoJSON
(the text kept exactly, as data), the folder tree (nothing written outside the
output folder) and the terminal (no escape sequence printed).
"""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner
from test_browser import Visit, browser  # noqa: F401  (the module-scoped chromium fixture)

from campmap.cli.main import cli
from campmap.newsroom import read_review

FORMULA = "=cmd|' /C calc'!A0"
PLACE = f'{FORMULA}<img src=x onerror="window.pwned=1">Quarry Lane'
PROVENANCE = "javascript:window.pwned=2</script><script>window.pwned=2</script>"
NOTE = '+HYPERLINK("http://evil.invalid")<svg onload=window.pwned=3>'
REPORT_NAME = '@SUM(1)<img src=z onerror="window.pwned=4">.txt'
TERMINAL = "\x1b]0;owned\x07\x1b[2J"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """Map hostile inputs with a reviewed sheet; return the folder, CLI outputs and the tree."""
    root = tmp_path_factory.mktemp("hostile")
    gazetteer = root / "places.csv"
    with gazetteer.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "name", "kind", "lat", "lon", "aliases", "source"])
        writer.writerow(["../../../escape", PLACE, "street", "52.001", "-1.001", "Quarry Lane",
                         PROVENANCE])  # fmt: skip
        writer.writerow([f"ctl{TERMINAL}", f"Kiln Row{TERMINAL}", "street", "52.002", "-1.0",
                         "Kiln Row", "made up"])  # fmt: skip
    reports = root / "in" / "sub"
    reports.mkdir(parents=True)
    (reports / REPORT_NAME).write_text(
        "Two cameras were installed on Quarry Lane <script>window.pwned=5</script>. "
        f"Three cameras went up on Kiln Row {FORMULA} {TERMINAL}.\n",
        encoding="utf-8",
    )
    (reports / f"nothing{TERMINAL}.txt").write_text("The weather was fine.\n", encoding="utf-8")
    # Inputs named through "..": they are read, and named so, but nothing is written there.
    inputs = [str(reports / ".." / "sub" / REPORT_NAME), str(reports / f"nothing{TERMINAL}.txt")]
    runner = CliRunner()
    sheet = root / "review.csv"
    common = ["--gazetteer", str(gazetteer)]
    made = runner.invoke(cli, ["review", "-o", str(sheet), *common, *inputs])
    assert made.exit_code == 0, made.output
    rows = list(csv.DictReader(sheet.open(encoding="utf-8")))
    for row in rows:
        row.update(action="accept", set_count="7", note=NOTE)
    with sheet.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    mapped = runner.invoke(
        cli, ["map", "-o", str(root / "out"), "--title", NOTE, "--review", str(sheet),
              *common, *inputs],
    )  # fmt: skip
    assert mapped.exit_code == 0, mapped.output
    again = runner.invoke(cli, ["review", "-o", str(sheet), *common, *inputs])  # campmap rewrites
    assert again.exit_code == 0, again.output
    tree = sorted(str(p.relative_to(root)) for p in root.rglob("*"))
    return root / "out", made.output + mapped.output, tree, root


def test_the_payloads_reach_the_outputs_as_data(run):
    out, _, _, _ = run
    sites = json.loads((out / "sites.geojson").read_text(encoding="utf-8"))["features"]
    names = sorted(f["properties"]["name"] for f in sites)
    assert PLACE in names  # kept exactly: escaping is the renderer's job, not the data's
    quarry = next(f["properties"] for f in sites if f["properties"]["name"] == PLACE)
    assert quarry["review_note"] == NOTE and quarry["count"] == 7
    assert REPORT_NAME in quarry["sources"]


def test_nothing_is_written_outside_the_output_folder(run):
    _, _, tree, _ = run
    beside = ("in", "out/", "places.csv", "review.csv", "review-columns.csv")  # the sheet's guide
    written = [p for p in tree if not p.startswith(beside)]
    assert written == ["out"]
    assert not any("escape" in p for p in tree)


def test_no_spreadsheet_cell_is_a_formula_and_no_control_character_is_left(run):
    out, _, _, root = run
    for sheet in (out / "sites.csv", root / "review.csv"):
        text = sheet.read_text(encoding="utf-8")
        if sheet.name == "sites.csv":  # the review sheet keeps them, so that its ids still match
            assert "\x1b" not in text and "\x07" not in text
        cells = [cell for row in csv.reader(text.splitlines()) for cell in row]
        assert "'" + NOTE in cells, sheet.name  # there, and defused
        for cell in cells:
            if not _number(cell):
                assert not cell.startswith(FORMULA_START), (sheet.name, cell)
    cells = [c for row in csv.reader((out / "sites.csv").open(encoding="utf-8")) for c in row]
    assert "'" + PLACE in cells


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_the_terminal_gets_no_escape_sequence(run):
    _, printed, _, _ = run
    assert "\x1b" not in printed and "\x07" not in printed
    assert "\\x1b" in printed  # the file name is shown, escaped


@pytest.mark.browser
def test_nothing_runs_in_the_map_and_the_text_shows_as_text(run, browser):  # noqa: F811
    out, _, _, _ = run
    visit = Visit(browser, out / "map.html")
    try:
        page = visit.page
        for marker in page.locator(".leaflet-marker-icon").all():
            marker.dispatch_event("click")
            page.wait_for_timeout(50)
            for link in page.locator(".leaflet-popup-content a").all():
                link.dispatch_event("click")
        assert page.evaluate("typeof window.pwned") == "undefined"
        assert visit.dialogs == []
        assert page.locator("img[src='x'], img[src='z'], svg[onload]").count() == 0
        page.locator(".leaflet-marker-icon[title*='Quarry Lane']").dispatch_event("click")
        popup = page.locator(".leaflet-popup-content", has_text="Quarry Lane")
        assert PLACE in popup.inner_text()
        assert page.title() == NOTE
    finally:
        visit.close()


SPLIT_FORMULAS = {
    "semicolon": "Quarry Lane;=HYPERLINK(1)",
    "pipe": "Kiln Row | @SUM(1)",
    "tab": "Mill Yard\t+1+1",
    "comma": 'Weir Steps, "-2+3"',
}


def _read_as_formula(text: str, delimiter: str) -> list[str]:
    """Cells a spreadsheet splitting at ``delimiter`` would run, quotes honoured or not."""
    found = []
    for line in text.splitlines():
        for cell in line.split(delimiter):
            bare = cell.strip().lstrip('"').strip()
            if bare.startswith(("=", "+", "-", "@")) and not _number(bare.rstrip('"')):
                found.append(bare)
    return found


def test_no_cell_is_a_formula_whichever_delimiter_a_spreadsheet_splits_at(tmp_path):
    """A ;-separated locale read the comma CSV's 'Quarry Lane;=HYPERLINK(1)' as two cells, the
    second a formula: every part a delimiter could make a cell of is defused, and quoted."""
    gazetteer = tmp_path / "places.csv"
    with gazetteer.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "name", "aliases", "lat", "lon", "source"])
        for n, (key, name) in enumerate(SPLIT_FORMULAS.items()):
            alias = name.split(";")[0].split("|")[0].split("\t")[0].split(",")[0].strip()
            writer.writerow([key, name, alias, f"52.00{n}", f"-1.00{n}", f"survey;=1+{n}"])
    report = tmp_path / "r.txt"
    report.write_text(
        "Two cameras were installed on Quarry Lane, three on Kiln Row, four at Mill Yard and "
        "five at Weir Steps.\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    sheet = tmp_path / "review.csv"
    common = ["--gazetteer", str(gazetteer), str(report)]
    assert runner.invoke(cli, ["review", "-o", str(sheet), *common]).exit_code == 0
    rows = list(csv.DictReader(sheet.open(encoding="utf-8", newline="")))
    for row in rows:
        row.update(note="seen; @SUM(2) | -3+4", verification="photo-confirmed")
    with sheet.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    out = tmp_path / "out"
    mapped = runner.invoke(cli, ["map", "-o", str(out), "--review", str(sheet), *common])
    assert mapped.exit_code == 0, mapped.output
    assert runner.invoke(cli, ["review", "-o", str(sheet), *common]).exit_code == 0
    for path in (out / "sites.csv", sheet):
        text = path.read_text(encoding="utf-8")
        for delimiter in (",", ";", "\t", "|"):
            assert _read_as_formula(text, delimiter) == [], (path.name, delimiter)
    # The text survives: read as CSV, every cell holds it (an apostrophe before each formula);
    # numbers stay bare, so a spreadsheet still reads a negative longitude as a number.
    sites = list(csv.DictReader((out / "sites.csv").open(encoding="utf-8", newline="")))
    assert sorted(s["name"] for s in sites) == sorted(
        [
            "Quarry Lane;'=HYPERLINK(1)",
            "Kiln Row | '@SUM(1)",
            "Mill Yard\t'+1+1",
            'Weir Steps, "\'-2+3"',
        ]
    )
    assert all(s["review_note"] == "seen; '@SUM(2) | '-3+4" for s in sites)
    assert all(float(s["lon"]) < 0 for s in sites)
    assert ",-1.00" in (out / "sites.csv").read_text(encoding="utf-8")  # bare, not quoted
    # The review sheet reads back as written: the note is the reviewer's, not defused.
    notes = {d.note for d in read_review(sheet)}
    assert notes == {"seen; @SUM(2) | -3+4"}
