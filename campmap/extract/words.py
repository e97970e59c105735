"""Word lists the extractor reads place names and their surroundings with.

Each list is a small vocabulary of English news writing, in lower case
(abbreviations without their dot). They decide what *shape* a capitalised
phrase has (a street, a building, a road number, an organisation, a person's
title) and what the words around it say (a camera, a deployment, a removal).
"""

from __future__ import annotations

import re

__all__ = [
    "ABSTRACT_NOUN",
    "AREA_HEADS",
    "CAMERA_KINDS",
    "COMMON_WORDS",
    "DIRECTIONS",
    "FACILITY_HEADS",
    "FUNCTION_WORDS",
    "LABEL_WORDS",
    "LOWER_HEADS",
    "MONTHS",
    "NO_PLACE_ENDS",
    "ORG_HEADS",
    "PAIRED_HEADS",
    "STREET_HEADS",
    "TIME_WORDS",
    "TITLES",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STREET_HEADS = _words(
    """
    road rd street st avenue ave av boulevard blvd lane ln drive dr way close crescent cres
    court ct place pl terrace tce row walk grove gardens parade mews highway hwy pike parkway
    pkwy pky priv pvt expressway expy freeway fwy motorway bypass circle cir square sq rise vale
    trail path
    broadway esplanade promenade embankment quay wharf strand alley loop crossing turnpike
    distributor tunnel causeway route rte hill brae wynd gate gait chase green common drove
    link links approach avenida calle marg nagar salai street's streets roads avenues lanes
    drives highways boulevards
    """
)
"""Last words of a street name (``Road``, ``Ave``, ``Pike``)."""

FACILITY_HEADS = _words(
    """
    school schools elementary primary junior high infants academy prep college university campus
    hospital clinic surgery market markets station stations stadium arena ground grounds centre
    center centres centers building buildings house hall halls tower towers mall plaza hub
    library church chapel cathedral abbey mosque temple synagogue museum gallery park parks
    garden airport port harbour harbor pier beach bridge roundabout junction interchange gateway
    estate estates corner terminal depot pavilion pavilions memorial statue arch monument
    fountain palace castle zoo cemetery precinct piazza quarter yard wharf marina dock docks
    lido baths pool complex courthouse prison barracks camp field fields reserve forest
    woods common heath moor bay point island gardens playground rec recreation leisure
    bus rank interchange car carpark parking lot lots store shop shops supermarket chowk
    """
)
"""Last words of a named building, site or open space (``Elementary``, ``Market``)."""

AREA_HEADS = _words("town village suburb district estate quarter city county borough")
"""Last words of a named area (``Ang Mo Kio Town``)."""

LOWER_HEADS = _words(
    """
    highway road street freeway expressway motorway bypass junction roundabout interchange
    bridge flyover overpass underpass market station terminal park estate corridor
    crossing tunnel ramp entrance entrances exit gate landfill markets circle cross chowk way avenue
    library hospital museum stadium cemetery building compound
    """
)
"""Lower-case words that end a capitalised place name (``the N2 freeway``,
``Waterhead junction``, ``Parkway roundabout``)."""

PAIRED_HEADS = _words(
    "station stand post stop depot hall landfill market ground yard square estate centre center "
    "park rank lights"
)
"""Lower-case place words that end a name after one plain word (``Upton police station``,
``Elm bus stand``, ``Ashby village hall``)."""

FUNCTION_WORDS = (
    "s|"
    "of|in|on|at|and|or|to|for|with|by|from|is|are|was|were|has|have|had|will|would|can|could|"
    "may|might|must|shall|should|which|who|that|where|when|while|said|says|say|told|as|than|"
    "but|if|so|because|after|before|since|until|near|via|per|plus|into|onto|over|under|"
    "between|through|across|along|around|about|against|within|without|also|itself|alone|"
    "too|only|again|itself|each|both|all|not"
)
"""Function words, alternatives of a pattern: a name followed by one is no adjective."""

TIME_WORDS = (
    "today|tonight|yesterday|tomorrow|last|this|next|soon|now|later|earlier|recently|already|"
    "still|currently|once|finally|eventually|previously|formerly"
)
"""Words of time, alternatives of a pattern: a name followed by one (``Upton next year``) is
no adjective either."""

TOWN_CENTRE = ("town centre", "town center", "town centres", "city centre", "city center")

ORG_HEADS = _words(
    """
    council councils councillors police constabulary department dept ministry board authority
    authorities agency service services society partnership association commission committee
    trust force office offices press herald times news post gazette star telegraph journal
    company ltd limited inc llc plc corporation corp group bank party unit team patrol
    network institute foundation federation union league club government govt administration
    parliament assembly senate congress court tribunal sheriff fire rescue ambulance nhs
    chamber commerce bureau division directorate secretariat cabinet watch guardian mirror
    express standard echo advertiser chronicle mail sun independent observer record review
    tribune courier examiner bulletin register sentinel dispatch inquirer daily weekly
    magazine tv radio bbc itv cnn fox abc nbc cbs channel media technologies technology
    systems solutions security safety camera cameras panel panels cabinet scrutiny
    members councillors garda gardai gardaí siochana síochána psni carabinieri gendarmerie
    """
)
"""Words that make a capitalised phrase an organisation, not a place (``Parish Council``,
``Garda``: the Irish police)."""

TITLES = _words(
    """
    mr mrs ms miss mx dr cllr councillor councilor sir dame lord lady chief inspector
    sergeant sgt lieutenant lt captain capt officer constable sheriff deputy mayor president
    premier minister secretary commissioner superintendent supt director chairman chairwoman
    chair chairperson professor prof rev reverend father judge justice senator sen rep
    representative governor gov mp mla mep mec adgp dgp dcp acp sp ips commander cmdr
    spokesman spokeswoman spokesperson member alderman alderwoman assemblyman assemblywoman
    trustee ceo cfo manager head leader clerk advisor adviser analyst engineer detective
    det pc dc insp ch supt duke duchess earl king queen prince princess baron baroness
    marquess viscount emperor pope bishop archbishop collector magistrate commissioner
    """
)
"""Words before a person's name (``Cllr``, ``Chief``, ``Lieutenant``)."""

DIRECTIONS = _words(
    "n s e w ne nw se sw north south east west northbound southbound eastbound westbound "
    "nb sb eb wb upper lower old new great little"
)
"""Compass words that may stand before or after a street name."""

MONTHS = _words(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday christmas easter
    """
)

CAMERA_KINDS = _words("cctv anpr alpr lpr lfr ulez flock shotspotter hikvision dahua axis")

COMMON_WORDS = _words(
    """
    a an the this that these those there here it its they them their we our us you your he she
    his her him i me my mine some many much more most other others another each every all both
    any few several no not none one two three four five six seven eight nine ten first second
    third last next new old future former current currently now then today yesterday tomorrow
    in on at by for with from to into onto of off over under above below after before during
    since until while when where which who whom whose what why how if as and or but so yet
    also although though because however meanwhile moreover furthermore nevertheless instead
    still already just only even again once twice always never often sometimes perhaps maybe
    is are was were be been being has have had do does did will would shall should can could
    may might must said says say according asked told added officials residents people
    drivers motorists police council councils cameras camera cctv photo picture image
    video pictured above below left right top bottom main key major minor local national
    regional public private such same different additional further extra further initial
    initially earlier later recently soon about around near nearly almost approximately
    over under up down out home homes town city village area areas site sites location
    locations place places street streets road roads school schools centre center park
    parks installation installations plans plan proposals proposal update news story report
    reports read more share click see watch follow subscribe advertisement sponsored related
    last updated published posted by read source state government housing capital region
    province county district metro community communities agenda item mobile fixed speed
    transport traffic safety security surveillance control phase stage article update
    """
)
"""Words a capitalised phrase does not start with unless it is a name (sentence starts)."""

LABEL_WORDS = _words(
    """
    route routes location locations site sites address addresses where when date dates time
    times cost costs fine fines penalty penalties speed speeds limit limits status note notes
    source sources camera cameras type types direction directions suburb suburbs ward wards
    period hours days duration length distance operator contact details description reason
    reasons update total number price prices budget funding start end zone zones area areas
    """
)
"""Common nouns that label a line (``Route: Elm Road to Oak Road``), not a place."""

ABSTRACT_NOUN = re.compile(r"[a-z]{3}(?:[^aeiou]tion|[^aeiou]sion|ment|ness|ship|ism|oval|ewal)$")
"""Endings of abstract nouns (``Approval``, ``Enforcement``): a capital that starts a sentence
with one of these is no name."""

NO_PLACE_ENDS = (
    ORG_HEADS
    | CAMERA_KINDS
    | _words(
        """
        photo photos photograph image images pic credit credits courtesy
        zones areas sites locations corridors hotspots
        system systems scheme schemes programme programmes program programs project projects
        initiative initiatives fund funds funding strategy strategies policy policies pilot
        policing communities affairs development residents people citizens motorists families
        businesses campaign account accounts budget budgets act acts
        """
    )
)
"""Last words of capitalised phrases that name no place: an organisation, a camera maker or
kind (``Flock``), a photo credit (``XY Photo``), a kind of place (``School Safety
Zones``), a scheme (``Town Watch System``) or a group of people (``Upland
Communities``)."""
