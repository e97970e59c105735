"""General rules for real reporting (issue 15, set I): each report here is invented.

Each test stands for a failure class of sites missed in a report nobody had
tuned on: a list of locations opened after a fronted phrase (``According to
the plan, locations could include``) or by ``sites being covered are``; a
list of roads that goes on past a route inside it (``X, which runs from A to
B, Y and Z``); a place described between its article and its name (``along
the newly paved X``); and readers ``posted along`` or ``added along`` a road.
"""

from __future__ import annotations

from conftest import sites

from campmap.gazetteer import Gazetteer

_GRANT = "Police in Sallowby will buy licence plate reader cameras with a state grant.\n\n"


def test_locations_that_could_be_included_after_a_fronted_phrase(world: Gazetteer):
    text = _GRANT + (
        "According to the grant contract, locations could include Harrow Road (State Route 9), "
        "Plume Road (State Route 12) and Tarn Pike (State Route 40)."
    )
    assert sites(text, world) == ["Harrow Road", "Plume Road", "Tarn Pike"]


def test_sites_being_covered_are_the_sites(world: Gazetteer):
    text = _GRANT + "Additional sites being covered are the Quell Bridge and Sorrel Market."
    assert sites(text, world) == ["Quell Bridge", "Sorrel Market"]


def test_a_list_of_roads_goes_on_past_a_route_inside_it(world: Gazetteer):
    text = (
        "Night speed cameras will be spread out to busy roads, including the Amber Road that "
        "runs from Brackwold to Tillmouth, the Osk road, Fallow Road and Gannet Road."
    )
    found = sites(text, world)
    assert found == ["Amber Road", "Osk road", "Fallow Road", "Gannet Road"]


def test_words_describing_a_road_between_its_article_and_its_name(world: Gazetteer):
    text = _GRANT + "The first camera will be installed on the newly paved Wicket Street."
    assert sites(text, world) == ["Wicket Street"]


def test_readers_posted_along_a_road_and_more_added_along_another(world: Gazetteer):
    text = _GRANT + (
        "The reader will be posted along Cask Avenue, the chief said. "
        "The department hopes to add more readers along the Loam corridor."
    )
    assert sites(text, world) == ["Cask Avenue", "Loam corridor"]
