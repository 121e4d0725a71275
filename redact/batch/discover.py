"""Which files of the input folder are drafts, which report config each one gets, which are up to date.

The input folder is read non-recursively: ``redact batch`` keeps ``redact run``'s output layout
(``OUT/publish/STEM.*``), which has no room for sub-folders. Sub-folders, hidden files, Office lock
files (``~$x.docx``) and anything that is not ``.docx``, ``.pdf``, ``.txt`` or ``.md`` are listed as
skipped. Two drafts with the same stem (``a.txt`` and ``a.pdf``) would write the same outputs, so both
fail rather than one silently replacing the other.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from redact import __version__
from redact.audit.outputs import RESTRICTED, sha256_file
from redact.batch.model import BatchOptions, DraftJob, DraftRecord, Status
from redact.errors import InputError, RedactError
from redact.ingest import SUPPORTED
from redact.pipeline import variants_asked

CONFIG_SUFFIX = ".report.yaml"


@dataclass(frozen=True)
class Discovery:
    """The jobs to run and the records already decided (skipped, unchanged, clashing stems)."""

    jobs: tuple[DraftJob, ...]
    decided: tuple[DraftRecord, ...]
    order: tuple[str, ...]  # every file name, sorted: the report's order


def skip_reason(path: Path) -> str | None:
    """Why ``path`` is not a draft to run, or None when it is."""
    if path.is_dir():
        return "folder (batch reads the input folder only, not sub-folders)"
    if path.name.startswith("."):
        return "hidden file"
    if path.name.startswith("~$"):
        return "Office lock file"
    if path.suffix.lower() not in SUPPORTED:
        return f"not a draft ({path.suffix or 'no extension'}; drafts are {', '.join(sorted(SUPPORTED))})"
    return None


def config_for(draft: Path, config_dir: Path | None) -> Path | None:
    """``STEM.report.yaml`` from ``config_dir`` if there, else beside the draft, else None."""
    name = draft.stem + CONFIG_SUFFIX
    for folder in (config_dir, draft.parent):
        if folder is not None and (folder / name).is_file():
            return folder / name
    return None


def is_up_to_date(job: DraftJob) -> bool:
    """Whether the previous run's manifest matches this tool version, draft, config and options and its
    outputs exist unchanged."""
    manifest_path = job.out_dir / RESTRICTED / f"{job.draft.stem}.manifest.json"
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        config_sha = sha256_file(job.config) if job.config else None
        same_inputs = (
            manifest["tool"]["scr-redact"] == __version__  # a new release may redact differently
            and manifest["draft"]["sha256"] == sha256_file(job.draft)
            and manifest["config"]["sha256"] == config_sha
            and manifest["policy"]["sha256"] == sha256_file(job.options.policy)
            and manifest["decisions"]["sha256"] is None
            and manifest.get("variants_asked") == variants_asked(job.options.variants)
            and manifest["allow_incomplete"] == job.options.allow_incomplete
        )
        if not same_inputs or not manifest["outputs"]:
            return False
        return all(
            (job.out_dir / name).is_file() and sha256_file(job.out_dir / name) == sha
            for name, sha in manifest["outputs"].items()
        )
    except (OSError, ValueError, KeyError, TypeError):
        return False


def unchanged_record(job: DraftJob) -> DraftRecord:
    """The record of an up-to-date draft, with counts and warnings from its manifest."""
    manifest_path = job.out_dir / RESTRICTED / f"{job.draft.stem}.manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    published = tuple(name for name in manifest["outputs"] if name.startswith("publish/"))
    return DraftRecord(
        file=job.draft.name,
        status=Status.UNCHANGED,
        config=str(job.config) if job.config else None,
        entity_counts=dict(manifest.get("entities_by_type", {})),
        warnings=tuple(manifest.get("warnings", [])),
        published=published,
        reason="draft, config and options unchanged since the outputs were written (use --force to re-run)",
    )


def discover(in_dir: Path, out_dir: Path, config_dir: Path | None, options: BatchOptions) -> Discovery:
    """Sort the input folder into jobs and already decided records."""
    if not in_dir.is_dir():
        raise InputError("input folder not found or not a folder", in_dir)
    if config_dir is not None and not config_dir.is_dir():
        raise RedactError("config folder not found or not a folder", config_dir)
    paths = sorted(in_dir.iterdir(), key=lambda p: p.name)
    decided: list[DraftRecord] = []
    drafts: list[Path] = []
    for path in paths:
        reason = skip_reason(path)
        if reason:
            decided.append(DraftRecord(file=path.name, status=Status.SKIPPED, reason=reason))
        else:
            drafts.append(path)
    stems = Counter(path.stem for path in drafts)
    jobs: list[DraftJob] = []
    for draft in drafts:
        if stems[draft.stem] > 1:
            others = ", ".join(p.name for p in drafts if p.stem == draft.stem and p != draft)
            message = f"{draft.name}: another draft has the same stem ({others}) and would overwrite its outputs"
            decided.append(DraftRecord(file=draft.name, status=Status.FAILED, error=message, error_type="StemClash"))
            continue
        job = DraftJob(draft, out_dir, config_for(draft, config_dir), options)
        if not options.force and is_up_to_date(job):
            decided.append(unchanged_record(job))
        else:
            jobs.append(job)
    return Discovery(tuple(jobs), tuple(decided), tuple(path.name for path in paths))
