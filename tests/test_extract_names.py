"""Name finding on real reporting (issue 15, fourth step): each report here is invented.

Three failure classes of the capitalised-run reader: a headline's last name
running into the next line, a street lost after a road number, and a village
whose name starts with a title word read as a person.
"""

from __future__ import annotations

from conftest import sites

from campmap import Role, extract, read_text
from campmap.extract.shapes import find_shapes
from campmap.gazetteer import Gazetteer
from campmap.sources import dedupe


def shapes(text: str) -> list[tuple[str, str]]:
    return [(h.text, h.shape.value) for h in find_shapes(text)]


def test_a_headline_name_stops_at_a_lede_in_capitals():
    text = "Two cameras planned for the lane by Brookvale Green\nSIX months after the crash"
    assert shapes(text) == [("Brookvale Green", "street")]


def test_a_title_case_heading_stops_at_the_line_break():
    text = "New Cameras at Oakfield Park\nResidents asked for them in May."
    assert shapes(text) == [("Oakfield Park", "facility")]


def test_a_wrapped_prose_line_still_joins_a_street_name():
    assert shapes("new cameras on Tollbar\nRoad near the school") == [("Tollbar\nRoad", "street")]


def test_a_headline_site_is_found_without_the_next_line(world):
    text = (
        "Speed cameras to go in near Brookvale Stadium\n"
        "FOUR new speed cameras are to be installed on Mill Lane, the council said."
    )
    assert "Brookvale Stadium" in sites(text, world)


def test_a_road_number_and_the_street_after_it_are_both_found():
    found = shapes("A camera will go up on the B612 Quarrymoor Road near the school.")
    assert found[:2] == [("B612", "road"), ("Quarrymoor Road", "street")]


def test_a_road_number_before_a_plain_name_keeps_it_out():
    assert shapes("there were delays on the A19 after a crash.") == [("A19", "road")]


def test_a_title_word_before_a_place_suffix_is_a_village():
    assert ("Earl Pendham", "name") in shapes("Cameras go up at Earl Pendham and Brome.")
    assert ("Bishop Wrexford", "name") in shapes("Cameras go up at Bishop Wrexford and Brome.")


def test_a_title_word_before_a_known_town_is_a_village():
    assert ("Kings Hinton", "name") in shapes("Cameras go up at Kings Hinton and Brome.")


def test_a_title_before_a_plain_surname_is_still_a_person():
    assert shapes("Earl Grey said the cameras work.") == []
    assert shapes("Mayor Hinton said the cameras work.") == []


def test_a_village_after_a_road_number_is_a_site(world):
    text = "Speed cameras will be installed on the A140 at Earl Pendham and at Brome."
    assert any("Earl Pendham" in s for s in sites(text, world))


def test_a_long_headline_is_not_joined_to_the_lede_in_capitals():
    from campmap.sources.clean import clean_text

    text = (
        "Speed cameras to be installed across the county, with one near Brookvale Stadium\n"
        "OVER 20 new speed cameras are set to be installed as police target speeding.\n"
        "The money comes from the road safety fund and was agreed last week."
    )
    assert clean_text(text).split("\n\n")[0].endswith("Brookvale Stadium")


def test_a_hard_wrapped_paragraph_is_still_joined():
    from campmap.sources.clean import clean_text

    text = (
        "The parish council agreed on Monday that two more cameras would go\n"
        "up on the green, after residents asked for them at the meeting last\n"
        "month, the clerk said."
    )
    assert "\n" not in clean_text(text)


FLAT_TABLE = (
    "The county announced the planned rollout of six speed cameras on its worst roads.\n\n"
    "The new camera sites and dates are as follows:\n\n"
    "Site Camera Type Deployment Date 200 Blk Quarry Road West Speed June 2025 "
    "Fenmoor Lane near Pike Street Speed July 2025 300 Blk Saltmarsh Avenue Speed July 2025"
)


def statuses(text: str, gazetteer: Gazetteer) -> dict[str, str]:
    found = extract(dedupe([read_text(text, "r.txt")], []), gazetteer)
    return {m.text: m.status for m in found if m.role is Role.SITE}


def test_flattened_table_rows_take_the_report_status_not_the_header_word(world):
    found = statuses(FLAT_TABLE, world)
    assert found, found
    assert set(found.values()) == {"planned"}, found


def test_a_sentence_about_a_deployment_keeps_its_status(world):
    text = "Police deployed a camera van on Quarry Road on Friday."
    assert statuses(text, world) == {"Quarry Road": "deployed"}
