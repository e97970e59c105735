"""The role of each place mention: features of its sentence, list and report, weighed.

For each candidate place of a sentence, :func:`extract_sentence` works out
its :class:`~campmap.extract.decide.Features` (is it after a locative word in
a sentence about cameras? the first place of a list item? an organisation? the
town the place before it is in?) and :func:`~campmap.extract.decide.decide`
weighs them into a role. Counts then attach: ``four at X`` to X; ``N cameras``
to the route of its sentence, else to the one site of its clause; a total over
several sites is kept as shared text, never copied to each.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache

from campmap.extract.counts import CAMERA_NOUN, CountKind, Number, camera_counts
from campmap.extract.decide import WEIGHTS, Decision, Features, decide
from campmap.extract.junctions import join_junctions
from campmap.extract.kinds import clause_status
from campmap.extract.layout import Setting, read_layout
from campmap.extract.places import PlaceHit, find_places
from campmap.extract.region import settle_namesakes
from campmap.extract.totals import count_lone_site
from campmap.extract.umbrella import settle_areas
from campmap.gazetteer import Gazetteer, default_gazetteer
from campmap.gazetteer.names import lowercase
from campmap.records import Document, Mention, Place, Role, Sentence

__all__ = ["extract", "extract_sentence"]

_WORD = re.compile(r"[\w'-]+|[^\w\s]")
_LOCATIVES = frozenset(
    "at on along alongside above over overlooking overlook overlooks towards toward facing "
    "face faces by near outside opposite beside in into inside within around across covering "
    "cover covers watching watch watches lining line lines throughout beneath under atop past "
    "off through outside where including include includes between".split()
)
_FILLERS = frozenset(
    "the a an parts part of some all both area areas section sections stretch stretches length "
    "edge end side corner its their many much main whole upper lower north south east west "
    "northern southern eastern western far front top base foot gate gates entrance entrances "
    "approach approaches steps junction junctions just spot point corner crossroads precinct "
    "precincts vicinity heart middle centre center immediate surrounding surroundings "
    "neighbouring neighboring nearby adjacent adjoining".split()
)
_LIST_GAP = re.compile(
    r"^\s*(?:,\s*(?:and\s+|or\s+|as\s+well\s+as\s+)?|\s+(?:and|or|as\s+well\s+as|plus)\s+|;\s*(?:and\s+)?)"
    r"(?P<rest>.*)$",
)
_QUALIFIER_GAP = re.compile(
    r"^\s+(?:entrance|entrances|gate|gates|side|end|corner|edge|exit|approach)\s+(?:to|of|into)\s+"
    r"(?:the\s+)?$",
)
_ADDRESS_GAP = re.compile(r"^\s*,?\s+(?:on|in|off)\s+(?:the\s+)?$")
_ROUTE_WORD = re.compile(
    r"\b(?:route|along|procession|parade|path|way|stretch(?:ing)?|length|corridor|running|runs)\b",
)
_VIA_GAP = re.compile(r"^\s+(?:from|between)\s+(?:the\s+)?$")
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$")
_TO = re.compile(r"^\s+(?:to|towards|as\s+far\s+as|up\s+to)\s+(?:the\s+)?$")
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$")
_AND = re.compile(r"^\s+and\s+(?:the\s+)?$")
_MOVED_FROM = re.compile(
    r"\b(?:moved|relocated|removed|taken(?:\s+down)?|transferred|shifted|ripped\s+out)\s+"
    r"(?:\w+\s+){0,3}?from\s+(?:the\s+)?$",
)
_RELOCATED = re.compile(
    r"\b(?:moved|relocated|transferred|shifted)\s+(?:\w+\s+){0,3}?from\s+(?:the\s+)?$",
)
_REMOVED = re.compile(
    r"\b(?:removed|taken\s+down|dismantled|decommissioned|switched\s+off|ripped\s+out|stolen|"
    r"stole|scrapped)\b",
)
_STATUS_END = re.compile(r"[;,]|\s(?:and|but|while|whereas)\s")
_CLAUSE_BREAK = re.compile(
    r"[;:]|,\s+(?:and\s+|but\s+|while\s+|with\s+)?(?:more|others|further|another|the\s+rest)\b"
    r"|\s(?:while|whereas|whilst)\s",
)
_NEGATED = re.compile(r"\b(?:no|not|never|none|nor|without)\b[^,;]*$")
_RELOCATED_LATER = re.compile(
    r"\b(?:moved|relocated|transferred|shifted|put\s+back\s+up)\s+(?:\w+\s+){0,2}?to\b",
)
_QUALIFIED = re.compile(
    r"\b(?:(?:just\s+|directly\s+|immediately\s+)?(?:north|south|east|west)\s+of|next\s+to|"
    r"close\s+to|in\s+front\s+of|a\s+few\s+yards\s+from)\s+(?:the\s+)?$",
)
_SENT_TO = re.compile(
    r"\b(?:taken|moved|relocated|transferred)\s+to\s+"
    r"(?:the\s+)?$",
)
_WIDER = re.compile(
    r"\b(?:(?:across|throughout|in|around)\s+the\s+(?:borough|town|city|county|district|area|"
    r"region|country|force\s+area)|including|among\s+them|such\s+as)\b",
)
_DESTINED = re.compile(
    r"\b(?:planned|proposed|earmarked|destined|bound|intended|approved|scheme|plans?|project|"
    r"bid|proposals?|funding|money)\s+for\s+(?:the\s+)?$",
)
_APPOSITIVE = re.compile(
    r"^\s*,\s+(?:an?|the)\s+(?:[\w'-]+\s+){0,3}?(?:on|in|off|near|behind)\s+(?:the\s+)?$",
)
_LIST_INTRO = re.compile(r":\s*(?:[-*\u2022]\s*)?(?:the\s+)?$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*\u2022\u00b7\u2013]|\d{1,2}[.)])\s+")
_ITEM_GAP = re.compile(r"^[\s\-*\u2022\u00b7\u2013\d.)]*(?:the\s+)?$")
_NEAR_GAP = re.compile(
    r"^\s*,?\s+(?:near|by|close\s+to|next\s+to|opposite|outside|beside)\s+(?:the\s+)?$",
)
_GETS = re.compile(
    r"^\s+(?:will\s+(?:get|receive|have)|to\s+(?:get|receive|have)\s+(?:\w+\s+){0,5}?(?:cameras?|cctv)\b|is\s+(?:getting|to\s+get|receiving)|gets|receives|"
    r"(?:now\s+|already\s+)?(?:has|have)\s+(?:\w+\s+){0,3}?(?:cameras?|cctv)\b|"
    r"(?:now\s+|only\s+|just\s+)?(?:has|have)\s+(?:\d+|an?\s+dozen|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty)(?=\s*[.,;]|\s*$)|"
    r"has\s+(?:got|received|been\s+given))\b",
)
_LABEL = re.compile(
    r"^(?:\s*,\s*[a-z][\w'-]*(?:\s+[a-z][\w'-]*)*)?\s*(?::|\s[\u2013\u2014-])\s+"
    r"(?:[\w-]+\s+){0,3}?(?:cameras?|cctv|anpr)\b",
)
_MOVED_TO = re.compile(
    r"^\s+and\s+(?:were\s+|was\s+|been\s+)?(?:moved|relocated|transferred|shifted|taken|put\s+up)"
    r"\s+(?:\w+\s+){0,2}?to\s+(?:the\s+)?$",
)
_ORGANISATION = re.compile(
    r"^\s+(?:(?:city|borough|county|district|town|parish)\s+)?(?:council|councillors?|police|"
    r"constabulary|mayor|mps?|residents|officials|spokesman|spokeswoman|spokesperson)\b",
)
_CONTEXT_KINDS = frozenset("town city village borough county region country".split())


def extract(document: Document, gazetteer: Gazetteer | None = None) -> tuple[Mention, ...]:
    """Return every place mention in a document, with its role and count.

    Parameters
    ----------
    document : Document
        Unique sentences from :func:`campmap.read_sources`.
    gazetteer : Gazetteer, optional
        The names to look for; the embedded one by default.

    Returns
    -------
    tuple of Mention
        In sentence order; regions and unresolved place-like phrases included.
    """
    gazetteer = gazetteer or default_gazetteer()
    layout = read_layout(document)
    found: list[Mention] = []
    for sentence in document.sentences:
        setting = layout.get(sentence.index, Setting())
        if setting.skip:
            continue
        found.extend(extract_sentence(sentence, gazetteer, setting=setting))
    found = settle_areas(settle_namesakes(found))
    return tuple(count_lone_site(found, document.sentences))


def extract_sentence(
    sentence: Sentence,
    gazetteer: Gazetteer,
    *,
    list_item: bool = False,
    about_cameras: bool | None = None,
    setting: Setting | None = None,
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
    """
    text = sentence.text
    if setting is None:
        cameras = bool(CAMERA_NOUN.search(text)) if about_cameras is None else about_cameras
        setting = Setting(about_cameras=cameras or list_item, item=list_item)
    hits = join_junctions(
        text,
        find_places(text, gazetteer, setting.country),
        gazetteer,
        crossings=setting.junctions,
        report=setting.junction_report,
    )
    if not hits:
        return []
    low = lowercase(text)  # the patterns are lower case (faster than IGNORECASE)
    about_cameras = setting.about_cameras or bool(CAMERA_NOUN.search(text))
    # A route is where cameras are along it: "the route from A to B" alone is not one.
    route_pairs = _route_pairs(low, hits) if about_cameras else []
    in_route = {i for pair in route_pairs for i in pair if i is not None}
    decisions: list[Decision] = []
    near: list[Place | None] = [None] * len(hits)
    for i, hit in enumerate(hits):
        features = _features(text, low, hits, i, decisions, setting, about_cameras, i in in_route)
        decisions.append(decide(features))
        previous = hits[i - 1] if i else None
        if (
            previous is not None
            and hit.places
            and decisions[i - 1].role is Role.SITE
            and (features.narrows_previous)
        ):
            near[i - 1] = hit.places[0]
    _frame(low, hits, decisions)
    roles = [d.role for d in decisions]
    reasons = [d.reason for d in decisions]
    counts = _attach_counts(text, low, hits, roles, bool(route_pairs), about_cameras, reasons)
    route_of: dict[int, tuple[str, str]] = {}
    for a, b, via in route_pairs:
        key = (_key(hits[a]), _key(hits[b]))
        route_of[a] = route_of[b] = key
        if via is not None:
            route_of[via] = key
            reasons[via] = "the street a route follows"
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
                status=_status(low, hit, roles[i], reasons[i], setting.status),
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


_PLACE_SHAPES = frozenset({"street", "facility", "road", "block", "junction", "area"})
_INCIDENT = re.compile(
    r"\b(?:shot|shooting|stabbed|stabbing|killed|murder(?:ed)?|crash(?:ed)?|collision|robbed|"
    r"robbery|attack(?:ed)?|arrested|fire|blaze|accident)\b",
)
_MONITORED = re.compile(
    r"\b(?:monitored|watched|operated|managed|controlled|run|viewed|streamed|fed|beamed)\s+"
    r"(?:\w+\s+){0,3}?(?:from|at|by|back\s+to|to)\s+(?:the\s+)?(?:\w+\s+){0,4}$|"
    r"\b(?:control\s+rooms?|monitoring\s+(?:centre|center|room|unit|station)s?|"
    r"operators?|headquarters|hq)\s+(?:\w+\s+){0,2}?(?:in|at|on|located\s+in|based\s+in)\s+(?:the\s+)?$",
)
_MONITOR_AFTER = re.compile(
    r"^\s*(?:'s\s+)?(?:\(\w+\)\s+)?(?:control\s+rooms?|monitoring\s+(?:centre|center|room|unit)s?|"
    r"headquarters|hq|offices?|cctv\s+(?:control|monitoring|centre|center|room|unit)|centre\b)",
)
_WARD = re.compile(r"\(\s*(?:[\w.' -]+,\s*)$")
_PARTY = re.compile(
    r"\(\s*(?:labour|conservative|tory|lib\s+dem|liberal\s+democrats?|green|independent|reform|"
    r"snp|plaid(?:\s+cymru)?|democrat|republican|d|r|lab|con|ld|ind)\s*,\s*$",
)
_IN_GAP = re.compile(r"^\s*,?\s+in\s+(?:the\s+)?$")
_COMMA_GAP = re.compile(r"^\s*,\s*$")
_ENDS = re.compile(r"^\s*(?:[.;:!?)(\u2013\u2014-]|$|\d)")
_STREET_SHAPES = frozenset({"street", "road"})
_SPEAKER_AFTER = re.compile(
    r"^\s*(?:,\s*)?(?:said|says|told|added|explained|noted|stated|insisted|argued|warned|"
    r"believes|thinks|wrote|asked|replied|confirmed|claimed)\b|^\s*,\s+(?:who|whose)\b|^['\u2019]s\s+(?:wife|husband|son|daughter|office|spokes)",
)
_SPEAKER_BEFORE = re.compile(r"\b(?:said|says|according\s+to|told)\s+$")
_OWNED = frozenset({"street", "road", "facility", "area", "junction", "block"})
_POSSESSIVE_GAP = re.compile(r"^['\u2019]s?\s+(?:new\s+|main\s+|busy\s+)?$")
_ORGANISATION_APPOSITIVE = re.compile(
    r"^\s*,\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:organi[sz]ation|company|firm|charity|group|"
    r"body|agency|trust|association|network|partnership|contractor|supplier|provider|"
    r"newspaper|outlet|website|business|maker|manufacturer)\b",
)
_TOPIC_JUNCTION = frozenset({"junction"})


def _features(
    text: str,
    low: str,
    hits: list[PlaceHit],
    i: int,
    decided: list[Decision],
    setting: Setting,
    about_cameras: bool,
    route_end: bool,
) -> Features:
    """Work out the features of the ``i``-th candidate of a sentence."""
    hit = hits[i]
    previous = hits[i - 1] if i else None
    previous_site = previous is not None and decided[i - 1].role is Role.SITE
    gap = low[previous.end if previous else 0 : hit.start]
    window = low[max(0, hit.start - _WINDOW) : hit.start]
    after = low[hit.end : hit.end + _WINDOW]
    kind = hit.places[0].kind if hit.places else None
    return Features(
        camera_sentence=about_cameras,
        locative=about_cameras
        and (
            _locative_before(gap)
            or bool(_MOVED_FROM.search(gap))
            or bool(_QUALIFIED.search(gap))
            or bool(_LIST_INTRO.search(gap))
            or bool(_DESTINED.search(gap))
            or bool(_SENT_TO.search(gap))
            or (bool(_EXAMPLES.search(gap)) and not _NUMBERED_IN.search(gap))
            or bool(_CAMERA_LABEL.search(window))
        ),
        list_item=setting.item and previous is None and bool(_ITEM_GAP.match(gap)),
        listed_with_site=previous_site and _listed(gap),
        gets_cameras=about_cameras and bool(_GETS.match(after) or _LABEL.match(after)),
        moved_there=_moved_there(low, hits, i, decided, about_cameras, gap),
        junction_in_camera_report=(setting.topic or about_cameras)
        and hit.shape in _TOPIC_JUNCTION
        and not _incident(low),
        shaped_like_place=hit.shape in _PLACE_SHAPES,
        known_place=bool(hit.places) and hit.match in {"exact", "fuzzy"},
        town=hit.match == "town" and kind != "city",
        bare_name=hit.shape == "name" and (not hit.places or hit.match == "town"),
        route_end=route_end,
        region=hit.match == "region",
        wide_area=kind in _CONTEXT_KINDS,
        area_of_sites=hit.shape == "name"
        and bool(_NUMBERED_IN.search(window) or _SPREAD.search(gap)),
        organisation=bool(_ORGANISATION.match(after) or _ORGANISATION_APPOSITIVE.match(after)),
        narrows_previous=_narrows_next(text, hits, i)
        or (
            previous is not None
            and (
                bool(_QUALIFIER_GAP.match(gap))
                or (previous_site and bool(_NEAR_GAP.match(gap)))
                or (
                    previous_site
                    and previous.shape in _STREET_SHAPES
                    and bool(_NARROWS_PREVIOUS.match(gap))
                )
                or bool(_APPOSITIVE.match(gap))
            )
        ),
        address_of_previous=previous is not None
        and (
            _is_address(previous, hit, gap)
            or (
                previous.shape == "facility"
                and hit.shape in _STREET_SHAPES
                and bool(_ADDRESS_GAP.match(gap))
            )
        ),
        locality_of_previous=(previous_site or _locality(decided, i))
        and hit.shape == "name"
        and previous is not None
        and previous.shape != "name"
        and (
            bool(_IN_GAP.match(gap))
            or (bool(_COMMA_GAP.match(gap)) and i == len(hits) - 1 and bool(_ENDS.match(after)))
        ),
        owner_of_next=hit.shape == "name"
        and i + 1 < len(hits)
        and hits[i + 1].shape in _OWNED
        and bool(_POSSESSIVE_GAP.match(text[hit.end : hits[i + 1].start])),
        negated=about_cameras and bool(_NEGATED.search(window)),
        monitoring_place=bool(_MONITORED.search(window) or _MONITOR_AFTER.match(after)),
        persons_ward=bool(_PARTY.search(window)),
        person=hit.shape == "name"
        and bool(_SPEAKER_AFTER.match(after) or _SPEAKER_BEFORE.search(window)),
        incident_place=not about_cameras and _incident(low),
        not_about_cameras=not about_cameras,
    )


_WINDOW = 80
_CLAUSE = 300
_EXAMPLES = re.compile(
    r"\b(?:areas?|places?|locations?|sites?|spots?|points?|junctions?|intersections?|roads?|"
    r"streets?|towns?|suburbs?|districts?|neighbou?rhoods?|villages?|centres?|centers?)\s+"
    r"(?:like|such\s+as|including|include|namely|in)\s*:?\s*(?:the\s+)?$"
)
_NUMBERED_IN = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|a\s+few|a\s+number\s+of)\s+"
    r"(?:\w+\s+)?(?:points?|sites?|locations?|places?|spots?|intersections?|junctions?|streets?|"
    r"roads?|areas?|positions?)\s+(?:in|across|around|throughout)\s+(?:the\s+)?$"
)
_SPREAD = re.compile(r"\b(?:across|throughout|all\s+over|around)\s+(?:the\s+)?$")
_CAMERA_LABEL = re.compile(r"\bcameras?\s*(?:no\.?\s*|number\s+|#\s*|id\s+)?\d{1,6}\s*$")
_NARROWS_PREVIOUS = re.compile(
    r"^\s*,?\s+(?:between|(?:just\s+)?(?:north|south|east|west)\s+of|before|after|past|beyond)\s+(?:the\s+)?$"
)
_NARROWS_NEXT = re.compile(
    r"^\s+(?:junctions?|intersections?|corners?|crossings?|ends?)\s+(?:on|of|along)\s+(?:the\s+)?$"
)
_FRAME_BEFORE = re.compile(r"^\W*(?:in|across|throughout|around|within|at)\s+(?:the\s+)?$")
_FRAMED_SHAPES = frozenset({"name", "area"})


def _frame(low: str, hits: list[PlaceHit], decisions: list[Decision]) -> None:
    """``In Orewa, they will be on A, B and C``: the opening area frames the sites after it."""
    if (
        len(hits) >= 2
        and hits[0].shape in _FRAMED_SHAPES
        and _FRAME_BEFORE.match(low[: hits[0].start])
        and any(d.role is Role.SITE for d in decisions[1:])
    ):
        decisions[0] = Decision(Role.CONTEXT, 0.9, ("frames the places after it",))


"""How far before and after a mention its features look, in characters (keeps extraction linear)."""


def _narrows_next(text: str, hits: list[PlaceHit], i: int) -> bool:
    """``between the A and B junctions on C``: A and B only say where on C."""
    if i + 1 >= len(hits):
        return False
    if _NARROWS_NEXT.match(text[hits[i].end : hits[i + 1].start].lower()):
        return True
    return (
        i + 2 < len(hits)
        and bool(_AND_GAP.match(text[hits[i].end : hits[i + 1].start]))
        and bool(_NARROWS_NEXT.match(text[hits[i + 1].end : hits[i + 2].start].lower()))
    )


_AND_GAP = re.compile(r"^\s+and\s+(?:the\s+)?$", re.IGNORECASE)


def _locality(decided: list[Decision], i: int) -> bool:
    """Whether the place before is itself a locality (``in Selsdon, Croydon``)."""
    return i > 0 and decided[i - 1].reason == WEIGHTS["locality_of_previous"][1]


def _moved_there(
    low: str,
    hits: list[PlaceHit],
    i: int,
    decided: list[Decision],
    about_cameras: bool,
    gap: str,
) -> bool:
    if i == 0 or decided[i - 1].role is not Role.SITE:
        return False
    previous = hits[i - 1]
    before = low[max(0, previous.start - _WINDOW) : previous.start]
    if _MOVED_FROM.search(before) and _MOVED_TO.match(gap):
        return True
    return about_cameras and bool(_RELOCATED.search(before)) and bool(_TO.match(gap))


def _key(hit: PlaceHit) -> str:
    return hit.places[0].id if hit.places else hit.text


def _route_pairs(low: str, hits: list[PlaceHit]) -> list[tuple[int, int, int | None]]:
    """Find ``[route|along] [X] from A to B`` (or ``between A and B``): ends, and the street X.

    ``low`` is the sentence lower-cased (see :func:`campmap.gazetteer.names.lowercase`).
    """
    pairs: list[tuple[int, int, int | None]] = []
    for i in range(len(hits) - 1):
        a, b = hits[i], hits[i + 1]
        if a.match == "region" or b.match == "region":
            continue
        before, between = low[max(0, a.start - 2 * _WINDOW) : a.start], low[a.end : b.start]
        from_to = _FROM.search(before) and _TO.match(between)
        between_and = _BETWEEN.search(before) and _AND.match(between)
        if (from_to or between_and) and _ROUTE_WORD.search(low, max(0, a.start - _CLAUSE), a.start):
            via = None
            street = hits[i - 1] if i else None
            if (
                street is not None
                and street.places
                and street.places[0].place_kind == "line"
                and _VIA_GAP.match(low[street.end : a.start])
            ):
                via = i - 1
            pairs.append((i, i + 1, via))
    return pairs


def _is_address(previous: PlaceHit, hit: PlaceHit, gap: str) -> bool:
    """Tell whether a street only gives the address of a building (``X House on Whitehall``)."""
    return (
        bool(_ADDRESS_GAP.match(gap))
        and bool(previous.places)
        and previous.places[0].place_kind == "point"
        and bool(hit.places)
        and hit.places[0].place_kind != "point"
    )


def _listed(gap: str) -> bool:
    match = _LIST_GAP.match(gap)
    return match is not None and all(w in _FILLERS for w in _WORD.findall(match.group("rest")))


def _locative_before(gap: str) -> bool:
    """Whether the (lower-case) gap before a place ends in a locative word, fillers aside."""
    for word in reversed(_WORD.findall(gap)[-8:]):
        if word in _LOCATIVES:
            return True
        if word not in _FILLERS:
            return False
    return False


def _attach_counts(
    text: str,
    low: str,
    hits: list[PlaceHit],
    roles: list[Role],
    has_route: bool,
    about_cameras: bool,
    reasons: list[str],
) -> dict[int, tuple[int | None, str]]:
    out: dict[int, tuple[int | None, str]] = {}
    sites = [i for i, role in enumerate(roles) if role is Role.SITE]
    routes = [i for i, role in enumerate(roles) if role is Role.ROUTE]
    if not sites and not routes:
        return out  # a count attaches only to a site or a route
    found = camera_counts(text, about_cameras, low)
    for n, (number, kind) in enumerate(found):
        if kind is CountKind.HELD:
            # The place just before it holds it: "South Street has two".
            owner = next(
                (i for i in reversed(range(len(hits))) if hits[i].end <= number.start), None
            )
            if (
                owner is not None
                and owner in sites
                and not re.search(r"[,;]", text[hits[owner].end : number.start])
            ):
                out[owner] = (number.value, number.text)
            continue
        if kind is CountKind.ELLIPTICAL:
            target = next((i for i in sites if hits[i].start >= number.end), None)
            if target is not None and not re.search(r"[,;]", text[number.end : hits[target].start]):
                out[target] = (number.value, number.text)
            continue
        if has_route:
            for i in routes:
                out.setdefault(i, (number.value, number.text))
            continue
        scope_end = found[n + 1][0].start if n + 1 < len(found) else len(text)
        _attach_total(low, number, scope_end, hits, sites, out, reasons)
    return out


def _attach_total(
    low: str,
    number: Number,
    scope_end: int,
    hits: list[PlaceHit],
    sites: Iterable[int],
    out: dict[int, tuple[int | None, str]],
    reasons: list[str],
) -> None:
    clause_end = scope_end
    brk = _CLAUSE_BREAK.search(low, number.end, scope_end)
    if brk:
        clause_end = brk.start()
    sites = sorted(sites)  # hits are in text order: bisect, not a scan per number
    starts = [hits[i].start for i in sites]
    after = sites[bisect_left(starts, number.end) : bisect_left(starts, clause_end)]
    if after and _WIDER.search(low, number.end, hits[after[0]].start):
        return  # "40 cameras across the borough, including those on X": not X's count
    group = after or [
        i for i in sites[: bisect_left(starts, number.start)] if hits[i].end <= number.start
    ]
    moved = [i for i in group if reasons[i].startswith("cameras moved there")]
    if len(group) == 1 or (len(group) == 2 and moved == group[1:]):
        # One site, or the same cameras moved from one place to another.
        for i in group:
            out.setdefault(i, (number.value, number.text))
    elif group:
        names = ", ".join(hits[i].text for i in group)
        for i in group:
            out.setdefault(i, (None, f"{number.text} in total across {names}"))


@lru_cache(maxsize=32)
def _incident(low: str) -> bool:
    """Whether a sentence tells of a crime or a crash (asked once per sentence, not per place)."""
    return bool(_INCIDENT.search(low))


def _status(low: str, hit: PlaceHit, role: Role, reason: str, carried: str | None) -> str:
    """Status from the (lower-cased) sentence up to the end of the place's clause.

    A clause that states none takes the status ``carried`` from the sentence a
    list item hangs from, else ``installed``.
    """
    if role is Role.CONTEXT:
        return "context"
    if reason.startswith("cameras moved there"):
        return "installed"
    # Bounded windows keep this linear in the sentence: the words just before
    # the place, its clause around it, and the head of its clause (the verb of
    # "will be installed at A, B, ... and Z").
    before = low[max(0, hit.start - 2 * _WINDOW) : hit.start]
    if _RELOCATED.search(before):
        return "relocated_from"
    clause = max(low.rfind(";", max(0, hit.start - _CLAUSE), hit.start) + 1, 0)
    brk = _STATUS_END.search(low, hit.end, hit.end + _CLAUSE)
    near = low[max(clause, hit.start - _CLAUSE) : brk.start() if brk else hit.end + _CLAUSE]
    head = low[clause : min(clause + _CLAUSE, hit.start)]
    if _MOVED_FROM.search(before) and _RELOCATED_LATER.search(low, hit.end, hit.end + _CLAUSE):
        return "relocated_from"
    if _REMOVED.search(near):
        return "removed"
    return clause_status(near) or clause_status(head) or carried or "installed"
