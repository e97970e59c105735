"""The gazetteer's own parts: the backend registry the loader uses, and the geocoder's pacer."""

import threading

import pytest

from campmap import GazetteerError
from campmap.gazetteer import load_gazetteer_file
from campmap.gazetteer.backends.geocoder_pacing import RequestPacer
from campmap.gazetteer.load import BACKENDS, SUFFIXES


def test_every_suffix_names_a_registered_backend():
    assert {name for _, name in SUFFIXES} <= BACKENDS.keys()


@pytest.mark.parametrize("suffix", [".csv", ".CSV", ".geojson", ".json"])
def test_the_loader_makes_the_backend_registered_for_the_suffix(tmp_path, suffix):
    path = tmp_path / f"mine{suffix}"
    if suffix.lower() == ".csv":
        path.write_text("name,lat,lon\nMill Lane,51.5,-0.1\n", encoding="utf-8")
    else:
        path.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    name = dict(SUFFIXES)[suffix.lower()]
    backend = load_gazetteer_file(path)
    assert type(backend) is BACKENDS[name]
    assert backend.name == path.name


def test_a_file_the_registry_cannot_read_names_the_valid_suffixes(tmp_path):
    with pytest.raises(GazetteerError, match=r"mine\.txt: unknown gazetteer format '\.txt'"):
        load_gazetteer_file(tmp_path / "mine.txt")


class FakeTime:
    """A clock that only moves when slept on (or told to)."""

    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_the_first_request_goes_at_once_and_later_ones_wait_the_rest_of_the_delay():
    fake = FakeTime()
    pacer = RequestPacer(1.0, clock=fake.clock, sleep=fake.sleep)
    pacer.wait()
    assert fake.slept == []
    fake.now += 0.25  # the request took a quarter of a second
    pacer.wait()
    assert fake.slept == [0.75]
    fake.now += 5.0  # long after: no wait
    pacer.wait()
    assert fake.slept == [0.75]
    pacer.wait()
    assert fake.slept == [0.75, 1.0]


def test_requests_from_threads_are_spaced_too():
    starts: list[float] = []
    lock = threading.Lock()
    fake = FakeTime()

    def sleep(seconds: float) -> None:
        with lock:
            fake.sleep(seconds)

    pacer = RequestPacer(0.5, clock=fake.clock, sleep=sleep)

    def ask() -> None:
        pacer.wait()
        with lock:
            starts.append(fake.now)

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(starts) == 4
    assert pacer.last is not None and pacer.last >= 100.0 + 3 * 0.5
