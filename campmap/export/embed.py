"""The snippet a news site pastes to embed ``map.html``: a responsive, sandboxed iframe."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

from campmap.errors import EmbedSourceError

__all__ = ["SANDBOX", "EmbedSourceError", "check_src", "embed_snippet", "write_embed"]

SANDBOX = "allow-scripts allow-popups allow-popups-to-escape-sandbox allow-downloads"
"""What the map needs inside the sandbox: its own script, source links opening in a new tab,
and the data table's downloads (CSV and GeoJSON of the sites shown, made in the page).

Not ``allow-same-origin`` (the map needs no cookies or storage), not
``allow-top-navigation`` (a link can never take over the article).
"""


_UNSAFE = re.compile(r"[\x00-\x1f\x7f\\]|^\s|\s$")
"""What a browser strips or rewrites before it reads a URL's scheme (controls, edge spaces, \\)."""


def check_src(src: str) -> str:
    r"""Return ``src`` if the iframe may point there: an http(s) URL or a relative path.

    Anything else (``javascript:``, ``data:``, ``file:``, a host with no
    scheme ``//host/map.html``) is refused, and so is a control character, a
    backslash or a space at either end, which browsers drop or rewrite before
    they read the scheme (``java\tscript:`` is ``javascript:`` to them). A
    relative path with a colon before its first slash (``a:b/map.html``) reads
    as a scheme: write it ``./a:b/map.html``.

    Raises
    ------
    EmbedSourceError
        ``src`` is not an http(s) URL with a host, nor a relative path.

    Examples
    --------
    >>> check_src("maps/map.html"), check_src("https://news.example/map.html?v=2")
    ('maps/map.html', 'https://news.example/map.html?v=2')
    >>> try:
    ...     check_src("JavaScript:alert(1)")
    ... except EmbedSourceError as err:
    ...     print(str(err).split(";")[0])
    'JavaScript:alert(1)' is a javascript: address
    """
    expected = (
        "expected an http(s) URL (https://news.example/map.html) or a path relative to "
        "the article (maps/map.html)"
    )
    if not src or _UNSAFE.search(src):
        what = "is empty" if not src else "has a control character, backslash or edge space"
        raise EmbedSourceError(f"{src!r} {what}; {expected}")
    head = re.split(r"[/?#]", src, maxsplit=1)[0]
    if ":" in head:
        scheme = head.split(":", 1)[0].lower()
        if scheme not in ("http", "https"):
            raise EmbedSourceError(f"{src!r} is a {scheme}: address; {expected}")
        if not src[len(scheme) + 1 :].startswith("//") or not urlsplit(src).hostname:
            raise EmbedSourceError(f"{src!r} names no host; {expected}")
    elif src.startswith("//"):
        raise EmbedSourceError(f"{src!r} names a host but no scheme; {expected}")
    return src


def embed_snippet(
    src: str,
    title: str,
    summary: str = "",
    *,
    aspect: tuple[int, int] = (16, 10),
) -> str:
    """Return the HTML to paste into an article to show the map.

    Parameters
    ----------
    src : str
        Where ``map.html`` will be published: an http(s) URL, or a path
        relative to the article (see :func:`check_src`).
    title : str
        The iframe's accessible name.
    summary : str
        A one-line text alternative, shown as the figure's caption. The
        title and the summary sit outside the map, above and below it: the
        map shows no panel over itself in an embed.
    aspect : (int, int)
        Width to height; the frame keeps it at any width.

    Raises
    ------
    EmbedSourceError
        ``src`` is neither an http(s) URL nor a relative path.

    Examples
    --------
    >>> lines = embed_snippet("map.html", "Cameras & routes").splitlines()
    >>> print(lines[1]); print(lines[2])
      <div class="campmap-embed-title" style="font-weight:bold">Cameras &amp; routes</div>
      <div style="position:relative;width:100%;aspect-ratio:16/10;min-height:320px">
    """
    check_src(src)
    width, height = aspect
    caption = f"  <figcaption>{escape(summary)}</figcaption>\n" if summary else ""
    return (
        '<figure class="campmap-embed" style="margin:0">\n'
        f'  <div class="campmap-embed-title" style="font-weight:bold">{escape(title)}</div>\n'
        f'  <div style="position:relative;width:100%;aspect-ratio:{width}/{height};'
        'min-height:320px">\n'
        f'    <iframe src="{escape(src)}" title="{escape(title)}" '
        'style="position:absolute;inset:0;width:100%;height:100%;border:0" '
        f'sandbox="{SANDBOX}" allow="fullscreen" allowfullscreen loading="lazy" '
        'referrerpolicy="strict-origin-when-cross-origin"></iframe>\n'
        "  </div>\n"
        f"{caption}"
        "</figure>\n"
    )


def write_embed(path: Path, src: str, title: str, summary: str = "") -> None:
    """Write :func:`embed_snippet`'s HTML to ``path``."""
    path.write_text(embed_snippet(src, title, summary), encoding="utf-8")
