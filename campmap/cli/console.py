"""What the commands print besides their results: warnings, and errors as one clean line.

Every command's errors go through :func:`clean_errors`, the one place a library
error becomes what the user sees.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

import click

from campmap.display import one_line
from campmap.errors import CampmapError, OptionError
from campmap.pipeline import Messages

__all__ = ["clean_errors", "messages", "note", "printable", "warn"]

P = ParamSpec("P")
R = TypeVar("R")


def clean_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn a campmap error into click's one-line message (exit code 1).

    Options that do not go together (:class:`~campmap.errors.OptionError`) are a
    usage error instead: the command's usage line, then the message (exit code 2).
    """

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except OptionError as err:
            raise click.UsageError(str(err)) from err
        except CampmapError as err:
            raise click.ClickException(printable(str(err))) from err

    return wrapper


def printable(text: str) -> str:
    r"""Escape control characters and line breaks (a file or place name could hold them).

    Examples
    --------
    >>> printable("evil\x1b[2J.txt"), printable("two\nlines.txt")
    ('evil\\x1b[2J.txt', 'two\\x0alines.txt')
    """
    return one_line(text)


def warn(message: str) -> None:
    """Print a warning line on standard error."""
    click.echo(f"campmap: warning: {printable(message)}", err=True)


def note(message: str) -> None:
    """Print a line on standard error as it is (a streamed run's account)."""
    click.echo(message, err=True)


def messages(*, progress: bool = False) -> Messages:
    """Return where a run's messages go from the command line: standard error."""
    return Messages(warn=warn, note=note, progress=progress)
