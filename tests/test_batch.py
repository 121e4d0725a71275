"""``redact batch``: folder runs on a local process pool, bad inputs, re-runs, crashes and Ctrl-C.

Most tests use a small deterministic fake detector (``fake_detect``) so that they do not depend on
detection quality; ``test_real_pipeline_*`` run the real spaCy + Presidio pipeline.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from redact.batch import REPORT_NAME, BatchOptions, LocalRunner, Status, run_batch
from redact.batch.discover import discover
from redact.detect.finding import Finding
from redact.document import Document
from redact.errors import RedactError

FULL = BatchOptions(variants=("full-publication",))
NAMES = re.compile(r"\b(?:Jayden Smith|Jayden|Kelly Rose|Northtown)\b")
LABELS = {"Northtown": "LOCATION"}
TESTS = Path(__file__).parent
REPO = TESTS.parent


def fake_detect(document: Document) -> list[Finding]:
    """Every listed name, as PERSON (or LOCATION); ``CRASH`` kills the worker, ``SLOW`` takes 3 s."""
    if "CRASH" in document.text:
        os._exit(3)
    if "SLOW" in document.text:
        time.sleep(3)
    return [
        Finding(m.start(), m.end(), LABELS.get(m.group(), "PERSON"), m.group(), 0.9, "fake")
        for m in NAMES.finditer(document.text)
    ]


def draft_text(extra: str = "") -> str:
    return (
        "Serious Case Review\n\n"
        "Background\n\n"
        "Jayden Smith lived with his mother Kelly Rose in Northtown. "
        f"Jayden attended nursery three days a week. {extra}\n\n"
        "Findings\n\n"
        "Kelly Rose asked the health visitor for help with housing in 2019.\n"
    )


def write_drafts(folder: Path, names: list[str], extra: dict[str, str] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text(draft_text((extra or {}).get(name, "")), encoding="utf-8")
    return folder


def published(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((out / "publish").glob("*"))} if (out / "publish").is_dir() else {}


def report_json(out: Path) -> dict:
    return json.loads((out / REPORT_NAME).read_text(encoding="utf-8"))


def by_file(report) -> dict:
    return {record.file: record for record in report.records}


def test_discover_sorts_drafts_skips_and_configs(tmp_path: Path) -> None:
    drafts = write_drafts(tmp_path / "in", ["a.txt", "b.md", "c.marked.txt", "clash.txt"])
    (drafts / "clash.md").write_text("x", encoding="utf-8")
    for name in ["a.gold.json", "a.report.yaml", ".hidden.txt", "~$b.docx", "notes.rtf"]:
        (drafts / name).write_text("x", encoding="utf-8")
    (drafts / "sub").mkdir()
    configs = tmp_path / "configs"
    configs.mkdir()
    (configs / "b.report.yaml").write_text("board: X\n", encoding="utf-8")
    found = discover(drafts, tmp_path / "out", configs, FULL)
    jobs = {job.draft.name: job.config for job in found.jobs}
    assert jobs == {"a.txt": drafts / "a.report.yaml", "b.md": configs / "b.report.yaml", "c.marked.txt": None}
    decided = {record.file: record for record in found.decided}
    assert {name for name, r in decided.items() if r.status is Status.SKIPPED} == {
        "a.gold.json", "a.report.yaml", ".hidden.txt", "~$b.docx", "notes.rtf", "sub",
    }  # fmt: skip
    assert decided["clash.txt"].status is Status.FAILED and "same stem" in decided["clash.txt"].error
    assert decided["clash.md"].status is Status.FAILED
    assert list(found.order) == sorted(p.name for p in drafts.iterdir())


def bad_inputs(folder: Path) -> dict[str, str]:
    """Broken drafts beside good ones; returns name -> a phrase its error must contain."""
    (folder / "zero.txt").write_bytes(b"")
    (folder / "latin1.txt").write_bytes(draft_text().encode("utf-8") + "Zoë".encode("latin-1"))
    (folder / "corrupt.docx").write_bytes(b"PK\x03\x04" + b"\0" * 200)
    locked = canvas.Canvas(str(folder / "locked.pdf"), encrypt="secret")
    locked.drawString(72, 700, "Jayden Smith lived in Northtown.")
    locked.save()
    return {"zero.txt": "empty", "latin1.txt": "UTF-8", "corrupt.docx": "", "locked.pdf": "encrypted"}


def test_bad_files_fail_alone_and_publish_nothing(tmp_path: Path) -> None:
    drafts = write_drafts(tmp_path / "in", ["good.txt", "Review – Zoë Ødegård 2019.txt"])
    expected = bad_inputs(drafts)
    out = tmp_path / "out dir ü"
    report = run_batch(drafts, out, LocalRunner(2, fake_detect), options=FULL)
    records = by_file(report)
    assert report.failed
    for name, phrase in expected.items():
        record = records[name]
        assert record.status is Status.FAILED, name
        assert record.error_type == "InputError" and phrase in record.error and "\n" not in record.error
        assert not any(p.startswith(Path(name).stem + ".") for p in published(out)), name
    assert records["good.txt"].status is Status.OK
    assert records["Review – Zoë Ødegård 2019.txt"].status is Status.OK
    assert records["good.txt"].entity_counts == {"LOCATION": 1, "PERSON": 2}
    assert set(published(out)) == {
        f"{stem}.full-publication.{ext}" for stem in ("good", "Review – Zoë Ødegård 2019") for ext in ("md", "pdf")
    }
    assert "Jayden" not in published(out)["good.full-publication.md"].decode()
    data = report_json(out)
    assert data["counts"]["ok"] == 2 and data["counts"]["failed"] == 4
    assert {f["file"]: f["status"] for f in data["files"]}["locked.pdf"] == "failed"
    assert oct((out / REPORT_NAME).stat().st_mode & 0o777) == "0o600"
    assert not list(out.glob(".staging-*"))


def test_rerun_skips_unchanged_drafts_until_something_changes(tmp_path: Path) -> None:
    drafts = write_drafts(tmp_path / "in", ["a.txt", "b.txt"])
    out = tmp_path / "out"
    runner = LocalRunner(1, fake_detect)
    first = run_batch(drafts, out, runner, options=FULL)
    assert [r.status for r in first.records] == [Status.OK, Status.OK]
    again = run_batch(drafts, out, runner, options=FULL)
    assert [r.status for r in again.records] == [Status.UNCHANGED, Status.UNCHANGED]
    assert by_file(again)["a.txt"].entity_counts == by_file(first)["a.txt"].entity_counts
    (drafts / "b.report.yaml").write_text("board: Northshire LSCB\n", encoding="utf-8")  # b's config changed
    (out / "publish" / "a.full-publication.pdf").unlink()  # a's output is missing
    third = run_batch(drafts, out, runner, options=FULL)
    assert [r.status for r in third.records] == [Status.OK, Status.SKIPPED, Status.OK]
    assert by_file(third)["b.txt"].config == str(drafts / "b.report.yaml")
    forced = run_batch(drafts, out, runner, options=BatchOptions(variants=FULL.variants, force=True))
    assert forced.count(Status.OK) == 2 and forced.count(Status.UNCHANGED) == 0
    manifest = out / "restricted" / "a.manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["tool"]["scr-redact"] = "0.0.1"  # written by an older release
    manifest.write_text(json.dumps(data), encoding="utf-8")
    upgraded = run_batch(drafts, out, runner, options=FULL)
    assert by_file(upgraded)["a.txt"].status is Status.OK and by_file(upgraded)["b.txt"].status is Status.UNCHANGED


def test_output_folder_under_a_regular_file_is_refused_for_root_too(tmp_path: Path) -> None:
    drafts = write_drafts(tmp_path / "in", ["a.txt"])
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(RedactError, match="cannot write to the output folder"):
        run_batch(drafts, blocker / "out", LocalRunner(1, fake_detect), options=FULL)


def test_unwritable_publish_folder_fails_each_draft(tmp_path: Path) -> None:
    drafts = write_drafts(tmp_path / "in", ["a.txt", "b.txt"])
    out = tmp_path / "out"
    out.mkdir()
    (out / "publish").write_text("a file where the publish folder should be", encoding="utf-8")
    report = run_batch(drafts, out, LocalRunner(1, fake_detect), options=FULL)
    assert [r.status for r in report.records] == [Status.FAILED, Status.FAILED]
    assert all("unexpected FileExistsError" in r.error for r in report.records)
    assert (out / "publish").is_file()
    assert report_json(out)["counts"]["failed"] == 2


def test_a_draft_that_kills_its_worker_fails_alone(tmp_path: Path) -> None:
    drafts = write_drafts(tmp_path / "in", ["a.txt", "b.txt", "c.txt"], {"b.txt": "CRASH"})
    report = run_batch(drafts, tmp_path / "out", LocalRunner(2, fake_detect), options=FULL)
    records = by_file(report)
    assert records["b.txt"].status is Status.FAILED and records["b.txt"].error_type == "WorkerCrash"
    assert records["a.txt"].status is Status.OK and records["c.txt"].status is Status.OK


def test_pipeline_is_built_once_per_worker_process(tmp_path: Path) -> None:
    drafts = write_drafts(tmp_path / "in", [f"d{i}.txt" for i in range(5)])
    report = run_batch(drafts, tmp_path / "out", LocalRunner(2, fake_detect), options=FULL)
    assert report.count(Status.OK) == 5
    workers = [r.worker for r in report.records]
    assert len({w.pid for w in workers}) <= 2 and max(w.drafts_run for w in workers) >= 3
    assert {w.pipeline_builds for w in workers} == {1} and {w.model_loads for w in workers} == {0}


INTERRUPT_SCRIPT = """
import sys
from pathlib import Path
from test_batch import FULL, fake_detect
from redact.batch import LocalRunner, run_batch
report = run_batch(Path(sys.argv[1]), Path(sys.argv[2]), LocalRunner(2, fake_detect), options=FULL)
sys.exit(130 if report.interrupted else 0)
"""


def test_ctrl_c_stops_cleanly_and_still_writes_the_report(tmp_path: Path) -> None:
    names = ["a.txt"] + [f"slow{i}.txt" for i in range(5)]
    drafts = write_drafts(tmp_path / "in", names, {n: "SLOW" for n in names if n.startswith("slow")})
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS), str(REPO)])}
    process = subprocess.Popen(  # Ctrl-C reaches the child even when a module imported here ignores it
        [sys.executable, "-c", INTERRUPT_SCRIPT, str(drafts), str(out)], env=env, stderr=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while not (out / "publish" / "a.full-publication.pdf").exists():  # a finished; slow drafts are running
        assert process.poll() is None and time.monotonic() < deadline, process.stderr.read().decode()
        time.sleep(0.1)
    time.sleep(0.5)
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=60) == 130, process.stderr.read().decode()
    data = report_json(out)
    statuses = {f["file"]: f["status"] for f in data["files"]}
    assert data["interrupted"] and statuses["a.txt"] == "ok"
    interrupted = [name for name, status in statuses.items() if status == "interrupted"]
    assert interrupted and all(name.startswith("slow") for name in interrupted)
    assert published(out).keys() >= {"a.full-publication.pdf", "a.full-publication.md"}
    for name in interrupted:
        assert not (out / "restricted" / f"{Path(name).stem}.manifest.json").exists()
        assert not any(p.startswith(Path(name).stem + ".") for p in published(out))
    assert not list(out.glob(".staging-*"))
    assert not [line for line in process.stderr.read().decode().splitlines() if "Traceback" in line]


REAL_DRAFT = """Serious Case Review: Child A

Background

Jayden Smith was born in 2015. He lived with his mother, Kelly Smith, in Leeds.
Kelly Smith told the health visitor that money was short. Jayden started school in 2019.

Findings

Agencies did not share what they knew about the family's housing.
"""


def test_real_pipeline_batch_from_the_command_line(tmp_path: Path) -> None:
    drafts = tmp_path / "in"
    drafts.mkdir()
    (drafts / "Review Zoë 2019.txt").write_text(REAL_DRAFT, encoding="utf-8")
    (drafts / "zero.txt").write_bytes(b"")
    out = tmp_path / "out"
    command = [str(REPO / ".venv/bin/redact"), "batch", str(drafts), "--out", str(out), "--workers", "1"]
    result = subprocess.run([*command, "--variants", "full-publication"], capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    data = report_json(out)
    records = {f["file"]: f for f in data["files"]}
    good = records["Review Zoë 2019.txt"]
    assert good["status"] == "ok", good["error"]
    assert good["entity_counts"]["PERSON"] >= 1
    assert good["worker"]["pipeline_builds"] == 1 and good["worker"]["model_loads"] == 1
    assert records["zero.txt"]["status"] == "failed" and "empty" in records["zero.txt"]["error"]
    text = (out / "publish" / "Review Zoë 2019.full-publication.md").read_text(encoding="utf-8")
    assert "Jayden" not in text and "Kelly" not in text
    manifest = json.loads((out / "restricted" / "Review Zoë 2019.manifest.json").read_text(encoding="utf-8"))
    assert manifest["draft"]["name"] == "Review Zoë 2019.txt"
    again = subprocess.run([*command, "--variants", "full-publication"], capture_output=True, text=True)
    assert again.returncode == 1  # zero.txt still fails; the good draft is unchanged
    assert {f["file"]: f["status"] for f in report_json(out)["files"]}["Review Zoë 2019.txt"] == "unchanged"


def test_a_strict_batch_fails_the_draft_whose_residual_scan_finds_a_word_and_goes_on(tmp_path: Path) -> None:
    drafts = write_drafts(tmp_path / "in", ["clean.txt", "missed.txt"], {"missed.txt": "Her friend Quorra visited."})
    lenient = run_batch(drafts, tmp_path / "lenient", LocalRunner(1, fake_detect), options=FULL)
    assert by_file(lenient)["missed.txt"].status is Status.OK
    assert any("Quorra" in warning for warning in by_file(lenient)["missed.txt"].warnings)
    strict = BatchOptions(variants=("full-publication",), strict=True)
    report = run_batch(drafts, tmp_path / "strict", LocalRunner(1, fake_detect), options=strict)
    records = by_file(report)
    assert records["clean.txt"].status is Status.OK
    assert records["missed.txt"].status is Status.FAILED and "Quorra" in records["missed.txt"].error
    assert not any(name.startswith("missed.") for name in published(tmp_path / "strict"))
