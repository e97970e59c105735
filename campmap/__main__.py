"""``python -m campmap`` runs the ``campmap`` command."""

from campmap.cli import main

main()
