"""The HTTP of region downloads (standard library ``urllib``): small files, and resumable big ones.

A big file is written to a ``.part`` file as it arrives. When a connection breaks,
the ``.part`` stays, and the next try asks only for the rest (an HTTP ``Range``
request, guarded by ``If-Range`` with the first answer's ``ETag`` or
``Last-Modified``, so a file that changed on the server in between is fetched
afresh instead of being spliced). Nothing here runs unless a download is asked for.
"""

from __future__ import annotations

import hashlib
import http.client
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.request import Request, urlopen

from campmap.errors import DownloadError, OutputError

__all__ = ["CHUNK_BYTES", "TIMEOUT", "Downloaded", "download", "fetch_bytes", "md5_of"]

TIMEOUT = 60.0
"""Seconds to wait for a server to connect or send the next bytes."""

CHUNK_BYTES = 1024 * 1024
"""Bytes read and written at a time, so memory stays flat whatever the file's size."""

_SUFFIX = ".validator"


def _headers(extra: dict[str, str] | None = None) -> dict[str, str]:
    from campmap import __version__

    return {"User-Agent": f"campmap/{__version__} (region gazetteer download)", **(extra or {})}


def _reason(err: BaseException) -> str:
    reason = getattr(err, "reason", None) or err
    return str(getattr(reason, "strerror", None) or reason)


def fetch_bytes(url: str, *, limit: int, timeout: float = TIMEOUT) -> bytes | None:
    """Return the body at ``url`` (at most ``limit`` bytes), or None when the server has none (404).

    Raises
    ------
    DownloadError
        No connection, another HTTP error, or a body over ``limit`` bytes.
    """
    try:
        with urlopen(Request(url, headers=_headers()), timeout=timeout) as response:
            body = bytes(response.read(limit + 1))
    except HTTPError as err:
        if err.code in (404, 410):
            return None
        raise DownloadError(f"{url}: the server answered {err.code} {err.reason}") from err
    except (URLError, OSError, http.client.HTTPException) as err:
        raise DownloadError(f"{url}: cannot fetch ({_reason(err)})") from err
    if len(body) > limit:
        raise DownloadError(f"{url}: larger than the {limit} bytes expected")
    return body


@dataclass(frozen=True, slots=True)
class Downloaded:
    """A finished download.

    Attributes
    ----------
    path : pathlib.Path
        The ``.part`` file, now whole.
    size : int
        Its bytes.
    resumed_from : int
        Bytes already there from an earlier, broken try (0: fetched whole).
    last_modified : str or None
        The server's ``Last-Modified`` header.
    """

    path: Path
    size: int
    resumed_from: int
    last_modified: str | None


def download(
    url: str, part: Path, *, progress: bool | None = None, timeout: float = TIMEOUT
) -> Downloaded:
    """Download ``url`` into ``part``, carrying on from what an earlier try left there.

    Parameters
    ----------
    url : str
        The file.
    part : pathlib.Path
        Where it is written; kept when the download breaks, so the next call resumes.
    progress : bool or None
        Show a progress bar on standard error; None: when that is a terminal.
    timeout : float
        Seconds to wait for a connection or for the next bytes.

    Raises
    ------
    DownloadError
        No connection, an HTTP error, or a connection that broke (run again to resume).
    OutputError
        The file cannot be written (a full disk); what was written stays, to resume.
    """
    part.parent.mkdir(parents=True, exist_ok=True)
    validator_file = part.with_name(part.name + _SUFFIX)
    start = part.stat().st_size if part.is_file() else 0
    extra = {}
    if start:
        extra["Range"] = f"bytes={start}-"
        if validator_file.is_file():
            extra["If-Range"] = validator_file.read_text(encoding="ascii").strip()
    try:
        response = urlopen(Request(url, headers=_headers(extra)), timeout=timeout)
    except HTTPError as err:
        if err.code == 416 and start:  # nothing left to send: the file is whole
            return Downloaded(part, start, start, None)
        raise DownloadError(f"{url}: the server answered {err.code} {err.reason}") from err
    except (URLError, OSError, http.client.HTTPException) as err:
        raise DownloadError(f"{url}: cannot fetch ({_reason(err)})") from err
    with response:
        if response.status != 206:
            start = 0  # a whole file came back (no ranges, or it changed): start afresh
        elif not str(response.headers.get("Content-Range", "")).startswith(f"bytes {start}-"):
            _discard(part, validator_file)
            raise DownloadError(f"{url}: the server sent another part than asked for; run again")
        validator = response.headers.get("ETag") or response.headers.get("Last-Modified")
        if validator:
            validator_file.write_text(validator, encoding="ascii")
        else:
            validator_file.unlink(missing_ok=True)
        length = response.headers.get("Content-Length")
        total = start + int(length) if length and length.isdigit() else None
        _copy(response, part, start, total, progress, url)
        last_modified = response.headers.get("Last-Modified")
    size = part.stat().st_size
    if total is not None and size != total:
        raise DownloadError(
            f"{url}: the connection broke after {size} of {total} bytes; "
            "run the same command again to resume"
        )
    validator_file.unlink(missing_ok=True)
    return Downloaded(part, size, start, last_modified)


def _discard(*files: Path) -> None:
    for file in files:
        file.unlink(missing_ok=True)


def _copy(
    response: http.client.HTTPResponse,
    part: Path,
    start: int,
    total: int | None,
    progress: bool | None,
    url: str,
) -> None:
    """Append (or write, from ``start`` 0) the response's body to ``part``, with a bar."""
    from tqdm import tqdm

    with (
        part.open("ab" if start else "wb") as out,
        tqdm(
            total=total,
            initial=start,
            unit="B",
            unit_scale=True,
            unit_divisor=1024,
            desc=part.name.removesuffix(".part"),
            file=sys.stderr,
            disable=None if progress is None else not progress,
        ) as bar,
    ):
        while True:
            try:
                chunk = response.read(CHUNK_BYTES)
            except (OSError, http.client.HTTPException) as err:
                out.flush()
                raise DownloadError(
                    f"{url}: the connection broke after {out.tell()} bytes ({_reason(err)}); "
                    "run the same command again to resume"
                ) from err
            if not chunk:
                return
            try:
                out.write(chunk)
            except OSError as err:  # a full disk: what came so far stays, to resume
                raise OutputError(f"{part}: cannot write the download: {_reason(err)}") from err
            bar.update(len(chunk))


def md5_of(path: Path) -> str:
    """Return a file's MD5 checksum as hexadecimal, read a chunk at a time."""
    with path.open("rb") as stream:
        digest = hashlib.file_digest(stream, lambda: hashlib.md5(usedforsecurity=False))
    return digest.hexdigest()
