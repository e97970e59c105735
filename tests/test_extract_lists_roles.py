"""General rules for real reporting (issue 15, set 6B): each report here is invented.

Each test stands for a failure class: a list of crossings where one street is
written without its suffix, a road whose crossings are the sites, and a
landmark given in brackets after a site.
"""

from __future__ import annotations

from conftest import mentions, sites

from campmap import Role
from campmap.extract.lists import crossing_line_runs
from campmap.gazetteer import Gazetteer


def test_a_run_of_street_pair_lines_is_a_list_of_crossings():
    lines = ["Current sites are:", "Elm Road and Fenwick", "Upper Ash and Ninth Line", "End."]
    assert crossing_line_runs(lines, 140) == {1, 2}


def test_pairs_of_plain_names_are_no_list_of_crossings():
    lines = ["Areas named:", "Northby and Southby", "Ashford and Kew"]
    assert crossing_line_runs(lines, 140) == set()


def test_every_line_of_a_crossing_list_is_one_crossing(world: Gazetteer):
    text = (
        "Speed cameras already operate in the borough.\n\n"
        "Camera locations currently are:\n\n"
        "Quarrel Road and Fenwick\n\n"
        "Quarrel Road and Ninth Line\n\n"
        "Upper Quarrel and Tenth Line\n\n"
        "Bexwell Drive and Royal Harrow\n\n"
        "The fine is $200."
    )
    found = sites(text, world)
    assert found == [
        "Quarrel Road and Fenwick",
        "Quarrel Road and Ninth Line",
        "Upper Quarrel and Tenth Line",
        "Bexwell Drive and Royal Harrow",
    ]


def test_a_road_whose_crossings_are_listed_is_no_site_and_brackets_are_landmarks(
    world: Gazetteer,
):
    text = (
        "The city will switch on speed cameras along Harrowgate Parkway next month.\n\n"
        "The cameras will be located at these intersections:\n\n"
        "Harrowgate Parkway and Tolley Street\n\n"
        "Harrowgate Parkway and Mossop Avenue (near Quint Street)\n\n"
        "Harrowgate Parkway and Bream Road\n\n"
        "Fines start in August."
    )
    found = sites(text, world)
    assert found == [
        "Harrowgate Parkway and Tolley Street",
        "Harrowgate Parkway and Mossop Avenue",
        "Harrowgate Parkway and Bream Road",
    ]


def test_places_on_the_list_of_a_camera_proposal_are_its_sites(world: Gazetteer):
    text = (
        "The county wants to spend $2 million on new CCTV cameras next year. "
        "Officials said the cameras deter crime. "
        "Among the areas on the list are Quennell Drive, Thornaby and Ellesby. "
        "Marrow Park and Dunstall are on the list, too."
    )
    found = sites(text, world)
    assert found == ["Quennell Drive", "Thornaby", "Ellesby", "Marrow Park", "Dunstall"]


def test_where_a_person_was_seen_standing_is_no_camera_site(world: Gazetteer):
    text = (
        "New CCTV cameras were installed on Harbour Road. "
        "A CCTV operator spotted a lost child standing along Quarry Road in Thornaby."
    )
    assert sites(text, world) == ["Harbour Road"]


def test_a_name_after_a_ministers_portfolio_is_a_person(world: Gazetteer):
    text = (
        "Minister for Transport, Housing & Rural Affairs Nora Bexley has announced "
        "pilot CCTV schemes for Quellington and Marrowby."
    )
    assert sites(text, world) == ["Quellington", "Marrowby"]


def test_a_phrase_ending_in_a_scheme_or_a_group_of_people_is_no_place(world: Gazetteer):
    text = (
        "CCTV for Coastal Communities\n"
        "The Neighbourhood Watch Policing System will add cameras at Quarry Lane."
    )
    assert sites(text, world) == ["Quarry Lane"]


def test_names_sharing_a_plural_place_word_are_each_a_place(world: Gazetteer):
    text = (
        "New CCTV cameras are located at the Alder and Penrose streets intersection "
        "and at Quill and Marrow stations."
    )
    found = sites(text, world)
    assert found == ["Alder and Penrose streets", "Quill", "Marrow stations"]


def test_a_plural_place_word_alone_after_a_name_is_no_place(world: Gazetteer):
    assert sites("Speed cameras watch Westshire roads at 40 spots.", world) == []


def test_a_civic_building_a_library_and_an_acronym_amid_sites(world: Gazetteer):
    text = (
        "The council manager said CCTV cameras are used at the civic centre, at QRAC, "
        "and at the Ellesby library."
    )
    assert sites(text, world) == ["civic centre", "QRAC", "Ellesby library"]


def test_a_sentence_opening_with_the_sites_names_them(world: Gazetteer):
    text = (
        "Fines will be issued for offences caught by CCTV cameras outside schools. "
        "The first schools to join the scheme this term are Ellesby Primary School "
        "and Quarrow Academy."
    )
    assert sites(text, world) == ["Ellesby Primary School", "Quarrow Academy"]


def test_a_borough_with_a_tally_of_its_cameras_is_no_site(world: Gazetteer):
    text = (
        "Vandals have cut down dozens of enforcement cameras. "
        "In Quarrowby, 41 cameras out of 90 are not working. "
        "On Ellesby Lane all six cameras were cut down."
    )
    assert sites(text, world) == ["Ellesby Lane"]


def test_cameras_in_the_central_city_are_a_site(world: Gazetteer):
    text = (
        "Police now run 9 cameras in the central city. "
        "The scheme aims to keep people safe in the town centre."
    )
    assert sites(text, world) == ["central city"]


def test_crossing_lists_written_with_at_or_ampersands(world: Gazetteer):
    text = (
        "Speed cameras will operate at:\n\n"
        "- Marlow Highway at Birch Road\n"
        "- Marlow Highway at Coyle Street\n"
        "- Marlow Highway at Ninth\n\n"
        "Red light cameras are operating at these locations:\n\n"
        "- Kessel Ave & Birch\n"
        "- Kessel Ave & Dunmore Rd\n\n"
        "Warnings come first."
    )
    assert sites(text, world) == [
        "Marlow Highway at Birch Road",
        "Marlow Highway at Coyle Street",
        "Marlow Highway at Ninth",
        "Kessel Ave & Birch",
        "Kessel Ave & Dunmore Rd",
    ]


def test_the_list_and_earmarked_sites_of_a_camera_plan(world: Gazetteer):
    text = (
        "The council plans 30 new CCTV cameras next year. "
        "The list includes Ashgrove and Pelham. "
        "Sites earmarked for later include Morrow Park."
    )
    assert sites(text, world) == ["Ashgrove", "Pelham", "Morrow Park"]


def test_a_project_name_is_no_place_and_a_comma_portfolio_names_a_person(world: Gazetteer):
    text = (
        "The Minister of Justice and Equality, Frances Fitzroy, said CCTV cameras under "
        "the Safe Streets Project would go up at Marlow Square."
    )
    assert sites(text, world) == ["Marlow Square"]


def test_numbered_streets_and_notes_after_a_crossing_line():
    lines = ["Cameras:", "Main and 5th - new", "Oak and Ninth (moved)", "Done."]
    assert crossing_line_runs(lines, 140) == {1, 2}


def test_a_road_whose_slashed_crossings_are_the_sites_is_no_site(world: Gazetteer):
    text = (
        "Red light cameras went live along Harrowgate Parkway on Monday. "
        "They are at Harrowgate Parkway/Tolley Street and Harrowgate Parkway/Bream Road."
    )
    found = sites(text, world)
    assert "Harrowgate Parkway" not in found
    assert len(found) == 2


def test_places_among_the_sites_are_sites(world: Gazetteer):
    text = (
        "Council approved 12 speed cameras. "
        "Ashgrove Road, Pelham Lane and Quarry Street are among the sites."
    )
    assert sites(text, world) == ["Ashgrove Road", "Pelham Lane", "Quarry Street"]


def test_villages_named_for_a_cctv_scheme_in_several_wordings(world: Gazetteer):
    for text in (
        "Ballycorr and Kilmoran will benefit from new community CCTV schemes.",
        "Community CCTV is coming to Ballycorr and Kilmoran.",
        "CCTV cameras for the villages of Ballycorr and Kilmoran were approved.",
    ):
        assert sites(text, world) == ["Ballycorr", "Kilmoran"], text


def test_a_share_of_the_cameras_sent_to_a_place_is_no_tally(world: Gazetteer):
    text = "The council bought 10 CCTV cameras. Three of the 10 cameras will go to Ashgrove."
    assert sites(text, world) == ["Ashgrove"]


def test_places_on_the_list_take_the_status_of_the_plan(world: Gazetteer):
    text = (
        "The county proposes $2 million worth of new CCTV cameras in its draft budget. "
        "Among the areas on the list are Quennell Drive and Thornaby, the county said."
    )
    statuses = {m.text: m.status for m in mentions(text, world) if m.role is Role.SITE}
    assert statuses == {"Quennell Drive": "proposed", "Thornaby": "proposed"}


def test_crossings_of_bare_street_names_some_of_them_common_words(world: Gazetteer):
    text = (
        "Red light cameras went live at these intersections:\n\n"
        "State and Quimby\n\n"
        "First and Main\n\n"
        "Park and 3rd\n\n"
        "Fines are $100. The Town & Parish Council was told."
    )
    assert sites(text, world) == ["State and Quimby", "First and Main", "Park and 3rd"]


def test_a_sentence_announcing_a_list_opens_it_without_a_colon(world: Gazetteer):
    # "Following are the places where ...", items numbered "1-Name", "5–Name", "6Name".
    text = (
        "Since March busy places in Ardmore are watched by closed circuit cameras. "
        "Police said 40 cameras are already installed.\n\n"
        "Following are the places where security cameras are fixed.\n"
        "1-Bellfield Junction – Old Quarter\n"
        "2- Railway station – Old Quarter\n"
        "3-Central Bus Stand\n"
        "4–Kelso Bridge\n"
        "5Dunmore Junction\n"
        "6-Harbour Circle\n\n"
        "I enjoy sharing what I find on the web. Leave a reply below."
    )
    found = sites(text, world)
    assert found == [
        "Bellfield Junction",
        "Railway station",
        "Central Bus Stand",
        "Kelso Bridge",
        "Dunmore Junction",
        "Harbour Circle",
    ]


def test_a_sentence_that_announces_nothing_opens_no_list(world: Gazetteer):
    text = (
        "Following a review, security cameras are fixed in the town.\n"
        "Bellfield Junction – Old Quarter\n"
        "Kelso Bridge\n"
    )
    assert "Kelso Bridge" not in sites(text, world)
