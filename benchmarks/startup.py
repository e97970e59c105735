"""How long the ``campmap`` command takes to start, beside a bare ``import click``.

Run from the repository root::

    .venv/bin/python benchmarks/startup.py [--runs 7]

Each command is run as a whole process (what a user waits for), ``--runs`` times; the median
wall time is printed beside the baseline ``python -c "import click"`` measured in the same run,
as a ratio. Then the heavy libraries each command imports (geopandas, folium, pyogrio, osmium,
dask, shapely, pandas): the targets are that ``--help``, an option error and ``gazetteer find``
import none of the map-making ones (with no region installed: the data folder is an empty
temporary one).
Targets (issue 16): ``--help`` at most 4x and ``gazetteer find`` at most 8x the baseline.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEAVY = ("geopandas", "folium", "pyogrio", "osmium", "dask", "shapely", "pandas", "trafilatura")
PROBE = """
import atexit, sys
sys.argv = ["campmap", *{args!r}]
def _heavy():
    found = sorted(m for m in {heavy!r} if m in sys.modules)
    sys.stderr.write("HEAVY:" + ",".join(found) + "\\n")
atexit.register(_heavy)
from importlib.metadata import entry_points
main = entry_points(group="console_scripts")["campmap"].load()
main()
"""

COMMANDS: dict[str, tuple[str, ...]] = {
    "campmap --help": ("--help",),
    "campmap map --no-such-option": ("map", "--no-such-option"),
    "campmap gazetteer find 'Trafalgar Square'": ("gazetteer", "find", "Trafalgar Square"),
}


def _time(argv: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _heavy(args: tuple[str, ...]) -> str:
    code = PROBE.format(args=list(args), heavy=HEAVY)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    lines = [line for line in done.stderr.splitlines() if line.startswith("HEAVY:")]
    return lines[-1].removeprefix("HEAVY:") if lines else "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per command (median)")
    args = parser.parse_args(argv)
    # The targets are for a user with no installed region (each one is a GeoPackage to read).
    os.environ["CAMPMAP_DATA_DIR"] = tempfile.mkdtemp(prefix="campmap-data-")
    script = Path(sys.executable).with_name("campmap")
    baseline = _time([sys.executable, "-c", "import click"], args.runs)
    print(f"baseline python -c 'import click': {baseline * 1000:.0f} ms (median of {args.runs})")
    print(f"{'command':44} {'ms':>6} {'x click':>8}  heavy libraries imported")
    for label, command in COMMANDS.items():
        took = _time([str(script), *command], args.runs)
        heavy = _heavy(command) or "none"
        print(f"{label:44} {took * 1000:6.0f} {took / baseline:8.1f}  {heavy}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
