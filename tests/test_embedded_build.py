"""The embedded central-London gazetteer is what its build script makes from OpenStreetMap.

``scripts/make_central_london.py`` replaces estimated geometry with OpenStreetMap's (the
City of Westminster's streets and central London's green polygons in ``../shared/osm/``).
Running it again on the committed file must change nothing, and every entry it touched
credits OpenStreetMap. Skipped, with the reason, when the shared samples are absent.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OSM = ROOT.parent / "shared" / "osm"


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "make_central_london", ROOT / "scripts" / "make_central_london.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_gazetteer_is_the_scripts_output() -> None:
    if not (OSM / "westminster-streets.geojson").exists():
        pytest.skip(f"the OpenStreetMap samples are not at {OSM} (they live beside the repo)")
    script = _script()
    rebuilt, _ = script.rebuild(OSM)
    committed = json.loads(script.OUT.read_text(encoding="utf-8"))
    assert json.loads(json.dumps(rebuilt)) == committed  # (tuples from shapely as lists)
    from_osm = [
        f for f in committed["features"] if f["properties"]["source"].startswith("OpenStreetMap")
    ]
    assert len(from_osm) >= 40
    assert all("OpenStreetMap contributors, ODbL" in f["properties"]["source"] for f in from_osm)
