"""The one pipeline: read, extract, place, build the layers, write the outputs.

``stages``  the stages in one process (:func:`map_reports`, :func:`extract_reports`)
``stream``  the same stages streamed over an archive in batches (:mod:`campmap.archive`)
``runs``    what each command does with them: map a folder, a review sheet, a list
``render``  the re-draw of a map from a sites file (``campmap render``)
``options`` the typed option records a run takes; ``places`` turns one into backends
``report``  the warnings a run gives about what it met
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from campmap.lazy import lazy_exports

if TYPE_CHECKING:
    from campmap.pipeline.options import Messages, PageOptions, PlaceOptions, StreamOptions
    from campmap.pipeline.places import backends_for, gazetteer_files, gazetteer_for
    from campmap.pipeline.render import Written, render_map
    from campmap.pipeline.runs import (
        Listing,
        list_mentions,
        map_to_folder,
        require_placed,
        review_sheet,
    )
    from campmap.pipeline.stages import Inputs, extract_reports, map_reports, require_something
    from campmap.pipeline.stream import is_streamed

__all__ = [
    "Inputs",
    "Listing",
    "Messages",
    "PageOptions",
    "PlaceOptions",
    "StreamOptions",
    "Written",
    "backends_for",
    "extract_reports",
    "gazetteer_files",
    "gazetteer_for",
    "is_streamed",
    "list_mentions",
    "map_reports",
    "map_to_folder",
    "render_map",
    "require_placed",
    "require_something",
    "review_sheet",
]

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "campmap.pipeline.options": ("Messages", "PageOptions", "PlaceOptions", "StreamOptions"),
        "campmap.pipeline.places": ("backends_for", "gazetteer_files", "gazetteer_for"),
        "campmap.pipeline.render": ("Written", "render_map"),
        "campmap.pipeline.runs": (
            "Listing",
            "list_mentions",
            "map_to_folder",
            "require_placed",
            "review_sheet",
        ),
        "campmap.pipeline.stages": (
            "Inputs",
            "extract_reports",
            "map_reports",
            "require_something",
        ),
        "campmap.pipeline.stream": ("is_streamed",),
    },
)
