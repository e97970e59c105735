"""Reading reports: find inputs, decode, clean, split into sentences, keep repeats once.

Modules, in the order a report goes through them: :mod:`~campmap.sources.walk`
(the inputs and the one suffix table), :mod:`~campmap.sources.decode` (bytes to
text), :mod:`~campmap.sources.clean` (normalised text),
:mod:`~campmap.sources.sentences` (sentence splitting),
:mod:`~campmap.sources.dedupe` (repeats kept once), :mod:`~campmap.sources.read`
(one report into a source), :mod:`~campmap.sources.corpus` (every input's
reports, streamed) and :mod:`~campmap.sources.reports` (a plain run's inputs
into one document).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from campmap.lazy import lazy_exports

if TYPE_CHECKING:
    from campmap.sources.clean import REMOVED_CHARACTERS, clean_text
    from campmap.sources.corpus import Report, iter_reports, load_report, read_stored, source_of
    from campmap.sources.decode import decode_bytes, html_to_text, looks_like_html
    from campmap.sources.dedupe import dedupe, sentence_key
    from campmap.sources.read import read_source, read_text, source_from_bytes
    from campmap.sources.reports import read_sources
    from campmap.sources.sentences import rejoin_abbreviations, split_sentences
    from campmap.sources.walk import REPORT_SUFFIXES, SUFFIXES, TABLE_SUFFIXES, walk_inputs

__all__ = [
    "REMOVED_CHARACTERS",
    "REPORT_SUFFIXES",
    "SUFFIXES",
    "TABLE_SUFFIXES",
    "Report",
    "clean_text",
    "decode_bytes",
    "dedupe",
    "html_to_text",
    "iter_reports",
    "load_report",
    "looks_like_html",
    "read_source",
    "read_sources",
    "read_stored",
    "read_text",
    "rejoin_abbreviations",
    "sentence_key",
    "source_from_bytes",
    "source_of",
    "split_sentences",
    "walk_inputs",
]

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "campmap.sources.clean": ("REMOVED_CHARACTERS", "clean_text"),
        "campmap.sources.corpus": (
            "Report",
            "iter_reports",
            "load_report",
            "read_stored",
            "source_of",
        ),
        "campmap.sources.decode": ("decode_bytes", "html_to_text", "looks_like_html"),
        "campmap.sources.dedupe": ("dedupe", "sentence_key"),
        "campmap.sources.read": ("read_source", "read_text", "source_from_bytes"),
        "campmap.sources.reports": ("read_sources",),
        "campmap.sources.sentences": ("rejoin_abbreviations", "split_sentences"),
        "campmap.sources.walk": ("REPORT_SUFFIXES", "SUFFIXES", "TABLE_SUFFIXES", "walk_inputs"),
    },
)
