"""A static PNG of the map (social cards, print), shot by headless Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from campmap.errors import CampmapError

__all__ = ["find_chromium", "write_png"]

_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "/usr/bin/chromium")


def find_chromium() -> str:
    """Return the Chromium to use: ``$CAMPMAP_CHROMIUM``, else the first one on ``PATH``.

    Raises
    ------
    CampmapError
        No Chromium was found.
    """
    wanted = os.environ.get("CAMPMAP_CHROMIUM")
    if wanted:
        found = shutil.which(wanted)
        if found is None:
            raise CampmapError(f"CAMPMAP_CHROMIUM={wanted!r} is not an executable")
        return found
    for name in _CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    raise CampmapError(
        "the PNG needs Chromium, which was not found (apt-get install chromium, "
        "or set CAMPMAP_CHROMIUM); map.html was not affected"
    )


def write_png(
    html: Path, png: Path, *, width: int = 1200, height: int = 630, timeout: float = 120
) -> None:
    """Screenshot ``html`` into ``png`` (1200 x 630 by default, a social-card size).

    The page's script runs for up to 5 seconds of virtual time before the shot,
    so markers, labels and (when the map has them and the network allows)
    tiles are drawn.

    Raises
    ------
    CampmapError
        Chromium is missing, fails, or writes no image.
    """
    chromium = find_chromium()
    with tempfile.TemporaryDirectory(prefix="campmap-chromium-") as profile:
        shot = Path(profile) / "shot.png"
        command = [
            chromium,
            "--headless",
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            f"--user-data-dir={profile}",
            f"--window-size={width},{height}",
            "--virtual-time-budget=5000",
            f"--screenshot={shot}",
            Path(html).resolve().as_uri() + "#panels=open",  # the title and legend in view
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.insert(1, "--no-sandbox")  # Chromium refuses to run as root otherwise
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired as err:
            message = f"{html}: Chromium took over {timeout:.0f} s to draw the map"
            raise CampmapError(message) from err
        except OSError as err:
            raise CampmapError(f"cannot run {chromium}: {err.strerror or err}") from err
        if not shot.is_file() or shot.stat().st_size == 0:
            lines = [line for line in done.stderr.splitlines() if line.strip()]
            last = lines[-1] if lines else f"exit code {done.returncode}"
            raise CampmapError(f"{html}: Chromium wrote no screenshot ({last})")
        shutil.copyfile(shot, png)
