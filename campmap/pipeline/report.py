"""What a run says about what it met: problems, reports with no site, unplaced names.

Each function hands its lines to a :class:`~campmap.pipeline.options.Messages`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from campmap.archive import CorpusStats
from campmap.layer.build import Layers
from campmap.layer.layers import OutdatedDecision, StaleDecision
from campmap.pipeline.options import Messages
from campmap.records import Role

__all__ = ["report_decisions", "report_layers", "report_stream"]


def report_layers(layers: Layers, messages: Messages) -> None:
    """Warn of each problem, each report with no camera site, each name not placed."""
    for problem in layers.document.problems:
        messages.warn(str(problem))
    placed = {
        source
        for m in layers.mentions
        if m.role is not Role.CONTEXT
        for source in m.sentence.sources
    }
    for source in layers.document.sources:
        if source.label not in placed:
            messages.warn(f"{source.label}: no camera sites found")
    for item in layers.unresolved:
        hint = f" (closest names: {', '.join(item.candidates)})" if item.candidates else ""
        messages.warn(f"{item.source}: could not place {item.text!r}{hint}")


def report_stream(stats: CorpusStats, layers: Layers, messages: Messages) -> None:
    """Say what a streamed run read; its failures were warned about as they came."""
    for problem in layers.document.problems[stats.failed :]:
        messages.warn(str(problem))
    for item in layers.unresolved:
        messages.warn(f"{item.source}: could not place {item.text!r}")
    resumed = f", {stats.resumed_batches} batches resumed from a checkpoint"
    skipped = f"; {stats.no_camera} name no camera (skipped)"
    stopped = f"; {stats.timed_out} over the time budget (stopped and skipped)"
    messages.note(
        f"campmap: read {stats.reports} reports ({stats.bytes / 1e6:.1f} MB) in "
        f"{stats.seconds:.1f} s{resumed if stats.resumed_batches else ''}"
        f"{skipped if stats.no_camera else ''}{stopped if stats.timed_out else ''}"
    )
    if stats.failed:
        messages.warn(stats.failure_summary())


def report_decisions(
    sheet: Path | None,
    messages: Messages,
    *,
    stale: Sequence[StaleDecision] = (),
    outdated: Sequence[OutdatedDecision] = (),
) -> None:
    """Warn of each decision that matches nothing, and each made on another count or quote."""
    for item in stale:
        messages.warn(
            f"{sheet}:{item.line}: decision for {item.site_id!r} matches "
            "nothing in this run (kept in the review sheet)"
        )
    for old in outdated:
        messages.warn(
            f"{sheet}:{old.line}: decision for {old.site_id!r} is stale "
            f"({old.stale} since it was made): check it again, then empty its "
            "decided_on_count and decided_on_quote cells"
        )
