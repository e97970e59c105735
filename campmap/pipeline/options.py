"""The option records a run takes: where places come from, how reports stream, what it says.

Frozen records, built once (by the command line, or by a caller of the Python API)
and handed down the pipeline whole.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from campmap.archive import DEFAULT_BATCH_SIZE, MAX_EVIDENCE, REPORT_TIMEOUT

if TYPE_CHECKING:
    from campmap.gazetteer import BBox

__all__ = ["Messages", "PageOptions", "PlaceOptions", "StreamOptions"]


@dataclass(frozen=True, slots=True)
class PlaceOptions:
    """Which mentions are places, and where they come from: gazetteers, a geocoder.

    The fields are the ``--gazetteer``, ``--geocoder*`` and ``--learned`` options;
    ``region`` is the one bias the geocoder is given (for every name it is asked).
    Every command that finds places takes them, so ``learned`` (the second reading
    that decides which mentions are sites) rides with them.
    """

    gazetteers: tuple[Path, ...] = ()
    """Gazetteer files tried before the embedded one; earlier files win."""
    installed: bool = True
    """Also read the regions installed by ``campmap gazetteer download``, after ``gazetteers``."""
    geocoder: str | None = None
    """A geopy service name (``nominatim``, ``photon`` ...); None: no geocoder."""
    user_agent: str | None = None
    geocoder_domain: str | None = None
    geocoder_key: str | None = None
    geocoder_scheme: str | None = None
    """``http`` or ``https`` for ``geocoder_domain``; deprecated, use ``geocoder_url``."""
    geocoder_url: str | None = None
    """The geocoder's full URL (scheme, host, port, path), for a self-hosted service."""
    geocoder_cache: Path | None = None
    """Answers kept between runs; None: the default cache file."""
    geocoder_timeout: float = 10.0
    region: BBox | None = None
    """(west, south, east, north): bias for the geocoder; None: around the places found."""
    learned: bool = False
    """Also read each mention with the learned model (:mod:`campmap.extract.reread`)."""


@dataclass(frozen=True, slots=True)
class StreamOptions:
    """How an archive is streamed (:mod:`campmap.archive`): processes, cluster, batches."""

    jobs: int | None = None
    """Local worker processes; None: streamed in this process, when streamed at all."""
    scheduler: str | None = None
    """A Dask scheduler address (``tcp://host:8786``); None: local processes."""
    batch_size: int = DEFAULT_BATCH_SIZE
    text_field: str = "text"
    """The text field of JSON-lines records."""
    every_report: bool = False
    """Also extract the reports that never name a camera (skipped by default)."""
    report_timeout: float = REPORT_TIMEOUT
    """Seconds a report may take to be read and extracted; 0: no limit."""
    evidence_per_site: int = MAX_EVIDENCE
    """Mentions of each site kept as quoted evidence; further ones are only counted."""


@dataclass(frozen=True, slots=True)
class PageOptions:
    """What the map outputs look like: title, base map, the embed snippet and the PNG."""

    title: str = "Reported camera sites"
    tiles: str | None = None
    """A base map by xyzservices name; None: no tiles (the map works offline)."""
    embed: str | None = None
    """Where map.html will be published, for embed.html; None: no embed.html."""
    png: bool = False
    """Also write map.png (needs Chromium)."""


def _silent(_message: str) -> None:
    """Say nothing."""


@dataclass(frozen=True, slots=True)
class Messages:
    """Where a run's messages go, as they come (before any error that ends it)."""

    warn: Callable[[str], None] = field(default=_silent)
    """Called with each warning: an unreadable report, an unplaced name, a stale decision."""
    note: Callable[[str], None] = field(default=_silent)
    """Called with the one-line account of a streamed run (reports, megabytes, seconds)."""
    progress: bool = False
    """Show the progress of a streamed run on standard error."""
