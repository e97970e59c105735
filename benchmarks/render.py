"""``campmap render`` against ``GeoDataFrame.explore()``, whole process, at 1k, 10k and 100k sites.

Both start from the same ``sites.geojson`` (written by campmap from the
synthetic sites of ``map_scale.py``) and run as a fresh Python process, so the
figures include interpreter start, imports, reading the file and writing the
HTML:

- campmap: ``python -m campmap render sites.geojson -o DIR``;
- explore: ``geopandas.read_file(sites.geojson).explore(tiles=None).save(PATH)``.

Each process is run ``--repeat`` times (default 2), alternating, and the
fastest run of each is kept (the machine may be shared). Reported per size:
wall time and CPU time (user + system of the child) with the ratio
campmap / explore, the HTML size ratio, and the time from navigation until
every site is drawn in Debian's chromium (headless, through playwright; see
``map_scale.time_to_draw``). explore() needs matplotlib and mapclassify
(``pip install -e '.[benchmark]'``).

Run: ``.venv/bin/python benchmarks/render.py [SIZES ...] [--repeat N]``.
Targets at 100k sites: whole-process time <= 0.15 x explore(), HTML size
<= 0.3 x explore(), drawn in chromium within 2 s.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from map_scale import CHROMIUM, EXPLORE_DRAWN, synthetic_sites, time_to_draw

from campmap.export.geojson import write_sites

EXPLORE = (
    "import sys, geopandas; geopandas.read_file(sys.argv[1]).explore(tiles=None).save(sys.argv[2])"
)


def run(command: list[str]) -> tuple[float, float]:
    """Run ``command``; return its wall time and CPU time (user + system), in seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def best(times: list[tuple[float, float]]) -> tuple[float, float]:
    """The fastest wall time and the fastest CPU time of several runs."""
    return min(t[0] for t in times), min(t[1] for t in times)


def measure(n: int, folder: Path, repeat: int) -> dict[str, float]:
    sites = folder / f"sites-{n}.geojson"
    write_sites(synthetic_sites(n), sites)
    ours, theirs = folder / f"campmap-{n}", folder / f"explore-{n}.html"
    campmap = [sys.executable, "-m", "campmap", "render", str(sites), "-o", str(ours)]
    explore = [sys.executable, "-c", EXPLORE, str(sites), str(theirs)]
    runs: dict[str, list[tuple[float, float]]] = {"campmap": [], "explore": []}
    for _ in range(repeat):
        runs["campmap"].append(run(campmap))
        runs["explore"].append(run(explore))
    (w_ours, c_ours), (w_theirs, c_theirs) = best(runs["campmap"]), best(runs["explore"])
    html = ours / "map.html"
    return {
        "wall": w_ours, "wall_explore": w_theirs, "cpu": c_ours, "cpu_explore": c_theirs,
        "size": html.stat().st_size, "size_explore": theirs.stat().st_size,
        "html": str(html), "html_explore": str(theirs),
    }  # type: ignore[dict-item]  # fmt: skip


def draw_times(browser, n: int, row: dict) -> tuple[float | None, float | None]:  # type: ignore[no-untyped-def]
    ours, _ = time_to_draw(
        browser, Path(row["html"]), f"() => window.campmap && window.campmap.drawn === {n}", 60
    )
    theirs, _ = time_to_draw(browser, Path(row["html_explore"]), EXPLORE_DRAWN.format(n=n), 240)
    return ours, theirs


def main(sizes: list[int], repeat: int) -> None:
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        for n in sizes:
            row = measure(n, Path(tmp), repeat)
            drawn, drawn_explore = draw_times(browser, n, row)
            rows.append((n, row, drawn))
            print(
                f"{n:>7} sites  wall {row['wall']:6.2f} s vs {row['wall_explore']:6.2f} s "
                f"(x{row['wall'] / row['wall_explore']:.3f})  cpu {row['cpu']:6.2f} s vs "
                f"{row['cpu_explore']:6.2f} s (x{row['cpu'] / row['cpu_explore']:.3f})  "
                f"size {row['size'] / 1e6:6.2f} MB vs {row['size_explore'] / 1e6:6.2f} MB "
                f"(x{row['size'] / row['size_explore']:.3f})  drawn {_s(drawn)} vs "
                f"{_s(drawn_explore)}",
                flush=True,
            )
        browser.close()
    n, row, drawn = rows[-1]
    print(f"\ntargets at {n} sites:")
    print(f"  whole-process wall time ratio {row['wall'] / row['wall_explore']:.3f} (<= 0.15)")
    print(f"  whole-process CPU time ratio  {row['cpu'] / row['cpu_explore']:.3f} (<= 0.15)")
    print(f"  HTML size ratio               {row['size'] / row['size_explore']:.3f} (<= 0.3)")
    print(f"  drawn in chromium             {_s(drawn)} (<= 2 s)")


def _s(value: float | None) -> str:
    return "timeout" if value is None else f"{value:.2f} s"


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000, 100000])
    parser.add_argument("--repeat", type=int, default=2)
    options = parser.parse_args()
    main(options.sizes, options.repeat)
