"""Archive runs in hostile or failing surroundings: a planted checkpoint, a runaway report, a
killed run, symbolic links, a full disk, two runs into one output folder.

Real parts only: real pickles and files planted where a run reads them, real processes killed
with SIGKILL, a tmpfs filled to the last byte (as root) and a file size limit (RLIMIT_FSIZE, as
any user), real symbolic links and loops.
"""

from __future__ import annotations

import json
import os
import pickle
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner

from campmap.archive import CHECKPOINT_FOLDER, map_corpus
from campmap.archive.budget import run_within
from campmap.cli.main import cli
from campmap.export.outdir import LOCK_FILE
from campmap.sources.corpus import iter_reports
from campmap.sources.reports import read_sources

DATA = Path(__file__).parent / "data" / "reports"
GAZETTEER = DATA / "gazetteer.geojson"
GAZ = ["--gazetteer", str(GAZETTEER)]


def _corpus(folder: Path, copies: int = 1) -> Path:
    """The evaluation reports (``copies`` times, in numbered folders)."""
    corpus = folder / "corpus"
    texts = sorted(DATA.glob("*.txt"))
    for copy in range(copies):
        target = corpus / f"{copy:03d}" if copies > 1 else corpus
        target.mkdir(parents=True, exist_ok=True)
        for text in texts:
            shutil.copy(text, target / text.name)
    return corpus


def _outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _saved(checkpoint: Path) -> int:
    """Batches saved in a checkpoint folder so far (whatever their format)."""
    return len([p for p in checkpoint.glob("*") if not p.name.startswith(".")])


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONUNBUFFERED": "1", **extra}


def _wait_for(condition, what: str, process: subprocess.Popen[bytes] | None = None) -> None:
    deadline = time.monotonic() + 60
    while not condition():
        assert time.monotonic() < deadline, f"waited a minute for {what}"
        if process is not None:
            assert process.poll() is None, f"the run ended before {what}"
        time.sleep(0.02)


# --- 1. checkpoints cannot run code -------------------------------------------------------------


class _RunsCode:
    """Unpickling this runs a shell command (what a planted checkpoint could do)."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.system, (f"touch {shlex.quote(str(self.marker))}",)


def test_a_planted_pickle_checkpoint_runs_no_code_and_its_batch_is_redone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _corpus(Path())
    checkpoint = Path("out", CHECKPOINT_FOLDER)
    # The names are predictable: a run with the same settings makes them; plant at each.
    map_corpus(["corpus"], gazetteer_files=[GAZETTEER], checkpoint=checkpoint, batch_size=10)
    planted = [p for p in checkpoint.iterdir() if not p.name.startswith(".")]
    assert len(planted) == 4  # 33 reports in batches of 10
    marker = tmp_path / "code-ran"
    for path in planted:
        path.write_bytes(pickle.dumps(_RunsCode(marker)))
    command = ["map", "corpus", *GAZ, "--jobs", "1", "--batch-size", "10", "-q"]
    result = CliRunner().invoke(cli, [*command, "-o", "out"])
    assert not marker.exists(), "a planted checkpoint ran code"
    assert result.exit_code == 0, result.stderr
    for path in planted:
        assert f"warning: {path}: ignored a checkpoint that does not read back" in result.stderr
    assert "resumed" not in result.stderr
    fresh = CliRunner().invoke(cli, [*command, "-o", "fresh"])
    assert fresh.exit_code == 0, fresh.stderr
    assert _outputs(Path("out")) == _outputs(Path("fresh"))
    assert not checkpoint.exists()


def _damage(path: Path, how: str) -> None:
    text = path.read_text(encoding="utf-8")
    document = json.loads(text)
    if how == "truncated":
        path.write_text(text[: len(text) // 2], encoding="utf-8")
    elif how == "another format":
        path.write_text(json.dumps({**document, "format": 99}), encoding="utf-8")
    elif how == "a count that is text":
        path.write_text(json.dumps({**document, "reports": "many"}), encoding="utf-8")
    elif how == "evidence that is not there":
        document["records"][0][3] = 10**6
        path.write_text(json.dumps(document), encoding="utf-8")
    elif how == "a place this gazetteer lacks":
        path.write_text(text.replace('["gazetteer.geojson",', '["planted",'), encoding="utf-8")
    elif how == "nested a million deep":
        path.write_text("[" * 1_000_000, encoding="utf-8")
    elif how == "a link to /dev/zero":
        path.unlink()
        path.symlink_to("/dev/zero")
    elif how == "a named pipe":
        path.unlink()
        os.mkfifo(path)
    else:
        assert how == "none"


@pytest.mark.parametrize(
    "how",
    [
        "none",
        "truncated",
        "another format",
        "a count that is text",
        "evidence that is not there",
        "a place this gazetteer lacks",
        "nested a million deep",
        "a link to /dev/zero",
        "a named pipe",
    ],
)
def test_a_checkpoint_that_does_not_read_back_is_a_warning_and_its_batch_is_redone(
    tmp_path: Path, how: str
) -> None:
    corpus = _corpus(tmp_path)
    checkpoint = tmp_path / "cp"
    options = {"gazetteer_files": [GAZETTEER], "batch_size": 10}
    fresh = map_corpus([corpus], **options)
    map_corpus([corpus], checkpoint=checkpoint, **options)
    saved = sorted(p for p in checkpoint.iterdir() if not p.name.startswith("."))
    assert len(saved) == 4
    for path in saved:
        _damage(path, how)
    warnings: list[str] = []
    again = map_corpus([corpus], checkpoint=checkpoint, on_warning=warnings.append, **options)
    if how == "none":
        assert warnings == []
        assert again.stats.resumed_batches == 4
    else:
        assert len(warnings) == 4, warnings
        assert all("; redoing it" in w for w in warnings)
        assert again.stats.resumed_batches == 0
    assert again.layers.sites.astype(str).to_dict("list") == (
        fresh.layers.sites.astype(str).to_dict("list")
    )
    assert again.layers.evidence == fresh.layers.evidence
    assert again.layers.document == fresh.layers.document


# --- 2. a time budget per report ----------------------------------------------------------------


def _forever() -> None:
    while True:
        pass


def _backtracking() -> object:
    return re.match(r"(a+)+$", "a" * 64 + "b")  # some 2**64 steps: never ends on its own


def _stopped_in_a_worker(seconds: float) -> tuple[bool, bool]:
    return run_within(seconds, _forever).over_budget, run_within(seconds, _backtracking).over_budget


def test_runaway_work_is_stopped_in_a_main_thread_another_thread_and_a_worker_process() -> None:
    """Work that never ends returns: stopped, wherever it runs (a timed test could not say)."""
    assert run_within(0.2, _forever).over_budget
    assert run_within(0.2, _backtracking).over_budget  # inside one regular expression match
    in_thread: list[bool] = []
    thread = threading.Thread(
        target=lambda: in_thread.append(run_within(0.2, _forever).over_budget)
    )
    thread.start()
    thread.join(timeout=60)
    assert in_thread == [True]
    with ProcessPoolExecutor(1) as pool:
        assert pool.submit(_stopped_in_a_worker, 0.2).result(timeout=60) == (True, True)
    # Nothing is left behind: the alarm is off, and work within its budget gives its value.
    assert signal.getsignal(signal.SIGALRM) == signal.SIG_DFL
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert run_within(5, lambda: 42).value == 42
    time.sleep(0.3)  # (no interruption arrives late)


def _big_report(path: Path, megabytes: float) -> Path:
    """A legitimate report of camera sentences, all different, some megabytes long."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.txt"))]
    parts: list[str] = []
    size = number = 0
    while size < megabytes * 1e6:
        for text in texts:
            lines = text.split("\n")
            part = "\n".join(f"In part {number}, {line}" if line.strip() else "" for line in lines)
            parts.append(part)
            size += len(part) + 2
            number += 1
    path.write_text("\n\n".join(parts), encoding="utf-8")
    return path


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_report_over_the_time_budget_is_stopped_skipped_and_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    monkeypatch.chdir(tmp_path)
    _corpus(Path())
    _big_report(Path("corpus", "big.txt"), 4)  # about 7 s of extraction here
    command = ["map", "corpus", *GAZ, "--jobs", jobs, "--batch-size", "4"]
    result = CliRunner().invoke(cli, [*command, "-o", "out", "--report-timeout", "0.3"])
    assert result.exit_code == 0, result.stderr
    err = result.stderr
    assert (
        "campmap: warning: corpus/big.txt: over the time budget: not read and extracted in "
        "0.3 s; skipped (see --report-timeout)\n"
    ) in err
    assert "; 1 over the time budget (stopped and skipped)\n" in err
    assert "campmap: warning: 1 of 34 reports failed: 1 over the time budget\n" in err
    last = [line for line in err.splitlines() if line.startswith("campmap: {")][-1]
    done = json.loads(last.removeprefix("campmap: "))
    assert (done["event"], done["reports"], done["failed"], done["timed_out"]) == ("done", 34, 1, 1)
    report = json.loads(Path("out", "report.json").read_text(encoding="utf-8"))
    assert [p for p in report["problems"] if "time budget" in p] == [
        "corpus/big.txt: over the time budget: not read and extracted in 0.3 s; skipped "
        "(see --report-timeout)"
    ]
    # The other reports are mapped as if the runaway one were not there.
    Path("corpus", "big.txt").unlink()
    without = CliRunner().invoke(cli, [*command, "-o", "without"])
    assert without.exit_code == 0, without.stderr
    assert (
        Path("out", "sites.geojson").read_bytes() == Path("without", "sites.geojson").read_bytes()
    )


def test_the_time_budget_holds_in_dask_worker_threads(tmp_path: Path) -> None:
    from dask.distributed import Client, LocalCluster

    corpus = _corpus(tmp_path)
    _big_report(corpus / "big.txt", 4)
    with (
        LocalCluster(
            n_workers=1, processes=False, threads_per_worker=2, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        run = map_corpus(
            [corpus], client=client, gazetteer_files=[GAZETTEER], report_timeout=0.3, batch_size=4
        )
    assert (run.stats.timed_out, run.stats.failed, run.stats.reports) == (1, 1, 34)
    assert str(run.layers.document.problems[0]).startswith("corpus/big.txt: over the time")


# --- 3. a killed run's temporary folders, and its output folder ---------------------------------


_HOLDS_SPILLS = """
import time
from campmap.archive.spill import SourceList, Spill
spill, sources = Spill(), SourceList()
print("ready", flush=True)
time.sleep(600)
"""


def test_a_killed_runs_temporary_folders_are_removed_by_the_next_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    temp = tmp_path / "tmp"
    temp.mkdir()
    _corpus(Path(), copies=10)
    # A live run elsewhere: its folders must stay.
    live = subprocess.Popen(
        [sys.executable, "-c", _HOLDS_SPILLS], stdout=subprocess.PIPE, env=_env(TMPDIR=str(temp))
    )
    try:
        assert live.stdout is not None and live.stdout.readline() == b"ready\n"
        theirs = sorted(p.name for p in temp.iterdir())
        assert [name.split("-")[1] for name in theirs] == ["sources", "spill"]
        # A real run, killed (SIGKILL, its workers too) once it has finished some batches.
        command = [sys.executable, "-m", "campmap", "map", "corpus", *GAZ, "-q"]
        killed = subprocess.Popen(
            [*command, "-o", "out", "--jobs", "2", "--batch-size", "2"],
            env=_env(TMPDIR=str(temp)),
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        checkpoint = Path("out", CHECKPOINT_FOLDER)
        _wait_for(lambda: _saved(checkpoint) >= 3, "3 batches", killed)
        os.killpg(killed.pid, signal.SIGKILL)
        killed.wait(timeout=30)
        left = sorted(p.name for p in temp.iterdir() if p.name not in theirs)
        assert [name.split("-")[1] for name in left] == ["sources", "spill"]
        # The next run: into the same output folder (the dead run's lock died with it).
        monkeypatch.setattr(tempfile, "tempdir", str(temp))
        again = CliRunner().invoke(
            cli, ["map", "corpus", *GAZ, "-o", "out", "--jobs", "1", "--batch-size", "2"]
        )
        assert again.exit_code == 0, again.stderr
        assert "batches resumed from a checkpoint" in again.stderr
        assert sorted(p.name for p in temp.iterdir()) == theirs  # the live run's, only
        assert not Path("out", LOCK_FILE).exists()
    finally:
        live.kill()
        live.wait(timeout=30)
    # Once that run is gone too, the next run removes its folders.
    result = map_corpus([Path("corpus", "000")], gazetteer_files=[GAZETTEER])
    assert result.stats.reports == 33
    mine = f"-{os.getpid()}-"  # (the run's list of reports, alive with its layers)
    assert [p.name for p in temp.iterdir() if mine not in p.name] == []


_SWEEPS = """
from campmap.archive.spill import remove_orphans
print("ready", flush=True)
while True:
    remove_orphans("campmap-spill-")
"""


def test_another_runs_sweep_never_takes_a_folder_being_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two runs at once: one sweeping orphans must not remove the other's new spill folder.

    (The folder was once shown before its owner file was locked: a sweep at that
    moment took it for a dead run's, and the run failed with "unable to open
    database file". The window is microseconds: this makes folders for a few seconds.)
    """
    import sqlite3

    from campmap.archive.spill import Spill

    temp = tmp_path / "tmp"
    temp.mkdir()
    sweeper = subprocess.Popen(
        [sys.executable, "-c", _SWEEPS], stdout=subprocess.PIPE, env=_env(TMPDIR=str(temp))
    )
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    lost: list[str] = []
    made = 0
    try:
        assert sweeper.stdout is not None and sweeper.stdout.readline() == b"ready\n"
        deadline = time.monotonic() + 8
        while time.monotonic() < deadline:
            made += 1
            try:
                spill = Spill()
                spill.count(bytes(16), ["row"])
                spill.flush()
                spill.close()
            except sqlite3.Error as err:
                lost.append(str(err))
    finally:
        sweeper.kill()
        sweeper.wait(timeout=30)
    assert made > 100
    assert lost == [], f"{len(lost)} of {made} folders taken while being made"
    assert list(temp.iterdir()) == []


# --- 4. symbolic links ------------------------------------------------------------------------

_LIST = """
import sys
from campmap.sources.corpus import iter_reports
print("\\n".join(r.label for r in iter_reports(sys.argv[1:])))
"""


def test_archive_runs_follow_symbolic_links_as_plain_runs_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    corpus = _corpus(Path())
    outside = Path("outside")
    outside.mkdir()
    shutil.copy(DATA / "01-mill-lane.txt", outside / "elsewhere.txt")
    (corpus / "sub").mkdir()
    shutil.copy(DATA / "02-junction-with.txt", corpus / "sub" / "deeper.txt")
    (corpus / "sub" / "loop").symlink_to("..")  # two loops: 2**depth paths through them
    (corpus / "sub" / "loop2").symlink_to("../..")
    (corpus / "root").symlink_to("/")
    (corpus / "outside").symlink_to("../outside")  # a folder elsewhere: not walked
    (corpus / "linked.txt").symlink_to("../outside/elsewhere.txt")  # a file: read
    (corpus / "broken.txt").symlink_to("../nowhere.txt")
    Path("by-link").symlink_to("corpus")  # an input that is a link: followed
    plain = sorted(str(s.label) for s in read_sources([corpus]).sources)
    assert "corpus/linked.txt" in plain and "corpus/sub/deeper.txt" in plain
    assert not [label for label in plain if "loop" in label or "outside/" in label]
    assert sorted(r.label for r in iter_reports([corpus])) == plain
    linked = sorted(r.label for r in iter_reports(["by-link"]))
    assert linked == sorted(label.replace("corpus/", "by-link/", 1) for label in plain)
    # ``**`` does not go through links to folders either (it used to run for ever here).
    listed = subprocess.run(
        [sys.executable, "-c", _LIST, "corpus/**/*.txt"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert sorted(listed.stdout.split()) == plain
    result = CliRunner().invoke(cli, ["map", "corpus", *GAZ, "-o", "out", "--jobs", "1"])
    assert result.exit_code == 0, result.stderr
    assert f"campmap: read {len(plain)} reports" in result.stderr


# --- 5. a full disk ---------------------------------------------------------------------------


@pytest.fixture
def full_disk(tmp_path: Path):
    """A 4 MB tmpfs, filled to the last byte by one file (``filler``, removable)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        filler = os.open(mount / "filler", os.O_WRONLY | os.O_CREAT)
        try:
            while os.write(filler, b"\0" * 4096):
                pass
        except OSError:
            pass
        finally:
            os.close(filler)
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def _leftovers(folder: Path) -> list[str]:
    return [str(p) for p in folder.rglob("*") if p.name.endswith(".tmp") or ".tmp" in p.name]


def test_a_full_disk_while_saving_a_checkpoint_is_one_warning_and_leaves_nothing(
    full_disk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # From the command line: the warning, then the outputs cannot be written either: one
    # error line, no traceback, no temporary file.
    monkeypatch.chdir(tmp_path)
    _corpus(Path())
    out = full_disk / "out"
    result = CliRunner().invoke(
        cli, ["map", "corpus", *GAZ, "-o", str(out), "--jobs", "1", "--batch-size", "5", "-q"]
    )
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.stderr
    assert result.stderr.count("cannot save a checkpoint (No space left on device)") == 1
    assert result.stderr.splitlines()[-1].startswith(f"Error: {out}: cannot write outputs")
    assert _leftovers(full_disk) == []
    assert not (out / LOCK_FILE).exists()
    # The same in Python: one warning, and the run goes on.
    corpus = tmp_path / "corpus"
    warnings: list[str] = []
    checkpoint = full_disk / "cp"
    run = map_corpus(
        [corpus],
        gazetteer_files=[GAZETTEER],
        checkpoint=checkpoint,
        batch_size=5,
        on_warning=warnings.append,
    )
    fresh = map_corpus([corpus], gazetteer_files=[GAZETTEER], batch_size=5)
    assert warnings == [
        f"{checkpoint}: cannot save a checkpoint (No space left on device); the run goes on "
        "without saving more (an interrupted run would redo those batches)"
    ]
    assert run.layers.sites.astype(str).to_dict("list") == (
        fresh.layers.sites.astype(str).to_dict("list")
    )
    assert _leftovers(full_disk) == []
    # Room again: the same command finishes.
    (full_disk / "filler").unlink()
    result = CliRunner().invoke(
        cli, ["map", "corpus", *GAZ, "-o", str(out), "--jobs", "1", "--batch-size", "5", "-q"]
    )
    assert result.exit_code == 0, result.stderr
    assert (out / "report.json").exists()


def _file_size_limit(size: int):
    """What a child process runs first: no file it writes may grow past ``size`` bytes.

    (``RLIMIT_FSIZE``: a write past it fails with EFBIG, "File too large", as a full disk
    fails with ENOSPC; Python ignores the SIGXFSZ that comes with it. Needs no root.)
    """
    import resource

    return lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))


def test_a_checkpoint_too_big_to_write_is_one_warning_and_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same failure as a full disk, where no tmpfs can be mounted (not root)."""
    monkeypatch.chdir(tmp_path)
    _corpus(Path())
    # One batch of all 33 reports: a checkpoint of some 40 KB, over the limit; the run's
    # SQLite files stay under it. The outputs (map.html ...) cannot be written either.
    command = [sys.executable, "-m", "campmap", "map", "corpus", *GAZ, "-q", "-o", "out"]
    done = subprocess.run(
        [*command, "--jobs", "1", "--batch-size", "40"],
        preexec_fn=_file_size_limit(20_000),
        capture_output=True,
        text=True,
        env=_env(),
        timeout=300,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    warning = (
        f"campmap: warning: out/{CHECKPOINT_FOLDER}: cannot save a checkpoint (File too large); "
        "the run goes on without saving more (an interrupted run would redo those batches)\n"
    )
    assert done.stderr.count(warning) == 1, done.stderr
    assert done.stderr.splitlines()[-1].startswith("Error: out: cannot write outputs")
    assert _leftovers(tmp_path) == []
    assert not Path("out").exists()  # (made by the run, left empty: removed)
    # In Python, with the limit only on the checkpoint's size: the run goes on, same layers.
    script = (
        "import json, sys; from campmap.archive import map_corpus; warned = []; "
        "run = map_corpus(['corpus'], gazetteer_files=[sys.argv[1]], checkpoint='cp', "
        "batch_size=40, on_warning=warned.append); "
        "print(json.dumps([warned, run.layers.sites.astype(str).to_dict('list')]))"
    )
    limited = subprocess.run(
        [sys.executable, "-c", script, str(GAZETTEER)],
        preexec_fn=_file_size_limit(20_000),
        capture_output=True,
        text=True,
        env=_env(),
        timeout=300,
        check=True,
    )
    warned, sites = json.loads(limited.stdout)
    assert warned == [
        "cp: cannot save a checkpoint (File too large); the run goes on without saving more "
        "(an interrupted run would redo those batches)"
    ]
    fresh = map_corpus(["corpus"], gazetteer_files=[GAZETTEER], batch_size=40)
    assert json.dumps(sites) == json.dumps(fresh.layers.sites.astype(str).to_dict("list"))
    assert _leftovers(tmp_path) == []
    assert not Path("cp").exists() or list(Path("cp").iterdir()) == []


# --- 6. one run at a time in an output folder -----------------------------------------------


def test_a_second_run_into_the_same_output_folder_is_refused_and_spoils_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _corpus(Path(), copies=20)
    command = [sys.executable, "-m", "campmap", "map", "corpus", *GAZ, "-q", "-o", "out"]
    first = subprocess.Popen(
        [*command, "--jobs", "1", "--batch-size", "2"],
        env=_env(),
        stderr=subprocess.PIPE,
    )
    checkpoint = Path("out", CHECKPOINT_FOLDER)
    _wait_for(lambda: _saved(checkpoint) >= 3, "3 batches", first)
    second = CliRunner().invoke(cli, ["map", "corpus", *GAZ, "-o", "out", "--jobs", "1"])
    plain = CliRunner().invoke(cli, ["map", "corpus/000", *GAZ, "-o", "out"])
    _, err = first.communicate(timeout=300)
    assert first.returncode == 0, err.decode()
    for refused in (second, plain):
        assert refused.exit_code == 1
        assert refused.stderr == (
            f"Error: out: another campmap run (process {first.pid}) is writing to this folder; "
            "wait for it to finish, or choose another output folder\n"
        )
    assert b"cannot" not in err  # the first run lost no checkpoint to the others
    assert sorted(p.name for p in Path("out").iterdir()) == sorted(
        ["campmap.gpkg", "map.html", "report.json", "sites.csv", "sites.geojson", "sites.qml",
         "routes.geojson", "routes.qml", "site_lines.geojson", "site_lines.qml",
         "site_areas.geojson", "site_areas.qml"]
    )  # fmt: skip
    after = CliRunner().invoke(cli, ["map", "corpus/000", *GAZ, "-o", "out", "-q"])
    assert after.exit_code == 0, after.stderr


def test_a_symbolic_link_where_the_run_writes_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _corpus(Path())
    elsewhere = Path("elsewhere")
    elsewhere.mkdir()
    Path("out").mkdir()
    Path("out", CHECKPOINT_FOLDER).symlink_to("../elsewhere")
    command = ["map", "corpus", *GAZ, "--jobs", "1", "-o", "out"]
    result = CliRunner().invoke(cli, command)
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: out/{CHECKPOINT_FOLDER}: is a symbolic link; campmap writes only into a real "
        "folder here (remove the link)\n"
    )
    assert list(elsewhere.iterdir()) == []
    Path("out", CHECKPOINT_FOLDER).unlink()
    victim = Path("victim.txt")
    victim.write_text("keep me", encoding="utf-8")
    Path("out", LOCK_FILE).symlink_to("../victim.txt")
    result = CliRunner().invoke(cli, command)
    assert result.exit_code == 1
    assert result.stderr == f"Error: out/{LOCK_FILE}: is a symbolic link; remove it\n"
    assert victim.read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize("mode", [[], ["--jobs", "1"]], ids=["plain", "archive"])
@pytest.mark.parametrize("output", ["corpus", "corpus/out", "corpus/sub/../out"])
def test_an_output_folder_in_an_input_folder_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: list[str], output: str
) -> None:
    monkeypatch.chdir(tmp_path)
    _corpus(Path())
    Path("corpus", "sub").mkdir()
    before = sorted(str(p) for p in Path("corpus").rglob("*"))
    result = CliRunner().invoke(cli, ["map", "corpus", *GAZ, "-o", output, *mode])
    assert result.exit_code == 1
    where = "is the input folder" if output == "corpus" else "is inside"
    assert result.stderr == (
        f"Error: {output}: the output folder {where} corpus; the next run would read its "
        "outputs (map.html) as reports: choose an output folder outside the inputs\n"
    )
    assert sorted(str(p) for p in Path("corpus").rglob("*")) == before
    beside = CliRunner().invoke(cli, ["map", "corpus", *GAZ, "-o", "out", *mode, "-q"])
    assert beside.exit_code == 0, beside.stderr
