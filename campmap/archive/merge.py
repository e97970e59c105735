"""Fold the batch results of an archive run, in input order, into one document and its mentions.

- a sentence repeated across reports (a syndicated copy) is kept once, with
  every occurrence, as :func:`campmap.read_sources` does; the state this needs
  is one 16-byte BLAKE2 hash per sentence (the worker computes it), not the
  sentence key;
- a row of the map (a site, a route, an unplaced name) keeps at most
  ``evidence`` sentences as evidence; further ones are only counted
  (:class:`Overflow`; their hashes and reports on disk, in a
  :class:`~campmap.archive.spill.Spill`), and the main process tells the
  workers which rows are full so that they leave that evidence out.

Merging in input order makes the result independent of batch size, of the
number of workers and of which worker finished first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from campmap.archive.spill import SourceList, Spill
from campmap.archive.wire import (
    ATTRIBUTION,
    BatchResult,
    Group,
    GroupKind,
    Row,
    group_of,
    unpack_evidence,
)
from campmap.archive.worker import NOBODY
from campmap.extract.attribution import Attribution
from campmap.gazetteer import Gazetteer, default_gazetteer
from campmap.layer.tally import WRITTEN_AS_LIMIT, Tally
from campmap.records import Document, Mention, Occurrence, Place, Problem, Role, Sentence

__all__ = ["Merger", "Overflow"]


@dataclass(slots=True)
class Overflow:
    """What the mentions of one row beyond its kept evidence add to it, as they come.

    :meth:`tally` gives the finished :class:`~campmap.layer.build.Tally` that
    :func:`~campmap.layer.build.build_layers` takes in.
    """

    mentions: int = 0
    counts: dict[int, str | None] = field(default_factory=dict)
    count_text: str | None = None
    statuses: Counter[str] = field(default_factory=Counter)
    fuzzy: int = 0
    written_as: dict[str, None] = field(default_factory=dict)
    makers: set[str] = field(default_factory=set)
    operators: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    """The earliest and latest publication date of the reports behind them (at most two)."""

    def add(self, row: Row, tags: Attribution, dates: Sequence[str] = ()) -> None:
        """Count one more mention (its count, status, spelling), its report's makers and dates."""
        if dates:
            found = sorted({*self.dates, *dates})
            self.dates = {found[0], found[-1]}
        self.mentions += 1
        if row.camera_count is not None:
            self.counts.setdefault(row.camera_count, row.count_text)
        if self.count_text is None and row.count_text:
            self.count_text = row.count_text
        self.statuses[row.status] += 1
        self.fuzzy += row.match == "fuzzy"
        if len(self.written_as) < WRITTEN_AS_LIMIT:
            self.written_as[row.text] = None
        self.makers.update(tags.makers)
        self.operators.update(tags.operators)

    def tally(self, more_sources: int) -> Tally:
        """Return the finished tally, with the reports it adds to those listed."""
        return Tally(
            mentions=self.mentions,
            counts=dict(self.counts),
            count_text=self.count_text,
            statuses=Counter(self.statuses),
            fuzzy=self.fuzzy,
            written_as=tuple(self.written_as),
            makers=tuple(sorted(self.makers)),
            operators=tuple(sorted(self.operators)),
            more_sources=more_sources,
            first_reported=min(self.dates, default=None),
            last_reported=max(self.dates, default=None),
        )


class Merger:
    """Fold batch results, in input order, into one document and its mentions.

    A sentence keeps at most ``max_occurrences`` occurrences (the first ones);
    further copies are only counted, and a report whose every sentence was
    such a copy is not listed among the sources.

    Parameters
    ----------
    max_occurrences : int
        Occurrences kept per repeated sentence.
    evidence : int or None
        Sentences kept as evidence per row (None: every one).
    gazetteer : Gazetteer, optional
        Where packed evidence finds its places.
    """

    def __init__(
        self, max_occurrences: int, evidence: int | None = None, gazetteer: Gazetteer | None = None
    ) -> None:
        self.max_occurrences = max_occurrences
        self.evidence = evidence
        self.gazetteer = gazetteer or default_gazetteer()
        self.kept_per_group: Counter[Group] = Counter()
        self.full: set[Group] = set()
        """Rows with as much evidence as they keep (sent to workers: no evidence for them)."""
        self.overflow: dict[Group, Overflow] = {}
        self.spill = Spill() if evidence is not None else None
        self.kept: dict[bytes, tuple[str, list[Occurrence], list[Mention]]] = {}
        self.sources = SourceList()
        """The reports that contributed, on disk (``report.json`` lists them all)."""
        self.failures: list[Problem] = []
        self.notes: list[Problem] = []
        """What the run says of reports as it reads them (a table's guessed location column)."""
        self.dropped = 0
        self.capped: set[bytes] = set()
        self.places: dict[tuple[str, str], Place] = {}

    def full_rows(self) -> frozenset[Group] | None:
        """Rows needing no more evidence, for the workers (None: keep every sentence's)."""
        return None if self.evidence is None else frozenset(self.full)

    def add(self, result: BatchResult) -> None:
        """Merge the next batch's result."""
        self.failures.extend(result.failures)
        self.notes.extend(result.notes)
        contributed: set[str] = set()
        counted: dict[bytes, list[str]] = {}
        if self.spill is not None:
            fresh = [r.digest for r in result.records if r.digest not in self.kept]
            counted = self.spill.lookup(fresh)
        items: list[tuple[Sentence, list[Mention]]] | None = None
        for record in result.records:
            labels = [o.source for o in record.occurrences]
            if record.digest in self.kept:  # a copy of a kept sentence: one more occurrence
                contributed.update(self._occur(record.digest, record.occurrences))
                continue
            contributed.update(labels)
            fed = counted.get(record.digest)
            if fed is not None and self.spill is not None:  # a copy of a counted sentence
                self.spill.reports(fed, labels)
                continue
            groups = [row.group for row in record.rows] or [ATTRIBUTION]
            if not self._room(groups):
                counted[record.digest] = self._count(record.digest, record.rows, labels, result)
                continue
            if record.slot < 0:
                raise RuntimeError("a worker left out the evidence of a sentence still kept")
            if items is None:
                items = unpack_evidence(result.evidence_items, self.gazetteer)
            self._keep(record.digest, groups, *items[record.slot])
        if self.spill is not None:
            self.spill.flush()
        self.sources.add(
            (source, result.attributions.get(source.label, NOBODY))
            for source in result.sources
            if source.label in contributed
        )

    def _occur(self, digest: bytes, occurrences: Sequence[Occurrence]) -> list[str]:
        """Add a kept sentence's further occurrences (up to the limit); return their reports."""
        kept = self.kept[digest][1]
        room = max(0, self.max_occurrences - len(kept))
        kept.extend(occurrences[:room])
        if len(occurrences) > room:
            self.dropped += len(occurrences) - room
            self.capped.add(digest)
        return [o.source for o in occurrences[:room]]

    def _keep(
        self, digest: bytes, groups: Sequence[Group], sentence: Sentence, mentions: list[Mention]
    ) -> None:
        """Keep a sentence and its mentions as evidence of the rows it feeds."""
        for group in set(groups):
            self.kept_per_group[group] += 1
            if self.evidence is not None and self.kept_per_group[group] >= self.evidence:
                self.full.add(group)
        mentions = [self._intern(m) for m in mentions]
        self.kept[digest] = (sentence.text, list(sentence.occurrences), mentions)

    def _room(self, groups: Sequence[Group]) -> bool:
        """Whether a new sentence is kept: some row it feeds has fewer than the evidence limit."""
        return self.evidence is None or any(g not in self.full for g in groups)

    def _count(
        self, digest: bytes, rows: Sequence[Row], labels: Sequence[str], result: BatchResult
    ) -> list[str]:
        """Count a sentence beyond the evidence kept for every row it feeds; return those rows."""
        assert self.spill is not None
        tags = result.attributions.get(labels[0], NOBODY)
        published = {s.label: s.published for s in result.sources if s.published}
        dates = [published[label] for label in labels if label in published]
        routes: dict[Group, Row] = {}
        for row in rows:
            if row.group.kind is GroupKind.ROUTE:
                routes[row.group] = row  # one mention a sentence stands for a route
            elif row.role is Role.SITE:
                self._overflow(row, tags, dates)
        for row in routes.values():
            self._overflow(row, tags, dates)
        fed = sorted({row.group.name for row in rows if row.group.kind is not GroupKind.CONTEXT})
        self.spill.count(digest, fed)
        self.spill.reports(fed, labels)
        return fed

    def _overflow(self, row: Row, tags: Attribution, dates: Sequence[str]) -> None:
        more = self.overflow.get(row.group)
        if more is None:
            more = self.overflow[row.group] = Overflow()
        more.add(row, tags, dates)

    def finish_overflow(
        self, mentions: Sequence[Mention]
    ) -> tuple[dict[str, Tally], list[Problem]]:
        """Return the rows' tallies, by site or route id; unplaced names' as problems."""
        listed: dict[Group, set[str]] = {}
        for mention in mentions:
            listed.setdefault(group_of(mention), set()).update(mention.sentence.sources)
        problems = []
        rows: dict[str, Tally] = {}
        for group, more in self.overflow.items():
            if group.kind is GroupKind.UNPLACED:
                problems.append(
                    Problem(
                        "inputs",
                        f"{more.mentions} further mentions of {group.key!r}, which could not "
                        "be placed, are counted but not listed",
                    )
                )
                continue
            assert self.spill is not None
            known = listed.get(group, set())
            more_sources = sum(1 for label in self.spill.labels(group.name) if label not in known)
            rows[group.key] = more.tally(more_sources)
        return rows, problems

    def attributions(self, mentions: Sequence[Mention]) -> Mapping[str, Attribution]:
        """Makers and operators of the reports behind these mentions (read from disk)."""
        return self.sources.attributions(label for m in mentions for label in m.sentence.sources)

    def close(self) -> None:
        """Remove the on-disk part."""
        if self.spill is not None:
            self.spill.close()

    def _place(self, place: Place | None) -> Place | None:
        if place is None:
            return None
        return self.places.setdefault((place.backend, place.id), place)

    def _intern(self, mention: Mention) -> Mention:
        """Point a mention at the one copy of each place (a place made on the fly travels whole)."""
        if all(
            place is None or self.places.setdefault((place.backend, place.id), place) is place
            for place in (mention.place, mention.near, *mention.candidates)
        ):
            return mention  # already the one copy
        return replace(
            mention,
            place=self._place(mention.place),
            near=self._place(mention.near),
            candidates=tuple(
                self.places.setdefault((c.backend, c.id), c) for c in mention.candidates
            ),
        )

    def document(self) -> tuple[Document, list[Mention]]:
        """Return the merged document (sources on disk) and the kept mentions."""
        sentences: list[Sentence] = []
        mentions: list[Mention] = []
        for index, (text, occurrences, found) in enumerate(self.kept.values()):
            sentence = Sentence(text=text, occurrences=tuple(occurrences), index=index)
            sentences.append(sentence)
            mentions.extend(replace(m, sentence=sentence) for m in found)
        problems = [*self.failures, *self.notes]
        if self.dropped:
            problems.append(
                Problem(
                    "inputs",
                    f"{len(self.capped)} sentences were repeated in more than "
                    f"{self.max_occurrences} places; the first {self.max_occurrences} are kept "
                    f"as evidence, {self.dropped} further copies only counted",
                )
            )
        document = Document(self.sources, tuple(sentences), tuple(problems))
        return document, mentions
