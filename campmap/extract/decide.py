"""From the features around a place mention to its role, with a confidence and the reasons.

Each feature of a mention (see :class:`Features`) is evidence for or against
cameras being at the place, with a weight in log-odds (:data:`WEIGHTS`). The
weights add up, starting from :data:`PRIOR`; the mention is a site when the
total is above zero, and its confidence is the logistic of the total. The
reasons are the words of the features that weighed most, strongest first.

The weights are written by hand and tuned on reports (our own and real
ones); ``benchmarks/extraction.py`` scores them on reports they were not
tuned on.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from typing import NamedTuple

from campmap.records import Role

__all__ = ["PRIOR", "VETO", "WEIGHTS", "Decision", "Features", "decide"]


class Features(NamedTuple):
    """What is known about one place mention, each a yes or no.

    Attributes mirror :data:`WEIGHTS`; see there for what each one means. A
    named tuple, not a dataclass: one is made for every candidate place, and
    a tuple is made (and read in :func:`decide`) several times faster.
    """

    camera_sentence: bool = False
    locative: bool = False
    list_item: bool = False
    listed_with_site: bool = False
    gets_cameras: bool = False
    moved_there: bool = False
    junction_in_camera_report: bool = False
    road_at_place: bool = False
    shaped_like_place: bool = False
    known_place: bool = False
    town: bool = False
    bare_name: bool = False
    route_end: bool = False
    region: bool = False
    wide_area: bool = False
    area_of_sites: bool = False
    organisation: bool = False
    framing: bool = False
    narrows_previous: bool = False
    address_of_previous: bool = False
    locality_of_previous: bool = False
    owner_of_next: bool = False
    negated: bool = False
    monitoring_place: bool = False
    persons_ward: bool = False
    person: bool = False
    incident_place: bool = False
    meeting_place: bool = False
    not_about_cameras: bool = False


WEIGHTS: dict[str, tuple[float, str]] = {
    "camera_sentence": (0.5, "the sentence speaks of cameras"),
    "locative": (3.0, "cameras are put there (at, on, along ...)"),
    "list_item": (3.5, "an item of a list of camera sites"),
    "listed_with_site": (3.0, "listed with a camera site"),
    "gets_cameras": (3.0, "the place gets the cameras"),
    "moved_there": (3.2, "cameras moved there"),
    "junction_in_camera_report": (5.0, "a crossing named in a report about cameras"),
    "road_at_place": (4.0, "a road number at a named place, in a report about cameras"),
    "shaped_like_place": (0.3, "named like a street, road or building"),
    "known_place": (0.3, "a place the gazetteer knows"),
    "town": (1.2, "a town, suburb or village"),
    "bare_name": (-0.8, "a name with no place word"),
    "route_end": (0.0, "an end of a route"),
    "region": (-8.0, "a country, nation or city"),
    "wide_area": (-8.0, "a town, borough or county the report is set in"),
    "area_of_sites": (-8.0, "an area the sites are spread over"),
    "organisation": (-8.0, "names an organisation, not a place"),
    "framing": (-8.0, "whose people or police the story is about, not a camera site"),
    "narrows_previous": (-8.0, "narrows where the place before it is"),
    "address_of_previous": (-8.0, "the address of the place before it"),
    "locality_of_previous": (-8.0, "the town or district the place before it is in"),
    "owner_of_next": (-8.0, "the town or district the place after it is in"),
    "negated": (-8.0, "cameras are not placed there"),
    "monitoring_place": (-8.0, "where cameras are watched from, not where they are"),
    "persons_ward": (-8.0, "a person's ward or title"),
    "person": (-8.0, "a person, not a place"),
    "incident_place": (-4.0, "where an incident happened"),
    "meeting_place": (-8.0, "where a meeting was held, not where cameras are"),
    "not_about_cameras": (-3.0, "the sentence does not speak of cameras"),
}
"""Feature name -> (weight in log-odds, the reason in words)."""

PRIOR = -2.0
"""Log-odds of a place mention being a camera site before any feature is seen."""

_WEIGHED = tuple(WEIGHTS[name] for name in Features._fields)  # in the order of the fields
VETO = -4.0
"""A feature this strong against (or stronger) decides alone."""


@dataclass(frozen=True, slots=True)
class Decision:
    """What a mention is to the story, how sure, and why."""

    role: Role
    confidence: float
    reasons: tuple[str, ...]

    @property
    def reason(self) -> str:
        """The main reason, in a few words."""
        return self.reasons[0] if self.reasons else ""


@lru_cache(maxsize=1024)  # few combinations of features recur: each is weighed once
def decide(features: Features) -> Decision:
    """Weigh a mention's features into a role.

    Examples
    --------
    >>> d = decide(Features(camera_sentence=True, locative=True, shaped_like_place=True))
    >>> d.role.value, round(d.confidence, 2), d.reason
    ('site', 0.86, 'cameras are put there (at, on, along ...)')
    >>> decide(Features(camera_sentence=True, locative=True, organisation=True)).role.value
    'context'
    """
    found = list(compress(_WEIGHED, features))  # the weights of the features present
    score = PRIOR
    for weight, _ in found:
        score += weight
    weighed = [pair for pair in found if pair[0]]  # (a weight of 0 gives no reason)
    site = score > 0
    role = Role.SITE if site else Role.CONTEXT
    if features.route_end and all(weight > VETO for weight, _ in weighed):
        role, site, score = Role.ROUTE, True, max(score, 2.0)
        weighed.append((9.0, WEIGHTS["route_end"][1]))
    confidence = 1.0 / (1.0 + math.exp(-score))
    # The reasons that pushed the decision its way, strongest first.
    ordered = sorted(weighed, key=lambda w: -w[0] if site else w[0])
    reasons = tuple(words for weight, words in ordered if (weight > 0) == site)
    return Decision(role, confidence if site else 1.0 - confidence, reasons)
