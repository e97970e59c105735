"""Hand-written weights against learned ones, scored on reports the learning never saw (issue 15).

Run from the repository root (needs the ``benchmark`` extra, for scikit-learn)::

    .venv/bin/python benchmarks/learned.py [FOLDER ...] [--cases]

FOLDER defaults to ``../shared/realnews``; every folder is in the realnews
answer format (``benchmarks/realnews.py``). The first folder is the training
set of the cross-set check; the others are only tested on there.

What it does:

1. Runs the extractor (hand weights) on every report and keeps, per candidate
   mention, its :class:`~campmap.extract.decide.Features` (recorded through
   the ``weigh`` seam of :func:`campmap.extract.extract`) and a label: 1 when
   its text or name matches one of the report's expected sites under the
   folder's rule (:func:`realnews.is_expected_site`), else 0.
2. Fits :class:`sklearn.linear_model.LogisticRegression` **leave one report
   out** (LORO: each report is predicted by a model fitted on all the other
   reports of all the folders, never on itself): plain L2 (C=1); L2 with
   balanced class weights; a sweep over L1/L2, C and class weights chosen by
   an inner 5-fold cross-validation grouped by report, on the training reports
   only; and "both": the hand vetoes (a hand weight of -4 or less) decide
   alone and an L2 model, fitted on the candidates no veto applies to, weighs
   the rest. A candidate is a site when p > 0.5; the reports are scored with
   the folder's rule (:func:`realnews.score_report`), beside the hand weights
   on the very same candidates (``decide()`` alone) and the whole extractor's
   output. Also: L2 LORO within one folder, L2 in-sample (fitted on the
   reports it is scored on: a ceiling, not a test), and the cross-set check
   (fitted on the first folder, tested on each other one).
3. Prints recall, precision and F1 per test set and system (and F1 on the
   even-numbered reports alone: in ``realnews`` the hand weights were tuned
   on the odd-numbered ones), a paired bootstrap over reports of the F1
   differences, the learned coefficients beside the hand weights, and, per
   feature, the candidates on which learned and hand weights disagree and
   which was right (``--cases`` lists them).

Approximations and caveats, said plainly:

- The features are those the hand-weighted run produced. Some features of a
  candidate depend on the decisions taken on the candidates before it
  (``listed_with_site``, ``narrows_previous`` ...), and those decisions were the
  hand weights'. A learned model scored on these vectors is judged as if the
  rest of the sentence had been decided by hand. The ``re-run`` rows remove
  that for the plain L2 model: the report is extracted again with the learned
  weights deciding every candidate in turn (the hand rule still makes route
  ends routes), so later features follow the learned decisions and the
  extractor's later passes (framing areas, namesakes) apply as they do to the
  hand weights. The model itself was still fitted on hand-run features.
- The candidate-level rows (``decide()`` alone and learned, p > 0.5) skip the
  passes after the weighing (an opening area framing the sites after it, a
  town used as the area of other sites made context), which the ``whole
  extractor`` and ``re-run`` rows include; compare like with like.
- The hand weights, and the features themselves, were written while reading
  ``realnews``: on that folder the hand rows are close to in-sample, the
  learned LORO rows are not. A folder nobody tuned on is the fair test.
- Logistic regression fits the candidates' log-loss, not the report-level F1
  the hand weights were tuned for; the labels are the answer files' substring
  rule, so every mention of a site (a second mention too) is a positive.
"""

from __future__ import annotations

import argparse
import math
import sys
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV, GroupKFold

from campmap import read_sources
from campmap.extract import extract
from campmap.extract.decide import PRIOR, WEIGHTS, Decision, Features, decide
from campmap.gazetteer import Gazetteer, default_gazetteer
from campmap.records import Role

sys.path.insert(0, str(Path(__file__).resolve().parent))
from realnews import (
    Expected,
    Found,
    Score,
    as_found,
    is_expected_site,
    load_folder,
    score_report,
)

REALNEWS = Path(__file__).resolve().parent.parent.parent / "shared" / "realnews"
NAMES = Features._fields  # a NamedTuple: _fields is its public list of names
GRID = {
    "C": [0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 100.0],
    "l1_ratio": [0.0, 1.0],
    "class_weight": [None, "balanced"],
}
BOOTSTRAP = 2000
Model = Any  # a fitted sklearn classifier with predict_proba (and coef_ where linear)


@dataclass(frozen=True, slots=True)
class Report:
    """One report's candidates: as the extractor gave them, their features and labels."""

    expected: Expected
    folder: str
    found: tuple[Found, ...]
    features: np.ndarray  # candidates x features, 0/1
    labels: np.ndarray  # 1 where the candidate matches an expected site
    hand: np.ndarray  # decide() alone says site


def _run(
    expected: Expected, gazetteer: Gazetteer, weigh: Callable[[Features], Decision] = decide
) -> tuple[list[Found], list[Features]]:
    """Extract one report, keeping each candidate's features (one ``weigh`` call per mention)."""
    seen: list[Features] = []

    def recording(features: Features) -> Decision:
        seen.append(features)
        return weigh(features)

    mentions = extract(read_sources([expected.path]), gazetteer, weigh=recording)
    if len(seen) != len(mentions):
        raise RuntimeError(f"{expected.path.name}: {len(seen)} weighings, {len(mentions)} mentions")
    return [as_found(m) for m in mentions], seen


def collect(folder: Path, gazetteer: Gazetteer) -> list[Report]:
    """Every report of a folder, with its candidates' features and labels."""
    out = []
    for expected in load_folder(folder):
        found, seen = _run(expected, gazetteer)
        matrix = np.array([[getattr(f, n) for n in NAMES] for f in seen], dtype=float)
        out.append(
            Report(
                expected=expected,
                folder=folder.name,
                found=tuple(found),
                features=matrix.reshape(len(seen), len(NAMES)),
                labels=np.array([is_expected_site(expected, f) for f in found], dtype=int),
                hand=np.array([decide(f).role is Role.SITE for f in seen], dtype=bool),
            )
        )
    return out


def score(report: Report, sites: np.ndarray) -> Score:
    """The report's score when exactly the candidates marked in ``sites`` are sites."""
    found = [
        replace(f, role=Role.SITE.value if s else Role.CONTEXT.value)
        for f, s in zip(report.found, sites, strict=True)
    ]
    return score_report(report.expected, found)


def plain_l2(balanced: bool = False) -> Callable[[], Model]:
    weight = "balanced" if balanced else None
    return lambda: LogisticRegression(C=1.0, class_weight=weight, max_iter=5000)


VETOES = np.array([WEIGHTS[n][0] <= -4.0 for n in NAMES])  # decide()'s vetoes (_VETO)


class HandVetoes:
    """Both: the hand vetoes (a weight of -4 or less) decide alone; a model weighs the rest.

    The model is fitted only on the candidates no veto applies to.
    """

    def __init__(self, model: Model) -> None:
        self.model = model

    def fit(self, x: np.ndarray, y: np.ndarray) -> HandVetoes:
        free = ~(x[:, VETOES] > 0).any(axis=1)
        self.model.fit(x[free], y[free])
        return self

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        p = np.array(self.model.predict_proba(x))
        p[(x[:, VETOES] > 0).any(axis=1)] = (1.0, 0.0)
        return p


def swept() -> Model:
    """L1 or L2, C and class weights, chosen by inner cross-validation grouped by report."""
    # liblinear fits L1 and L2 alike; a large intercept scaling keeps it from shrinking the prior.
    base = LogisticRegression(
        solver="liblinear", intercept_scaling=100, max_iter=10000, random_state=0
    )
    return GridSearchCV(base, GRID, cv=GroupKFold(n_splits=5), scoring="f1", n_jobs=1)


def fit(make: Callable[[], Model], reports: Sequence[Report]) -> Model:
    x = np.vstack([r.features for r in reports])
    y = np.concatenate([r.labels for r in reports])
    model = make()
    if isinstance(model, GridSearchCV):
        groups = np.concatenate([np.full(len(r.labels), i) for i, r in enumerate(reports)])
        model.fit(x, y, groups=groups)
        return model.best_estimator_
    return model.fit(x, y)


def predict(model: Model, report: Report) -> np.ndarray:
    if not len(report.labels):
        return np.zeros(0, dtype=bool)
    return np.asarray(model.predict_proba(report.features)[:, 1] > 0.5)


def leave_one_out(make: Callable[[], Model], reports: Sequence[Report]) -> list[Model]:
    """One model per report, fitted on all the other reports."""
    return [fit(make, [r for j, r in enumerate(reports) if j != i]) for i in range(len(reports))]


def learned_weigh(model: Model) -> Callable[[Features], Decision]:
    """:func:`decide` with a fitted model's coefficients and intercept as weights and prior."""
    weights = [(float(w), WEIGHTS[n][1]) for n, w in zip(NAMES, model.coef_[0], strict=True)]
    prior = float(model.intercept_[0])

    def weigh(features: Features) -> Decision:
        hand = decide(features)
        if hand.role is Role.ROUTE:  # a route end is a structural role: keep the hand rule
            return hand
        values = (getattr(features, n) for n in NAMES)
        on = [w for w, value in zip(weights, values, strict=True) if value]
        total = prior + sum(w for w, _ in on)
        site = total > 0
        ordered = sorted(on, key=lambda item: -item[0] if site else item[0])
        reasons = tuple(words for w, words in ordered if w and (w > 0) == site)
        confidence = 1.0 / (1.0 + math.exp(-total))
        role = Role.SITE if site else Role.CONTEXT
        return Decision(role, confidence if site else 1.0 - confidence, reasons)

    return weigh


def rerun(report: Report, model: Model, gazetteer: Gazetteer) -> Score:
    """Extract the report again with the learned weights deciding; score the whole output."""
    found, _ = _run(report.expected, gazetteer, learned_weigh(model))
    return score_report(report.expected, found)


def _total(scores: Sequence[Score]) -> Score:
    out = Score()
    for one in scores:
        out += one
    return out


def _line(name: str, scores: Sequence[Score], reports: Sequence[Report]) -> str:
    s = _total(scores)
    even = _total(
        [one for one, r in zip(scores, reports, strict=True) if not r.expected.number % 2]
    )
    return (
        f"  {name:44}{s.recall:>7.3f}{s.precision:>7.3f}{s.f1:>7.3f}"
        f"{s.found:>6}/{s.expected:<4}{s.right:>5}/{s.predicted:<4}{s.traps:>5}{even.f1:>8.3f}"
    )


def bootstrap(a: Sequence[Score], b: Sequence[Score], seed: int = 15) -> tuple[float, float]:
    """95% interval of F1(b) - F1(a), resampling reports (paired)."""
    cols = ("found", "expected", "right", "predicted")
    pa = np.array([[getattr(s, c) for c in cols] for s in a], dtype=float)
    pb = np.array([[getattr(s, c) for c in cols] for s in b], dtype=float)
    picks = np.random.default_rng(seed).integers(0, len(a), size=(BOOTSTRAP, len(a)))

    def f1s(p: np.ndarray) -> np.ndarray:
        sums = p[picks].sum(axis=1)
        recall = np.divide(sums[:, 0], sums[:, 1], out=np.ones(BOOTSTRAP), where=sums[:, 1] > 0)
        prec = np.divide(sums[:, 2], sums[:, 3], out=np.ones(BOOTSTRAP), where=sums[:, 3] > 0)
        return np.asarray(2 * recall * prec / np.maximum(recall + prec, 1e-12))

    diff = f1s(pb) - f1s(pa)
    return float(np.percentile(diff, 2.5)), float(np.percentile(diff, 97.5))


HEAD = (
    f"  {'':44}{'recall':>7}{'prec.':>7}{'F1':>7}{'found':>9}{'right':>10}"
    f"{'traps':>7}{'F1 even':>8}"
)
L2 = "L2"
MAKERS: tuple[tuple[str, Callable[[], Model]], ...] = (
    (L2, plain_l2()),
    ("L2 balanced", plain_l2(balanced=True)),
    ("sweep (inner CV)", swept),
    ("L2 + hand vetoes", lambda: HandVetoes(plain_l2()())),
)
HAND, HAND_ALONE = "hand, whole extractor", "hand, decide() alone"


@dataclass(frozen=True, slots=True)
class Fitted:
    """The models: leave one report out of all folders, of one folder, and fitted on the first."""

    pooled: list[Report]
    loro: dict[str, list[Model]]  # aligned with ``pooled``
    own: dict[str, list[Model]]  # per folder, L2, aligned with the folder's reports
    cross: dict[str, Model]  # fitted on the first folder

    def held_out(self, label: str, report: Report) -> Model:
        """The model of ``label`` that never saw ``report``."""
        return self.loro[label][next(i for i, r in enumerate(self.pooled) if r is report)]


def fit_all(sets: dict[str, list[Report]]) -> Fitted:
    pooled = [r for reports in sets.values() for r in reports]
    first = sets[next(iter(sets))]
    return Fitted(
        pooled=pooled,
        loro={label: leave_one_out(make, pooled) for label, make in MAKERS},
        own={name: leave_one_out(plain_l2(), reports) for name, reports in sets.items()},
        cross={label: fit(make, first) for label, make in MAKERS} if len(sets) > 1 else {},
    )


def rows(
    name: str, reports: list[Report], fitted: Fitted, gazetteer: Gazetteer, *, cross: str = ""
) -> dict[str, list[Score]]:
    """Per system, the per-report scores on one folder (``cross``: fitted on that folder too)."""
    out = {
        HAND: [score_report(r.expected, r.found) for r in reports],
        HAND_ALONE: [score(r, r.hand) for r in reports],
    }
    for label in fitted.loro:
        out[f"learned {label}, LORO"] = [
            score(r, predict(fitted.held_out(label, r), r)) for r in reports
        ]
    out["learned L2, LORO, re-run"] = [rerun(r, fitted.held_out(L2, r), gazetteer) for r in reports]
    out["learned L2, LORO in this folder"] = [
        score(r, predict(m, r)) for r, m in zip(reports, fitted.own[name], strict=True)
    ]
    seen = fit(plain_l2(), reports)
    out["learned L2, in-sample (not a test)"] = [score(r, predict(seen, r)) for r in reports]
    if cross:
        for label, model in fitted.cross.items():
            out[f"learned {label}, fit on {cross}"] = [score(r, predict(model, r)) for r in reports]
        out[f"learned L2, fit on {cross}, re-run"] = [
            rerun(r, fitted.cross[L2], gazetteer) for r in reports
        ]
    return out


def print_rows(name: str, reports: list[Report], table: dict[str, list[Score]]) -> None:
    print(f"\n{name}: {len(reports)} reports (F1 even: the even-numbered reports alone)")
    print(HEAD)
    for label, scores in table.items():
        print(_line(label, scores, reports))
    pairs = [(f"learned {label}, LORO", HAND_ALONE) for label, _ in MAKERS]
    pairs += [(k, HAND) for k in table if k.endswith("re-run")]
    pairs += [(k, HAND_ALONE) for k in table if ", fit on " in k and not k.endswith("re-run")]
    print("  F1 differences, with a paired bootstrap over reports (95%):")
    for new, old in pairs:
        lo, hi = bootstrap(table[old], table[new])
        diff = _total(table[new]).f1 - _total(table[old]).f1
        print(f"    {new:44} minus {old:22} {diff:+.3f} ({lo:+.3f} .. {hi:+.3f})")


def _hand_logit(x: np.ndarray) -> np.ndarray:
    weights = np.array([WEIGHTS[n][0] for n in NAMES])
    return np.asarray(PRIOR + x @ weights)


def _vector(model: Model) -> np.ndarray:
    """A linear model's intercept, then its coefficients."""
    return np.concatenate([model.intercept_, model.coef_[0]])


def print_weights(sets: dict[str, list[Report]], fitted: Fitted) -> None:
    """The learned coefficients beside the hand weights, feature by feature."""
    pooled = fitted.pooled
    x = np.vstack([r.features for r in pooled])
    y = np.concatenate([r.labels for r in pooled])
    first = next(iter(sets))
    chosen = fit(swept, pooled)
    columns = {
        f"L2 {first}": _vector(fit(plain_l2(), sets[first])),
        "L2 all": _vector(fit(plain_l2(), pooled)),
        "sweep all": _vector(chosen),
    }
    spread = np.array([_vector(m) for m in fitted.loro[L2]])
    hand = [PRIOR, *(WEIGHTS[n][0] for n in NAMES)]
    on = np.hstack([np.ones((len(y), 1)), x]) > 0
    print(f"\nWeights (log-odds), hand beside learned; the sweep on all chose {_params(chosen)}")
    print(f"  {'feature':27}{'n':>5}{'sites':>6}{'hand':>7}", end="")
    print("".join(f"{k[:13]:>14}" for k in columns) + f"{'LORO L2 range':>16}")
    for j, name in enumerate(("(prior, intercept)", *NAMES)):
        cells = "".join(f"{v[j]:>14.2f}" for v in columns.values())
        lo, hi = spread[:, j].min(), spread[:, j].max()
        n, sites = int(on[:, j].sum()), int(y[on[:, j]].sum())
        print(f"  {name:27}{n:>5}{sites:>6}{hand[j]:>7.1f}{cells}{lo:>8.2f}..{hi:<6.2f}")
    hand_p = 1 / (1 + np.exp(-_hand_logit(x)))
    held = [m.predict_proba(r.features)[:, 1] for m, r in zip(fitted.loro[L2], pooled, strict=True)]
    loss, learned = _log_loss(y, hand_p), _log_loss(y, np.concatenate(held))
    print(f"  candidate log-loss: hand weights {loss:.3f}, learned L2 (LORO) {learned:.3f}")


def _params(model: Model) -> str:
    penalty = "L1" if model.l1_ratio == 1.0 else "L2"
    return f"{penalty}, C={model.C:g}, class_weight={model.class_weight}"


def _log_loss(y: np.ndarray, p: np.ndarray) -> float:
    p = np.clip(p, 1e-9, 1 - 1e-9)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def print_disagreements(fitted: Fitted, cases: bool) -> None:
    """Candidates the learned L2 (LORO) and hand weights decide differently: who was right."""
    wins: dict[str, list[int]] = {n: [0, 0] for n in NAMES}
    lines = []
    for model, report in zip(fitted.loro[L2], fitted.pooled, strict=True):
        learned = predict(model, report)
        for k in np.flatnonzero(learned != report.hand):
            right = int(learned[k] == bool(report.labels[k]))  # 1: learned right, 0: hand right
            on = [n for n, v in zip(NAMES, report.features[k], strict=True) if v]
            for n in on:
                wins[n][1 - right] += 1
            who = "learned" if right else "hand"
            where = f"{report.expected.path.name[:40]:41}{report.found[k].text[:40]:41}"
            lines.append(f"  {where}site={report.labels[k]} {who} right: {' '.join(on)}")
    total = len(lines)
    print(f"\nCandidates where learned L2 (LORO) and hand weights disagree: {total}")
    print(f"  {'feature on':27}{'learned right':>14}{'hand right':>11}")
    for name, (learned_right, hand_right) in sorted(wins.items(), key=lambda w: w[1][1] - w[1][0]):
        if learned_right or hand_right:
            print(f"  {name:27}{learned_right:>14}{hand_right:>11}")
    if cases:
        print("\n".join(lines))


def print_swaps(sets: dict[str, list[Report]], fitted: Fitted) -> None:
    """F1 of the hand weights with one weight (or the prior) swapped for its learned value.

    The learned value is the LORO L2 coefficient of the report's own held-out
    model, so no report is scored with a weight fitted on it.
    """
    hand = np.array([PRIOR, *(WEIGHTS[n][0] for n in NAMES)])
    print("\nHand weights with one weight swapped for the learned L2 (LORO) one: F1 change")
    print(
        f"  {'weight swapped':27}{'hand':>7}{'learned':>9}" + "".join(f"{k[:12]:>13}" for k in sets)
    )
    base = {k: _total([score(r, r.hand) for r in reports]).f1 for k, reports in sets.items()}
    for j, name in enumerate(("(prior)", *NAMES)):
        changes = []
        for reports in sets.values():
            scores = []
            for r in reports:
                weights = hand.copy()
                weights[j] = _vector(fitted.held_out(L2, r))[j]
                logit = weights[0] + r.features @ weights[1:]
                scores.append(score(r, np.asarray(logit > 0) & ~_is_route(r)))
            changes.append(_total(scores).f1)
        deltas = [c - base[k] for c, k in zip(changes, sets, strict=True)]
        if any(abs(d) > 1e-9 for d in deltas):
            mean = np.mean([_vector(m)[j] for m in fitted.loro[L2]])
            cells = "".join(f"{d:>+13.3f}" for d in deltas)
            print(f"  {name:27}{hand[j]:>7.1f}{mean:>9.2f}{cells}")


def _is_route(report: Report) -> np.ndarray:
    """Route ends (never sites under the hand rule); none is found in the current folders."""
    return report.features[:, NAMES.index("route_end")] > 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[REALNEWS])
    parser.add_argument("--cases", action="store_true", help="list every disagreement")
    args = parser.parse_args()
    warnings.filterwarnings("ignore", category=ConvergenceWarning)
    gazetteer = default_gazetteer()
    sets = {folder.name: collect(folder, gazetteer) for folder in args.folders}
    for name, reports in sets.items():
        labels = np.concatenate([r.labels for r in reports])
        matching = int(labels.sum())
        print(f"{name}: {len(reports)} reports, {len(labels)} candidates, {matching} match a site")
    fitted = fit_all(sets)
    for i, (name, reports) in enumerate(sets.items()):
        cross = next(iter(sets)) if i else ""
        print_rows(name, reports, rows(name, reports, fitted, gazetteer, cross=cross))
    print_weights(sets, fitted)
    print_swaps(sets, fitted)
    print_disagreements(fitted, args.cases)


if __name__ == "__main__":
    main()
