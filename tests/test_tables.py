"""Tables of deployments: `campmap map deployments.csv [--location-column NAME]`."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import write

from campmap import map_reports
from campmap.cli.main import cli
from campmap.errors import InputError
from campmap.extract.tables import clean_location, read_table
from campmap.gazetteer import default_gazetteer

TABLE = """\
Ref,Where,Installed,Cameras
1,opp. Charing Cross station,2024-03-01,2
2,Strand j/o Northumberland Avenue,2024-03-02,1
3,"Leicester Square, London",2024-04-01,3
4,"London, Leicester Square",2024-05-01,1
5,Foxglove Lane,2024-05-02,
6,Leicester Sq,2024-06-11,2
"""


@pytest.fixture
def table(tmp_path):
    return write(tmp_path / "deployments.csv", TABLE)


def props(folder):
    features = json.loads((folder / "sites.geojson").read_text())["features"]
    return {f["id"]: f["properties"] for f in features}


def test_map_a_table_with_a_named_location_column(table, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["map", str(table), "--location-column", "Where", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    sites = props(out)
    assert set(sites) == {
        "charing-cross-station",
        "junction-northumberland-avenue-strand",
        "leicester-square",
    }
    square = sites["leicester-square"]
    # Three rows, messy and reordered, are three deployments at one site; their cameras add up.
    assert (square["deployments"], square["count"], square["count_text"]) == (
        3,
        6,
        "6 in 3 deployments",
    )
    assert sites["charing-cross-station"]["quote"] == "1,opp. Charing Cross station,2024-03-01,2"
    assert sites["junction-northumberland-avenue-strand"]["count"] == 1
    report = json.loads((out / "report.json").read_text())
    (unresolved,) = report["unresolved"]
    assert unresolved["text"] == "Foxglove Lane" and unresolved["start"] == TABLE.index("Foxglove")
    assert "guessed" not in result.output


def test_the_location_column_is_guessed_and_the_guess_is_said(table, tmp_path):
    result = CliRunner().invoke(cli, ["map", str(table), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0, result.output
    assert "guessed the location column: 'Where'" in result.output


def test_a_column_guessed_from_its_values_when_the_header_says_nothing(tmp_path):
    path = write(tmp_path / "t.csv", "id,text,n\n1,outside Somerset House,2\n2,on Whitehall,1\n")
    found = read_table(path, default_gazetteer())
    assert (found.location_column, found.guessed) == ("text", True)
    assert [m.place.id for m in found.mentions if m.place] == ["somerset-house", "whitehall"]


def test_text_reports_and_tables_map_together(table, tmp_path):
    report = write(tmp_path / "r.txt", "Four more cameras now face Leicester Square.")
    layers = map_reports([report, table], location_column="Where")
    row = layers.sites.set_index("site_id").loc["leicester-square"]
    assert row["deployments"] == 3 and row["mentions"] == 4
    # A report's count beside table rows: different counts are kept and flagged.
    assert row["count_conflict"] == "1; 2; 3; 4"
    assert row["sources"] == f"{report.name}; {table.name}"


@pytest.mark.parametrize(
    ("content", "column", "message"),
    [
        (
            TABLE,
            "Location",
            "no column 'Location'; the columns are 'Ref', 'Where', 'Installed', 'Cameras'",
        ),
        ("", None, "empty table"),
        ("a,b\n1,2\n3,4\n", None, "no column looks like locations"),
        (
            "Site,Cameras\nWhitehall,two\n",
            None,
            "bad.csv:2: column 'Cameras': expected a whole number of cameras, got 'two'",
        ),
        (  # a superscript two passes str.isdigit() but not int(): it crashed the run
            "Site,Cameras\nWhitehall,\u00b2\n",
            None,
            "bad.csv:2: column 'Cameras': expected a whole number of cameras, got '\u00b2'",
        ),
        (  # past what a GeoPackage or a JSON reader holds: it crashed the run
            "Site,Cameras\nWhitehall,99999999999999999999\n",
            None,
            "bad.csv:2: column 'Cameras': 99999999999999999999 is more than MAX_COUNT",
        ),
    ],
)
def test_bad_tables_give_one_line_naming_file_line_and_what_was_expected(
    tmp_path, content, column, message
):
    path = write(tmp_path / "bad.csv", content)
    with pytest.raises(InputError, match=message.replace("(", r"\(")):
        read_table(path, default_gazetteer(), location_column=column)
    args = ["map", str(path), "-o", str(tmp_path / "out")]
    result = CliRunner().invoke(cli, args + (["--location-column", column] if column else []))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"{path.name}" in result.output and len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("written", "cleaned"),
    [
        ("opp. the station", "opposite the station"),
        ("o/s  Town Hall", "outside Town Hall"),
        ("nr. Mill Road", "near Mill Road"),
        ("Kings Rd j/o Elm Grove", "Kings Rd junction of Elm Grove"),
        ("j/o Kings Rd", "Kings Rd"),
        ("Ashford, Market Place", "Ashford, Market Place"),
    ],
)
def test_clean_location(written, cleaned):
    assert clean_location(written) == cleaned


def test_extract_lists_each_row_of_a_table_as_a_site_mention(table):
    result = CliRunner().invoke(
        cli, ["extract", str(table), "--location-column", "Where", "--json"]
    )
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)
    assert [(r["text"], r["site_id"], r["count"]) for r in records] == [
        ("opp. Charing Cross station", "charing-cross-station", 2),
        ("Strand j/o Northumberland Avenue", "junction-northumberland-avenue-strand", 1),
        ("Leicester Square, London", "leicester-square", 3),
        ("London, Leicester Square", "leicester-square", 1),
        ("Foxglove Lane", None, None),
        ("Leicester Sq", "leicester-square", 2),
    ]
    assert all(TABLE[r["start"] : r["end"]] == r["text"] for r in records)


def test_junction_rows_in_every_usual_form_are_one_site(tmp_path):
    rows = [
        "Strand j/o Northumberland Avenue",
        "Jct of Northumberland Avenue and Strand",
        "junction of Strand & Northumberland Avenue",
        "Northumberland Ave / Strand",
    ]
    path = write(tmp_path / "j.csv", "Location\n" + "\n".join(rows) + "\n")
    found = read_table(path, default_gazetteer())
    assert (found.location_column, found.guessed) == ("Location", True)
    assert [m.place.id if m.place else m.text for m in found.mentions] == [
        "junction-northumberland-avenue-strand"
    ] * 4


@pytest.mark.parametrize("breaker", ["\x85", "\u2028", "\x0c", "\x1e"])
def test_a_line_break_python_splits_on_stays_inside_its_cell(tmp_path, breaker):
    """Rows end at \\n or \\r only (as in every CSV reader), never at NEL, U+2028 or a form feed."""
    content = (
        "Ref,Where,Cameras,Note\n"
        f"1,Leicester Square,3,seen{breaker}from the bus\n"
        f'2,"Whitehall",2,"two{breaker}poles"\n'
        '3,Strand,4,"a note\non two lines"\n'
    )
    path = write(tmp_path / "t.csv", content)
    found = read_table(path, default_gazetteer(), location_column="Where")
    assert [(m.place.id, m.count) for m in found.mentions if m.place] == [
        ("leicester-square", 3),
        ("whitehall", 2),
        ("strand", 4),
    ]
    lines = [m.table_row for m in found.mentions]
    assert lines == [2, 3, 4]
    # Each row's quote is the row itself, cut from the file's text (a quoted newline too).
    assert [s.text for s in found.sentences] == [
        f"1,Leicester Square,3,seen{breaker}from the bus",
        f'2,"Whitehall",2,"two{breaker}poles"',
        '3,Strand,4,"a note\non two lines"',
    ]
    assert all(content[o.start : o.end] == s.text for s in found.sentences for o in s.occurrences)
