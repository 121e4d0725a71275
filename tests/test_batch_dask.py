"""``redact batch --scheduler``: the same batch on a Dask cluster gives the same files as a local run."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

from test_batch import FULL, REAL_DRAFT, published, write_drafts  # noqa: E402 - after the importorskip

from redact.batch import DaskRunner, LocalRunner, Status, run_batch  # noqa: E402
from redact.errors import RedactError  # noqa: E402

FIXTURES = Path(__file__).parent.parent / "fixtures" / "handwritten"


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None, silence_logs=50
    ) as cluster:
        yield cluster.scheduler_address


def statuses(report) -> dict[str, Status]:
    return {record.file: record.status for record in report.records}


def test_dask_batch_matches_the_local_batch(tmp_path: Path, scheduler: str) -> None:
    from test_batch import fake_detect

    drafts = write_drafts(tmp_path / "in", ["a.txt", "b.md", "Zoë review.txt", "d.txt"])
    (drafts / "zero.txt").write_bytes(b"")
    (drafts / "b.report.yaml").write_text("board: Northshire LSCB\n", encoding="utf-8")
    local = run_batch(drafts, tmp_path / "local", LocalRunner(1, fake_detect), options=FULL)
    dask = run_batch(drafts, tmp_path / "dask", DaskRunner(scheduler, fake_detect), options=FULL)
    assert statuses(dask) == statuses(local)
    assert statuses(dask)["a.txt"] is Status.OK and statuses(dask)["zero.txt"] is Status.FAILED
    records = {record.file: record for record in dask.records}
    assert records["zero.txt"].error == f"{drafts / 'zero.txt'}: is empty (0 bytes)"  # the client's path
    assert records["b.md"].config == str(drafts / "b.report.yaml")
    assert published(tmp_path / "dask") == published(tmp_path / "local")
    assert len(published(tmp_path / "dask")) == 8
    for manifest in (tmp_path / "dask" / "restricted").glob("*.manifest.json"):
        assert manifest.read_bytes() == (tmp_path / "local" / "restricted" / manifest.name).read_bytes()
        assert manifest.stat().st_mode & 0o777 == 0o600
    workers = [r.worker for r in dask.records if r.worker]
    assert len({w.pid for w in workers}) <= 2 and max(w.drafts_run for w in workers) >= 2
    assert {w.pipeline_builds for w in workers} == {1}
    assert not list((tmp_path / "dask").glob(".staging-*"))
    again = run_batch(drafts, tmp_path / "dask", DaskRunner(scheduler, fake_detect), options=FULL)
    assert statuses(again)["a.txt"] is Status.UNCHANGED


def test_dask_real_pipeline_same_bytes_as_local(tmp_path: Path, scheduler: str) -> None:
    drafts = tmp_path / "in"
    drafts.mkdir()
    (drafts / "short review.txt").write_text(REAL_DRAFT, encoding="utf-8")
    shutil.copy(FIXTURES / "health-imr.txt", drafts / "health-imr.txt")
    local = run_batch(drafts, tmp_path / "local", LocalRunner(1), options=FULL)
    dask = run_batch(drafts, tmp_path / "dask", DaskRunner(scheduler), options=FULL)
    assert statuses(dask) == statuses(local)
    assert statuses(dask)["short review.txt"] is Status.OK
    assert published(tmp_path / "dask") == published(tmp_path / "local")
    workers = [r.worker for r in dask.records if r.worker]
    assert {w.pipeline_builds for w in workers} == {1} and {w.model_loads for w in workers} == {1}


def test_unreachable_scheduler_is_one_clear_error(tmp_path: Path) -> None:
    drafts = write_drafts(tmp_path / "in", ["a.txt"])
    with pytest.raises(RedactError, match="cannot reach the Dask scheduler"):
        DaskRunner("tcp://127.0.0.1:9", None).run([], listener=None)  # type: ignore[arg-type]
    assert drafts.is_dir()


def test_a_draft_refused_on_a_worker_leaves_its_review_package_and_withdraws_what_it_published(
    tmp_path: Path, scheduler: str
) -> None:
    """As a local run: a refused run's review package lands in restricted/ with a run record that names the draft
    the user gave (not the worker's temporary copy), so the review app can re-run it; the version published before
    is withdrawn."""
    from test_batch import draft_text, fake_detect

    drafts = write_drafts(tmp_path / "in", ["a.txt"])
    out = tmp_path / "out"
    first = run_batch(drafts, out, DaskRunner(scheduler, fake_detect), options=FULL)
    assert statuses(first)["a.txt"] is Status.OK and published(out)
    (drafts / "a.txt").write_text(draft_text("Kelly cried."), encoding="utf-8")  # a leak the fake detector misses
    again = run_batch(drafts, out, DaskRunner(scheduler, fake_detect), options=FULL)
    assert statuses(again)["a.txt"] is Status.FAILED and "leak" in (again.records[0].error or "")
    assert not published(out)
    manifest = json.loads((out / "restricted" / "a.manifest.json").read_text(encoding="utf-8"))
    assert manifest["status"] == "refused" and manifest["reasons"]
    record = json.loads((out / "restricted" / "a.run.json").read_text(encoding="utf-8"))
    assert record["draft"] == str((drafts / "a.txt").resolve())
