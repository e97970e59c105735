"""Time and peak memory of `campmap gazetteer import`, as ratios against a bare pyosmium pass.

Each run is a fresh subprocess (so peak RSS is its own). The baseline reads the same file
with pyosmium and a node-location index, building nothing: the least any importer must do.

    .venv/bin/python benchmarks/osm_import.py [FILE.osm|.pbf] [--copies N]

With no FILE it uses ../shared/osm/bounds-green-highways.osm. ``--copies N`` also builds a
synthetic extract of N copies of it side by side (new ids, shifted 0.05 degrees east each), to
show how time and memory grow with the input.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "osm" / "bounds-green-highways.osm"

CHILD = r"""
import json, resource, sys, time
mode, path, out = sys.argv[1:4]
import osmium
if mode == "import":
    from campmap.gazetteer.backends.osm import import_osm  # libraries load before the clock starts
started = time.perf_counter()
if mode == "baseline":
    class Count(osmium.SimpleHandler):
        def __init__(self):
            super().__init__()
            self.n = 0
        def way(self, w):
            for node in w.nodes:
                node.lon  # resolve every location, as the importer does
            self.n += 1
    handler = Count()
    handler.apply_file(path, locations=True, idx="flex_mem")
    detail = {"ways": handler.n}
else:
    summary = import_osm(path, out)
    detail = {"streets": summary.streets, "names": summary.street_names,
              "ways": summary.ways_read}
seconds = time.perf_counter() - started
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, **detail}))
"""


def run(mode: str, path: Path, out: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(path), str(out)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def copies(source: Path, n: int, dest: Path) -> Path:
    """Write ``n`` shifted copies of ``source`` (ids offset, sorted by type then id)."""
    import osmium

    offset = 10**11
    writer = osmium.SimpleWriter(str(dest))
    for kind in ("n", "w", "r"):
        for k in range(n):
            for obj in osmium.FileProcessor(str(source)):
                if obj.type_str() != kind:
                    continue
                if kind == "n":
                    writer.add_node(
                        obj.replace(
                            id=obj.id + k * offset,
                            location=(obj.location.lon + 0.05 * k, obj.location.lat),
                        )
                    )
                elif kind == "w":
                    refs = [nd.ref + k * offset for nd in obj.nodes]
                    writer.add_way(obj.replace(id=obj.id + k * offset, nodes=refs))
    writer.close()
    return dest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--copies", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not args.file.is_file():
        sys.exit(f"{args.file}: no such OSM file")
    with tempfile.TemporaryDirectory() as tmp:
        inputs = [args.file]
        if args.copies > 1:
            inputs.append(copies(args.file, args.copies, Path(tmp) / "copies.osm.pbf"))
        for path in inputs:
            size = path.stat().st_size / 1e6
            base = [run("baseline", path, Path(tmp) / "x.gpkg") for _ in range(args.repeat)]
            imp = [run("import", path, Path(tmp) / "x.gpkg") for _ in range(args.repeat)]
            b_s = min(r["seconds"] for r in base)
            i_s = min(r["seconds"] for r in imp)
            b_m = max(r["peak_mb"] for r in base)
            i_m = max(r["peak_mb"] for r in imp)
            print(
                f"{path.name} ({size:.1f} MB): import {i_s:.2f} s, peak {i_m:.0f} MB; "
                f"bare pyosmium pass {b_s:.2f} s, peak {b_m:.0f} MB; "
                f"ratio time {i_s / b_s:.1f}x, memory {i_m / b_m:.2f}x; "
                f"{imp[0]['streets']:.0f} streets from {imp[0]['ways']:.0f} named ways"
            )


if __name__ == "__main__":
    main()
