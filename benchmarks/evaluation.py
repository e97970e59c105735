"""Score extraction against hand-made answer files, and a plain baseline to compare with.

A corpus is a folder of reports (``NAME.txt`` or ``NAME.html``), each with an
answer file ``NAME.json``::

    {"sites": [{"id": "mill-lane", "count": 3, "status": "installed"}],
     "unresolved": [{"text": "Tollgate Lane", "count": 1, "status": "planned"}],
     "not_sites": ["brackwell"]}

``sites`` are the gazetteer ids the report puts cameras at, ``unresolved`` the
place phrases no gazetteer knows (matched by their words), ``not_sites`` traps
that must not come out as sites (they count as false positives if they do, as
any other extra site does).

Scores: site precision, recall and F1 over (report, site) pairs; count
accuracy over the expected sites that were found (``null`` must stay null);
status accuracy likewise.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from campmap.extract import extract
from campmap.extract.counts import CAMERA_NOUN, find_numbers
from campmap.gazetteer import Gazetteer
from campmap.gazetteer.names import normalize
from campmap.layer.build import build_layers
from campmap.records import Document, Mention, Role
from campmap.sources.reports import read_sources
from campmap.sources.walk import REPORT_SUFFIXES

__all__ = [
    "Answer",
    "Prediction",
    "Scores",
    "baseline_predict",
    "campmap_predict",
    "load_corpus",
    "score",
    "throughput",
]

_JOINING = frozenset("and with of the junction crossroads corner meets where".split())


@dataclass(frozen=True)
class Answer:
    """One report and what a careful reader takes from it."""

    path: Path
    sites: dict[str, tuple[int | None, str]]
    """Expected site key -> (count, status); unresolved ones keyed ``text:<normalised words>``."""
    traps: tuple[str, ...] = ()


Prediction = dict[str, tuple[int | None, str]]
"""Site key -> (count, status), keyed as in :class:`Answer`."""


@dataclass
class Scores:
    """How well predictions match the answers."""

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    counts_right: int = 0
    statuses_right: int = 0
    traps_hit: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """Share of predicted sites that were expected."""
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        """Share of expected sites that were predicted."""
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def count_accuracy(self) -> float:
        """Share of found expected sites whose count (or its absence) is right."""
        return self.counts_right / self.true_positives if self.true_positives else 0.0

    @property
    def status_accuracy(self) -> float:
        """Share of found expected sites whose status is right."""
        return self.statuses_right / self.true_positives if self.true_positives else 0.0


def unresolved_key(text: str) -> str:
    """Return the key an unresolved place phrase is compared by.

    Examples
    --------
    >>> unresolved_key("Foxglove Rd / Hill Street") == unresolved_key("foxglove road and hill st")
    True
    """
    words = [w for w in normalize(text).split() if w not in _JOINING]
    return "text:" + " ".join(words)


def load_corpus(folder: str | Path) -> list[Answer]:
    """Read every report of a corpus folder with its answer file, in name order."""
    answers = []
    for path in sorted(Path(folder).iterdir()):
        if path.suffix not in REPORT_SUFFIXES:
            continue
        spec = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        sites = {s["id"]: (s["count"], s["status"]) for s in spec.get("sites", [])}
        for item in spec.get("unresolved", []):
            sites[unresolved_key(item["text"])] = (item["count"], item["status"])
        answers.append(Answer(path, sites, tuple(spec.get("not_sites", []))))
    return answers


def score(answers: Sequence[Answer], predictions: Sequence[Prediction]) -> Scores:
    """Compare predictions with answers, report by report.

    Examples
    --------
    >>> a = Answer(Path("r.txt"), {"x": (2, "installed"), "y": (None, "planned")}, ("z",))
    >>> s = score([a], [{"x": (2, "installed"), "z": (None, "installed")}])
    >>> (s.true_positives, s.false_positives, s.false_negatives, s.counts_right, s.traps_hit)
    (1, 1, 1, 1, 1)
    """
    out = Scores()
    for answer, predicted in zip(answers, predictions, strict=True):
        name = answer.path.name
        for key, (count, status) in answer.sites.items():
            if key not in predicted:
                out.false_negatives += 1
                out.errors.append(f"{name}: missed {key}")
                continue
            out.true_positives += 1
            got_count, got_status = predicted[key]
            if got_count == count:
                out.counts_right += 1
            else:
                out.errors.append(f"{name}: {key} count {got_count}, expected {count}")
            if got_status == status:
                out.statuses_right += 1
            else:
                out.errors.append(f"{name}: {key} status {got_status}, expected {status}")
        for key in predicted.keys() - answer.sites.keys():
            out.false_positives += 1
            trap = key in answer.traps
            out.traps_hit += trap
            out.errors.append(f"{name}: {'trap ' if trap else ''}{key} is not a site")
    return out


def campmap_predict(path: Path, gazetteer: Gazetteer) -> Prediction:
    """Map one report with campmap and key its sites as the answer files do."""
    document = read_sources([path])
    layers = build_layers(document, extract(document, gazetteer), gazetteer)
    out: Prediction = {}
    for row in layers.sites.itertuples():
        count = None if row.count is None or str(row.count) == "<NA>" else int(row.count)
        out[str(row.site_id)] = (count, str(row.status))
    for item in layers.unresolved:
        out[unresolved_key(item.text)] = (item.count, item.status)
    return out


_CAPITALISED = re.compile(r"\b[A-Z][\w'-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w'-]*)*")


def baseline_mentions(document: Document, gazetteer: Gazetteer) -> list[tuple[str, int | None]]:
    """Find sites the plain way: capitalised phrases the gazetteer knows, in camera sentences.

    Every capitalised phrase (and every gazetteer name) in a sentence that
    names a camera is a site, resolved by :meth:`Gazetteer.lookup` (first
    candidate); its count is the sentence's first number.
    """
    out: list[tuple[str, int | None]] = []
    for sentence in document.sentences:
        text = sentence.text
        if not CAMERA_NOUN.search(text):
            continue
        numbers = [n.value for n in find_numbers(text) if n.value is not None]
        count = numbers[0] if numbers else None
        phrases = {h.text for h in gazetteer.find_names(text) if not h.region}
        phrases.update(m.group() for m in _CAPITALISED.finditer(text))
        for phrase in sorted(phrases):
            places = gazetteer.lookup(phrase)
            if places:
                out.append((places[0].id, count))
    return out


def baseline_predict(path: Path, gazetteer: Gazetteer) -> Prediction:
    """Predict one report's sites with the plain baseline (status is always installed)."""
    document = read_sources([path])
    out: Prediction = {}
    for place_id, count in baseline_mentions(document, gazetteer):
        out.setdefault(place_id, (count, "installed"))
    return out


def campmap_mentions(document: Document, gazetteer: Gazetteer) -> list[Mention]:
    """Return the site and route mentions campmap's extraction stage finds in a document."""
    return [m for m in extract(document, gazetteer) if m.role is not Role.CONTEXT]


def throughput(
    paths: Sequence[Path],
    run: Callable[[Document, Gazetteer], Any],
    gazetteer: Gazetteer,
    *,
    repeat: int = 7,
    reading: bool = True,
) -> tuple[float, float]:
    """Return (reports per second, megabytes per second) of reading and extracting.

    Each report is read and extracted on its own, as a stream of reports
    would be; the best of ``repeat`` passes is kept. Time is this process's
    CPU time (one core), so other jobs on a shared machine do not count
    against it. With ``reading=False`` the reports are read beforehand and
    only the extraction is timed.
    """
    size = sum(p.stat().st_size for p in paths)
    documents = [read_sources([p]) for p in paths]
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        if reading:
            for path in paths:
                run(read_sources([path]), gazetteer)
        else:
            for document in documents:
                run(document, gazetteer)
        best = min(best, time.process_time() - start)
    return len(paths) / best, size / 1e6 / best
