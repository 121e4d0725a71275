"""What a batch passes around: one job per draft, one record per draft, the report of the whole run."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path

from redact.pipeline import DEFAULT_VARIANTS
from redact.variants.policy import DEFAULT_VARIANTS_PATH

REPORT_NAME = "batch-report.json"


class Status(StrEnum):
    OK = "ok"
    FAILED = "failed"
    SKIPPED = "skipped"  # not a draft (other extension, hidden file, folder)
    UNCHANGED = "unchanged"  # same draft, config and options as the outputs already there
    INTERRUPTED = "interrupted"  # the batch was stopped before this draft finished


@dataclass(frozen=True)
class BatchOptions:
    """How every draft of the batch is run."""

    variants: tuple[str, ...] = DEFAULT_VARIANTS
    policy: Path = DEFAULT_VARIANTS_PATH
    allow_incomplete: bool = False
    force: bool = False  # re-run drafts whose outputs are up to date
    strict: bool = False  # publish nothing of a draft while its residual scan leaves a word unexplained


@dataclass(frozen=True)
class DraftJob:
    """One draft to run, with its report config (if any) and where its outputs go."""

    draft: Path
    out_dir: Path
    config: Path | None
    options: BatchOptions


@dataclass(frozen=True)
class WorkerInfo:
    """Which worker process ran a draft, and proof that it loaded its pipeline once for many drafts."""

    pid: int
    drafts_run: int  # by this process's pipeline so far, this draft included
    pipeline_builds: int  # pipelines of this kind this process has built: 1
    model_loads: int  # spaCy models this process has loaded (0 with a test detector): 1
    peak_rss_bytes: int = 0  # the process's peak resident memory so far (VmHWM; 0 where unknown)


@dataclass(frozen=True)
class DraftRecord:
    """The outcome for one file of the input folder."""

    file: str
    status: Status
    duration_seconds: float = 0.0
    config: str | None = None
    entity_counts: dict[str, int] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    published: tuple[str, ...] = ()
    error: str | None = None  # one line, for failed drafts
    error_type: str | None = None
    reason: str | None = None  # why skipped, unchanged or interrupted
    worker: WorkerInfo | None = None  # the process that ran the draft

    def as_json(self) -> dict[str, object]:
        return {
            "file": self.file,
            "status": str(self.status),
            "duration_seconds": round(self.duration_seconds, 3),
            "config": self.config,
            "entity_counts": self.entity_counts,
            "warnings": list(self.warnings),
            "published": list(self.published),
            "error": self.error,
            "error_type": self.error_type,
            "reason": self.reason,
            "worker": asdict(self.worker) if self.worker else None,
        }


@dataclass(frozen=True)
class BatchReport:
    """Every file's record, in the input folder's order, and how the batch was run."""

    input_dir: Path
    output_dir: Path
    runner: str
    records: tuple[DraftRecord, ...]
    duration_seconds: float
    interrupted: bool = False

    def count(self, status: Status) -> int:
        return sum(1 for record in self.records if record.status is status)

    @property
    def failed(self) -> bool:
        """True when any draft failed or the batch was interrupted: the exit code is then 1."""
        return self.interrupted or self.count(Status.FAILED) > 0

    def to_json(self) -> str:
        data = {
            "input_dir": str(self.input_dir),
            "output_dir": str(self.output_dir),
            "runner": self.runner,
            "interrupted": self.interrupted,
            "duration_seconds": round(self.duration_seconds, 3),
            "counts": {str(status): self.count(status) for status in Status},
            "files": [record.as_json() for record in self.records],
        }
        return json.dumps(data, indent=1, ensure_ascii=False) + "\n"
