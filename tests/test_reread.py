"""The learned second reading of place mentions (:mod:`campmap.extract.reread`), and its trainer.

Reports here are invented. The shipped model is read as shipped; the trainer
(``benchmarks/train_reread.py``) runs end to end on two invented folders.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_benchmark_learned import invented_folder

from campmap.cli.main import cli
from campmap.errors import CampmapError
from campmap.extract import extract
from campmap.extract.reread import (
    LEARNED_NOT_SITE,
    LEARNED_SITE,
    MODEL_FILE,
    RereadModel,
    context_words,
    default_model,
    load_model,
    reread,
)
from campmap.paths import data_dir
from campmap.records import Mention, Role, Sentence
from campmap.sources.dedupe import dedupe
from campmap.sources.read import source_from_bytes

ROOT = Path(__file__).resolve().parent.parent
NOISE = (
    "Noise cameras in the city\n\n"
    "Residents near Quill Street have complained of loud exhausts for years. A noise camera "
    "has been trialled in Ashgrove, and the council now wants one on Marrow Road.\n"
)


def _mention(text: str, sentence: str, role: Role, reasons: tuple[str, ...] = ()) -> Mention:
    start = sentence.index(text)
    return Mention(
        text=text,
        sentence=Sentence(sentence, (), 0),
        start=start,
        end=start + len(text),
        role=role,
        reasons=reasons,
        reason=reasons[0] if reasons else "",
        count=3 if role is Role.SITE else None,
    )


def test_context_words_read_the_words_around_and_the_hand_decision():
    m = _mention("Elm Road", "Two cameras went up on Elm Road last week.", Role.CONTEXT, ("x",))
    keys = context_words(m)
    assert keys[:2] == ("b:on", "b0:on")
    assert {"b1:up", "bb:up_on", "a0:last", "a1:week", "h:road", "w0:elm", "n:2"} <= set(keys)
    assert {"role:context", "r:x", "s:name", "m:exact"} <= set(keys)
    assert len(keys) == len(set(keys))


def test_reread_changes_roles_the_model_outweighs_and_says_so():
    model = RereadModel({"b0:near": 3.0, "b0:in": -3.0}, 0.0, 0.5)
    weak = ("the sentence does not speak of cameras",)
    up = _mention("Quill Street", "Residents near Quill Street complained.", Role.CONTEXT, weak)
    down = _mention("Upton", "Police in Upton said so.", Role.SITE, ("listed with a camera site",))
    got = reread([up, down], model)
    assert got[0].role is Role.SITE and got[0].reasons == (LEARNED_SITE,)
    assert got[0].reason == LEARNED_SITE and got[0].confidence == pytest.approx(0.953, abs=1e-3)
    assert got[1].role is Role.CONTEXT and got[1].reasons == (LEARNED_NOT_SITE,)
    assert got[1].count is None  # (a count belongs to a site)


def test_reread_keeps_vetoes_routes_and_agreements():
    model = RereadModel({"b0:near": 3.0}, 5.0, 0.5)  # reads everything as a site
    veto = _mention("Upton", "near Upton Council said.", Role.CONTEXT, ("a person, not a place",))
    route = _mention("Upton", "from Upton to Elmley.", Role.ROUTE)
    agreed = _mention("Elm Road", "near Elm Road.", Role.SITE, ("listed with a camera site",))
    assert reread([veto, route, agreed], model) == [veto, route, agreed]


def test_extract_reads_again_only_when_asked():
    document = dedupe([source_from_bytes(NOISE.encode(), "noise.txt")])
    rules = {m.text: m for m in extract(document)}
    learned = {m.text: m for m in extract(document, reread=True)}
    assert rules["Quill Street"].role is Role.CONTEXT
    assert learned["Quill Street"].role is Role.SITE
    assert learned["Quill Street"].reasons == (LEARNED_SITE,)
    assert learned["Marrow Road"] == rules["Marrow Road"]  # (agreed: unchanged)


def test_the_learned_flag_reaches_the_cli(tmp_path: Path):
    report = tmp_path / "noise.txt"
    report.write_text(NOISE, encoding="utf-8")
    runner = CliRunner()
    plain = runner.invoke(cli, ["extract", str(report), "--json"])
    learned = runner.invoke(cli, ["extract", str(report), "--json", "--learned"])
    assert plain.exit_code == 0 and learned.exit_code == 0, learned.output
    roles = {r["text"]: r["role"] for r in json.loads(plain.output)}
    again = {r["text"]: r["role"] for r in json.loads(learned.output)}
    assert roles["Quill Street"] == "context" and again["Quill Street"] == "site"


def test_the_shipped_model_says_where_it_came_from():
    raw = json.loads((data_dir() / MODEL_FILE).read_text(encoding="utf-8"))
    about = raw["about"]
    assert about["min_reports"] >= 3 and 0 < raw["threshold"] < 1
    assert all("/" not in f["folder"] and f["reports"] > 0 for f in about["trained_on"])
    assert set(about["leave_one_folder_out"]) == {"recall", "precision", "f1"}
    assert len(default_model().weights) == len(raw["weights"]) > 100


def test_a_broken_model_file_is_a_clear_error(tmp_path: Path):
    bad = tmp_path / "model.json"
    bad.write_text('{"weights": {}}', encoding="utf-8")
    with pytest.raises(CampmapError, match=r"model\.json: not a reread model"):
        load_model(bad)


def test_the_trainer_runs_end_to_end(tmp_path: Path):
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    out = tmp_path / "model.json"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "train_reread.py"),
            str(invented_folder(one)),
            str(invented_folder(two)),
            "--min-reports",
            "2",
            "--select",
            "two",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "16 reports" in done.stdout and "chosen: C=" in done.stdout
    model = load_model(out)
    assert model.weights and 0 < model.threshold < 1
    about = json.loads(out.read_text(encoding="utf-8"))["about"]
    assert about["trained_on"] == [{"folder": "one", "reports": 8}, {"folder": "two", "reports": 8}]
    assert str(tmp_path) not in out.read_text(encoding="utf-8")


def test_the_learned_flag_reaches_a_streamed_run(tmp_path: Path):
    (tmp_path / "noise.txt").write_text(NOISE, encoding="utf-8")
    runner = CliRunner()
    args = ["extract", str(tmp_path), "--json", "--jobs", "1"]
    plain = runner.invoke(cli, args)
    learned = runner.invoke(cli, [*args, "--learned"])
    assert plain.exit_code == 0 and learned.exit_code == 0, learned.output
    roles, again = (
        {r["text"]: r["role"] for r in _records(run.output)} for run in (plain, learned)
    )
    assert roles["Quill Street"] == "context" and again["Quill Street"] == "site"


def _records(output: str) -> list[dict[str, str]]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]
