"""Find the places a report puts cameras at, and how many.

For each unique sentence, :func:`extract` finds place mentions
(:mod:`campmap.extract.places`) and numbers (:mod:`campmap.extract.counts`),
then decides what each place is to the story:

- a **region** (country, nation, city) is always context;
- a place that only narrows another (``the X entrance to Y``: Y) is context;
- the two ends of ``route ... from A to B`` are a **route**;
- in a sentence that speaks of cameras, a place introduced by a locative word
  (``at``, ``on``, ``along``, ``above``, ``overlooking``, ``towards`` ...), or
  listed after such a place (``on A and B, C, D``), is a **site**;
- anything else is context.

Counts then attach: ``four at X`` to X; ``N cameras`` to the route of its
sentence, else to the one site of its clause; a total over several sites is
kept as shared text, never copied to each.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from campmap.extract.counts import CAMERA_NOUN, CountKind, Number, camera_counts
from campmap.extract.junctions import join_junctions
from campmap.extract.places import PlaceHit, find_places
from campmap.extract.region import settle_namesakes
from campmap.extract.scan import Scan
from campmap.gazetteer import Gazetteer, default_gazetteer
from campmap.gazetteer.names import lowercase
from campmap.records import Document, Mention, Place, Role, Sentence

__all__ = ["extract", "extract_sentence"]

_WORD = re.compile(r"[\w'-]+|[^\w\s]")
_LOCATIVES = frozenset(
    "at on along alongside above over overlooking overlook overlooks towards toward facing "
    "face faces by near outside opposite beside in into inside within around across covering "
    "cover covers watching watch watches lining line lines throughout beneath under atop past "
    "off through outside where including include includes".split()
)
_FILLERS = frozenset(
    "the a an parts part of some all both area areas section sections stretch stretches length "
    "edge end side corner its their many much main whole upper lower north south east west "
    "northern southern eastern western far front top base foot gate gates entrance entrances "
    "approach approaches steps junction junctions just spot point corner crossroads".split()
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
_PLANNED = re.compile(
    r"\b(?:will\s+be\s+(?:installed|put\s+up|erected|fitted|placed|mounted|added|set\s+up)|"
    r"to\s+be\s+(?:installed|put\s+up|erected|fitted)|plans?\s+to|planned|proposed|"
    r"would\s+be\s+installed|will\s+(?:put|install|add|fit|erect|mount|place|deploy)|"
    r"will\s+be\s+(?:deployed|switched\s+on|used|in\s+place)|(?:is|are)\s+set\s+to|will\s+get|will\s+have|will\s+go|"
    r"to\s+go\s+up|(?:is|are)\s+to\s+be|plans?\s+for|proposals?|proposed|approved|"
    r"consultation|could\s+be\s+installed|there\s+will\s+be|next\s+(?:week|month|year)|"
    r"later\s+this\s+(?:week|month|year)|wants?|calls?\s+for|would\s+like|asked\s+for)\b",
)
_STATUS_END = re.compile(r"[;,]|\s(?:and|but|while|whereas)\s")
_CLAUSE_BREAK = re.compile(
    r"[;:]|,\s+(?:and\s+|but\s+|while\s+|with\s+)?(?:more|others|further|another|the\s+rest)\b"
    r"|\s(?:while|whereas|whilst)\s",
)
# (A negation earlier in a mention's clause: see Scan.negated_before.)
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
    r"\s+(?:will\s+(?:get|receive|have)|is\s+(?:getting|to\s+get|receiving)|gets|receives|"
    r"(?:now\s+|already\s+)?(?:has|have)\s+(?:\w+\s+){0,3}?(?:cameras?|cctv)\b|"
    r"(?:now\s+|only\s+|just\s+)?(?:has|have)\s+(?:\d+|an?\s+dozen|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty)(?=\s*[.,;]|\s*$)|"
    r"has\s+(?:got|received|been\s+given))\b",
)
_LABEL = re.compile(
    r"(?:\s*,\s*[a-z][\w'-]*(?:\s+[a-z][\w'-]*)*)?\s*(?::|\s[\u2013\u2014-])\s+"
    r"(?:[\w-]+\s+){0,3}?(?:cameras?|cctv|anpr)\b",
)
_MOVED_TO = re.compile(
    r"^\s+and\s+(?:were\s+|was\s+|been\s+)?(?:moved|relocated|transferred|shifted|taken|put\s+up)"
    r"\s+(?:\w+\s+){0,2}?to\s+(?:the\s+)?$",
)
_ORGANISATION = re.compile(
    r"\s+(?:(?:city|borough|county|district|town|parish)\s+)?(?:council|councillors?|police|"
    r"constabulary|mayor|mps?|residents|officials|spokesman|spokeswoman|spokesperson)\b",
)
_CONTEXT_KINDS = frozenset("town city village borough county region country".split())
_SEMICOLON = re.compile(";")
_SEPARATOR = re.compile(r"[,;]")
_ROUTE_WORD_LONGEST = len("stretching")
TOTAL_NAMES = 20
"""Most sites a count's text names when it is a total across them (``12 in total across A,
B ... and 30 more``)."""


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
    found: list[Mention] = []
    list_open = continued = False
    for sentence in document.sentences:
        text = sentence.text.rstrip()
        item = continued or (list_open and bool(_LIST_ITEM.match(text)))
        about_cameras = bool(CAMERA_NOUN.search(text))
        found.extend(
            extract_sentence(sentence, gazetteer, list_item=item, about_cameras=about_cameras)
        )
        # A list of camera sites goes on after "...:" (bullets) or "...;" (split sentences).
        camera_list = item or about_cameras
        continued = camera_list and text.endswith(";")
        if not item:
            list_open = camera_list and text.endswith(":")
    return tuple(settle_namesakes(found))


def extract_sentence(
    sentence: Sentence,
    gazetteer: Gazetteer,
    *,
    list_item: bool = False,
    about_cameras: bool | None = None,
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
    """
    text = sentence.text
    hits = join_junctions(text, find_places(text, gazetteer), gazetteer)
    if not hits:
        return []
    if about_cameras is None:
        about_cameras = bool(CAMERA_NOUN.search(text))
    about_cameras = list_item or about_cameras
    roles: list[Role] = [Role.CONTEXT] * len(hits)
    reasons = ["not where cameras are placed"] * len(hits)
    near: list[Place | None] = [None] * len(hits)
    low = lowercase(text)  # the patterns are lower case (faster than IGNORECASE)
    scan = Scan(low)  # (what each mention asks of the text around it, in linear time)
    # A route is where cameras are along it: "the route from A to B" alone is not one.
    route_pairs = _route_pairs(scan, hits) if about_cameras else []
    in_route = {i for pair in route_pairs for i in pair if i is not None}
    for i, hit in enumerate(hits):
        previous = hits[i - 1] if i else None
        gap = low[previous.end if previous else 0 : hit.start]
        if hit.match == "region":
            reasons[i] = "a country, nation or city"
        elif hit.places and hit.places[0].kind in _CONTEXT_KINDS:
            reasons[i] = f"the {hit.places[0].kind} the report is set in"
        elif _ORGANISATION.match(low, hit.end):
            reasons[i] = "names an organisation, not a place"
        elif previous is not None and _QUALIFIER_GAP.match(gap):
            reasons[i] = f"narrows where {previous.text} is"
            if roles[i - 1] is Role.SITE and hit.places:
                near[i - 1] = hit.places[0]
        elif previous is not None and roles[i - 1] is Role.SITE and _NEAR_GAP.match(gap):
            reasons[i] = f"narrows where on {previous.text}"
            if hit.places:
                near[i - 1] = hit.places[0]
        elif previous is not None and _is_address(previous, hit, gap):
            reasons[i] = f"the address of {previous.text}"
        elif previous is not None and _APPOSITIVE.match(gap):
            reasons[i] = f"says where {previous.text} is"
        elif i in in_route:
            roles[i], reasons[i] = Role.ROUTE, "end of a route"
        elif about_cameras and scan.negated_before(hit.start):
            reasons[i] = "cameras are not placed there"
        elif about_cameras and (
            _locative_before(gap)
            or _MOVED_FROM.search(gap)
            or _QUALIFIED.search(gap)
            or _LIST_INTRO.search(gap)
            or _DESTINED.search(gap)
        ):
            roles[i], reasons[i] = Role.SITE, "cameras placed there"
        elif list_item and previous is None and _ITEM_GAP.match(gap):
            roles[i], reasons[i] = Role.SITE, "an item of a list of camera sites"
        elif about_cameras and (_GETS.match(low, hit.end) or _LABEL.match(low, hit.end)):
            roles[i], reasons[i] = Role.SITE, "the area that gets the cameras"
        elif (
            previous is not None
            and roles[i - 1] is Role.SITE
            and scan.ends_at(_MOVED_FROM, previous.start)
            and _MOVED_TO.match(gap)
        ):
            roles[i], reasons[i] = Role.SITE, f"cameras moved there from {previous.text}"
        elif about_cameras and _SENT_TO.search(gap):
            roles[i], reasons[i] = Role.SITE, "cameras taken there"
        elif previous is not None and roles[i - 1] is Role.SITE and _listed(gap):
            roles[i], reasons[i] = Role.SITE, f"listed with {previous.text}"
        elif (
            about_cameras
            and previous is not None
            and scan.ends_at(_RELOCATED, previous.start)
            and _TO.match(gap)
        ):
            roles[i], reasons[i] = Role.SITE, f"cameras moved there from {previous.text}"
        elif not about_cameras:
            reasons[i] = "sentence does not speak of cameras"
    counts = _attach_counts(text, scan, hits, roles, bool(route_pairs), about_cameras, reasons)
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
                status=_status(scan, hit, roles[i], reasons[i]),
                near=near[i],
                reason=reasons[i],
                route_key=route_of.get(i),
                candidates=hit.places,
            )
        )
    return mentions


def _key(hit: PlaceHit) -> str:
    return hit.places[0].id if hit.places else hit.text


def _route_pairs(scan: Scan, hits: list[PlaceHit]) -> list[tuple[int, int, int | None]]:
    """Find ``[route|along] [X] from A to B`` (or ``between A and B``): ends, and the street X.

    ``scan`` holds the sentence lower-cased (see :func:`campmap.gazetteer.names.lowercase`).
    """
    low = scan.low
    pairs: list[tuple[int, int, int | None]] = []
    for i in range(len(hits) - 1):
        a, b = hits[i], hits[i + 1]
        if a.match == "region" or b.match == "region":
            continue
        between = low[a.end : b.start]
        from_to = _TO.match(between) and scan.ends_at(_FROM, a.start)
        between_and = _AND.match(between) and scan.ends_at(_BETWEEN, a.start)
        if (from_to or between_and) and scan.appears_before(
            _ROUTE_WORD, a.start, _ROUTE_WORD_LONGEST
        ):
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
    scan: Scan,
    hits: list[PlaceHit],
    roles: list[Role],
    has_route: bool,
    about_cameras: bool,
    reasons: list[str],
) -> dict[int, tuple[int | None, str]]:
    """Give counts to the sites and routes of a sentence (hits in order, none overlapping).

    Each number finds its place by bisection, not by a walk over the hits: a
    sentence of thousands of places and numbers takes time in proportion to them.
    """
    out: dict[int, tuple[int | None, str]] = {}
    sites = [i for i, role in enumerate(roles) if role is Role.SITE]
    routes = [i for i, role in enumerate(roles) if role is Role.ROUTE]
    if not sites and not routes:
        return out  # a count attaches only to a site or a route
    found = camera_counts(text, about_cameras, scan.low)
    hit_ends = [hit.end for hit in hits]
    site_set = set(sites)
    site_starts = [hits[i].start for i in sites]
    totals = _Totals(scan.low, hits, sites, reasons, out)
    routes_counted = False
    for n, (number, kind) in enumerate(found):
        if kind is CountKind.HELD:
            # The place just before it holds it: "South Street has two".
            owner = bisect_right(hit_ends, number.start) - 1
            if (
                owner >= 0
                and owner in site_set
                and not scan.within(_SEPARATOR, hits[owner].end, number.start)
            ):
                out[owner] = (number.value, number.text)
            continue
        if kind is CountKind.ELLIPTICAL:
            after = bisect_left(site_starts, number.end)
            target = sites[after] if after < len(sites) else None
            if target is not None and not scan.within(_SEPARATOR, number.end, hits[target].start):
                out[target] = (number.value, number.text)
            continue
        if has_route:
            if not routes_counted:  # the first such number counts the routes
                for i in routes:
                    out.setdefault(i, (number.value, number.text))
                routes_counted = True
            continue
        scope_end = found[n + 1][0].start if n + 1 < len(found) else len(text)
        totals.attach(number, scope_end)
    return out


class _Totals:
    """Attach ``N cameras`` to the one site of its clause, or as a total across several.

    The sites after the number in its clause, else all the sites before it,
    share the count; a count over one site (or over the two ends of a move)
    is that site's. Sites are found by bisection, and a total over sites that
    all have a count already is skipped, so a sentence of many numbers and
    sites takes time in proportion to them.
    """

    def __init__(
        self,
        low: str,
        hits: list[PlaceHit],
        sites: list[int],
        reasons: list[str],
        out: dict[int, tuple[int | None, str]],
    ) -> None:
        self.low, self.hits, self.sites, self.reasons, self.out = low, hits, sites, reasons, out
        self.starts = [hits[i].start for i in sites]
        self.ends = [hits[i].end for i in sites]
        self.counted = 0
        """How many of the first sites have a count already."""

    def attach(self, number: Number, scope_end: int) -> None:
        """Attach one number whose scope ends at ``scope_end`` (the next number, else the end)."""
        low, hits, sites = self.low, self.hits, self.sites
        clause_end = scope_end
        brk = _CLAUSE_BREAK.search(low, number.end, scope_end)
        if brk:
            clause_end = brk.start()
        first, last = bisect_left(self.starts, number.end), bisect_left(self.starts, clause_end)
        if first < last:  # sites after the number in its clause
            if _WIDER.search(low, number.end, hits[sites[first]].start):
                return  # "40 cameras across the borough, including those on X": not X's count
            self._give(first, last, number)
            return
        before = bisect_right(self.ends, number.start)  # else the sites before it
        while self.counted < len(sites) and sites[self.counted] in self.out:
            self.counted += 1
        if before > self.counted:  # (else each of them has a count already)
            self._give(0, before, number, self.counted)

    def _give(self, first: int, last: int, number: Number, counted: int = 0) -> None:
        """Give ``sites[first:last]`` the number, or a total across them.

        The first ``counted`` sites have a count already (and keep it).
        """
        sites, out = self.sites, self.out
        if last - first == 1 or (
            last - first == 2 and not self._moved(sites[first]) and self._moved(sites[first + 1])
        ):
            # One site, or the same cameras moved from one place to another.
            for i in sites[first:last]:
                out.setdefault(i, (number.value, number.text))
            return
        shown = min(last, first + TOTAL_NAMES)
        names = ", ".join(self.hits[i].text for i in sites[first:shown])
        if last > shown:
            names += f" and {last - shown} more"
        total = (None, f"{number.text} in total across {names}")
        for i in sites[max(first, counted) : last]:
            out.setdefault(i, total)

    def _moved(self, site: int) -> bool:
        return self.reasons[site].startswith("cameras moved there")


def _status(scan: Scan, hit: PlaceHit, role: Role, reason: str) -> str:
    """Status from the (lower-cased) sentence up to the end of the place's clause."""
    if role is Role.CONTEXT:
        return "context"
    if reason.startswith("cameras moved there"):
        return "installed"
    if scan.ends_at(_RELOCATED, hit.start):
        return "relocated_from"
    brk = scan.next_start(_STATUS_END, hit.end)
    # The clause: from the last ";" before the place to the first separator after it. No
    # status word spans a separator, so the words found in the sentence once tell.
    clause_start = scan.last_before(_SEMICOLON, hit.start) + 1
    clause_end = len(scan.low) if brk is None else brk
    if scan.ends_at(_MOVED_FROM, hit.start) and scan.matches_after(_RELOCATED_LATER, hit.end):
        return "relocated_from"
    if scan.within(_REMOVED, clause_start, clause_end):
        return "removed"
    if scan.within(_PLANNED, clause_start, clause_end):
        return "planned"
    return "installed"
