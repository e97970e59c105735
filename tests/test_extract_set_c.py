"""General rules for real reporting, set C (issue 15): each report here is invented.

Each test stands for a failure class seen on real reports nobody had tuned on:
a title alone before a colon (``Governor: ...``) is a person, a name used as an
adjective with an aside in brackets (``an Ashby (county) permit``), a place
where a crime happened, and a question put to a speaker (``asked whether the
cameras would be in X``) name no camera site.
"""

from __future__ import annotations

from conftest import sites

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
