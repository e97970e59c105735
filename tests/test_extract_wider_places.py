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


def test_the_city_of_a_town_is_its_council_not_a_site(world: Gazetteer):
    text = (
        "In 2001 the City of Quarrelton had nine CCTV cameras. "
        "The City of Dellow Bay will receive $50,000 for cameras on Tarn Road."
    )
    assert sites(text, world) == ["Tarn Road"]


def test_the_road_a_crossing_is_on_is_no_second_site(world: Gazetteer):
    text = (
        "Red light cameras will go up at the intersection of Tolley Drive and Quell Street, "
        "on the State Highway 9 city bypass."
    )
    assert sites(text, world) == ["Tolley Drive and Quell Street"]


def test_monitors_at_a_station_are_where_cameras_are_watched(world: Gazetteer):
    text = (
        "Cameras are planned for Varden Street and Quell Lane. They will be linked to "
        "monitors at Harrowby Garda Station."
    )
    assert sites(text, world) == ["Varden Street", "Quell Lane"]


def test_a_crime_named_as_a_noun_is_where_it_happened(world: Gazetteer):
    text = (
        "Camera footage helped after an attempted hijacking in Fenwick Street in Dellow. "
        "Supporters of the new cameras on Tarn Road point to Friday's shooting on Quell Avenue."
    )
    assert sites(text, world) == ["Tarn Road"]


def test_a_town_holding_some_of_the_sites_is_no_site(world: Gazetteer):
    text = (
        "Of the nine CCTV projects approved last year, four in Frome have been completed "
        "including Marrow Park and Tolley Street."
    )
    assert sites(text, world) == ["Marrow Park", "Tolley Street"]


def test_the_district_of_a_crossing_is_no_site_anywhere_in_the_report(world: Gazetteer):
    text = (
        "Speed cameras have been placed at the corner of Austen and Fenwick in Dellow Park. "
        "The Dellow Park cameras sit near a school."
    )
    assert sites(text, world) == ["Austen and Fenwick"]


def test_a_town_whose_name_the_sites_carry_frames_them(world: Gazetteer):
    text = (
        "The council asked for offers to install CCTV cameras in Frome. "
        "The cameras will be installed in the Frome business district and at Frome Airport."
    )
    assert sites(text, world) == ["Frome business district", "Frome Airport"]


def test_a_town_after_a_street_and_a_comma_ends_the_address(world: Gazetteer):
    text = (
        "A fire was lit under the speed camera in Tarn Road, Frome, and the flames spread "
        "to a parked car."
    )
    assert sites(text, world) == ["Tarn Road"]


def test_a_named_site_named_again_by_its_common_noun_is_one_site(world: Gazetteer):
    text = (
        "A CCTV camera was installed in Dellow Park last week. "
        "The camera was placed to cut crime at the park."
    )
    assert sites(text, world) == ["Dellow Park"]


def test_places_past_an_aside_about_cameras_get_no_cameras(world: Gazetteer):
    text = (
        "In addition to the R1,2-million set aside for the CCTV cameras, the budget holds "
        "R900,000 for new street lights in areas like Dellow, Marrow Hill and Quarrelton. "
        "In addition to the ten cameras on Tarn Road, five more will go on Quell Street."
    )
    assert sites(text, world) == ["Tarn Road", "Quell Street"]
