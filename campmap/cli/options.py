"""The options several commands share, defined once, and the records they build.

:func:`place_options`, :func:`stream_options` and :func:`page_options` hand the
command one typed record (:class:`~campmap.pipeline.PlaceOptions`,
:class:`~campmap.pipeline.StreamOptions`, :class:`~campmap.pipeline.PageOptions`)
in place of its loose options.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import click

from campmap.archive import DEFAULT_BATCH_SIZE, MAX_EVIDENCE, REPORT_TIMEOUT
from campmap.cli.console import printable
from campmap.export.embed import EmbedSourceError, check_src
from campmap.paths import example_paths
from campmap.pipeline import PageOptions, PlaceOptions, StreamOptions

if TYPE_CHECKING:
    from campmap.gazetteer import BBox
    from campmap.sources.metadata import ReportMeta

__all__ = [
    "embed_option",
    "embed_src_option",
    "inputs_argument",
    "json_option",
    "location_column_option",
    "location_index_option",
    "or_examples",
    "page_options",
    "place_options",
    "png_option",
    "source_options",
    "stream_options",
    "title_option",
]

F = TypeVar("F", bound=Callable[..., Any])

inputs_argument = click.argument("inputs", nargs=-1, metavar="[INPUT]...")
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
location_column_option = click.option(
    "--location-column",
    default=None,
    metavar="NAME",
    help="For .csv/.tsv tables of deployments: the column with the location text "
    "(default: guessed, and the guess is reported).",
)
location_index_option = click.option(
    "--index",
    "location_index",
    default="flex_mem",
    show_default=True,
    help="libosmium node-location index; e.g. dense_file_array,FILE keeps it on disk.",
)
title_option = click.option(
    "--title", default="Reported camera sites", show_default=True, help="Map title."
)


def or_examples(inputs: Sequence[str]) -> Sequence[str | Path]:
    """Return the inputs, or the bundled example reports when none were given."""
    return inputs or [_relative(p) for p in example_paths()]


def _relative(path: Path) -> Path:
    """Name a bundled example relative to the working folder when inside it (stable labels)."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def _gather(name: str, build: Callable[..., Any], keys: Sequence[str]) -> Callable[[F], F]:
    """Return a decorator passing the options ``keys`` to the command as ``name=build(...)``."""

    def decorate(func: F) -> F:
        @wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            values = {key: kwargs.pop(key) for key in keys if key in kwargs}
            return func(*args, **{name: build(**values)}, **kwargs)

        return cast(F, wrapper)

    return decorate


def _with(options: Sequence[Callable[[F], F]], func: F) -> F:
    for option in reversed(options):
        func = option(func)
    return func


def stream_options(*, evidence: bool = False) -> Callable[[F], F]:
    """Add the options for archives (worker processes, a Dask scheduler, batches).

    The command gets them as ``stream``, a :class:`~campmap.pipeline.StreamOptions`;
    with ``evidence``, ``--evidence-per-site`` too.
    """
    options = [
        click.option(
            "-j",
            "--jobs",
            type=click.IntRange(min=1),
            default=None,
            help="Stream the inputs in batches over N local processes (archives of any size; "
            "resumes when interrupted).",
        ),
        click.option(
            "--scheduler",
            default=None,
            metavar="ADDRESS",
            help="Run the batches on this Dask scheduler (tcp://host:8786); needs campmap[dask].",
        ),
        click.option(
            "--batch-size",
            type=click.IntRange(min=1),
            default=DEFAULT_BATCH_SIZE,
            show_default=True,
            help="Reports per batch, with --jobs or --scheduler.",
        ),
        click.option(
            "--text-field",
            default="text",
            show_default=True,
            help="The text field of .jsonl records (one article per line).",
        ),
        click.option(
            "--every-report",
            is_flag=True,
            help="When streaming: also extract the reports that never name a camera (by default "
            "they are counted and skipped: they hold no site, only context places).",
        ),
        click.option(
            "--report-timeout",
            type=click.FloatRange(min=0),
            default=REPORT_TIMEOUT,
            show_default=True,
            metavar="SECONDS",
            help="When streaming: a report still being read and extracted after this long is "
            "stopped, skipped and counted (0: no limit).",
        ),
    ]
    if evidence:
        options.append(
            click.option(
                "--evidence-per-site",
                type=click.IntRange(min=1),
                default=MAX_EVIDENCE,
                show_default=True,
                help="With --jobs or --scheduler: mentions of each site kept as quoted evidence; "
                "further ones are counted (count, status, mentions, reports) but not quoted, "
                "so memory stays flat.",
            )
        )
    keys = [*StreamOptions.__dataclass_fields__]
    return lambda func: _with(options, _gather("stream", StreamOptions, keys)(func))


def _region(_ctx: click.Context, _param: click.Parameter, value: str | None) -> BBox | None:
    if value is None:
        return None
    try:
        west, south, east, north = (float(v) for v in value.split(","))
    except ValueError:
        raise click.BadParameter(
            f"expected WEST,SOUTH,EAST,NORTH in degrees (e.g. -0.16,51.59,-0.09,51.64), "
            f"got {value!r}"
        ) from None
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        raise click.BadParameter(
            f"expected WEST < EAST and SOUTH < NORTH in degrees, got {value!r}"
        )
    return west, south, east, north


def place_options(func: F) -> F:
    """Add the options choosing where places come from (files, then a geocoder) and --learned.

    The command gets them as ``places``, a :class:`~campmap.pipeline.PlaceOptions`.
    """
    options = [
        click.option(
            "--gazetteer",
            "gazetteers",
            multiple=True,
            type=click.Path(path_type=Path),
            metavar="FILE",
            help="A gazetteer (.csv, .geojson, .gpkg, .osm, .osm.pbf) tried before the embedded "
            "one; repeat it, earlier files win.",
        ),
        click.option(
            "--geocoder",
            default=None,
            metavar="SERVICE",
            help="Ask this geopy service (nominatim, photon, pelias ...) for names no gazetteer "
            "knows. Off by default; needs --user-agent.",
        ),
        click.option(
            "--user-agent",
            envvar="CAMPMAP_USER_AGENT",
            default=None,
            help="Names your application and a contact, for the geocoder (env CAMPMAP_USER_AGENT).",
        ),
        click.option(
            "--geocoder-url",
            default=None,
            metavar="URL",
            help="The geocoder's full address, for a self-hosted Nominatim, Photon or Pelias "
            "(e.g. http://127.0.0.1:2322/); instead of --geocoder-domain.",
        ),
        click.option("--geocoder-domain", default=None, help="The geocoder's host[:port]."),
        click.option("--geocoder-key", default=None, help="API key, for services that need one."),
        click.option(
            "--geocoder-scheme", type=click.Choice(["https", "http"]), default=None, hidden=True
        ),
        click.option(
            "--geocoder-cache",
            type=click.Path(path_type=Path),
            default=None,
            help="Answers kept between runs [default: ~/.cache/campmap/geocoder.sqlite].",
        ),
        click.option(
            "--geocoder-timeout", type=float, default=10.0, show_default=True, help="Seconds."
        ),
        click.option(
            "--learned",
            is_flag=True,
            help="Also read each place mention with the learned model (words around it), "
            "which finds more sites in reports unlike those the rules were written on, "
            "with more wrong ones; its marks carry the reason '(learned)'.",
        ),
        click.option(
            "--region",
            callback=_region,
            metavar="W,S,E,N",
            help="Bias geocoder answers to this box; default: around the places already found.",
        ),
    ]
    keys = [*PlaceOptions.__dataclass_fields__]
    return _with(options, _gather("places", PlaceOptions, keys)(func))


embed_option = click.option(
    "--embed",
    is_flag=True,
    help="Also write embed.html: the responsive iframe snippet to paste into an article.",
)


def _embed_src(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
    try:
        return check_src(value)
    except EmbedSourceError as err:
        raise click.BadParameter(printable(str(err))) from None


embed_src_option = click.option(
    "--embed-src",
    default="map.html",
    show_default=True,
    metavar="URL",
    callback=_embed_src,
    help="Where map.html will be published (an http(s) URL or a path relative to the "
    "article); the iframe snippet points there.",
)
png_option = click.option(
    "--png", is_flag=True, help="Also write map.png, a 1200x630 screenshot (needs Chromium)."
)


def _page(title: str, tiles: str | None, embed: bool, embed_src: str, png: bool) -> PageOptions:
    return PageOptions(title=title, tiles=tiles, embed=embed_src if embed else None, png=png)


page_options = _gather("page", _page, ("title", "tiles", "embed", "embed_src", "png"))
"""Hand ``--title``, ``--tiles``, ``--embed``, ``--embed-src`` and ``--png`` (declared
where each command lists them) to the command as ``page``, a
:class:`~campmap.pipeline.PageOptions`."""


def _address(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    from campmap.sources.metadata import web_address

    if value is None or web_address(value):
        return value
    raise click.BadParameter(
        f"{printable(value)!r} is not a web address; expected http://... or https://..."
    )


def _source(source_url: str | None, outlet: str | None) -> ReportMeta | None:
    if source_url is None and outlet is None:
        return None
    from campmap.sources.metadata import ReportMeta

    return ReportMeta(url=source_url, outlet=" ".join(outlet.split()) if outlet else None)


def source_options(func: F) -> F:
    """Add ``--source-url`` and ``--outlet``: where a single report was published.

    The command gets them as ``source``, a
    :class:`~campmap.sources.metadata.ReportMeta` (None when neither is given).
    """
    options = [
        click.option(
            "--source-url",
            default=None,
            metavar="URL",
            callback=_address,
            help="The web address of the one report given (cited and linked in every output).",
        ),
        click.option(
            "--outlet",
            default=None,
            metavar="NAME",
            help="Who published the one report given (cited with its date in every output).",
        ),
    ]
    return _with([*options, _gather("source", _source, ("source_url", "outlet"))], func)
