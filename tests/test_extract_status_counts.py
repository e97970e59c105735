"""Statuses and per-site counts as real reports word them (issue 15).

Every report here is invented, with invented places; each test stands for one
general way a report gives a site its status or its count of cameras.
"""

from __future__ import annotations

from conftest import mentions

from campmap import Role
from campmap.extract.kinds import clause_status


def _sites(text, gazetteer):
    return {m.text: m for m in mentions(text, gazetteer) if m.role is Role.SITE}


def test_what_cameras_will_do_there_is_future():
    assert clause_status("the new cameras will focus on mill road") == "planned"
    assert clause_status("cameras will record every car on quarry lane") == "planned"


def test_cameras_being_put_up_now_are_planned():
    assert clause_status("the council is installing the new cameras at fennick park") == "planned"
    assert clause_status("work is underway to install cameras at mill road") == "planned"


def test_hopes_and_costs_are_proposals():
    assert clause_status("it would cost 9,000 to set up a camera at the green") == "proposed"
    assert clause_status("i'd be keen that we used them on mill road") == "proposed"
    assert clause_status("junctions on mill road could soon be watched") == "proposed"


def test_a_list_takes_the_verb_after_its_last_place(world):
    text = (
        "Cameras at Alderbrook Park, Fennick Park and Holloway Park have been "
        "prioritised in the town's next camera roll-out."
    )
    found = _sites(text, world)
    assert {found[n].status for n in ("Alderbrook Park", "Fennick Park", "Holloway Park")} == {
        "planned"
    }


def test_places_after_a_semicolon_share_the_verb_before_it(world):
    text = (
        "Average speed cameras will be put up on Mill Road from the bridge to the school; "
        "on Quarry Lane from the farm to the church; and on Tanners Row."
    )
    found = _sites(text, world)
    assert (found["Quarry Lane"].status, found["Tanners Row"].status) == ("planned", "planned")


def test_a_place_in_a_fronted_phrase_takes_the_main_verb(world):
    text = "To curb speeding on Quarry Lane, the council will install two cameras next year."
    assert _sites(text, world)["Quarry Lane"].status == "planned"


def test_a_place_that_has_cameras_holds_their_count(world):
    text = (
        "The residents say Fennick Park already has 12 street cameras in place and 30 "
        "went up in Alderbrook Park last year."
    )
    assert _sites(text, world)["Fennick Park"].count == 12


def test_looking_at_other_areas_is_a_proposal():
    assert clause_status("we're looking at other areas such as mill road") == "proposed"


def test_police_deploy_is_a_deployment_but_a_camera_named_rapid_deployment_is_not():
    assert clause_status("police deploy face scanning at the market") == "deployed"
    assert clause_status("a rapid deployment camera was installed in the park") == "installed"


def test_dates_times_and_camera_locations_are_not_counts():
    from campmap.extract.counts import camera_counts

    assert camera_counts("04 Mar CCTV cameras to be put up in the park", True) == []
    assert camera_counts("Updated 09:41 GMT Speed camera set alight", True) == []
    assert camera_counts("officers picked out six camera locations to study", True) == []


def test_a_number_in_another_clause_is_not_the_count_of_a_place_before_it(world):
    text = (
        "Two cameras went up at Fennick Park in May. Speed cameras will also go up on "
        "Quarry Lane, as well as 20 more cameras across the county."
    )
    found = _sites(text, world)
    assert (found["Fennick Park"].count, found["Quarry Lane"].count) == (2, None)


def test_a_camera_burnt_by_vandals_is_damaged():
    assert clause_status("a burning tyre was left on top of the camera on mill road") == "damaged"
    assert clause_status("vandals torched the speed camera on quarry lane") == "damaged"


def test_a_town_with_its_own_count_in_a_list_of_counts_is_a_site(world):
    text = (
        "The minister said about 400 traffic cameras have gone up across Brackwell, "
        "80 in Hollinsford, 45 in Dunmore and 30 in Corrick Bay."
    )
    found = _sites(text, world)
    assert [found[n].count for n in ("Brackwell", "Hollinsford", "Dunmore", "Corrick Bay")] == [
        400,
        80,
        45,
        30,
    ]


def test_a_clause_with_a_subject_of_its_own_is_not_the_verb_of_a_list(world):
    text = "The scheme puts 30 cameras across Fennick Park, and more are planned for Mill Road."
    assert _sites(text, world)["Fennick Park"].status == "installed"


def test_an_adverb_between_will_and_the_verb():
    assert clause_status("cameras will thoroughly cover the junction of mill road") == "planned"
