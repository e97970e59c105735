"""The snippet a news site pastes to embed ``map.html``: a responsive, sandboxed iframe."""

from __future__ import annotations

from html import escape
from pathlib import Path

__all__ = ["SANDBOX", "embed_snippet", "write_embed"]

SANDBOX = "allow-scripts allow-popups allow-popups-to-escape-sandbox"
"""What the map needs inside the sandbox: its own script, and source links opening in a new tab.

Not ``allow-same-origin`` (the map needs no cookies or storage), not
``allow-top-navigation`` (a link can never take over the article).
"""


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
        Where ``map.html`` will be published (a URL, or a path relative to the article).
    title : str
        The iframe's accessible name.
    summary : str
        A one-line text alternative, shown as the figure's caption.
    aspect : (int, int)
        Width to height; the frame keeps it at any width.

    Examples
    --------
    >>> print(embed_snippet("map.html", 'Cameras & "routes"').splitlines()[1])
      <div style="position:relative;width:100%;aspect-ratio:16/10;min-height:320px">
    """
    width, height = aspect
    caption = f"  <figcaption>{escape(summary)}</figcaption>\n" if summary else ""
    return (
        '<figure class="campmap-embed" style="margin:0">\n'
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
