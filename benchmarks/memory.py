"""Peak memory of ``campmap map`` beside a process that only imports the libraries it uses.

Run from the repository root::

    .venv/bin/python benchmarks/memory.py [--runs 3]

First one ``campmap map`` run lists the libraries the command imports (every top-level
module in ``sys.modules`` at exit that is neither the standard library nor campmap).
Then, ``--runs`` times each and side by side, two whole processes are measured by
their peak resident memory (``ru_maxrss`` from ``os.wait4``, the child's own):

- **baseline**: ``python -c "import <those libraries>"``;
- **campmap map**: ``campmap map SEEDS -o TMP -q``, on the real news reports in
  ``../shared/seeds`` beside the repository, or the bundled example reports when absent.

The median of each is printed, and their ratio.
Target (issue 16): ``campmap map`` peaks at most 1.5x the baseline.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
TARGET = 1.5
RUN = """
import sys
sys.argv = ["campmap", *{args!r}]
from importlib.metadata import entry_points
main = entry_points(group="console_scripts")["campmap"].load()
main()
"""
PROBE = """
import atexit, sys
def _libraries():
    names = {m.partition(".")[0] for m in list(sys.modules)}
    names -= set(sys.stdlib_module_names) | {"campmap", "__main__"}
    found = sorted(n for n in names if not n.startswith("_")
                   and getattr(sys.modules.get(n), "__file__", None))
    sys.stderr.write("LIBRARIES:" + ",".join(found) + "\\n")
atexit.register(_libraries)
"""
IMPORT = """
import importlib
for name in {names!r}:
    importlib.import_module(name)
"""


def _peak_mb(argv: list[str]) -> tuple[float, str]:
    """Run a process to its end; return its own peak resident memory (MB) and its stderr."""
    with tempfile.TemporaryFile() as err:
        child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    if child.returncode:
        raise SystemExit(f"{' '.join(argv[:3])}... failed ({child.returncode}):\n{text}")
    return usage.ru_maxrss / 1024, text  # Linux gives kilobytes


def main(argv: list[str] | None = None) -> int:
    """Print both peaks and the ratio; return 1 when the target is missed."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    inputs = [str(SEEDS)] if SEEDS.is_dir() else []
    label = f"{len(list(SEEDS.glob('*')))} seed reports" if inputs else "the bundled examples"
    with tempfile.TemporaryDirectory() as out:
        command = ["map", *inputs, "-o", out, "-q"]
        _, err = _peak_mb([sys.executable, "-c", PROBE + RUN.format(args=command)])
        line = [x for x in err.splitlines() if x.startswith("LIBRARIES:")][-1]
        names = line.removeprefix("LIBRARIES:").split(",")
        base, run = [], []
        for _ in range(args.runs):
            base.append(_peak_mb([sys.executable, "-c", IMPORT.format(names=names)])[0])
            run.append(_peak_mb([sys.executable, "-c", RUN.format(args=command)])[0])
    print(f"libraries campmap map imports ({len(names)}): {' '.join(names)}")
    print(f"peak resident memory, median of {args.runs} runs each:")
    print(f"  baseline (import the libraries only) {statistics.median(base):8.1f} MB")
    print(f"  campmap map on {label:<22}{statistics.median(run):8.1f} MB")
    ratio = statistics.median(run) / statistics.median(base)
    print(f"ratio {ratio:.2f} (target <= {TARGET})")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
