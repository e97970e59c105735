"""General rules for real reporting, second step (issue 15): each report here is invented.

Each test stands for one pattern seen in real camera reports from several
countries: plural ``CCTVs``, police ``deployments`` standing for the cameras,
places named after "N locations in the city -", a compass district of a town
(``north X``), and a road number at the place on it (``the A123 at X``).
"""

from __future__ import annotations

from conftest import mentions, sites

from campmap import Role


def test_plural_cctvs_make_a_camera_sentence(world):
    text = "Two CCTVs went up last week at Kettlewick Bridge and Ferrow Bridge."
    assert sites(text, world) == ["Kettlewick Bridge", "Ferrow Bridge"]


def test_deployments_stand_for_the_cameras_in_a_camera_report(world):
    text = (
        "Vans with face-scanning cameras visited the area this week.\n"
        "Over two days officers ran deployments in Brindlow and Hatchmere.\n"
        "The cameras compare faces with a list of wanted people."
    )
    assert sites(text, world) == ["Brindlow", "Hatchmere"]


def test_deployments_are_not_cameras_outside_a_camera_report(world):
    text = "The regiment returned from two deployments in Brindlow and Hatchmere."
    assert sites(text, world) == []


def test_places_named_after_locations_in_the_city_and_a_dash(world):
    text = (
        "For the cameras, officials chose three locations across the town \u2013 "
        "Kettlewick Bridge, Old Ferrow Bridge and Marrowgate Bridge."
    )
    assert sites(text, world) == ["Kettlewick Bridge", "Old Ferrow Bridge", "Marrowgate Bridge"]


def test_a_compass_word_before_a_town_names_a_district(world):
    text = "Gunshot detection cameras went up in north Leeds in 2019 and in east Leeds in 2021."
    assert sites(text, world) == ["north Leeds", "east Leeds"]


def test_a_town_alone_still_frames_the_story(world):
    text = "Leeds council installed new cameras at Brindlow Park."
    found = mentions(text, world)
    assert [m.text for m in found if m.role is Role.SITE] == ["Brindlow Park"]


def test_a_road_number_at_a_place_is_one_site(world):
    text = (
        "Two new speed cameras will go up on the A123 at Little Marshby "
        "and on the B4567 near Oakham Heath, the partnership said."
    )
    assert sites(text, world) == ["A123 at Little Marshby", "B4567 near Oakham Heath"]


def test_a_road_number_at_a_place_listed_without_a_locative(world):
    text = (
        "Camera posts go up next month on the A123 at Little Marshby, "
        "the A1234 at Brindlow and the A321 at Hatchmere."
    )
    assert sites(text, world) == [
        "A123 at Little Marshby",
        "A1234 at Brindlow",
        "A321 at Hatchmere",
    ]


def test_a_road_number_written_before_a_place_in_a_list(world):
    text = (
        "The locations of the new camera sites are:\n"
        "- A99 Hollowmere, Westshire\n"
        "- B812 Quarry Road, Upton\n"
        "- A77 west of Brindlow\n"
    )
    assert sites(text, world) == ["A99 Hollowmere", "B812 Quarry Road", "A77 west of Brindlow"]


def test_a_road_number_in_a_sentence_not_about_cameras_is_no_site(world):
    text = "Traffic on the A123 at Little Marshby was slow after a lorry broke down."
    assert sites(text, world) == []


def test_the_founders_of_a_camera_maker_are_no_sites(world):
    text = (
        "Bramble Vision, whose plant builds the cameras, was founded "
        "in 2011 by Ada Pell and Tom Rook."
    )
    assert sites(text, world) == []


def test_cameras_added_to_a_district_later(world):
    text = (
        "A camera arrived in north Leeds in 2019; the council added another to "
        "south Leeds two years later."
    )
    assert sites(text, world) == ["north Leeds", "south Leeds"]


def test_a_county_with_cameras_is_no_site(world):
    text = "Harrow County has 40 cameras of its own."
    assert sites(text, world) == []


def test_block_addresses_in_a_flattened_table_about_cameras(world):
    text = (
        "Camera sites 2200 Blk Alder Road NW speed June 2025 "
        "900 Blk Birch Street SE truck June 2025"
    )
    found = sites(text, world)
    assert len(found) == 2
    assert "Alder Road" in found[0] and "Birch Street" in found[1]


def test_a_bare_road_word_near_a_place_is_one_site(world):
    text = "A camera watches Mill Street, and another stands on the Bypass near Elmfield Drive."
    assert sites(text, world) == ["Mill Street", "Bypass near Elmfield Drive"]


def test_a_run_of_lines_naming_schools_in_a_camera_report(world):
    text = (
        "The council will use ANPR cameras to enforce school streets.\n"
        "The pilot starts in spring at three schools in the county.\n"
        "School streets close roads outside schools at drop-off times.\n"
        "Elmbrook Primary School\n"
        "Hill Top Academy, Upton\n"
        "Quarry Junior School\n"
    )
    assert sites(text, world) == [
        "Elmbrook Primary School",
        "Hill Top Academy",
        "Quarry Junior School",
    ]


def test_a_run_of_school_lines_outside_a_camera_report_is_no_list(world):
    text = (
        "The summer fair raised money for three schools.\n"
        "Elmbrook Primary School\n"
        "Hill Top Academy, Upton\n"
        "Quarry Junior School\n"
    )
    assert sites(text, world) == []


def test_cameras_moved_from_several_places_leave_them_all(world):
    text = (
        "Workers moved the cameras away from Larch Road in Upton, "
        "Wren Lane/Pike Street and Moss Road/Fern Avenue last month."
    )
    found = [m for m in mentions(text, world) if m.role is Role.SITE]
    assert [m.status for m in found] == ["relocated_from"] * 3


def test_a_position_on_a_street_after_a_comma_is_one_site(world):
    text = (
        "Cameras are planned for Larch Road, near the junction with Wren Lane, "
        "and on Moss Road - west of Fern Avenue."
    )
    assert sites(text, world) == [
        "Larch Road, near the junction with Wren Lane",
        "Moss Road - west of Fern Avenue",
    ]


def test_a_park_after_a_possessive_takes_the_locative(world):
    text = "Inspectors will check the cameras in the city's Elmfield Gardens next week."
    assert sites(text, world) == ["Elmfield Gardens"]


def test_residents_in_a_towns_street_are_no_locative(world):
    text = "Shoppers in Upton's Larch Road said the works were noisy."
    assert sites(text, world) == []


def test_places_listed_after_a_city_the_camera_goes_to(world):
    text = (
        "The noise camera sits on Larch Road now. "
        "Later the camera will be moved to Leeds, Hollowmere and Brindlow in turn."
    )
    found = sites(text, world)
    assert "Hollowmere" in found and "Brindlow" in found


def test_places_after_a_framing_town_are_not_listed_sites(world):
    text = "Police in Hollowmere, Westshire, say the new cameras help them."
    assert sites(text, world) == []


def test_a_year_between_listed_places_does_not_break_the_list(world):
    text = "Cameras went up in north Leeds in 2015, south Leeds in 2017 and east Leeds in 2018."
    assert sites(text, world) == ["north Leeds", "south Leeds", "east Leeds"]


def test_routes_monitored_in_a_camera_report_are_sites(world):
    text = (
        "Bus gate cameras go live in the city next week.\n"
        "Bus lanes at Hollowmere and Brindlow are to be monitored day and night.\n"
        "Drivers caught face a fine."
    )
    assert sites(text, world) == ["Hollowmere", "Brindlow"]


def test_a_town_centre_or_cbd_is_a_district(world):
    text = "The CCTV network covers Leeds CBD and several main roads."
    assert sites(text, world)[:1] == ["Leeds CBD"]


def test_the_area_the_sites_are_located_in_is_no_site(world):
    text = "The cameras put up in Hollowmere Park are located on Larch Road and Moss Avenue."
    assert "Hollowmere Park" not in sites(text, world)
    assert "Larch Road" in " ".join(sites(text, world))


def test_places_listed_after_a_city_the_cameras_are_spread_across_are_areas(world):
    text = "Number-plate cameras stand at 30 spots across Leeds, Hollowmere and Brindlow."
    assert sites(text, world) == []


def test_a_district_watched_by_cameras_gets_them(world):
    text = "In the evening, central Leeds is watched by 30 CCTV cameras."
    found = [m for m in mentions(text, world) if m.role is Role.SITE]
    assert [(m.text, m.count) for m in found] == [("central Leeds", 30)]


def test_a_road_number_before_a_street_with_a_leading_old(world):
    text = (
        "The locations of the new camera sites are:\n"
        "- B812 Old Quarry Road, Upton\n"
        "- A77 Larch Road\n"
    )
    assert sites(text, world) == ["B812 Old Quarry Road", "A77 Larch Road"]
