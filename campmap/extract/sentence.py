"""The role of each place mention: features of its sentence, list and report, weighed.

For each candidate place of a sentence, :func:`extract_sentence` works out
its :class:`~campmap.extract.decide.Features` (:mod:`campmap.extract.features`:
is it after a locative word in a sentence about cameras? the first place of a
list item? an organisation? the town the place before it is in?) and
:func:`~campmap.extract.decide.decide` weighs them into a role. Counts then
attach (:mod:`campmap.extract.attach`): ``four at X`` to X; ``N cameras`` to
the route of its sentence (:mod:`campmap.extract.routes`), else to the one
site of its clause; a total over several sites is kept as shared text, never
copied to each. Each site's status comes from its clause
(:mod:`campmap.extract.status`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from campmap.extract.attach import attach_counts
from campmap.extract.counts import CAMERA_NOUN
from campmap.extract.decide import Decision, Features, decide
from campmap.extract.features import features
from campmap.extract.junctions import join_junctions
from campmap.extract.layout import Setting, read_layout
from campmap.extract.places import PlaceHit, find_places
from campmap.extract.qualified import carry_moved_from, qualify
from campmap.extract.region import settle_namesakes
from campmap.extract.reread import reread as second_reading
from campmap.extract.routes import route_pairs
from campmap.extract.sharedroads import settle_roads, settle_shared_roads
from campmap.extract.status import mention_status
from campmap.extract.totals import count_lone_site
from campmap.extract.umbrella import settle_areas
from campmap.gazetteer import Gazetteer, default_gazetteer
from campmap.gazetteer.names import lowercase
from campmap.records import Document, Mention, Place, Role, Sentence

__all__ = ["extract", "extract_sentence"]

_FRAME_BEFORE = re.compile(r"^\W*(?:in|across|throughout|around|within|at)\s+(?:the\s+)?$")
_FRAMED_SHAPES = frozenset({"name", "area"})
_PLAIN = Setting()
"""The setting of a sentence the layout says nothing of (made once: a setting is frozen)."""


def extract(
    document: Document,
    gazetteer: Gazetteer | None = None,
    *,
    weigh: Callable[[Features], Decision] = decide,
    reread: bool = False,
) -> tuple[Mention, ...]:
    """Return every place mention in a document, with its role and count.

    Parameters
    ----------
    document : Document
        Unique sentences from :func:`campmap.read_sources`.
    gazetteer : Gazetteer, optional
        The names to look for; the embedded one by default.
    weigh : callable, optional
        Features to decision, for each candidate in turn (see
        :func:`extract_sentence`); :func:`campmap.extract.decide.decide` by default.
    reread : bool, optional
        Read every mention again with the learned model
        (:mod:`campmap.extract.reread`) after the hand rules; off by default.

    Returns
    -------
    tuple of Mention
        In sentence order; regions and unresolved place-like phrases included.
    """
    gazetteer = gazetteer or default_gazetteer()
    layout = read_layout(document)
    found: list[Mention] = []
    address: list[str] = []
    for sentence in document.sentences:
        setting = layout.get(sentence.index, _PLAIN)
        if setting.skip:
            address.append(sentence.text)
            continue
        found.extend(extract_sentence(sentence, gazetteer, setting=setting, weigh=weigh))
    found = settle_shared_roads(
        settle_roads(settle_areas(settle_namesakes(found), " ".join(address)))
    )
    found = count_lone_site(found, document.sentences)
    return tuple(second_reading(found) if reread else found)


_ANOTHER_ATTACK = re.compile(
    r"\b(?:latest|most\s+recent|first|last|previous|earlier|second|third|another|next)\s+"
    r"(?:incident|attack|fire|blaze|arson\s+attack)\s+(?:was|happened|occurred|took\s+place)\b"
)
"""``The most recent incident was on X``: in a report about cameras, one more attack on one."""


def _speaks_of_cameras(text: str, low: str, setting: Setting) -> bool:
    """Whether a sentence speaks of cameras: by its words, its list, or one more attack."""
    return (
        setting.about_cameras
        or bool(CAMERA_NOUN.search(text))
        or (setting.topic and bool(_ANOTHER_ATTACK.search(low)))
    )


def extract_sentence(
    sentence: Sentence,
    gazetteer: Gazetteer,
    *,
    list_item: bool = False,
    about_cameras: bool | None = None,
    setting: Setting | None = None,
    weigh: Callable[[Features], Decision] = decide,
) -> list[Mention]:
    """Return the place mentions of one sentence (see the module docstring).

    Parameters
    ----------
    sentence : Sentence
    gazetteer : Gazetteer
    list_item : bool
        The sentence is an item of a list introduced by a sentence about
        cameras (``New camera sites:`` then ``- Market Place``): its places
        inherit the camera context of the list.
    about_cameras : bool, optional
        Whether the sentence names cameras, when the caller knows already
        (found with :data:`campmap.extract.counts.CAMERA_NOUN` otherwise).
    setting : Setting, optional
        Where the sentence stands in its report (:func:`campmap.extract.layout.read_layout`);
        overrides ``list_item`` and ``about_cameras``.
    weigh : callable, optional
        Weighs each candidate's features into a decision, called once per
        candidate in text order, so the n-th call is the n-th mention returned;
        :func:`campmap.extract.decide.decide` by default. A seam for
        ``benchmarks/learned.py``, which records the features and tries
        other weights.
    """
    text = sentence.text
    if setting is None:
        cameras = bool(CAMERA_NOUN.search(text)) if about_cameras is None else about_cameras
        setting = Setting(about_cameras=cameras or list_item, item=list_item)
    hits = qualify(
        text,
        join_junctions(
            text,
            find_places(text, gazetteer, setting.country),
            gazetteer,
            crossings=setting.junctions,
            report=setting.junction_report,
        ),
    )
    if not hits:
        return []
    low = lowercase(text)  # the patterns are lower case (faster than IGNORECASE)
    about_cameras = _speaks_of_cameras(text, low, setting)
    # A route is where cameras are along it: "the route from A to B" alone is not one.
    pairs = route_pairs(low, hits) if about_cameras else []
    decisions, near = _decide(text, low, hits, setting, about_cameras, pairs, weigh)
    _frame(low, hits, decisions, text if setting.cut_off else None)
    roles = [d.role for d in decisions]
    reasons = [d.reason for d in decisions]
    counts = attach_counts(text, low, hits, roles, bool(pairs), about_cameras, reasons)
    route_of = _route_keys(hits, pairs, reasons)
    statuses = carry_moved_from(
        low,
        hits,
        roles,
        [mention_status(low, h, roles[i], reasons[i], setting.status) for i, h in enumerate(hits)],
    )
    mentions = []
    for i, hit in enumerate(hits):
        count, count_text = counts.get(i, (None, None))
        mentions.append(
            Mention(
                text=hit.text,
                sentence=sentence,
                start=hit.start,
                end=hit.end,
                role=roles[i],
                place=hit.places[0] if hit.places else None,
                match=hit.match,
                score=hit.score,
                count=count,
                count_text=count_text,
                status=statuses[i],
                near=near[i],
                reason=reasons[i],
                route_key=route_of.get(i),
                candidates=hit.places,
                confidence=round(decisions[i].confidence, 3),
                reasons=decisions[i].reasons,
                shape=hit.shape,
                camera=setting.kind,
            )
        )
    return mentions


def _decide(
    text: str,
    low: str,
    hits: list[PlaceHit],
    setting: Setting,
    about_cameras: bool,
    pairs: list[tuple[int, int, int | None]],
    weigh: Callable[[Features], Decision] = decide,
) -> tuple[list[Decision], list[Place | None]]:
    """Decide each candidate's role in turn, and the place each site is narrowed to."""
    in_route = {i for pair in pairs for i in pair if i is not None}
    decisions: list[Decision] = []
    near: list[Place | None] = [None] * len(hits)
    for i, hit in enumerate(hits):
        found = features(text, low, hits, i, decisions, setting, about_cameras, i in in_route)
        decisions.append(weigh(found))
        previous = hits[i - 1] if i else None
        if (
            previous is not None
            and hit.places
            and decisions[i - 1].role is Role.SITE
            and (found.narrows_previous)
        ):
            near[i - 1] = hit.places[0]
    return decisions, near


def _route_keys(
    hits: list[PlaceHit], pairs: list[tuple[int, int, int | None]], reasons: list[str]
) -> dict[int, tuple[str, str]]:
    """Key each route's ends and street by the pair of its ends (and give the street its reason)."""
    route_of: dict[int, tuple[str, str]] = {}
    for a, b, via in pairs:
        key = (_key(hits[a]), _key(hits[b]))
        route_of[a] = route_of[b] = key
        if via is not None:
            route_of[via] = key
            reasons[via] = "the street a route follows"
    return route_of


def _frame(
    low: str, hits: list[PlaceHit], decisions: list[Decision], cut_off: str | None = None
) -> None:
    """``In Orewa, they will be on A, B and C``: the opening area frames the sites after it.

    ``cut_off`` is the sentence when the report's text stops inside it (see :func:`_cut_off`).
    """
    if cut_off is not None:
        _cut_off(cut_off, hits, decisions)
    if (
        len(hits) >= 2
        and hits[0].shape in _FRAMED_SHAPES
        and _FRAME_BEFORE.match(low[: hits[0].start])
        and any(d.role is Role.SITE for d in decisions[1:])
    ):
        decisions[0] = Decision(Role.CONTEXT, 0.9, ("frames the places after it",))


def _cut_off(text: str, hits: list[PlaceHit], decisions: list[Decision]) -> None:
    """``... along the Market Stree``: an unknown name where an excerpt stops is a word cut off."""
    last = hits[-1]
    if last.end >= len(text.rstrip()) and last.shape == "name" and not last.places:
        decisions[-1] = Decision(Role.CONTEXT, 0.9, ("cut off where the text stops",))


def _key(hit: PlaceHit) -> str:
    return hit.places[0].id if hit.places else hit.text
