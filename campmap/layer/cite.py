"""How a row of the map names its sources: by outlet and date, with an address a reader can check.

Each report behind a site or route becomes a :class:`Citation`: its outlet (or
the address's host, or the report's relative path) and its publication date,
``Example Gazette, 2 May 2023``, and its ``http``/``https`` address. A row
lists them in :data:`SOURCE_COLUMNS`: ``source_names`` and ``source_urls``
(``; ``-separated, each once) and the dates it was ``first_reported`` and
``last_reported`` (ISO dates, None when no report gives one).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from campmap.layer.tally import Tally
from campmap.records import Mention, Source
from campmap.sources.metadata import web_address

__all__ = [
    "SOURCE_COLUMNS",
    "Citation",
    "citations",
    "cite",
    "cited_labels",
    "contributors",
    "from_columns",
    "map_citations",
    "numbered",
    "source_columns",
]

SOURCE_COLUMNS = ("source_names", "source_urls", "first_reported", "last_reported")
"""The columns :func:`source_columns` gives a site or route."""

_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Citation:
    """One report as a reader sees it cited.

    Attributes
    ----------
    label : str
        The report's name in the run (its path relative to the input).
    name : str
        Outlet and date, ``Example Gazette, 2 May 2023``; the address's host,
        or the label, when the report names no outlet.
    url : str or None
        Its ``http``/``https`` address.
    published : str or None
        Its publication date, ``YYYY-MM-DD``.
    title : str or None
        Its headline.
    """

    label: str
    name: str
    url: str | None = None
    published: str | None = None
    title: str | None = None


def _host(url: str | None) -> str | None:
    if url is None:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def _day(iso: str) -> str:
    """Return an ISO date as a reader writes it (``2 May 2023``), in any locale."""
    day = date.fromisoformat(iso)
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def cite(source: Source) -> Citation:
    """Return how ``source`` is cited.

    Examples
    --------
    >>> cite(Source("a.txt", "", outlet="Example Gazette", published="2023-05-02")).name
    'Example Gazette, 2 May 2023'
    >>> cite(Source("a.txt", "", url="https://www.news.example/a")).name
    'news.example'
    >>> cite(Source("reports/a.txt", "")).name
    'reports/a.txt'
    """
    who = source.outlet or _host(source.url) or source.label
    # "; " separates sources in a column: a name never holds one.
    when = [_day(source.published)] if source.published else []
    name = ", ".join([who.replace(";", ","), *when])
    return Citation(source.label, name, source.url, source.published, source.title)


def cited_labels(group: Iterable[Mention]) -> list[str]:
    """Return the reports behind mentions, in order of first appearance, each once."""
    return list(dict.fromkeys(s for m in group for s in m.sentence.sources))


def citations(sources: Iterable[Source], labels: Iterable[str]) -> dict[str, Citation]:
    """Return the citation of each of ``labels`` found in ``sources`` (read once, in order)."""
    wanted = set(labels)
    return {s.label: cite(s) for s in sources if s.label in wanted}


def source_columns(
    labels: Sequence[str], index: Mapping[str, Citation], more: Tally | None = None
) -> tuple[dict[str, Any], tuple[Citation, ...]]:
    """Return a row's :data:`SOURCE_COLUMNS`, and its citations in order.

    Parameters
    ----------
    labels : sequence of str
        The row's reports, in order (:func:`cited_labels`).
    index : mapping of str to Citation
        Every report's citation (:func:`citations`); a label it lacks is cited by its name.
    more : Tally, optional
        Further mentions counted, not listed: their dates widen the row's span,
        and their reports are said as ``and N more``.

    Examples
    --------
    >>> index = {"a.txt": Citation("a.txt", "A, 2 May 2023", "https://a.example/1", "2023-05-02")}
    >>> source_columns(["a.txt", "b.txt"], index)[0]
    {'source_names': 'A, 2 May 2023; b.txt', 'source_urls': 'https://a.example/1', \
'first_reported': '2023-05-02', 'last_reported': '2023-05-02'}
    """
    cited = tuple(index.get(label) or Citation(label, label.replace(";", ",")) for label in labels)
    names = "; ".join(dict.fromkeys(c.name for c in cited))
    if more is not None and more.more_sources:
        names = f"{names}; and {more.more_sources} more"
    dates = sorted({c.published for c in cited if c.published})
    if more is not None:
        dates = sorted({*dates, *(d for d in (more.first_reported, more.last_reported) if d)})
    urls = "; ".join(dict.fromkeys(c.url for c in cited if c.url))
    row = {
        "source_names": names or None,
        "source_urls": urls or None,
        "first_reported": dates[0] if dates else None,
        "last_reported": dates[-1] if dates else None,
    }
    return row, cited


def contributors(mentions: Iterable[Mention]) -> set[str]:
    """Return the reports some mention was found in (those a run's ``report.json`` lists)."""
    return {label for m in mentions for label in m.sentence.sources}


def numbered(
    rows: Iterable[Sequence[Citation]],
) -> tuple[list[list[str | None]], list[list[int]]]:
    """Return each report once, ``[name, url, title, published]``, and each row's as indices.

    How the map carries citations: many sites share a report.

    Examples
    --------
    >>> a, b = Citation("a.txt", "A", "https://a.example/1"), Citation("b.txt", "b.txt")
    >>> numbered([(a, b), (b,)])
    ([['A', 'https://a.example/1', None, None], ['b.txt', None, None, None]], [[0, 1], [1]])
    """
    reports: list[list[str | None]] = []
    seen: dict[Citation, int] = {}
    indices = []
    for row in rows:
        for c in row:
            if c not in seen:
                seen[c] = len(reports)
                reports.append([c.name, c.url, c.title, c.published])
        indices.append([seen[c] for c in row])
    return reports, indices


def from_columns(names: object, urls: object) -> tuple[Citation, ...]:
    """Return a row's citations rebuilt from its columns (layers read back from a file).

    Names and addresses pair up in order when there are as many of each;
    otherwise the names are listed, then each address as its own link. A row
    with no ``http``/``https`` address gives none (its ``sources`` stand).

    Examples
    --------
    >>> [(c.name, c.url) for c in from_columns("A, 2 May 2023", "https://a.example/1")]
    [('A, 2 May 2023', 'https://a.example/1')]
    >>> [(c.name, c.url) for c in from_columns("A; b.txt", "https://a.example/1")]
    [('A', None), ('b.txt', None), ('https://a.example/1', 'https://a.example/1')]
    >>> from_columns("A", None)
    ()
    """
    links = [u for u in (urls.split("; ") if isinstance(urls, str) else []) if web_address(u)]
    if not links:
        return ()
    listed = names.split("; ") if isinstance(names, str) and names else []
    listed = [n for n in listed if not (n.startswith("and ") and n.endswith(" more"))]
    if len(listed) == len(links):
        return tuple(Citation(n, n, u) for n, u in zip(listed, links, strict=True))
    return (*(Citation(n, n) for n in listed), *(Citation(u, u, u) for u in links))


def map_citations(
    cited: Mapping[str, Sequence[Citation]], rows: Iterable[tuple[str, object, object]]
) -> tuple[list[list[str | None]], list[list[int] | None]]:
    """Return the cited reports once each, and each row's as indices (what the map carries).

    The map's ``reports`` holds each report as ``[name, url, title, published]``;
    ``sites.cites[i]`` and each route's ``cites`` are indices into it.

    ``rows`` gives each site or route as its id, ``source_names`` and
    ``source_urls``. A run's layers know their citations (``cited``); layers
    read back from a file get them from the columns, when a row has an address
    to link (:func:`from_columns`). A row with none is None: the map lists its
    ``sources``.
    """
    found = [cited.get(ident) or from_columns(names, urls) for ident, names, urls in rows]
    reports, indices = numbered(found)
    return reports, [row or None for row in indices]
