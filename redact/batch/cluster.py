"""Run a batch on an existing Dask distributed cluster: one task per draft.

Workers need scr-redact (same version) installed but no shared file system: each task carries the
draft's bytes (and its report config and variant policy) to a worker, which runs the pipeline in a
private temporary folder and sends back the outputs; this process then commits them into OUT_DIR
through the same staging folder as ``redact run``. The pipeline is loaded once per worker process
(``redact.batch.worker`` keeps it in a module-level cache). Task keys are opaque, so draft names,
which may hold a child's name, never show on the cluster's dashboard.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass, replace
from pathlib import Path
from uuid import uuid4

from redact.audit.outputs import PUBLISH, RESTRICTED, commit_files, read_outputs, withdraw_published
from redact.batch.local import Listener, remove_staging
from redact.batch.model import BatchOptions, DraftJob, DraftRecord, Status
from redact.batch.worker import DetectFn, run_job
from redact.errors import RedactError
from redact.variants.policy import load_variant_policies

IN_FLIGHT_PER_THREAD = 2  # drafts shipped ahead per worker thread: bounded client memory


@dataclass(frozen=True)
class ShippedFile:
    name: str
    data: bytes
    origin: str  # the path on the submitting machine, for messages


@dataclass(frozen=True)
class ShippedJob:
    draft: ShippedFile
    config: ShippedFile | None
    policy: ShippedFile
    options: BatchOptions
    out_dir: str


def ship(job: DraftJob) -> ShippedJob:
    """Read the draft, config and policy that a worker needs; ``OSError`` when one cannot be read."""

    def read(path: Path) -> ShippedFile:
        return ShippedFile(path.name, path.read_bytes(), str(path))

    return ShippedJob(
        draft=read(job.draft),
        config=read(job.config) if job.config else None,
        policy=read(job.options.policy),
        options=job.options,
        out_dir=str(job.out_dir),
    )


def run_shipped(shipped: ShippedJob, detect: DetectFn | None = None) -> tuple[DraftRecord, dict[str, bytes]]:
    """Task body on a Dask worker: run the draft in a private folder; return its record and outputs."""
    with tempfile.TemporaryDirectory(prefix="redact-batch-") as tmp:
        root = Path(tmp)
        places = {}

        def place(folder: str, item: ShippedFile) -> Path:
            path = root / folder / item.name
            path.parent.mkdir(mode=0o700)
            path.write_bytes(item.data)
            places[str(path)] = item.origin
            return path

        draft = place("draft", shipped.draft)
        config = place("config", shipped.config) if shipped.config else None
        options = replace(shipped.options, policy=place("policy", shipped.policy))
        out_dir = root / "out"
        places[str(out_dir)] = shipped.out_dir
        record = run_job(DraftJob(draft, out_dir, config, options), detect)
        # a refused run brings back its review package only, as a local run leaves it
        files = read_outputs(out_dir, (PUBLISH, RESTRICTED) if record.status is Status.OK else (RESTRICTED,))
        files = {name: _run_record_with_origins(data, places) if name.endswith(".run.json") else data
                 for name, data in files.items()}  # fmt: skip
        return _with_origins(record, places), files


def _run_record_with_origins(data: bytes, places: dict[str, str]) -> bytes:
    """The run record with the submitting machine's paths for the worker's temporary ones, so that the review app
    re-runs the draft the user gave."""
    resolved = {str(Path(temporary).resolve()): origin for temporary, origin in places.items()}
    record = json.loads(data)
    for field in ("draft", "config", "policy", "decisions"):
        if isinstance(record.get(field), str):
            record[field] = resolved.get(record[field], record[field])
    return (json.dumps(record, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


def _with_origins(record: DraftRecord, places: dict[str, str]) -> DraftRecord:
    """Replace the worker's temporary paths in messages with the submitting machine's paths."""

    def fix(text: str | None) -> str | None:
        if text is None:
            return None
        for temporary, origin in sorted(places.items(), key=lambda item: -len(item[0])):
            text = text.replace(temporary, origin)
        return text

    warnings = tuple(fix(warning) or "" for warning in record.warnings)
    return replace(record, error=fix(record.error), config=fix(record.config), warnings=warnings)


class DaskRunner:
    """Submits one task per draft to the scheduler at ``address`` and commits results as they come."""

    def __init__(self, address: str, detect: DetectFn | None = None) -> None:
        self.address = address
        self.detect = detect

    @property
    def name(self) -> str:
        return f"dask, scheduler {self.address}"

    def run(self, jobs: Sequence[DraftJob], listener: Listener) -> None:
        try:
            from distributed import Client, as_completed
        except ImportError as exc:
            raise RedactError("--scheduler needs the 'distributed' package: pip install 'scr-redact[dask]'") from exc
        try:
            client = Client(self.address, timeout="15s", set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise RedactError(f"cannot reach the Dask scheduler at {self.address}: {exc}") from exc
        queue = list(jobs)
        running: dict[object, DraftJob] = {}
        completed = as_completed(loop=client.loop)
        try:
            window = max(2, IN_FLIGHT_PER_THREAD * sum(client.nthreads().values()))

            def fill() -> None:
                while queue and len(running) < window:
                    job = queue.pop(0)
                    try:
                        shipped = ship(job)
                    except OSError as exc:
                        listener.done(_failed(job, f"cannot read: {exc.strerror or exc}", "InputError"))
                        continue
                    future = client.submit(run_shipped, shipped, self.detect, key=f"redact-draft-{uuid4().hex}")
                    running[future] = job
                    completed.add(future)
                listener.active([job.draft.name for job in running.values()])

            fill()
            for future in completed:
                job = running.pop(future)
                listener.done(self._collect(future, job))
                fill()
        except KeyboardInterrupt:
            client.cancel(list(running), force=True)
            remove_staging(jobs)
            raise
        finally:
            client.close()

    def _collect(self, future: object, job: DraftJob) -> DraftRecord:
        started = time.monotonic()
        try:
            record, files = future.result()  # type: ignore[attr-defined]
        except Exception as exc:  # the task itself failed: worker lost, cancelled, unpicklable ...
            detail = " ".join(str(exc).split())
            return _failed(job, f"the Dask task failed: {type(exc).__name__}: {detail}", "DaskError")
        if record.status is not Status.OK:
            self._refused(job, files)
            return record
        try:
            commit_files(job.out_dir, job.draft.stem, files)
        except (OSError, RedactError) as exc:
            detail = str(exc) if isinstance(exc, RedactError) else f"cannot write outputs: {exc.strerror or exc}"
            return _failed(job, detail, type(exc).__name__, record.duration_seconds + time.monotonic() - started)
        return replace(record, duration_seconds=record.duration_seconds + time.monotonic() - started)

    @staticmethod
    def _refused(job: DraftJob, files: dict[str, bytes]) -> None:
        """As a local run that fails: what an earlier run published for the draft is withdrawn, and a refused run's
        review package lands in ``restricted/``. Best effort: the record already says the draft failed."""
        with suppress(OSError, RedactError):
            withdraw_published(job.out_dir, job.draft.stem, load_variant_policies(job.options.policy))
            if files:
                commit_files(job.out_dir, job.draft.stem, files)


def _failed(job: DraftJob, message: str, error_type: str, duration: float = 0.0) -> DraftRecord:
    text = message if message.startswith(str(job.draft)) else f"{job.draft}: {message}"
    return DraftRecord(
        file=job.draft.name,
        status=Status.FAILED,
        duration_seconds=duration,
        config=str(job.config) if job.config else None,
        error=text,
        error_type=error_type,
    )
