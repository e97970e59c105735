"""General rules for real reporting (issue 15, sets G and H): each report here is invented.

Each test stands for a failure class: a sentence whose subject stands for the
cameras (``One will go in ...``, ``It will cover ...``, ``the pilot scheme is
in place at ...``, ``the next phase of installations is planned for ...``),
drivers who *run* red lights at a crossing (not cameras run from there), and
cameras at the entries from a road or on the top of a building.
"""

from __future__ import annotations

from conftest import sites

from campmap.gazetteer import Gazetteer


def test_a_numeral_or_it_as_subject_stands_for_the_cameras(world: Gazetteer):
    text = (
        "Average speed cameras will be switched on at four places in the county.\n\n"
        "The first three of them start this week.\n\n"
        "One will be installed on the B9123 in Quillbury.\n\n"
        "The other two will be on Mardle Lane, Oxhey Parva.\n\n"
        "It will also cover Tansley Crescent from next spring."
    )
    found = sites(text, world)
    assert "B9123 in Quillbury" in found
    assert "Mardle Lane" in found
    assert "Tansley Crescent" in found


def test_a_scheme_in_place_and_installations_planned_for_places(world: Gazetteer):
    text = (
        "Council leaders want CCTV cameras in Brackwell town centre.\n\n"
        "The pilot scheme is already in place at Quarrel Square.\n\n"
        "The next phase of installations is planned for Fenwick Wetlands."
    )
    found = sites(text, world)
    assert "Quarrel Square" in found
    assert "Fenwick Wetlands" in found


def test_drivers_who_run_red_lights_at_a_crossing_name_the_site(world: Gazetteer):
    text = (
        "Red-light cameras catch drivers who run red lights at the intersection of "
        "Quillon Road and Brackwell Turnpike."
    )
    assert sites(text, world) == ["Quillon Road and Brackwell Turnpike"]


def test_cameras_at_the_entries_from_a_road_and_on_top_of_a_building(world: Gazetteer):
    text = (
        "Police said the cameras were installed at all the entries from the Quarrel Ring Road.\n\n"
        "Two more cameras began operating from the top of the Fenwick Central Library."
    )
    found = sites(text, world)
    assert "Quarrel Ring Road" in found
    assert "Fenwick Central Library" in found


def test_a_city_opening_a_list_of_towns_with_counts_is_a_site(world: Gazetteer):
    text = (
        "About 400 traffic cameras have been installed across Leeds, 60 in Wakefield "
        "and 25 in Harrogate, the minister said."
    )
    found = sites(text, world)
    assert found[:1] == ["Leeds"]
    assert "Wakefield" in found


def test_buildings_near_which_cameras_stand_are_sites_among_examples(world: Gazetteer):
    text = (
        "Cameras were mounted at several busy areas including near the old Harbour Works "
        "Department, Quarrel Plaza and Fenwick Place."
    )
    found = sites(text, world)
    assert "Harbour Works Department" in found
    assert "Quarrel Plaza" in found


def test_both_ends_of_an_area_from_one_street_to_another_hold_cameras(world: Gazetteer):
    text = (
        "The budget will let us install eight CCTV cameras covering the area from "
        "Quarrelgracht, through Fenwick Road, to Brackwell Street."
    )
    found = sites(text, world)
    assert "Quarrelgracht" in found
    assert "Brackwell Street" in found
