"""What an archive run keeps on disk instead of in memory.

An archive of millions of camera reports has millions of sentences counted
beyond the evidence each site keeps, and millions of reports behind its map,
which ``report.json`` lists. Two temporary SQLite files hold them, so a run's
memory does not grow with the archive:

- :class:`Spill`: the hashes of the sentences only counted (so a syndicated copy
  of one is still recognised) and the reports behind each row's counts;
- :class:`SourceList`: the reports that contributed, in the order they were
  merged, read back one at a time as a read-only sequence of
  :class:`~campmap.records.Source` (without text: an archive run keeps none).

Each file is in a folder of its own in the temporary folder
(``campmap-spill-PID-*``, ``campmap-sources-PID-*``), removed when the run is done.
A run that is killed cannot remove its own, so each run removes those whose
run is gone: a folder's run holds a lock on its ``owner`` file for as long as
it lives (a POSIX record lock, which the kernel drops when the process dies).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import sqlite3
import tempfile
import weakref
from collections.abc import Iterable, Iterator, Sequence
from itertools import product
from pathlib import Path
from typing import IO, Any, overload

from campmap.extract.attribution import Attribution, join_names, split_names
from campmap.records import Source

__all__ = ["SourceList", "Spill"]

_CHUNK = 500
"""Values per ``IN (...)`` lookup (old SQLite builds allow 999 parameters)."""
_SEP = "\x1f"
"""Between the rows a counted sentence fed (never in an id or a name)."""


_OWNER = "owner"
"""The file in each folder whose lock says that the run that made the folder is alive."""

_SOURCE_FIELDS = "label, url, encoding, characters, outlet, title, author, published"
"""The columns a :class:`~campmap.records.Source` is read back from, in its fields' order."""
_STAGING = "."
"""Before the name of a folder being made (never one that :func:`remove_orphans` sweeps)."""


def _temporary_db(prefix: str, schema: str) -> tuple[sqlite3.Connection, str, IO[bytes]]:
    """Open a new SQLite file in a new temporary folder (no journal: it dies with the run).

    Returns the database, its folder, and the owner file locked for the folder's life.
    """
    remove_orphans(prefix)
    # Made under a hidden name and shown only once its owner file is locked: another run
    # sweeping orphans must never find it with its lock free (it would take it for gone).
    staging = Path(tempfile.mkdtemp(prefix=f"{_STAGING}{prefix}{os.getpid()}-"))
    owner = Path(staging, _OWNER).open("wb")  # noqa: SIM115 (closed by _remove)
    # (A new file: free. Should this file system have no locks, no run there can take the
    # folder for gone either.)
    with contextlib.suppress(OSError):
        fcntl.lockf(owner, fcntl.LOCK_EX | fcntl.LOCK_NB)
    folder = str(staging.with_name(staging.name[len(_STAGING) :]))
    os.rename(staging, folder)  # noqa: PTH104 (atomic; fails rather than merge into a folder)
    # One thread writes, then reads; a finaliser may close it from another.
    db = sqlite3.connect(Path(folder) / "spill.sqlite", check_same_thread=False)
    db.executescript(f"PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; {schema}")
    return db, folder, owner


def _remove(db: sqlite3.Connection, folder: str, owner: IO[bytes]) -> None:
    db.close()
    shutil.rmtree(folder, ignore_errors=True)
    owner.close()


def remove_orphans(prefix: str, where: str | Path | None = None) -> list[Path]:
    """Remove the temporary folders named ``prefix`` that a run now gone left behind.

    A folder is removed when its owner file's lock can be taken: its run has
    died (killed, or the machine restarted), however it died. A folder is
    shown under its name only once its owner file is locked (it is made under a
    hidden name), so a sweep never takes a folder being made for gone; a hidden
    one is removed when the process making it has died. This process's own
    folders are left alone. Folders of another user are skipped.

    Parameters
    ----------
    prefix : str
        ``campmap-spill-`` or ``campmap-sources-``.
    where : path, optional
        The temporary folder (:func:`tempfile.gettempdir` by default).

    Returns
    -------
    list of pathlib.Path
        The folders removed.
    """
    removed = []
    temp = Path(where or tempfile.gettempdir())
    for pattern, gone in ((prefix, _gone), (_STAGING + prefix, _dead)):
        for folder in temp.glob(f"{pattern}*-*"):
            pid = folder.name[len(pattern) :].partition("-")[0]
            if not pid.isdigit() or int(pid) == os.getpid() or folder.is_symlink():
                continue  # (a folder of an older campmap, named without its process: left alone)
            if gone(folder, int(pid)):
                shutil.rmtree(folder, ignore_errors=True)
                removed.append(folder)
    return removed


def _dead(folder: Path, pid: int) -> bool:
    """Whether the process that was making ``folder`` (not yet shown) has died."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def _gone(folder: Path, pid: int) -> bool:
    """Whether the run that made ``folder`` has ended (its owner file's lock is free)."""
    try:
        descriptor = os.open(folder / _OWNER, os.O_RDWR | os.O_NOFOLLOW | os.O_CLOEXEC)
    except FileNotFoundError:
        return _dead(folder, pid)  # (a folder of an older campmap, being made; or its run died)
    except OSError:
        return False  # another user's, or not a folder of ours
    try:
        fcntl.lockf(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False  # held (EAGAIN, EACCES): its run is alive; or locks do not work there
    finally:
        os.close(descriptor)
    return True


def _select_in(db: sqlite3.Connection, query: str, values: Sequence[Any]) -> Iterator[Any]:
    """Run ``query`` (with one ``{marks}`` in its ``IN (...)``) for ``values``, in chunks."""
    for at in range(0, len(values), _CHUNK):
        chunk = values[at : at + _CHUNK]
        yield from db.execute(query.format(marks=",".join("?" * len(chunk))), chunk)


class Spill:
    """Sentences only counted, and the reports behind each row's counts.

    A copy of a counted sentence must still be recognised (and its report
    counted), and a row's reports counted once each. Writes are queued and
    made once a batch (:meth:`flush`).
    """

    def __init__(self) -> None:
        self.db, folder, owner = _temporary_db(
            "campmap-spill-",
            """
            CREATE TABLE counted (digest BLOB PRIMARY KEY, groups TEXT) WITHOUT ROWID;
            CREATE TABLE reports (grp TEXT, label TEXT, PRIMARY KEY (grp, label)) WITHOUT ROWID;
            """,
        )
        self._remove = weakref.finalize(self, _remove, self.db, folder, owner)
        self._counted: list[tuple[bytes, str]] = []
        self._reports: set[tuple[str, str]] = set()  # (a report feeds a row many times)

    def lookup(self, digests: Sequence[bytes]) -> dict[bytes, list[str]]:
        """Return the rows each counted sentence among ``digests`` fed."""
        query = "SELECT digest, groups FROM counted WHERE digest IN ({marks})"
        return {
            digest: groups.split(_SEP) if groups else []
            for digest, groups in _select_in(self.db, query, digests)
        }

    def count(self, digest: bytes, groups: Sequence[str]) -> None:
        """Note a counted sentence and the rows it fed."""
        self._counted.append((digest, _SEP.join(groups)))

    def reports(self, groups: Iterable[str], labels: Sequence[str]) -> None:
        """Note the reports behind rows' counts."""
        self._reports.update(product(groups, labels))

    def flush(self) -> None:
        """Write what was queued (once a batch)."""
        self.db.executemany("INSERT INTO counted VALUES (?, ?)", self._counted)
        self.db.executemany("INSERT OR IGNORE INTO reports VALUES (?, ?)", self._reports)
        self._counted.clear()
        self._reports.clear()

    def labels(self, group: str) -> Iterator[str]:
        """Yield the reports behind a row's counts."""
        self.flush()
        for (label,) in self.db.execute("SELECT label FROM reports WHERE grp = ?", (group,)):
            yield label

    def close(self) -> None:
        """Remove the file."""
        self._remove()


class SourceList(Sequence[Source]):
    """Sources in the order they were added, each label once, kept in a SQLite file.

    Examples
    --------
    >>> sources = SourceList()
    >>> sources.add([(Source("a.txt", "", characters=10), Attribution(("Hikvision",)))])
    >>> sources.add([(Source("a.txt", ""), Attribution()), (Source("b.txt", ""), Attribution())])
    >>> [s.label for s in sources], len(sources), sources[-1].label
    (['a.txt', 'b.txt'], 2, 'b.txt')
    >>> sources.attributions(["a.txt"])["a.txt"].makers
    ('Hikvision',)
    """

    def __init__(self) -> None:
        self._db, folder, owner = _temporary_db(
            "campmap-sources-",
            """
            CREATE TABLE sources (
                seq INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL, url TEXT,
                encoding TEXT NOT NULL, characters INTEGER, manufacturer TEXT, operator TEXT,
                outlet TEXT, title TEXT, author TEXT, published TEXT
            );
            """,
        )
        self._length = 0
        self._remove = weakref.finalize(self, _remove, self._db, folder, owner)

    def add(self, sources: Iterable[tuple[Source, Attribution]]) -> None:
        """Add sources (a label already listed is left as it is), with the makers each names."""
        rows = [
            (
                s.label,
                s.url,
                s.encoding,
                _characters(s),
                join_names(tags.makers),
                join_names(tags.operators),
                s.outlet,
                s.title,
                s.author,
                s.published,
            )
            for s, tags in sources
        ]
        cursor = self._db.executemany(
            "INSERT OR IGNORE INTO sources (label, url, encoding, characters, manufacturer, "
            "operator, outlet, title, author, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        self._length += max(0, cursor.rowcount)

    def attributions(self, labels: Iterable[str]) -> dict[str, Attribution]:
        """Return the makers and operators each of ``labels`` names (those that name some)."""
        query = (
            "SELECT label, manufacturer, operator FROM sources WHERE label IN ({marks}) "
            "AND (manufacturer IS NOT NULL OR operator IS NOT NULL)"
        )
        return {
            label: Attribution(split_names(manufacturer), split_names(operator))
            for label, manufacturer, operator in _select_in(self._db, query, sorted(set(labels)))
        }

    def close(self) -> None:
        """Remove the file now (the list is empty afterwards)."""
        self._remove()
        self._length = 0

    def __len__(self) -> int:
        return self._length

    def __iter__(self) -> Iterator[Source]:
        if not self._remove.alive:
            return
        query = f"SELECT {_SOURCE_FIELDS} FROM sources ORDER BY seq"
        for label, url, encoding, characters, *meta in self._db.execute(query):
            yield Source(label, "", encoding, url, characters, *meta)

    @overload
    def __getitem__(self, index: int) -> Source: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Source]: ...

    def __getitem__(self, index: int | slice) -> Source | Sequence[Source]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(self._length)))
        position = index + self._length if index < 0 else index
        if not 0 <= position < self._length:
            raise IndexError("source index out of range")
        row = self._db.execute(
            f"SELECT {_SOURCE_FIELDS} FROM sources WHERE seq = ?",
            (position + 1,),
        ).fetchone()
        label, url, encoding, characters, *meta = row
        return Source(label, "", encoding, url, characters, *meta)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or len(other) != len(self):
            return False
        return all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[Any, ...]:
        return tuple, (tuple(self),)  # (a copy elsewhere is a plain tuple)

    def __repr__(self) -> str:
        return f"<SourceList of {self._length} sources>"


def _characters(source: Source) -> int:
    return len(source.text) if source.characters is None else source.characters
