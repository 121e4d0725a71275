"""A time budget for reading one draft, so that a hostile or damaged file cannot hang a run.

Parsers (pdfminer above all: it is pure Python) can loop for ever on some damaged files. Two layers:

* :meth:`Budget.check` is called between pages and parsing steps, so a slow but finite document stops
  at the next check. This works in any thread.
* In the main thread of a process on a platform with ``SIGALRM`` (Linux and macOS, including each
  worker of a process pool) an interval timer also interrupts a parser stuck inside one call. The
  timer raises a ``BaseException`` that ``except Exception`` clauses inside the parsers do not swallow,
  and it fires again every second until the budget is left. When the caller already runs a timer of
  its own, that timer is left alone and only the checks apply.

Either way the reader ends with an ``InputError`` ("took too long to read"), never a hang.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from redact.errors import InputError

_REFIRE_SECONDS = 1.0  # if a parser swallows the interrupt anyway, interrupt it again


class _OutOfTime(BaseException):
    """Raised by the timer signal; a ``BaseException`` so that parsers' ``except Exception`` lets it by."""


class Budget:
    """The time left for reading one file."""

    def __init__(self, path: Path, seconds: float, timer: bool) -> None:
        self.path = path
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self._timer = timer

    def extend(self, seconds: float) -> None:
        """Allow ``seconds`` more from now (e.g. once the number of pages is known)."""
        self.seconds += seconds
        self.deadline = max(self.deadline, time.monotonic() + seconds)
        if self._timer:
            signal.setitimer(signal.ITIMER_REAL, max(self.deadline - time.monotonic(), 0.001), _REFIRE_SECONDS)

    def check(self) -> None:
        """Raise ``InputError`` when the budget is spent."""
        if time.monotonic() > self.deadline:
            raise self.error()

    def error(self) -> InputError:
        return InputError(
            f"took too long to read (over {self.seconds:.0f} s): the file may be damaged or built to stall readers",
            self.path,
        )


def _timer_available() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(path: Path, seconds: float) -> Iterator[Budget]:
    """Run the block with a ``Budget`` of ``seconds``; ``InputError`` when it runs out."""
    own_timer = _timer_available() and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    budget = Budget(path, seconds, own_timer)
    if not own_timer:
        yield budget
        return
    armed = True

    def interrupt(_signum: int, _frame: object) -> None:
        if armed:
            raise _OutOfTime

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds, _REFIRE_SECONDS)
    try:
        yield budget
    except _OutOfTime:
        raise budget.error() from None
    finally:
        armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
