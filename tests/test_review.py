"""The newsroom loop: review sheet, decisions applied, re-runs, diff."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import campmap
from campmap.cli.main import cli
from campmap.errors import MoveTooFarError
from campmap.export.report import report_dict
from campmap.layer import OutdatedDecision, ReviewSummary, StaleDecision
from campmap.newsroom import (
    REVIEW_COLUMNS,
    Decision,
    ReviewError,
    quote_hash,
    read_review,
    unresolved_id,
)
from campmap.newsroom.decisions import MAX_MOVE_KM, REVIEWER_COLUMNS

FIRST = (
    "Four cameras face Leicester Square, with two at Piccadilly Circus. "
    "Other cameras watch Covent Garden and Tannery Lane. "
    "The mayor spoke at the Royal Opera House."
)
TOWN = Path(__file__).parent / "data" / "town.geojson"
SECOND = FIRST.replace(
    "Four cameras face Leicester Square, with two", "Six cameras face Leicester Square, with two"
)
SECOND = SECOND.replace(
    "Other cameras watch Covent Garden and", "Other cameras watch Soho Square and"
)


def read_rows(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_rows(path, rows):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=REVIEW_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def decide(rows, site_id, **columns):
    row = next(r for r in rows if r["site_id"] == site_id)
    row.update(columns)


@pytest.fixture
def runner():
    return CliRunner()


def test_review_sheet_lists_sites_routes_context_and_unresolved(runner, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(
        FIRST
        + " Ten cameras line the route along Whitehall from Trafalgar Square to Parliament Square."
    )
    result = runner.invoke(cli, ["review", str(report), "-o", str(tmp_path / "review.csv")])
    assert result.exit_code == 0, result.output
    rows = read_rows(tmp_path / "review.csv")
    kinds = {r["site_id"]: r["type"] for r in rows}
    assert kinds["leicester-square"] == "site" and kinds["piccadilly-circus"] == "site"
    assert kinds["route-trafalgar-square-to-parliament-square"] == "route"
    assert kinds["royal-opera-house"] == "context"
    assert kinds[unresolved_id("Tannery Lane")] == "unresolved"
    leicester = next(r for r in rows if r["site_id"] == "leicester-square")
    assert leicester["count"] == "4" and leicester["quote"].startswith("Four cameras face")
    assert leicester["action"] == leicester["verification"] == ""


def test_decisions_apply_and_survive_a_changed_report(runner, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(FIRST)
    sheet = tmp_path / "review.csv"
    assert runner.invoke(cli, ["review", str(report), "-o", str(sheet)]).exit_code == 0
    rows = read_rows(sheet)
    decide(rows, "piccadilly-circus", action="reject", note="the cameras belong to a shop")
    decide(rows, "leicester-square", verification="photo-confirmed", note="photo 12 May")
    decide(rows, "covent-garden", action="move", move_to="51.51203, -0.12260", set_count="3")
    decide(rows, "royal-opera-house", action="accept", set_count="1", verification="disputed")
    decide(rows, unresolved_id("Tannery Lane"), action="move", move_to="Long Acre")
    write_rows(sheet, rows)

    first = tmp_path / "first"
    result = runner.invoke(cli, ["map", str(report), "-o", str(first), "--review", str(sheet)])
    assert result.exit_code == 0, result.output
    sites = {f["id"]: f for f in json.loads((first / "sites.geojson").read_text())["features"]}
    assert "piccadilly-circus" not in sites
    assert sites["leicester-square"]["properties"]["verification"] == "photo-confirmed"
    assert sites["leicester-square"]["properties"]["review_note"] == "photo 12 May"
    covent = sites["covent-garden"]
    assert covent["geometry"]["coordinates"] == [-0.1226, 51.51203]
    assert covent["properties"]["count"] == 3 and covent["properties"]["uncertainty_m"] == 0.0
    opera = sites["royal-opera-house"]["properties"]
    assert opera["count"] == 1 and opera["verification"] == "disputed"
    tannery = sites[unresolved_id("Tannery Lane")]["properties"]
    assert tannery["name"] == "Long Acre" and tannery["written_as"] == "Tannery Lane"
    assert tannery["place_id"] == "long-acre"
    report_json = json.loads((first / "report.json").read_text())
    assert report_json["unresolved"] == [] and report_json["review"]["stale"] == []
    assert "photo-confirmed" in (first / "map.html").read_text()
    assert "photo-confirmed" in (first / "sites.csv").read_text()

    # The article changes: Leicester Square now has six cameras, Covent Garden is gone.
    report.write_text(SECOND)
    second = tmp_path / "second"
    result = runner.invoke(cli, ["map", str(report), "-o", str(second), "--review", str(sheet)])
    assert result.exit_code == 0, result.output
    assert (
        f"{sheet}:" in result.output
        and "'covent-garden' matches nothing in this run" in result.output
    )
    sites2 = {f["id"]: f for f in json.loads((second / "sites.geojson").read_text())["features"]}
    assert sites2["leicester-square"]["properties"]["verification"] == "photo-confirmed"
    assert sites2["leicester-square"]["properties"]["count"] == 6
    assert "piccadilly-circus" not in sites2 and "soho-square" in sites2
    stale = json.loads((second / "report.json").read_text())["review"]["stale"]
    assert [s["site_id"] for s in stale] == ["covent-garden"]

    # The sheet for the new run keeps every decision, the stale one at the end.
    assert runner.invoke(cli, ["review", str(report), "-o", str(sheet)]).exit_code == 0
    rows = read_rows(sheet)
    assert (
        next(r for r in rows if r["site_id"] == "leicester-square")["verification"]
        == "photo-confirmed"
    )
    assert rows[-1]["site_id"] == "covent-garden" and rows[-1]["type"] == "stale"
    assert rows[-1]["move_to"] == "51.51203, -0.12260"

    result = runner.invoke(cli, ["diff", str(first), str(second)])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert "added soho-square: Soho Square (count None)" in lines
    assert "removed covent-garden: Covent Garden" in lines
    assert "count leicester-square: Leicester Square 4 -> 6" in lines
    diff = json.loads(runner.invoke(cli, ["diff", str(first), str(second), "--json"]).output)
    assert [c["id"] for c in diff["counts"]] == ["leicester-square"]


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("site_id", "no-such-place", "line 2: column site_id: unknown site id 'no-such-place'"),
        ("move_to", "95, 400", "column move_to: '95, 400' is not 'lat, lon' in degrees"),
        ("verification", "confirmed-ish", "column verification: 'confirmed-ish' is not one of"),
        ("set_count", "four", "column set_count: 'four' is not a whole number"),
        ("set_count", "9" * 20, "column set_count: more than MAX_COUNT (9007199254740991) cameras"),
        ("action", "delete", "column action: 'delete' is not one of accept, reject, move"),
    ],
)
def test_malformed_review_sheet_names_row_and_column_and_writes_nothing(
    runner, tmp_path, column, value, message
):
    report = tmp_path / "report.txt"
    report.write_text(FIRST)
    sheet = tmp_path / "review.csv"
    row = dict.fromkeys(REVIEW_COLUMNS, "")
    row["site_id"] = "leicester-square"
    row["note"] = "checked by the desk"
    if column == "move_to":
        row["action"] = "move"
    row[column] = value
    write_rows(sheet, [row])
    out = tmp_path / "out"
    result = runner.invoke(cli, ["map", str(report), "-o", str(out), "--review", str(sheet)])
    assert result.exit_code == 1
    assert message.replace("line 2: ", "") in result.output
    assert f"{sheet}:2:" in result.output
    assert not out.exists()


def test_moving_to_an_unknown_place_or_a_route_is_an_error(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(
        "Ten cameras line the route along Whitehall from Trafalgar Square to Parliament Square. "
        "Four cameras face Leicester Square."
    )
    layers = campmap.map_reports([report])
    with pytest.raises(ReviewError, match="no place known as 'Atlantis Row'"):
        campmap.apply_review(
            layers, [campmap.Decision("leicester-square", 2, "move", "Atlantis Row")]
        )
    with pytest.raises(ReviewError, match="a route cannot be moved"):
        campmap.apply_review(
            layers,
            [campmap.Decision("route-trafalgar-square-to-parliament-square", 3, "move", "1, 1")],
        )


def test_read_review_keeps_only_rows_with_decisions(tmp_path):
    sheet = tmp_path / "review.csv"
    rows = [dict.fromkeys(REVIEW_COLUMNS, "") for _ in range(3)]
    for i, row in enumerate(rows):
        row["site_id"] = f"site-{i}"
    rows[1]["note"] = "checked"
    write_rows(sheet, rows)
    assert [d.site_id for d in read_review(sheet)] == ["site-1"]
    rows[2]["site_id"] = "site-1"
    write_rows(sheet, rows)
    with pytest.raises(
        ReviewError, match=r"review.csv:4: column site_id: 'site-1' is already on line 3"
    ):
        read_review(sheet)


@pytest.mark.parametrize("breaker", ["\x85", "\u2028", "\x0c", "\x1c", "\v"])
def test_line_breaks_only_python_splits_on_keep_every_row_whole(runner, tmp_path, breaker):
    """NEL, U+2028, a form feed...: CSV rows end at \\n or \\r only, so no decision is lost."""
    report = tmp_path / "report.txt"
    report.write_text(FIRST)
    sheet = tmp_path / "review.csv"
    assert runner.invoke(cli, ["review", str(report), "-o", str(sheet)]).exit_code == 0
    rows = read_rows(sheet)
    for row in rows:  # a report's quote, as a spreadsheet saves it (not quoted: no \n in it)
        row["quote"] = row["quote"].replace(" ", breaker, 1)
    decide(rows, "leicester-square", verification="photo-confirmed", note=f"photo{breaker}12 May")
    decide(rows, "piccadilly-circus", action="reject")
    write_rows(sheet, rows)
    decisions = {d.site_id: d for d in read_review(sheet)}
    assert set(decisions) == {"leicester-square", "piccadilly-circus"}
    assert decisions["leicester-square"].note == f"photo{breaker}12 May"
    out = tmp_path / "out"
    result = runner.invoke(cli, ["map", str(report), "-o", str(out), "--review", str(sheet)])
    assert result.exit_code == 0, result.output
    sites = {f["id"]: f for f in json.loads((out / "sites.geojson").read_text())["features"]}
    assert "piccadilly-circus" not in sites
    assert sites["leicester-square"]["properties"]["verification"] == "photo-confirmed"


def test_a_nul_in_a_review_note_is_dropped_so_every_output_agrees(runner, tmp_path):
    """GDAL cut a note at a NUL in sites.geojson while report.json and sites.csv kept the rest."""
    report = tmp_path / "report.txt"
    report.write_text(FIRST)
    sheet = tmp_path / "review.csv"
    assert runner.invoke(cli, ["review", str(report), "-o", str(sheet)]).exit_code == 0
    rows = read_rows(sheet)
    decide(rows, "leicester-square", note="photo\0 12 May", verification="photo-confirmed")
    write_rows(sheet, rows)
    assert {d.site_id: d.note for d in read_review(sheet)} == {"leicester-square": "photo 12 May"}
    out = tmp_path / "out"
    result = runner.invoke(cli, ["map", str(report), "-o", str(out), "--review", str(sheet)])
    assert result.exit_code == 0, result.output
    features = json.loads((out / "sites.geojson").read_text())["features"]
    in_geojson = {f["id"]: f["properties"]["review_note"] for f in features}
    in_report = {
        s["site_id"]: s["review_note"]
        for s in json.loads((out / "report.json").read_text())["sites"]
    }
    in_csv = {r["site_id"]: r["review_note"] for r in read_rows(out / "sites.csv")}
    assert in_geojson["leicester-square"] == in_report["leicester-square"] == "photo 12 May"
    assert in_csv["leicester-square"] == "photo 12 May"


def test_a_decision_made_on_another_count_or_quote_is_flagged_stale(runner, tmp_path):
    """A verification survived a changed count and quote with no warning."""
    report = tmp_path / "report.txt"
    report.write_text(FIRST)
    sheet = tmp_path / "review.csv"
    assert runner.invoke(cli, ["review", str(report), "-o", str(sheet)]).exit_code == 0
    rows = read_rows(sheet)
    decide(rows, "leicester-square", verification="photo-confirmed", note="photo 12 May")
    decide(rows, "royal-opera-house", note="same sentence in both runs")
    write_rows(sheet, rows)
    report.write_text(SECOND)  # Leicester Square: four cameras -> six, another quote
    out = tmp_path / "out"
    result = runner.invoke(cli, ["map", str(report), "-o", str(out), "--review", str(sheet)])
    assert result.exit_code == 0, result.output
    warning = "decision for 'leicester-square' is stale (count 4 -> 6, quote changed"
    assert warning in result.output and "'royal-opera-house' is stale" not in result.output
    outdated = json.loads((out / "report.json").read_text())["review"]["outdated"]
    assert [(o["site_id"], o["stale"]) for o in outdated] == [
        ("leicester-square", "count 4 -> 6, quote changed")
    ]
    result = runner.invoke(cli, ["review", str(report), "-o", str(sheet)])
    assert result.exit_code == 0 and warning in result.output
    stale = {r["site_id"]: r["stale"] for r in read_rows(sheet)}
    assert stale["leicester-square"] == "count 4 -> 6, quote changed"
    assert stale["royal-opera-house"] == "" and stale["piccadilly-circus"] == ""


def test_an_old_sheet_without_the_decided_on_columns_loads_and_flags_nothing(runner, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(SECOND)
    sheet = tmp_path / "review.csv"
    old = REVIEW_COLUMNS[: REVIEW_COLUMNS.index("decided_on_count")]
    row = dict.fromkeys(old, "") | {"site_id": "leicester-square", "count": "4"}
    row |= {"quote": "Four cameras face Leicester Square.", "verification": "photo-confirmed"}
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=old, lineterminator="\n")
        writer.writeheader()
        writer.writerow(row)
    out = tmp_path / "out"
    result = runner.invoke(cli, ["map", str(report), "-o", str(out), "--review", str(sheet)])
    assert result.exit_code == 0, result.output
    assert "stale" not in result.output
    assert json.loads((out / "report.json").read_text())["review"]["outdated"] == []


def test_an_unresolved_mention_moved_alone_is_mapped_with_whole_deployments(runner, tmp_path):
    """Moving only an unresolved mention crashed (KeyError 'deployments'); beside an accepted
    context place, every site's ``deployments`` became 0.0 or null."""
    report = tmp_path / "report.txt"
    report.write_text(FIRST)
    for accept_context in (False, True):
        sheet = tmp_path / f"review-{accept_context}.csv"
        assert runner.invoke(cli, ["review", str(report), "-o", str(sheet)]).exit_code == 0
        rows = read_rows(sheet)
        decide(rows, unresolved_id("Tannery Lane"), action="move", move_to="Long Acre")
        if accept_context:
            decide(rows, "royal-opera-house", action="accept")
        write_rows(sheet, rows)
        out = tmp_path / f"out-{accept_context}"
        result = runner.invoke(cli, ["map", str(report), "-o", str(out), "--review", str(sheet)])
        assert result.exit_code == 0, result.output
        sites = json.loads((out / "sites.geojson").read_text())["features"]
        deployments = {f["id"]: f["properties"]["deployments"] for f in sites}
        assert deployments[unresolved_id("Tannery Lane")] == 0
        assert all(type(n) is int and n == 0 for n in deployments.values()), deployments
        assert ("royal-opera-house" in deployments) is accept_context


def test_what_a_review_did_is_a_typed_summary_in_the_layers_and_report(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(FIRST)
    layers = campmap.map_reports([report])
    assert layers.review is None and report_dict(layers)["review"] == {}
    decisions = [
        Decision("piccadilly-circus", 2, action="reject"),
        Decision("soho-square", 3, note="gone"),  # a place this run does not name
        Decision(
            "leicester-square",
            4,
            verification="photo-confirmed",
            decided_on_count=6,
            decided_on_quote=quote_hash("Six cameras face Leicester Square."),
        ),
    ]
    reviewed = campmap.apply_review(layers, decisions)
    assert reviewed.review == ReviewSummary(
        applied=("piccadilly-circus", "leicester-square"),
        stale=(StaleDecision("soho-square", 3, "", "gone"),),
        outdated=(
            OutdatedDecision(
                "leicester-square", 4, "photo-confirmed", "", "count 6 -> 4, quote changed"
            ),
        ),
    )
    assert report_dict(reviewed)["review"] == {
        "applied": ["piccadilly-circus", "leicester-square"],
        "stale": [{"site_id": "soho-square", "line": 3, "action": "", "note": "gone"}],
        "outdated": [
            {
                "site_id": "leicester-square",
                "line": 4,
                "verification": "photo-confirmed",
                "note": "",
                "stale": "count 6 -> 4, quote changed",
            }
        ],
    }


# --- the sheet's column order, and the guide to its columns -------------------------------------


def test_the_reviewers_columns_come_right_after_the_name(runner, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(FIRST)
    sheet = tmp_path / "review.csv"
    assert runner.invoke(cli, ["review", str(report), "-o", str(sheet)]).exit_code == 0
    header = sheet.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header[:7] == ["site_id", "name", "action", "move_to", "set_count", "verification",
                          "note"]  # fmt: skip
    assert tuple(header) == REVIEW_COLUMNS
    assert header[-3:] == ["decided_on_count", "decided_on_quote", "stale"]


def test_a_guide_to_the_columns_is_written_beside_the_sheet_and_round_trips(runner, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(FIRST)
    sheet = tmp_path / "review.csv"
    result = runner.invoke(cli, ["review", str(report), "-o", str(sheet)])
    assert result.exit_code == 0, result.output
    guide_path = tmp_path / "review-columns.csv"
    assert f"column guide {guide_path}" in result.output
    guide = read_rows(guide_path)
    assert [g["column"] for g in guide] == list(REVIEW_COLUMNS)
    by = {g["column"]: g["filled_in_by"] for g in guide}
    assert [c for c in REVIEW_COLUMNS if by[c] == "reviewer"] == list(REVIEWER_COLUMNS)
    assert all(g["meaning"] for g in guide)
    move_to = next(g["meaning"] for g in guide if g["column"] == "move_to")
    assert "latitude first" in move_to and f"{MAX_MOVE_KM} km" in move_to
    first_guide = guide_path.read_bytes()
    # A reviewer fills in the sheet (the columns as written), campmap reads it and writes it again
    rows = read_rows(sheet)
    decide(rows, "leicester-square", action="move", move_to="51.5103, -0.1301", note="checked")
    decide(rows, "piccadilly-circus", verification="photo-confirmed")
    write_rows(sheet, rows)
    assert {d.site_id for d in read_review(sheet)} == {"leicester-square", "piccadilly-circus"}
    again = runner.invoke(cli, ["review", str(report), "-o", str(sheet)])
    assert again.exit_code == 0 and "(2 earlier decisions kept)" in again.output
    kept = {r["site_id"]: r for r in read_rows(sheet)}
    assert kept["leicester-square"]["move_to"] == "51.5103, -0.1301"
    assert kept["piccadilly-circus"]["verification"] == "photo-confirmed"
    assert guide_path.read_bytes() == first_guide
    out = tmp_path / "out"
    mapped = runner.invoke(cli, ["map", str(report), "-o", str(out), "--review", str(sheet)])
    assert mapped.exit_code == 0, mapped.output
    sites = {f["id"]: f for f in json.loads((out / "sites.geojson").read_text())["features"]}
    assert sites["leicester-square"]["geometry"]["coordinates"] == [-0.1301, 51.5103]
    with pytest.raises(ReviewError, match="missing column"):
        read_review(guide_path)  # the guide is no sheet: given by mistake, it is refused


def test_the_python_api_writes_the_guide_beside_any_sheet_name(tmp_path):
    layers = campmap.map_reports([_report(tmp_path, FIRST)])
    campmap.write_review(layers, tmp_path / "sheets" / "week-12.csv")
    assert sorted(p.name for p in (tmp_path / "sheets").iterdir()) == [
        "week-12-columns.csv",
        "week-12.csv",
    ]


# --- a move that lands far from the site ---------------------------------------------------------


def _report(folder, text):
    path = folder / "report.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_move_with_lon_and_lat_swapped_is_refused_naming_file_row_and_column(runner, tmp_path):
    report = _report(tmp_path, FIRST)
    sheet = tmp_path / "review.csv"
    assert runner.invoke(cli, ["review", str(report), "-o", str(sheet)]).exit_code == 0
    rows = read_rows(sheet)
    decide(rows, "leicester-square", action="move", move_to="-0.1301, 51.5103")  # lon, lat
    write_rows(sheet, rows)
    line = 2 + [r["site_id"] for r in rows].index("leicester-square")
    out = tmp_path / "out"
    result = runner.invoke(cli, ["map", str(report), "-o", str(out), "--review", str(sheet)])
    assert result.exit_code == 1
    last = result.output.strip().splitlines()[-1]
    assert last.startswith(f"Error: {sheet}:{line}: column move_to: '-0.1301, 51.5103' lands ")
    assert "km from Leicester Square" in last and "at most 50 km" in last
    assert "latitude and longitude may be swapped" in last
    assert "'51.5103, -0.1301' is" in last  # the other way round is close: said so
    assert "Traceback" not in result.output
    assert not out.exists()  # refused before anything is written


def test_move_too_far_is_a_review_error_for_coordinates_and_for_place_names(tmp_path):
    from campmap.gazetteer import GeoJSONGazetteer, default_gazetteer

    layers = campmap.map_reports([_report(tmp_path, FIRST)])
    with pytest.raises(MoveTooFarError, match=r"^sheet.csv:7: column move_to: '40.0, -74.0'"):
        campmap.apply_review(
            layers, [Decision("piccadilly-circus", 7, "move", "40.0, -74.0")], label="sheet.csv"
        )
    assert issubclass(MoveTooFarError, ReviewError) and issubclass(MoveTooFarError, ValueError)
    # A gazetteer place 80 km away (a name the reviewer meant in London): no swap to suggest
    both = default_gazetteer([GeoJSONGazetteer(TOWN, name="town")])
    with pytest.raises(MoveTooFarError) as caught:
        campmap.apply_review(
            layers, [Decision("leicester-square", 3, "move", "Market Square")], both, label="s"
        )
    message = str(caught.value)
    assert message.startswith("s:3: column move_to: 'Market Square' lands ")
    assert "is that the place meant?" in message and "swapped" not in message
    # A context place moved far is refused too
    with pytest.raises(MoveTooFarError, match="from Royal Opera House"):
        campmap.apply_review(layers, [Decision("royal-opera-house", 4, "move", "-0.12, 51.51")])


def test_a_move_within_the_town_and_an_unresolved_mention_placed_anywhere_are_kept(tmp_path):
    layers = campmap.map_reports([_report(tmp_path, FIRST)])
    reviewed = campmap.apply_review(
        layers,
        [
            Decision("leicester-square", 2, "move", "51.52, -0.10"),  # about 2.5 km
            Decision(unresolved_id("Tannery Lane"), 3, "move", "55.95, -3.19"),  # no point yet
        ],
    )
    sites = reviewed.sites.set_index("site_id")
    assert (sites.geometry["leicester-square"].x, sites.geometry["leicester-square"].y) == (
        -0.10,
        51.52,
    )
    assert sites.geometry[unresolved_id("Tannery Lane")].y == 55.95
