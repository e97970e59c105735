from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def test_walkthrough_notebook_runs(tmp_path):
    notebook = nbformat.read(NOTEBOOKS / "walkthrough.ipynb", as_version=4)
    NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    ).execute()
    last = notebook.cells[-1]["outputs"][-1]["data"]["text/plain"]
    assert "cameras reported along the route from Trafalgar Square to Parliament Square" in last
