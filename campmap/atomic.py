"""Write files so that a reader never sees half of one, and a failure keeps the old one."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from campmap.errors import OutputError

__all__ = ["prepare_dir", "replace_all", "replace_file"]


def prepare_dir(folder: str | Path) -> Path:
    """Create the output folder if needed and check that it can be written.

    Raises
    ------
    OutputError
        A file stands where the folder should, or the folder is not writable.
    """
    path = Path(folder)
    if path.exists() and not path.is_dir():
        raise OutputError(f"{path}: a file is in the way; expected an output folder")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(
            f"{path}: cannot create the output folder: {err.strerror or err}"
        ) from err
    if not os.access(path, os.W_OK | os.X_OK):
        raise OutputError(f"{path}: the output folder is not writable")
    return path


def replace_all(folder: Path, writers: Sequence[tuple[str, Callable[[Path], None]]]) -> list[Path]:
    """Write every file under a temporary name, then move them all into place.

    Nothing is replaced unless every writer succeeded, so a failure leaves the
    previous outputs as they were.

    The temporary files are written in a new private folder inside ``folder``
    (:func:`tempfile.mkdtemp`: a random name, created exclusively, mode 0700),
    never at a predictable name: a link planted where a temporary file would
    go cannot send a write outside ``folder``, and no other user can add one
    inside. Each file keeps its own name there (GeoPackage checks the ending),
    and a rename replaces the output, or a link at its name, never what a link
    points to.

    Parameters
    ----------
    folder : pathlib.Path
        The output folder (see :func:`prepare_dir`).
    writers : sequence of (str, callable)
        File name, and a function writing that file's content to the path given.

    Returns
    -------
    list of pathlib.Path
        The files written.
    """
    for name, _ in writers:
        final = folder / name
        if final.is_dir() and not final.is_symlink():
            raise OutputError(f"{final}: a folder is in the way of an output file")
    _remove_orphans(folder)
    name = ""
    private: Path | None = None
    try:
        private = Path(
            tempfile.mkdtemp(prefix=f".campmap.{os.getpid()}.", suffix=".tmp", dir=folder)
        )
        for name, write in writers:
            write(private / name)
        name = ""
        for written, _ in writers:
            (private / written).replace(folder / written)
    except OSError as err:
        why = err.strerror or str(err)  # the file is named already
        writing = f"{name}: " if name else ""
        raise OutputError(f"{folder}: cannot write outputs: {writing}{why}") from err
    finally:
        if private is not None:
            shutil.rmtree(private, ignore_errors=True)
    return [folder / written for written, _ in writers]


_ORPHAN = re.compile(r"\.campmap\.(\d+)\.[^.]+\.tmp")
"""A private folder of temporary files (:func:`replace_all`), named by the process's id."""


def _remove_orphans(folder: Path) -> None:
    """Delete the temporary folders that killed runs (processes no longer alive) left."""
    try:
        entries = list(os.scandir(folder))
    except OSError:  # cannot list it: nothing to tidy; writing will say what is wrong
        return
    for entry in entries:
        match = _ORPHAN.fullmatch(entry.name)
        if match is None or not entry.is_dir(follow_symlinks=False):
            continue
        pid = int(match.group(1))
        if pid == os.getpid():
            continue
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            shutil.rmtree(entry.path, ignore_errors=True)
        except (PermissionError, OverflowError):  # alive, another user's; not a pid
            continue


def replace_file(path: Path, data: bytes) -> None:
    """Write one file atomically: a new temporary file beside it, then a rename.

    The temporary file is made by :func:`tempfile.mkstemp` (a random name,
    ``O_CREAT | O_EXCL``: never an existing file, never through a link) and
    written through its own descriptor; it is removed if anything fails.
    """
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        Path(temp).replace(path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
