"""Stop a piece of work that runs past its time budget (one report of an archive run).

Extraction is meant to take time in proportion to a report's text, but one
pathological report (a regular expression that backtracks, a loop that turns
quadratic on some input) must not hold a worker, and the whole run, for hours.
:func:`run_within` runs a function and interrupts it when its budget is spent:

- **in a process's main thread** (``--jobs 1`` from the command line, and every
  ``--jobs N`` worker process) with ``SIGALRM`` (``setitimer``): the signal
  handler raises inside the work, between two Python instructions and also in
  the middle of a regular expression match (:mod:`re` checks for signals as it
  backtracks), so the usual runaways are stopped;
- **in any other thread** (a Dask worker runs its tasks in threads; a library
  caller may run a whole archive in one), where Python runs no signal handler,
  with an exception sent to that thread from a watchdog thread
  (``PyThreadState_SetAsyncExc``, the C API for exactly this): it too lands
  between two Python instructions, but not inside one long call into C code (a
  regular expression match then ends first).

The main thread also falls back to the watchdog thread when ``SIGALRM`` already
has a handler or a timer of someone else's (it is not taken from its owner).

The exception raised, :class:`~campmap.errors.OverBudget`, is a
:class:`BaseException` (as :class:`KeyboardInterrupt` is), so that code
catching :class:`Exception` in between lets it through; it never leaves
:func:`run_within`. Work that is interrupted has its effects cut
short: run only work whose partial state is thrown away.
"""

from __future__ import annotations

import ctypes
import os
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import FrameType
from typing import Generic, TypeVar

from campmap.errors import OverBudget

__all__ = ["Outcome", "run_within"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Outcome(Generic[T]):
    """What :func:`run_within` returns: the work's value, or that the time ran out."""

    value: T | None
    """What the work returned (None when it ran out of time)."""
    over_budget: bool = False
    """Whether the time ran out (the work was interrupted, or finished late)."""


class _State:
    """One run's arming: the interruption is sent at most once, and only while armed.

    Sent once, it can be raised only inside :func:`run_within`'s outer ``try``
    (the work, or the cleanup after it), and the cleanup run again after it
    cannot be cut short: so it never escapes.
    """

    def __init__(self) -> None:
        self.armed = True
        self.fired = False
        self.lock = threading.Lock()

    def fire(self) -> bool:
        """Disarm and say whether to interrupt now (only the first time, while armed)."""
        with self.lock:
            if not self.armed:
                return False
            self.armed = False
            self.fired = True
            return True


def run_within(seconds: float | None, work: Callable[[], T]) -> Outcome[T]:
    """Run ``work()``, interrupting it after ``seconds`` of wall-clock time.

    Parameters
    ----------
    seconds : float or None
        The budget; None (or 0) runs the work without one.
    work : callable
        What to run. It is interrupted by an exception raised inside it, so its
        partial state must be thrown away when the time runs out. Work that
        catches every exception (a bare ``except:``) and carries on is not
        stopped; it is still reported over budget when it ends.

    Returns
    -------
    Outcome
        The value, or ``over_budget=True`` (and no value) when the time ran out.

    Examples
    --------
    >>> run_within(5, lambda: 6 * 7).value
    42
    >>> run_within(0.05, lambda: [x for x in iter(int, 1)]).over_budget  # runs for ever
    True
    """
    if not seconds:
        return Outcome(work())
    if _can_use_alarm():
        return _with_alarm(seconds, work)
    return _with_timer_thread(seconds, work)


def _can_use_alarm() -> bool:
    """Whether SIGALRM is ours to use: the main thread, no handler or timer of someone else's."""
    if threading.current_thread() is not threading.main_thread():
        return False
    handler = signal.getsignal(signal.SIGALRM)
    return handler in (signal.SIG_DFL, None) and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def _with_alarm(seconds: float, work: Callable[[], T]) -> Outcome[T]:
    state = _State()

    def on_alarm(_signum: int, _frame: FrameType | None) -> None:
        if state.fire():
            raise OverBudget

    signal.signal(signal.SIGALRM, on_alarm)
    try:
        try:
            signal.setitimer(signal.ITIMER_REAL, seconds)
            value = work()
        finally:
            state.armed = False
            _disarm_alarm()
    except OverBudget:
        _disarm_alarm()  # again: the exception may have cut the first one short
        return Outcome(None, over_budget=True)
    return Outcome(None, over_budget=True) if state.fired else Outcome(value)


def _disarm_alarm() -> None:
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, signal.SIG_DFL)  # as it was (see _can_use_alarm)


# ``int PyThreadState_SetAsyncExc(unsigned long id, PyObject *exc)``: send an exception to a
# thread (raised there at its next Python instruction); a NULL exception takes back one sent.
# (PYFUNCTYPE: called holding the GIL, as the C API needs.)
_SIGNATURE = ("PyThreadState_SetAsyncExc", ctypes.pythonapi)
_set_async_exc = ctypes.PYFUNCTYPE(ctypes.c_int, ctypes.c_ulong, ctypes.py_object)(_SIGNATURE)
_clear_async_exc = ctypes.PYFUNCTYPE(ctypes.c_int, ctypes.c_ulong, ctypes.c_void_p)(_SIGNATURE)


class _Watchdog:
    """One thread per process that interrupts, at their deadlines, the threads that asked.

    (One thread for all, not a timer thread per report: starting a thread costs about
    140 µs, two per cent of extracting a news report.)
    """

    def __init__(self) -> None:
        self.wake = threading.Condition()
        self.watched: dict[_State, tuple[float, int]] = {}
        self.thread: threading.Thread | None = None

    def watch(self, state: _State, seconds: float, thread: int) -> None:
        with self.wake:
            self.watched[state] = (time.monotonic() + seconds, thread)
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self._run, name="campmap-budget", daemon=True)
                self.thread.start()
            self.wake.notify()

    def forget(self, state: _State) -> None:
        with self.wake:
            self.watched.pop(state, None)

    def _run(self) -> None:
        with self.wake:
            while True:
                now = time.monotonic()
                for state, (deadline, thread) in list(self.watched.items()):
                    if deadline <= now:
                        del self.watched[state]
                        with state.lock:  # (held while sending: the cleanup cannot miss it)
                            if state.armed:
                                state.armed = False
                                state.fired = True
                                _set_async_exc(thread, OverBudget)
                soonest = min((d for d, _ in self.watched.values()), default=now + 3600)
                self.wake.wait(max(0.0, soonest - now))


_WATCHDOG = _Watchdog()


def _after_fork() -> None:
    global _WATCHDOG
    _WATCHDOG = _Watchdog()  # (the parent's thread, and maybe its lock's state, stayed behind)


os.register_at_fork(after_in_child=_after_fork)


def _with_timer_thread(seconds: float, work: Callable[[], T]) -> Outcome[T]:
    state = _State()
    thread = threading.get_ident()
    watchdog = _WATCHDOG
    try:
        try:
            watchdog.watch(state, seconds, thread)
            value = work()
        finally:
            _disarm_thread(state, watchdog, thread)
    except OverBudget:
        _disarm_thread(state, watchdog, thread)  # again: the exception may have cut it short
        return Outcome(None, over_budget=True)
    return Outcome(None, over_budget=True) if state.fired else Outcome(value)


def _disarm_thread(state: _State, watchdog: _Watchdog, thread: int) -> None:
    watchdog.forget(state)
    with state.lock:
        state.armed = False
        if state.fired:  # sent, maybe not yet raised: take it back (a NULL exception clears it)
            _clear_async_exc(thread, None)
