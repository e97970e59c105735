"""Per-site counts, kinds and statuses as real reports state them (issue 15).

Every report here is invented; each test stands for one general way real
reports give a site its count, its kind of camera or its status.
"""

from __future__ import annotations

from conftest import mentions

from campmap import Role
from campmap.extract.kinds import camera_kind


def _sites(text, gazetteer):
    return {m.text: m for m in mentions(text, gazetteer) if m.role is Role.SITE}


def test_a_count_each_goes_to_every_place_of_the_list(world):
    text = (
        "Up to six CCTV cameras each will be put up at Alderbrook Park, Fennick Park "
        "and Holloway Park next spring."
    )
    found = _sites(text, world)
    assert [found[name].count for name in ("Alderbrook Park", "Fennick Park", "Holloway Park")] == [
        6,
        6,
        6,
    ]


def test_places_that_will_each_get_a_count(world):
    text = "Quarry Lane and Tanners Row will each get two new cameras in May."
    found = _sites(text, world)
    assert (found["Quarry Lane"].count, found["Tanners Row"].count) == (2, 2)


def test_a_total_over_a_list_is_still_shared(world):
    text = "Six CCTV cameras will be put up at Alderbrook Park, Fennick Park and Holloway Park."
    found = _sites(text, world)
    assert found["Fennick Park"].count is None
    assert "in total across" in (found["Fennick Park"].count_text or "")


def test_a_crossing_named_later_takes_the_count_of_a_crossing(world):
    text = (
        "The town council has agreed to lease three outdoor cameras for a busy "
        "intersection downtown.\n"
        "The cameras read number plates and send alerts to the police.\n"
        "They will cover the intersection of Mill Road and Quarry Lane, and a spare camera "
        "will go up at Fennick Park."
    )
    found = _sites(text, world)
    crossing = next(m for name, m in found.items() if "Mill Road" in name)
    assert crossing.count == 3


def test_kinds_named_by_maker_zone_or_scheme():
    assert camera_kind("the council will lease Flock Safety cameras").name == "anpr"
    assert camera_kind("school zone cameras go live on Monday").name == "speed"
    assert camera_kind("vandals again attacked ULEZ infrastructure").name == "anpr"
    assert camera_kind("new bus gate ANPR enforcement cameras").name == "bus-lane"
    assert camera_kind("new safety cameras on the bypass").name == "speed"
    assert camera_kind("box junction cameras").name == "moving-traffic"
    assert camera_kind("cameras enforcing the low traffic neighbourhood").name == "moving-traffic"
    assert camera_kind("traffic light cameras").name == "red-light"
    assert camera_kind("congestion charge cameras").name == "anpr"
    assert camera_kind("clean air zone cameras").name == "anpr"
    assert camera_kind("photo radar units").name == "speed"


def test_a_sentence_about_they_keeps_the_kind_of_the_one_before(world):
    text = (
        "CCTV is coming to the town centre, and CCTV footage will go to the police.\n"
        "The board says CCTV will follow in a second stage.\n"
        "The first cameras will be number plate recognition cameras.\n"
        "In Upton, they will be placed on Quarry Lane and Tanners Row."
    )
    found = _sites(text, world)
    assert {found["Quarry Lane"].camera, found["Tanners Row"].camera} == {"anpr"}


def test_a_street_town_list_keeps_the_towns_out(world):
    text = (
        "The council has committed to two new camera sites; these are in Quarry Lane, Upton "
        "and Tanners Row, Ashby- Wold."
    )
    found = _sites(text, world)
    assert set(found) == {"Quarry Lane", "Tanners Row"}


def test_the_area_around_a_generic_place_is_no_site(world):
    text = (
        "A parish council wants a camera at a busy road junction in the Wensley Dales.\n"
        "Police began putting plate-reading cameras around the Harbury area this week.\n"
        "Four red-light cameras will go up at signalised intersections in Ward 12.\n"
        "Camera vans will be rolled out on streets in Westshire and Eastshire."
    )
    assert _sites(text, world) == {}


def test_bodies_credits_and_abstract_words_are_no_sites(world):
    text = (
        "The Department of Transport says the camera went up on Quarry Lane.\n"
        "Approval has been given for two more cameras to be installed.\n"
        "Credit: XY Photo/A Writer The camera at Tanners Row reads plates."
    )
    assert set(_sites(text, world)) == {"Quarry Lane", "Tanners Row"}


def test_streets_described_as_off_a_main_road(world):
    text = (
        "CCTV cameras have been installed on Quarry Lane and Tanners Row.\n"
        "These streets, off the Great Ring Road close to Weaver Square, see the most dumping."
    )
    assert set(_sites(text, world)) == {"Quarry Lane", "Tanners Row"}


def test_a_word_cut_off_where_an_excerpt_stops(world):
    text = (
        "New CCTV cameras have been installed on Quarry Lane.\n"
        "We have worked with the council for two years and installed three CCTV cameras "
        "along the length of the main shopping street in the middle of the Bramwel"
    )
    assert set(_sites(text, world)) == {"Quarry Lane"}


def _statuses(text, gazetteer):
    return {name: m.status for name, m in _sites(text, gazetteer).items()}


def test_a_place_listed_after_the_cameras_takes_their_stated_status(world):
    text = (
        "Four new red-light cameras will be installed at junctions in the ward next year.\n"
        "See below for the junctions where the cameras will be installed.\n"
        "Westfield Ward - New Sites\n"
        "  \u2022 Quarry Rd at Mill Rd\n"
        "  \u2022 Tanners Row at Station Rd\n"
    )
    assert set(_statuses(text, world).values()) == {"planned"}


def test_the_story_moving_on_ends_the_status_carried(world):
    text = (
        "CCTV cameras to catch dumpers in the old quarter have finally been switched on.\n"
        "Last year the council announced plans to use CCTV against dumping.\n"
        "The old quarter is often called the dirtiest district in the whole of the county "
        "by the people who campaign against litter and fly-tipping there.\n"
        "Three streets were picked as camera sites: Quarry Lane, Tanners Row and Mill Road."
    )
    assert set(_statuses(text, world).values()) == {"installed"}


def test_a_plate_reading_system_to_be_installed_opens_its_list(world):
    text = (
        "Township police are bringing in cameras to look for stolen cars.\n"
        "The township bought a licence plate recognition system, which will be installed "
        "at three intersections. These include Quarry Lane and Tanners Row, and Mill Road "
        "and Station Road."
    )
    found = _statuses(text, world)
    assert found and set(found.values()) == {"planned"}


def test_status_after_a_semicolon_an_apposition_or_a_progressive(world):
    text = (
        "We have committed to provide two new camera sites; these are in Quarry Lane and "
        "Tanners Row.\n"
        "A third camera, at Mill Road, will be installed when the roadworks end.\n"
        "Next, the town will be implementing cameras on the far side, on Station Road."
    )
    found = _statuses(text, world)
    assert {found[n] for n in ("Quarry Lane", "Tanners Row", "Mill Road", "Station Road")} == {
        "planned"
    }


def test_where_announced_cameras_will_be_located_keeps_them_installed(world):
    text = (
        "Five new bus lane cameras have been installed and go live in July.\n"
        "Drivers who ignore the lanes will be fined.\n"
        "The new enforcement cameras will be located at:\n"
        "Quarry Lane (southbound)\n"
        "Tanners Row, Upton\n"
    )
    assert _statuses(text, world) == {"Quarry Lane": "installed", "Tanners Row": "installed"}


def test_cameras_newly_activated_or_a_place_currently_has_are_installed(world):
    text = (
        "Six new speed cameras approved by the council will start work on Monday.\n"
        "The newly activated camera sites include: Quarry Lane and Tanners Row.\n"
        "The town currently has 12 cameras in Mill Road."
    )
    assert set(_statuses(text, world).values()) == {"installed"}


def test_a_camera_system_is_no_count_of_cameras():
    from campmap.extract.counts import camera_counts

    assert camera_counts("A CCTV camera system for the town has long been discussed.", True) == []
    counted = camera_counts("Two CCTV cameras went up on Mill Road.", True)
    assert [n.value for n, _ in counted] == [2]


def test_a_stretch_between_two_streets_names_one_site(world):
    text = (
        "Speed cameras will go up in these school zones:\n"
        "- Elm Park School (Quarry Road, between Mill Lane and Tanners Row)\n"
        "- Oak School (Station Road, between Hill Street and Bridge Road)\n"
        "Officers patrol the road off the A9 between Ashby and Upton."
    )
    found = set(_sites(text, world))
    assert not found & {"Mill Lane", "Tanners Row", "Hill Street", "Bridge Road"}
    assert not any(" and " in name for name in found)


def test_schemes_makers_people_and_employers_are_no_sites(world):
    text = (
        "Plate-reading cameras will be set up in Community Safety Zones on Quarry Lane.\n"
        "Flock has cameras in hundreds of cities across the country.\n"
        "The cameras failed, according to the report by Jo Marren, Chief Officer - Place at "
        "Westvale.\n"
        "The new CCTV cameras will cover Tanners Row, Upton, as part of a safer streets scheme "
        "for Ashby and the wider Upton area."
    )
    assert set(_sites(text, world)) == {"Quarry Lane", "Tanners Row"}


def test_cameras_that_will_be_pulled_out_are_removed(world):
    text = (
        "A review found that the speed cameras on Quarry Lane at Upton were of no benefit, "
        "so we will pull them out.\n"
        "The plan includes the removal of two roundabouts along Tanners Row, and new cameras."
    )
    found = _statuses(text, world)
    assert found["Quarry Lane"] == found["Tanners Row"] == "removed"


def test_a_campaign_for_cameras_proposes_them(world):
    text = "Residents began a fundraising campaign for CCTV cameras in Quarry Lane last week."
    assert _statuses(text, world) == {"Quarry Lane": "proposed"}


def test_schemes_and_groups_of_people_are_no_places(world):
    text = (
        "CCTV cameras for the Westvale Community Policing System were installed on Quarry Lane.\n"
        "The cameras at Tanners Row were paid for by the Department of Rural Communities and "
        "the Upland Safety Initiative."
    )
    assert set(_sites(text, world)) == {"Quarry Lane", "Tanners Row"}


def test_cameras_in_each_village_go_to_the_villages_listed_before(world):
    text = (
        "Plate-reading cameras are going up in three villages this week.\n"
        "Ashby, Wendlow and Upton have made a joint bid for the money.\n"
        "One ANPR camera will be placed on a lamp post in each village."
    )
    found = _sites(text, world)
    assert {name: m.count for name, m in found.items()} == {"Ashby": 1, "Wendlow": 1, "Upton": 1}


def test_a_road_whose_crossings_are_the_sites_is_no_site(world):
    text = (
        "Red-light cameras will be installed on Quarry Road this spring.\n"
        "The cameras will watch these intersections:\n"
        "- Quarry Rd at Mill Lane\n"
        "- Quarry Rd at Tanners Row\n"
    )
    found = _sites(text, world)
    assert "Quarry Road" not in found
    assert len([name for name in found if "Quarry" in name]) == 2


def test_counts_written_as_labels_of_listed_sites(world):
    text = (
        "New CCTV cameras will go up at Quarry Lane (3 cameras), Tanners Row (2 cameras) "
        "and Mill Road (1 camera).\n"
        "New speed camera sites:\nStation Road: 3\nBridge Street: 2\n"
        "Cameras will also be installed on Hill Street (four) and Church Lane (two)."
    )
    found = {name: m.count for name, m in _sites(text, world).items()}
    assert found == {
        "Quarry Lane": 3,
        "Tanners Row": 2,
        "Mill Road": 1,
        "Station Road": 3,
        "Bridge Street": 2,
        "Hill Street": 4,
        "Church Lane": 2,
    }


def test_places_that_get_cameras_each(world):
    text = "Quarry Lane and Tanners Row will get two new cameras each."
    found = _sites(text, world)
    assert (found["Quarry Lane"].count, found["Tanners Row"].count) == (2, 2)


def test_considered_or_called_for_cameras_are_proposed(world):
    text = (
        "The council is considering installing CCTV on Quarry Lane.\n"
        "Residents are calling for speed cameras on Tanners Row."
    )
    assert _statuses(text, world) == {"Quarry Lane": "proposed", "Tanners Row": "proposed"}


def test_cameras_switched_on_on_a_weekday_are_installed(world):
    text = (
        "New CCTV cameras were switched on at Quarry Lane on Monday.\n"
        "A camera van will be at Tanners Row on Tuesday."
    )
    found = _statuses(text, world)
    assert (found["Quarry Lane"], found["Tanners Row"]) == ("installed", "deployed")


def test_cameras_moved_to_a_place_are_there(world):
    text = "The cameras on Quarry Lane were taken away in May and moved to Tanners Row."
    found = _statuses(text, world)
    assert found["Tanners Row"] == "installed"
    assert found.get("Quarry Lane") != "installed"


def test_more_ways_of_writing_a_sites_count(world):
    text = (
        "A pair of CCTV cameras was installed on Quarry Lane.\n"
        "Tanners Row now has a total of eight cameras.\n"
        "Mill Road, which has four cameras, is the busiest road in town.\n"
        "New cameras for the town: Station Road x2, Bridge Street x3."
    )
    found = {name: m.count for name, m in _sites(text, world).items()}
    assert found == {
        "Quarry Lane": 2,
        "Tanners Row": 8,
        "Mill Road": 4,
        "Station Road": 2,
        "Bridge Street": 3,
    }


def test_hoped_for_funded_rejected_and_switched_off_cameras(world):
    text = (
        "The parish hopes to install cameras on Quarry Lane.\n"
        "Funding has been secured for cameras on Tanners Row.\n"
        "The council rejected plans for cameras on Mill Road.\n"
        "Cameras were installed on Station Road but have since been turned off."
    )
    found = _statuses(text, world)
    assert found.pop("Station Road", "removed") == "removed"
    assert found == {"Quarry Lane": "proposed", "Tanners Row": "approved"}


def test_a_meeting_place_a_comparison_and_cameras_brought_to_a_street(world):
    text = (
        "Speaking at Westvale Town Hall, the mayor said cameras will be installed on Quarry Lane.\n"
        "Unlike in Ashby, the cameras on Tanners Row will record sound.\n"
        "The scheme will bring cameras to Mill Road next spring."
    )
    assert set(_sites(text, world)) == {"Quarry Lane", "Tanners Row", "Mill Road"}


def test_the_part_of_town_a_street_is_in_is_its_locality(world):
    text = "New CCTV cameras on Quarry Lane, in the north of Ashby, went live on Monday."
    assert set(_sites(text, world)) == {"Quarry Lane"}


def test_a_place_with_its_own_relative_clause_and_a_short_prose_line(world):
    text = (
        "Eight new CCTV cameras will go up on Quarry Lane next month.\n"
        "It follows a scheme in Tanners Row, where 12 cameras were installed last year.\n"
        "Mill Road already has cameras too."
    )
    found = _statuses(text, world)
    assert found == {"Quarry Lane": "planned", "Tanners Row": "installed", "Mill Road": "installed"}
