"""Coverage-guided fuzzing of campmap's readers with atheris (libFuzzer), time-boxed.

Usage::

    python fuzz/atheris_run.py TARGET [--seconds N] [--crashes DIR]
    python fuzz/atheris_run.py all --seconds N         # every target, N seconds each

Each target (see ``fuzz/targets.py``) runs in its own process for ``N`` seconds
(``CAMPMAP_FUZZ_SECONDS``, 15 by default), starting from the seed inputs in
``fuzz/corpus/TARGET/``. Only campmap's modules are instrumented for coverage.
A crash (an exception other than ``CampmapError``), an input that takes more
than 10 s, or more than 2 GB of memory stops the run and leaves the input in
``--crashes``; save it under ``tests/data/fuzz/crashes/`` as a regression test.
The last line printed is a JSON summary: target, runs, seconds, crashed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _fuzz_in_this_process(target: str, corpus: Path, crashes: Path, seconds: int) -> None:
    import atheris

    sys.path.insert(0, str(HERE))
    with atheris.instrument_imports(include=["campmap", "targets"]):
        import targets

    def test_one_input(data: bytes) -> None:
        targets.run_one(target, data)

    atheris.Setup(
        [
            sys.argv[0],
            f"-max_total_time={seconds}",
            "-timeout=10",
            "-rss_limit_mb=2048",
            "-max_len=65536",
            f"-artifact_prefix={crashes}/{target}-",
            "-print_final_stats=1",
            str(corpus),
        ],
        test_one_input,
    )
    atheris.Fuzz()


def fuzz(target: str, seconds: int, crashes: Path) -> dict[str, object]:
    """Fuzz one target in a child process; return its summary."""
    crashes.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f"campmap-corpus-{target}-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        seeds = HERE / "corpus" / target
        if seeds.is_dir():
            for seed in seeds.iterdir():
                shutil.copy(seed, corpus / seed.name)
        scratch = Path(tmp) / "scratch"
        scratch.mkdir()
        child = subprocess.run(
            [sys.executable, __file__, "--child", target, str(corpus), str(crashes), str(seconds)],
            env={**os.environ, "CAMPMAP_FUZZ_SCRATCH": str(scratch)},
            capture_output=True,
            text=True,
            errors="replace",
            timeout=seconds + 120,
        )
        kept = len(list(corpus.iterdir()))
    runs = re.findall(r"Done (\d+) runs in (\d+) second", child.stderr)
    stats = re.search(r"stat::number_of_executed_units: (\d+)", child.stderr)
    executed = int(stats.group(1)) if stats else int(runs[-1][0]) if runs else 0
    found = sorted(p.name for p in crashes.glob(f"{target}-*"))
    summary = {
        "target": target,
        "runs": executed,
        "seconds": seconds,
        "corpus": kept,
        "crashed": child.returncode != 0,
        "artifacts": found,
    }
    if child.returncode != 0:
        summary["log"] = child.stderr[-3000:]
    return summary


def main() -> int:
    """Run the fuzzer as the command line asks; exit 1 when a target crashed."""
    if len(sys.argv) == 6 and sys.argv[1] == "--child":
        _, _, target, corpus, crashes, seconds = sys.argv
        _fuzz_in_this_process(target, Path(corpus), Path(crashes), int(seconds))
        return 0
    sys.path.insert(0, str(HERE))
    from targets import TARGETS

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", choices=[*TARGETS, "all"])
    parser.add_argument(
        "--seconds", type=int, default=int(os.environ.get("CAMPMAP_FUZZ_SECONDS", "15"))
    )
    parser.add_argument("--crashes", type=Path, default=Path("fuzz-crashes"))
    args = parser.parse_args()
    names = list(TARGETS) if args.target == "all" else [args.target]
    failed = False
    for name in names:
        summary = fuzz(name, args.seconds, args.crashes)
        failed = failed or bool(summary["crashed"])
        log = summary.pop("log", None)
        if log:
            print(log, file=sys.stderr)
        print(json.dumps(summary), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
