"""Typed records of an archive run: the row a mention feeds, a batch result on disk, tallies."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest

from campmap.archive import checked
from campmap.archive.checkpoint import Checkpoint
from campmap.archive.wire import (
    ATTRIBUTION,
    NO_EVIDENCE,
    Group,
    GroupKind,
    group_of,
    result_from_json,
    result_to_json,
)
from campmap.archive.worker import RunConfig, process_batch, worker_gazetteer
from campmap.extract import extract
from campmap.gazetteer import default_gazetteer
from campmap.layer.tally import WRITTEN_AS_LIMIT, Tally
from campmap.records import Role
from campmap.sources import dedupe, read_text
from campmap.sources.corpus import iter_reports

DATA = Path(__file__).parent / "data" / "reports"
GAZETTEER = DATA / "gazetteer.geojson"


def _mentions(text: str) -> list:
    gazetteer = default_gazetteer()
    return list(extract(dedupe([read_text(text, "a.txt")]), gazetteer))


def test_each_mention_feeds_a_row_of_one_kind() -> None:
    found = _mentions(
        "Four cameras went up on Whitehall. Cameras were installed along Whitehall between "
        "Trafalgar Square and Parliament Square. Three cameras were fitted on Tollgate Lane, "
        "near the Cenotaph."
    )
    groups = {(m.text, m.role): group_of(m) for m in found}
    assert groups[("Whitehall", Role.SITE)] == Group(GroupKind.SITE, "whitehall")
    assert groups[("Tollgate Lane", Role.SITE)] == Group(GroupKind.UNPLACED, "Tollgate Lane")
    route = groups[("Trafalgar Square", Role.ROUTE)]
    assert route.kind is GroupKind.ROUTE and route == groups[("Parliament Square", Role.ROUTE)]
    assert route.key.startswith("route-")
    context = [g for (_, role), g in groups.items() if role is Role.CONTEXT]
    assert context and all(g.kind is GroupKind.CONTEXT for g in context)
    # Every kind has its own string for the on-disk spill, so two kinds never meet there.
    assert len({g.name for g in groups.values()} | {ATTRIBUTION.name}) == len(
        set(groups.values()) | {ATTRIBUTION}
    )


def test_a_batch_result_reads_back_from_its_checkpoint_as_it_was(tmp_path: Path) -> None:
    config = RunConfig((str(GAZETTEER),))
    reports = list(iter_reports([str(DATA / "*.txt")]))[:8]
    result = process_batch(reports, config)
    assert result.records and all(isinstance(r.rows, tuple) for r in result.records)
    gazetteer = worker_gazetteer(config)
    checkpoint = Checkpoint(tmp_path / "cp", "settings", pytest.fail)
    checkpoint.save(["k"], result_to_json(result, gazetteer))
    back = checkpoint.load(["k"], partial(result_from_json, gazetteer=gazetteer))
    assert back == result
    # Rows full of evidence: records without it, and the rows named (as a sorted tuple).
    rows = frozenset(row.group for r in result.records for row in r.rows) | {ATTRIBUTION}
    lean = process_batch(reports, config, rows)
    assert all(r.slot == NO_EVIDENCE for r in lean.records)
    assert lean.assumed_full == tuple(sorted(lean.assumed_full)) and lean.assumed_full
    checkpoint.save(["lean"], result_to_json(lean, gazetteer))
    assert checkpoint.load(["lean"], partial(result_from_json, gazetteer=gazetteer)) == lean


@pytest.mark.parametrize(
    ("value", "kinds", "message"),
    [
        ([True], (int,), "expected int, got bool"),
        ([1.0], (int,), "expected int, got float"),
        (["a", "b"], (str,), "expected 1 fields, got 2"),
        ({"a": 1}, (str,), "expected a list, got dict"),
        ([None], (str,), "expected str, got NoneType"),
    ],
)
def test_checked_json_refuses_a_value_of_another_type(value, kinds, message) -> None:
    with pytest.raises(ValueError, match=message):
        checked.row(value, *kinds)
    assert checked.row([None, 1], checked.Maybe(str), int) == (None, 1)


def test_tallies_add_up_keeping_first_wordings_and_spellings() -> None:
    one = Tally(
        mentions=2,
        counts={4: "four"},
        count_text="four",
        statuses={"installed": 2},
        written_as=tuple(f"name {i}" for i in range(WRITTEN_AS_LIMIT - 1)),
        makers=("Hikvision",),
        more_sources=1,
    )
    two = Tally(
        mentions=3,
        counts={4: "4", 6: "six"},
        count_text="4",
        statuses={"planned": 2, "installed": 1},
        fuzzy=1,
        written_as=("name 0", "other", "third"),
        makers=("Axis", "Hikvision"),
        operators=("Police",),
        more_sources=2,
    )
    both = one.plus(two)
    assert (both.mentions, both.fuzzy, both.more_sources) == (5, 1, 3)
    assert dict(both.counts) == {4: "four", 6: "six"} and both.count_text == "four"
    assert dict(both.statuses) == {"installed": 3, "planned": 2}
    assert both.written_as[-1] == "other" and len(both.written_as) == WRITTEN_AS_LIMIT
    assert both.makers == ("Axis", "Hikvision") and both.operators == ("Police",)
    assert Tally().plus(two) == Tally(**{**two.__dict__, "counts": dict(two.counts)})
