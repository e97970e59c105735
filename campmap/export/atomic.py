"""Write files so that a reader never sees half of one, and a failure keeps the old one."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from campmap.errors import OutputError

__all__ = ["prepare_dir", "replace_all"]


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
    """Write every file to a temporary name, then move them all into place.

    Nothing is replaced unless every writer succeeded, so a failure leaves the
    previous outputs as they were.

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
    temps: list[tuple[Path, Path]] = []
    name = ""
    try:
        for name, write in writers:
            final = folder / name
            _remove_orphans(final)
            if final.is_dir():
                raise OutputError(f"{final}: a folder is in the way of an output file")
            # Keep the ending: some formats (GeoPackage) check it.
            temp = folder / f".{final.stem}.{os.getpid()}.tmp{final.suffix}"
            temps.append((temp, final))
            write(temp)
        name = ""
        for temp, final in temps:
            temp.replace(final)
    except OSError as err:
        why = err.strerror or str(err)  # the file is named already
        writing = f"{name}: " if name else ""
        raise OutputError(f"{folder}: cannot write outputs: {writing}{why}") from err
    finally:
        for temp, _ in temps:
            temp.unlink(missing_ok=True)
            for beside in temp.parent.glob(f"{temp.name}-*"):  # SQLite's journal
                beside.unlink(missing_ok=True)
    return [final for _, final in temps]


def _remove_orphans(final: Path) -> None:
    """Delete temporary files that a killed run (a process no longer alive) left for ``final``."""
    # The temporary file, and what SQLite keeps beside it (``-journal``, ``-wal``, ``-shm``).
    for temp in final.parent.glob(f".{final.stem}.*.tmp{final.suffix}*"):
        pid = temp.name[len(final.stem) + 2 :].partition(".tmp")[0]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            temp.unlink(missing_ok=True)
        except PermissionError:  # alive, another user's
            continue
