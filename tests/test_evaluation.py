"""The evaluation corpus (tests/data/reports) and the scores campmap must reach on it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from evaluation import (
    baseline_predict,
    campmap_predict,
    load_corpus,
    score,
    unresolved_key,
)

from campmap.gazetteer import GeoJSONGazetteer, default_gazetteer

DATA = Path(__file__).resolve().parent / "data"
CORPORA = [DATA / "reports", DATA / "reports-heldout", DATA / "reports-fresh"]


@pytest.fixture(scope="module")
def gazetteer():
    return default_gazetteer([GeoJSONGazetteer(DATA / "reports" / "gazetteer.geojson")])


def test_the_gazetteer_file_is_what_its_script_writes():
    import runpy

    build = runpy.run_path(str(DATA / "reports" / "make_gazetteer.py"))["build"]
    stored = json.loads((DATA / "reports" / "gazetteer.geojson").read_text(encoding="utf-8"))
    assert stored == build()


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda p: p.name)
def test_every_answer_names_real_places(corpus, gazetteer):
    answers = load_corpus(corpus)
    for answer in answers:
        for key in [*answer.sites, *answer.traps]:
            if key.startswith("text:"):
                assert not gazetteer.lookup(key[5:]), f"{answer.path.name}: {key} is known"
            elif key.startswith("junction-"):
                continue
            else:
                assert gazetteer.get(key) is not None, f"{answer.path.name}: no place {key}"
        for count, status in answer.sites.values():
            assert status in {"installed", "planned", "removed", "relocated_from"}
            assert count is None or count > 0


def test_the_corpus_is_large_and_varied():
    answers = load_corpus(DATA / "reports")
    assert len(answers) >= 30
    towns = {key.split("-")[0] for a in answers for key in a.sites if not key.startswith("text:")}
    assert {"brackwell", "hollinsford", "corrick", "dunmore", "junction"} <= towns
    statuses = {status for a in answers for _, status in a.sites.values()}
    assert statuses == {"installed", "planned", "removed", "relocated_from"}
    assert len({a.path.read_text(encoding="utf-8") for a in answers}) == len(answers)


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda p: p.name)
def test_campmap_reaches_the_targets_and_beats_the_baseline(corpus, gazetteer):
    answers = load_corpus(corpus)
    ours = score(answers, [campmap_predict(a.path, gazetteer) for a in answers])
    plain = score(answers, [baseline_predict(a.path, gazetteer) for a in answers])
    assert ours.f1 >= 0.9, ours.errors
    assert ours.count_accuracy >= 0.85, ours.errors
    assert ours.traps_hit == 0, ours.errors
    assert plain.f1 < ours.f1 and plain.traps_hit > 0


def test_a_broken_extractor_scores_low(gazetteer):
    answers = load_corpus(DATA / "reports")
    nothing = score(answers, [{} for _ in answers])
    assert nothing.recall == 0 and nothing.f1 == 0
    everything = score(
        answers, [{unresolved_key("Nowhere Road"): (1, "installed")} for _ in answers]
    )
    assert everything.precision == 0
