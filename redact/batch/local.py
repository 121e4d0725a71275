"""Run a batch on this machine: a process pool, one pipeline loaded per worker process.

Workers are started with ``spawn`` (no inherited threads or locks), ignore Ctrl-C, and leave on
SIGTERM, which the parent sends them when the batch is interrupted: the draft a worker was running
raises ``SystemExit`` inside ``Pipeline.run``, whose staging folder is then removed. A worker that
dies (segfault, out of memory) breaks the pool: its drafts are run again in a fresh pool, then, if a
pool breaks again, each alone, so only the draft that kills its worker is reported failed.
"""

from __future__ import annotations

import multiprocessing
import shutil
import signal
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from glob import escape
from typing import Protocol

from redact.batch.model import DraftJob, DraftRecord
from redact.batch.worker import DetectFn, crashed_record, init_local_worker, run_job

STOP_SECONDS = 10.0  # how long a worker gets to leave after SIGTERM before it is killed


class Listener(Protocol):
    """What a runner reports to while it works (the progress display)."""

    def active(self, names: Sequence[str]) -> None: ...

    def done(self, record: DraftRecord) -> None: ...


class LocalRunner:
    """A process pool of ``workers`` processes on this machine."""

    def __init__(self, workers: int, detect: DetectFn | None = None) -> None:
        self.workers = max(1, workers)
        self.detect = detect

    @property
    def name(self) -> str:
        return f"local, {self.workers} worker process(es)"

    def run(self, jobs: Sequence[DraftJob], listener: Listener) -> None:
        """Run every job and report each record; on Ctrl-C stop the workers cleanly and re-raise."""
        broken = self._round(jobs, self.workers, listener)
        if broken:
            broken = self._round(broken, self.workers, listener)
        for job in broken:
            if self._round([job], 1, listener):
                listener.done(crashed_record(job, "the process pool broke twice, and again with it alone"))

    def _round(self, jobs: Sequence[DraftJob], workers: int, listener: Listener) -> list[DraftJob]:
        """Run ``jobs`` in a fresh pool; return the jobs lost because a worker process died."""
        if not jobs:
            return []
        context = multiprocessing.get_context("spawn")
        before = set(multiprocessing.active_children())
        pool: ProcessPoolExecutor | None = None
        lost: list[DraftJob] = []
        try:
            with _sigint_blocked():  # the workers inherit the mask: Ctrl-C is the parent's to handle
                pool = ProcessPoolExecutor(
                    max_workers=min(workers, len(jobs)), mp_context=context,
                    initializer=init_local_worker, initargs=(self.detect,),
                )  # fmt: skip
                pending = {pool.submit(run_job, job, self.detect): job for job in jobs}
            order = list(pending)
            while pending:
                listener.active([pending[f].draft.name for f in order if f in pending][:workers])
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    job = pending.pop(future)
                    try:
                        listener.done(future.result())
                    except BrokenProcessPool:
                        lost.append(job)
        except KeyboardInterrupt:
            self._stop(pool, before, jobs)
            raise
        pool.shutdown(wait=True)
        return lost

    def _stop(self, pool: ProcessPoolExecutor | None, before: set, jobs: Sequence[DraftJob]) -> None:
        """Cancel queued drafts, end running ones (SIGTERM, then kill), remove their staging folders."""
        main = threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if main else None  # a 2nd Ctrl-C waits
        try:
            if pool is not None:
                pool.shutdown(wait=False, cancel_futures=True)
            workers = [p for p in multiprocessing.active_children() if p not in before]
            for process in workers:
                process.terminate()
            for process in workers:
                process.join(STOP_SECONDS)
                if process.is_alive():
                    process.kill()
                    process.join()
            if pool is not None:
                pool.shutdown(wait=True)
            remove_staging(jobs)
        finally:
            if main:
                signal.signal(signal.SIGINT, previous)


@contextmanager
def _sigint_blocked() -> Iterator[None]:
    """Block SIGINT in this thread (processes started meanwhile keep it blocked); deliver it after."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def remove_staging(jobs: Sequence[DraftJob]) -> None:
    """Remove any staging folder a stopped draft left behind (there should be none)."""
    for job in jobs:
        for staging in job.out_dir.glob(f".staging-{escape(job.draft.stem)}-*"):
            shutil.rmtree(staging, ignore_errors=True)
