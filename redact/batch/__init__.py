"""Folder runs: every draft of a folder through the pipeline, on a local process pool or a Dask cluster.

``run_batch(in_dir, out_dir, LocalRunner(2))`` or ``run_batch(..., DaskRunner("tcp://host:8786"))``
returns a ``BatchReport`` and writes ``out_dir/batch-report.json``.
"""

from __future__ import annotations

from redact.batch.cluster import DaskRunner
from redact.batch.local import LocalRunner
from redact.batch.model import REPORT_NAME, BatchOptions, BatchReport, DraftRecord, Status
from redact.batch.runner import run_batch

__all__ = [
    "REPORT_NAME",
    "BatchOptions",
    "BatchReport",
    "DaskRunner",
    "DraftRecord",
    "LocalRunner",
    "Status",
    "run_batch",
]
