"""Errors raised by campmap.

Every error descends from :class:`CampmapError`, and each also inherits the
built-in exception it resembles, so callers can catch either.
"""

from __future__ import annotations

__all__ = [
    "CampmapError",
    "GazetteerError",
    "InputError",
    "NothingPlacedError",
    "NothingReadError",
    "NothingToMapError",
    "OptionError",
    "OutputError",
    "SchedulerError",
]


class CampmapError(Exception):
    """Root of every error campmap raises on purpose."""


class InputError(CampmapError, ValueError):
    """A report or data file that cannot be read; names the file and, when known, the line.

    Parameters
    ----------
    path : str
        The file (or ``"<stdin>"``) the problem is in.
    message : str
        What is wrong, and what was expected.
    line : int, optional
        1-based line number of the problem.
    """

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.message = message
        self.line = line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")


class GazetteerError(InputError):
    """A gazetteer file that is malformed (bad geometry, duplicate id, missing field)."""


class OutputError(CampmapError, OSError):
    """An output that cannot be written; earlier outputs are left as they were."""


class NothingToMapError(CampmapError):
    """The inputs were read but held no camera site or route to map."""


class NothingPlacedError(NothingToMapError):
    """Place mentions were found, but none could be placed (the outputs list them)."""


class NothingReadError(CampmapError, ValueError):
    """No input could be read at all (each unreadable one was named in a warning)."""


class OptionError(CampmapError, ValueError):
    """Options that do not go together; the command line shows its usage with the message."""


class SchedulerError(CampmapError, ConnectionError):
    """The Dask scheduler of a streamed run cannot be used (Dask missing, or no answer)."""
