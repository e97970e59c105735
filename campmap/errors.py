"""Errors raised by campmap: every exception class of the package is defined here.

Every error descends from :class:`CampmapError`, and each also inherits the
built-in exception it resembles, so callers can catch either. The command line
turns each into one line naming the file, the line and what was expected, with
no traceback.

One class here is not an error: :class:`OverBudget`, the interruption an
archive run sends into a report's work when its time budget is spent. It is a
:class:`BaseException` (as :class:`KeyboardInterrupt` is), so that no
``except Exception`` in between catches it, and it never leaves
:func:`campmap.archive.budget.run_within`.
"""

from __future__ import annotations

__all__ = [
    "CampmapError",
    "DownloadError",
    "EmbedSourceError",
    "GazetteerError",
    "GeocoderConfigError",
    "InputError",
    "MoveTooFarError",
    "NothingPlacedError",
    "NothingReadError",
    "NothingToMapError",
    "OptionError",
    "OutputError",
    "OverBudget",
    "RegionError",
    "ReviewError",
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


class ReviewError(InputError):
    """A review sheet with a bad row; names the row and the column."""


class MoveTooFarError(ReviewError):
    """A reviewer's ``move_to`` landing too far from the site (latitude and longitude swapped?)."""


class GeocoderConfigError(CampmapError, ValueError):
    """A geocoder asked for in a way its usage policy or geopy does not allow."""


class EmbedSourceError(CampmapError, ValueError):
    """An address for the map that is neither an http(s) URL nor a relative path."""


class DownloadError(CampmapError, ConnectionError):
    """A region download that failed or does not check out; nothing was installed."""


class RegionError(CampmapError, LookupError):
    """A region name that is not in the index, is ambiguous, or is not installed."""


class OutputError(CampmapError, OSError):
    """An output that cannot be written; earlier outputs are left as they were."""


class NothingToMapError(CampmapError):
    """The inputs were read but held no camera site or route to map."""


class OverBudget(BaseException):
    """Raised inside a report's work when its time is up (never leaves ``run_within``)."""


class NothingPlacedError(NothingToMapError):
    """Place mentions were found, but none could be placed (the outputs list them)."""


class NothingReadError(CampmapError, ValueError):
    """No input could be read at all (each unreadable one was named in a warning)."""


class OptionError(CampmapError, ValueError):
    """Options that do not go together; the command line shows its usage with the message."""


class SchedulerError(CampmapError, ConnectionError):
    """The Dask scheduler of a streamed run cannot be used (Dask missing, or no answer)."""
