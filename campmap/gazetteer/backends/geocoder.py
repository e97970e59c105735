"""Online geocoders (Nominatim and the other geopy services) as a gazetteer backend.

Never on by default: a :class:`GeocoderBackend` exists only when the user asks
for one (``--geocoder nominatim``). It follows the Nominatim usage policy by
design:

- an identifying user agent that the user sets; an empty or library-default
  one is refused with :class:`GeocoderConfigError`;
- at most one request per ``min_delay_seconds`` (1 s, never less for the
  public Nominatim), paced by :mod:`~campmap.gazetteer.backends.geocoder_pacing`;
- a persistent cache of answers and confirmed misses
  (:mod:`~campmap.gazetteer.backends.geocoder_cache`), never of errors;
- results biased to the report's region (a viewbox), not bounded by it.

Timeouts, 429 (honouring ``Retry-After``), 5xx and malformed answers are retried
``max_retries`` times with doubling waits, then reported as a
:class:`GeocodeResult` with no places and the reason; nothing waits longer than
``(max_retries + 1) * timeout`` plus the waits, so a run never hangs.

The request (:meth:`GeocoderBackend.geocode`) is separate from the pure parse
step (:mod:`~campmap.gazetteer.backends.geocoder_parse`), which is tested on
stored payloads. A self-hosted Nominatim, Photon or Pelias is reached by its
full URL (``url="http://host:port/path/"``, :mod:`~campmap.gazetteer.backends.
geocoder_services`).
"""

from __future__ import annotations

import inspect
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, quote_plus

from geopy import exc as geopy_exc
from geopy.geocoders import get_geocoder_for_service, options

from campmap.errors import GeocoderConfigError
from campmap.gazetteer.backends.base import Backend
from campmap.gazetteer.backends.geocoder_cache import GeocodeCache
from campmap.gazetteer.backends.geocoder_http import (
    MALFORMED,
    BoundedAdapter,
    answer_record,
    describe_error,
    is_retryable,
)
from campmap.gazetteer.backends.geocoder_pacing import RequestPacer
from campmap.gazetteer.backends.geocoder_parse import parse_answer
from campmap.gazetteer.backends.geocoder_services import (
    bias_arguments,
    geometry_arguments,
    split_service_url,
)
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
        ``https`` (geopy's default) or ``http``; deprecated, give ``url``.
    url : str, optional
        The service's full URL (``http://127.0.0.1:2322/``), scheme, host, port
        and path; instead of ``domain`` and ``scheme``.
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
        url: str | None = None,
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
            "adapter_factory": BoundedAdapter,
        }
        if url is not None:
            if domain is not None or scheme is not None:
                raise GeocoderConfigError(
                    "--geocoder-url names the scheme and host: give it without "
                    "--geocoder-domain or --geocoder-scheme"
                )
            scheme, domain = split_service_url(service, url)
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
        self._accepted = frozenset(inspect.signature(self._geocoder.geocode).parameters)
        self.cache = GeocodeCache(cache) if isinstance(cache, str | Path) else cache
        self._memory: dict[tuple[str, str], list[Any]] = {}
        self.region = region
        self.max_retries = max_retries
        self.backoff_seconds = backoff_seconds
        self.max_wait_seconds = max_wait_seconds
        self._sleep = sleep
        self._pacer = RequestPacer(min_delay_seconds, clock=clock, sleep=sleep)

    def places(self) -> Iterable[Place]:
        """Return nothing: an online geocoder cannot list its places."""
        return ()

    def lookup(self, name: str) -> list[Place]:
        """Return the places the service gives for ``name``, biased to :attr:`region`."""
        return list(self.geocode(name, self.region).places)

    @property
    def gives_geometry(self) -> bool:
        """Whether the service can answer a street's line (Nominatim's ``polygon_geojson``)."""
        return geometry_arguments(self.service, self._accepted) is not None

    def geocode(
        self, name: str, viewbox: BBox | None = None, *, geometry: bool = False
    ) -> GeocodeResult:
        """Ask the service (or the cache) for a name.

        Parameters
        ----------
        name : str
            As written in the report.
        viewbox : (west, south, east, north), optional
            Results inside it are preferred (Nominatim ``viewbox``, not ``bounded``;
            Photon ``lat``/``lon`` at its centre).
        geometry : bool
            Also ask for each result's geometry (Nominatim ``polygon_geojson=1``),
            cached apart; ignored by services without one (:attr:`gives_geometry`).

        Returns
        -------
        GeocodeResult
            Places best first, or none and the reason (``no match``, or the
            error after the last try).
        """
        query = " ".join(name.split())
        kwargs: dict[str, Any] = {"exactly_one": False}
        if viewbox is not None:
            kwargs.update(bias_arguments(self.service, self._accepted, viewbox))
        bias = _bias_key(viewbox) if viewbox is not None and len(kwargs) > 1 else ""
        shape = geometry_arguments(self.service, self._accepted) if geometry else None
        if shape is not None:
            kwargs.update(shape)
            bias += "|geojson"
        cached = self._cached(query, bias)
        if cached is not None:
            return self._result(cached, query, 0)
        made = 0
        wait = self.backoff_seconds
        while True:
            made += 1
            try:
                self._pacer.wait()
                found = self._geocoder.geocode(query, **kwargs)
            except geopy_exc.GeocoderServiceError as err:
                reason = describe_error(err)
                if not is_retryable(err) or made > self.max_retries:
                    tries = f" after {made} tries" if made > 1 else ""
                    return self._failed(f"{reason}{tries}", made)
                pause = wait
                retry_after = getattr(err, "retry_after", None)
                if isinstance(retry_after, int | float) and retry_after > pause:
                    pause = float(retry_after)
                self._sleep(min(pause, self.max_wait_seconds))
                wait *= 2
                continue
            except MALFORMED as err:  # geopy's parsers trust the answer's shape
                return self._failed(
                    f"malformed answer ({type(err).__name__}: {str(err)[:100]})", made
                )
            try:
                answers = [answer_record(self.service, loc) for loc in (found or [])]
            except MALFORMED as err:
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


def _bias_key(viewbox: BBox) -> str:
    return ",".join(f"{v:.4f}" for v in viewbox)
