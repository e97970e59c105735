"""any_of: the same yes-or-no answers as the plain union of its patterns, faster."""

from __future__ import annotations

import re

import pytest

from campmap.extract.anyof import any_of
from campmap.extract.kinds import clause_status, kind_text

PATTERNS = [
    r"\b(?:damag(?:e|ed|ing)|cut\s+down|set\s+(?:alight|on\s+fire))\b",
    r"\b(?:anpr|alpr|a?lprs?)\b|licen[cs]e[\s-]plate|\bflock\b",
    r"(?:is|are)\s+to\s+(?:be|install)\b|[a-z]+ed\s+cameras?",
    r"red[\s-]light|(?:north|south)bound",
    r"\b(?:will\s+(?:then\s+)?be\s+(?:[a-z]+ed|put\s+up))\b",
]
TEXTS = [
    "the cameras were damaged overnight",
    "an undamaged camera",
    "plate readers and lprs on the bypass",
    "the alprs were moved; anprish is not a word",
    "a license-plate camera, a flocked wall",
    "cameras are to be fitted; they are to install",
    "northbound traffic at the red light",
    "poles will then be put up near the school",
    "nothing here at all",
    "",
    "setalight",
    "the van was set on fire",
    "mounted cameras",
]


@pytest.mark.parametrize("text", TEXTS)
def test_any_of_answers_as_the_union_does(text: str) -> None:
    union = re.compile("|".join(f"(?:{p})" for p in PATTERNS))
    assert bool(any_of(PATTERNS).search(text)) == bool(union.search(text))


def test_word_boundaries_are_kept_inside_a_group() -> None:
    test = any_of([r"\bcar\b", r"\bcctv\b"])
    assert test.search("a car park") and test.search("cctv")
    assert not test.search("scar") and not test.search("abcctv")


def test_the_status_and_kind_tests_still_answer() -> None:
    assert clause_status("the camera was vandalised last week") == "damaged"
    assert clause_status("a camera at the park") is None
    assert kind_text("Flock cameras", "flock cameras") == "Flock cameras"
