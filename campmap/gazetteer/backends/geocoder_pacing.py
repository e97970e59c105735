"""Space requests to an online geocoder at least ``min_delay`` seconds apart.

The same rule as geopy's ``RateLimiter`` (the first request goes at once;
each later one waits until ``min_delay`` has passed since the last one
started), with the clock and the sleep as parameters, so tests can run it on
a fake clock. Retries are not its job: :class:`~campmap.gazetteer.backends.
geocoder.GeocoderBackend` retries, and every try passes through the pacer.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

__all__ = ["RequestPacer"]


class RequestPacer:
    """Waits, before each request, until ``min_delay`` seconds have passed since the last.

    Parameters
    ----------
    min_delay : float
        Least time between the starts of two requests, in seconds.
    clock : callable
        Seconds from any fixed point (``time.monotonic`` by default).
    sleep : callable
        Waits a number of seconds (``time.sleep`` by default).

    Examples
    --------
    >>> now = [0.0]
    >>> def advance(seconds):
    ...     now[0] += seconds
    >>> pacer = RequestPacer(1.0, clock=lambda: now[0], sleep=advance)
    >>> pacer.wait(); now[0]
    0.0
    >>> pacer.wait(); now[0]
    1.0
    """

    def __init__(
        self,
        min_delay: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.min_delay = min_delay
        self.clock = clock
        self.sleep = sleep
        self.last: float | None = None
        self.lock = threading.Lock()

    def wait(self) -> None:
        """Return once a request may start (thread-safe), and count it as started."""
        while True:
            with self.lock:
                now = self.clock()
                pause = 0.0 if self.last is None else self.min_delay - (now - self.last)
                if pause <= 0:
                    self.last = now
                    return
            self.sleep(pause)
