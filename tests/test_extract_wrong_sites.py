"""General rules against wrong sites found in real reports: each report here is invented.

Each test stands for a class of wrong site: a place before an inverted
``, said Jo Smith`` taken for the speaker, a list of places cameras are moved
from whose later items lose that status, a day of a month read as a numbered
street, a photo credit's name, a line's label word, an organisation named like
a building or a police force named like a town, and a town whose name holds
``in`` cut into two places.
"""

from __future__ import annotations

from conftest import mentions, sites

from campmap.gazetteer import Gazetteer
from campmap.records import Role


def test_a_place_before_an_inverted_said_is_no_person(world: Gazetteer):
    text = (
        "Cameras will go up across the county, including in Tansy Vale and Orrin Heights, "
        "Brackwold and Quillan, said Jo Marsh."
    )
    found = sites(text, world)
    assert "Quillan" in found and "Jo Marsh" not in found


def test_a_village_before_said_and_a_title_is_no_person(world: Gazetteer):
    text = "The parish wants to put CCTV in the Pellow Village, said committee member Jo Marsh."
    assert sites(text, world) == ["Pellow Village"]


def test_the_speaker_before_said_is_still_a_person(world: Gazetteer):
    text = "The council leader, Jo Marsh, said the cameras will go up on Quarry Lane."
    assert sites(text, world) == ["Quarry Lane"]


def test_every_item_of_a_moved_from_list_is_relocated_from(world: Gazetteer):
    text = (
        "The two old cameras will be moved from Quarry Lane in Westminster, "
        "Tansy Road/Orrin Avenue and Pellow Road/Harl Street."
    )
    found = {m.text: m.status for m in mentions(text, world) if m.role is Role.SITE}
    assert found == {
        "Quarry Lane": "relocated_from",
        "Tansy Road/Orrin Avenue": "relocated_from",
        "Pellow Road/Harl Street": "relocated_from",
    }


def test_an_ordinal_before_a_month_is_a_date(world: Gazetteer):
    text = (
        "New speed cameras are coming to Quarry Lane:\n\n"
        "- Installation of the cameras is due on 14th March\n\n"
        "- Camera trials run from 16th to 23rd March\n\n"
        "- The cameras go live on the 1st of April"
    )
    assert sites(text, world) == ["Quarry Lane"]


def test_numbered_streets_stay_streets(world: Gazetteer):
    text = "Police put cameras on 5th Street and 109th Avenue."
    assert sites(text, world) == ["5th Street", "109th Avenue"]


def test_a_photo_credit_names_no_site(world: Gazetteer):
    text = (
        "Cameras went up on Quarry Lane. [Photo: Mara Velden \u2013 Stockpics]\n\n"
        "More cameras went up on Harl Street (Picture: Tom Arlow / Newsdesk)."
    )
    assert sites(text, world) == ["Quarry Lane", "Harl Street"]


def test_a_line_label_is_no_site(world: Gazetteer):
    text = (
        "Mobile speed cameras will patrol these routes this month:\n\n"
        "Route: Tansy Road to Orrin Avenue, Brackwold\n\n"
        "Fines for 10km/h over: $120\n\n"
        "Route: Pellow Road"
    )
    assert sites(text, world) == ["Tansy Road", "Pellow Road"]


def test_an_information_centre_is_an_organisation(world: Gazetteer):
    text = "The camera alerts are sent through the Regional Crime Information Centre."
    assert sites(text, world) == []


def test_the_garda_is_no_town(world: Gazetteer):
    text = "The cameras, installed by the Garda, went up on Quarry Lane."
    assert sites(text, world) == ["Quarry Lane"]


def test_a_town_named_with_in_is_one_place(world: Gazetteer):
    text = "The new cameras will be installed in Barrow in Furness."
    assert sites(text, world) == ["Barrow in Furness"]


def test_a_place_before_said_and_the_speakers_post_is_no_person(world: Gazetteer):
    text = "Cameras will go up in Brackwold and Quillan, said the parish's chair, Jo Marsh."
    assert sites(text, world) == ["Brackwold", "Quillan"]


def test_a_bureau_of_something_is_an_organisation(world: Gazetteer):
    text = "Camera hits are shared through the Federal Bureau of Investigation."
    assert sites(text, world) == []


def test_a_day_after_a_month_or_the_is_a_date(world: Gazetteer):
    text = (
        "New cameras will be installed on Quarry Lane on March 14th and 15th, "
        "and switched on on the 20th."
    )
    assert sites(text, world) == ["Quarry Lane"]


def test_an_agency_photo_credit_names_no_site(world: Gazetteer):
    text = "Cameras went up on Harl Street last week (AP Photo/Tom Arlow)."
    assert sites(text, world) == ["Harl Street"]


def test_a_photo_of_a_site_in_brackets_still_names_it(world: Gazetteer):
    text = "Cameras went up in town last week (photos of the cameras on Harl Street)."
    assert sites(text, world) == ["Harl Street"]


def test_a_moved_from_list_past_a_bracketed_locality_or_from_again(world: Gazetteer):
    texts = (
        "The old cameras will be moved from their current sites at Quarry Lane in Brackwold, "
        "Tansy Road/Orrin Avenue and Pellow Road/Harl Street.",
        "The old cameras will be moved from Quarry Lane (Brackwold), "
        "Tansy Road/Orrin Avenue and Pellow Road/Harl Street.",
        "The old cameras will be moved from Quarry Lane, from Tansy Road/Orrin Avenue "
        "and from Pellow Road/Harl Street.",
    )
    for text in texts:
        found = {m.text: m.status for m in mentions(text, world) if m.role is Role.SITE}
        assert found == dict.fromkeys(
            ["Quarry Lane", "Tansy Road/Orrin Avenue", "Pellow Road/Harl Street"], "relocated_from"
        ), text


def test_a_place_before_a_titled_speaker_and_said_is_no_person(world: Gazetteer):
    text = "The parish wants to put CCTV in the Pellow Village, Councillor Jo Marsh said."
    assert sites(text, world) == ["Pellow Village"]
