"""Extraction on wordings the seeds never use: junctions, lists, counts, status, traps, regions."""

from __future__ import annotations

from pathlib import Path

import pytest

from campmap import Role, build_layers, extract, read_text
from campmap.gazetteer import Gazetteer, GeoJSONGazetteer, default_gazetteer
from campmap.sources import dedupe

CORPUS = Path(__file__).resolve().parent / "data" / "reports"


@pytest.fixture(scope="module")
def towns() -> Gazetteer:
    """The made-up towns of the evaluation corpus, then central London."""
    return default_gazetteer([GeoJSONGazetteer(CORPUS / "gazetteer.geojson")])


def run(towns, *reports: str):
    document = dedupe([read_text(text, f"r{i}.txt") for i, text in enumerate(reports)], [])
    mentions = extract(document, towns)
    return mentions, build_layers(document, mentions, towns)


def sites(layers) -> dict[str, tuple[int | None, str]]:
    return {
        row.site_id: (None if str(row.count) == "<NA>" else int(row.count), row.status)
        for row in layers.sites.itertuples()
    }


@pytest.mark.parametrize(
    "wording",
    [
        "Two cameras went up at the Park Road junction with Hill Street in Brackwell.",
        "Two cameras went up in Brackwell where Hill Street meets Park Road.",
        "Brackwell: two cameras went up at Park Road / Hill Street.",
        "Two cameras went up at the junction of Hill Street and Park Road, Brackwell.",
        "Two cameras went up on the corner of Park Road and Hill Street in Brackwell.",
        "Two cameras went up at the Hill Street crossroads with Park Road in Brackwell.",
    ],
)
def test_a_junction_is_one_site_at_the_crossing(towns, wording):
    _, layers = run(towns, wording)
    assert sites(layers) == {"junction-brackwell-hill-street-brackwell-park-road": (2, "installed")}
    (point,) = layers.sites.geometry
    assert (round(point.x, 5), round(point.y, 5)) == (-1.496, 52.6)  # where the lines cross


def test_a_junction_with_an_unknown_street_stays_a_candidate_naming_both(towns):
    _, layers = run(towns, "A camera now watches the junction of Foxglove Road and Hill Street.")
    assert layers.sites.empty
    (item,) = layers.unresolved
    assert item.text == "Foxglove Road and Hill Street" and item.count == 1


def test_bullet_list_items_inherit_the_camera_context(towns):
    report = (
        "Hollinsford's new camera sites:\n\n- Market Place\n- Tanner Street\n\n"
        "The mayor lives on Kings Road."
    )
    _, layers = run(towns, report)
    assert set(sites(layers)) == {"hollinsford-market-place", "hollinsford-tanner-street"}


def test_semicolon_list_with_a_count_per_item(towns):
    _, layers = run(
        towns,
        "Cameras in Dunmore: four on North Street; one at Dunmore Leisure Centre; "
        "and two on Links Road.",
    )
    assert sites(layers) == {
        "dunmore-north-street": (4, "installed"),
        "dunmore-leisure-centre": (1, "installed"),
        "dunmore-links-road": (2, "installed"),
    }


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("A camera has been put up on Fore Street in Corrick Bay.", 1),
        ("A single new CCTV camera watches Fore Street in Corrick Bay.", 1),
        ("Corrick Bay now has a dozen cameras on Fore Street.", 12),
        ("Seventeen cameras line Fore Street in Corrick Bay.", 17),
        ("Corrick Bay has put 9 cameras on Fore Street, at a cost of £30,000.", 9),
        ("Several cameras now watch Fore Street in Corrick Bay.", None),
        ("Dozens of cameras watch Fore Street in Corrick Bay.", None),
    ],
)
def test_counts_in_every_usual_form(towns, sentence, count):
    _, layers = run(towns, sentence)
    assert sites(layers) == {"corrick-bay-fore-street": (count, "installed")}


def test_a_total_across_sites_is_shared_not_copied(towns):
    _, layers = run(
        towns, "Two cameras were installed on Market Street and Bridge Road in Brackwell."
    )
    assert sites(layers) == {
        "brackwell-market-street": (None, "installed"),
        "brackwell-bridge-road": (None, "installed"),
    }
    assert set(layers.sites["count_text"]) == {"Two in total across Market Street, Bridge Road"}


def test_an_area_that_will_get_cameras_is_a_planned_site(towns):
    _, layers = run(towns, "The old town will get 12 cameras, Brackwell council said.")
    assert sites(layers) == {"brackwell-old-town": (12, "planned")}


@pytest.mark.parametrize(
    ("report", "expected"),
    [
        (
            "Cameras were removed from South Street in Dunmore.",
            {"dunmore-south-street": (None, "removed")},
        ),
        (
            "Three cameras were moved from Abbey Road to Castle Road in Dunmore.",
            {"dunmore-abbey-road": (3, "relocated_from"), "dunmore-castle-road": (3, "installed")},
        ),
        (
            "Two cameras were taken down from Whitehall and moved to Parliament Square.",
            {"whitehall": (2, "relocated_from"), "parliament-square": (2, "installed")},
        ),
        (
            "Cameras went up on Chapel Street in Corrick Bay. A proposal to put cameras on "
            "Lighthouse Road is being discussed.",
            {
                "corrick-bay-chapel-street": (None, "installed"),
                "corrick-bay-lighthouse-road": (None, "proposed"),
            },
        ),
        (
            "The scheme puts 30 cameras across Brackwell Town Centre, and more are planned for "
            "Northfields.",
            {
                "brackwell-town-centre": (30, "installed"),
                "brackwell-northfields": (None, "planned"),
            },
        ),
    ],
)
def test_status_installed_planned_removed_relocated(towns, report, expected):
    _, layers = run(towns, report)
    assert sites(layers) == expected


def test_numbers_that_are_not_camera_counts(towns):
    _, layers = run(
        towns,
        "At 9.30 on 3 March the five cameras on North Street in Dunmore, which cost £45,000, "
        "had led to 23 arrests, 410 alerts and 2,000 faces scanned within 200 metres; "
        "a man, 62, said 4 sites were watched.",
    )
    assert sites(layers) == {"dunmore-north-street": (5, "installed")}


def test_context_places_are_never_sites(towns):
    mentions, layers = run(
        towns,
        "Footage from the camera on Quay Hill goes to the harbour office in Corrick Bay. "
        "There are no cameras planned for Church Lane.",
    )
    assert set(sites(layers)) == {"corrick-bay-quay-hill"}
    roles = {m.text: m.role for m in mentions}
    assert roles["Corrick Bay"] is Role.CONTEXT and roles["Church Lane"] is Role.CONTEXT
    assert roles["the harbour office"] is Role.CONTEXT


@pytest.mark.parametrize(
    "report",
    [
        "The carnival route from Brackwell Library to Brackwell Bus Station is closed on Sunday.",
        "The market stalls were moved from Mill Lane to Bridge Road in Brackwell last spring.",
        "The parade route between Park Road and Hill Street is lined with bunting in Brackwell.",
    ],
)
def test_a_route_or_a_move_without_cameras_is_no_site(towns, report):
    """Routes and moves are camera sites only in a sentence that speaks of cameras."""
    mentions, layers = run(towns, report)
    assert mentions and all(m.role is Role.CONTEXT for m in mentions)
    assert len(layers.sites) == 0 and len(layers.routes) == 0


def test_the_same_route_and_move_with_cameras_are_sites(towns):
    mentions, layers = run(
        towns,
        "Six cameras line the carnival route from Brackwell Library to Brackwell Bus Station. "
        "Two cameras were moved from Mill Lane to Bridge Road in Brackwell last spring.",
    )
    assert len(layers.routes) == 1 and int(layers.routes.iloc[0]["count"]) == 6
    roles = {m.text: m.role for m in mentions}
    assert roles["Bridge Road"] is Role.SITE


def test_region_sense_picks_the_namesake_in_the_reports_area(towns):
    _, layers = run(towns, "Dunmore council put cameras on Mercat Place and High Street.")
    assert set(sites(layers)) == {"dunmore-mercat-place", "dunmore-high-street"}
    _, layers = run(towns, "Hollinsford: cameras on Wharf Road and on High Street.")
    assert set(sites(layers)) == {"hollinsford-wharf-road", "hollinsford-high-street"}


def test_an_ambiguous_name_with_no_area_stays_unresolved_with_candidates(towns):
    _, layers = run(towns, "Cameras have been put up on Church Lane.")
    assert layers.sites.empty
    (item,) = layers.unresolved
    assert item.text == "Church Lane"
    assert list(item.candidates) == [
        "Church Lane (corrick-bay-church-lane)",
        "Church Lane (dunmore-church-lane)",
    ]


def test_syndicated_copies_and_follow_ups_merge_into_one_site_with_conflicts_kept(towns):
    original = "Four cameras were installed on Tanner Street in Hollinsford on Monday."
    copy = "Four cameras were installed on Tanner Street in Hollinsford on Monday (agency copy)."
    follow_up = "Hollinsford council now says six cameras were installed on Tanner Street."
    _, layers = run(towns, original, copy, follow_up)
    (row,) = layers.sites.itertuples()
    assert row.site_id == "hollinsford-tanner-street"
    assert row.sources == "r0.txt; r1.txt; r2.txt"
    assert row.count_conflict == "4; 6" and str(row.count) == "<NA>"


def test_a_plain_gazetteer_without_the_towns_leaves_them_unresolved():
    london = Gazetteer(default_gazetteer().backends)
    document = dedupe([read_text("Cameras were fitted on Tollgate Lane.", "r.txt")], [])
    (mention,) = extract(document, london)
    assert mention.role is Role.SITE and not mention.resolved


def test_one_would_be_taken_to_a_place_is_a_count_of_one_there(towns):
    _, layers = run(
        towns,
        "Three cameras will go up in Brackwell: two on Mill Lane, and one would be taken to "
        "Park Road.",
    )
    assert sites(layers) == {
        "brackwell-mill-lane": (2, "planned"),
        "brackwell-park-road": (1, "planned"),
    }


def test_road_numbers_are_places_even_when_unknown(towns):
    _, layers = run(
        towns, "Speed cameras have been installed on the A38 near Dunmore, and on the M25."
    )
    assert [(u.text, u.status) for u in layers.unresolved] == [
        ("A38", "installed"),
        ("M25", "installed"),
    ]
    _, layers = run(towns, "A 4x4 hit a camera; the B3 team and the A-team flew in a 747.")
    assert not layers.unresolved and layers.sites.empty


def test_between_two_junctions_on_a_street_is_the_street(towns):
    mentions, layers = run(
        towns,
        "The council in Dunmore wants cameras between the Castle Road and Links Road junctions "
        "on North Street.",
    )
    assert sites(layers) == {"dunmore-north-street": (None, "proposed")}  # "wants"
    assert {m.text for m in mentions if m.role is Role.SITE} == {"North Street"}


@pytest.mark.parametrize(
    ("report", "expected"),
    [
        (
            "CCTV cameras are to be fitted at six locations in Hollinsford, including Market "
            "Place and Elm Grove.",
            {
                "hollinsford-market-place": (None, "planned"),
                "hollinsford-elm-grove": (None, "planned"),
            },
        ),
        (
            "Brackwell's High Street now has 3 cameras, up from one in 2019.",
            {"brackwell-high-street": (3, "installed")},
        ),
        (
            "The 12 cameras in Brackwell Town Centre will be joined by four more on Bridge Road.",
            {"brackwell-town-centre": (12, "installed"), "brackwell-bridge-road": (4, "planned")},
        ),
        (
            "The 12 cameras in Brackwell Town Centre were joined by four more on Bridge Road.",
            {"brackwell-town-centre": (12, "installed"), "brackwell-bridge-road": (4, "installed")},
        ),
        (
            "Mill Lane, Brackwell: two cameras. Park Road, Brackwell: one camera.",
            {"brackwell-mill-lane": (2, "installed"), "brackwell-park-road": (1, "installed")},
        ),
        (
            "By 2025 there will be cameras on Mill Lane, Brackwell council wrote in 12 pages.",
            {"brackwell-mill-lane": (None, "planned")},
        ),
    ],
)
def test_more_wordings_of_sites_and_counts(towns, report, expected):
    _, layers = run(towns, report)
    assert sites(layers) == expected


def test_an_unknown_named_building_is_a_candidate(towns):
    _, layers = run(
        towns, "The camera outside the Foxglove Community Centre in Brackwell was switched off."
    )
    assert [(u.text, u.status) for u in layers.unresolved] == [
        ("Foxglove Community Centre", "removed")
    ]


@pytest.mark.parametrize(
    ("report", "expected"),
    [
        (
            "In Dunmore, eight cameras now cover Castle Road while South Street has two.",
            {"dunmore-castle-road": (8, "installed"), "dunmore-south-street": (2, "installed")},
        ),
        (
            "Two cameras went up in Corrick Bay where Fore Street meets Chapel Street, and another "
            "on Harbour Road.",
            {
                "junction-corrick-bay-chapel-street-corrick-bay-fore-street": (2, "installed"),
                "corrick-bay-harbour-road": (1, "installed"),
            },
        ),
        (
            "A camera outside Dunmore Leisure Centre was removed; a new one has gone up on "
            "Mercat Place.",
            {"dunmore-leisure-centre": (1, "removed"), "dunmore-mercat-place": (1, "installed")},
        ),
        (
            "Thieves stole two cameras from a pole on Lighthouse Road in Corrick Bay.",
            {"corrick-bay-lighthouse-road": (2, "removed")},
        ),
        (
            "Cameras go up on Quay Hill in Corrick Bay next month.",
            {"corrick-bay-quay-hill": (None, "planned")},
        ),
    ],
)
def test_held_counts_another_one_and_clause_status(towns, report, expected):
    _, layers = run(towns, report)
    assert sites(layers) == expected


@pytest.mark.parametrize(
    ("report", "expected"),
    [
        (
            "Police will review footage from 40 cameras across the borough, including those on "
            "Kings Road in Hollinsford.",
            {"hollinsford-kings-road": (None, "installed")},
        ),
        (
            "Hollinsford will put 6 cameras in the town, including two on Kings Road.",
            {"hollinsford-kings-road": (2, "planned")},
        ),
        (
            "A £50,000 camera scheme for Fore Street in Corrick Bay has been approved.",
            {"corrick-bay-fore-street": (None, "approved")},
        ),
    ],
)
def test_a_wider_total_is_not_a_count_for_the_places_it_includes(towns, report, expected):
    _, layers = run(towns, report)
    assert sites(layers) == expected


def test_a_town_named_in_the_sentence_picks_the_namesake(towns):
    _, layers = run(
        towns,
        "Cameras went up on High Street in Brackwell, and on High Street in Hollinsford. "
        "In Dunmore, two cameras went up on Church Lane.",
    )
    assert set(sites(layers)) == {
        "brackwell-high-street",
        "hollinsford-high-street",
        "dunmore-church-lane",
    }
