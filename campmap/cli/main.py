"""The ``campmap`` command: a thin layer over the Python API (:mod:`campmap.pipeline`).

Each command parses its options, calls one library function and prints.
Library errors become one line on standard error and a non-zero exit code
(:func:`campmap.cli.console.clean_errors`).
"""

from __future__ import annotations

import click

from campmap.cli.extract import extract_command
from campmap.cli.gazetteer import gazetteer_group
from campmap.cli.map import map_command, render_command
from campmap.cli.review import diff_command, review_command

__all__ = ["cli", "main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="campmap")
def cli() -> None:
    """Map the surveillance cameras a report describes, with the sentence behind every mark."""


for command in (
    map_command,
    render_command,
    extract_command,
    review_command,
    diff_command,
    gazetteer_group,
):
    cli.add_command(command)


def main() -> None:
    """Run the ``campmap`` command."""
    cli(prog_name="campmap")
