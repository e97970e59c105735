"""One run at a time in an output folder, and an output folder that is safe to write.

A run writes its outputs, and an archive run its checkpoints, into one folder;
two runs there at once would mix their files, and the one that finishes first
would delete the other's checkpoints. :func:`lock_folder` takes a lock file in
the folder for the length of a run: a second run is refused with an error
naming the folder. The lock is a POSIX record lock (``fcntl``): the kernel
drops it when its process dies, however it dies, so a killed run never leaves
the folder locked (unlike ``flock``, it is not inherited by the worker
processes, which outlive a killed main process). The lock file is removed
when the run ends.

:func:`check_output_folder` refuses an output folder inside a folder the run
reads (the next run would read the outputs, ``map.html``, as reports).
"""

from __future__ import annotations

import errno
import fcntl
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from campmap.errors import OutputError

__all__ = ["LOCK_FILE", "check_output_folder", "lock_folder", "real_folder"]

LOCK_FILE = ".campmap.lock"
"""The lock file a run keeps in its output folder (hidden: never read as a report)."""

_HELD: set[tuple[int, int]] = set()
"""Lock files this process holds (device, inode): POSIX locks do not exclude the process
that holds them, and closing any other descriptor of the file would drop them."""


def real_folder(folder: Path) -> Path:
    """Return ``folder`` if it is a real folder or missing; refuse a link or a file.

    Raises
    ------
    OutputError
        ``folder`` is a symbolic link (writing there would write wherever it
        points) or a file.
    """
    if folder.is_symlink():
        raise OutputError(
            f"{folder}: is a symbolic link; campmap writes only into a real folder here "
            "(remove the link)"
        )
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: a file is in the way; expected a folder")
    return folder


@contextmanager
def lock_folder(folder: str | Path) -> Iterator[Path]:
    """Hold ``folder`` for one run; refuse if another run (any process) holds it.

    The folder is created if needed, and removed again at the end if the run
    left it empty (a failed run writes nothing).

    Parameters
    ----------
    folder : str or pathlib.Path
        The output (or checkpoint) folder.

    Yields
    ------
    pathlib.Path
        The folder.

    Raises
    ------
    OutputError
        Another run holds the folder, or the folder cannot be created or locked.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as parent:
    ...     with lock_folder(Path(parent) / "out") as out:
    ...         try:
    ...             with lock_folder(out):
    ...                 pass
    ...         except OutputError as err:
    ...             print(str(err).split(") ", 1)[1])
    is writing to this folder; wait for it to finish, or choose another output folder
    """
    path = Path(folder)
    created = _make_folder(path)
    try:
        descriptor = _acquire(path / LOCK_FILE, path)
        try:
            yield path
        finally:
            _release(path / LOCK_FILE, descriptor)
    finally:
        for made in created:  # innermost first; a folder with anything in it stays
            try:
                made.rmdir()
            except OSError:
                break


def _make_folder(path: Path) -> list[Path]:
    """Create ``path`` and missing parents; return those created, innermost first."""
    if path.exists() and not path.is_dir():
        raise OutputError(f"{path}: a file is in the way; expected a folder")
    missing = [p for p in (path, *path.parents) if not p.exists()]
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"{path}: cannot create the folder: {err.strerror or err}") from err
    return missing


def _acquire(lock: Path, folder: Path) -> int:
    flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC
    while True:
        try:
            held = lock.lstat()
        except FileNotFoundError:
            pass
        else:
            if (held.st_dev, held.st_ino) in _HELD:
                raise _busy(folder, os.getpid())
        try:
            descriptor = os.open(lock, flags, 0o644)
        except OSError as err:
            if err.errno == errno.ELOOP:
                raise OutputError(f"{lock}: is a symbolic link; remove it") from err
            raise OutputError(f"{folder}: cannot lock the folder: {err.strerror or err}") from err
        try:
            fcntl.lockf(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as err:
            os.close(descriptor)
            if err.errno in (errno.EACCES, errno.EAGAIN):
                raise _busy(folder, _holder(lock)) from None
            raise OutputError(f"{folder}: cannot lock the folder: {err.strerror or err}") from err
        # The holder before us may have removed the file as we opened it: lock the one there.
        mine = os.fstat(descriptor)
        try:
            there = lock.lstat()
        except FileNotFoundError:
            there = None
        if there is not None and (there.st_dev, there.st_ino) == (mine.st_dev, mine.st_ino):
            break
        os.close(descriptor)
    _HELD.add((mine.st_dev, mine.st_ino))
    try:  # who holds it, for the message another run gets (not needed for the lock itself)
        os.ftruncate(descriptor, 0)
        os.write(descriptor, f"{os.getpid()}\n".encode())
    except OSError:
        pass  # (a full disk: the lock holds all the same)
    return descriptor


def _release(lock: Path, descriptor: int) -> None:
    mine = os.fstat(descriptor)
    lock.unlink(missing_ok=True)  # before the lock goes, so nobody locks a removed file
    _HELD.discard((mine.st_dev, mine.st_ino))
    os.close(descriptor)


def _holder(lock: Path) -> int | None:
    try:
        text = lock.read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


def _busy(folder: Path, pid: int | None) -> OutputError:
    who = f" (process {pid})" if pid is not None else ""
    return OutputError(
        f"{folder}: another campmap run{who} is writing to this folder; wait for it to "
        "finish, or choose another output folder"
    )


def check_output_folder(output: str | Path, inputs: Iterable[str | Path]) -> None:
    """Refuse an output folder that is, or is inside, a folder the run reads.

    Only folders given as inputs are checked (a glob pattern is not).

    Raises
    ------
    OutputError
        ``output`` is one of the input folders or inside one.
    """
    out = Path(os.path.realpath(output))
    for item in inputs:
        folder = Path(item)
        if str(item) == "-" or not folder.is_dir():
            continue
        if out.is_relative_to(os.path.realpath(folder)):
            where = "is the input folder" if out == Path(os.path.realpath(folder)) else "is inside"
            raise OutputError(
                f"{output}: the output folder {where} {item}; the next run would read its "
                "outputs (map.html) as reports: choose an output folder outside the inputs"
            )
