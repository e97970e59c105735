from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from campmap import Role, extract, read_text
from campmap.gazetteer import Gazetteer, GeoJSONGazetteer, default_gazetteer
from campmap.records import Mention
from campmap.sources import dedupe

HERE = Path(__file__).resolve().parent
# Scoring helpers (evaluation, realnews) live in benchmarks/, outside the installed package.
sys.path.insert(0, str(HERE.parent / "benchmarks"))
SEEDS = HERE.parent.parent / "shared" / "seeds"


@pytest.fixture(scope="session", autouse=True)
def _session_data_dir(tmp_path_factory):
    """Session fixtures see an empty data folder too, never the user's installed regions."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CAMPMAP_DATA_DIR", str(tmp_path_factory.mktemp("campmap-data")))
        yield


@pytest.fixture(autouse=True)
def campmap_data_dir(tmp_path_factory, monkeypatch) -> Path:
    """Each test's own campmap data folder (CAMPMAP_DATA_DIR): installed regions start empty."""
    folder = tmp_path_factory.mktemp("campmap-data")
    monkeypatch.setenv("CAMPMAP_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def seeds() -> dict[str, Path]:
    """The two real seed reports, by number; skips when ../shared/seeds is absent."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed reports not found at {SEEDS} (they live beside the repository)")
    found = {p.name[:3]: p for p in SEEDS.glob("*.txt")}
    if not {"000", "001"} <= found.keys():
        pytest.skip(f"seed reports 000_*.txt and 001_*.txt not both in {SEEDS}")
    return found


@pytest.fixture(scope="session")
def town() -> Gazetteer:
    """A small gazetteer of a made-up town, so extraction tests do not depend on London data."""
    return Gazetteer([GeoJSONGazetteer(HERE / "data" / "town.geojson", name="town")])


@pytest.fixture(scope="session")
def world() -> Gazetteer:
    """The default gazetteer: the embedded one and towns worldwide."""
    return default_gazetteer()


def mentions(text: str, gazetteer: Gazetteer) -> list[Mention]:
    """Extract the mentions of one report written as ``text``."""
    return extract(dedupe([read_text(text, "r.txt")], []), gazetteer)


def sites(text: str, gazetteer: Gazetteer) -> list[str]:
    """The texts of the sites one report written as ``text`` names, in order."""
    return [m.text for m in mentions(text, gazetteer) if m.role is Role.SITE]


def osm_xml(
    nodes: dict[int, tuple[float, float]], ways: list[tuple[int, list[int], dict[str, str]]]
) -> str:
    """Return an OSM XML file of these nodes (id: (lat, lon)) and ways (id, node ids, tags)."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<osm version="0.6" generator="tests">']
    for node_id, (lat, lon) in nodes.items():
        lines.append(f'<node id="{node_id}" version="1" lat="{lat}" lon="{lon}"/>')
    for way_id, refs, tags in ways:
        nds = "".join(f'<nd ref="{r}"/>' for r in refs)
        tag_xml = "".join(f'<tag k="{k}" v="{v}"/>' for k, v in tags.items())
        lines.append(f'<way id="{way_id}" version="1">{nds}{tag_xml}</way>')
    lines.append("</osm>")
    return "\n".join(lines)


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def load_json(path: Path) -> object:
    return json.loads(path.read_text(encoding="utf-8"))


# Run by QGIS's own Python in a subprocess (tests/test_qgis.py), never imported here.
collect_ignore = ["qgis_probe.py"]
