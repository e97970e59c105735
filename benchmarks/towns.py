"""Towns on six continents placed offline, with the distance to each town's centre.

Run from the repository root::

    .venv/bin/python benchmarks/towns.py

The towns and their reference centres are in ``tests/data/towns/reference.csv``, each with the
page its coordinates were read from (Wikipedia infoboxes, not GeoNames, whose data campmap
ships). Two columns per town:

- **gazetteer**: what ``campmap gazetteer find`` gives for the name (the bundled GeoNames towns,
  most populous first), and how far its point lies from the reference centre;
- **as a site**: whether a one-line report written here ("Police installed two new CCTV
  cameras in TOWN, COUNTRY, last week.") maps a site there, and how far from the centre.

Target (issue 18): every town placed by the gazetteer within 5 km of its centre.
"""

from __future__ import annotations

import csv
import tempfile
from dataclasses import dataclass
from pathlib import Path

from shapely.geometry import Point

from campmap import map_reports
from campmap.errors import CampmapError
from campmap.gazetteer import default_gazetteer
from campmap.geometry import distance_m

REFERENCE = Path(__file__).resolve().parent.parent / "tests" / "data" / "towns" / "reference.csv"
REPORT = "Police installed two new CCTV cameras in {town}, {country}, last week.\n"
WITHIN_M = 5000.0


@dataclass(frozen=True)
class Placed:
    """One reference town and where campmap puts it."""

    town: str
    country: str
    continent: str
    found: str | None
    gazetteer_m: float | None
    site_m: float | None


def reference() -> list[dict[str, str]]:
    """Return the reference towns (town, country, continent, lat, lon, source)."""
    with REFERENCE.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def place_all() -> list[Placed]:
    """Place every reference town through the gazetteer and through a one-line report."""
    gazetteer = default_gazetteer()
    out = []
    with tempfile.TemporaryDirectory() as folder:
        for number, row in enumerate(reference()):
            centre = Point(float(row["lon"]), float(row["lat"]))
            towns = gazetteer.towns(row["town"])
            found = towns[0] if towns else None
            report = Path(folder) / f"town-{number:02}.txt"
            report.write_text(REPORT.format(**row), encoding="utf-8")
            try:
                sites = map_reports([report], gazetteer=gazetteer).sites
            except CampmapError:
                sites = None
            site_m = (
                min(distance_m(geom, centre) for geom in sites.geometry)
                if sites is not None and len(sites)
                else None
            )
            out.append(
                Placed(
                    row["town"],
                    row["country"],
                    row["continent"],
                    f"{found.name} ({found.country})" if found else None,
                    distance_m(Point(found.lon, found.lat), centre) if found else None,
                    site_m,
                )
            )
    return out


def _km(metres: float | None) -> str:
    return "-" if metres is None else f"{metres / 1000:.1f} km"


def main() -> None:
    """Print the table and the totals."""
    placed = place_all()
    print(f"{'town':<14}{'continent':<15}{'gazetteer':<22}{'distance':>10}  {'as a site':>10}")
    for p in placed:
        print(
            f"{p.town:<14}{p.continent:<15}{p.found or 'not found':<22}"
            f"{_km(p.gazetteer_m):>10}  {_km(p.site_m):>10}"
        )
    near = sum(p.gazetteer_m is not None and p.gazetteer_m <= WITHIN_M for p in placed)
    sites = sum(p.site_m is not None and p.site_m <= WITHIN_M for p in placed)
    continents = len({p.continent for p in placed})
    print(f"placed by the gazetteer within 5 km: {near}/{len(placed)} ({continents} continents)")
    print(f"mapped as a site within 5 km from a one-line report: {sites}/{len(placed)}")


if __name__ == "__main__":
    main()
