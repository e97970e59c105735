"""Score extraction on folders of real reports in the ``realnews`` answer format.

The format and the scoring rule are those of ``../shared/realnews/README.md``
(the folder itself stays outside the repository): ``expected.json`` holds, per
report, the sites as alternatives of lower-case substrings, the traps, and the
per-site counts; ``ANSWERS.md`` adds, per site, the status, and per report the
kind of cameras. A mention counts when its role is ``site`` and its status is
not ``removed``/``relocated_from``; each expected site takes the first unused
mention matching one of its alternatives (recall); a mention matching any
expected site is right (precision); a count passes when a matching site
mention carries it.

Two figures are added here, on the sites found: **status** (the mention's
status against the answer's, where ``planned`` also accepts ``proposed`` and
``approved``, and ``existing`` is ``installed``) and **kind** (the mention's
camera kind against the kind named on the report's ``Cameras:`` line, read
with :func:`campmap.extract.kinds.camera_kind`; reports whose line names no
kind are left out of that figure).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path

from campmap import Role, extract, read_sources
from campmap.extract.counts import CAMERA_NOUN
from campmap.extract.kinds import camera_kind
from campmap.gazetteer import Gazetteer
from campmap.records import Mention

__all__ = [
    "Expected",
    "Found",
    "Score",
    "as_found",
    "baseline_found",
    "campmap_found",
    "is_expected_site",
    "load_folder",
    "score_folder",
    "score_report",
]

Alternative = list[str]


@dataclass(frozen=True, slots=True)
class Expected:
    """One report's answers."""

    path: Path
    sites: tuple[tuple[Alternative, ...], ...]
    traps: tuple[Alternative, ...]
    counts: tuple[tuple[Alternative, int], ...]
    statuses: tuple[str | None, ...]
    kind: str | None

    @property
    def number(self) -> int:
        """The report's number (``r07_...`` is 7)."""
        found = re.search(r"\d+", self.path.name)
        return int(found.group()) if found else 0


@dataclass(frozen=True, slots=True)
class Found:
    """A mention as the scorer reads it (the fields of ``campmap extract --json``)."""

    text: str
    name: str | None
    role: str
    status: str
    count: int | None
    camera: str = "camera"


@dataclass(slots=True)
class Score:
    """Totals over reports (add with ``+=``)."""

    expected: int = 0
    found: int = 0
    predicted: int = 0
    right: int = 0
    counts: int = 0
    counts_ok: int = 0
    status: int = 0
    status_ok: int = 0
    kind: int = 0
    kind_ok: int = 0
    traps: int = 0
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def __iadd__(self, other: Score) -> Score:
        for item in fields(self):  # counts add up, lists of misses extend
            setattr(self, item.name, getattr(self, item.name) + getattr(other, item.name))
        return self

    @property
    def recall(self) -> float:
        """Expected sites found."""
        return self.found / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        """Site mentions that are expected sites."""
        return self.right / self.predicted if self.predicted else 1.0

    @property
    def f1(self) -> float:
        """The harmonic mean of recall and precision."""
        total = self.recall + self.precision
        return 2 * self.recall * self.precision / total if total else 0.0

    @property
    def count_accuracy(self) -> float:
        """Stated per-site counts carried by a matching site."""
        return self.counts_ok / self.counts if self.counts else 1.0

    @property
    def status_accuracy(self) -> float:
        """Sites found with the answer's status."""
        return self.status_ok / self.status if self.status else 1.0

    @property
    def kind_accuracy(self) -> float:
        """Sites found with the report's camera kind."""
        return self.kind_ok / self.kind if self.kind else 1.0


_STATUS = {
    "installed": {"installed"},
    "existing": {"installed"},
    "in": {"installed"},  # "in operation"
    "planned": {"planned", "proposed", "approved"},
    "proposed": {"proposed", "planned", "approved"},
    "approved": {"approved", "planned"},
    "deployed": {"deployed"},
    "damaged": {"damaged"},
    "installed/planned": {"installed", "planned", "proposed", "approved"},
}
_ROW = re.compile(r"^\|\s*\d+\s*\|")


def _answers(path: Path) -> dict[str, tuple[list[str | None], str | None]]:
    """Per report in ANSWERS.md: the status of each site row, and the kind of cameras."""
    out: dict[str, tuple[list[str | None], str | None]] = {}
    name = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            name = line[3:].strip()
            out[name] = ([], None)
        elif name and line.startswith("- **Cameras:**"):
            kind = camera_kind(line.split("**Cameras:**", 1)[1])
            out[name] = (out[name][0], kind.name if kind else None)
        elif name and _ROW.match(line):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            status = cells[4].split("(")[0].strip().lower() if len(cells) > 4 else ""
            out[name][0].append(status.split()[0] if status else None)
    return out


def load_folder(folder: Path) -> list[Expected]:
    """Read a folder's ``expected.json`` (and ``ANSWERS.md`` when present)."""
    data = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    answers = _answers(folder / "ANSWERS.md") if (folder / "ANSWERS.md").exists() else {}
    out = []
    for name in sorted(data):
        spec = data[name]
        sites = tuple(tuple(alts) for alts in spec["sites"])
        statuses, kind = answers.get(name, ([], None))
        aligned = tuple(statuses) if len(statuses) == len(sites) else (None,) * len(sites)
        out.append(
            Expected(
                path=folder / name,
                sites=sites,
                traps=tuple(spec.get("traps", ())),
                counts=tuple((alt, int(n)) for alt, n in spec.get("counts", ())),
                statuses=aligned,
                kind=kind,
            )
        )
    return out


def _norm(text: str | None) -> str:
    text = (text or "").lower().replace("\u2019", "'").replace(".", " ")
    return " ".join(text.split())


def _matches(alternatives: Iterable[Alternative], found: Found) -> bool:
    texts = [t for t in (_norm(found.text), _norm(found.name)) if t]
    for alt in alternatives:
        if alt and alt[0].startswith("="):
            if alt[0][1:] in texts:
                return True
        elif any(all(part in t for part in alt) for t in texts):
            return True
    return False


def is_expected_site(expected: Expected, found: Found) -> bool:
    """Whether a mention matches one of the report's expected sites (the precision rule)."""
    return any(_matches(alternatives, found) for alternatives in expected.sites)


def score_report(expected: Expected, mentions: Sequence[Found]) -> Score:
    """Score one report's mentions against its answers."""
    sites = [
        m for m in mentions if m.role == "site" and m.status not in ("removed", "relocated_from")
    ]
    out = Score(expected=len(expected.sites), predicted=len(sites), counts=len(expected.counts))
    used: set[int] = set()
    for alternatives, status in zip(expected.sites, expected.statuses, strict=True):
        hit = next(
            (i for i, m in enumerate(sites) if i not in used and _matches(alternatives, m)), None
        )
        if hit is None:
            out.missed.append(f"{expected.path.name}: {alternatives[0]}")
            continue
        used.add(hit)
        out.found += 1
        if status is not None and status in _STATUS:
            out.status += 1
            out.status_ok += sites[hit].status in _STATUS[status]
        if expected.kind is not None:
            out.kind += 1
            out.kind_ok += sites[hit].camera == expected.kind
    for m in sites:
        if is_expected_site(expected, m):
            out.right += 1
        else:
            trap = _matches(expected.traps, m)
            out.traps += trap
            out.wrong.append(f"{expected.path.name}: {m.text}" + (" (a trap)" if trap else ""))
    for alt, number in expected.counts:
        out.counts_ok += any(_matches([alt], m) and m.count == number for m in sites)
    return out


def as_found(mention: Mention) -> Found:
    """A mention as the scorer reads it."""
    return Found(
        text=mention.text,
        name=mention.place.name if mention.place else None,
        role=mention.role.value,
        status=mention.status,
        count=mention.count,
        camera=mention.camera,
    )


def campmap_found(path: Path, gazetteer: Gazetteer) -> list[Found]:
    """Campmap's mentions of one report, as ``campmap extract --json`` gives them."""
    return [as_found(m) for m in extract(read_sources([path]), gazetteer)]


def learned_found(path: Path, gazetteer: Gazetteer) -> list[Found]:
    """Campmap's mentions read again by the learned model (``campmap extract --learned``)."""
    return [as_found(m) for m in extract(read_sources([path]), gazetteer, reread=True)]


_CAPITALISED = re.compile(r"\b[A-Z][\w'-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w'-]*)*")


def baseline_found(path: Path, gazetteer: Gazetteer) -> list[Found]:
    """The plain baseline: capitalised phrases any gazetteer knows, in sentences naming cameras.

    The same rule as :func:`evaluation.baseline_mentions`, keeping the
    phrase as written (the real reports' answers are phrases, not place ids).
    """
    found = []
    for sentence in read_sources([path]).sentences:
        if not CAMERA_NOUN.search(sentence.text):
            continue
        for phrase in dict.fromkeys(m.group() for m in _CAPITALISED.finditer(sentence.text)):
            places = gazetteer.lookup(phrase)
            if places:
                found.append(Found(phrase, places[0].name, Role.SITE.value, "installed", None))
    return found


def score_folder(
    reports: Sequence[Expected],
    run: Callable[[Path, Gazetteer], list[Found]],
    gazetteer: Gazetteer,
) -> tuple[Score, list[tuple[Expected, Score]]]:
    """Return the totals and the per-report scores of one system on some reports."""
    total = Score()
    each = []
    for expected in reports:
        one = score_report(expected, run(expected.path, gazetteer))
        total += one
        each.append((expected, one))
    return total, each
