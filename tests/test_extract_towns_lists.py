"""General rules for real reporting, issue 15 (set C): towns and lists. Each report is invented.

Each test stands for a failure class seen on real reports nobody had tuned on:
a city listed among towns that get cameras, and the ``systems`` a report about
CCTV plans for towns.
"""

from __future__ import annotations

from conftest import sites


def test_a_city_listed_after_towns_that_get_cameras_is_one_of_them(world):
    text = (
        "The force switched on its new CCTV cameras last week. "
        "Ministers approved funding for the installation of systems in Ashby, Tamworth and Leeds."
    )
    found = sites(text, world)
    assert "Leeds" in found and "Tamworth" in found


def test_a_city_alone_is_still_the_setting(world):
    text = "Leeds council switched on 40 new CCTV cameras on Kirkgate and Briggate."
    assert "Leeds" not in sites(text, world)


def test_systems_planned_for_towns_in_a_report_about_cameras(world):
    text = (
        "The county's CCTV cameras cut street crime by a third, police said. "
        "Planning for systems in Tamworth and Ashby is under way, and work will start on "
        "systems for Cannock and Hinckley next year."
    )
    found = sites(text, world)
    assert {"Tamworth", "Ashby", "Cannock", "Hinckley"} <= set(found)


def test_systems_in_a_report_not_about_cameras_place_nothing(world):
    text = "Planning for systems in Tamworth and Ashby is under way, the water board said."
    assert sites(text, world) == []


def test_a_town_before_a_word_of_time_is_no_adjective(world):
    text = "CCTV cameras will go up in Cannock and Hinckley next year."
    assert sites(text, world) == ["Cannock", "Hinckley"]


def test_the_suburb_of_a_street_before_a_word_of_time_is_its_locality(world):
    text = "A CCTV camera went up on Tulip Street, Hinckley last week."
    assert sites(text, world) == ["Tulip Street"]


def test_list_items_with_long_notes_in_brackets_stay_items(world):
    text = (
        "Speed cameras will be installed near five schools.\n\n"
        "The locations include:\n\n"
        "Elm Road (St. Anne of the Fields School)\n\n"
        "Birch Drive (Lycée Marie-Curie de la Vallée, St. Paul Catholic High School, "
        "Meadow View Junior School and Oak Grove Community Secondary Academy)\n\n"
        "Cedar Lane (Hill Top Primary School)\n\n"
        "Fines are doubled near schools."
    )
    assert sites(text, world) == ["Elm Road", "Birch Drive", "Cedar Lane"]
