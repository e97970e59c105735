"""Read a plain run's inputs into one document of unique sentences.

The inputs are streamed as an archive run streams them
(:func:`campmap.sources.corpus.iter_reports`, under the walker's rules), each
report is read as a worker reads it (:func:`campmap.sources.corpus.load_report`),
and the sources are split into sentences with repeats kept once
(:func:`campmap.sources.dedupe.dedupe`). What differs from an archive run:
names are taken literally (no glob patterns), and an empty or unreadable folder
is a warning, not an error.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from campmap.errors import InputError
from campmap.records import Document, Problem, Source
from campmap.sources.corpus import iter_reports, load_report
from campmap.sources.dedupe import dedupe
from campmap.sources.metadata import ReportMeta, with_meta

__all__ = ["read_sources"]


def read_sources(
    inputs: Iterable[str | Path],
    *,
    stdin: BinaryIO | None = None,
    source: ReportMeta | None = None,
) -> Document:
    """Read every input and split it into unique sentences.

    Inputs are found by :func:`campmap.sources.walk.walk_inputs` (its rules):
    folders are read recursively (reports, also compressed, and JSON-lines
    files, in name order; hidden files skipped); names are taken literally (no
    glob patterns). A missing path is an error; an empty folder, or a report
    that cannot be read, is skipped with a :class:`~campmap.records.Problem`.

    Parameters
    ----------
    inputs : iterable of str or pathlib.Path
        Files, folders, or ``-`` for standard input.
    stdin : binary file, optional
        What ``-`` reads.
    source : ReportMeta, optional
        Where the one report given was published (its address, outlet ...);
        its fields win over what the report says.

    Returns
    -------
    Document
        The sources read, their unique sentences, and the problems met.

    Raises
    ------
    InputError
        An input path does not exist, or ``source`` is given for more than one report.
    """
    sources: list[Source] = []
    problems: list[Problem] = []
    for report in iter_reports(inputs, stdin=stdin, patterns=False, problems=problems):
        if source is not None and (sources or problems):
            raise InputError(
                report.label,
                "source details (--source-url, --outlet) describe one report; "
                "give a single report file or -",
            )
        try:
            read = load_report(report)
            sources.append(read if source is None else with_meta(read, source))
        except InputError as err:
            problems.append(Problem(err.path, err.message, err.line))
    return dedupe(sources, problems)
