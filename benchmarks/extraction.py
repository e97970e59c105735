"""Extraction accuracy and speed on the evaluation corpus, beside a plain baseline.

Run from the repository root::

    .venv/bin/python benchmarks/extraction.py [--errors]

For each corpus (``tests/data/reports``, written alongside the extractor, and
``tests/data/reports-heldout``, written after it and not tuned on), prints site
precision, recall and F1, count and status accuracy, and traps taken for
sites, for campmap and for a capitalised-phrase baseline with the same
gazetteer, in one process. Then the throughput of reading and extracting
(reports/s, MB/s, one core: the process's CPU time, best of 7 passes) on the
corpus reports, and on news-length reports (the corpus reports joined into
reports of about 4 KB), beside the limit of merely reading the same files
and splitting them into sentences (``read+split``).
Then, when ``../shared/seeds`` is beside the repository, the throughput on those two
real news reports (sparser in camera sites than the joined ones).

Last, real reporting: ``../shared/realnews`` (50 real published reports, kept
outside the repository) scored by its own rule (:mod:`realnews`), per report
and in total, for the odd-numbered reports (tuned on) and the even-numbered
ones (kept unread while tuning), campmap beside the baseline, with the
throughput on those reports; ``--extra FOLDER`` scores more folders in the
same format.
Targets: F1 >= 0.9 on our sets; recall, precision and counts >= 0.9 on real
reports; >= 200 news-length reports/s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from evaluation import (
    baseline_mentions,
    baseline_predict,
    campmap_mentions,
    campmap_predict,
    load_corpus,
    score,
    throughput,
)

from campmap.gazetteer import Gazetteer, GeoJSONGazetteer, default_gazetteer
from campmap.records import Document

sys.path.insert(0, str(Path(__file__).resolve().parent))
from realnews import (
    Expected,
    Score,
    baseline_found,
    campmap_found,
    learned_found,
    load_folder,
    score_folder,
)

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
CORPORA = (DATA / "reports", DATA / "reports-heldout", DATA / "reports-fresh")
SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
REALNEWS = SEEDS.parent / "realnews"
NEWS_LENGTH = 4000
TARGET = 200
SYSTEMS = (
    ("campmap", campmap_predict, campmap_mentions),
    ("baseline", baseline_predict, baseline_mentions),
)


def news_length(paths: list[Path], folder: Path) -> list[Path]:
    """Join short plain-text reports into reports of about :data:`NEWS_LENGTH` bytes."""
    out: list[Path] = []
    parts: list[str] = []
    for path in [p for p in paths if p.suffix == ".txt"] * 12:
        parts.append(path.read_text(encoding="utf-8"))
        if sum(len(p) for p in parts) >= NEWS_LENGTH:
            out.append(folder / f"news-{len(out):02}.txt")
            out[-1].write_text("\n\n".join(parts), encoding="utf-8")
            parts = []
    return out


def main() -> None:
    """Print the figures for campmap and the baseline side by side."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every wrong answer")
    parser.add_argument(
        "--extra", type=Path, action="append", default=[], help="another folder of real reports"
    )
    args = parser.parse_args()
    gazetteer = default_gazetteer([GeoJSONGazetteer(DATA / "reports" / "gazetteer.geojson")])
    header = f"{'':10}{'precision':>10}{'recall':>8}{'F1':>7}{'counts':>8}{'status':>8}{'traps':>7}"
    errors = []
    for corpus in CORPORA:
        answers = load_corpus(corpus)
        size = sum(a.path.stat().st_size for a in answers)
        print(f"\n{corpus.name}: {len(answers)} reports, {size} bytes")
        print(header)
        for name, predict, _ in SYSTEMS:
            s = score(answers, [predict(a.path, gazetteer) for a in answers])
            print(
                f"{name:10}{s.precision:>10.3f}{s.recall:>8.3f}{s.f1:>7.3f}"
                f"{s.count_accuracy:>8.3f}{s.status_accuracy:>8.3f}{s.traps_hit:>7}"
            )
            errors += [f"{corpus.name} {name}: {e}" for e in s.errors]
    paths = [a.path for corpus in CORPORA for a in load_corpus(corpus)]
    with tempfile.TemporaryDirectory() as tmp:
        news = news_length(paths, Path(tmp))
        print("\nthroughput (one core, CPU time, best of 7): read + extract, and extract alone")
        print(
            f"{'':10}{'corpus reports/s':>17}{'MB/s':>7}{'news reports/s':>16}{'MB/s':>7}"
            f"{'extract only: news reports/s':>30}{'MB/s':>7}"
        )
        speeds = {}
        for name, _, run in SYSTEMS:
            short = throughput(paths, run, gazetteer)
            long = throughput(news, run, gazetteer)
            alone = throughput(news, run, gazetteer, reading=False)
            speeds[name] = long[0]
            print(
                f"{name:10}{short[0]:>17.0f}{short[1]:>7.3f}{long[0]:>16.0f}{long[1]:>7.3f}"
                f"{alone[0]:>30.0f}{alone[1]:>7.3f}"
            )
        # The limit: reading the same files and splitting them into sentences, extracting nothing.
        short, long = throughput(paths, _nothing, gazetteer), throughput(news, _nothing, gazetteer)
        print(f"{'read+split':10}{short[0]:>17.0f}{short[1]:>7.3f}{long[0]:>16.0f}{long[1]:>7.3f}")
        mean = sum(p.stat().st_size for p in news) / len(news)
        print(f"news-length reports: {len(news)}, {mean:.0f} bytes on average")
        print(
            f"campmap news-length: {speeds['campmap']:.0f} reports/s (target >= {TARGET}), "
            f"{speeds['campmap'] / long[0]:.2f} of the read+split limit ({long[0]:.0f} reports/s)"
        )
        ratio = speeds["campmap"] / speeds["baseline"]
        print(f"campmap / baseline news-length speed (read + extract): {ratio:.2f}")
    # The joined reports are dense: every sentence places cameras. Real news is not.
    seeds = sorted(SEEDS.glob("*.txt"))
    if seeds:
        mean = sum(p.stat().st_size for p in seeds) / len(seeds)
        print(f"\nreal news reports (../shared/seeds: {len(seeds)}, {mean:.0f} bytes on average)")
        for name, _, run in SYSTEMS:
            real = throughput(seeds, run, default_gazetteer(), repeat=15)
            print(f"{name:10} read + extract {real[0]:.0f} reports/s, {real[1]:.3f} MB/s")
    else:
        print(f"\n(no real news reports at {SEEDS}: that line is left out)")
    for folder in [REALNEWS, *args.extra]:
        if (folder / "expected.json").exists():
            errors += real_reports(folder)
        else:
            print(f"\n(no real reports at {folder}: that part is left out)")
    if args.errors:
        print("\n" + "\n".join(errors))


def _nothing(document: Document, gazetteer: Gazetteer) -> None:
    """Extract nothing: with ``throughput`` it times reading and splitting alone."""


def _line(name: str, s: Score) -> str:
    return (
        f"{name:44}{s.recall:>7.3f}{s.precision:>7.3f}{s.counts_ok:>4}/{s.counts:<3}"
        f"{s.status_accuracy:>7.3f}{s.kind_accuracy:>7.3f}{s.found:>5}/{s.expected:<4}"
        f"{s.right:>4}/{s.predicted:<4}{s.traps:>4}"
    )


def real_reports(folder: Path) -> list[str]:
    """Print the scores on a folder of real reports; return the wrong answers."""
    reports = load_folder(folder)
    gazetteer = default_gazetteer()
    halves: tuple[tuple[str, list[Expected]], ...] = (
        ("odd-numbered (tuned on)", [r for r in reports if r.number % 2]),
        ("even-numbered (kept unread while tuning)", [r for r in reports if not r.number % 2]),
        ("all", reports),
    )
    head = f"{'':44}{'recall':>7}{'prec.':>7}{'counts':>8}{'status':>7}{'kind':>7}"
    head += f"{'found':>10}{'right':>9}{'traps':>5}"
    print(f"\n{folder.name}: {len(reports)} real reports")
    print(head)
    _, each = score_folder(reports, campmap_found, gazetteer)
    for expected, one in each:
        print(_line(expected.path.name[:43], one))
    errors: list[str] = []
    print(f"\n{folder.name} totals")
    print(head)
    for label, half in halves:
        for name, run in (
            ("campmap", campmap_found),
            ("--learned", learned_found),
            ("baseline", baseline_found),
        ):
            total, _ = score_folder(half, run, gazetteer)
            print(_line(f"{name}, {label}", total))
            if name == "campmap" and label == "all":
                errors += [f"{folder.name} missed: {m}" for m in total.missed]
                errors += [f"{folder.name} wrong: {w}" for w in total.wrong]
    paths = [r.path for r in reports]
    speed = throughput(paths, campmap_mentions, gazetteer)
    mean = sum(p.stat().st_size for p in paths) / len(paths)
    print(
        f"campmap read + extract on these reports ({mean:.0f} bytes on average): "
        f"{speed[0]:.0f} reports/s, {speed[1]:.3f} MB/s (one core, CPU time)"
    )
    return errors


if __name__ == "__main__":
    main()
