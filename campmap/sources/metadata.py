"""Who published a report, where and when: its address, outlet, title, author and date.

Read where the input says it, never guessed from the article's text:

- a text report's head: a ``Source: URL`` line (or ``URL:``, ``Link:``), or a
  first line that is an address; ``Outlet:``/``Publisher:``, ``Title:``,
  ``Author:``/``By ...`` and ``Date:``/``Published:`` lines, or a line that is
  only a date, among its first lines, else the date in the address's path
  (``/2023/06/30/``, :func:`url_date`) (:func:`text_metadata`);
- an HTML page's markup, read by trafilatura: the canonical link or
  ``og:url``, ``og:site_name``, ``og:title``, the ``author`` meta and
  ``article:published_time`` and their JSON-LD equivalents (:func:`html_metadata`);
- a JSON-lines record's ``url``, ``outlet``, ``title``, ``author`` and
  ``date`` fields (:func:`record_metadata`);
- the options a user gives for one report (``--source-url``, ``--outlet``).

Report text is untrusted: an address is kept only when it is ``http`` or
``https`` with a host and no spaces (:func:`web_address`), dates are kept as
ISO ``YYYY-MM-DD`` (:func:`iso_date`), and every other value is one line of
plain text at most :data:`MAX_FIELD` characters long.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from campmap.records import Source

__all__ = [
    "MAX_FIELD",
    "ReportMeta",
    "html_metadata",
    "iso_date",
    "record_metadata",
    "text_metadata",
    "url_date",
    "web_address",
    "with_meta",
]

MAX_FIELD = 300
"""Characters kept of an outlet, title or author (an address: 2,000)."""
_MAX_URL = 2000
_HEAD_LINES = 8
"""Non-empty lines at the top of a text report searched for its metadata."""


@dataclass(frozen=True, slots=True)
class ReportMeta:
    """What a report says about itself; every field None when not said.

    Attributes
    ----------
    url : str or None
        Its web address (``http`` or ``https`` only).
    outlet : str or None
        Who published it (``Example Gazette``).
    title : str or None
        Its headline.
    author : str or None
        Its byline.
    published : str or None
        Its publication date, ``YYYY-MM-DD``.
    """

    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None

    def fill(self, other: ReportMeta) -> ReportMeta:
        """Return these fields, each missing one taken from ``other``.

        Examples
        --------
        >>> ReportMeta(outlet="A").fill(ReportMeta(outlet="B", url="https://b.org/1"))
        ReportMeta(url='https://b.org/1', outlet='A', title=None, author=None, published=None)
        """
        return ReportMeta(
            *(getattr(self, f.name) or getattr(other, f.name) for f in fields(ReportMeta))
        )


def with_meta(source: Source, meta: ReportMeta) -> Source:
    """Return ``source`` with ``meta``'s fields, where ``meta`` says them (it wins)."""
    have = ReportMeta(source.url, source.outlet, source.title, source.author, source.published)
    found = meta.fill(have)
    if found == have:
        return source
    return replace(
        source,
        url=found.url,
        outlet=found.outlet,
        title=found.title,
        author=found.author,
        published=found.published,
    )


def web_address(value: object) -> str | None:
    """Return ``value`` if it is an ``http``/``https`` address with a host, else None.

    Examples
    --------
    >>> web_address("https://news.example/a?b=1"), web_address("javascript:alert(1)")
    ('https://news.example/a?b=1', None)
    >>> web_address("https://"), web_address("http://a.example/x y")
    (None, None)
    """
    if not isinstance(value, str) or not _encodable(value):
        return None
    text = value.strip()
    if not text or len(text) > _MAX_URL or any(c.isspace() or ord(c) < 32 for c in text):
        return None
    try:
        parts = urlsplit(text)
        host = parts.hostname
    except ValueError:
        return None
    return text if parts.scheme.lower() in ("http", "https") and host else None


def _plain(value: object) -> str | None:
    """Return a field as one line of plain text (None when empty or not text)."""
    if not isinstance(value, str) or not _encodable(value):
        return None
    text = " ".join(value.split())[:MAX_FIELD].strip()
    return text or None


def _encodable(text: str) -> bool:
    """Tell whether ``text`` is whole Unicode (no lone surrogate from a JSON escape)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_WEEKDAY = re.compile(
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?", re.IGNORECASE
)
_DATES = (
    re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?:[T\s][\d:.+\-Z]*)?"),
    re.compile(rf"{_DAY}\s+(?:of\s+)?{_MONTH}\s+{_YEAR}", re.IGNORECASE),
    re.compile(rf"{_MONTH}\s+{_DAY}\s+{_YEAR}", re.IGNORECASE),
)
_URL_DATE = re.compile(r"/(?P<year>(?:19|20)\d{2})/(?P<month>\d{1,2})/(?P<day>\d{1,2})(?:/|$)")


def iso_date(value: object) -> str | None:
    """Return a date as ``YYYY-MM-DD`` (None when it is not one whole date).

    Takes ISO dates and timestamps, and dates written out in English with the
    month by name (``20th December 2024``, ``Dec. 20, 2024``, ``Friday 20 December 2024``,
    ``20 December, Friday, 2024``).

    Examples
    --------
    >>> iso_date("2024-12-20T09:30:00+00:00"), iso_date("20 December, Friday, 2024")
    ('2024-12-20', '2024-12-20')
    >>> iso_date("Dec. 20, 2024"), iso_date("2024-02-30"), iso_date("next week")
    ('2024-12-20', None, None)
    """
    if not isinstance(value, str) or len(value) > 80:
        return None
    text = value.strip()
    if not text[:1].isdigit() or not text[:4].isdigit():
        text = " ".join(_WEEKDAY.sub(" ", text).replace(",", " ").split())
    for pattern in _DATES:
        found = pattern.fullmatch(text)
        if found is None:
            continue
        month = found["month"]
        number = int(month) if month.isdigit() else _MONTHS.get(month.lower())
        if number is None:
            return None
        try:
            return date(int(found["year"]), number, int(found["day"])).isoformat()
        except ValueError:
            return None
    return None


_LABELLED = re.compile(
    r"(?P<key>source|url|link|outlet|publisher|publication|title|headline|author|byline|by"
    r"|date|published|publication date)\s*:\s*(?P<value>.+)",
    re.IGNORECASE,
)
_KEYS = {
    "source": "url", "url": "url", "link": "url",
    "outlet": "outlet", "publisher": "outlet", "publication": "outlet",
    "title": "title", "headline": "title",
    "author": "author", "byline": "author", "by": "author",
    "date": "published", "published": "published", "publication date": "published",
}  # fmt: skip
_LEADING_DATE = re.compile(r"date\s+(\d{4}-\d{2}-\d{2})\b", re.IGNORECASE)
"""A head line that starts with its date (``date 2023-06-30`` and the first words of text)."""
_BYLINE = re.compile(r"By\s+(?P<value>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3})")


def text_metadata(text: str) -> ReportMeta:
    r"""Return what the first lines of a text report say about it.

    Examples
    --------
    >>> meta = text_metadata("Source: https://news.example/c\n\n20th December 2024\n\nTwo cameras.")
    >>> meta.url, meta.published
    ('https://news.example/c', '2024-12-20')
    >>> text_metadata("https://news.example/a\nOutlet: Example Gazette\nBy Jo Bloggs\n").author
    'Jo Bloggs'
    """
    found: dict[str, Any] = {}
    lines = [line.strip() for line in text[:4000].splitlines() if line.strip()][:_HEAD_LINES]
    for number, line in enumerate(lines):
        labelled = _LABELLED.fullmatch(line)
        if labelled is not None:
            key = _KEYS[labelled["key"].lower()]
            value = labelled["value"].strip()
            parsed = (
                web_address(value)
                if key == "url"
                else iso_date(value)
                if key == "published"
                else _plain(value)
            )
            if parsed is not None:
                found.setdefault(key, parsed)
        elif number == 0 and web_address(line):
            found.setdefault("url", line)
        elif (leading := _LEADING_DATE.match(line)) is not None and iso_date(leading[1]):
            found.setdefault("published", iso_date(leading[1]))
        elif (byline := _BYLINE.fullmatch(line)) is not None:
            found.setdefault("author", byline["value"])
        elif (day := iso_date(line)) is not None:
            found.setdefault("published", day)
    if "published" not in found and "url" in found:
        found["published"] = url_date(found["url"])
    return ReportMeta(**found)


def url_date(url: str) -> str | None:
    """Return the date a news address carries in its path (``/2023/06/30/``), or None.

    Examples
    --------
    >>> url_date("https://news.example/2023/06/30/cameras"), url_date("https://a.example/2025/12/x")
    ('2023-06-30', None)
    """
    found = _URL_DATE.search(urlsplit(url).path)
    if found is None:
        return None
    try:
        return date(int(found["year"]), int(found["month"]), int(found["day"])).isoformat()
    except ValueError:
        return None


def html_metadata(html: str) -> ReportMeta:
    """Return what an HTML page's markup says about it, read by trafilatura.

    The date is read from the markup and the address only (``article:published_time``,
    JSON-LD, ``<time>``), not searched for in the text, so the same page gives
    the same date on any day.
    """
    import trafilatura

    try:
        meta = trafilatura.extract_metadata(
            html,
            date_config={
                "original_date": True,
                "extensive_search": False,
                "max_date": "2999-12-31",
            },
        )
    except (ValueError, TypeError):  # malformed metadata must not lose the report
        return ReportMeta()
    if meta is None:
        return ReportMeta()
    return ReportMeta(
        url=web_address(meta.url),
        outlet=_plain(meta.sitename),
        title=_plain(meta.title),
        author=_plain(meta.author),
        published=iso_date(meta.date),
    )


def record_metadata(record: Mapping[str, Any]) -> ReportMeta:
    """Return the metadata fields of a JSON-lines record.

    ``url``, ``outlet`` (or ``source``, ``publisher``, ``site_name``), ``title``,
    ``author`` and ``date`` (or ``published``); a field of the wrong type, or an
    address that is not ``http``/``https``, is left out.

    Examples
    --------
    >>> meta = record_metadata({"url": "https://a.example/1", "outlet": "A", "date": "2 May 2023"})
    >>> meta.url, meta.outlet, meta.published
    ('https://a.example/1', 'A', '2023-05-02')
    """

    def first(*names: str) -> Any:
        return next((record[n] for n in names if isinstance(record.get(n), str)), None)

    return ReportMeta(
        url=web_address(record.get("url")),
        outlet=_plain(first("outlet", "publisher", "site_name", "source")),
        title=_plain(record.get("title")),
        author=_plain(record.get("author")),
        published=iso_date(first("date", "published")),
    )
