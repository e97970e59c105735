"""Geofabrik's region index, read without the network: find a region, its URLs, its checksum.

Geofabrik publishes ``index-v1.json``, a GeoJSON FeatureCollection with one
feature per extract; each feature's properties hold ``id`` (``greater-london``,
``us/georgia``), ``name``, ``parent`` and ``urls`` (``pbf``, ``bz2`` ...). Every
``.osm.pbf`` has its checksum beside it, at ``<pbf url>.md5``, in md5sum's
format. This module parses those payloads and picks a region by name; the
HTTP is :mod:`campmap.gazetteer.fetch`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from campmap.errors import DownloadError, RegionError

__all__ = [
    "DEFAULT_MIRROR",
    "INDEX_NAMES",
    "Extract",
    "find_extract",
    "is_url",
    "name_for_url",
    "parse_index",
    "parse_md5",
    "rebase",
]

DEFAULT_MIRROR = "https://download.geofabrik.de/"
"""Where regions come from unless ``--mirror`` names another server of the same layout."""

INDEX_NAMES = ("index-v1-nogeom.json", "index-v1.json")
"""The index without boundaries (a few hundred KB) first; the full one if a mirror lacks it."""

_OFFICIAL = ("https://download.geofabrik.de/", "http://download.geofabrik.de/")
_MD5 = re.compile(r"[0-9a-fA-F]{32}")


@dataclass(frozen=True, slots=True)
class Extract:
    """One downloadable region of the index.

    Attributes
    ----------
    id : str
        Geofabrik's id (``greater-london``, ``us/georgia``).
    name : str
        Its English name (``Greater London``).
    parent : str
        The id of the region that contains it (``""`` for continents).
    pbf : str
        The URL of its ``.osm.pbf``.
    """

    id: str
    name: str
    parent: str
    pbf: str

    @property
    def region_name(self) -> str:
        """The name it is installed under: the id, with ``/`` as ``-`` (``us-georgia``)."""
        return self.id.replace("/", "-")


def is_url(text: str) -> bool:
    """Whether ``text`` is an http(s) URL rather than a region name.

    Examples
    --------
    >>> is_url("https://example.org/a.osm.pbf"), is_url("greater-london")
    (True, False)
    """
    return urlsplit(text).scheme in ("http", "https")


def parse_index(payload: bytes, index_url: str) -> list[Extract]:
    """Return the extracts listed by an ``index-v1.json`` payload.

    Relative ``pbf`` URLs are taken relative to ``index_url``; features without an
    http(s) ``pbf`` URL are left out.

    Raises
    ------
    DownloadError
        The payload is not a FeatureCollection of extracts.

    Examples
    --------
    >>> index = (
    ...     b'{"type": "FeatureCollection", "features": [{"type": "Feature", "properties":'
    ...     b' {"id": "kenya", "name": "Kenya", "parent": "africa",'
    ...     b' "urls": {"pbf": "africa/kenya-latest.osm.pbf"}}}]}'
    ... )
    >>> parse_index(index, "https://mirror.example/index-v1.json")[0].pbf
    'https://mirror.example/africa/kenya-latest.osm.pbf'
    """
    try:
        data = json.loads(payload)
        features = data["features"] if data.get("type") == "FeatureCollection" else None
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as err:
        raise DownloadError(f"{index_url}: not a Geofabrik index ({err})") from err
    if not isinstance(features, list):
        raise DownloadError(f"{index_url}: not a Geofabrik index (expected a FeatureCollection)")
    extracts: list[Extract] = []
    for feature in features:
        props = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(props, dict):
            continue
        urls, ident = props.get("urls"), props.get("id")
        pbf = urls.get("pbf") if isinstance(urls, dict) else None
        if not isinstance(pbf, str) or not isinstance(ident, str):
            continue
        address = urljoin(index_url, pbf)
        if not is_url(address):  # an index may not send us to file:// or elsewhere
            continue
        extracts.append(
            Extract(
                id=ident,
                name=str(props.get("name") or ident),
                parent=str(props.get("parent") or ""),
                pbf=address,
            )
        )
    return extracts


def find_extract(extracts: list[Extract], wanted: str) -> Extract:
    """Pick the region ``wanted`` names: an id, the last part of an id, or a name.

    An exact id wins (``georgia`` is the country; ``us/georgia`` the state), then
    an id's last part, then the English name, ignoring case.

    Raises
    ------
    RegionError
        No region or several regions go by that name; the message lists them,
        or the closest names.

    Examples
    --------
    >>> regions = [Extract("georgia", "Georgia", "asia", "g"), Extract("us/georgia", "Georgia",
    ...     "north-america", "u"), Extract("greater-london", "Greater London", "england", "l")]
    >>> find_extract(regions, "georgia").id, find_extract(regions, "Greater London").id
    ('georgia', 'greater-london')
    >>> find_extract(regions, "us-georgia").id
    'us/georgia'
    """
    key = wanted.strip().casefold()
    for rank in range(3):
        found = [e for e in extracts if key in _keys(e)[rank]]
        if len(found) == 1:
            return found[0]
        if found:
            ids = ", ".join(sorted(e.id for e in found))
            raise RegionError(f"{wanted!r} names several regions: {ids}; give the id")
    raise RegionError(f"no region {wanted!r} in the index{_closest(extracts, wanted)}")


def _keys(extract: Extract) -> tuple[set[str], set[str], set[str]]:
    """Return what a region answers to, strongest first: id, last part of the id, name."""
    return (
        {extract.id.casefold(), extract.region_name.casefold()},
        {extract.id.rsplit("/", 1)[-1].casefold()},
        {extract.name.casefold()},
    )


def _closest(extracts: list[Extract], wanted: str) -> str:
    from rapidfuzz import fuzz, process

    choices = {e.id: f"{e.id} {e.name}" for e in extracts}
    close = process.extract(wanted, choices, scorer=fuzz.WRatio, limit=5, score_cutoff=70)
    return f"; closest: {', '.join(key for _, _, key in close)}" if close else ""


def rebase(url: str, mirror: str) -> str:
    """Point a URL on Geofabrik's own server at a mirror of the same layout.

    Examples
    --------
    >>> rebase("https://download.geofabrik.de/africa/kenya-latest.osm.pbf", "http://m.example/g")
    'http://m.example/g/africa/kenya-latest.osm.pbf'
    """
    base = mirror if mirror.endswith("/") else f"{mirror}/"
    for official in _OFFICIAL:
        if url.startswith(official) and base != official:
            return base + url.removeprefix(official)
    return url


def parse_md5(payload: bytes, url: str) -> str:
    r"""Return the checksum of an ``.md5`` file (md5sum's ``<hex>  <file name>``), lower case.

    Raises
    ------
    DownloadError
        The payload does not start with 32 hexadecimal digits.

    Examples
    --------
    >>> parse_md5(b"0123456789ABCDEF0123456789abcdef  kenya-latest.osm.pbf\n", "k.md5")
    '0123456789abcdef0123456789abcdef'
    """
    text = payload.decode("ascii", "replace").strip()
    first = text.split()[0] if text else ""
    if not _MD5.fullmatch(first):
        raise DownloadError(f"{url}: not an md5 checksum file (expected 32 hex digits first)")
    return first.lower()


def name_for_url(url: str) -> str:
    """Return the name to install a file URL under: its file name without ``-latest.osm.pbf``.

    Examples
    --------
    >>> name_for_url("https://x.example/europe/monaco-latest.osm.pbf?k=1")
    'monaco'
    """
    stem = urlsplit(url).path.rsplit("/", 1)[-1]
    for ending in (".osm.pbf", ".pbf"):
        stem = stem.removesuffix(ending)
    stem = stem.removesuffix("-latest")
    return re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-.").lower() or "region"
