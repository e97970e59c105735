"""Screening an archive: a report that never names a camera is counted and skipped.

The screen decides on the stored bytes when it can; it must never skip a report whose
cleaned text names a camera (hypothesis hunts for one), and a skipped report must be
one that reading would not have refused.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from campmap.archive import map_corpus
from campmap.cli.main import cli
from campmap.errors import InputError
from campmap.extract.screen import FOLDING, STEMS, names_camera, names_no_camera
from campmap.sources import REMOVED_CHARACTERS, read_text, source_from_bytes

GAZETTEER = Path(__file__).parent / "data" / "reports" / "gazetteer.geojson"
EXAMPLES = int(os.environ.get("CAMPMAP_PROPERTY_EXAMPLES", "100")) * 4
SETTINGS = settings(
    deadline=None, max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow]
)

# What a report that almost names a camera is made of: pieces of the camera nouns, the
# characters cleaning removes or that fold to ASCII letters, controls, encodings' traps.
PIECES = st.sampled_from(
    [
        "cam", "era", "camera", "Camera", "CAMERAS", "cctv", "CCTV", "dev", "ice", "device",
        "anpr", "ANPR", "web", "webcam", "facial", " recognition", "facial-recognition",
        "cameraman", "came", "Mill Lane", " on ", "\n", "\n\n", "\r\n", "\t", " ",
        "\u00a0", "\u2019", "\u00e9", "\u0301", "\u3000", "\u2028", "\x00", "\x01", "\x7f",
        "\x85", "<html>", "<!doctype html>", "**", "_", "\U0001f4f7", "\ud800", "I\u0307",
        *REMOVED_CHARACTERS, *FOLDING,
    ]
)  # fmt: skip
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=30).map("".join)
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "cp1254", "utf-16", "latin-1"])


def _read(data: bytes) -> str | None:
    """The cleaned text a plain-text report gives, or None when reading refuses it."""
    try:
        return source_from_bytes(data, "r.txt", ".txt").text
    except InputError:
        return None


@SETTINGS
@given(TEXTS, ENCODINGS)
@example("cam\u00adera on Mill Lane", "utf-8")
@example("dev\u0130ces on Mill Lane", "utf-8")
@example("dev\u0130ces on Mill Lane", "cp1254")
@example("cam\u00adera on Mill Lane", "cp1252")
@example("a \u212aelvin sign", "utf-8")
@example("Two devI\u0307ces on Mill Lane", "utf-8")  # NFC makes the I and the dot an İ
def test_a_report_screened_out_reads_without_error_and_names_no_camera(text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return
    if names_no_camera(data):
        cleaned = _read(data)
        assert cleaned is not None, "screened out a report that reading refuses"
        assert not names_camera(cleaned), cleaned


@SETTINGS
@given(TEXTS)
def test_a_json_lines_text_screened_out_names_no_camera(text):
    if names_no_camera(text):
        source = read_text(text, "r.jsonl:1")
        assert source.text.strip() and not names_camera(source.text)


def test_the_characters_that_fold_to_a_stem_letter_are_all_known():
    """Every character IGNORECASE matches to an ASCII letter of a stem, or NFC makes one."""
    everything = "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c <= 0xDFFF)
    letters = sorted(set(b"".join(STEMS).decode()))
    folding = {c for letter in letters for c in re.findall(letter, everything, re.IGNORECASE)}
    nfc = {c for c in everything if re.fullmatch("[A-Za-z]", unicodedata.normalize("NFC", c))}
    assert folding | nfc <= set(FOLDING) | set(REMOVED_CHARACTERS)


def test_every_camera_noun_starts_with_a_stem_the_screen_looks_for():
    """A camera noun added to CAMERA_NOUN without its stem here would be screened out unseen."""
    from campmap.extract.counts import CAMERA_NOUN

    body = CAMERA_NOUN.pattern.removeprefix(r"\b(?:").removesuffix(r")\b")
    depth, alternatives, start = 0, [], 0
    for i, char in enumerate(body):  # the top-level alternatives of the pattern
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0:
            alternatives.append(body[start:i])
            start = i + 1
    alternatives.append(body[start:])
    assert len(alternatives) >= 6
    for alternative in alternatives:
        literal = re.match(r"[a-z]+", alternative.lower())
        assert literal and any(literal.group().startswith(s.decode()) for s in STEMS), alternative


def test_screen_answers_plain_reports_on_their_bytes():
    assert names_no_camera(b"The library on Mill Lane opens on Sunday, the council said.")
    assert names_no_camera("Caf\u00e9 on Mill Lane \u2019s reopened.".encode())
    for text in ("Two cameras on Mill Lane.", "ANPR on the A38.", "a webcam", "CCTV"):
        assert not names_no_camera(text.encode())
    assert not names_no_camera(b"")  # reading refuses it: it must fail as before
    assert not names_no_camera(b" \n\t ")
    assert not names_no_camera(b"\x00\x01binary")
    assert not names_no_camera("Caf\u00e9".encode("cp1252"))  # a legacy encoding: read it
    assert not names_no_camera("<!doctype html><p>Mill Lane</p>")


def _archive(tmp_path: Path) -> Path:
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "a-cameras.txt").write_text(
        "Two cameras went up on Mill Lane in Brackwell.", encoding="utf-8"
    )
    (archive / "b-roadworks.txt").write_text(
        "Church Street in Brackwell closes for resurfacing on Monday.", encoding="utf-8"
    )
    # Names a camera only once cleaned (a soft hyphen inside the word): must be read.
    (archive / "c-hyphen.txt").write_text(
        "Three cam\u00aderas watch Park Road in Brackwell.", encoding="utf-8"
    )
    with gzip.open(archive / "d-fete.txt.gz", "wt", encoding="utf-8") as gz:
        gz.write("The fete on Hill Street in Brackwell raised 400 pounds.")
    lines = [
        {"text": "Queen Street in Brackwell gets a new bus shelter."},
        {"text": "Four CCTV cameras now cover Bridge Road in Brackwell."},
    ]
    (archive / "e-feed.jsonl").write_text(
        "\n".join(json.dumps(line) for line in lines), encoding="utf-8"
    )
    return archive


@pytest.mark.parametrize("jobs", [1, 2])
def test_archive_runs_skip_reports_that_name_no_camera(tmp_path, jobs):
    archive = _archive(tmp_path)
    run = map_corpus([archive], jobs=jobs, gazetteer_files=[GAZETTEER])
    assert run.stats.reports == 6 and run.stats.no_camera == 3 and run.stats.failed == 0
    sites = set(run.layers.sites["site_id"])
    assert sites == {"brackwell-mill-lane", "brackwell-park-road", "brackwell-bridge-road"}
    context = {m.text for m in run.layers.mentions if m.role.value == "context"}
    assert not context & {"Church Street", "Hill Street", "Queen Street"}
    assert {Path(s.label).name for s in run.layers.document.sources} == {
        "a-cameras.txt", "c-hyphen.txt", "e-feed.jsonl:2",
    }  # fmt: skip

    every = map_corpus([archive], jobs=jobs, gazetteer_files=[GAZETTEER], screen=False)
    assert every.stats.no_camera == 0
    assert set(every.layers.sites["site_id"]) == sites  # the screen loses no site
    context = {m.text for m in every.layers.mentions if m.role.value == "context"}
    assert {"Church Street", "Hill Street", "Queen Street"} <= context


def test_cli_says_how_many_reports_name_no_camera(tmp_path):
    archive = _archive(tmp_path)
    gaz = ["--gazetteer", str(GAZETTEER)]
    out = CliRunner().invoke(cli, ["map", str(archive), *gaz, "-o", str(tmp_path / "o"), "-j", "1"])
    assert out.exit_code == 0, out.output
    assert "6 reports" in out.stderr and "3 name no camera (skipped)" in out.stderr
    every = CliRunner().invoke(
        cli, ["extract", str(archive), *gaz, "--json", "-j", "1", "--every-report"]
    )
    assert every.exit_code == 0, every.output
    texts = {json.loads(line)["text"] for line in every.stdout.splitlines()}
    assert {"Church Street", "Hill Street", "Queen Street"} <= texts
    screened = CliRunner().invoke(cli, ["extract", str(archive), *gaz, "--json", "-j", "1"])
    texts = {json.loads(line)["text"] for line in screened.stdout.splitlines()}
    assert "Church Street" not in texts and "Mill Lane" in texts


def test_everyday_local_news_is_screened_out_and_would_map_nothing(tmp_path):
    """The benchmark's non-camera reports: no site when extracted, skipped unread when screened."""
    from campmap import map_reports
    from campmap.gazetteer import default_gazetteer, load_gazetteer_file

    folder = Path(__file__).parent / "data" / "other-news"
    reports = sorted(folder.glob("*.txt"))
    assert len(reports) >= 15
    assert all(names_no_camera(p.read_bytes()) for p in reports)
    layers = map_reports(reports, gazetteer=default_gazetteer([load_gazetteer_file(GAZETTEER)]))
    assert layers.sites.empty and layers.routes.empty and not layers.unresolved
    assert len([m for m in layers.mentions if m.place is not None]) > 30  # places, as context
