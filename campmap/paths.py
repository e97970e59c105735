"""Where campmap's bundled data lives, in a source checkout and in an installed wheel."""

from __future__ import annotations

from pathlib import Path

__all__ = ["data_dir", "example_paths"]

_HERE = Path(__file__).resolve().parent


def data_dir() -> Path:
    """Return the folder holding the gazetteer, region list and examples.

    Returns
    -------
    pathlib.Path
        ``campmap/_data`` in an installed wheel, else the checkout's ``data/``.
    """
    packaged = _HERE / "_data"
    if packaged.is_dir():
        return packaged
    return _HERE.parent / "data"


def example_paths() -> list[Path]:
    """Return the bundled example reports, sorted by name.

    Returns
    -------
    list of pathlib.Path
        The ``.txt``, ``.md`` and ``.html`` files in ``data/examples``.
    """
    folder = data_dir() / "examples"
    return sorted(p for p in folder.iterdir() if p.suffix in {".txt", ".md", ".html"})
