"""Corpus throughput and peak memory: campmap's batches beside a plain run, in one run.

Run from the repository root::

    .venv/bin/python benchmarks/corpus.py                       # about 2 minutes
    .venv/bin/python benchmarks/corpus.py --sizes 10000,100000  # the issue's sizes (long)
    .venv/bin/python benchmarks/corpus.py --camera-share 0.05   # an archive of all the news

Generates a synthetic archive from the evaluation reports (``tests/data/reports*``):
news-length reports (about 4 KB) each joining evaluation reports drawn at random,
with an archive header line of its own, as one file per report in a folder. With
``--camera-share S`` only that share of the reports is about cameras; the others
join the everyday local news of ``tests/data/other-news`` (no camera named), as in
an archive of a paper's whole output. Then, each in a fresh process, side by side
on the same files:

- ``read bytes``: listing the folder and reading every file's bytes, nothing else
  (the physical limit);
- ``read stage``: campmap's reading (decode, clean, split sentences), no extraction;
- ``plain``: ``campmap.map_reports`` on the folder: the same extraction without
  campmap's batching (everything read into one document, then extracted);
- ``jobs 1``, ``jobs 2``, ``jobs N``: ``campmap.map_corpus`` with that many processes.

Prints reports/s, MB/s, CPU seconds (all processes: parallel work should not add CPU),
the 1-minute load average at the end (other jobs on a shared machine take cores), and
peak memory (the main process, and the largest worker) for each; then the speed-up
of N jobs over one, one job against reading the files, and how peak memory changes
from the smallest to the largest size.
Targets: near-linear speed-up with cores; flat peak memory as the archive grows;
one core at least half as fast as reading the files alone.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
NEWS_LENGTH = 4000
_UNIQUE = re.compile(r"([.!?]) (?=[A-Z])")  # every sentence of a report made its own


def generate(folder: Path, count: int, seed: int = 8, camera_share: float = 1.0) -> int:
    """Write ``count`` synthetic news-length reports into ``folder``; return their bytes."""
    cameras = [
        p.read_text(encoding="utf-8")
        for corpus in ("reports", "reports-heldout", "reports-fresh")
        for p in sorted((DATA / corpus).glob("*.txt"))
        if "no-camera" not in p.name
    ]
    other = [p.read_text(encoding="utf-8") for p in sorted((DATA / "other-news").glob("*.txt"))]
    rng = random.Random(seed)
    total = 0
    for i in range(count):
        texts = cameras if rng.random() < camera_share else other
        parts = [f"Archive item {i:07d}, filed by the news desk."]
        while sum(len(p) for p in parts) < NEWS_LENGTH:
            # Each paragraph is made unique to its report, as in a real archive (a copied
            # sentence would be extracted once by the plain run's cross-report de-duplication).
            lines = rng.choice(texts).splitlines()
            k = len(parts)
            parts.append(
                "\n".join(
                    _UNIQUE.sub(f"\\1 In item {i}-{k} ", f"Update {i}-{k}: {line}") if line else ""
                    for line in lines
                )
            )
        sub = folder / f"{i // 1000:04d}"
        sub.mkdir(parents=True, exist_ok=True)
        data = "\n\n".join(parts).encode("utf-8")
        (sub / f"item-{i:07d}.txt").write_bytes(data)
        total += len(data)
    return total


def _peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def drop_caches() -> None:
    """Empty the kernel's page, dentry and inode caches (root only): files are read from disk."""
    os.sync()
    Path("/proc/sys/vm/drop_caches").write_text("3\n", encoding="ascii")


def measure(mode: str, folder: str, jobs: int, gazetteer: str, cold: bool) -> dict[str, object]:
    """Run one configuration in this process and return its figures."""
    import campmap.archive
    import campmap.export  # noqa: F401  (every module in memory before any cache is emptied)
    from campmap.sources.corpus import iter_reports

    files = [r.path for r in iter_reports([folder]) if r.path]
    stream = 0.0
    skipped = 0
    size = sum(Path(f).stat().st_size for f in files)
    if cold:
        drop_caches()
    started = time.perf_counter()
    if mode == "read bytes":
        for root, dirs, names in os.walk(folder):
            dirs.sort()
            for name in sorted(names):
                with open(os.path.join(root, name), "rb") as file:  # noqa: PTH118, PTH123
                    file.read()
    elif mode == "read stage":
        from campmap.sources import read_source, split_sentences

        for f in files:
            split_sentences(read_source(f))
    elif mode == "plain":
        from campmap import map_reports
        from campmap.extract.screen import names_camera
        from campmap.gazetteer import default_gazetteer, load_gazetteer_file

        gaz = default_gazetteer([load_gazetteer_file(Path(gazetteer))])
        layers = map_reports(files, gazetteer=gaz)
        # (an archive that names no camera anywhere maps nothing)
        assert len(layers.sites) > 0 or not any(
            names_camera(s.text) for s in layers.document.sources
        )
    else:
        from campmap.archive import map_corpus

        run = map_corpus([folder], jobs=jobs, gazetteer_files=[gazetteer])
        assert run.stats.failed == 0
        assert len(run.layers.sites) > 0 or run.stats.no_camera == run.stats.reports
        stream = run.stats.seconds
        skipped = run.stats.no_camera
    seconds = time.perf_counter() - started
    if mode != "corpus":
        stream = seconds
    return {
        "mode": mode,
        "jobs": jobs,
        "reports": len(files),
        "mb": size / 1e6,
        "seconds": seconds,
        "stream_seconds": stream,
        "no_camera": skipped,
        "cpu_seconds": _cpu(resource.RUSAGE_SELF) + _cpu(resource.RUSAGE_CHILDREN),
        "load": os.getloadavg()[0],
        "peak_main_mb": _peak_mb(resource.RUSAGE_SELF),
        "peak_worker_mb": _peak_mb(resource.RUSAGE_CHILDREN),
    }


def run_child(mode: str, folder: Path, jobs: int, cold: bool) -> dict[str, object]:
    command = [
        sys.executable, __file__, "--child", mode, "--folder", str(folder), "--jobs", str(jobs),
        *(["--cold"] if cold else []),
    ]  # fmt: skip
    out = subprocess.run(command, capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    """Generate the archives, run every configuration side by side, print the figures."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="500,1500", help="reports per archive, commas")
    parser.add_argument(
        "--camera-share", type=float, default=1.0, help="share of reports about cameras (0-1)"
    )
    parser.add_argument("--no-plain", action="store_true", help="leave out the plain run")
    parser.add_argument(
        "--cold",
        action="store_true",
        help="empty the kernel's file caches before each run (root): read from disk, as an "
        "archive larger than memory is",
    )
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="N")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    args = parser.parse_args()
    gazetteer = str(DATA / "reports" / "gazetteer.geojson")
    if args.child:
        print(json.dumps(measure(args.child, args.folder, args.jobs, gazetteer, args.cold)))
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    jobs = sorted({1, 2, args.jobs})
    caches = "emptied before each run" if args.cold else "warm"
    print(
        f"{os.cpu_count()} cores; sizes {sizes}; jobs {jobs}; camera share {args.camera_share}; "
        f"file caches {caches}"
    )
    peaks: dict[str, list[float]] = {}
    print(f"load average before: {os.getloadavg()[0]:.2f} (other jobs on the machine)")
    with tempfile.TemporaryDirectory(prefix="campmap-corpus-") as tmp:
        for size in sizes:
            folder = Path(tmp) / f"archive-{size}"
            total = generate(folder, size, camera_share=args.camera_share)
            print(f"\n{size} reports, {total / 1e6:.1f} MB")
            print(
                f"{'run':12} {'reports/s':>10} {'MB/s':>8} {'s':>7} {'stream rep/s':>13} "
                f"{'cpu s':>7} {'load':>5} {'peak main MB':>13} {'peak worker MB':>15}"
            )
            rows = [
                run_child("read bytes", folder, 1, args.cold),
                run_child("read stage", folder, 1, args.cold),
            ]
            if not args.no_plain:
                rows.append(run_child("plain", folder, 1, args.cold))
            rows.extend(run_child("corpus", folder, n, args.cold) for n in jobs)
            by: dict[str, dict[str, float]] = {}
            for row in rows:
                name = str(row["mode"]) if row["mode"] != "corpus" else f"jobs {row['jobs']}"
                seconds = float(str(row["seconds"]))
                figures = {
                    "rate": int(str(row["reports"])) / seconds,
                    "stream": int(str(row["reports"])) / float(str(row["stream_seconds"])),
                    "mbs": float(str(row["mb"])) / seconds,
                    "main": float(str(row["peak_main_mb"])),
                    "worker": float(str(row["peak_worker_mb"])),
                }
                by[name] = figures
                peaks.setdefault(name, []).append(max(figures["main"], figures["worker"]))
                print(
                    f"{name:12} {figures['rate']:10.1f} {figures['mbs']:8.2f} {seconds:7.1f} "
                    f"{figures['stream']:13.1f} {float(str(row['cpu_seconds'])):7.1f} "
                    f"{float(str(row['load'])):5.2f} "
                    f"{figures['main']:13.0f} {figures['worker']:15.0f}"
                )
            screened = next(int(str(r["no_camera"])) for r in rows if r["mode"] == "corpus")
            print(f"reports that name no camera (skipped by the archive runs): {screened}")
            one = by["jobs 1"]["rate"]
            for n in jobs[1:]:
                total = by[f"jobs {n}"]["rate"] / one
                stream = by[f"jobs {n}"]["stream"] / by["jobs 1"]["stream"]
                print(f"speed-up jobs {n} / jobs 1: x{total:.2f} (stream phase x{stream:.2f})")
            if "plain" in by:
                print(f"jobs 1 / plain: x{one / by['plain']['rate']:.2f}")
            print(f"jobs 1 / read bytes: x{one / by['read bytes']['rate']:.4f}")
            print(f"jobs 1 / read stage: x{one / by['read stage']['rate']:.2f}")
    if len(sizes) > 1:
        print(f"\npeak memory (largest process), {sizes[0]} -> {sizes[-1]} reports:")
        for name, values in peaks.items():
            print(f"  {name:12} {values[0]:6.0f} MB -> {values[-1]:6.0f} MB "
                  f"(x{values[-1] / values[0]:.2f})")  # fmt: skip


if __name__ == "__main__":
    main()
