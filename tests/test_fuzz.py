"""Coverage-guided fuzzing (atheris) of every reader, time-boxed, and its regression cases.

``CAMPMAP_FUZZ_SECONDS`` (default 10) is the budget per target; ``0`` skips the
fuzzing runs but not the regression cases. Every crash the fuzzer found is
replayed from ``tests/data/fuzz/crashes/`` (file names start with the target).
"""

from __future__ import annotations

import csv
import json
import os
import sys
from pathlib import Path

import pytest

from campmap.errors import GazetteerError, InputError
from campmap.extract.tables import read_table
from campmap.gazetteer import load_gazetteer_file
from campmap.newsroom import REVIEW_COLUMNS, ReviewError, read_review

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "fuzz"))

from targets import TARGETS, run_one  # noqa: E402

CRASHES = sorted((ROOT / "tests" / "data" / "fuzz" / "crashes").iterdir())
SECONDS = int(os.environ.get("CAMPMAP_FUZZ_SECONDS", "10"))


@pytest.mark.parametrize("crash", CRASHES, ids=[p.name for p in CRASHES])
def test_every_crash_the_fuzzer_found_stays_fixed(crash):
    target = next(t for t in sorted(TARGETS, key=len, reverse=True) if crash.name.startswith(t))
    run_one(target, crash.read_bytes())  # only CampmapError (a clear refusal) may come out


@pytest.mark.skipif(SECONDS <= 0, reason="CAMPMAP_FUZZ_SECONDS=0")
@pytest.mark.parametrize("target", list(TARGETS))
def test_fuzzing_finds_no_crash(target, tmp_path):
    pytest.importorskip("atheris")
    import atheris_run

    summary = atheris_run.fuzz(target, SECONDS, tmp_path)
    print(json.dumps(summary))
    assert not summary["crashed"], (
        f"{target}: the fuzzer found a crash, saved as {summary['artifacts']}; "
        f"copy it to tests/data/fuzz/crashes/ and fix it\n{summary.get('log', '')}"
    )
    assert summary["runs"] > 0


# Found by reading the readers while fixing the fuzzer's finds: each was a traceback before.


@pytest.mark.parametrize(
    "collection, message",
    [
        ({"type": "FeatureCollection", "features": 5}, "'features' must be a list"),
        ({"type": "FeatureCollection", "features": "ab"}, "'features' must be a list"),
        ({"type": "FeatureCollection", "features": [1]}, "feature 1: expected a Feature"),
        ({"type": "FeatureCollection", "features": [{"properties": []}]}, "feature 1: expected"),
    ],
)
def test_gazetteer_geojson_of_the_wrong_shape_is_refused(tmp_path, collection, message):
    path = tmp_path / "g.geojson"
    path.write_text(json.dumps(collection), encoding="utf-8")
    with pytest.raises(GazetteerError, match=message):
        load_gazetteer_file(path)


def test_gazetteer_geojson_nested_too_deep_or_with_a_huge_number_is_refused(tmp_path):
    path = tmp_path / "g.geojson"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(GazetteerError, match="not valid JSON"):
        load_gazetteer_file(path)
    path.write_text('{"type": "FeatureCollection", "n": ' + "9" * 5000 + "}", encoding="utf-8")
    with pytest.raises(GazetteerError, match="not valid JSON"):
        load_gazetteer_file(path)


def test_a_cell_past_the_csv_field_limit_is_a_clear_error_in_every_csv_reader(tmp_path, town):
    huge = "x" * (csv.field_size_limit() + 10)
    table = tmp_path / "t.csv"
    table.write_text(f"location,cameras\nHigh Street,2\n{huge},3\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"t.csv:3: not a CSV row: field larger than field limit"):
        read_table(table, town)
    review = tmp_path / "r.csv"
    review.write_text(",".join(REVIEW_COLUMNS) + f"\n{huge}\n", encoding="utf-8")
    with pytest.raises(ReviewError, match=r"r.csv:2: not a CSV row"):
        read_review(review)
    gazetteer = tmp_path / "g.csv"
    gazetteer.write_text(f"name,lat,lon\nA,1,2\n{huge},1,2\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"g.csv:3: not a CSV row"):
        load_gazetteer_file(gazetteer)
