"""End to end on the bundled example reports (written by us, in data/examples/)."""

from __future__ import annotations

import pandas as pd
import pytest

import campmap


@pytest.fixture(scope="module")
def layers():
    return campmap.map_reports(campmap.example_paths())


def counts(layers):
    return {
        row["name"]: (None if row["count"] is pd.NA else int(row["count"]))
        for _, row in layers.sites.iterrows()
    }


def test_sites_and_counts(layers):
    assert counts(layers) == {
        "Cenotaph": 3,
        "Downing Street": 2,
        "Horse Guards Parade": None,
        "Banqueting House": None,
        "Leicester Square": 4,
        "Shaftesbury Avenue": 6,
        "Piccadilly Circus": 2,
        "Covent Garden": None,
        "Charing Cross Road": None,
    }


def test_route_along_whitehall_counted_once(layers):
    (route,) = layers.routes.itertuples()
    assert route.name == "Trafalgar Square to Parliament Square"
    assert route.count == 12 and route.mentions == 3  # headline, text and caption: counted once
    assert route.follows == "follows Whitehall"


def test_misspelling_and_restated_caption(layers):
    shaftesbury = layers.sites[layers.sites["name"] == "Shaftesbury Avenue"].iloc[0]
    assert shaftesbury["written_as"] == "Shaftsbury Avenue" and shaftesbury["match"] == "fuzzy"
    leicester = layers.sites[layers.sites["name"] == "Leicester Square"].iloc[0]
    assert leicester["mentions"] == 2 and leicester["count"] == 4


def test_places_that_are_not_sites(layers):
    context = {m.text for m in layers.mentions if m.role is campmap.Role.CONTEXT}
    assert {"Manchester", "Soho", "Victoria Street", "Westminster City Council"} <= context
    assert not layers.unresolved
