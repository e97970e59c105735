"""General rules for real reporting, set C (issue 15): each report here is invented.

Each test stands for a failure class seen on real reports nobody had tuned on:
a title alone before a colon (``Governor: ...``) is a person, a name used as an
adjective with an aside in brackets (``an Ashby (county) permit``), a place
where a crime happened, and a question put to a speaker (``asked whether the
cameras would be in X``) name no camera site.
"""

from __future__ import annotations

from conftest import mentions, sites

from campmap.gazetteer import Gazetteer


def test_a_title_before_a_colon_is_a_person_not_a_place(world: Gazetteer) -> None:
    text = (
        "Governor: state to put CCTV cameras on trunk roads\n\n"
        "The state will put cameras on its trunk roads, the governor said on Monday."
    )
    assert sites(text, world) == []


def test_a_name_as_an_adjective_with_a_bracketed_aside(world: Gazetteer) -> None:
    text = (
        "The readers send an alert when a car named in a Hawley (regional) or national "
        "bulletin passes a camera on Tenby Road."
    )
    assert "Hawley" not in sites(text, world)


def test_where_a_crime_was_committed_is_no_site(world: Gazetteer) -> None:
    text = (
        "The sergeant said that if a burglary was committed in Harwick and the van stayed "
        "in Harwick, no camera could have seen it."
    )
    assert sites(text, world) == []


def test_a_question_put_to_a_speaker_names_no_site(world: Gazetteer) -> None:
    text = (
        "Asked whether the cameras would be only in the town centre of Harwick, the "
        "minister said they would be on main roads across the country."
    )
    assert sites(text, world) == []


def test_a_road_shared_by_several_sites_gives_them_to_the_places_beside_it(
    world: Gazetteer,
) -> None:
    text = (
        "Four cameras will go along the Hale and Orrin Motorways.\n"
        "The three new camera sites are:\n"
        "- Hale Motorway near Tor Road, Brinley (eastbound)\n"
        "- Hale Motorway near Bellcombe Street (eastbound)\n"
        "- Orrin Motorway near Dapple Road (westbound)\n"
        "- Orrin Motorway near Fell Street (westbound)\n"
    )
    found = sites(text, world)
    assert "Hale Motorway" not in found
    assert not {"Hale", "Orrin Motorways", "Hale and Orrin Motorways"} & set(found)
    assert {"Tor Road", "Bellcombe Street"} <= set(found)


def test_a_road_whose_cameras_are_then_placed_one_by_one(world: Gazetteer) -> None:
    text = (
        "In March two speed cameras were burnt out on the B712 - one at Fenby Cross and "
        "the other on Holt Hill."
    )
    found = sites(text, world)
    assert "B712" not in found
    assert {"Fenby Cross", "Holt Hill"} <= set(found)


def test_a_bare_road_number_that_heads_another_sites_name(world: Gazetteer) -> None:
    text = (
        "Average speed cameras are being fitted at these places:\n"
        "- B318 and A712 through Fenby and Wexham\n"
        "- A712 Holt to Wexham Services\n"
    )
    found = sites(text, world)
    assert "A712" not in found
    assert "B318" in found


def test_an_offence_on_a_list_is_no_place(world: Gazetteer) -> None:
    text = (
        "The new cameras on Dapple Road can catch:\n- Tailgating\n- Speeding\n"
        "- Phone use at the wheel\n"
    )
    found = sites(text, world)
    assert "Speeding" not in found
    assert "Tailgating" not in found


def test_an_account_or_an_act_is_no_place(world: Gazetteer) -> None:
    text = (
        "Fines from the cameras on Dapple Road go into the Safer Lanes Trust Account, "
        "as the Quiet Roads Act requires."
    )
    found = sites(text, world)
    assert "Safer Lanes Trust Account" not in found
    assert "Quiet Roads Act" not in found


def test_a_hyphenated_no_is_no_negation(world: Gazetteer) -> None:
    text = (
        "Cameras used for the No-Stop Lane Rule were found with their cables cut along "
        "Tarn Boulevard Esker."
    )
    assert sites(text, world) == ["Tarn Boulevard Esker"]


def test_roads_in_a_region_such_as_a_list_are_examples_of_sites(world: Gazetteer) -> None:
    text = (
        "The scheme uses cameras installed to watch for violations on main roads in the "
        "capital region, such as Orrin Avenue, Tarn Boulevard and Fell Highway."
    )
    assert sites(text, world) == ["Orrin Avenue", "Tarn Boulevard", "Fell Highway"]


def test_a_street_named_after_a_person_with_jr_stays_whole(world: Gazetteer) -> None:
    text = (
        "The town will put six cameras on streets like Elm Row and Walter Ames Jr. Drive. "
        "The aim is to cut thefts."
    )
    found = sites(text, world)
    assert "Walter Ames Jr. Drive" in found


def test_the_stretch_between_two_places_is_no_crossing(world: Gazetteer) -> None:
    text = (
        "Police put cameras at junctions such as Tarn Circle and Orrin Cross. "
        "The stretch between Tarn and Orrin had fewer than 50 cameras until now."
    )
    found = [m.text for m in mentions(text, world)]
    assert "Tarn and Orrin" not in found


def test_the_latest_attack_in_a_report_about_camera_attacks(world: Gazetteer) -> None:
    text = (
        "Three speed cameras near Fenby have been burnt out since the spring.\n\n"
        "The latest incident was on the B712 Holt Road, near Fenby, on Monday night.\n\n"
        "The camera partnership said the damage would cost thousands to put right."
    )
    assert "B712 Holt Road" in sites(text, world)
