"""Recall on real reporting (issue 15): camera sites real reports write in ways the reader missed.

Each report here is invented; each test is one general class of miss found on
real reports (a flattened table's header before its first row, ...).
"""

from __future__ import annotations

from conftest import mentions, sites


def test_a_flattened_tables_first_row_follows_its_column_names(world):
    text = (
        "Speed cameras earned more than ever last year.\n\n"
        "The three busiest speed camera sites were:\n\n"
        "SiteFines issued Alderbrook Parkway, Kelmscot (westbound)3,120 "
        "Pennyfold Bypass, Marwick (southbound)2,877"
    )
    found = sites(text, world)
    assert "Alderbrook Parkway" in found
    assert "Pennyfold Bypass" in found


def test_two_bare_names_after_a_sentence_about_intersections_are_a_crossing(world):
    text = (
        "Police want more cameras to find stolen cars.\n"
        "The borough bought a licence plate recognition system, which will be installed at "
        "three intersections. These include Thornbury and Calloway, Quarrel Lane and Dunmow "
        "Road, and Kestle Road and Ambry Street."
    )
    found = sites(text, world)
    assert "Thornbury and Calloway" in found
    assert "Quarrel Lane and Dunmow Road" in found


def test_a_date_cell_does_not_swallow_the_next_rows_street(world):
    text = (
        "New camera locations:\n\n"
        "Location Camera Type Start 200 Blk Quillon Road NW Speed June 2025 "
        "Ostrander Avenue NE & Pellow Street NE Speed June 2025"
    )
    assert any("Ostrander Avenue" in s and "Pellow Street" in s for s in sites(text, world))


def test_a_sentence_opening_with_locations_include_lists_sites(world):
    text = (
        "The state will add twelve speed cameras this year, officials said.\n\n"
        "Locations include Harrowgate Road in Pellingham, Oakhollow, Brindle Vale, Tarrant "
        "and Mossford, all chosen from crash data."
    )
    found = sites(text, world)
    assert "Harrowgate Road" in found
    assert {"Oakhollow", "Brindle Vale", "Tarrant", "Mossford"} <= set(found)
    assert "Pellingham" not in found


def test_a_street_in_a_suburb_then_a_county_is_no_list(world):
    text = "A speed camera went up on Harrowgate Road in Pellingham, Westshire."
    assert sites(text, world) == ["Harrowgate Road"]


def test_a_lower_case_circle_or_cross_ends_a_place_name(world):
    text = "Cameras will be installed at Moravi circle, Tenkal cross and Hosur Mandir road."
    assert sites(text, world) == ["Moravi circle", "Tenkal cross", "Hosur Mandir road"]


def test_an_acronym_amid_a_comma_list_of_places_is_an_item(world):
    text = "Three cameras already work at Moravi circle, KBT, Tenkal Khoot and two other spots."
    assert sites(text, world) == ["Moravi circle", "KBT", "Tenkal Khoot"]


def test_an_acronym_alone_is_still_no_place(world):
    text = "KBT said the cameras at Moravi circle work well."
    assert sites(text, world) == ["Moravi circle"]


def test_a_report_on_gunshot_sensors_is_about_cameras_without_the_word(world):
    text = (
        "The city will trial ShotSpotter, a network of acoustic sensors that locate gunfire.\n\n"
        "Next year the city plans to install sensors in the Fernhollow, Quarrow Flats and "
        "Tindale Park neighborhoods."
    )
    found = sites(text, world)
    assert {"Fernhollow", "Quarrow Flats", "Tindale Park"} <= set(found)


def test_house_numbers_between_at_and_the_street_keep_the_locative(world):
    text = (
        "The speed cameras near Ferngrove Elementary, at 1412 & 1415 N. Quillby Ave. and "
        "2290 W. Tansley St., will begin issuing tickets on Monday."
    )
    found = sites(text, world)
    assert "N. Quillby Ave." in found
    assert "W. Tansley St." in found


def test_a_place_to_get_council_run_cameras_gets_them(world):
    text = "Marlow Hill High Street to get new council-run CCTV cameras this year"
    assert sites(text, world) == ["Marlow Hill High Street"]


def test_camera_vehicles_making_their_debut_somewhere_are_deployed_there(world):
    text = (
        "Police roll out live facial recognition vans.\n\n"
        "The two new county police vehicles made their debut on Bellmarsh Street on Friday."
    )
    assert sites(text, world) == ["Bellmarsh Street"]


def test_a_common_noun_site_in_the_middle_of_a_walkway(world):
    text = "Two cameras had been set up in the middle of the walkway near the shops."
    assert sites(text, world) == ["walkway"]


def test_cameras_at_the_city_centre_are_there(world):
    text = "There are more than 300 CCTV cameras at the city centre, officials said."
    assert sites(text, world) == ["city centre"]


def test_a_common_noun_site_ending_a_list_after_and_the(world):
    text = (
        "Forty cameras will go on shops along Pellbrook Street and the town centre "
        "thanks to a grant."
    )
    assert sites(text, world) == ["Pellbrook Street", "town centre"]
    assert sites("The mayor and the town centre manager welcomed the cameras.", world) == []


def test_a_lower_case_way_ends_a_road_name_in_a_list(world):
    text = (
        "Cameras cover key roads such as Tembo Road, Kiboko Road and Simba way as well as bridges."
    )
    assert sites(text, world) == ["Tembo Road", "Kiboko Road", "Simba way"]


def test_a_camera_van_parked_somewhere_is_deployed_there(world):
    text = (
        "Police used live facial recognition cameras in the shopping centre on Saturday.\n\n"
        "A large police van had been parked in the middle of the concourse all morning."
    )
    assert sites(text, world) == ["concourse"]


def test_a_city_among_the_towns_a_mobile_camera_is_taken_to_is_a_site(world):
    text = (
        "The noise camera was installed on Pellow Lane last week.\n\n"
        "It will then be taken to Leeds, Brackwell and Upper Dunmore over the summer."
    )
    assert sites(text, world) == ["Pellow Lane", "Leeds", "Brackwell", "Upper Dunmore"]


def test_a_city_a_camera_is_taken_to_alone_is_no_site(world):
    text = "The footage from the camera on Pellow Lane was taken to Leeds for analysis."
    assert sites(text, world) == ["Pellow Lane"]


def test_a_junction_word_then_and_other_places_ends_the_name(world):
    text = (
        "Cameras have been installed in Kellan Road, Tor Grounds, Varuni junction and other places."
    )
    assert sites(text, world) == ["Kellan Road", "Tor Grounds", "Varuni junction"]


def test_footage_from_a_camera_somewhere_is_a_camera_there_despite_a_negation(world):
    text = (
        "Police could not view footage taken from a camera at a garage near the Harlow "
        "Terrace dairy because of the software."
    )
    assert sites(text, world) == ["Harlow Terrace"]
    assert sites("There are no cameras on Harlow Terrace, residents said.", world) == []


def test_a_heading_in_capitals_splits_at_its_function_words(world):
    text = (
        "NEW CCTV CAMERAS FOR PELLOW STREET AND TANNERS ROAD\n\n"
        "The council will install four cameras next month."
    )
    assert sites(text, world) == ["PELLOW STREET", "TANNERS ROAD"]


def test_cameras_named_by_their_place_without_a_preposition(world):
    text = (
        "Speed cameras are catching more drivers.\n\n"
        "The Pellow Road cameras caught 300 drivers last month. "
        "The car park cameras were vandalised on Sunday. The Hikvision cameras are cheap."
    )
    assert sites(text, world) == ["Pellow Road", "car park"]


def test_sites_around_plural_car_parks(world):
    text = (
        "New CCTV cameras will be installed around the Pellmarsh car parks and at the "
        "town centre car parks next year."
    )
    assert sites(text, world) == ["Pellmarsh car parks", "town centre car parks"]


def test_a_system_recording_movements_in_two_towns_puts_cameras_there(world):
    text = (
        "Plate cameras will watch every driver on the interstate.\n\n"
        "The system will begin recording movements next year in undisclosed locations in "
        "Quarrow Falls and Tindale."
    )
    assert sites(text, world) == ["Quarrow Falls", "Tindale"]


def test_cameras_used_during_an_event_are_at_its_place(world):
    text = (
        "Fans will be scanned by facial recognition cameras at the final.\n\n"
        "It builds on police use of LFR technology during last year's Brackwell Water "
        "Festival."
    )
    assert sites(text, world) == ["Brackwell Water Festival"]


def test_cameras_in_the_city_centre_are_a_site_when_no_streets_are_named(world):
    text = "There are more than 300 CCTV cameras in the city centre but few in Brackwell."
    assert sites(text, world)[:1] == ["city centre"]


def test_the_town_centre_frames_the_streets_named_after_it(world):
    text = (
        "Four CCTV cameras are to be added in the town centre.\n\n"
        "They will be placed on Pellow Street, Tanners Lane and the bus station."
    )
    assert "town centre" not in sites(text, world)


def test_cameras_in_the_suburbs_of_a_list_of_places(world):
    text = "Cameras are also planned in the suburbs of Oakhollow, Fernmere and Quarrow."
    assert sites(text, world) == ["Oakhollow", "Fernmere", "Quarrow"]


def test_a_sites_label_in_a_report_about_cameras_lists_sites(world):
    text = (
        "The council is adding speed cameras this year.\n\n"
        "Sites: Marlow Green, Hatch End Road, Tindale Park."
    )
    assert sites(text, world) == ["Marlow Green", "Hatch End Road", "Tindale Park"]


def test_places_that_will_each_get_cameras(world):
    text = "Oakhollow, Fernmere and Brindle Heath will each get two cameras."
    assert sites(text, world) == ["Oakhollow", "Fernmere", "Brindle Heath"]


def test_a_numbered_list_run_into_one_line_after_a_colon(world):
    text = "New cameras will be installed at: 1. Elmcroft Road 2. Oakhollow Lane 3. Tindale Park."
    assert sites(text, world) == ["Elmcroft Road", "Oakhollow Lane", "Tindale Park"]


def test_a_pipe_table_with_a_location_column_lists_sites(world):
    text = (
        "Speed cameras are coming to Fernmere.\n\n"
        "| Location | Cameras |\n| Ashby Street | 2 |\n| Marlow Green | 1 |"
    )
    assert {"Ashby Street", "Marlow Green"} <= set(sites(text, world))


def test_a_note_in_brackets_between_listed_places(world):
    text = (
        "The cameras are at Pellow Road (two cameras), Tanners Lane (one camera) and "
        "Kiln Street (three cameras)."
    )
    assert sites(text, world) == ["Pellow Road", "Tanners Lane", "Kiln Street"]


def test_a_streets_possessive_camera(world):
    text = "Speed cameras are busy.\n\nPellow Road's new camera caught 40 drivers in a week."
    assert sites(text, world) == ["Pellow Road"]


def test_a_towns_possessive_before_a_street_keeps_the_towns_name():
    from campmap.extract.shapes import find_shapes

    found = [(h.text, h.shape.value) for h in find_shapes("Upcombe's Park Lane cameras")]
    assert found == [("Upcombe", "name"), ("Park Lane", "street")]


def test_more_common_noun_sites(world):
    text = "Cameras were put up along the seafront and outside the shopping centre last week."
    assert sites(text, world) == ["seafront", "shopping centre"]


def test_a_common_word_is_a_street_as_the_second_of_an_explicit_crossing(world):
    text = "A red-light camera will go up at the intersection of Tarrow and Main next month."
    assert sites(text, world) == ["Tarrow and Main"]


def test_two_names_sharing_lower_case_streets_at_a_corner_are_one_crossing(world):
    text = "A camera pole went up at the corner of Tarrow and Pellmarsh streets on Monday."
    assert sites(text, world) == ["Tarrow and Pellmarsh streets"]


def test_cameras_that_will_go_to_a_list_of_streets(world):
    text = "The remaining cameras will go to Kestle Avenue, Ambry Close and Dunmow Way."
    assert sites(text, world) == ["Kestle Avenue", "Ambry Close", "Dunmow Way"]


def test_a_local_association_named_after_its_place_installing_cameras(world):
    text = "The Pellmarsh Business Association is spending $42,500 to install six cameras."
    found = mentions(text, world)
    assert [(m.text, m.status) for m in found if m.role.value == "site"] == [
        ("Pellmarsh", "planned")
    ]
    assert sites("The Pellmarsh Business Association said the cameras work well.", world) == []


def test_a_number_cell_run_into_a_street_name_is_cut_off():
    from campmap.extract.shapes import find_shapes

    found = [(h.text, h.shape.value) for h in find_shapes("Pellow Road2 Tanners Lane 4Kiln Street")]
    assert found == [
        ("Pellow Road", "street"),
        ("Tanners Lane", "street"),
        ("Kiln Street", "street"),
    ]


def test_the_subject_after_getting_its_first_camera(world):
    text = "On getting its first ANPR camera this week, Pellow Circle Road caught 30 drivers."
    assert sites(text, world) == ["Pellow Circle Road"]


def test_a_title_case_heading_splits_at_its_function_words(world):
    text = (
        "Speed Cameras To Be Installed On Pellow Road And Tanners Lane\n\n"
        "The council confirmed the plans on Monday."
    )
    assert sites(text, world) == ["Pellow Road", "Tanners Lane"]


def test_a_streets_own_number_ends_its_name():
    from campmap.extract.shapes import find_shapes

    found = [(h.text, h.shape.value) for h in find_shapes("cameras on Kio Lane 3, and more")]
    assert found == [("Kio Lane 3", "street")]


def test_places_whose_councils_asked_for_cameras_that_go_in_each_village(world):
    text = (
        "Plate cameras are going up in three villages this week.\n"
        "Oakhollow, Fernmere and Little Quarrow parish councils made a joint bid for the money.\n"
        "One camera will be placed on a lamp column in each village."
    )
    found = [(m.text, m.count) for m in mentions(text, world) if m.role.value == "site"]
    assert found == [("Oakhollow", 1), ("Fernmere", 1), ("Little Quarrow", 1)]


def test_a_parish_council_alone_is_no_site(world):
    text = "Oakhollow parish council paid for two cameras on Mill Lane."
    assert sites(text, world) == ["Mill Lane"]


def test_towns_are_the_sites_when_the_locations_in_them_are_undisclosed(world):
    text = (
        "Speed cameras are coming to the county's busiest roads.\n\n"
        "The cameras will go up next spring at undisclosed locations in Tindale."
    )
    assert sites(text, world) == ["Tindale"]


def test_a_citys_common_noun_station_is_a_site(world):
    text = (
        "Fans will be scanned by face recognition cameras at the final.\n\n"
        "Faces will also be scanned at Cardiff's central railway station on the day."
    )
    assert sites(text, world) == ["central railway station"]
