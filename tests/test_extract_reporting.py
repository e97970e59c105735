"""Shapes of real reporting the extractor reads (issue 15): each report here is invented.

Each test stands for one general pattern seen in real camera reports: lists
opened by a sentence about the sites, lists run into one sentence, localities
after a street, places named after a word for sites, and the places that only
frame the story (the police of a town, a maker, a meeting venue, an incident).
"""

from __future__ import annotations

import pytest
from conftest import sites

from campmap import Role, extract, read_text
from campmap.sources import dedupe


def test_a_list_opened_after_a_sentence_naming_the_sites(world):
    text = (
        "Eight speed cameras will go up across the region.\n"
        "Transport officials published the locations of the new sites today.\n"
        "Here is the full list:\n"
        "Why drivers ignore the limit on rural roads\n"
        "- Bellfield Road, Larkhill, Westshire\n"
        "- Quarry Lane, Upton\n"
        "- Moor Road, Ashby, Westshire (eastbound)\n"
    )
    assert sites(text, world) == ["Bellfield Road", "Quarry Lane", "Moor Road"]


def test_a_list_run_into_one_sentence_with_dashes(world):
    text = (
        "The police have installed CCTV cameras at Clock Tower Chowk.\n"
        "The commissioner said the next point of installation would be\n"
        "\u2013 Gandhi Chowk, followed by\n"
        "\u2013 Nehru Chowk,\n"
        "\u2013 Station Chowk.\n"
    )
    found = sites(text, world)
    assert {"Gandhi Chowk", "Nehru Chowk", "Station Chowk"} <= set(found)


def test_roads_named_after_cameras_for_with_notes_in_brackets(world):
    text = (
        "The new cameras will join the average speed cameras for the N9 (Oak Bridge), "
        "N8 (Kilbride) and N7 (Ballyfin)."
    )
    assert {"N9", "N8", "N7"} <= set(sites(text, world))


def test_a_street_named_after_a_weekday_and_a_pronoun_sentence(world):
    text = (
        "Two CCTV cameras are to be added in the town centre.\n\n"
        "They will be placed on the Friday Street car park and Sheep Lane next month."
    )
    assert sites(text, world) == ["Friday Street car park", "Sheep Lane"]


def test_places_that_will_see_or_are_set_to_get_cameras(world):
    text = (
        "Average speed cameras are coming to two more roads.\n"
        "Brookfield Road will see cameras installed in May.\n"
        "Hollins Road is also set to get new cameras later in the year."
    )
    assert sites(text, world) == ["Brookfield Road", "Hollins Road"]


def test_places_that_share_the_cameras_they_get(world):
    text = "The committee agreed that Kilmore and Ballyduff will get CCTV cameras next year."
    assert sites(text, world) == ["Kilmore", "Ballyduff"]


def test_places_named_after_a_word_for_sites(world):
    text = (
        "The estate now has plate-reading cameras at two of its entrances, "
        "Ashgrove/Linden Way and Birch Hollow/Fern Drive."
    )
    found = " ".join(sites(text, world))
    assert "Ashgrove" in found and "Birch Hollow" in found


def test_flattened_crossings_stay_apart(world):
    text = (
        "Cameras now watch the following sites: corner of Elm and Vine Streets "
        "intersection of Pine and Vine Streets corner of Oak and Elm Streets."
    )
    assert sites(text, world) == [
        "Elm and Vine Streets",
        "Pine and Vine Streets",
        "Oak and Elm Streets",
    ]


def test_a_street_listed_after_places_that_narrow_the_one_before(world):
    text = (
        "Speed cameras were approved for Glen Road between Hill Road and Lake Drive; "
        "Park Avenue east of Mill Crescent; and Forest Drive North of Hill Road."
    )
    found = sites(text, world)
    assert found[0] == "Glen Road" and found[1] == "Park Avenue"
    assert found[2].startswith("Forest Drive")


def test_a_street_after_a_locality_is_still_listed(world):
    text = "Vandals toppled camera poles on Mill Road in Springfield and Tolland Rise in Westbury."
    assert sites(text, world) == ["Mill Road", "Tolland Rise"]


def test_a_centre_that_watches_areas(world):
    text = (
        "The city opened a new CCTV control centre on Monday.\n"
        "The centre also keeps an eye on areas in Bellville, Parow and Maitland."
    )
    assert {"Bellville", "Parow", "Maitland"} <= set(sites(text, world))


def test_the_police_of_a_town_frame_the_story(world):
    text = (
        "Police in Westbury, Massachusetts, are using new license plate cameras.\n"
        "Two cameras were installed in front of the Westbury Police Department."
    )
    assert sites(text, world) == ["Westbury Police Department"]


def test_makers_and_bodies_are_no_sites(world):
    text = (
        "Most of the council's cameras were made by Hikvision and 1% by Axis.\n"
        "New CCTV cameras follow a plan produced by Brightwater, at Mill Road."
    )
    assert sites(text, world) == ["Mill Road"]


def test_meeting_places_and_incident_places_are_no_sites(world):
    text = (
        "Councillors meeting at Ashford Town Hall approved six CCTV cameras for Bank Street.\n"
        "A man was stabbed on Elm Road last month, and police said the cameras on Bank Street "
        "would help."
    )
    assert sites(text, world) == ["Bank Street", "Bank Street"]


def test_the_town_in_the_address_is_the_setting(world):
    text = (
        "Source: https://news.example/ashford-cctv-plans\n\n"
        "More than 3,000 pounds will go on more CCTV cameras in Ashford.\n"
        "Cameras are planned for the Tanner Street and Rose Lane car parks.\n"
        "Quotes were sought for CCTV in Kings Road too."
    )
    found = sites(text, world)
    assert "Ashford" not in found
    assert {"Tanner Street", "Rose Lane", "Kings Road"} <= set(found)


def test_a_scottish_name_at_a_crossing_and_a_town_as_an_adjective(world):
    text = (
        "The town is putting licence plate cameras on its traffic lights.\n"
        "Crews fixed the first camera atop a Springfield traffic light at McDonald and Tatum."
    )
    found = sites(text, world)
    assert "McDonald" in " ".join(found)
    assert "Springfield" not in found


@pytest.mark.parametrize(
    ("intro", "status"),
    [
        ("The cameras will be activated in the following locations:", "planned"),
        ("The city will rotate six new speed cameras to these blocks:", "planned"),
        ("During the week of May 3, speed cameras will be in the following locations:", "deployed"),
    ],
)
def test_a_list_takes_the_status_its_intro_states(world, intro, status):
    text = f"{intro}\nHarbour Road @ Lincoln School\nMarket Street @ Bay Academy\n"
    doc = dedupe([read_text(text, "r.txt")], [])
    found = [m for m in extract(doc, world) if m.role is Role.SITE]
    assert len(found) == 2
    assert {m.status for m in found} == {status}
