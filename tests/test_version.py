"""campmap's version is pyproject.toml's, read from the installed package's metadata."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import campmap

FAKE = "9.9.9.dev7"

# Maps one report, runs a one-report archive with a checkpoint, prints what carries the version.
SCRIPT = """
import json, sys
from pathlib import Path
import campmap
out, archive, checkpoint = (Path(arg) for arg in sys.argv[1:])
campmap.write_outputs(campmap.map_reports([archive / "r.txt"]), out)
run = campmap.map_corpus([archive], checkpoint=checkpoint, batch_size=1)
report = json.loads((out / "report.json").read_text(encoding="utf-8"))
print(json.dumps([campmap.__version__, report["campmap_version"], run.stats.resumed_batches]))
"""


def _run(tmp_path: Path, metadata: Path | None) -> list[object]:
    """Run SCRIPT in a fresh interpreter, ``metadata`` (a folder of dist-info) first on its path."""
    archive = tmp_path / "archive"
    if not archive.exists():  # (written once: a rewritten report is redone, not resumed)
        archive.mkdir()
        (archive / "r.txt").write_text("Two cameras went up on Whitehall.", encoding="utf-8")
    paths = [str(metadata)] if metadata else []
    script = f"import sys; sys.path[:0] = {paths!r}\n{SCRIPT}"
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "out"), str(archive), str(tmp_path / "cp")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_version_is_the_installed_metadata():
    assert campmap.__version__ == version("campmap")
    pyproject = (Path(__file__).resolve().parent.parent / "pyproject.toml").read_text("utf-8")
    assert f'\nversion = "{campmap.__version__}"\n' in pyproject


def test_the_version_follows_the_metadata_into_report_json_and_the_checkpoint_key(tmp_path):
    """Installed as another version, campmap says so everywhere, and starts its archive over."""
    installed = version("campmap")
    assert _run(tmp_path, None) == [installed, installed, 0]
    assert _run(tmp_path, None) == [installed, installed, 1]  # same version: resumed
    other = tmp_path / "site"
    info = other / f"campmap-{FAKE}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: campmap\nVersion: {FAKE}\n", encoding="utf-8"
    )
    assert _run(tmp_path, other) == [FAKE, FAKE, 0]  # another version: not resumed
