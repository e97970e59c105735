"""General rules for real reporting, set D (issue 15): each report here is invented.

Each test stands for a failure class seen on real reports: a list opened by
``located at.....``, street types abbreviated the Canadian way (``Pky``,
``Priv``), a name that begins with ``Old`` or holds a possessive, a reference
point given as a distance (``at 120m east of``), examples of places (``areas
such as``), a hill named after a region, a place word in lower case after a
name (``housing estate``), and a list of three streets that is no crossing.
"""

from __future__ import annotations

from conftest import sites

from campmap.gazetteer import Gazetteer

_INTRO = "Red light cameras will be installed this spring and be located at.....\n\n"


def test_a_list_opened_by_an_ellipsis(world: Gazetteer) -> None:
    text = (
        _INTRO
        + "- Aldgate Ave. at Birch St.;\n- Corran Pky at Dunmore Rd.;\n- Elver Rd. at Fenn Priv."
    )
    assert sites(text, world) == [
        "Aldgate Ave. at Birch St.",
        "Corran Pky at Dunmore Rd.",
        "Elver Rd. at Fenn Priv.",
    ]


def test_old_and_a_possessive_belong_to_the_street(world: Gazetteer) -> None:
    text = _INTRO + "- Old Mill Rd. at Gorse Blvd.;\n- Fox's Den Rd. at Hazel Dr."
    assert sites(text, world) == ["Old Mill Rd. at Gorse Blvd.", "Fox's Den Rd. at Hazel Dr."]


def test_a_town_possessive_still_splits_off(world: Gazetteer) -> None:
    assert sites("Harwick's Tanner Lane will get two cameras.", world) == ["Tanner Lane"]


def test_a_street_old_kent_style_at_a_sentence_start(world: Gazetteer) -> None:
    assert sites("Old Tanner Road will get two speed cameras.", world) == ["Old Tanner Road"]


def test_a_distance_from_a_street_only_says_where_on_the_road(world: Gazetteer) -> None:
    text = _INTRO + "- Heron Rd. at 150m west of Kestrel St.;\n- Aldgate Ave. at Birch St."
    assert sites(text, world) == ["Heron Rd.", "Aldgate Ave. at Birch St."]


def test_places_given_as_examples_in_a_report_about_cameras(world: Gazetteer) -> None:
    text = (
        "The town's CCTV cameras are up and running in Tanner Park. "
        "Phase two will cover more of the town. "
        "'We are looking at other areas such as Mill Street and up the High Street and "
        "Quarry Street,' he said."
    )
    assert sites(text, world) == ["Tanner Park", "Mill Street", "High Street", "Quarry Street"]


def test_a_hill_named_after_a_region_is_a_site(world: Gazetteer) -> None:
    text = (
        "The cameras are installed at the Harwick cemetery gates, Mount Kenya, the Laurels "
        "housing estate and the bottle bank in Harwick."
    )
    found = sites(text, world)
    assert "Mount Kenya" in found
    assert "Laurels housing estate" in found
    assert "Kenya" not in found


def test_three_streets_listed_are_no_crossing(world: Gazetteer) -> None:
    text = (
        "Red light cameras are planned in Harwick. "
        "Signalled intersections along Tanner Road, Mill Road and the Route 30 corridor "
        "could soon be on watch around the clock."
    )
    found = sites(text, world)
    assert "Tanner Road" in found
    assert "Mill Road" in found
    assert not any(" and " in s for s in found)


def test_at_one_of_the_entries_to_a_place(world: Gazetteer) -> None:
    text = "The CCTV camera has run for months at one of the entries to Harwick Bay."
    assert sites(text, world) == ["Harwick Bay"]


def test_a_town_possessive_before_a_named_district_in_examples(world: Gazetteer) -> None:
    text = (
        "The cameras will focus on high-crime areas like Sydney's Kings Cross, Tanner "
        "Valley in Brisbane and Corrick Heath in Melbourne."
    )
    assert sites(text, world) == ["Kings Cross", "Tanner Valley", "Corrick Heath"]


def test_a_plural_paired_place_word_after_a_name(world: Gazetteer) -> None:
    text = "Police will install 250 cameras in Alnagar, Benagar and Corinagar police stations."
    assert sites(text, world) == ["Alnagar", "Benagar", "Corinagar police stations"]


def test_a_side_of_a_city_and_incidents_responded_to_are_no_sites(world: Gazetteer) -> None:
    text = (
        "Speed cameras installed on the Northwest Side.\n\n"
        "During the deployment, LFR officers responded to two incidents in the town centre. "
        "The council approved 25 community safety zones (CSZs), where cameras can be placed."
    )
    assert sites(text, world) == []


def test_crossings_run_together_on_one_line(world: Gazetteer) -> None:
    text = (
        "Red light cameras will be added at these intersections:\n\n"
        "Tanner Road E at Mill Road Quarry Street at Corrick Road Heron Road at Birch "
        "Avenue S Elm Street at Oak Drive"
    )
    assert sites(text, world) == [
        "Tanner Road E at Mill Road",
        "Quarry Street at Corrick Road",
        "Heron Road at Birch Avenue S",
        "Elm Street at Oak Drive",
    ]


def test_a_suburb_that_already_has_cameras(world: Gazetteer) -> None:
    assert sites("The suburb of Harwick already has 59 street cameras in place.", world) == [
        "Harwick"
    ]


def test_a_pilot_located_in_a_village(world: Gazetteer) -> None:
    text = (
        "The council will fund CCTV cameras in rural villages. "
        "The initial pilot is to be located in Harwick and will be run by volunteers."
    )
    assert sites(text, world) == ["Harwick"]


def test_places_singled_out_with_notably(world: Gazetteer) -> None:
    text = "New CCTV cameras have been seen across town, notably, Tannerby, Corrickshie."
    assert sites(text, world) == ["Tannerby", "Corrickshie"]


def test_an_unnamed_park_in_a_county_is_no_named_site(world: Gazetteer) -> None:
    text = "A new CCTV system has been installed at a Westshire park plagued by vandals."
    assert sites(text, world) == []


def test_crossings_listed_with_dashes(world: Gazetteer) -> None:
    text = (
        "No-contact apprehension cameras will watch traffic. "
        "The program will take effect on the following roads:\n\n"
        "  \u2022 Tanner Highway \u2013 Mill Road (Upper Corrick)\n"
        "  \u2022 Heron \u2013 Birch\n"
    )
    assert sites(text, world) == ["Tanner Highway \u2013 Mill Road", "Heron \u2013 Birch"]


def test_a_table_under_a_camera_sites_heading(world: Gazetteer) -> None:
    text = (
        "Police say the new speed cameras in school zones are working.\n"
        "CURRENT ACTIVE CAMERA SITES\n|SCHOOL\n|START\n|Tanner Elementary\n|Aug. 10\n"
        "|Corrick High\n|Aug. 12\n"
    )
    assert sites(text, world) == ["Tanner Elementary", "Corrick High"]


def test_a_list_goes_on_past_an_item_that_is_no_site(world: Gazetteer) -> None:
    text = (
        "Areas where cameras are installed include Tannerby, Corrickdale, Westshire County, "
        "Heronsgate and Birchwick."
    )
    found = sites(text, world)
    assert {"Tannerby", "Corrickdale", "Heronsgate", "Birchwick"} <= set(found)
    assert "Westshire County" not in found


def test_a_numbered_sector_is_a_place_and_a_phase_is_not(world: Gazetteer) -> None:
    text = "These cameras will be located on the highway near Sector 29 and Tanner Chowk."
    assert sites(text, world) == ["Sector 29", "Tanner Chowk"]
    assert sites("In Phase 2 the council added 30 cameras.", world) == []


def test_cameras_at_the_car_park_of_a_park(world: Gazetteer) -> None:
    text = "The town council has secured mobile CCTV at the car park of Tanner Park."
    assert sites(text, world) == ["Tanner Park"]


def test_projects_completed_including_places(world: Gazetteer) -> None:
    text = (
        "The council's CCTV cameras cover the town centre. "
        "Of the nine projects approved last year, four have been completed including "
        "Tanner Station; Corrick Park and Heron Street."
    )
    assert {"Tanner Station", "Corrick Park", "Heron Street"} <= set(sites(text, world))


def test_streets_brought_under_surveillance_and_thoroughfares_such_as(world: Gazetteer) -> None:
    text = (
        "Police will bring Tanner Street, Corrick Street and Heron Highway under CCTV camera "
        "surveillance. The cameras monitor traffic along thoroughfares such as Birch Street."
    )
    assert sites(text, world) == [
        "Tanner Street",
        "Corrick Street",
        "Heron Highway",
        "Birch Street",
    ]
