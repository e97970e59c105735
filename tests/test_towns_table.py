"""The compact towns table gives the answers plain dictionaries of the towns file give."""

from __future__ import annotations

import gzip

import pytest

from campmap.gazetteer.backends.town_table import TownRows, TownTable
from campmap.gazetteer.backends.towns import find_towns, fold
from campmap.paths import data_dir

HEADER = "id\tname\tkeys\tlat\tlon\tpopulation\tcountry\tadmin1\n"
ROWS = [
    "1\tAshby\tashby|ashby parva\t52.5\t-1.3\t5000\tGB\tENG",
    "2\tAshby Parva\tashby parva|ashby\t52.4\t-1.2\t1200\tGB\tENG",
    "3\tKöln\tkoln|cologne|colonia|cologne\t50.9\t6.9\t1000000\tDE\t07",
    "4\tAshby\tashby\t-33.0\t151.0\t2000\tAU\tNSW",
    "5\tŌrewa\torewa\t-36.6\t174.7\t9000\tNZ\tE7",
]


def _table(text: str) -> TownTable:
    return TownTable(text.encode("utf-8"))


def test_rows_are_found_by_their_own_name_and_by_their_other_names_in_file_order() -> None:
    table = _table(HEADER + "\n".join(ROWS) + "\n")
    assert len(table) == 5
    assert table.find("ashby") == TownRows((ROWS[0], ROWS[3]), (ROWS[1],))
    assert table.find("ashby parva") == TownRows((ROWS[1],), (ROWS[0],))
    assert table.find("orewa") == TownRows((ROWS[4],), ())


def test_a_name_written_twice_in_a_row_finds_it_twice_as_a_dictionary_would() -> None:
    table = _table(HEADER + "\n".join(ROWS) + "\n")
    assert table.find("cologne") == TownRows((), (ROWS[2], ROWS[2]))
    assert table.find("koln") == TownRows((ROWS[2],), ())


def test_unknown_names_header_words_and_partial_keys_find_nothing() -> None:
    table = _table(HEADER + "\n".join(ROWS) + "\n")
    for key in ("nowhere", "keys", "ashby parva|ashby", "ash", "", "Ashby"):
        assert table.find(key) == TownRows((), ())


def test_the_last_row_is_read_whole_with_or_without_a_final_newline() -> None:
    for ending in ("", "\n"):
        table = _table(HEADER + "\n".join(ROWS) + ending)
        assert len(table) == 5
        assert table.line(4) == ROWS[4]
        assert table.find("orewa").named == (ROWS[4],)


def test_a_header_alone_is_an_empty_table() -> None:
    table = _table(HEADER)
    assert len(table) == 0
    assert table.find("ashby") == TownRows((), ())


def _plain_index(rows: list[str]) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """The towns file as dictionaries of row numbers by key: what the table must answer."""
    named: dict[str, list[int]] = {}
    aliased: dict[str, list[int]] = {}
    for number, line in enumerate(rows):
        keys = line.split("\t", 3)[2].split("|")
        named.setdefault(keys[0], []).append(number)
        for key in keys[1:]:
            aliased.setdefault(key, []).append(number)
    return named, aliased


@pytest.fixture(scope="module")
def bundled() -> tuple[TownTable, list[str]]:
    path = data_dir() / "towns.tsv.gz"
    rows = gzip.decompress(path.read_bytes()).decode("utf-8").split("\n")[1:]
    if rows and not rows[-1]:
        rows.pop()
    return TownTable.read(path), rows


def test_the_bundled_file_gives_the_rows_plain_dictionaries_give(
    bundled: tuple[TownTable, list[str]],
) -> None:
    table, rows = bundled
    named, aliased = _plain_index(rows)
    assert len(table) == len(rows) > 150_000
    keys = sorted(named.keys() | aliased.keys())
    for key in [*keys[::97], "london", "cologne", "springfield", "san jose", "no such town"]:
        expected = TownRows(
            tuple(rows[i] for i in named.get(key, ())),
            tuple(rows[i] for i in aliased.get(key, ())),
        )
        assert table.find(key) == expected, key


def test_the_bundled_table_is_compact(bundled: tuple[TownTable, list[str]]) -> None:
    # The file's text (about 12.4 MB), then 14 bytes a name key (about 400,000) and 8 a row:
    # about 20 MB in all, where Python strings and dictionaries took over 100 MB.
    table, rows = bundled
    text = len(gzip.decompress((data_dir() / "towns.tsv.gz").read_bytes()))
    keys = sum(row.split("\t", 3)[2].count("|") + 1 for row in rows)
    assert table.nbytes <= text + 14 * keys + 8 * (len(rows) + 1)
    assert table.nbytes < 25_000_000


@pytest.mark.parametrize(
    ("name", "first"),
    [("Cologne", ("Köln", "DE")), ("ōrewa", ("Orewa", "NZ")), ("  KÖLN ", ("Köln", "DE"))],
)
def test_towns_are_still_found_by_folded_name(name: str, first: tuple[str, str]) -> None:
    towns = find_towns(name)
    assert (towns[0].name, towns[0].country) == first


def test_towns_of_the_very_name_come_most_populous_first() -> None:
    towns = find_towns("Springfield")
    assert len(towns) > 5
    assert all(fold(t.name) == "springfield" for t in towns[:5])
    populations = [t.population for t in towns[:5]]
    assert populations == sorted(populations, reverse=True)
