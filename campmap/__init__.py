"""campmap: turn reports of surveillance cameras into a sourced map.

The pipeline has five stages, one module each, passing frozen records:

``sources``   read and clean reports, split and de-duplicate sentences
``extract``   find place mentions, decide site / route / context, attach counts
``gazetteer`` resolve names to real geometries through pluggable backends
``layer``     merge mentions into one GeoDataFrame row per site, and routes
``export``    write GeoJSON, report.json and the HTML map

Each name below is imported from its stage when first used (:mod:`campmap.lazy`),
so ``import campmap`` and the ``campmap`` command start quickly.

>>> import campmap
>>> result = campmap.map_reports([campmap.example_paths()[0]])
>>> int(result.sites["count"].notna().sum()) >= 1
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from campmap.lazy import lazy_exports

if TYPE_CHECKING:
    from campmap.archive import CorpusRun, map_corpus
    from campmap.errors import (
        CampmapError,
        GazetteerError,
        InputError,
        NothingToMapError,
        OutputError,
        ReviewError,
    )
    from campmap.export import write_outputs
    from campmap.extract import extract
    from campmap.gazetteer import Gazetteer, default_gazetteer
    from campmap.layer.build import Layers, build_layers
    from campmap.newsroom import Decision, apply_review, read_review, write_review
    from campmap.newsroom.diff import RunDiff, diff_runs
    from campmap.paths import example_paths
    from campmap.pipeline import map_reports
    from campmap.records import (
        Document,
        Mention,
        Occurrence,
        Place,
        Problem,
        Role,
        Sentence,
        Source,
    )
    from campmap.sources.read import read_text
    from campmap.sources.reports import read_sources

    __version__: str

__all__ = [
    "CampmapError",
    "CorpusRun",
    "Decision",
    "Document",
    "Gazetteer",
    "GazetteerError",
    "InputError",
    "Layers",
    "Mention",
    "NothingToMapError",
    "Occurrence",
    "OutputError",
    "Place",
    "Problem",
    "ReviewError",
    "Role",
    "RunDiff",
    "Sentence",
    "Source",
    "__version__",
    "apply_review",
    "build_layers",
    "default_gazetteer",
    "diff_runs",
    "example_paths",
    "extract",
    "map_corpus",
    "map_reports",
    "read_review",
    "read_sources",
    "read_text",
    "write_outputs",
    "write_review",
]

_names, __dir__ = lazy_exports(
    __name__,
    {
        "campmap.archive": ("CorpusRun", "map_corpus"),
        "campmap.errors": (
            "CampmapError",
            "GazetteerError",
            "InputError",
            "NothingToMapError",
            "OutputError",
            "ReviewError",
        ),
        "campmap.export": ("write_outputs",),
        "campmap.extract": ("extract",),
        "campmap.gazetteer": ("Gazetteer", "default_gazetteer"),
        "campmap.layer.build": ("Layers", "build_layers"),
        "campmap.newsroom": ("Decision", "apply_review", "read_review", "write_review"),
        "campmap.newsroom.diff": ("RunDiff", "diff_runs"),
        "campmap.paths": ("example_paths",),
        "campmap.pipeline": ("map_reports",),
        "campmap.records": (
            "Document",
            "Mention",
            "Occurrence",
            "Place",
            "Problem",
            "Role",
            "Sentence",
            "Source",
        ),
        "campmap.sources.read": ("read_text",),
        "campmap.sources.reports": ("read_sources",),
    },
)


def __getattr__(name: str) -> object:
    """Import a public name from its stage on first use (PEP 562)."""
    if name == "__version__":
        # pyproject.toml's version, as installed (the package metadata); written nowhere else.
        from importlib.metadata import version

        globals()["__version__"] = found = version("campmap")
        return found
    return _names(name)
