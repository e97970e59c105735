"""Fit the learned second reading of place mentions (:mod:`campmap.extract.reread`).

Run from the repository root (needs the ``benchmark`` extra, for scikit-learn)::

    .venv/bin/python benchmarks/train_reread.py FOLDER [FOLDER ...] [--out FILE] [--check]

Every FOLDER holds real reports with answers in the realnews format
(``benchmarks/realnews.py``); ``../shared/realnews`` is the one beside the
repository, and more folders in the same format can be added. The reports
themselves never enter the repository; the model written holds only weights
for words seen in at least ``--min-reports`` different reports, so no single
report's names are in it.

What it does:

1. Extracts every report with the hand rules alone (``reread=False``) and keeps,
   for each site or context mention, its keys
   (:func:`campmap.extract.reread.context_words`) and a label: 1 when the
   mention matches one of the report's expected sites, else 0.
2. Chooses the regularisation ``C`` and the threshold by **leave one folder
   out**: each folder is predicted by a model fitted on the other folders
   only, and the choice is the one with the best F1 over all folders pooled
   (scored with the folder's own rule, :func:`realnews.score_report`).
3. Prints, per folder, the hand rules' score beside the held-out learned one;
   then fits on every folder and writes the model (``--out``; by default the
   shipped ``data/reread-model.json``), unless ``--check``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import sklearn
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from campmap.extract import extract
from campmap.extract.reread import MODEL_FILE, context_words, open_to_reading
from campmap.gazetteer import Gazetteer, default_gazetteer
from campmap.paths import data_dir
from campmap.records import Role
from campmap.sources import read_sources

sys.path.insert(0, str(Path(__file__).resolve().parent))
from realnews import Expected, Found, Score, as_found, is_expected_site, load_folder, score_report

GRID_C = (0.1, 0.3, 1.0, 3.0)
GRID_THRESHOLD = (0.3, 0.4, 0.5, 0.6, 0.7)
MIN_FOLDERS = 4
"""A key enters the model only when reports of this many folders have it (fewer folders: all)."""


@dataclass(frozen=True, slots=True)
class Report:
    """One report's mentions as the hand rules gave them, with keys and labels."""

    expected: Expected
    folder: str
    found: tuple[Found, ...]
    keys: tuple[tuple[str, ...], ...]  # () where the mention is not open to the reading
    labels: tuple[int, ...]
    closed: tuple[bool, ...]  # not open to the reading: keeps the hand role


def collect(folder: Path, gazetteer: Gazetteer) -> list[Report]:
    """Every report of a folder, with its mentions' keys and labels."""
    out = []
    for expected in load_folder(folder):
        mentions = extract(read_sources([expected.path]), gazetteer, reread=False)
        found = tuple(as_found(m) for m in mentions)
        out.append(
            Report(
                expected=expected,
                folder=folder.name,
                found=found,
                keys=tuple(context_words(m) if open_to_reading(m) else () for m in mentions),
                labels=tuple(int(is_expected_site(expected, f)) for f in found),
                closed=tuple(not open_to_reading(m) for m in mentions),
            )
        )
    return out


def vocabulary(reports: list[Report], min_reports: int) -> set[str]:
    """The keys seen in at least ``min_reports`` reports of at least ``MIN_FOLDERS`` folders.

    A word that only one story (or one town's run of stories) uses is a name, not a
    general clue, and is left out: several folders gathered apart must share it.
    """
    seen: Counter[str] = Counter()
    folders: dict[str, set[str]] = {}
    for report in reports:
        keys = {key for keys in report.keys for key in keys}
        seen.update(keys)
        for key in keys:
            folders.setdefault(key, set()).add(report.folder)
    wanted = min(MIN_FOLDERS, len({r.folder for r in reports}))
    return {key for key, n in seen.items() if n >= min_reports and len(folders[key]) >= wanted}


def _rows(reports: list[Report], kept: set[str]) -> tuple[list[dict[str, int]], np.ndarray]:
    rows, labels = [], []
    for report in reports:
        for keys, label, closed in zip(report.keys, report.labels, report.closed, strict=True):
            if not closed:
                rows.append({key: 1 for key in keys if key in kept})
                labels.append(label)
    return rows, np.array(labels)


def fit(reports: list[Report], c: float, min_reports: int) -> tuple[DictVectorizer, object]:
    """Fit a vectoriser and a logistic regression on the reports' mentions."""
    kept = vocabulary(reports, min_reports)
    rows, labels = _rows(reports, kept)
    vectoriser = DictVectorizer()
    model = LogisticRegression(C=c, max_iter=5000).fit(vectoriser.fit_transform(rows), labels)
    return vectoriser, model


def probabilities(fitted: tuple[DictVectorizer, object], report: Report) -> np.ndarray:
    """Each mention's probability of a site (0 where the hand role is kept)."""
    vectoriser, model = fitted
    rows = [{key: 1 for key in keys} for keys in report.keys]
    if not rows:
        return np.zeros(0)
    p = model.predict_proba(vectoriser.transform(rows))[:, 1]  # type: ignore[attr-defined]
    return np.where(np.array(report.closed), 0.0, p)


def score(report: Report, p: np.ndarray | None, threshold: float) -> Score:
    """The report's score with the learned roles (``p``), or the hand roles (None)."""
    if p is None:
        return score_report(report.expected, report.found)
    found = [
        f if closed else replace(f, role=Role.SITE.value if q > threshold else Role.CONTEXT.value)
        for f, q, closed in zip(report.found, p, report.closed, strict=True)
    ]
    return score_report(report.expected, found)


def held_out(
    reports: list[Report], folders: list[str], c: float, min_reports: int
) -> dict[str, list[np.ndarray]]:
    """Each folder's probabilities from a model fitted on the other folders."""
    out = {}
    for folder in folders:
        fitted = fit([r for r in reports if r.folder != folder], c, min_reports)
        out[folder] = [probabilities(fitted, r) for r in reports if r.folder == folder]
    return out


def choose(
    reports: list[Report], folders: list[str], select: list[str], min_reports: int
) -> tuple[float, float]:
    """The ``C`` and threshold with the best leave-one-folder-out F1 on the ``select`` folders.

    The hand rules were written while reading most folders, so on those they
    are close to in-sample and a model that copies them looks best; the
    choice is made on the folders they were least tuned on.
    """
    best = (-1.0, GRID_C[0], GRID_THRESHOLD[0])
    for c in GRID_C:
        probs = held_out(reports, folders, c, min_reports)
        for threshold in GRID_THRESHOLD:
            total, chosen = Score(), Score()
            for folder in folders:
                mine = [r for r in reports if r.folder == folder]
                for report, p in zip(mine, probs[folder], strict=True):
                    got = score(report, p, threshold)
                    total += got
                    if folder in select:
                        chosen += got
            print(
                f"  C={c:<5} threshold={threshold}: leave-one-folder-out F1 {total.f1:.3f} "
                f"over all, {chosen.f1:.3f} over {', '.join(select)}"
            )
            best = max(best, (chosen.f1, c, threshold))
    return best[1], best[2]


def main() -> None:
    """Fit, report leave-one-folder-out figures, and write the model."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, default=data_dir() / MODEL_FILE)
    parser.add_argument("--min-reports", type=int, default=3)
    parser.add_argument(
        "--select",
        action="append",
        default=[],
        help="folder name the choice of C and threshold is made on (repeatable; default all)",
    )
    parser.add_argument("--check", action="store_true", help="print figures, write nothing")
    args = parser.parse_args()
    gazetteer = default_gazetteer()
    reports = [r for folder in args.folders for r in collect(folder, gazetteer)]
    folders = [folder.name for folder in args.folders]
    print(f"{len(reports)} reports, {sum(len(r.found) for r in reports)} mentions")
    c, threshold = choose(reports, folders, args.select or folders, args.min_reports)
    print(f"chosen: C={c}, threshold={threshold}")
    probs = held_out(reports, folders, c, args.min_reports)
    pooled_hand, pooled_learned = Score(), Score()
    print(f"{'folder':14}{'hand R':>8}{'P':>7}{'F1':>7}{'held-out R':>12}{'P':>7}{'F1':>7}")
    for folder in folders:
        hand, learned = Score(), Score()
        mine = [r for r in reports if r.folder == folder]
        for report, p in zip(mine, probs[folder], strict=True):
            hand += score(report, None, threshold)
            learned += score(report, p, threshold)
        pooled_hand += hand
        pooled_learned += learned
        print(
            f"{folder:14}{hand.recall:8.3f}{hand.precision:7.3f}{hand.f1:7.3f}"
            f"{learned.recall:12.3f}{learned.precision:7.3f}{learned.f1:7.3f}"
        )
    print(
        f"{'all':14}{pooled_hand.recall:8.3f}{pooled_hand.precision:7.3f}{pooled_hand.f1:7.3f}"
        f"{pooled_learned.recall:12.3f}{pooled_learned.precision:7.3f}{pooled_learned.f1:7.3f}"
    )
    if args.check:
        return
    vectoriser, model = fit(reports, c, args.min_reports)
    names = vectoriser.get_feature_names_out()
    weights = {
        str(name): round(float(w), 4)
        for name, w in zip(names, model.coef_[0], strict=True)  # type: ignore[attr-defined]
        if abs(w) >= 1e-4
    }
    about = {
        "what": "campmap.extract.reread: logistic regression over context_words keys",
        "trained_on": [
            {"folder": name, "reports": sum(r.folder == name for r in reports)} for name in folders
        ],
        "min_reports": args.min_reports,
        "min_folders": MIN_FOLDERS,
        "C": c,
        "chosen_on": args.select or folders,
        "scikit_learn": sklearn.__version__,
        "leave_one_folder_out": {
            "recall": round(pooled_learned.recall, 3),
            "precision": round(pooled_learned.precision, 3),
            "f1": round(pooled_learned.f1, 3),
        },
    }
    body = {
        "about": about,
        "threshold": threshold,
        "intercept": round(float(model.intercept_[0]), 4),  # type: ignore[attr-defined]
        "weights": dict(sorted(weights.items())),
    }
    tmp = args.out.with_suffix(".tmp")
    tmp.write_text(json.dumps(body, indent=0, ensure_ascii=True) + "\n", encoding="utf-8")
    tmp.replace(args.out)
    print(f"wrote {args.out.name}: {len(weights)} weights")


if __name__ == "__main__":
    main()
