"""A persistent on-disk cache of geocoder answers, misses included, errors never.

One SQLite file (standard library, safe against a crash mid-write) maps a
request (service, domain, query, bias) to the JSON payload the service answered.
An empty answer is a confirmed miss and is kept too, so a second run asks
nothing; a request that failed (timeout, 429, 5xx, malformed JSON) is never
stored, so the next run asks again.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from campmap.errors import OutputError

__all__ = ["GeocodeCache", "default_cache_path"]


def default_cache_path() -> Path:
    """Return ``$XDG_CACHE_HOME/campmap/geocoder.sqlite`` (``~/.cache`` by default)."""
    import os

    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "campmap" / "geocoder.sqlite"


class GeocodeCache:
    """Answers of online geocoders, kept between runs.

    Parameters
    ----------
    path : str or pathlib.Path
        The SQLite file; created (with its folder) when missing.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> cache = GeocodeCache(pathlib.Path(tempfile.mkdtemp()) / "c.sqlite")
    >>> cache.get("nominatim", "example.org", "Nowhere Lane", "") is None
    True
    >>> cache.put("nominatim", "example.org", "Nowhere Lane", "", [])
    >>> cache.get("nominatim", "example.org", "Nowhere Lane", "")
    []
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path)
            with self._db:
                self._db.execute(
                    "CREATE TABLE IF NOT EXISTS answers (service TEXT, domain TEXT, query TEXT, "
                    "bias TEXT, payload TEXT, PRIMARY KEY (service, domain, query, bias))"
                )
        except (OSError, sqlite3.Error) as err:
            raise OutputError(f"{self.path}: cannot open the geocoder cache: {err}") from err

    def get(self, service: str, domain: str, query: str, bias: str) -> list[Any] | None:
        """Return the cached answers (``[]`` for a confirmed miss), or None when never asked."""
        row = self._db.execute(
            "SELECT payload FROM answers WHERE service=? AND domain=? AND query=? AND bias=?",
            (service, domain, query, bias),
        ).fetchone()
        if row is None:
            return None
        value: list[Any] = json.loads(row[0])
        return value

    def put(self, service: str, domain: str, query: str, bias: str, answers: list[Any]) -> None:
        """Store a successful answer (an empty list is a confirmed miss)."""
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?)",
                (service, domain, query, bias, json.dumps(answers, sort_keys=True)),
            )

    def __len__(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM answers").fetchone()[0])

    def close(self) -> None:
        """Close the file."""
        self._db.close()
