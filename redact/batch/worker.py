"""What runs inside a worker process (a local pool process or a Dask worker): one cached pipeline.

The spaCy model and Presidio engine are loaded once per worker process and kept in a module-level
cache, so every draft the worker runs after the first reuses them. Every failure of a draft becomes a
``failed`` record with a one-line message; nothing a draft does can stop the worker.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from redact.audit.outputs import PUBLISH
from redact.batch.model import DraftJob, DraftRecord, Status, WorkerInfo
from redact.detect.finding import Finding
from redact.document import Document
from redact.errors import RedactError
from redact.pipeline import Pipeline, RunOptions

DetectFn = Callable[[Document], list[Finding]]

_PIPELINES: dict[str, Pipeline] = {}
_BUILDS: Counter[str] = Counter()
_RUNS: Counter[str] = Counter()
_BUILD_LOCK = threading.Lock()
_RUN_LOCK = threading.Lock()  # a Dask worker may run tasks in several threads; one pipeline, one at a time
_stopping = False  # set by SIGTERM in a local pool worker
_busy = False  # a draft is running: SIGTERM must unwind it so that its staging folder is removed


class WorkerPipeline(Pipeline):
    """The real pipeline, warmed when the worker starts rather than on its first draft."""

    def warm(self) -> None:
        """Load spaCy and Presidio now."""
        self.detector()


def _detect_key(detect: DetectFn | None) -> str:
    return "redact" if detect is None else f"{detect.__module__}.{detect.__qualname__}"


def pipeline_for(detect: DetectFn | None) -> Pipeline:
    """This process's pipeline for ``detect`` (None: the real detector), built and warmed once."""
    key = _detect_key(detect)
    with _BUILD_LOCK:
        pipeline = _PIPELINES.get(key)
        if pipeline is None:
            if detect is None:
                pipeline = WorkerPipeline()
                pipeline.warm()
            else:
                pipeline = Pipeline(detect=detect)
            _PIPELINES[key] = pipeline
            _BUILDS[key] += 1
    return pipeline


def worker_info(detect: DetectFn | None) -> WorkerInfo:
    """This process, the drafts its pipeline has run, and how often it built the pipeline and loaded spaCy."""
    key = _detect_key(detect)
    nlp = sys.modules.get("redact.detect.nlp")
    models = nlp.load_count() if nlp is not None else 0
    return WorkerInfo(os.getpid(), _RUNS[key], _BUILDS[key], models, peak_rss_bytes())


def peak_rss_bytes() -> int:
    """This process's peak resident memory (Linux ``VmHWM``), or 0 where the kernel does not say."""
    with suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return 0


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def run_job(job: DraftJob, detect: DetectFn | None = None) -> DraftRecord:
    """Run one draft through this process's pipeline; never raises for a draft's own failure."""
    global _busy
    _busy = True
    try:
        return _run(job, detect)
    finally:
        _busy = False
        if _stopping:  # the draft was unwound by SIGTERM (staging removed): leave now
            os._exit(143)


def _run(job: DraftJob, detect: DetectFn | None) -> DraftRecord:
    started = time.monotonic()
    config = str(job.config) if job.config else None
    options = RunOptions(
        config=job.config, variants=job.options.variants, policy=job.options.policy,
        allow_incomplete=job.options.allow_incomplete, strict=job.options.strict,
    )  # fmt: skip
    try:
        pipeline = pipeline_for(detect)
        with _RUN_LOCK:
            _RUNS[_detect_key(detect)] += 1
            result = pipeline.run(job.draft, job.out_dir, options)
    except RedactError as exc:
        return _failed(job, config, started, str(exc), type(exc).__name__, detect)
    except Exception as exc:  # a bug or an unforeseen library failure: this draft fails, the batch goes on
        message = f"{job.draft}: unexpected {type(exc).__name__}: {_one_line(exc)}"
        return _failed(job, config, started, message, type(exc).__name__, detect)
    return DraftRecord(
        file=job.draft.name,
        status=Status.OK,
        duration_seconds=time.monotonic() - started,
        config=config,
        entity_counts=result.entity_counts,
        warnings=result.warnings + _residual_line(result.residual),
        published=tuple(f"{PUBLISH}/{path.name}" for path in result.published),
        worker=worker_info(detect),
    )


def _residual_line(residual: tuple[str, ...]) -> tuple[str, ...]:
    """The residual scan's words as one warning of the batch report, so a batch's reader sees them too."""
    if not residual:
        return ()
    shown = ", ".join(residual[:8]) + (", ..." if len(residual) > 8 else "")
    return (f"residual scan: {len(residual)} unexplained word(s): {shown}",)


def _failed(
    job: DraftJob, config: str | None, started: float, message: str, error_type: str, detect: DetectFn | None
) -> DraftRecord:
    return DraftRecord(
        file=job.draft.name,
        status=Status.FAILED,
        duration_seconds=time.monotonic() - started,
        config=config,
        error=message,
        error_type=error_type,
        worker=worker_info(detect),
    )


def _stop(_signum: int, _frame: object) -> None:
    """SIGTERM from the batch: unwind the running draft (its staging folder is removed), then exit."""
    global _stopping
    _stopping = True
    if _busy:
        raise SystemExit(143)
    os._exit(143)  # idle or still loading: nothing to clean up


def init_local_worker(detect: DetectFn | None) -> None:
    """Process-pool initializer: Ctrl-C is the parent's to handle; SIGTERM stops; load the pipeline."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _stop)
    with suppress(RedactError):  # e.g. the spaCy model is missing: each draft then fails with this message
        pipeline_for(detect)


def crashed_record(job: DraftJob, detail: str) -> DraftRecord:
    """The record of a draft whose worker process died while running it, even when run alone."""
    message = f"{job.draft}: the worker process died while running this draft ({detail})"
    return DraftRecord(file=job.draft.name, status=Status.FAILED, error=message, error_type="WorkerCrash")
