"""HTTP for the online geocoders: bounded answers, a deadline, and what a failure means.

geopy builds each service's request and parses its answer; this module fetches
it (:class:`BoundedAdapter`, handed to geopy as its ``adapter_factory``), says
which failures are worth another try (:func:`is_retryable`) and how to name
them (:func:`describe_error`), and checks each result's coordinates
(:func:`answer_record`).
"""

from __future__ import annotations

import json
import math
import threading
import time
from typing import Any
from urllib.error import HTTPError, URLError
from urllib.request import BaseHandler, HTTPSHandler, ProxyHandler, Request, build_opener

from geopy import exc as geopy_exc
from geopy.adapters import AdapterHTTPError, BaseSyncAdapter

from campmap.limits import MAX_GEOCODER_ANSWER_BYTES

__all__ = [
    "MALFORMED",
    "BoundedAdapter",
    "answer_record",
    "describe_error",
    "is_retryable",
    "read_bounded",
]


def is_retryable(err: geopy_exc.GeocoderServiceError) -> bool:
    """Whether a failed request is worth another try (timeout, 429, 5xx, malformed answer)."""
    if isinstance(
        err,
        geopy_exc.GeocoderTimedOut
        | geopy_exc.GeocoderRateLimited
        | geopy_exc.GeocoderUnavailable
        | geopy_exc.GeocoderParseError,
    ):
        return True
    cause = err.__cause__
    return isinstance(cause, AdapterHTTPError) and cause.status_code >= 500


def describe_error(err: geopy_exc.GeocoderServiceError) -> str:
    """Say in a few words why a request failed (``HTTP 503``, ``timed out`` ...)."""
    cause = err.__cause__
    if isinstance(err, geopy_exc.GeocoderRateLimited):
        return "rate limited (HTTP 429)"
    if isinstance(err, geopy_exc.GeocoderTimedOut):
        return (
            "timed out" if not isinstance(cause, AdapterHTTPError) else f"HTTP {cause.status_code}"
        )
    if isinstance(err, geopy_exc.GeocoderParseError):
        return "malformed answer (not JSON)"
    if isinstance(cause, AdapterHTTPError):
        return f"HTTP {cause.status_code}"
    return str(err).splitlines()[0][:200] if str(err) else type(err).__name__


MALFORMED = (ValueError, TypeError, AttributeError, KeyError, IndexError, RecursionError)
"""What geopy's parsers raise on an answer of the wrong shape (``[1]``, ``{"lat": "x"}`` ...)."""


def answer_record(service: str, location: Any) -> dict[str, Any]:
    """Return one answer as cached, or raise ValueError when it holds no real coordinates."""
    raw = location.raw
    lat, lon = float(location.latitude), float(location.longitude)
    if not isinstance(raw, dict):
        raise ValueError(f"expected a JSON object per result, got {type(raw).__name__}")
    if service == "nominatim" and not ("lat" in raw and "lon" in raw):
        raise ValueError("a result without 'lat' and 'lon'")  # geopy would place it at 0, 0
    if not (math.isfinite(lat) and math.isfinite(lon) and abs(lat) <= 90 and abs(lon) <= 180):
        raise ValueError(f"coordinates out of range: {lat}, {lon}")
    return {"lat": lat, "lon": lon, "address": location.address, "raw": raw}


_CHUNK = 64 * 1024


class BoundedAdapter(BaseSyncAdapter):  # type: ignore[misc]
    """HTTP through urllib, with a deadline on the whole request and a cap on the answer.

    geopy's own adapters read a whole body, however long, and urllib's timeout
    bounds each socket read only, so a server streaming without end (or a byte
    at a time) could hold a run and grow it to gigabytes. Here the body is read
    a chunk at a time: past :data:`~campmap.limits.MAX_GEOCODER_ANSWER_BYTES`
    (or when the ``Content-Length`` says so) the connection is dropped and
    geopy's ``GeocoderServiceError`` raised (a failure, not retried). The request runs
    in a worker thread that is given up on (a timeout, retried like any other)
    once ``timeout`` seconds have passed; it stops at its next chunk or socket
    timeout. urllib, not requests: requests' adapter retries on its own
    (urllib3's Retry), which would send requests past the rate limiter and the
    retry count.
    """

    def __init__(self, *, proxies: Any, ssl_context: Any) -> None:
        super().__init__(proxies=proxies, ssl_context=ssl_context)
        handlers: list[BaseHandler] = [HTTPSHandler(context=ssl_context)]
        if proxies is not None:  # None: the system's proxies, as urllib's opener finds them
            routes = {k: v if "://" in v else f"http://{v}" for k, v in proxies.items() if v}
            handlers.append(ProxyHandler(routes))
        self.opener = build_opener(*handlers)

    def get_json(self, url: str, *, timeout: float, headers: dict[str, str]) -> Any:
        """Return the answer's JSON (a malformed one is :class:`geopy.exc.GeocoderParseError`)."""
        text = self.get_text(url, timeout=timeout, headers=headers)
        try:
            return json.loads(text)
        except ValueError as err:
            raise geopy_exc.GeocoderParseError("malformed answer (not JSON)") from err

    def get_text(self, url: str, *, timeout: float, headers: dict[str, str]) -> str:
        """Return the answer's text, or raise a timeout once ``timeout`` seconds have passed."""
        box: dict[str, Any] = {}
        deadline = time.monotonic() + timeout
        stop = threading.Event()

        def fetch() -> None:
            try:
                box["text"] = self._fetch(url, timeout, headers, deadline, stop)
            except BaseException as err:  # handed to the caller below
                box["error"] = err

        worker = threading.Thread(target=fetch, name="campmap-geocode", daemon=True)
        worker.start()
        worker.join(timeout)
        if worker.is_alive():
            stop.set()
            raise geopy_exc.GeocoderTimedOut(f"no complete answer within {timeout} s")
        if "error" in box:
            raise box["error"]
        return str(box["text"])

    def _fetch(
        self,
        url: str,
        timeout: float,
        headers: dict[str, str],
        deadline: float,
        stop: threading.Event,
    ) -> str:
        try:
            page = self.opener.open(Request(url=url, headers=headers), timeout=timeout)
        except HTTPError as error:
            with error:
                body = read_bounded(error, deadline, stop)
            raise AdapterHTTPError(
                str(error),
                status_code=error.code,
                headers={k.lower(): v for k, v in error.headers.items()},
                text=body,
            ) from None
        except (URLError, OSError, ValueError) as error:  # refused, timed out, a bad URL ...
            message = str(error.args[0]) if error.args else str(error)
            if isinstance(error, TimeoutError) or "timed out" in message:
                raise geopy_exc.GeocoderTimedOut("Service timed out") from error
            if "unreachable" in message:
                raise geopy_exc.GeocoderUnavailable("Service not available") from error
            raise geopy_exc.GeocoderServiceError(message) from error
        with page:
            text = read_bounded(page, deadline, stop)
            status = page.getcode()
            if status >= 400:
                raise AdapterHTTPError(
                    f"Non-successful status code {status}",
                    status_code=status,
                    headers={k.lower(): v for k, v in page.headers.items()},
                    text=text,
                )
        return text


def read_bounded(page: Any, deadline: float, stop: threading.Event) -> str:
    """Read a response body of at most MAX_GEOCODER_ANSWER_BYTES, before the deadline."""
    limit = MAX_GEOCODER_ANSWER_BYTES
    too_large = f"answer larger than MAX_GEOCODER_ANSWER_BYTES ({limit})"
    declared = page.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise geopy_exc.GeocoderServiceError(too_large)
    chunks: list[bytes] = []
    size = 0
    try:
        while chunk := page.read1(_CHUNK):
            size += len(chunk)
            if size > limit:
                raise geopy_exc.GeocoderServiceError(too_large)
            if stop.is_set() or time.monotonic() > deadline:
                raise geopy_exc.GeocoderTimedOut("no complete answer in time")
            chunks.append(chunk)
    except OSError as err:  # reset, or a socket timeout between two chunks
        raise geopy_exc.GeocoderTimedOut("Service timed out") from err
    charset = page.headers.get_content_charset() or "utf-8"
    try:
        return b"".join(chunks).decode(charset)
    except (LookupError, ValueError) as err:
        raise geopy_exc.GeocoderParseError("malformed answer (not text)") from err
