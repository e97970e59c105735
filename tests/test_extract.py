from __future__ import annotations

import pytest

from campmap import Role, extract, read_text
from campmap.extract.attach import attach_counts
from campmap.extract.counts import camera_counts, find_numbers
from campmap.extract.places import find_places
from campmap.extract.routes import route_pairs
from campmap.extract.status import mention_status
from campmap.gazetteer.names import lowercase
from campmap.sources import dedupe


def mentions(text, gazetteer):
    doc = dedupe([read_text(text, "r.txt")], [])
    return extract(doc, gazetteer)


def by_text(found):
    return {m.text: m for m in found}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Thirty-eight of the devices were erected.", [38]),
        ("Two new CCTV cameras went up.", [2]),
        ("A dozen cameras went up.", [12]),
        ("1,200 cameras across the county.", [1200]),
        ("One hundred and two cameras.", [102]),
        ("The cameras capture up to five faces at once.", []),
        ("Mounted on 10ft poles, cameras watch.", []),
        ("A man, 35, was arrested near the cameras.", []),
        ("The cameras cost \u00a340,000 and 20% more than planned.", []),
        ("In 2023 the council bought cameras.", []),
        ("Thousands of people passed the cameras.", []),
        ("Police made 12 arrests after the cameras sent 40 alerts.", []),
    ],
)
def test_which_numbers_count_cameras(sentence, expected):
    assert [n.value for n, _ in camera_counts(sentence, True)] == expected


def test_vague_amounts_have_no_number():
    assert [(n.text, n.value) for n in find_numbers("several cameras and dozens more")] == [
        ("several", None),
        ("dozens", None),
    ]


def test_sites_by_locative_words_and_lists(town):
    found = by_text(
        mentions(
            "Cameras now watch High Street and Mill Road, overlook parts of Riverside Park, "
            "and sit above the old clock tower, the Town Hall, Station Road.",
            town,
        )
    )
    assert {t for t, m in found.items() if m.role is Role.SITE} == {
        "High Street", "Mill Road", "Riverside Park", "the old clock tower", "Town Hall",
        "Station Road",
    }  # fmt: skip


def test_places_in_sentences_without_cameras_are_context(town):
    (m,) = mentions("The mayor spoke at the Town Hall on Monday.", town)
    assert m.role is Role.CONTEXT and m.resolved


def test_regions_people_and_titles_are_never_sites(town):
    found = mentions(
        "Cameras made in China were installed in the UK, said the Duke of Lancaster, "
        "but none in the US or on us.",
        town,
    )
    assert {m.text for m in found} == {"China", "UK", "Lancaster", "US"}
    assert all(m.role is Role.CONTEXT and not m.resolved for m in found)


def test_elliptical_count_goes_to_its_own_place_only(town):
    found = by_text(
        mentions("The cameras face Mill Road, Station Road, and four at the North Gate.", town)
    )
    assert found["North Gate"].count == 4
    assert found["Mill Road"].count is None and found["Station Road"].count is None


def test_count_with_noun_goes_to_the_one_site_of_its_clause(town):
    found = by_text(
        mentions(
            "Three cameras watch Market Square, with two on Mill Road and one at the Town Hall.",
            town,
        )
    )
    assert (found["Market Square"].count, found["Mill Road"].count, found["Town Hall"].count) == (
        3,
        2,
        1,
    )


def test_shared_total_is_not_copied_to_each_site(town):
    found = by_text(mentions("Two cameras were installed on Mill Road and Station Road.", town))
    assert found["Mill Road"].count is None and found["Station Road"].count is None
    assert "Two in total" in (found["Mill Road"].count_text or "")


def test_route_from_to_takes_the_count_and_the_street(town):
    found = by_text(
        mentions(
            "Twenty cameras line the parade route along Mill Road from South Gate to North Gate.",
            town,
        )
    )
    assert found["South Gate"].role is Role.ROUTE and found["North Gate"].role is Role.ROUTE
    assert found["South Gate"].count == 20
    assert found["Mill Road"].role is Role.ROUTE
    assert found["Mill Road"].route_key == ("south-gate", "north-gate")


def test_qualifier_place_narrows_the_site_and_is_not_a_site(town):
    found = by_text(mentions("Cameras at the Mill Road entrance to Riverside Park.", town))
    assert found["Mill Road"].role is Role.SITE
    assert found["Mill Road"].near is not None and found["Mill Road"].near.id == "riverside-park"
    assert found["Riverside Park"].role is Role.CONTEXT


def test_misspelt_street_matches_by_spelling_and_unknown_street_is_kept(town):
    found = by_text(mentions("Cameras on Hihg Street, Mill Raod and Tannery Lane.", town))
    assert found["Hihg Street"].place.id == "high-street" and found["Hihg Street"].match == "fuzzy"
    assert found["Mill Raod"].place.id == "mill-road"
    assert found["Tannery Lane"].place is None and found["Tannery Lane"].match == "candidate"
    assert found["Tannery Lane"].role is Role.SITE


def test_name_variants_case_possessive_and_saint(town):
    found = mentions(
        "Cameras at Saint Mary's, near St. Marys Church and on Kings Parade; "
        "more on the Mall's west side. Nothing at the mall, the shopping centre.",
        town,
    )
    ids = [m.place.id for m in found if m.place]
    assert ids == ["st-marys-church", "st-marys-church", "kings-parade", "the-mall"]


def test_status_removed_and_planned(town):
    removed = mentions("Cameras were removed from Mill Road last week.", town)
    moved = mentions("Two cameras were moved from Station Road to the Town Hall.", town)
    planned = mentions("Cameras will be installed on Station Road next year.", town)
    assert [(m.role, m.status) for m in removed] == [(Role.SITE, "removed")]
    assert [(m.text, m.status) for m in moved] == [
        ("Station Road", "relocated_from"),
        ("Town Hall", "installed"),
    ]
    assert [(m.role, m.status) for m in planned] == [(Role.SITE, "planned")]


def test_offsets_point_at_the_mention_in_the_source(town):
    doc = dedupe([read_text("Intro line here.\n\nCameras on Mill Road.", "r.txt")], [])
    (m,) = extract(doc, town)
    assert doc.sources[0].text[m.source_start : m.source_end] == "Mill Road"


def test_route_pairs_give_the_ends_and_the_street_a_route_follows(town):
    text = "Twenty cameras line the parade route along Mill Road from South Gate to North Gate."
    hits = find_places(text, town)
    pairs = route_pairs(lowercase(text), hits)
    named = [
        (hits[a].text, hits[b].text, hits[v].text if v is not None else None) for a, b, v in pairs
    ]
    assert named == [("South Gate", "North Gate", "Mill Road")]
    # Without a route word, "from A to B" is a move, not a route.
    text = "Two cameras were moved from Station Road to the Town Hall."
    assert route_pairs(lowercase(text), find_places(text, town)) == []


def test_mention_status_reads_the_clause_of_the_place_else_the_carried_one(town):
    text = "Cameras were removed from Mill Road; more will be installed on Station Road."
    low, hits = lowercase(text), find_places(text, town)
    assert [mention_status(low, h, Role.SITE, "", None) for h in hits] == ["removed", "planned"]
    text = "Cameras on Mill Road."
    low, (hit,) = lowercase(text), find_places(text, town)
    assert mention_status(low, hit, Role.SITE, "", "planned") == "planned"
    assert mention_status(low, hit, Role.SITE, "", None) == "installed"
    assert mention_status(low, hit, Role.CONTEXT, "", "planned") == "context"


def test_attach_counts_shares_a_total_and_gives_a_lone_site_its_count(town):
    text = "Two cameras on Mill Road and Station Road."
    low, hits = lowercase(text), find_places(text, town)
    roles = [Role.SITE, Role.SITE]
    counts = attach_counts(text, low, hits, roles, False, True, ["", ""])
    assert counts[0][0] is None and counts[0][1] == "Two in total across Mill Road, Station Road"
    text = "Four cameras on Mill Road."
    low, hits = lowercase(text), find_places(text, town)
    assert attach_counts(text, low, hits, [Role.SITE], False, True, [""]) == {0: (4, "Four")}
    assert attach_counts(text, low, hits, [Role.CONTEXT], False, True, [""]) == {}
