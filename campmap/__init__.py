"""campmap: turn reports of surveillance cameras into a sourced map.

The pipeline has five stages, one module each, passing frozen records:

``sources``   read and clean reports, split and de-duplicate sentences
``extract``   find place mentions, decide site / route / context, attach counts
``gazetteer`` resolve names to real geometries through pluggable backends
``layer``     merge mentions into one GeoDataFrame row per site, and routes
``export``    write GeoJSON, report.json and the HTML map

>>> import campmap
>>> result = campmap.map_reports([campmap.example_paths()[0]])
>>> int(result.sites["count"].notna().sum()) >= 1
True
"""

from __future__ import annotations

from importlib.metadata import version as _version

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
from campmap.records import Document, Mention, Occurrence, Place, Problem, Role, Sentence, Source
from campmap.sources.read import read_text
from campmap.sources.reports import read_sources

# pyproject.toml's version, as installed (the package metadata); written nowhere else.
__version__ = _version("campmap")

# After the stages above: batch imports them (and __version__).
from campmap.archive import CorpusRun, map_corpus

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
