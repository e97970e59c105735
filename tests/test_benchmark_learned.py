"""``benchmarks/learned.py`` runs end to end on a small folder of invented reports.

The script is a benchmark, not part of the package, so nothing else imports it; this
test keeps it from breaking silently when the extractor's records change (it once did,
when ``Features`` became a named tuple).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (text, sites, traps): invented names only, in the answer format of the real corpus.
REPORTS = [
    (
        "Two new CCTV cameras will be installed at {a} Green and one at the corner of "
        "{b} Street and {c} Lane. A spokesperson at the town hall said work starts in May.",
        [["{a} green"], ["{b} street", "{c} lane"]],
        ["town hall"],
    ),
    (
        "Average speed cameras are planned for {a} Road and {b} Avenue, the county said on "
        "Tuesday. Three people were arrested in {c}ford last week.",
        [["{a} road"], ["{b} avenue"]],
        ["{c}ford"],
    ),
    (
        "Licence plate readers now operate at the following locations:\n"
        "- {a} Road at {b} Street\n- Station Approach\n- {c} Way",
        [["{a} road"], ["station approach"], ["{c} way"]],
        [],
    ),
    (
        "A CCTV camera on {a} Hill was vandalised overnight, police said. Another camera at "
        "{b} Park was covered with paint.",
        [["{a} hill"], ["{b} park"]],
        [],
    ),
]
NAMES = ["Marlow", "Fenwick", "Dray", "Orchard", "Kestrel", "Bramble", "Heron", "Quarry", "Linden"]


def invented_folder(root: Path) -> Path:
    """Write eight invented reports and their answers (realnews format) into ``root``."""
    expected = {}
    for i in range(8):
        text, sites, traps = REPORTS[i % len(REPORTS)]
        a, b, c = (NAMES[(i + k) % len(NAMES)] for k in (0, 3, 6))
        name = f"report{i}.txt"
        (root / name).write_text(f"Cameras for the town\n\n{text.format(a=a, b=b, c=c)}\n")
        fill = {"a": a.lower(), "b": b.lower(), "c": c.lower()}
        expected[name] = {
            "sites": [[part.format(**fill) for part in alt] for alt in sites],
            "traps": [t.format(**fill) for t in traps],
        }
    (root / "expected.json").write_text(json.dumps(expected))
    return root


def test_learned_weights_script_runs(tmp_path):
    folder = invented_folder(tmp_path)
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "learned.py"), str(folder), str(folder)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert f"{folder.name}: 8 reports" in done.stdout
    assert "hand, decide() alone" in done.stdout
    assert "learned L2, LORO" in done.stdout
    assert "Weights (log-odds)" in done.stdout
