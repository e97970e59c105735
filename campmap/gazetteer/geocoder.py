"""Online geocoders (Nominatim and the other geopy services) as a gazetteer backend.

Never on by default: a :class:`GeocoderBackend` exists only when the user asks
for one (``--geocoder nominatim``). It follows the Nominatim usage policy by
design:

- an identifying user agent that the user sets; an empty or library-default
  one is refused with :class:`GeocoderConfigError`;
- at most one request per ``min_delay_seconds`` (1 s, never less for the
  public Nominatim), through geopy's ``RateLimiter``;
- a persistent cache of answers and confirmed misses (:mod:`campmap.gazetteer.geocache`),
  never of errors;
- results biased to the report's region (a viewbox), not bounded by it.

Timeouts, 429 (honouring ``Retry-After``), 5xx and malformed answers are retried
``max_retries`` times with doubling waits, then reported as a
:class:`GeocodeResult` with no places and the reason; nothing waits longer than
``(max_retries + 1) * timeout`` plus the waits, so a run never hangs.

The request (:meth:`GeocoderBackend.geocode`) is separate from the pure parse
step (:func:`parse_answer`), which is tested on stored payloads.
"""

from __future__ import annotations

import inspect
import json
import math
import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.error import HTTPError, URLError
from urllib.parse import quote, quote_plus
from urllib.request import BaseHandler, HTTPSHandler, ProxyHandler, Request, build_opener

from geopy import exc as geopy_exc
from geopy.adapters import AdapterHTTPError, BaseSyncAdapter
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import get_geocoder_for_service, options
from shapely.geometry import Point

from campmap.errors import GeocoderConfigError
from campmap.gazetteer.base import Backend
from campmap.gazetteer.geocache import GeocodeCache
from campmap.limits import MAX_GEOCODER_ANSWER_BYTES
from campmap.records import Place

__all__ = [
    "BBox",
    "GeocodeResult",
    "GeocoderBackend",
    "GeocoderConfigError",
    "check_user_agent",
    "parse_answer",
    "redact",
]

BBox = tuple[float, float, float, float]
"""West, south, east, north in degrees."""

PUBLIC_NOMINATIM = "nominatim.openstreetmap.org"


_KEY_PARAMETER = re.compile(
    r"(?i)(?<![\w-])((?:api[_-]?key|key|access[_-]?token|token|auth[_-]?token|"
    r"client[_-]?secret|secret|signature|sig)=)[^&;#\s\"'<>]*"
)
REDACTED = "[redacted]"


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """Hide API keys in a message: key-like query parameters, and the given secrets.

    Parameters such as ``key``, ``api_key``, ``apikey``, ``token`` and
    ``access_token`` lose their value; each secret is replaced as written and
    as it appears in a URL (percent-encoded).

    Examples
    --------
    >>> redact("GET /search?q=x&key=abc123&format=json")
    'GET /search?q=x&key=[redacted]&format=json'
    >>> redact("key s3/cr+t refused (s3%2Fcr%2Bt)", ["s3/cr+t"])
    'key [redacted] refused ([redacted])'
    """
    for secret in sorted({s for s in secrets if s}, key=len, reverse=True):
        for form in dict.fromkeys((secret, quote_plus(secret), quote(secret, safe=""))):
            text = text.replace(form, REDACTED)
    return _KEY_PARAMETER.sub(rf"\1{REDACTED}", text)


@dataclass(frozen=True, slots=True)
class GeocodeResult:
    """What one name gave: places (best first), or none and why.

    Attributes
    ----------
    places : tuple of Place
        Empty for a miss or a failure.
    reason : str
        ``""`` on success; ``"no match"`` for a confirmed miss; else the error,
        after how many tries.
    requests : int
        HTTP requests made for it (0 when answered from the cache).
    """

    places: tuple[Place, ...]
    reason: str = ""
    requests: int = 0


def check_user_agent(user_agent: str | None) -> str:
    """Return the user agent if it identifies the application, else refuse it.

    Raises
    ------
    GeocoderConfigError
        Empty, geopy's default, or a sample one.

    Examples
    --------
    >>> check_user_agent("city-cameras-map/1.0 (maps@example.org)")
    'city-cameras-map/1.0 (maps@example.org)'
    >>> check_user_agent("")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    campmap.errors.GeocoderConfigError: a geocoder needs --user-agent ...
    """
    agent = (user_agent or "").strip()
    lowered = agent.lower()
    if (
        not agent
        or agent == options.default_user_agent
        or lowered.startswith(("geopy/", "my_user_agent", "my-application", "campmap/"))
        or lowered in ("campmap", "python", "python-requests")
    ):
        shown = f" (got {agent!r})" if agent else ""
        raise GeocoderConfigError(
            "a geocoder needs --user-agent (or CAMPMAP_USER_AGENT) naming your application "
            f"and a contact, e.g. 'city-cameras-map/1.0 (you@example.org)'{shown}; "
            "default and sample user agents are refused (Nominatim usage policy)"
        )
    return agent


def parse_answer(service: str, answer: dict[str, Any], query: str) -> Place:
    """Turn one stored geocoder answer into a place (pure; no network).

    Parameters
    ----------
    service : str
        The geopy service name (provenance).
    answer : dict
        ``{"lat", "lon", "address", "raw"}`` as cached; ``raw`` is the
        service's own JSON object for the result.
    query : str
        The name asked for, kept as an alias.

    Examples
    --------
    >>> place = parse_answer("nominatim", {"lat": 51.5, "lon": -0.1, "address": "Foo Road, X",
    ...     "raw": {"place_id": 42, "osm_type": "way", "osm_id": 7, "type": "residential",
    ...             "name": "Foo Road", "display_name": "Foo Road, X"}}, "Foo Rd")
    >>> place.id, place.name, place.kind, place.source
    ('nominatim-42', 'Foo Road', 'residential', 'nominatim place_id 42 (OSM way/7): Foo Road, X')
    """
    raw = answer.get("raw") or {}
    address = str(answer.get("address") or raw.get("display_name") or query)
    ident = raw.get("place_id", raw.get("id"))
    if ident is None:
        ident = f"{float(answer['lat']):.6f},{float(answer['lon']):.6f}"
    osm = ""
    if raw.get("osm_type") and raw.get("osm_id") is not None:
        osm = f" (OSM {raw['osm_type']}/{raw['osm_id']})"
    name = str(raw.get("name") or address.split(",")[0]).replace("\0", "").strip() or query
    return Place(
        id=f"{service}-{ident}".replace("\0", ""),  # GDAL would cut the text at a NUL
        name=name,
        kind=str(raw.get("type") or raw.get("addresstype") or "place").replace("\0", ""),
        geometry=Point(float(answer["lon"]), float(answer["lat"])),
        source=f"{service} place_id {ident}{osm}: {address}".replace("\0", ""),
        aliases=(query,) if query != name else (),
        backend=service,
    )


class _Limiter(RateLimiter):  # type: ignore[misc]
    """geopy's RateLimiter with its clock and sleep as seams; retries are ours."""

    def __init__(
        self,
        func: Callable[..., Any],
        min_delay: float,
        clock: Callable[[], float],
        sleep: Callable[[float], None],
    ) -> None:
        super().__init__(
            func,
            min_delay_seconds=min_delay,
            max_retries=0,
            error_wait_seconds=min_delay,
            swallow_exceptions=False,
        )
        self._clock_fn = clock
        self._sleep_fn = sleep

    def _clock(self) -> float:
        return self._clock_fn()

    def _sleep(self, seconds: float) -> None:
        self._sleep_fn(seconds)


def _retryable(err: geopy_exc.GeocoderServiceError) -> bool:
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


def _describe(err: geopy_exc.GeocoderServiceError) -> str:
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


class GeocoderBackend(Backend):
    """A geopy geocoding service behind the gazetteer backend interface.

    Parameters
    ----------
    service : str
        A geopy service name: ``nominatim``, ``photon``, ``pelias``, ``opencage`` ...
    user_agent : str
        Identifies the application and a contact; default ones are refused.
    domain : str, optional
        The service's host (``nominatim.example.org``, ``127.0.0.1:8080``).
    api_key : str, optional
        For services that need one.
    scheme : str, optional
        ``https`` (geopy's default) or ``http``.
    cache : GeocodeCache or path, optional
        Where answers are kept between runs; None keeps them for this object only.
    region : (west, south, east, north), optional
        Bias used when :meth:`lookup` is called without one.
    min_delay_seconds : float
        Least time between two requests; at least 1 for the public Nominatim.
    timeout : float
        Seconds to wait for one answer.
    max_retries : int
        Further tries after a timeout, 429, 5xx or malformed answer.
    backoff_seconds : float
        Wait before the first retry; doubled for each further one (or the
        server's ``Retry-After``, when longer, up to ``max_wait_seconds``).
    max_wait_seconds : float
        Cap on one wait.
    clock, sleep : callables
        Time source and sleep, for tests; replace both together (the rate
        limiter waits until ``clock`` has moved on by ``min_delay_seconds``).
    """

    def __init__(
        self,
        service: str = "nominatim",
        *,
        user_agent: str | None,
        domain: str | None = None,
        api_key: str | None = None,
        scheme: str | None = None,
        cache: GeocodeCache | str | Path | None = None,
        region: BBox | None = None,
        min_delay_seconds: float = 1.0,
        timeout: float = 10.0,
        max_retries: int = 2,
        backoff_seconds: float = 2.0,
        max_wait_seconds: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.user_agent = check_user_agent(user_agent)
        self._secrets = (api_key,) if api_key else ()
        try:
            cls = get_geocoder_for_service(service)
        except geopy_exc.GeocoderNotFound as err:
            raise GeocoderConfigError(f"--geocoder: {err}") from err
        self.service = service
        self.name = service
        accepted = inspect.signature(cls.__init__).parameters
        kwargs: dict[str, Any] = {
            "user_agent": self.user_agent,
            "timeout": timeout,
            "adapter_factory": _BoundedAdapter,
        }
        if scheme is not None:
            kwargs["scheme"] = scheme
        if domain is not None:
            if "domain" not in accepted:
                raise GeocoderConfigError(f"--geocoder {service}: this service takes no domain")
            kwargs["domain"] = domain
        if api_key is not None:
            key_arg = next((k for k in ("api_key", "key", "apikey") if k in accepted), None)
            if key_arg is None:
                raise GeocoderConfigError(f"--geocoder {service}: this service takes no key")
            kwargs[key_arg] = api_key
        try:
            self._geocoder = cls(**kwargs)
        except (TypeError, geopy_exc.ConfigurationError) as err:
            message = redact(f"--geocoder {service}: {err}", self._secrets)
            raise GeocoderConfigError(message) from err
        self.domain = str(getattr(self._geocoder, "domain", domain or ""))
        if service == "nominatim" and self.domain == PUBLIC_NOMINATIM and min_delay_seconds < 1:
            raise GeocoderConfigError(
                "the public Nominatim allows at most one request per second; "
                f"min_delay_seconds must be at least 1, got {min_delay_seconds}"
            )
        self._takes_viewbox = "viewbox" in inspect.signature(self._geocoder.geocode).parameters
        self.cache = GeocodeCache(cache) if isinstance(cache, str | Path) else cache
        self._memory: dict[tuple[str, str], list[Any]] = {}
        self.region = region
        self.max_retries = max_retries
        self.backoff_seconds = backoff_seconds
        self.max_wait_seconds = max_wait_seconds
        self._sleep = sleep
        self._limited = _Limiter(self._geocoder.geocode, min_delay_seconds, clock, sleep)

    def places(self) -> Iterable[Place]:
        """Return nothing: an online geocoder cannot list its places."""
        return ()

    def lookup(self, name: str) -> list[Place]:
        """Return the places the service gives for ``name``, biased to :attr:`region`."""
        return list(self.geocode(name, self.region).places)

    def geocode(self, name: str, viewbox: BBox | None = None) -> GeocodeResult:
        """Ask the service (or the cache) for a name.

        Parameters
        ----------
        name : str
            As written in the report.
        viewbox : (west, south, east, north), optional
            Results inside it are preferred (Nominatim ``viewbox``, not ``bounded``).

        Returns
        -------
        GeocodeResult
            Places best first, or none and the reason (``no match``, or the
            error after the last try).
        """
        query = " ".join(name.split())
        bias = "" if viewbox is None or not self._takes_viewbox else _bias_key(viewbox)
        cached = self._cached(query, bias)
        if cached is not None:
            return self._result(cached, query, 0)
        kwargs: dict[str, Any] = {"exactly_one": False}
        if bias and viewbox is not None:
            west, south, east, north = viewbox
            kwargs["viewbox"] = [(north, west), (south, east)]
        made = 0
        wait = self.backoff_seconds
        while True:
            made += 1
            try:
                found = self._limited(query, **kwargs)
            except geopy_exc.GeocoderServiceError as err:
                reason = _describe(err)
                if not _retryable(err) or made > self.max_retries:
                    tries = f" after {made} tries" if made > 1 else ""
                    return self._failed(f"{reason}{tries}", made)
                pause = wait
                retry_after = getattr(err, "retry_after", None)
                if isinstance(retry_after, int | float) and retry_after > pause:
                    pause = float(retry_after)
                self._sleep(min(pause, self.max_wait_seconds))
                wait *= 2
                continue
            except _GARBAGE as err:  # geopy's parsers trust the answer's shape
                return self._failed(
                    f"malformed answer ({type(err).__name__}: {str(err)[:100]})", made
                )
            try:
                answers = [_answer(self.service, loc) for loc in (found or [])]
            except _GARBAGE as err:
                return self._failed(f"malformed answer ({err})", made)
            self._store(query, bias, answers)
            return self._result(answers, query, made)

    def _failed(self, reason: str, made: int) -> GeocodeResult:
        """No place, and why, with the API key and key-like URL parameters redacted."""
        return GeocodeResult((), redact(f"{self.service}: {reason}", self._secrets), made)

    def _cached(self, query: str, bias: str) -> list[Any] | None:
        if self.cache is not None:
            return self.cache.get(self.service, self.domain, query, bias)
        return self._memory.get((query, bias))

    def _store(self, query: str, bias: str, answers: list[Any]) -> None:
        if self.cache is not None:
            self.cache.put(self.service, self.domain, query, bias, answers)
        else:
            self._memory[(query, bias)] = answers

    def _result(self, answers: list[Any], query: str, made: int) -> GeocodeResult:
        if not answers:
            return GeocodeResult((), "no match", made)
        places = tuple(parse_answer(self.service, answer, query) for answer in answers)
        return GeocodeResult(places, "", made)


_GARBAGE = (ValueError, TypeError, AttributeError, KeyError, IndexError, RecursionError)
"""What geopy's parsers raise on an answer of the wrong shape (``[1]``, ``{"lat": "x"}`` ...)."""


def _answer(service: str, location: Any) -> dict[str, Any]:
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


class _BoundedAdapter(BaseSyncAdapter):  # type: ignore[misc]
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
        text = self.get_text(url, timeout=timeout, headers=headers)
        try:
            return json.loads(text)
        except ValueError as err:
            raise geopy_exc.GeocoderParseError("malformed answer (not JSON)") from err

    def get_text(self, url: str, *, timeout: float, headers: dict[str, str]) -> str:
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
                body = _read_bounded(error, deadline, stop)
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
            text = _read_bounded(page, deadline, stop)
            status = page.getcode()
            if status >= 400:
                raise AdapterHTTPError(
                    f"Non-successful status code {status}",
                    status_code=status,
                    headers={k.lower(): v for k, v in page.headers.items()},
                    text=text,
                )
        return text


def _read_bounded(page: Any, deadline: float, stop: threading.Event) -> str:
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


def _bias_key(viewbox: BBox) -> str:
    return ",".join(f"{v:.4f}" for v in viewbox)
