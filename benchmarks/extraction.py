"""Extraction accuracy and speed on the evaluation corpus, beside a plain baseline.

Run from the repository root::

    .venv/bin/python benchmarks/extraction.py [--errors]

Prints site precision, recall and F1, count and status accuracy, and the
throughput of reading and extracting (reports/s, MB/s, one core) for campmap
and for a capitalised-phrase baseline with the same gazetteer, in one process.
Targets: F1 >= 0.9; >= 200 news-length reports/s.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from campmap.evaluation import (
    baseline_mentions,
    baseline_predict,
    campmap_mentions,
    campmap_predict,
    load_corpus,
    score,
    throughput,
)
from campmap.gazetteer import GeoJSONGazetteer, default_gazetteer

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "reports"


def main() -> None:
    """Print the figures for campmap and the baseline side by side."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--errors", action="store_true", help="list every wrong answer")
    args = parser.parse_args()
    gazetteer = default_gazetteer([GeoJSONGazetteer(args.corpus / "gazetteer.geojson")])
    answers = load_corpus(args.corpus)
    paths = [a.path for a in answers]
    rows = {}
    for name, predict, run in (
        ("campmap", campmap_predict, campmap_mentions),
        ("baseline", baseline_predict, baseline_mentions),
    ):
        scores = score(answers, [predict(p, gazetteer) for p in paths])
        reports_s, mb_s = throughput(paths, run, gazetteer)
        rows[name] = (scores, reports_s, mb_s)
    size = sum(p.stat().st_size for p in paths)
    print(f"corpus: {len(paths)} reports, {size} bytes, {args.corpus}")
    print(f"{'':10}{'precision':>10}{'recall':>8}{'F1':>7}{'counts':>8}{'status':>8}"
          f"{'traps':>7}{'reports/s':>11}{'MB/s':>7}")  # fmt: skip
    for name, (s, reports_s, mb_s) in rows.items():
        print(
            f"{name:10}{s.precision:>10.3f}{s.recall:>8.3f}{s.f1:>7.3f}{s.count_accuracy:>8.3f}"
            f"{s.status_accuracy:>8.3f}{s.traps_hit:>7}{reports_s:>11.0f}{mb_s:>7.3f}"
        )
    ratio = rows["campmap"][1] / rows["baseline"][1]
    print(f"campmap speed / baseline speed: {ratio:.2f}")
    if args.errors:
        for name, (s, _, _) in rows.items():
            for error in s.errors:
                print(f"{name}: {error}")


if __name__ == "__main__":
    main()
