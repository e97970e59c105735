"""Find the places a report puts cameras at, and how many.

Extraction reads a :class:`~campmap.records.Document` in three steps:

1. **candidates**: every phrase of a sentence that can be a place: names a
   gazetteer knows (:mod:`campmap.extract.places`), phrases shaped like places
   (:mod:`campmap.extract.shapes`), and junctions of them
   (:mod:`campmap.extract.junctions`);
2. **features**: what stands around each candidate in its sentence, its list
   and its report (:mod:`campmap.extract.layout`, :mod:`campmap.extract.roles`);
3. **decision**: the features weighed into a role (site, route or context)
   with a confidence and the reasons in words (:mod:`campmap.extract.decide`).

Counts (:mod:`campmap.extract.counts`) then attach to the sites and routes,
and a last pass over the whole report settles namesakes and the areas other
sites stand in.
"""

from campmap.extract.roles import extract, extract_sentence

__all__ = ["extract", "extract_sentence"]
