"""One exception root, every exception class in campmap/errors.py, one clean line at the CLI."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

import campmap
from campmap import errors
from campmap.cli.main import cli


def _modules():
    for info in pkgutil.walk_packages(campmap.__path__, "campmap."):
        if info.name != "campmap.__main__":  # (importing it runs the command)
            yield importlib.import_module(info.name)


def test_every_exception_class_is_defined_in_errors_py():
    elsewhere = [
        f"{module.__name__}.{name}"
        for module in _modules()
        for name, value in vars(module).items()
        if inspect.isclass(value)
        and issubclass(value, BaseException)
        and value.__module__ == module.__name__
        and module is not errors
    ]
    assert elsewhere == []


def test_every_error_is_a_campmap_error_and_keeps_its_old_import_path():
    from campmap.export.embed import EmbedSourceError
    from campmap.gazetteer.backends.geocoder import GeocoderConfigError
    from campmap.newsroom import ReviewError

    assert (EmbedSourceError, GeocoderConfigError, ReviewError) == (
        errors.EmbedSourceError,
        errors.GeocoderConfigError,
        errors.ReviewError,
    )
    defined = {
        value
        for value in vars(errors).values()
        if inspect.isclass(value) and value.__module__ == errors.__name__
    }
    assert {getattr(errors, name) for name in errors.__all__} == defined
    # Not an error: the interruption of a report's work, which no `except Exception` may catch.
    assert not issubclass(errors.OverBudget, Exception)
    assert all(issubclass(cls, errors.CampmapError) for cls in defined - {errors.OverBudget})


REPORT = "Two cameras were installed on Whitehall.\n"


def _case(tmp_path: Path, cls: type[errors.CampmapError]) -> tuple[list[str], str]:
    """Arguments that make the ``campmap`` command meet ``cls``, and the message expected."""

    def write(name: str, text: str) -> str:
        (tmp_path / name).write_text(text, encoding="utf-8")
        return str(tmp_path / name)

    report, out = write("r.txt", REPORT), str(tmp_path / "out")
    if cls is errors.InputError:
        return ["extract", str(tmp_path / "missing.txt")], "missing.txt: no such file or folder"
    if cls is errors.GazetteerError:
        bad = write("bad.geojson", '{"type": "FeatureCollection", "features": [{}]}')
        return ["gazetteer", "find", "Whitehall", "--gazetteer", bad], "bad.geojson: feature 1"
    if cls is errors.ReviewError:
        sheet = write("review.csv", "site_id,action\nwhitehall,accept\n")
        return ["map", report, "-o", out, "--review", sheet], "review.csv:1: missing column(s)"
    if cls is errors.MoveTooFarError:
        header = "site_id,action,move_to,set_count,verification,note\n"
        sheet = write("review.csv", header + 'whitehall,move,"-0.1264, 51.5045",,,\n')
        return ["map", report, "-o", out, "--review", sheet], "review.csv:2: column move_to:"
    if cls is errors.GeocoderConfigError:
        return ["map", report, "-o", out, "--geocoder", "nominatim"], "needs --user-agent"
    if cls is errors.EmbedSourceError:
        args = ["map", report, "-o", out, "--embed", "--embed-src", "javascript:alert(1)"]
        return args, "'javascript:alert(1)' is a javascript: address"
    if cls is errors.OutputError:
        return ["map", report, "-o", f"{report}/out"], "r.txt/out: cannot create the folder"
    if cls is errors.NothingToMapError:
        none = write("none.txt", "The weather was fine on Tuesday.\n")
        return ["map", none, "-o", out], "none.txt: no camera sites or routes found"
    if cls is errors.NothingPlacedError:
        unplaced = write("unplaced.txt", "Two cameras were put up on Tannery Lane.\n")
        return ["map", unplaced, "-o", out], "nothing could be placed: 1 unresolved"
    if cls is errors.NothingReadError:
        (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 50)
        return ["extract", str(tmp_path / "bin.txt")], "no report could be read"
    if cls is errors.OptionError:
        args = ["map", report, "-o", out, "--geocoder-domain", "x", "--user-agent", "me"]
        return args, "--geocoder-domain and --geocoder-key need --geocoder SERVICE"
    if cls is errors.SchedulerError:
        return ["map", report, "-o", out, "--scheduler", "tcp://127.0.0.1:9"], "--scheduler"
    if cls is errors.DownloadError:  # port 9 on this machine: refused, nothing leaves it
        url = "http://127.0.0.1:9/town-latest.osm.pbf"
        return ["gazetteer", "download", url], "town-latest.osm.pbf.md5: cannot fetch"
    if cls is errors.RegionError:
        return ["gazetteer", "remove", "atlantis"], "no region 'atlantis' is installed"
    assert cls is errors.CampmapError
    return ["map", report, "-o", out, "--png"], "CAMPMAP_CHROMIUM='/nowhere' is not an executable"


def _raised(exc: BaseException | None) -> BaseException | None:
    """The campmap error behind what the command ended with (its cause or context)."""
    while exc is not None and not isinstance(exc, errors.CampmapError):
        exc = exc.__cause__ or exc.__context__
    return exc


ERRORS = sorted(
    (cls for cls in vars(errors).values() if inspect.isclass(cls)),
    key=lambda cls: cls.__name__,
)


@pytest.mark.parametrize(
    "cls", [c for c in ERRORS if issubclass(c, errors.CampmapError)], ids=lambda c: c.__name__
)
def test_the_command_line_says_each_error_in_one_line_without_a_traceback(
    tmp_path, monkeypatch, cls
):
    monkeypatch.setenv("CAMPMAP_CHROMIUM", "/nowhere")
    monkeypatch.delenv("CAMPMAP_USER_AGENT", raising=False)
    monkeypatch.chdir(tmp_path)
    args, message = _case(tmp_path, cls)
    caught = CliRunner().invoke(cli, args, standalone_mode=False).exception
    assert isinstance(caught, click.ClickException), caught  # click's message, from ...
    assert type(_raised(caught)) is cls  # ... the error the case is about
    result = CliRunner().invoke(cli, args)
    assert result.exit_code in (1, 2)  # 2: a bad option value, named as such
    last = result.output.strip().splitlines()[-1]
    assert last.startswith("Error: ") and message in last, result.output
    assert "Traceback" not in result.output
    if cls is errors.NothingPlacedError:
        # Written first (report.json lists what could not be placed), then refused.
        assert (tmp_path / "out" / "report.json").exists()
    else:
        assert not (tmp_path / "out").exists()
