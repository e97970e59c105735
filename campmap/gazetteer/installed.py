"""Regions installed in the user's data folder: where they live, and listing, adding, removing them.

Each region is a folder ``<data>/regions/<name>/`` holding the GeoPackage the OSM
importer wrote (``<name>.gpkg``, read as fast as any ``--gazetteer`` GeoPackage)
and a manifest, ``region.json``: name, source URL, MD5, the date of the data,
the size of the download and the number of places. ``<data>`` is
``$CAMPMAP_DATA_DIR`` when set, else the platform's user data folder
(platformdirs: ``~/.local/share/campmap`` on Linux).

Every run that places names (``map``, ``extract``, ``review``, archives) reads the
installed regions after the user's ``--gazetteer`` files
(:func:`installed_files`); only ``campmap gazetteer download`` uses the network.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from campmap.errors import RegionError

__all__ = [
    "DATA_DIR_ENV",
    "MANIFEST",
    "REGION_PEERS",
    "Region",
    "data_home",
    "downloads_home",
    "install_region",
    "installed_files",
    "installed_regions",
    "is_installed",
    "osm_data_date",
    "region_name",
    "regions_home",
    "remove_region",
]

DATA_DIR_ENV = "CAMPMAP_DATA_DIR"
"""The environment variable that moves the data folder (tests set it to a temporary one)."""

MANIFEST = "region.json"
"""Each region folder's manifest."""

_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,99}")


def data_home() -> Path:
    """Return campmap's data folder: ``$CAMPMAP_DATA_DIR``, else the user data folder."""
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env)
    import platformdirs

    return platformdirs.user_data_path("campmap", appauthor=False)


def regions_home() -> Path:
    """Return the folder of installed regions (``<data>/regions``)."""
    return data_home() / "regions"


def downloads_home() -> Path:
    """Return the folder of unfinished downloads (``<data>/downloads``)."""
    return data_home() / "downloads"


def region_name(name: str) -> str:
    """Check a region name: lower-case letters, digits, ``.``, ``_`` and ``-``.

    Raises
    ------
    RegionError
        Any other name (it becomes a folder name).

    Examples
    --------
    >>> region_name("greater-london")
    'greater-london'
    """
    if not _NAME.fullmatch(name):
        raise RegionError(
            f"{name!r} is not a region name; expected lower-case letters, digits, '.', '_', '-'"
        )
    return name


@dataclass(frozen=True, slots=True)
class Region:
    """An installed region, as its manifest describes it.

    Attributes
    ----------
    name : str
        What ``list`` shows and ``remove`` takes (``greater-london``).
    source : str
        The URL it was downloaded from.
    md5 : str
        The checksum of the downloaded ``.osm.pbf``.
    data_date : str or None
        When the OpenStreetMap data was taken (ISO 8601), when known.
    size : int
        Bytes downloaded.
    places : int
        Places in its gazetteer.
    path : pathlib.Path
        Its gazetteer (a GeoPackage).
    """

    name: str
    source: str
    md5: str
    data_date: str | None
    size: int
    places: int
    path: Path

    @property
    def disk_bytes(self) -> int:
        """Bytes its folder takes on disk."""
        return sum(p.stat().st_size for p in self.path.parent.iterdir() if p.is_file())

    def manifest(self) -> dict[str, object]:
        """Return the manifest's content (``region.json``)."""
        return {
            "name": self.name,
            "source": self.source,
            "md5": self.md5,
            "data_date": self.data_date,
            "size": self.size,
            "places": self.places,
            "file": self.path.name,
        }


def _read_manifest(folder: Path) -> Region | None:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        return Region(
            name=str(data["name"]),
            source=str(data["source"]),
            md5=str(data["md5"]),
            data_date=None if data.get("data_date") is None else str(data["data_date"]),
            size=int(data["size"]),
            places=int(data["places"]),
            path=folder / Path(str(data["file"])).name,
        )
    except (OSError, ValueError, TypeError, KeyError):
        return None


def installed_regions() -> list[Region]:
    """Return the installed regions by name (a folder without a readable manifest is skipped)."""
    home = regions_home()
    if not home.is_dir():
        return []
    found = (
        _read_manifest(folder)
        for folder in sorted(home.iterdir())
        if folder.is_dir() and not folder.name.startswith(".")
    )
    return [region for region in found if region is not None and region.path.is_file()]


def installed_files() -> tuple[Path, ...]:
    """Return the gazetteer files of the installed regions, the order runs read them in."""
    return tuple(region.path for region in installed_regions())


REGION_PEERS = "installed regions"
"""The peers label of every installed region's places (see :class:`~campmap.records.Place`)."""


def is_installed(path: Path) -> bool:
    """Tell whether a gazetteer file is an installed region's."""
    return any(path.resolve() == region.path.resolve() for region in installed_regions())


def remove_region(name: str) -> Region:
    """Delete an installed region (and any unfinished download of it).

    Raises
    ------
    RegionError
        No region of that name is installed; the message lists those that are.
    """
    for region in installed_regions():
        if region.name == name:
            shutil.rmtree(region.path.parent)
            for left in downloads_home().glob(f"{name}.osm.pbf.part*"):
                left.unlink(missing_ok=True)
            return region
    names = ", ".join(r.name for r in installed_regions()) or "none"
    raise RegionError(f"no region {name!r} is installed (installed: {names})")


def osm_data_date(pbf: Path) -> str | None:
    """Return the date an OSM file's data was taken, from its header, or None.

    Geofabrik writes it as ``osmosis_replication_timestamp`` (``2026-12-01T21:14:02Z``).
    """
    import osmium

    try:
        reader = osmium.io.Reader(str(pbf), osmium.osm.osm_entity_bits.NOTHING)
        try:
            stamp = reader.header().get("osmosis_replication_timestamp")
        finally:
            reader.close()
    except RuntimeError:
        return None
    return str(stamp) if stamp else None


def install_region(
    name: str,
    pbf: Path,
    *,
    source: str,
    md5: str,
    data_date: str | None,
    location_index: str = "flex_mem",
) -> Region:
    """Import an OSM extract and install it as region ``name``, replacing one of that name.

    The gazetteer and manifest are written in a hidden folder beside the others
    and renamed into place only when both are whole, so a failure installs nothing
    and keeps an earlier install.

    Raises
    ------
    GazetteerError
        The file cannot be read as OpenStreetMap data.
    RegionError
        ``name`` is not a region name.
    """
    from campmap.atomic import prepare_dir
    from campmap.gazetteer.backends.osm import read_osm_places, write_gazetteer

    region_name(name)
    home = prepare_dir(regions_home())
    stage = Path(tempfile.mkdtemp(prefix=f".{name}.", suffix=".tmp", dir=home))
    try:
        places, osm_ids, _ = read_osm_places(pbf, location_index=location_index)
        gpkg = write_gazetteer(places, stage / f"{name}.gpkg", osm_ids)
        region = Region(name, source, md5, data_date, pbf.stat().st_size, len(places), gpkg)
        text = json.dumps(region.manifest(), indent=2, sort_keys=True, ensure_ascii=False)
        (stage / MANIFEST).write_text(text + "\n", encoding="utf-8")
        final = home / name
        old = home / f".{name}.{os.getpid()}.old"
        if final.exists():
            final.rename(old)
        stage.rename(final)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    return Region(name, source, md5, data_date, region.size, region.places, final / gpkg.name)
