"""Fuzz targets: one function per reader, bytes in, and only campmap's own errors out.

Each target writes the fuzzer's bytes to a file with the reader's ending and
reads it the way ``campmap map`` does. A :class:`~campmap.errors.CampmapError`
(a clear refusal naming the file) is a pass; any other exception is a crash.
``fuzz/atheris_run.py`` drives them with atheris; ``tests/test_fuzz.py`` replays every
crash saved under ``tests/data/fuzz/crashes/`` through the same functions.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from campmap.errors import CampmapError
from campmap.extract import extract
from campmap.extract.tables import read_table
from campmap.gazetteer import Gazetteer, GeoJSONGazetteer, load_gazetteer_file
from campmap.newsroom import read_review
from campmap.sources.reports import read_sources

HERE = Path(__file__).resolve().parent
TOWN = HERE.parent / "tests" / "data" / "town.geojson"
_SHM = Path("/dev/shm")
# Where each input is written; the fuzzing driver passes a folder it removes (libFuzzer ends
# its process without running atexit handlers).
_SCRATCH = Path(
    os.environ.get("CAMPMAP_FUZZ_SCRATCH")
    or tempfile.mkdtemp(prefix="campmap-fuzz-", dir=_SHM if _SHM.is_dir() else None)
)
if "CAMPMAP_FUZZ_SCRATCH" not in os.environ:
    atexit.register(shutil.rmtree, _SCRATCH, ignore_errors=True)
_GAZETTEER: Gazetteer | None = None


def _town() -> Gazetteer:
    global _GAZETTEER
    if _GAZETTEER is None:
        _GAZETTEER = Gazetteer([GeoJSONGazetteer(TOWN, name="town")])
    return _GAZETTEER


def _file(data: bytes, suffix: str) -> Path:
    path = _SCRATCH / f"input{suffix}"
    path.write_bytes(data)
    return path


def _report(data: bytes, suffix: str) -> None:
    document = read_sources([_file(data, suffix)])
    extract(document, _town())


def fuzz_text(data: bytes) -> None:
    """Read a plain-text report: decode, clean, split, extract."""
    _report(data, ".txt")


def fuzz_html(data: bytes) -> None:
    """Read an HTML report: decode, reduce to its main text, split, extract."""
    _report(data, ".html")


def fuzz_markdown(data: bytes) -> None:
    """Read a Markdown report."""
    _report(data, ".md")


def fuzz_table(data: bytes) -> None:
    """Read a CSV table of deployments."""
    read_table(_file(data, ".csv"), _town())


def fuzz_review(data: bytes) -> None:
    """Read a review sheet."""
    read_review(_file(data, ".csv"))


def fuzz_gazetteer_csv(data: bytes) -> None:
    """Load and index a CSV gazetteer file."""
    Gazetteer([load_gazetteer_file(_file(data, ".csv"))])


def fuzz_gazetteer_geojson(data: bytes) -> None:
    """Load and index a GeoJSON gazetteer file."""
    Gazetteer([load_gazetteer_file(_file(data, ".geojson"))])


TARGETS: dict[str, Callable[[bytes], None]] = {
    "text": fuzz_text,
    "html": fuzz_html,
    "markdown": fuzz_markdown,
    "table": fuzz_table,
    "review": fuzz_review,
    "gazetteer-csv": fuzz_gazetteer_csv,
    "gazetteer-geojson": fuzz_gazetteer_geojson,
}
"""Fuzz targets by name."""


def run_one(name: str, data: bytes) -> None:
    """Run a target on one input; campmap's own errors are the expected refusals."""
    with contextlib.suppress(CampmapError):
        TARGETS[name](data)
