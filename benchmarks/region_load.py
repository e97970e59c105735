"""How fast an installed region loads, beside reading its ``.osm.pbf`` directly (the baseline).

Every run that places names reads each installed region (``campmap gazetteer download``), so
the stored form must load fast. The baseline is what ``--gazetteer FILE.osm.pbf`` does: stream
the extract through pyosmium and merge the ways, on every run. The installed region is the
GeoPackage the importer wrote once. Both are timed in this process (median of ``--runs``), and
so is building the gazetteer's name index over them.

    .venv/bin/python benchmarks/region_load.py [FILE.osm|.osm.pbf] [--runs 5]

With no FILE it uses ../shared/osm/bounds-green-highways.osm (written as .osm.pbf first).
Target (issue 18): the installed region loads in at most a third of the baseline's time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "osm" / "bounds-green-highways.osm"


def _median(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _pbf(source: Path, folder: Path) -> Path:
    import osmium

    if source.name.endswith(".pbf"):
        return source
    dest = folder / (source.name.removesuffix(".osm") + ".osm.pbf")
    writer = osmium.SimpleWriter(str(dest), overwrite=True)
    try:
        for obj in osmium.FileProcessor(str(source)):
            writer.add(obj)
    finally:
        writer.close()
    return dest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=5, help="runs per measure (median)")
    args = parser.parse_args(argv)
    if not args.file.is_file():
        print(f"no OSM file at {args.file}", file=sys.stderr)
        return 1
    folder = Path(tempfile.mkdtemp(prefix="campmap-region-load-"))
    os.environ["CAMPMAP_DATA_DIR"] = str(folder / "data")

    from campmap.gazetteer import Gazetteer, GeoPackageGazetteer, OSMGazetteer
    from campmap.gazetteer.installed import install_region

    pbf = _pbf(args.file, folder)
    region = install_region("bench", pbf, source=str(pbf), md5="-", data_date=None)
    direct = _median(lambda: OSMGazetteer(pbf), args.runs)
    stored = _median(lambda: GeoPackageGazetteer(region.path), args.runs)
    index_direct = _median(lambda: Gazetteer([OSMGazetteer(pbf)]), args.runs)
    index_stored = _median(lambda: Gazetteer([GeoPackageGazetteer(region.path)]), args.runs)
    print(f"{pbf.name}: {pbf.stat().st_size / 1e6:.1f} MB, {region.places} places")
    print(f"read the .osm.pbf (baseline)   {direct * 1000:7.0f} ms")
    print(f"load the installed region      {stored * 1000:7.0f} ms  {stored / direct:5.2f}x")
    print(f"  ... and build the gazetteer  {index_stored * 1000:7.0f} ms  ", end="")
    print(f"{index_stored / index_direct:5.2f}x of the same over the .osm.pbf")
    return 0


if __name__ == "__main__":
    sys.exit(main())
