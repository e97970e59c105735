"""Find the places a report puts cameras at, and how many.

Extraction reads a :class:`~campmap.records.Document` in three steps:

1. **candidates**: every phrase of a sentence that can be a place: names a
   gazetteer knows (:mod:`campmap.extract.places`), phrases shaped like places
   (:mod:`campmap.extract.shapes`), and junctions of them
   (:mod:`campmap.extract.junctions`);
2. **features**: what stands around each candidate in its sentence, its list
   and its report (:mod:`campmap.extract.layout`, :mod:`campmap.extract.features`);
3. **decision**: the features weighed into a role (site, route or context)
   with a confidence and the reasons in words (:mod:`campmap.extract.decide`).

The role engine (:mod:`campmap.extract.sentence`) runs the three steps on each
sentence. Counts (:mod:`campmap.extract.counts`) then attach to the sites and
routes (:mod:`campmap.extract.attach`, :mod:`campmap.extract.routes`), each site
takes the status of its clause (:mod:`campmap.extract.status`), and a last
pass over the whole report settles namesakes and the areas other sites stand in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from campmap.lazy import lazy_exports

if TYPE_CHECKING:
    from campmap.extract.sentence import extract, extract_sentence

__all__ = ["extract", "extract_sentence"]

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "campmap.extract.sentence": ("extract", "extract_sentence"),
    },
)
