"""Faults: a full disk or a killed process mid-write keeps the previous outputs; a geocoder
that hangs, trickles or answers garbage cannot stall or crash a run.

Real parts only: a tmpfs of a few hundred kilobytes (when the tests run as
root), a file-size limit (``RLIMIT_FSIZE``), ``SIGKILL`` to a real writer
process, and an HTTP server on 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import random
import resource
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from campmap.errors import OutputError
from campmap.export import OUTPUT_FILES, write_outputs
from campmap.extract import extract
from campmap.gazetteer import GeocoderBackend
from campmap.layer.build import build_layers
from campmap.sources import dedupe, read_text

HERE = Path(__file__).resolve().parent
TOWN = HERE / "data" / "town.geojson"
FIRST = "Two cameras were installed on High Street."
SECOND = "Five cameras went up on Mill Road and three at Market Square."


def layers_of(text, town):
    document = dedupe([read_text(text, "report.txt")], [])
    return build_layers(document, extract(document, town), town)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def assert_complete(folder: Path) -> None:
    """Every output is a whole file of its format (none cut short)."""
    for name in ("sites.geojson", "site_lines.geojson", "site_areas.geojson", "routes.geojson"):
        assert json.loads((folder / name).read_text())["type"] == "FeatureCollection", name
    assert "sites" in json.loads((folder / "report.json").read_text())
    rows = list(csv.DictReader((folder / "sites.csv").open(encoding="utf-8")))
    assert rows and all(row["lat"] for row in rows)
    assert (folder / "map.html").read_text().rstrip().endswith("</html>")
    with contextlib.closing(sqlite3.connect(folder / "campmap.gpkg")) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM sites").fetchone()[0] >= 1


# --- a process killed while it writes ---------------------------------------------------------

_WRITER = """
import sys
from campmap.export import write_outputs
from campmap.extract import extract
from campmap.gazetteer import Gazetteer, GeoJSONGazetteer
from campmap.layer.build import build_layers
from campmap.sources import dedupe, read_text

town = Gazetteer([GeoJSONGazetteer(sys.argv[2], name="town")])
runs = []
for text in sys.argv[3:]:
    document = dedupe([read_text(text, "report.txt")], [])
    runs.append(build_layers(document, extract(document, town), town))
print("ready", flush=True)
while True:  # write for ever, alternating: every moment is mid-write
    for layers in runs:
        write_outputs(layers, sys.argv[1])
"""


def test_a_process_killed_mid_write_leaves_whole_outputs(tmp_path, town):
    out = tmp_path / "out"
    write_outputs(layers_of(FIRST, town), out)
    rng = random.Random(9)
    orphans = 0
    for _ in range(5):
        child = subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(out), str(TOWN), FIRST, SECOND],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None and child.stdout.readline() == "ready\n"
        time.sleep(rng.uniform(0.05, 0.6))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        assert_complete(out)
        orphans += bool(list(out.glob(".*.tmp*")))
    assert orphans >= 1, "no kill landed mid-write; the test proved nothing"
    write_outputs(layers_of(SECOND, town), out)  # the next run cleans up after the killed ones
    assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUT_FILES)
    assert_complete(out)


# --- a full disk ------------------------------------------------------------------------------


@pytest.fixture
def tiny_disk(tmp_path):
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root; the RLIMIT_FSIZE test covers a full disk")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def test_a_full_disk_keeps_the_previous_outputs(tiny_disk, town):
    out = tiny_disk / "out"
    write_outputs(layers_of(FIRST, town), out)
    before = snapshot(out)
    free = os.statvfs(tiny_disk)
    filler = tiny_disk / "filler"
    filler.write_bytes(b"\0" * max(free.f_bavail * free.f_frsize - 20_000, 0))
    with pytest.raises(
        OutputError, match=r"cannot write outputs: [a-z_.]+: No space left on device$"
    ):
        write_outputs(layers_of(SECOND, town), out)
    assert snapshot(out) == before  # the same files, byte for byte; no temporary file left
    assert_complete(out)


_LIMITED = """
import resource, signal, sys
from campmap.cli.main import cli
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]), int(sys.argv[1])))
cli(sys.argv[2:], prog_name="campmap")
"""


def test_a_file_size_limit_mid_write_keeps_the_previous_outputs_and_says_why(tmp_path, town):
    out = tmp_path / "out"
    write_outputs(layers_of(FIRST, town), out)
    before = snapshot(out)
    report = tmp_path / "second.txt"
    report.write_text(SECOND, encoding="utf-8")
    child = subprocess.run(
        [sys.executable, "-c", _LIMITED, "65536", "map", "-q", "-o", str(out),
         "--gazetteer", str(TOWN), str(report)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert child.returncode == 1
    assert "Traceback" not in child.stderr
    assert child.stderr.startswith(f"Error: {out}: cannot write outputs: campmap.gpkg: GDAL")
    assert len(child.stderr.strip().splitlines()) == 1, child.stderr
    assert snapshot(out) == before


# --- a geocoder that hangs, trickles or answers garbage -----------------------------------------

GARBAGE = {
    "Object Road": b'{"lat": "51.5"}',
    "Numbers Road": b"[1, 2]",
    "Letters Road": b'[{"lat": "x", "lon": "y", "display_name": "X"}]',
    "Pole Road": b'[{"lat": "999", "lon": "0", "display_name": "X"}]',
    "Nan Road": b'[{"lat": "NaN", "lon": "0", "display_name": "X"}]',
    "Nowhere Road": b'[{"display_name": "Nowhere Road", "place_id": 1}]',  # was put at 0, 0
    "Nested Road": b"[" * 100_000 + b"]" * 100_000,
}


ENDLESS: dict[str, int] = {}
"""Bytes each endless answer got out before the client hung up."""


class _Hostile(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        query = parse_qs(urlsplit(self.path).query).get("q", [""])[0]
        if query == "Trickle Road":  # headers at once, then a byte every 0.2 s for 60 s
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "300")
            self.end_headers()
            with contextlib.suppress(OSError):
                for _ in range(300):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.2)
            return
        if query == "Silent Road":
            time.sleep(60)
            return
        if query.startswith("Endless"):  # a body that never ends, as fast as the socket takes it
            self.send_response(500 if "Error" in query else 200)
            self.send_header("Content-Type", "application/json")
            if "Declared" in query:
                self.send_header("Content-Length", str(10**12))
            self.end_headers()
            chunk = b"[" + b" " * 65535
            sent = 0
            try:
                while sent < 8 * 2**30:  # 8 GiB: a bound for the test itself, never reached
                    self.wfile.write(chunk)
                    sent += len(chunk)
            except OSError:  # the client hung up
                pass
            ENDLESS[query] = sent
            return
        body = GARBAGE.get(query, b"[]")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def hostile_geocoder():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Hostile)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def geocoder(domain, **options):
    settings = {
        "user_agent": "campmap-tests/1.0 (tests@example.invalid)",
        "domain": domain,
        "scheme": "http",
        "min_delay_seconds": 0.01,
        "timeout": 0.5,
        "max_retries": 1,
        "backoff_seconds": 0.01,
    }
    return GeocoderBackend("nominatim", **(settings | options))


@pytest.mark.filterwarnings("ignore:Latitude normalization:UserWarning")  # geopy, on 999
@pytest.mark.parametrize("name", list(GARBAGE))
def test_a_garbage_answer_is_no_place_and_says_so(hostile_geocoder, name):
    result = geocoder(hostile_geocoder).geocode(name)
    assert result.places == ()
    assert result.reason.startswith("nominatim: malformed answer"), result.reason


@pytest.mark.parametrize("name", ["Trickle Road", "Silent Road"])
def test_a_hanging_or_trickling_geocoder_cannot_stall_past_its_timeout(hostile_geocoder, name):
    geo = geocoder(hostile_geocoder)
    clock = time.monotonic()
    result = geo.geocode(name)
    waited = time.monotonic() - clock
    assert result.places == () and result.reason == "nominatim: timed out after 2 tries"
    # The bound the module promises: (max_retries + 1) * timeout plus the waits, with slack
    # for a loaded machine; the server would hold the answer for 60 s.
    assert waited < 2 * 0.5 + 5, waited


@pytest.mark.parametrize("name", ["Endless Road", "Endless Declared Road", "Endless Error Road"])
def test_an_endless_answer_is_cut_off_and_reported_not_read_whole(hostile_geocoder, name):
    """A server streaming an endless body grew the process to gigabytes: the answer is read
    up to MAX_GEOCODER_ANSWER_BYTES, the connection dropped, and the name left unresolved."""
    from campmap.limits import MAX_GEOCODER_ANSWER_BYTES

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    geo = geocoder(hostile_geocoder, timeout=5.0)
    clock = time.monotonic()
    result = geo.geocode(name)
    waited = time.monotonic() - clock
    assert result.places == ()
    assert result.reason == (
        f"nominatim: answer larger than MAX_GEOCODER_ANSWER_BYTES ({MAX_GEOCODER_ANSWER_BYTES})"
    )
    assert result.requests == 1  # not retried: it would only stream again
    assert waited < 5.0, waited
    for _ in range(100):  # the server sees the connection closed
        if name in ENDLESS:
            break
        time.sleep(0.05)
    # What left the server: the cap, plus what the sockets' buffers held.
    assert ENDLESS[name] < MAX_GEOCODER_ANSWER_BYTES + 64 * 2**20, ENDLESS[name]
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kib < 200 * 1024, grown_kib


def test_a_place_whose_answer_is_endless_stays_unresolved_with_the_reason(
    hostile_geocoder, tmp_path
):
    """The run goes on: the place is listed as unresolved (not dropped), with the cap named."""
    from click.testing import CliRunner

    from campmap.cli.main import cli
    from campmap.limits import MAX_GEOCODER_ANSWER_BYTES

    report = tmp_path / "r.txt"
    report.write_text(
        "Two cameras were installed on High Street. Five cameras went up on Endless Road.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli,
        ["map", "-o", str(out), "--gazetteer", str(TOWN), "--geocoder", "nominatim",
         "--geocoder-domain", hostile_geocoder, "--geocoder-scheme", "http",
         "--geocoder-timeout", "5", "--geocoder-cache", str(tmp_path / "cache.sqlite"),
         "--user-agent", "campmap-tests/1.0 (t@e.invalid)", str(report)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    reason = f"answer larger than MAX_GEOCODER_ANSWER_BYTES ({MAX_GEOCODER_ANSWER_BYTES})"
    assert f"could not geocode 'Endless Road': nominatim: {reason}" in result.output
    written = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [u["text"] for u in written["unresolved"]] == ["Endless Road"]
    assert written["unresolved"][0]["count"] == 5
    assert any("Endless Road" in p and reason in p for p in written["problems"])
    assert [s["name"] for s in written["sites"]] == ["High Street"]


def test_a_run_with_a_hostile_geocoder_still_maps_what_it_can(hostile_geocoder, tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(
        "Two cameras were installed on High Street. Three cameras went up on Trickle Road "
        "and four on Nowhere Road.\n",
        encoding="utf-8",
    )
    from click.testing import CliRunner

    from campmap.cli.main import cli

    result = CliRunner().invoke(
        cli,
        ["map", "-o", str(tmp_path / "out"), "--gazetteer", str(TOWN), "--geocoder", "nominatim",
         "--geocoder-domain", hostile_geocoder, "--geocoder-scheme", "http",
         "--geocoder-timeout", "0.5", "--geocoder-cache", str(tmp_path / "cache.sqlite"),
         "--user-agent", "campmap-tests/1.0 (t@e.invalid)", str(report)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    sites = json.loads((tmp_path / "out" / "sites.geojson").read_text())["features"]
    assert [f["properties"]["name"] for f in sites] == ["High Street"]
    coordinates = [f["geometry"]["coordinates"] for f in sites]
    assert [0.0, 0.0] not in coordinates


# --- a link planted where a temporary file would go -------------------------------------------


def test_a_link_planted_at_a_temporary_name_is_never_followed(tmp_path, town):
    """Temporary names were predictable (``.map.<pid>.tmp.html``): a planted link was written
    through, overwriting a file outside the output folder. Nothing outside is touched now."""
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    pid = os.getpid()
    for name in OUTPUT_FILES:
        stem, suffix = os.path.splitext(name)
        (out / f".{stem}.{pid}.tmp{suffix}").symlink_to(victim)
        (out / f".{stem}.{pid}.tmp{suffix}-journal").symlink_to(victim)
    (out / "map.html").symlink_to(victim)  # a link at an output's own name is replaced
    write_outputs(layers_of(FIRST, town), out)
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not (out / "map.html").is_symlink()
    assert_complete(out)
    # The review sheet and a gazetteer import are written the same way.
    from campmap.newsroom import write_review

    sheet = out / "review.csv"
    (out / f".review.{pid}.tmp.csv").symlink_to(victim)
    write_review(layers_of(FIRST, town), sheet, town)
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert sheet.read_text(encoding="utf-8").startswith("site_id,")


def test_a_link_planted_at_a_checkpoint_temporary_name_is_never_followed(tmp_path):
    from campmap import map_corpus

    reports = tmp_path / "in"
    reports.mkdir()
    (reports / "a.txt").write_text(FIRST, encoding="utf-8")
    (reports / "b.txt").write_text(SECOND, encoding="utf-8")
    checkpoint = tmp_path / "out" / ".campmap-checkpoint"
    options = {"gazetteer_files": [TOWN], "checkpoint": checkpoint, "batch_size": 1}
    map_corpus([reports], **options)
    finished = sorted(checkpoint.glob("*.json"))
    assert finished
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    for path in finished:  # the run starts again: every batch is written anew
        path.unlink()
        path.with_suffix(f".{os.getpid()}.tmp").symlink_to(victim)
    map_corpus([reports], **options)
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert sorted(checkpoint.glob("*.json")) == finished
