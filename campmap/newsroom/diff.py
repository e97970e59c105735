"""Compare two runs' outputs: sites added, removed, moved, counts changed."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgspec
from shapely.geometry import shape

from campmap.errors import InputError
from campmap.geometry import distance_m

__all__ = ["RunDiff", "diff_runs"]

MOVED_M = 1.0
"""A site whose point moved less than this is not reported as moved."""


@dataclass(frozen=True)
class RunDiff:
    """What changed between two output folders (sites and routes by id)."""

    added: list[dict[str, Any]] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)
    moved: list[dict[str, Any]] = field(default_factory=list)
    counts: list[dict[str, Any]] = field(default_factory=list)
    verification: list[dict[str, Any]] = field(default_factory=list)

    @property
    def unchanged(self) -> bool:
        """Whether nothing changed."""
        return not (self.added or self.removed or self.moved or self.counts or self.verification)

    def as_dict(self) -> dict[str, list[dict[str, Any]]]:
        """Return the differences as plain values (for ``--json``)."""
        return {
            "added": self.added,
            "removed": self.removed,
            "moved": self.moved,
            "counts": self.counts,
            "verification": self.verification,
        }

    def lines(self) -> list[str]:
        """Return one line per change, for people."""
        out = [f"added {a['id']}: {a['name']} (count {a['count']})" for a in self.added]
        out += [f"removed {r['id']}: {r['name']}" for r in self.removed]
        out += [f"moved {m['id']}: {m['name']} by {m['distance_m']:.0f} m" for m in self.moved]
        out += [f"count {c['id']}: {c['name']} {c['old']} -> {c['new']}" for c in self.counts]
        out += [
            f"verification {v['id']}: {v['name']} {v['old']} -> {v['new']}"
            for v in self.verification
        ]
        return out or ["no changes"]


def _features(folder: Path) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for name in ("sites.geojson", "routes.geojson"):
        path = folder / name
        try:
            data = msgspec.json.decode(path.read_bytes())
        except FileNotFoundError:
            raise InputError(
                str(path), "not found; expected the output folder of campmap map"
            ) from None
        except (OSError, msgspec.DecodeError) as err:
            raise InputError(str(path), f"not a readable GeoJSON file: {err}") from err
        for feature in data.get("features", []):
            out[str(feature["id"])] = feature
    return out


def diff_runs(old: str | Path, new: str | Path) -> RunDiff:
    """Compare the sites and routes of two output folders.

    Parameters
    ----------
    old, new : str or pathlib.Path
        Folders written by ``campmap map`` (or :func:`campmap.write_outputs`).

    Returns
    -------
    RunDiff
    """
    before, after = _features(Path(old)), _features(Path(new))
    result = RunDiff()
    for fid in sorted(after.keys() - before.keys()):
        props = after[fid]["properties"]
        result.added.append({"id": fid, "name": props.get("name"), "count": props.get("count")})
    for fid in sorted(before.keys() - after.keys()):
        result.removed.append({"id": fid, "name": before[fid]["properties"].get("name")})
    for fid in sorted(before.keys() & after.keys()):
        a, b = before[fid], after[fid]
        name = b["properties"].get("name")
        if a["geometry"]["type"] == "Point":
            moved = distance_m(shape(a["geometry"]), shape(b["geometry"]))
            if moved >= MOVED_M:
                result.moved.append({"id": fid, "name": name, "distance_m": round(moved, 1)})
        for key, bucket in (("count", result.counts), ("verification", result.verification)):
            if a["properties"].get(key) != b["properties"].get(key):
                bucket.append(
                    {"id": fid, "name": name, "old": a["properties"].get(key),
                     "new": b["properties"].get(key)}
                )  # fmt: skip
    return result
