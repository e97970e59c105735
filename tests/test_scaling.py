"""Work in proportion to the input: a sentence four times as long takes about four times as long.

Nothing here asserts on time itself. Each test measures the CPU time of the
same step on an input of size n and of size 4n (best of a few runs, the
garbage collector paused) and compares the two: linear work grows about 4
times, quadratic work 16 times. :data:`GROWTH_LIMIT` sits between the two, so
a loaded machine, which slows both runs alike, does not change the answer.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

import pytest

from campmap import extract, read_text
from campmap.extract.reread import reread
from campmap.sources import dedupe, source_from_bytes

GROWTH_LIMIT = 8.0
"""Largest ratio of CPU time at 4n to CPU time at n counted as linear (4 linear, 16 quadratic)."""
RUNS = 5


def _cpu_seconds(work: Callable[[], object], runs: int = RUNS, *, enough: float = 0.0) -> float:
    """Best CPU time of ``work`` over ``runs`` runs (stopping early once under ``enough``)."""
    best = float("inf")
    enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(runs):
            start = time.process_time()
            work()
            best = min(best, time.process_time() - start)
            if best < enough:
                break
    finally:
        if enabled:
            gc.enable()
    return best


def growth(make: Callable[[int], Callable[[], object]], n: int) -> float:
    """Return CPU time of ``make(4 * n)()`` over that of ``make(n)()``."""
    small = _cpu_seconds(make(n))
    large = _cpu_seconds(make(4 * n), enough=GROWTH_LIMIT * small)
    print(f"n={n}: {small:.4f} s, 4n: {large:.4f} s, growth {large / small:.1f}")
    return large / small


def _roads(n: int) -> str:
    return "Cameras were put up on " + ", ".join(f"A{i % 9000 + 1}" for i in range(n)) + "."


SENTENCES: dict[str, Callable[[int], str]] = {
    # Road numbers (places even when no gazetteer knows them), listed after a locative.
    "a list of road numbers": _roads,
    "road numbers with no comma": lambda n: _roads(n).replace(",", ""),
    # Each place asks whether a negation or "moved from" comes before it in its clause.
    "names after a negation": lambda n: (
        "No cameras were moved from "
        + " and ".join(["Market Square", "High Street", "the Mall"][i % 3] for i in range(n))
        + "."
    ),
    # Numbers, each with a clause of its own, and places before them.
    "numbers and places": lambda n: (
        "Cameras at Mill Road; " + "; ".join(f"5 cameras on A{i + 1}" for i in range(n)) + "."
    ),
    # Route ends: "from A to B" after a route word, many times.
    "route ends": lambda n: (
        "The route along "
        + " ".join(f"from A{i + 1} to A{i + 2}" for i in range(n))
        + " has cameras."
    ),
    # A label or "gets" phrase is looked for after each place.
    "places followed by words": lambda n: (
        "Cameras: " + " ".join(f"A{i + 1}, on a b c d" for i in range(n))
    ),
}


@pytest.mark.parametrize("name", SENTENCES)
def test_extraction_time_grows_in_proportion_to_the_sentence(town, name):
    def make(n: int) -> Callable[[], object]:
        document = dedupe([read_text(SENTENCES[name](n), "r.txt")], [])
        assert len(document.sentences) == 1
        return lambda: extract(document, town)

    assert growth(make, 1_000) < GROWTH_LIMIT


def test_markdown_links_are_read_in_time_in_proportion_to_the_text():
    def make(n: int) -> Callable[[], object]:
        data = ("Cameras on Mill Road. " + "[" * n + "\n\n" + "[a](" * n).encode()
        return lambda: source_from_bytes(data, "r.md", ".md")

    assert growth(make, 5_000) < GROWTH_LIMIT


def test_the_learned_reading_grows_in_proportion_to_the_sentence(town):
    # Each mention reads only the words around it, not its whole sentence again.
    def make(n: int) -> Callable[[], object]:
        document = dedupe([read_text(_roads(n), "r.txt")], [])
        mentions = extract(document, town)
        return lambda: reread(mentions)

    assert growth(make, 1_000) < GROWTH_LIMIT
