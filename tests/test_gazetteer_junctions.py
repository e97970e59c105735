"""One junction grammar: names looked up split as sentences join (campmap.gazetteer.junctions)."""

import pytest

from campmap import default_gazetteer, extract, read_text
from campmap.gazetteer.junctions import GAP_AFTER_FIRST, split_junction
from campmap.sources import dedupe

# Every link that joins two street mentions in a sentence by itself.
LINKS = [
    " junction with ",
    " crossroads with ",
    " intersection of ",
    " corner of ",
    " roundabout with the ",
    " / ",
    " & ",
    " x ",
    " @ ",
    " onto ",
    " southbound onto ",
    " meets ",
    " crosses the ",
    ", at the corner of ",
    " at the junction with ",
    " by the roundabout of ",
]


@pytest.mark.parametrize("link", LINKS)
def test_a_name_looked_up_splits_where_a_sentence_joins(link):
    assert GAP_AFTER_FIRST.match(link)
    assert split_junction(f"Whitehall{link}Horse Guards Avenue") == (
        "Whitehall",
        "Horse Guards Avenue",
    )


@pytest.mark.parametrize(
    "name",
    [
        "Whitehall crossroads with Horse Guards Avenue",
        "Whitehall meets Horse Guards Avenue",
        "Whitehall @ Horse Guards Avenue",
        "the intersection of Whitehall and Horse Guards Avenue",
    ],
)
def test_lookup_resolves_every_junction_form_extraction_resolves(name):
    gaz = default_gazetteer()
    (place,) = gaz.lookup(name)
    assert place.kind == "junction"
    assert place.name == "Horse Guards Avenue / Whitehall"
    # The same words in a report sentence give the same place.
    doc = dedupe([read_text(f"A new camera was installed at {name} last week.", "r.txt")], [])
    sites = [m.place for m in extract(doc, gaz) if m.place is not None]
    assert [p.id for p in sites] == [place.id]


def test_a_plain_name_or_list_is_no_junction():
    assert split_junction("Horse Guards Avenue") is None
    assert split_junction("Whitehall and Horse Guards Avenue") is None  # "and" needs a lead
