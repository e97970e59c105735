"""``campmap gazetteer download``: find a region, fetch its ``.osm.pbf``, check it, install it.

The steps are :mod:`~campmap.gazetteer.geofabrik` (the index and the checksum
file), :mod:`~campmap.gazetteer.fetch` (resumable HTTP) and
:mod:`~campmap.gazetteer.installed` (import and install). A checksum that does not
match, or a file the OSM reader cannot read, installs nothing: the download is
deleted and the error says why. A broken connection keeps what came, for the
next try to resume.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

from campmap.errors import DownloadError, GazetteerError, OptionError
from campmap.gazetteer.fetch import TIMEOUT, download, fetch_bytes, md5_of
from campmap.gazetteer.geofabrik import (
    DEFAULT_MIRROR,
    INDEX_NAMES,
    Extract,
    find_extract,
    is_url,
    name_for_url,
    parse_index,
    parse_md5,
    rebase,
)
from campmap.gazetteer.installed import (
    Region,
    downloads_home,
    install_region,
    osm_data_date,
    region_name,
)

__all__ = ["MAX_INDEX_BYTES", "Installed", "download_region", "load_index"]

MAX_INDEX_BYTES = 64 * 1024 * 1024
"""Largest index read (Geofabrik's, with boundaries, is some 10 MB)."""

_MAX_MD5_BYTES = 4096


@dataclass(frozen=True, slots=True)
class Installed:
    """What a download installed.

    Attributes
    ----------
    region : Region
        The installed region.
    resumed_from : int
        Bytes an earlier, broken download had fetched (0: fetched whole).
    """

    region: Region
    resumed_from: int


def load_index(mirror: str = DEFAULT_MIRROR, *, timeout: float = TIMEOUT) -> list[Extract]:
    """Fetch and parse a Geofabrik-layout server's region index.

    Raises
    ------
    DownloadError
        No index there, or not one that parses.
    """
    base = mirror if mirror.endswith("/") else f"{mirror}/"
    for name in INDEX_NAMES:
        body = fetch_bytes(base + name, limit=MAX_INDEX_BYTES, timeout=timeout)
        if body is not None:
            return parse_index(body, base + name)
    raise DownloadError(f"{base}: no region index there ({' or '.join(INDEX_NAMES)})")


def _http_date(header: str | None) -> str | None:
    try:
        stamp = parsedate_to_datetime(header) if header else None
    except (TypeError, ValueError):
        return None
    return stamp.strftime("%Y-%m-%dT%H:%M:%SZ") if stamp else None


def _silent(_message: str) -> None:
    """Say nothing."""


def _published_md5(url: str, timeout: float) -> str:
    body = fetch_bytes(f"{url}.md5", limit=_MAX_MD5_BYTES, timeout=timeout)
    if body is None:
        raise DownloadError(
            f"{url}.md5: no checksum is published for this file; "
            "pass --no-verify to install it unchecked"
        )
    return parse_md5(body, f"{url}.md5")


def download_region(
    wanted: str,
    *,
    mirror: str = DEFAULT_MIRROR,
    name: str | None = None,
    verify: bool = True,
    progress: bool | None = None,
    location_index: str = "flex_mem",
    timeout: float = TIMEOUT,
    note: Callable[[str], None] = _silent,
) -> Installed:
    """Download a region's OpenStreetMap extract and install it as a gazetteer.

    Parameters
    ----------
    wanted : str
        A region of the index (its id, like ``greater-london``, or its name), or
        the URL of any ``.osm.pbf`` file.
    mirror : str
        A server laid out as Geofabrik's (its index, and the files it lists).
    name : str, optional
        The name to install it under; by default the region's id (``/`` as ``-``),
        or the URL's file name without ``-latest.osm.pbf``.
    verify : bool
        Check the file against the published ``<url>.md5`` (the default).
    progress : bool or None
        Show a progress bar; None: when standard error is a terminal.
    location_index : str
        libosmium node-location index for the import (see
        :func:`~campmap.gazetteer.backends.osm.read_osm_places`).
    timeout : float
        Seconds to wait for a server.
    note : callable
        Called with a line as each step starts (download, import).

    Returns
    -------
    Installed

    Raises
    ------
    RegionError
        The index has no such region, or several; or ``name`` is not a region name.
    OptionError
        ``mirror`` is not an http(s) address.
    DownloadError
        The download failed or broke (run again to resume), the checksum does not
        match, or the file is not OpenStreetMap data; nothing was installed.
    """
    if not is_url(mirror):
        raise OptionError(f"--mirror {mirror!r}: expected an http:// or https:// address")
    if is_url(wanted):
        url, default_name = wanted, name_for_url(wanted)
    else:
        extract = find_extract(load_index(mirror, timeout=timeout), wanted)
        url, default_name = rebase(extract.pbf, mirror), extract.region_name
    region = region_name(name or default_name)
    expected = _published_md5(url, timeout) if verify else None
    part = downloads_home() / f"{region}.osm.pbf.part"
    note(f"downloading {url}")
    got = download(url, part, progress=progress, timeout=timeout)
    actual = md5_of(part)
    if expected is not None and actual != expected:
        part.unlink(missing_ok=True)
        raise DownloadError(
            f"{url}: checksum mismatch (the published MD5 is {expected}, the download's is "
            f"{actual}); the download was deleted and nothing was installed"
        )
    pbf = part.replace(part.with_name(f"{region}.osm.pbf"))  # whole and checked
    checked = "checksum matches; " if expected is not None else ""
    note(f"{checked}importing {got.size / 1e6:.1f} MB of OpenStreetMap data as {region}")
    try:
        installed = install_region(
            region,
            pbf,
            source=url,
            md5=actual,
            data_date=osm_data_date(pbf) or _http_date(got.last_modified),
            location_index=location_index,
        )
    except GazetteerError as err:
        pbf.unlink(missing_ok=True)
        raise DownloadError(
            f"{url}: not readable as OpenStreetMap data ({err.message}); nothing was installed"
        ) from err
    pbf.unlink(missing_ok=True)
    return Installed(installed, got.resumed_from)
