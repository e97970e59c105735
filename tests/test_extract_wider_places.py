"""General rules for real reporting (issue 15, set H): each report here is invented.

Each test stands for a failure class of wrong sites: a state after a town, a
second control room, a town after the place in it, a road with its direction
before the point on it, a council of two towns, and the roads of a place.
"""

from __future__ import annotations

from conftest import sites

from campmap.gazetteer import Gazetteer


def test_a_state_after_a_town_is_where_the_town_is(world: Gazetteer):
    text = (
        "Two speed cameras were installed at Kelmora Bridge in Dayton, Ohio, where a lorry "
        "crashed last year. Three more cameras went up in Lincoln, Nebraska, and on Tarn Road."
    )
    found = sites(text, world)
    assert "Ohio" not in found and "Nebraska" not in found
    assert found == ["Kelmora Bridge", "Lincoln", "Tarn Road"]


def test_towns_listed_with_a_county_name_stay_sites(world: Gazetteer):
    text = "The council approved CCTV systems in Brayford, Dunmore, Galway and Limerick."
    assert sites(text, world)[-2:] == ["Galway", "Limerick"]


def test_the_second_control_room_is_no_camera_site(world: Gazetteer):
    text = (
        "New CCTV cameras were installed on Varden Road and Quell Street. The cameras will be "
        "monitored from control rooms set up at the Harrow Point police station and near "
        "Estry Medical College. A command centre will be constructed in Morlan, a suburb."
    )
    assert sites(text, world) == ["Varden Road", "Quell Street"]


def test_a_town_after_the_place_in_it_is_no_site(world: Gazetteer):
    text = (
        "Cameras will go up at the intersection of Tolley Drive and Main Street in Quarrel Bay. "
        "One camera is already working in front of Greywell Heights in Bristol."
    )
    found = sites(text, world)
    assert found == ["Tolley Drive and Main Street", "Greywell Heights"]


def test_a_road_and_its_direction_only_say_which_road_the_point_is_on(world: Gazetteer):
    text = (
        "The proposed locations for the speed cameras are QRH northbound (NB) at Dellow "
        "Interchange, QRH southbound at 2 km south of Marrow River and TBH eastbound at the "
        "Fenwick overpass."
    )
    found = sites(text, world)
    assert not any("bound" in name for name in found)
    assert "Dellow Interchange" in found and "Fenwick overpass" in found


def test_a_council_of_two_towns_is_an_organisation(world: Gazetteer):
    text = "CCTV cameras were put up in Harlow Park and at Dover & Folkestone Council's depot."
    assert sites(text, world) == ["Harlow Park"]


def test_the_roads_of_a_place_are_no_site(world: Gazetteer):
    text = (
        "Police Put 12 New Speed Cameras On Quarrelton Roads\n\n"
        "The cameras are at Tolley Street and Harlow Avenue, and in the precinct between "
        "Elm and Ash Roads."
    )
    found = sites(text, world)
    assert found == ["Tolley Street and Harlow Avenue", "Elm and Ash Roads"]
