"""What starting ``campmap`` imports: the quick commands never load the map-making libraries.

Import behaviour, not time (the times are in ``benchmarks/startup.py``): each case runs
the installed ``campmap`` entry point in a fresh interpreter and reports which heavy
libraries ended up in ``sys.modules``.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import pytest

MAP_MAKING = ("geopandas", "folium", "pyogrio", "osmium", "dask")
"""Never imported by ``--help``, an option error or ``gazetteer find`` (issue 16)."""

PROBE = """
import atexit, json, sys
watched = {watched!r}
sys.argv = ["campmap", *{args!r}]
atexit.register(lambda: print(json.dumps(sorted(m for m in watched if m in sys.modules))))
from importlib.metadata import entry_points
main = entry_points(group="console_scripts")["campmap"].load()
main()
"""


def imported(args: list[str], watched: tuple[str, ...]) -> tuple[int, list[str]]:
    """Run ``campmap ARGS`` in a fresh interpreter; return its exit code and the ``watched``
    modules it imported."""
    code = PROBE.format(args=args, watched=watched)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    return done.returncode, json.loads(done.stdout.splitlines()[-1])


@pytest.mark.parametrize(
    ("args", "code"),
    [(["--help"], 0), (["map", "--no-such-option"], 2), (["extract", "--jobs", "0"], 2)],
)
def test_help_and_option_errors_import_no_map_library(args, code):
    assert imported(args, (*MAP_MAKING, "pandas", "shapely")) == (code, [])


def test_gazetteer_find_imports_no_map_library():
    # shapely is allowed: the embedded gazetteer's geometries are shapely's.
    assert imported(["gazetteer", "find", "Trafalgar Square"], (*MAP_MAKING, "pandas")) == (0, [])


def test_importing_campmap_imports_no_map_library():
    code = "import sys, campmap; print(sorted(m for m in {!r} if m in sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", code.format((*MAP_MAKING, "pandas", "shapely"))],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "[]"


PACKAGES = [
    "campmap",
    "campmap.archive",
    "campmap.export",
    "campmap.extract",
    "campmap.gazetteer",
    "campmap.gazetteer.backends",
    "campmap.layer",
    "campmap.newsroom",
    "campmap.pipeline",
    "campmap.sources",
]


@pytest.mark.parametrize("name", PACKAGES)
def test_every_public_name_of_a_package_is_there(name):
    package = importlib.import_module(name)
    for public in package.__all__:
        assert getattr(package, public) is not None, f"{name}.{public}"
    assert set(package.__all__) <= set(dir(package))
    with pytest.raises(AttributeError, match="has no attribute 'no_such_name'"):
        package.no_such_name  # noqa: B018


def test_a_public_name_wins_over_the_subpackage_of_that_name():
    # The subpackage campmap.extract imported first, in a fresh interpreter: campmap.extract
    # is still the function (the import system binds the subpackage on its parent).
    code = (
        "import campmap.extract.sentence, campmap\n"
        "from campmap import extract\n"
        "print(campmap.extract is extract, extract.__module__)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "campmap.extract.sentence"]
