"""Archives: streamed inputs, --jobs, Dask, per-report failures, resuming, progress."""

from __future__ import annotations

import bz2
import fcntl
import gzip
import json
import lzma
import os
import pty
import shutil
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from campmap.archive import CHECKPOINT_FOLDER, map_corpus
from campmap.cli.main import cli
from campmap.errors import InputError
from campmap.export import write_outputs
from campmap.sources.corpus import iter_reports, load_report

DATA = Path(__file__).parent / "data" / "reports"
GAZETTEER = DATA / "gazetteer.geojson"

REPORT_A = (
    "Westminster council has installed four new CCTV cameras on Whitehall, a spokesperson "
    "said on Monday.\n\nTwo more cameras were put up at Trafalgar Square."
)
REPORT_B = (
    "Four new CCTV cameras were installed on Whitehall, the council said.\n\n"
    "Westminster council has installed four new CCTV cameras on Whitehall, a spokesperson "
    "said on Monday."
)


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and CHECKPOINT_FOLDER not in p.parts
    }


def _rows(frame: object) -> list[dict[str, str]]:
    return frame.astype(str).to_dict("records")  # type: ignore[attr-defined, no-any-return]


def _corpus(tmp_path: Path) -> Path:
    """The evaluation reports, a nested copy, and a JSON-lines archive, compressed and not."""
    corpus = tmp_path / "corpus"
    shutil.copytree(DATA, corpus / "eval", ignore=shutil.ignore_patterns("*.json", "*.py"))
    (corpus / "eval" / ".hidden.txt").write_text("Ten cameras on Whitehall.", encoding="utf-8")
    lines = [json.dumps({"id": i, "text": t}) for i, t in enumerate([REPORT_A, REPORT_B])]
    (corpus / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with gzip.open(corpus / "more.jsonl.gz", "wt", encoding="utf-8") as stream:
        stream.write(
            json.dumps({"text": REPORT_A.replace("four", "six"), "url": "https://x.example/1"})
        )
    return corpus


def test_iter_reports_streams_folders_globs_jsonl_and_compressed(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.txt").write_text(REPORT_A, encoding="utf-8")
    (folder / "sub" / "c.md").write_text(REPORT_B, encoding="utf-8")
    (folder / ".hidden.txt").write_text(REPORT_A, encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF")
    (folder / "d.txt.gz").write_bytes(gzip.compress(REPORT_A.encode()))
    (folder / "e.html.bz2").write_bytes(
        bz2.compress(f"<html><body><article><p>{REPORT_B}</p></article></body></html>".encode())
    )
    (folder / "f.txt.xz").write_bytes(lzma.compress(REPORT_A.encode("cp1252")))
    rows = [{"text": REPORT_A, "url": "https://news.example/a"}, [1], {"body": "x"}]
    (folder / "g.jsonl").write_text(
        "\n".join([*(json.dumps(r) for r in rows), "{not json", ""]), encoding="utf-8"
    )
    reports = list(iter_reports([folder]))
    labels = [Path(r.label).name for r in reports]
    assert labels == [
        "b.txt", "d.txt.gz", "e.html.bz2", "f.txt.xz",
        "g.jsonl:1", "g.jsonl:2", "g.jsonl:3", "g.jsonl:4",
        "c.md",
    ]  # fmt: skip
    sources = {Path(r.label).name: load_report(r) for r in reports if r.error is None}
    assert "four new CCTV cameras on Whitehall" in sources["d.txt.gz"].text
    assert "<" not in sources["e.html.bz2"].text
    assert "Whitehall" in sources["e.html.bz2"].text
    assert sources["g.jsonl:1"].url == "https://news.example/a"
    assert reports[5].error == "expected a JSON object, got list"
    assert reports[6].error == "no text field 'text' (fields: body)"
    assert reports[7].error is not None
    assert reports[7].error.startswith("malformed JSON line")
    with pytest.raises(InputError, match=r"g\.jsonl:4: malformed JSON line"):
        load_report(reports[7])
    # A glob pattern, in name order; a pattern matching nothing is an error naming it.
    assert [Path(r.label).name for r in iter_reports([str(folder / "*.txt*")])] == [
        "b.txt",
        "d.txt.gz",
        "f.txt.xz",
    ]
    with pytest.raises(InputError, match=r"\*.nothing: the pattern matches no file"):
        list(iter_reports([str(folder / "*.nothing")]))
    with pytest.raises(InputError, match="missing: no such file, folder or pattern"):
        list(iter_reports([str(tmp_path / "missing")]))


def test_jobs_and_dask_give_byte_identical_outputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A plain run, --jobs 1, --jobs 2 in small batches and a Dask LocalCluster: same bytes."""
    from dask.distributed import Client, LocalCluster

    runner = CliRunner()
    monkeypatch.chdir(tmp_path)
    shutil.copytree(DATA, "eval", ignore=shutil.ignore_patterns("*.json", "*.py"))
    gaz = ["--gazetteer", str(GAZETTEER)]
    plain = runner.invoke(cli, ["map", "eval", *gaz, "-o", "plain", "-q"])
    assert plain.exit_code == 0, plain.output
    one = runner.invoke(cli, ["map", "eval", *gaz, "-o", "one", "-q", "--jobs", "1"])
    assert one.exit_code == 0, one.output
    two = runner.invoke(
        cli, ["map", "eval", *gaz, "-o", "two", "-q", "--jobs", "2", "--batch-size", "3"]
    )
    assert two.exit_code == 0, two.output
    with (
        LocalCluster(
            n_workers=3, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        run = map_corpus(["eval"], client=client, gazetteer_files=[GAZETTEER], batch_size=5)
        assert run.stats.batches == 7
        write_outputs(run.layers, "dask")
        address = cluster.scheduler_address
        cli_run = runner.invoke(
            cli, ["map", "eval", *gaz, "-o", "dask-cli", "-q", "--scheduler", address]
        )
        assert cli_run.exit_code == 0, cli_run.output
    expected = _files(Path("one"))
    assert len(json.loads(expected["report.json"])["sites"]) > 40
    assert _files(Path("two")) == expected
    assert _files(Path("dask")) == expected
    assert _files(Path("dask-cli")) == expected
    # Each report read on its own, then merged: the same files as reading them all at once.
    assert _files(Path("plain")) == expected
    assert not Path("one", CHECKPOINT_FOLDER).exists()


def test_repeats_across_reports_are_merged_whatever_the_batches(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    runs = [
        map_corpus([corpus], gazetteer_files=[GAZETTEER], batch_size=size) for size in (1, 7, 100)
    ]
    for run in runs[1:]:
        assert _rows(run.layers.sites) == _rows(runs[0].layers.sites)
    assert runs[0].stats.reports == 34 + 3
    assert runs[0].stats.failed == 0
    news = map_corpus([corpus / "news.jsonl", str(corpus / "*.gz")], batch_size=1)
    whitehall = news.layers.sites.set_index("name").loc["Whitehall"]
    # The sentence repeated in news.jsonl:1 and :2 is one sentence with both sources;
    # the six cameras of more.jsonl.gz are a different sentence, so the counts conflict.
    assert "news.jsonl:1" in whitehall["sources"]
    assert "news.jsonl:2" in whitehall["sources"]
    assert whitehall["count_conflict"] == "4; 6"
    # news.jsonl:2 restates the count in another sentence: three sentences, not four.
    assert whitehall["mentions"] == 3
    # Occurrences kept per sentence are capped; the rest are counted, and a report whose
    # every camera sentence was a dropped copy is not listed as a source.
    (corpus / "copy.jsonl").write_text(json.dumps({"text": REPORT_A}) + "\n", encoding="utf-8")
    capped = map_corpus([corpus / "news.jsonl", corpus / "copy.jsonl"], max_occurrences=1)
    assert [s.label for s in capped.layers.document.sources] == [
        "news.jsonl:1",
        "news.jsonl:2",
    ]
    assert str(capped.layers.document.problems[-1]) == (
        "inputs: 2 sentences were repeated in more than 1 places; the first 1 are kept "
        "as evidence, 3 further copies only counted"
    )


def test_failed_reports_are_named_skipped_and_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    corpus = Path("corpus")
    corpus.mkdir()
    (corpus / "good.txt").write_text(REPORT_A, encoding="utf-8")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00" * 10)
    (corpus / "empty.md").write_text("   \n", encoding="utf-8")
    (corpus / "broken.txt.gz").write_bytes(gzip.compress(REPORT_B.encode())[:30])
    (corpus / "lines.jsonl").write_text(
        json.dumps({"text": REPORT_B}) + "\n{oops\n", encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["map", str(corpus), "-o", "out", "--jobs", "2"])
    assert result.exit_code == 0, result.output
    err = result.stderr
    for name, why in [
        ("binary.txt", "binary file"),
        ("empty.md", "empty report"),
        ("broken.txt.gz", "cannot decompress"),
        ("lines.jsonl:2", "malformed JSON line"),
    ]:
        assert f"campmap: warning: corpus/{name}: {why}" in err
    assert "campmap: warning: 4 of 6 reports failed: " in err
    for reason in ("1 binary file", "1 empty report", "1 cannot decompress", "1 malformed JSON"):
        assert reason in err
    report = json.loads(Path("out/report.json").read_text(encoding="utf-8"))
    assert len(report["problems"]) == 4
    assert [s["label"] for s in report["sources"]] == ["corpus/good.txt", "corpus/lines.jsonl:1"]
    assert {s["name"] for s in report["sites"]} == {"Whitehall", "Trafalgar Square"}
    # Nothing readable at all: exit 1, one line, nothing written.
    (corpus / "good.txt").unlink()
    (corpus / "lines.jsonl").unlink()
    result = CliRunner().invoke(cli, ["map", str(corpus), "-o", "none", "--jobs", "1"])
    assert result.exit_code == 1
    assert "Error: inputs: no report could be read (3 of 3 reports failed: " in result.stderr
    assert _files(Path("none")) == {}  # at most the checkpoint, no output


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONUNBUFFERED": "1"}


def test_interrupted_run_resumes_from_its_checkpoint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Interrupt a real run (SIGINT) part-way, run it again: it resumes, same outputs."""
    monkeypatch.chdir(tmp_path)
    corpus = Path("corpus")
    texts = sorted(p for p in DATA.glob("*.txt"))
    for i in range(300):
        source = texts[i % len(texts)]
        (corpus / f"{i // 100:02d}").mkdir(parents=True, exist_ok=True)
        shutil.copy(source, corpus / f"{i // 100:02d}" / f"{i:04d}-{source.name}")
    command = [
        sys.executable, "-m", "campmap", "map", str(corpus), "--gazetteer", str(GAZETTEER),
        "--jobs", "1", "--batch-size", "5",
    ]  # fmt: skip
    checkpoint = Path("out", CHECKPOINT_FOLDER)
    process = subprocess.Popen(
        [*command, "-o", "out"], stderr=subprocess.PIPE, stdout=subprocess.PIPE, env=_env()
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(checkpoint.glob("*.json"))) < 4:
        assert process.poll() is None, "the run ended before it could be interrupted"
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode != 0, err.decode()
    done = len(list(checkpoint.glob("*.json")))
    assert 4 <= done < 60
    assert not Path("out", "report.json").exists()
    resumed = subprocess.run(
        [*command, "-o", "out"], capture_output=True, text=True, env=_env(), check=False
    )
    assert resumed.returncode == 0, resumed.stderr
    assert f"{done} batches resumed from a checkpoint" in resumed.stderr
    assert not checkpoint.exists()
    fresh = subprocess.run(
        [*command, "-o", "fresh"], capture_output=True, text=True, env=_env(), check=False
    )
    assert fresh.returncode == 0, fresh.stderr
    assert "resumed" not in fresh.stderr
    assert _files(Path("out")) == _files(Path("fresh"))
    # Progress off a terminal: machine-readable JSON lines on standard error.
    last = [line for line in fresh.stderr.splitlines() if line.startswith("campmap: {")][-1]
    record = json.loads(last.removeprefix("campmap: "))
    assert record["event"] == "done"
    assert record["reports"] == 300
    assert record["failed"] == 0


def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    """On a terminal the progress is a tqdm bar, not JSON lines."""
    (tmp_path / "r.txt").write_text(REPORT_A, encoding="utf-8")
    leader, follower = pty.openpty()
    # A terminal 100 columns wide (a pty starts at 0, where tqdm draws nothing).
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "campmap", "extract", str(tmp_path), "--jobs", "1"],
        stdout=subprocess.PIPE,
        stderr=follower,
        env=_env(),
    )
    os.close(follower)
    out, _ = process.communicate(timeout=60)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    assert process.returncode == 0
    assert b"1 reports" in seen
    assert b"campmap: {" not in seen
    assert b"'Whitehall' -> Whitehall count=4" in out


def test_extract_streams_json_lines_in_input_order(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    runner = CliRunner()
    gaz = ["--gazetteer", str(GAZETTEER)]
    one = runner.invoke(cli, ["extract", str(corpus), *gaz, "--json", "--jobs", "1"])
    two = runner.invoke(
        cli, ["extract", str(corpus), *gaz, "--json", "--jobs", "2", "--batch-size", "2"]
    )
    assert one.exit_code == 0, one.stderr
    assert one.stdout == two.stdout
    records = [json.loads(line) for line in one.stdout.splitlines()]
    # Folder order: eval/..., more.jsonl.gz, news.jsonl (each report's own mentions, unmerged).
    assert records[0]["source"].startswith("corpus/eval/01-")
    assert records[-1]["source"].endswith("news.jsonl:2")
    more = [r for r in records if r["source"].endswith("more.jsonl.gz:1") and r["site_id"]]
    assert [(r["name"], r["count"]) for r in more] == [("Whitehall", 6), ("Trafalgar Square", 2)]
    assert {"text", "role", "count", "site_id", "quote", "sources"} <= records[0].keys()


def test_scheduler_errors_are_one_line(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "r.txt").write_text(REPORT_A, encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        [
            "map",
            str(tmp_path / "in"),
            "-o",
            str(tmp_path / "o"),
            "--scheduler",
            "tcp://127.0.0.1:9",
        ],
    )
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: --scheduler tcp://127.0.0.1:9: cannot connect")
    assert result.stderr.count("\n") == 1


def test_batch_results_travel_with_places_by_reference(tmp_path: Path) -> None:
    """A worker's result names gazetteer places; the main process puts back its own."""
    from campmap.archive.wire import pack, pack_evidence, unpack
    from campmap.archive.worker import RunConfig, process_batch
    from campmap.gazetteer import default_gazetteer, load_gazetteer_file

    config = RunConfig((str(GAZETTEER),))
    reports = list(iter_reports([str(DATA / "*.txt")]))[:6]
    result = process_batch(reports, config)
    worker = _worker_gazetteer(config)
    mentions = [m for _, found in result.evidence(worker) for m in found if m.place is not None]
    assert mentions
    # Another process's gazetteer: the same file, loaded again (other Place objects).
    here = default_gazetteer([load_gazetteer_file(GAZETTEER)])
    packed = pack(result, worker)
    # The evidence names its places; by reference it is smaller than with places whole
    # (packed for a gazetteer that lacks them).
    whole = pack_evidence(result.evidence_items, default_gazetteer())
    assert len(pack_evidence(result.evidence_items, worker)) < len(whole) * 0.98
    back = unpack(packed, here)
    assert isinstance(back.evidence_items, bytes)  # read when some of it is kept
    places = [m.place for _, found in back.evidence(here) for m in found if m.place is not None]
    assert [p.id for p in places] == [m.place.id for m in mentions]
    registered = [m.place is worker.get(m.place.id) for m in mentions]
    assert sum(registered) > len(registered) / 2
    for place, by_reference in zip(places, registered, strict=True):
        # Places made on the fly (a junction's crossing) travel whole.
        assert (place is here.get(place.id)) == by_reference
    # A gazetteer without those places cannot read it: a clear error, not wrong places.
    with pytest.raises(ValueError, match="no place"):
        list(unpack(packed, default_gazetteer()).evidence(default_gazetteer()))


def _worker_gazetteer(config):
    from campmap.archive.worker import worker_gazetteer

    return worker_gazetteer(config)


def _unique_archive(tmp_path: Path) -> Path:
    """Four copies of the evaluation reports, every sentence made unique to its copy."""
    import re

    archive = tmp_path / "archive"
    archive.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.txt"))]
    for copy in range(4):  # every sentence made unique to its copy, as in a real archive
        for i, text in enumerate(texts):
            if copy == 3:  # a later report states other counts: conflicts among counted ones
                text = re.sub(r"\b(?:two|three|four)\b", "eleven", text)
            mark = f"In copy {copy}-{i}"
            unique = re.sub(r"([.!?]) (?=[A-Z])", rf"\1 {mark} ", text)
            unique = "\n".join(
                f"{mark}, {line}" if line.strip() else line for line in unique.split("\n")
            )
            (archive / f"r{copy}-{i:02}.txt").write_text(unique, "utf-8")
    (archive / "x-copy.txt").write_text(  # a syndicated copy of a counted report
        (archive / "r3-00.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    return archive


def test_evidence_beyond_the_limit_is_counted_not_kept(tmp_path: Path) -> None:
    """Memory bound: past N mentions a site keeps counting (count, status, reports), unquoted."""
    archive = _unique_archive(tmp_path)
    full = map_corpus([archive], gazetteer_files=[GAZETTEER], evidence_per_site=None)
    kept = map_corpus([archive], gazetteer_files=[GAZETTEER], evidence_per_site=2, batch_size=5)
    for name, limit in (("sites", "site_id"), ("routes", "route_id")):
        every = getattr(full.layers, name).set_index(limit)
        some = getattr(kept.layers, name).set_index(limit)
        assert list(some.index) == list(every.index)
        for column in ("count", "count_conflict", "status", "mentions", "manufacturer"):
            assert some[column].astype(str).tolist() == every[column].astype(str).tolist(), column
        for key in every.index:
            listed = some.loc[key, "sources"].split("; ")
            more = 0
            if listed[-1].startswith("and "):
                more = int(listed.pop().split()[1])
            assert set(listed) <= set(every.loc[key, "sources"].split("; "))
            assert len(listed) + more == len(every.loc[key, "sources"].split("; ")), key
    busy = full.layers.sites.set_index("site_id")["mentions"].idxmax()
    assert full.layers.sites.set_index("site_id").loc[busy, "mentions"] > 4
    assert len(kept.layers.evidence[busy]) < len(full.layers.evidence[busy])
    # What memory holds is bounded by the rows, not by the archive.
    assert len(kept.layers.document.sentences) < len(full.layers.document.sentences) / 2
    assert len(kept.layers.document.sources) == len(full.layers.document.sources)
    assert [p for p in kept.layers.document.problems if "counted but not listed" in str(p)]


def test_workers_leave_out_the_evidence_of_full_rows_and_nothing_changes(tmp_path: Path) -> None:
    """Rows full of evidence are named to the workers, which then send only counts for them."""
    from campmap.archive.wire import ATTRIBUTION, NO_EVIDENCE
    from campmap.archive.worker import RunConfig, process_batch

    archive = _unique_archive(tmp_path)
    config = RunConfig((str(GAZETTEER),))
    reports = list(iter_reports([str(archive)]))[:6]
    every = process_batch(reports, config)
    rows = {row.group for record in every.records for row in record.rows} | {ATTRIBUTION}
    assert rows and len(every.evidence_items) == len(every.records)
    lean = process_batch(reports, config, frozenset(rows))
    assert [r[:3] for r in lean.records] == [r[:3] for r in every.records]
    assert lean.evidence_items == [] and all(r.slot == NO_EVIDENCE for r in lean.records)
    some = process_batch(reports, config, frozenset(sorted(rows)[: len(rows) // 2]))
    assert 0 < len(some.evidence_items) < len(every.evidence_items)

    serial = map_corpus([archive], gazetteer_files=[GAZETTEER], evidence_per_site=2)
    parallel = map_corpus(
        [archive], gazetteer_files=[GAZETTEER], evidence_per_site=2, jobs=2, batch_size=3
    )
    assert len(serial.layers.sites) > 10
    for name in ("sites", "routes"):
        one, two = getattr(serial.layers, name), getattr(parallel.layers, name)
        assert two.astype(str).to_dict("list") == one.astype(str).to_dict("list")
    assert parallel.layers.evidence == serial.layers.evidence
    assert parallel.layers.document == serial.layers.document


def test_a_resumed_run_after_an_earlier_report_changed_redoes_what_it_must(tmp_path: Path) -> None:
    """A checkpointed batch left out evidence for rows then full; if an edited earlier report
    no longer fills them, that batch is redone, and the result is a fresh run's."""
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "r1.txt").write_text("Two cameras went up on Mill Lane in Brackwell.", "utf-8")
    (archive / "r2.txt").write_text(
        "Three more cameras went up on Mill Lane in Brackwell.", "utf-8"
    )
    (archive / "r3.txt").write_text("A camera now watches Mill Lane in Brackwell.", "utf-8")
    options = {"gazetteer_files": [GAZETTEER], "evidence_per_site": 1, "batch_size": 1}
    first = map_corpus([archive], checkpoint=tmp_path / "cp", **options)
    assert first.layers.sites.set_index("site_id").loc["brackwell-mill-lane", "mentions"] == 3
    (archive / "r1.txt").write_text("Two cameras went up on Church Street in Brackwell.", "utf-8")
    os.utime(archive / "r1.txt", ns=(1, 1))  # (a changed report: another size and time)
    resumed = map_corpus([archive], checkpoint=tmp_path / "cp", **options)
    assert resumed.stats.resumed_batches == 1  # r3; r1 changed, and r2 is redone
    fresh = map_corpus([archive], **options)
    one, two = fresh.layers.sites, resumed.layers.sites
    assert set(one["site_id"]) == {"brackwell-mill-lane", "brackwell-church-street"}
    assert two.astype(str).to_dict("list") == one.astype(str).to_dict("list")
    assert resumed.layers.evidence == fresh.layers.evidence


def test_a_long_lived_process_reads_a_gazetteer_file_again_when_it_changed(tmp_path: Path) -> None:
    import json

    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "r.txt").write_text("Two cameras went up on Mill Lane in Brackwell.", "utf-8")
    data = json.loads(GAZETTEER.read_text(encoding="utf-8"))
    own = tmp_path / "towns.geojson"
    own.write_text(json.dumps(data), encoding="utf-8")
    before = map_corpus([archive], gazetteer_files=[own]).layers.sites.set_index("site_id")
    for feature in data["features"]:  # Mill Lane moved a kilometre east
        if feature["properties"]["id"] == "brackwell-mill-lane":
            coordinates = feature["geometry"]["coordinates"]
            feature["geometry"]["coordinates"] = [[x + 0.0145, y] for x, y in coordinates]
    own.write_text(json.dumps(data, indent=1), encoding="utf-8")
    after = map_corpus([archive], gazetteer_files=[own]).layers.sites.set_index("site_id")
    moved = after.geometry["brackwell-mill-lane"].x - before.geometry["brackwell-mill-lane"].x
    assert moved == pytest.approx(0.0145, abs=1e-6)
