"""Online geocoders, against a real HTTP server on 127.0.0.1 that answers like Nominatim."""

from __future__ import annotations

import itertools
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, quote, quote_plus, urlsplit

import pytest
from click.testing import CliRunner
from conftest import load_json, write
from nominatim_server import Nominatim

from campmap import map_reports
from campmap.cli.main import cli
from campmap.gazetteer import default_gazetteer
from campmap.gazetteer.backends.geocoder import GeocoderBackend, GeocoderConfigError, redact
from campmap.gazetteer.backends.geocoder_cache import GeocodeCache
from campmap.gazetteer.online import REGION_MARGIN_DEG

AGENT = "campmap-tests/1.0 (tests@example.invalid)"
REPORT = (
    "Police installed two CCTV cameras on Whitehall and three cameras at Zanzibar Lane. "
    "Four cameras were put up on Quillfeather Road, and one camera at Broken Lane.\n"
)


@pytest.fixture
def server():
    nominatim = Nominatim(slow_seconds=1.0, busy_times=2).start()
    yield nominatim
    nominatim.stop()


def backend(server, tmp_path, **options):
    settings = {
        "user_agent": AGENT,
        "domain": server.domain,
        "scheme": "http",
        "cache": tmp_path / "cache.sqlite",
        "min_delay_seconds": 0.05,
        "timeout": 0.4,
        "max_retries": 2,
        "backoff_seconds": 0.05,
    }
    settings.update(options)
    return GeocoderBackend("nominatim", **settings)


@pytest.mark.parametrize("agent", [None, "", "  ", "geopy/2.5.0", "my_user_agent/1.0", "campmap"])
def test_default_or_empty_user_agent_is_refused(agent, tmp_path):
    with pytest.raises(GeocoderConfigError, match="needs --user-agent"):
        GeocoderBackend("nominatim", user_agent=agent, cache=tmp_path / "c.sqlite")


def test_cli_refuses_a_geocoder_without_user_agent(tmp_path, monkeypatch):
    monkeypatch.delenv("CAMPMAP_USER_AGENT", raising=False)
    report = write(tmp_path / "r.txt", REPORT)
    result = CliRunner().invoke(
        cli, ["map", str(report), "-o", str(tmp_path / "out"), "--geocoder", "nominatim"]
    )
    assert result.exit_code == 1
    assert "needs --user-agent" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_public_nominatim_is_never_asked_faster_than_once_a_second(tmp_path):
    with pytest.raises(GeocoderConfigError, match="at most one request per second"):
        GeocoderBackend("nominatim", user_agent=AGENT, min_delay_seconds=0.5)


def test_unknown_service_names_the_valid_ones(tmp_path):
    with pytest.raises(GeocoderConfigError, match="nominatim"):
        GeocoderBackend("no-such-service", user_agent=AGENT)


def test_geocoder_is_off_by_default():
    gazetteer = default_gazetteer()
    assert not any(isinstance(b, GeocoderBackend) for b in gazetteer.backends)


def test_answer_becomes_a_place_with_its_provenance(server, tmp_path):
    geo = backend(server, tmp_path)
    result = geo.geocode("Zanzibar Lane")
    (place,) = result.places
    assert place.id == "nominatim-9001"
    assert place.backend == "nominatim"
    assert "place_id 9001" in place.source and "OSM way/123" in place.source
    assert (round(place.geometry.x, 4), round(place.geometry.y, 4)) == (-0.1301, 51.5012)
    (request,) = server.requests
    assert request.path == "/search"
    assert request.params["q"] == "Zanzibar Lane"
    assert request.params["format"] == "json"
    assert request.headers["User-Agent"] == AGENT


def test_requests_are_spaced_by_the_rate_limit(server, tmp_path):
    geo = backend(server, tmp_path, min_delay_seconds=0.3)
    for name in ["Zanzibar Lane", "Nowhere One", "Nowhere Two", "Nowhere Three"]:
        geo.geocode(name)
    times = [r.at for r in server.requests]
    assert len(times) == 4
    # The limiter spaces the calls' starts; arrival at the server adds scheduling jitter to
    # each request, so the rate is read over the whole run: 3 gaps of 0.3 s, less the jitter
    # of the first and last arrival, and no two requests in a burst.
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert times[-1] - times[0] >= 3 * 0.3 - 0.05, gaps
    assert min(gaps) >= 0.15, gaps


def test_rate_limiter_clock_and_sleep_are_seams(server, tmp_path):
    """The default 1 s spacing, checked on a fake clock (no real waiting)."""
    now = [1000.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    geo = backend(server, tmp_path, min_delay_seconds=1.0, clock=lambda: now[0], sleep=sleep)
    started = time.monotonic()
    for name in ["Nowhere One", "Nowhere Two", "Nowhere Three"]:
        geo.geocode(name)
    assert slept == [pytest.approx(1.0), pytest.approx(1.0)]
    assert time.monotonic() - started < 1.0
    assert len(server.requests) == 3


def test_answers_and_misses_are_cached_errors_are_not(server, tmp_path):
    cache = tmp_path / "cache.sqlite"
    first = backend(server, tmp_path, cache=cache)
    assert first.geocode("Zanzibar Lane").places
    assert first.geocode("Nowhere Lane").reason == "no match"
    assert "HTTP 500" in first.geocode("Broken Lane").reason
    asked = len(server.requests)
    assert asked == 1 + 1 + 3  # the 500 was tried three times

    second = backend(server, tmp_path, cache=cache)
    hit = second.geocode("Zanzibar Lane")
    miss = second.geocode("Nowhere Lane")
    assert hit.places and hit.requests == 0
    assert miss.reason == "no match" and miss.requests == 0
    assert len(server.requests) == asked
    assert second.geocode("Broken Lane").requests == 3  # errors are asked again
    assert len(GeocodeCache(cache)) == 2


def test_rate_limited_answers_are_retried_then_used(server, tmp_path):
    result = backend(server, tmp_path).geocode("Busy Lane")
    assert result.places and result.places[0].id == "nominatim-9003"
    assert server.queries() == ["Busy Lane"] * 3


def test_waits_double_and_honour_retry_after(server, tmp_path):
    server.retry_after = 7
    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    fake = {"backoff_seconds": 2.0, "max_retries": 3, "sleep": sleep, "clock": lambda: now[0]}
    assert backend(server, tmp_path, **fake).geocode("Busy Lane").places
    assert slept == [7.0, 7.0]  # the server asked for more than 2 s, then 4 s
    slept.clear()
    assert not backend(server, tmp_path, **fake).geocode("Broken Lane").places
    assert slept == [2.0, 4.0, 8.0]


def test_retries_are_bounded_and_the_reason_kept(server, tmp_path):
    geo = backend(server, tmp_path, max_retries=1)
    started = time.monotonic()
    slow = geo.geocode("Slow Lane")
    garbled = geo.geocode("Garbled Lane")
    busy = backend(server, tmp_path, max_retries=1, cache=None).geocode("Busy Lane")
    elapsed = time.monotonic() - started
    assert not slow.places and slow.reason == "nominatim: timed out after 2 tries"
    assert not garbled.places and "malformed answer" in garbled.reason
    assert not busy.places and busy.reason == "nominatim: rate limited (HTTP 429) after 2 tries"
    assert server.queries().count("Slow Lane") == 2
    assert server.queries().count("Garbled Lane") == 2
    assert elapsed < 3.0  # two timeouts of 0.4 s, short waits: never hangs


def test_map_biases_to_the_region_of_the_other_places(server, tmp_path):
    report = write(tmp_path / "r.txt", REPORT)
    geo = backend(server, tmp_path)
    layers = map_reports([report], backends=[geo])
    whitehall = default_gazetteer().lookup("Whitehall")[0].geometry.bounds
    boxes = {r.params.get("viewbox") for r in server.requests}
    (box,) = boxes
    west, north, east, south = (float(v) for v in box.split(","))
    m = REGION_MARGIN_DEG
    assert west == pytest.approx(whitehall[0] - m, abs=1e-4)
    assert east == pytest.approx(whitehall[2] + m, abs=1e-4)
    assert sorted([south, north]) == pytest.approx([whitehall[1] - m, whitehall[3] + m], abs=1e-4)
    assert all("bounded" not in r.params for r in server.requests)  # a bias, not a bound
    sites = layers.sites.set_index("name")
    assert sites.loc["Zanzibar Lane", "backend"] == "nominatim"
    assert "place_id 9001" in sites.loc["Zanzibar Lane", "coordinate_source"]
    assert sites.loc["Zanzibar Lane", "count"] == 3
    assert sites.loc["Whitehall", "backend"] == "embedded"
    unresolved = {u.text for u in layers.unresolved}
    assert unresolved == {"Quillfeather Road", "Broken Lane"}
    problems = {p.message for p in layers.document.problems}
    assert "could not geocode 'Quillfeather Road': no match" in problems
    assert "could not geocode 'Broken Lane': nominatim: HTTP 500 after 3 tries" in problems


def test_region_option_overrides_the_bias(server, tmp_path):
    report = write(tmp_path / "r.txt", REPORT)
    map_reports([report], backends=[backend(server, tmp_path)], region=(-1.5, 52.0, -1.0, 52.5))
    boxes = {r.params.get("viewbox") for r in server.requests}
    assert len(boxes) == 1
    west, north, east, south = (float(v) for v in boxes.pop().split(","))
    assert (west, east) == (-1.5, -1.0)
    assert {north, south} == {52.0, 52.5}


def test_cli_map_with_geocoder_then_second_run_asks_nothing(server, tmp_path):
    report = write(tmp_path / "r.txt", REPORT)
    args = [
        "map",
        str(report),
        "-o",
        str(tmp_path / "out"),
        "--geocoder",
        "nominatim",
        "--user-agent",
        AGENT,
        "--geocoder-domain",
        server.domain,
        "--geocoder-scheme",
        "http",
        "--geocoder-cache",
        str(tmp_path / "cache.sqlite"),
        "--geocoder-timeout",
        "2",
    ]
    # Broken Lane is always a 500: take it out so the second run is fully cached.
    write(report, REPORT.replace(", and one camera at Broken Lane", ""))
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 0, first.output
    asked = len(server.requests)
    assert sorted(server.queries()) == ["Quillfeather Road", "Zanzibar Lane"]
    assert "could not geocode 'Quillfeather Road': no match" in first.output
    sites = load_json(tmp_path / "out" / "sites.geojson")
    props = {f["properties"]["name"]: f["properties"] for f in sites["features"]}
    assert props["Zanzibar Lane"]["backend"] == "nominatim"
    report_json = load_json(tmp_path / "out" / "report.json")
    assert any("Quillfeather Road" in json.dumps(p) for p in report_json["problems"])

    second = CliRunner().invoke(cli, args)
    assert second.exit_code == 0, second.output
    assert len(server.requests) == asked


KEY = "s3cr3t-Key/42+x"


class _KeyEchoing(BaseHTTPRequestHandler):
    """Answers like OpenCage refusing a key, echoing the key and the request URL."""

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        params = {k: v[0] for k, v in parse_qs(urlsplit(self.path).query).items()}
        message = (
            f"key {params.get('key')} is not allowed here; you asked for "
            f"http://{self.headers['Host']}{self.path}&token=tok-99887766&access_token=at-5544"
        )
        body = json.dumps({"results": [], "status": {"code": 403, "message": message}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def key_echoing():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _KeyEchoing)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_an_api_key_never_reaches_a_message_report_json_or_the_terminal(key_echoing, tmp_path):
    """A service's error echoed the key (and the request URL) into report.json's problems."""
    secrets = [KEY, quote_plus(KEY), quote(KEY, safe=""), "tok-99887766", "at-5544"]
    geo = GeocoderBackend(
        "opencage", user_agent=AGENT, domain=key_echoing, scheme="http", api_key=KEY,
        cache=None, min_delay_seconds=0.01, timeout=2.0,
    )  # fmt: skip
    result = geo.geocode("Quillfeather Road")
    assert result.places == () and result.reason.startswith("opencage: key [redacted]")
    assert "key=[redacted]" in result.reason and "token=[redacted]" in result.reason
    assert not any(secret in result.reason for secret in secrets), result.reason

    report = write(tmp_path / "r.txt", "Four cameras were put up on Quillfeather Road.\n")
    out = tmp_path / "out"
    run = CliRunner().invoke(
        cli,
        ["map", str(report), "-o", str(out), "--geocoder", "opencage", "--user-agent", AGENT,
         "--geocoder-domain", key_echoing, "--geocoder-scheme", "http", "--geocoder-key", KEY,
         "--geocoder-cache", str(tmp_path / "cache.sqlite")],
    )  # fmt: skip
    assert "could not geocode 'Quillfeather Road': opencage: key [redacted]" in run.output
    written = "".join(p.read_text(encoding="utf-8", errors="replace") for p in out.iterdir())
    assert "could not geocode 'Quillfeather Road'" in written
    for secret in secrets:
        assert secret not in run.output and secret not in written, secret


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        ("GET /x?q=a&key=abc&n=1", "GET /x?q=a&key=[redacted]&n=1"),
        ("https://h/p?api_key=abc#f", "https://h/p?api_key=[redacted]#f"),
        ("?apikey=abc&APIKEY=def", "?apikey=[redacted]&APIKEY=[redacted]"),
        ("?token=abc;access_token=def", "?token=[redacted];access_token=[redacted]"),
        ("monkey=abc&q=key", "monkey=abc&q=key"),  # a longer name, and the word alone, stay
    ],
)
def test_key_parameters_are_redacted(text, redacted):
    assert redact(text) == redacted
