"""General rules for real reporting (issue 15, sets E and F): each report here is invented.

Each test stands for a failure class of sites missed: a town followed by a
preposition the name guard took for a noun, a place that ``could get`` a
camera, a list of sites opened by ``including`` past items no candidate
stands for, a list of named places after ``around``, places that follow suit,
a note between list items, US schools named ``X High``, cameras named by a
lower-case street, and a report's country outvoted by a province named again.
"""

from __future__ import annotations

from conftest import sites

from campmap.extract.country import report_country
from campmap.gazetteer import Gazetteer
from campmap.records import Source


def test_a_town_followed_by_a_preposition_is_still_a_place(world: Gazetteer):
    text = "The board will study the use of CCTV cameras in Brackwold following a vote last week."
    assert sites(text, world) == ["Brackwold"]


def test_a_place_that_could_get_a_camera_gets_it(world: Gazetteer):
    text = "Quillan Green could get a camera\n\nThe parish will decide in May."
    assert sites(text, world) == ["Quillan Green"]


def test_a_list_opened_by_including_past_unnamed_items(world: Gazetteer):
    text = (
        "The cameras went up at six sites including the town hall, Morvel building, "
        "Tansy stadium and Orrin market."
    )
    assert sites(text, world) == ["Morvel building", "Tansy stadium", "Orrin market"]


def test_a_list_of_named_places_after_around_are_the_sites(world: Gazetteer):
    text = "Police put gunshot sensors around the Fairground, Pellow Station and Harl Park."
    assert sites(text, world) == ["Fairground", "Pellow Station", "Harl Park"]


def test_one_place_after_around_is_still_the_area(world: Gazetteer):
    text = "Police put 40 new cameras around Brackwold to deter burglars."
    assert sites(text, world) == []


def test_places_that_follow_suit_get_the_cameras(world: Gazetteer):
    text = (
        "Brackwold, Tansy Vale and Orrin Heights are following suit: the firm has just put up "
        "30 cameras there."
    )
    assert sites(text, world) == ["Brackwold", "Tansy Vale", "Orrin Heights"]


def test_one_of_several_spots_weighing_cameras(world: Gazetteer):
    text = "Brackwold is one of several spots deciding whether to put up new cameras."
    assert sites(text, world) == ["Brackwold"]


def test_a_note_on_where_an_item_is_does_not_end_the_list(world: Gazetteer):
    text = (
        "The cameras will be placed near Sector 12, Morvel Chowk, Sector 40 on the highway, "
        "Brackwold, Tansy Chowk and Orrin Chowk, officials said."
    )
    assert sites(text, world) == [
        "Sector 12",
        "Morvel Chowk",
        "Sector 40",
        "Brackwold",
        "Tansy Chowk",
        "Orrin Chowk",
    ]


def test_a_time_after_an_item_ends_the_list(world: Gazetteer):
    text = "Cameras went up on Morvel Road in the morning, Brackwold council said."
    assert sites(text, world) == ["Morvel Road"]


def test_camera_news_for_a_village_is_about_its_cameras(world: Gazetteer):
    text = "Good ANPR news for Brackwold!\n\nA camera was put up in the village today."
    assert sites(text, world) == ["Brackwold"]


def test_a_school_named_high_in_a_list_of_sites(world: Gazetteer):
    text = (
        "School zone cameras are now live at:\n\n"
        "- Captain Morvel High\n\n"
        "- Tansy Oaks High\n\n"
        "- Orrin T. Washington High\n\n"
        "Fines start next month."
    )
    assert sites(text, world) == [
        "Captain Morvel High",
        "Tansy Oaks High",
        "Orrin T. Washington High",
    ]


def test_the_high_street_at_a_sentence_start_is_still_the_street(world: Gazetteer):
    text = "The High Street cameras were switched on in Brackwold last week."
    assert "High Street" in sites(text, world)


def test_cameras_named_by_a_lower_case_street_in_capitals(world: Gazetteer):
    text = "Money for the high street CCTV in Brackwold was agreed on Monday."
    assert "high street" in sites(text, world)


def test_a_country_named_outweighs_a_province_of_that_name_named_again():
    text = (
        "Cameras went up in Nyanga. Nyanga has the most crime. Nyanga residents welcomed them. "
        "It is one of the busiest districts in South Africa."
    )
    assert report_country(Source("x", text)) == "ZA"


def test_owners_who_put_up_cameras_put_them_at_their_place(world: Gazetteer):
    text = "Morvel Holiday Camp owners had already installed cameras at the camp, he said."
    assert sites(text, world) == ["Morvel Holiday Camp"]
