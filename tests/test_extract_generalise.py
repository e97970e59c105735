"""General rules for real reporting, third step (issue 15): each report here is invented.

Each test stands for a failure class seen on real reports nobody had tuned on:
a name followed by a lower-case place word, alone or after one plain word
(``Brackley landfill``, ``Ormsby police station``, ``Tarrow bus stand``), and the
guards that keep a name used as an adjective out.
"""

from __future__ import annotations

from conftest import mentions, sites

from campmap import Role
from campmap.extract.generic import find_generic
from campmap.extract.shapes import find_shapes
from campmap.gazetteer import Gazetteer


def test_a_name_and_a_lower_case_place_word_are_one_place():
    shapes = find_shapes("Work crews fitted poles at Brackley landfill and Tarrow bus stand.")
    assert [(h.text, h.shape.value) for h in shapes] == [
        ("Brackley landfill", "facility"),
        ("Tarrow bus stand", "facility"),
    ]


def test_one_plain_word_may_stand_before_the_place_word():
    shapes = find_shapes("Poles went up between Ormsby police station and the Quill village hall.")
    assert [h.text for h in shapes] == ["Ormsby police station", "Quill village hall"]


def test_a_function_word_before_the_place_word_ends_the_name():
    # "Ormsby near station": "near" is no part of a place's name.
    shapes = find_shapes("Officers said Ormsby near station was quiet.")
    assert "Ormsby near station" not in [h.text for h in shapes]


def test_a_name_used_as_an_adjective_stays_out():
    assert find_shapes("The Wessex firm said its staff were pleased.") == []


def test_sites_named_with_lower_case_place_words(world):
    text = (
        "The district police switched on 30 CCTV cameras on Monday. "
        "Eighteen cameras were installed at Tarrow bus stand and twelve at Ormsby police station."
    )
    found = sites(text, world)
    assert "Tarrow bus stand" in found
    assert "Ormsby police station" in found


def test_a_landfill_in_a_list_of_new_camera_sites(world):
    text = "The council will install CCTV cameras at Brackley landfill and Fenwold Lane."
    assert sites(text, world) == ["Brackley landfill", "Fenwold Lane"]


def statuses(text: str, gazetteer: Gazetteer) -> dict[str, str]:
    return {m.text: m.status for m in mentions(text, gazetteer) if m.role is Role.SITE}


def test_money_set_aside_to_install_is_a_plan(world):
    text = "The town council has set aside 8,000 pounds to install a CCTV camera at Orme Lane."
    assert statuses(text, world) == {"Orme Lane": "planned"}


def test_looking_at_putting_cameras_is_a_proposal(world):
    text = "Officers are looking at putting number plate cameras near Hollin Plaza."
    assert statuses(text, world) == {"Hollin Plaza": "proposed"}


def test_cameras_already_up_stay_installed(world):
    text = "Two CCTV cameras were installed at Orme Lane in March."
    assert statuses(text, world) == {"Orme Lane": "installed"}


def test_places_named_right_after_a_counted_word_for_sites(world):
    text = (
        "Police fitted security cameras at four bazaars Dhool Gate, Pellow Chowk and Sarn Market."
    )
    assert sites(text, world) == ["Dhool Gate", "Pellow Chowk", "Sarn Market"]


def test_a_list_after_locations_in_names_the_districts(world):
    text = "Officers switched on 40 CCTV cameras at 18 locations in Wenmore, Tolby and Pratt Hill."
    assert sites(text, world) == ["Wenmore", "Tolby", "Pratt Hill"]


def test_one_place_after_locations_in_is_only_the_area(world):
    text = "Officers switched on 40 CCTV cameras at 18 locations in Wenmore on Monday."
    assert sites(text, world) == []


def test_a_comma_list_goes_on_past_the_tail_of_an_item(world):
    text = (
        "New CCTV cameras will go up at several spots. "
        "These include the Holm to Pelling trail, Brackley landfill, Quarry Lane and Tarrow Depot."
    )
    found = sites(text, world)
    assert found[1:] == ["Brackley landfill", "Quarry Lane", "Tarrow Depot"]


def test_a_speaker_between_places_is_no_list(world):
    text = "Cameras went up at Quarry Lane, officers said on Friday, Brackley Road was next."
    assert "Brackley Road" not in sites(text, world)


def test_the_named_end_of_a_stretch_holds_the_cameras(world):
    # (With both ends named, the pair is read as a route; here one end is unnamed.)
    text = "Police put up 25 CCTV cameras on the stretch from the old mill to Tolby Bridge."
    assert sites(text, world) == ["Tolby Bridge"]


def test_a_journey_from_a_place_is_no_stretch(world):
    text = "The CCTV van drove from Wenmore Bridge to Tolby Mill on Monday."
    assert "Wenmore Bridge" not in sites(text, world)


def test_the_town_after_a_street_before_a_verb_is_its_locality(world):
    text = "Number plate cameras near the Swan pub in Orme Road, Quillford have been put forward."
    found = sites(text, world)
    assert "Orme Road" in found
    assert "Quillford" not in found


def test_a_site_named_by_a_common_noun(world):
    text = "The parish CCTV scheme began with two cameras at the village hall in Orbury."
    assert "village hall" in sites(text, world)


def test_a_common_noun_without_a_preposition_of_place_is_no_site(world):
    text = "The village hall hosted a meeting about CCTV cameras."
    assert "village hall" not in sites(text, world)
    assert find_generic("The village hall hosted a meeting.") == []
