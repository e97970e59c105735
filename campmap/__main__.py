"""``python -m campmap`` runs the ``campmap`` command."""

from campmap.cli.main import main

main()
