"""The ``campmap`` command: a thin layer over the Python API.

Each command parses its options, calls one library function and prints.
Library errors become one line on standard error and a non-zero exit code.
"""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import click

from campmap.archive import (
    CHECKPOINT_FOLDER,
    DEFAULT_BATCH_SIZE,
    MAX_EVIDENCE,
    REPORT_TIMEOUT,
    CorpusStats,
    Progress,
    extract_corpus,
    map_corpus,
)
from campmap.display import one_line
from campmap.errors import CampmapError
from campmap.export import write_map_outputs, write_outputs
from campmap.export.embed import EmbedSourceError, check_src
from campmap.export.html import summary
from campmap.export.outdir import check_output_folder, lock_folder
from campmap.extract import extract
from campmap.extract.tables import is_table, read_table
from campmap.gazetteer import (
    Backend,
    BBox,
    GeocoderBackend,
    default_cache_path,
    default_gazetteer,
    import_osm,
    load_gazetteer_file,
)
from campmap.gazetteer.online import place_unresolved
from campmap.layer.build import Layers
from campmap.layer.layers import OutdatedDecision
from campmap.layer.read import read_layers
from campmap.newsroom import apply_review, read_review, write_review
from campmap.newsroom.diff import diff_runs
from campmap.paths import example_paths
from campmap.pipeline import map_reports, require_something
from campmap.records import Document, Mention, Role
from campmap.sources.reports import read_sources
from campmap.sources.walk import COMPRESSED_SUFFIXES, JSONL_SUFFIXES

__all__ = ["cli", "main"]

P = ParamSpec("P")
R = TypeVar("R")

inputs_argument = click.argument("inputs", nargs=-1, metavar="[INPUT]...")
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
location_column_option = click.option(
    "--location-column",
    default=None,
    metavar="NAME",
    help="For .csv/.tsv tables of deployments: the column with the location text "
    "(default: guessed, and the guess is reported).",
)


def corpus_options(func: Callable[P, R]) -> Callable[P, R]:
    """Add the options for archives: worker processes, a Dask scheduler, batches."""
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
    for option in reversed(options):
        func = option(func)
    return func


def _corpus_mode(inputs: Sequence[str | Path], jobs: int | None, scheduler: str | None) -> bool:
    """Whether the inputs go through the streaming corpus runner (campmap.archive)."""
    if jobs is not None or scheduler is not None:
        return True
    for item in inputs:
        name = str(item).lower()
        if name.endswith((*COMPRESSED_SUFFIXES, *JSONL_SUFFIXES)):
            return True
        if not Path(item).exists() and any(c in name for c in "*?["):
            return True
    return False


@contextmanager
def _dask_client(scheduler: str | None) -> Iterator[Any]:
    """Connect to a Dask scheduler for the length of a run (None: no scheduler)."""
    if scheduler is None:
        yield None
        return
    try:
        from dask.distributed import Client
    except ImportError:
        raise CampmapError(
            "--scheduler needs Dask: pip install 'campmap[dask]' (dask[distributed])"
        ) from None
    try:
        client = Client(scheduler, timeout="10s")  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError, ValueError) as err:
        raise CampmapError(f"--scheduler {scheduler}: cannot connect: {err}") from err
    try:
        yield client
    finally:
        client.close()  # type: ignore[no-untyped-call]


def _corpus_inputs(inputs: Sequence[str | Path]) -> None:
    for item in inputs:
        if str(item) == "-" or is_table(item):
            raise click.UsageError(
                f"{item}: standard input and .csv/.tsv tables are not read with --jobs, "
                "--scheduler, .jsonl or compressed inputs; map them in a run of their own"
            )


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


def place_options(func: Callable[P, R]) -> Callable[P, R]:
    """Add the options choosing where places come from: files, then a geocoder."""
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
            "--region",
            callback=_region,
            metavar="W,S,E,N",
            help="Bias geocoder answers to this box; default: around the places already found.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _backends(
    gazetteers: Sequence[Path],
    geocoder: str | None,
    user_agent: str | None,
    geocoder_domain: str | None,
    geocoder_key: str | None,
    geocoder_scheme: str | None,
    geocoder_cache: Path | None,
    geocoder_timeout: float,
    region: BBox | None,
) -> list[Backend]:
    backends = [load_gazetteer_file(path) for path in gazetteers]
    if geocoder is not None:
        backends.append(
            GeocoderBackend(
                geocoder,
                user_agent=user_agent,
                domain=geocoder_domain,
                api_key=geocoder_key,
                scheme=geocoder_scheme,
                cache=geocoder_cache or default_cache_path(),
                region=region,
                timeout=geocoder_timeout,
            )
        )
    elif user_agent and (geocoder_domain or geocoder_key):
        raise click.UsageError("--geocoder-domain and --geocoder-key need --geocoder SERVICE")
    return backends


embed_option = click.option(
    "--embed",
    is_flag=True,
    help="Also write embed.html: the responsive iframe snippet to paste into an article.",
)


def _embed_src(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
    try:
        return check_src(value)
    except EmbedSourceError as err:
        raise click.BadParameter(_printable(str(err))) from None


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


def _clean_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn a campmap error into click's one-line message (exit code 1)."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except CampmapError as err:
            raise click.ClickException(_printable(str(err))) from err

    return wrapper


def _printable(text: str) -> str:
    r"""Escape control characters and line breaks (a file or place name could hold them).

    Examples
    --------
    >>> _printable("evil\x1b[2J.txt"), _printable("two\nlines.txt")
    ('evil\\x1b[2J.txt', 'two\\x0alines.txt')
    """
    return one_line(text)


def _warn(message: str) -> None:
    click.echo(f"campmap: warning: {_printable(message)}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="campmap")
def cli() -> None:
    """Map the surveillance cameras a report describes, with the sentence behind every mark."""


@cli.command("map")
@inputs_argument
@click.option(
    "-o",
    "--output",
    default="campmap-out",
    show_default=True,
    type=click.Path(path_type=Path),
    help="Folder for the outputs: GeoJSON layers with QGIS styles, campmap.gpkg, sites.csv, "
    "map.html and report.json.",
)
@click.option("--title", default="Reported camera sites", show_default=True, help="Map title.")
@click.option(
    "--tiles",
    default=None,
    metavar="PROVIDER",
    help="Base map by xyzservices name (e.g. OpenStreetMap.Mapnik); the map then loads tiles "
    "from the network. Default: none (the map works offline).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print warnings only.")
@click.option(
    "--review",
    "review_file",
    type=click.Path(path_type=Path),
    default=None,
    help="Apply a reviewer's decisions (a sheet from 'campmap review').",
)
@place_options
@location_column_option
@embed_option
@embed_src_option
@png_option
@corpus_options
@click.option(
    "--evidence-per-site",
    type=click.IntRange(min=1),
    default=MAX_EVIDENCE,
    show_default=True,
    help="With --jobs or --scheduler: mentions of each site kept as quoted evidence; further "
    "ones are counted (count, status, mentions, reports) but not quoted, so memory stays flat.",
)
@_clean_errors
def map_command(
    inputs: Sequence[str],
    output: Path,
    title: str,
    tiles: str | None,
    quiet: bool,
    review_file: Path | None,
    location_column: str | None,
    embed: bool,
    embed_src: str,
    png: bool,
    jobs: int | None,
    scheduler: str | None,
    batch_size: int,
    text_field: str,
    every_report: bool,
    report_timeout: float,
    evidence_per_site: int,
    **places: Any,
) -> None:
    """Map camera sites from report files, folders, - (standard input), or .csv tables.

    Archives: folders, glob patterns, .jsonl files (one article per line) and
    .gz/.bz2/.xz files, streamed in batches (with --jobs N over N processes, or
    --scheduler on a Dask cluster). With no INPUT, maps the bundled example reports.
    """
    paths: Sequence[str | Path] = inputs or [_relative(p) for p in example_paths()]
    decisions = read_review(review_file) if review_file is not None else None
    backends = _backends(**places)
    corpus = _corpus_mode(paths, jobs, scheduler)
    checkpoint = Path(output) / CHECKPOINT_FOLDER
    if corpus:
        _corpus_inputs(paths)
    check_output_folder(output, paths)
    # One run at a time in the folder (none deletes another's checkpoints): held to the end.
    click.get_current_context().with_resource(lock_folder(output))
    if corpus:
        with _dask_client(scheduler) as client:
            run = map_corpus(
                paths,
                jobs=jobs or 1,
                client=client,
                gazetteer_files=places["gazetteers"],
                backends=[b for b in backends if isinstance(b, GeocoderBackend)],
                region=places["region"],
                checkpoint=checkpoint,
                batch_size=batch_size,
                text_field=text_field,
                progress=Progress(enabled=not quiet),
                evidence_per_site=evidence_per_site,
                screen=not every_report,
                report_timeout=report_timeout or None,
                on_warning=_warn,
            )
        layers = run.layers
        _report_corpus(run.stats, layers)
    else:
        layers = map_reports(
            paths, backends=backends, region=places["region"], location_column=location_column
        )
        _report_problems(layers)
    if decisions is not None:
        gazetteer = default_gazetteer(backends)
        layers = apply_review(layers, decisions, gazetteer, label=str(review_file))
        assert layers.review is not None
        for item in layers.review.stale:
            _warn(
                f"{review_file}:{item.line}: decision for {item.site_id!r} matches "
                "nothing in this run (kept in the review sheet)"
            )
        _warn_outdated(review_file, layers.review.outdated)
    require_something(layers)
    written = write_outputs(
        layers, output, title=title, tiles=tiles, embed=embed_src if embed else None, png=png
    )
    if corpus:
        shutil.rmtree(checkpoint, ignore_errors=True)
    if not quiet:
        click.echo(
            f"{len(layers.sites)} sites, {len(layers.routes)} routes, "
            f"{len(layers.unresolved)} unresolved from {len(layers.document.sources)} reports"
        )
        for path in written:
            click.echo(f"wrote {path}")
        if png:
            click.echo(f"alt text for map.png: {summary(layers)}")
    if layers.sites.empty and layers.routes.empty:
        raise CampmapError(
            f"nothing could be placed: {len(layers.unresolved)} unresolved mentions "
            f"(listed in {Path(output) / 'report.json'})"
        )


def _relative(path: Path) -> Path:
    """Name a bundled example relative to the working folder when inside it (stable labels)."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def _report_corpus(stats: CorpusStats, layers: Layers) -> None:
    """Say what a corpus run read; its failures were warned about as they came."""
    for problem in layers.document.problems[stats.failed :]:
        _warn(str(problem))
    for item in layers.unresolved:
        _warn(f"{item.source}: could not place {item.text!r}")
    resumed = f", {stats.resumed_batches} batches resumed from a checkpoint"
    skipped = f"; {stats.no_camera} name no camera (skipped)"
    stopped = f"; {stats.timed_out} over the time budget (stopped and skipped)"
    click.echo(
        f"campmap: read {stats.reports} reports ({stats.bytes / 1e6:.1f} MB) in "
        f"{stats.seconds:.1f} s{resumed if stats.resumed_batches else ''}"
        f"{skipped if stats.no_camera else ''}{stopped if stats.timed_out else ''}",
        err=True,
    )
    if stats.failed:
        _warn(stats.failure_summary())


def _report_problems(layers: Layers) -> None:
    for problem in layers.document.problems:
        _warn(str(problem))
    placed = {
        source
        for m in layers.mentions
        if m.role is not Role.CONTEXT
        for source in m.sentence.sources
    }
    for source in layers.document.sources:
        if source.label not in placed:
            _warn(f"{source.label}: no camera sites found")
    for item in layers.unresolved:
        hint = f" (closest names: {', '.join(item.candidates)})" if item.candidates else ""
        _warn(f"{item.source}: could not place {item.text!r}{hint}")


@cli.command("render")
@click.argument("sites", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    default="campmap-out",
    show_default=True,
    type=click.Path(path_type=Path),
    help="Folder for map.html (and embed.html, map.png).",
)
@click.option(
    "--routes",
    type=click.Path(path_type=Path),
    default=None,
    help="A routes GeoJSON file (default: routes.geojson beside a sites.geojson, if any).",
)
@click.option("--title", default="Reported camera sites", show_default=True, help="Map title.")
@click.option(
    "--tiles",
    default=None,
    metavar="PROVIDER",
    help="Base map by xyzservices name, or none (the default: the map works offline).",
)
@embed_option
@embed_src_option
@png_option
@_clean_errors
def render_command(
    sites: Path,
    output: Path,
    routes: Path | None,
    title: str,
    tiles: str | None,
    embed: bool,
    embed_src: str,
    png: bool,
) -> None:
    """Draw map.html again from a sites GeoJSON file, without reading any report."""
    layers = read_layers(sites, routes)
    written = write_map_outputs(
        layers, output, title=title, tiles=tiles, embed=embed_src if embed else None, png=png
    )
    click.echo(f"{len(layers.sites)} sites, {len(layers.routes)} routes from {sites}")
    for path in written:
        click.echo(f"wrote {path}")
    if png:
        click.echo(f"alt text for map.png: {summary(layers)}")


@cli.command("extract")
@inputs_argument
@json_option
@place_options
@location_column_option
@corpus_options
@_clean_errors
def extract_command(
    inputs: Sequence[str],
    as_json: bool,
    location_column: str | None,
    jobs: int | None,
    scheduler: str | None,
    batch_size: int,
    text_field: str,
    every_report: bool,
    report_timeout: float,
    **places: Any,
) -> None:
    """List every place mention in the reports, with its role and count.

    With --jobs, --scheduler, .jsonl or compressed inputs the mentions are
    streamed report by report (with --json: one JSON object per line).
    """
    if not inputs:
        raise click.UsageError("give at least one report file, folder, or - for standard input")
    if _corpus_mode(inputs, jobs, scheduler):
        _corpus_inputs(inputs)
        _extract_corpus(
            inputs,
            as_json,
            jobs or 1,
            scheduler,
            batch_size,
            text_field,
            every_report,
            report_timeout,
            places,
        )
        return
    gazetteer = default_gazetteer(_backends(**places))
    tables = [
        read_table(p, gazetteer, location_column=location_column) for p in inputs if is_table(p)
    ]
    reports = [p for p in inputs if not is_table(p)]
    document = read_sources(reports) if reports else Document((), ())
    for problem in (*document.problems, *(t.note for t in tables if t.note is not None)):
        _warn(str(problem))
    if not document.sources and not tables:
        raise CampmapError("no report could be read")
    found = [*extract(document, gazetteer), *(m for t in tables for m in t.mentions)]
    mentions, problems = place_unresolved(found, gazetteer, places["region"])
    for problem in problems:
        _warn(str(problem))
    records = [mention_record(m) for m in mentions]
    if as_json:
        click.echo(json.dumps(records, indent=2, ensure_ascii=False))
        return
    for r in records:
        count = "" if r["count"] is None else f" count={r['count']}"
        name = r["name"] or "(unresolved)"
        click.echo(f"{r['role']:8} {r['text']!r} -> {name}{count}  [{r['source']}:{r['start']}]")


def _extract_corpus(
    inputs: Sequence[str],
    as_json: bool,
    jobs: int,
    scheduler: str | None,
    batch_size: int,
    text_field: str,
    every_report: bool,
    report_timeout: float,
    places: dict[str, Any],
) -> None:
    if places["geocoder"] is not None:
        raise click.UsageError("--geocoder is not used when streaming; map the archive instead")
    stats = CorpusStats()
    with _dask_client(scheduler) as client:
        mentions = extract_corpus(
            inputs,
            jobs=jobs,
            client=client,
            gazetteer_files=places["gazetteers"],
            batch_size=batch_size,
            text_field=text_field,
            progress=Progress(),
            stats=stats,
            screen=not every_report,
            report_timeout=report_timeout or None,
        )
        for mention in mentions:
            r = mention_record(mention)
            if as_json:
                click.echo(json.dumps(r, ensure_ascii=False))
            else:
                count = "" if r["count"] is None else f" count={r['count']}"
                name = r["name"] or "(unresolved)"
                click.echo(
                    f"{r['role']:8} {r['text']!r} -> {name}{count}  [{r['source']}:{r['start']}]"
                )
    if stats.failed:
        _warn(stats.failure_summary())
    if stats.reports == 0 or stats.failed == stats.reports:
        raise CampmapError(f"no report could be read ({stats.failure_summary()})")


def mention_record(mention: Mention) -> dict[str, Any]:
    """Return the JSON object ``campmap extract --json`` prints for a mention."""
    place = mention.place
    site_id = None
    if mention.role is Role.SITE and place is not None:
        site_id = place.id
    elif mention.role is Role.ROUTE and mention.route_key is not None:
        site_id = f"route-{mention.route_key[0]}-to-{mention.route_key[1]}"
    return {
        "text": mention.text,
        "name": place.name if place else None,
        "role": mention.role.value,
        "count": mention.count,
        "count_text": mention.count_text,
        "resolved": mention.resolved,
        "site_id": site_id,
        "status": mention.status,
        "camera": mention.camera,
        "shape": mention.shape,
        "confidence": mention.confidence,
        "match": mention.match,
        "reason": mention.reason,
        "reasons": list(mention.reasons or (mention.reason,)),
        "quote": mention.sentence.text,
        "source": mention.source,
        "sources": list(mention.sentence.sources),
        "start": mention.source_start,
        "end": mention.source_end,
    }


def _warn_outdated(sheet: Path | None, outdated: Sequence[OutdatedDecision]) -> None:
    """Warn of each decision made on another count or quote than this run's."""
    for item in outdated:
        _warn(
            f"{sheet}:{item.line}: decision for {item.site_id!r} is stale "
            f"({item.stale} since it was made): check it again, then empty its "
            "decided_on_count and decided_on_quote cells"
        )


@cli.command("review")
@inputs_argument
@click.option(
    "-o",
    "--output",
    default="review.csv",
    show_default=True,
    type=click.Path(path_type=Path),
    help="The review sheet (CSV). Decisions already in it are kept.",
)
@place_options
@location_column_option
@_clean_errors
def review_command(
    inputs: Sequence[str], output: Path, location_column: str | None, **places: Any
) -> None:
    """Write a review sheet: one row per candidate site and route, with columns to decide.

    Fill in action (accept, reject, move), move_to (a place name or 'lat, lon'),
    set_count, verification (reported, photo-confirmed, on-site-confirmed,
    disputed) and note; then run 'campmap map INPUT ... --review SHEET'.
    """
    paths: Sequence[str | Path] = inputs or [_relative(p) for p in example_paths()]
    previous = read_review(output) if output.exists() else []
    backends = _backends(**places)
    layers = map_reports(
        paths, backends=backends, region=places["region"], location_column=location_column
    )
    _report_problems(layers)
    outdated = write_review(layers, output, default_gazetteer(backends), previous=previous)
    _warn_outdated(output, outdated)
    click.echo(f"wrote {output} ({len(previous)} earlier decisions kept)")


@cli.command("diff")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@json_option
@_clean_errors
def diff_command(old: Path, new: Path, as_json: bool) -> None:
    """Say what changed between two output folders: sites added, removed, moved, counts."""
    result = diff_runs(old, new)
    if as_json:
        click.echo(json.dumps(result.as_dict(), indent=2, ensure_ascii=False))
    else:
        for line in result.lines():
            click.echo(line)


@cli.group("gazetteer")
def gazetteer_group() -> None:
    """Look up places in the gazetteer."""


@gazetteer_group.command("find")
@click.argument("name")
@json_option
@place_options
@_clean_errors
def gazetteer_find(name: str, as_json: bool, **places: Any) -> None:
    """Show what the gazetteer knows about NAME (exact, misspelt, or close names).

    NAME may be a junction: "Bowes Road junction with Bounds Green Road", "A / B".
    """
    gazetteer = default_gazetteer(_backends(**places))
    found = gazetteer.lookup(name)
    close = [] if found else [p for p, score in gazetteer.suggest(name) if score >= 60]
    records: list[dict[str, Any]] = [
        {
            "id": p.id,
            "name": p.name,
            "aliases": list(p.aliases),
            "kind": p.kind,
            "place_kind": p.place_kind,
            "lon": round(p.geometry.centroid.x, 6),
            "lat": round(p.geometry.centroid.y, 6),
            "source": p.source,
            "backend": p.backend,
            "match": "name" if found else "close",
        }
        for p in (found or close)
    ]
    if as_json:
        click.echo(json.dumps(records, indent=2, ensure_ascii=False))
    elif not records:
        click.echo(f"nothing known as {name!r}")
    else:
        if not found:
            click.echo(f"no place is called {name!r}; closest names:")
        for r in records:
            click.echo(
                f"{r['id']}: {r['name']} ({r['kind']}, {r['place_kind']}) at {r['lat']}, {r['lon']}"
            )
            if r["aliases"]:
                click.echo(f"  also: {'; '.join(r['aliases'])}")
            click.echo(f"  coordinates: {r['source']} [{r['backend']}]")
    if not found:
        sys.exit(1)


@gazetteer_group.command("import")
@click.argument("source", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path),
    help="The GeoPackage (.gpkg) to write; use it with --gazetteer.",
)
@click.option(
    "--index",
    "location_index",
    default="flex_mem",
    show_default=True,
    help="libosmium node-location index; e.g. dense_file_array,FILE keeps it on disk.",
)
@_clean_errors
def gazetteer_import(source: Path, output: Path, location_index: str) -> None:
    """Build a gazetteer from an OpenStreetMap extract (.osm, .osm.pbf)."""
    summary = import_osm(source, output, location_index=location_index)
    click.echo(
        f"{summary.streets} streets ({summary.street_names} names, from {summary.ways_read} "
        f"ways), {summary.areas} areas, {summary.points} points in {summary.seconds:.1f} s"
        + (f"; {summary.skipped} objects skipped (nodes missing)" if summary.skipped else "")
    )
    click.echo(f"wrote {output}")


def main() -> None:
    """Run the ``campmap`` command."""
    cli(prog_name="campmap")
