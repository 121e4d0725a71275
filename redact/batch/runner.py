"""``redact batch``: sort the input folder, run the drafts with progress, write ``batch-report.json``."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from redact.batch.discover import discover
from redact.batch.local import Listener
from redact.batch.model import REPORT_NAME, BatchOptions, BatchReport, DraftJob, DraftRecord, Status
from redact.errors import RedactError

REPORT_MODE = 0o600  # error messages can quote the draft (a leak report does): keep it private


class Runner(Protocol):
    name: str

    def run(self, jobs: Sequence[DraftJob], listener: Listener) -> None: ...


class ProgressListener:
    """Collects records and drives a Rich progress bar: drafts done, current files, elapsed, ETA."""

    def __init__(self, progress: Progress, task: TaskID) -> None:
        self.progress = progress
        self.task = task
        self.records: dict[str, DraftRecord] = {}

    def active(self, names: Sequence[str]) -> None:
        self.progress.update(self.task, current=", ".join(names))

    def done(self, record: DraftRecord) -> None:
        self.records[record.file] = record
        self.progress.advance(self.task)
        if record.status is Status.FAILED:
            self.progress.console.print(f"[red]failed[/] {record.error}", highlight=False, soft_wrap=True)


def make_progress(console: Console) -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("[bold]drafts"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        TextColumn("{task.fields[current]}", style="cyan"),
        console=console,
        transient=False,
    )


def prepare_output(out_dir: Path) -> None:
    """Create ``out_dir`` and prove it is writable (for root too), or raise a one-line error."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        descriptor, probe = tempfile.mkstemp(prefix=".write-test-", dir=out_dir)
        os.close(descriptor)
        os.unlink(probe)
    except OSError as exc:
        raise RedactError(f"cannot write to the output folder: {exc.strerror or exc}", out_dir) from exc


def write_report(report: BatchReport) -> Path:
    """Write ``OUT_DIR/batch-report.json`` (mode 0600) via a temporary name."""
    target = report.output_dir / REPORT_NAME
    descriptor, temporary = tempfile.mkstemp(prefix=".batch-report-", dir=report.output_dir)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(report.to_json())
        os.chmod(temporary, REPORT_MODE)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def run_batch(
    in_dir: Path,
    out_dir: Path,
    runner: Runner,
    *,
    config_dir: Path | None = None,
    options: BatchOptions = BatchOptions(),  # noqa: B008 - frozen dataclass
    console: Console | None = None,
) -> BatchReport:
    """Run every draft of ``in_dir`` into ``out_dir``; a failed draft never stops the others.

    Ctrl-C stops the batch: running drafts are ended without partial outputs, finished outputs stay,
    and the report marks the drafts that did not finish as ``interrupted``.
    """
    started = time.monotonic()
    prepare_output(out_dir)
    found = discover(in_dir, out_dir, config_dir, options)
    interrupted = False
    with make_progress(console or Console(stderr=True)) as progress:
        task = progress.add_task("drafts", total=len(found.jobs), current="")
        listener = ProgressListener(progress, task)
        try:
            if found.jobs:
                runner.run(found.jobs, listener)
        except KeyboardInterrupt:
            interrupted = True
        progress.update(task, current="interrupted" if interrupted else "")
    records = {record.file: record for record in found.decided} | listener.records
    for job in found.jobs:
        if job.draft.name not in records:
            reason = "the batch was interrupted before this draft finished; nothing was written for it"
            records[job.draft.name] = DraftRecord(file=job.draft.name, status=Status.INTERRUPTED, reason=reason)
    report = BatchReport(
        input_dir=in_dir,
        output_dir=out_dir,
        runner=runner.name,
        records=tuple(records[name] for name in found.order),
        duration_seconds=time.monotonic() - started,
        interrupted=interrupted,
    )
    write_report(report)
    return report
