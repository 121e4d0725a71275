"""Documents per minute of ``redact batch`` with 1 and 2 local workers and on a Dask LocalCluster.

Generates 20 seeded synthetic drafts (TXT, with their configs), runs the same batch three ways into fresh
folders, and prints documents per minute, the ratio to one plain Presidio process (``AnalyzerEngine`` plus
``AnonymizerEngine`` over the same drafts, no rendering, no verification) and the peak resident memory of
each worker process. Not a test: ``python benchmarks/bench_batch.py [--drafts 20]``.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from presidio_anonymizer import AnonymizerEngine

from redact.batch import BatchOptions, BatchReport, DaskRunner, LocalRunner, Status, run_batch
from redact.eval.baseline import plain_presidio as plain_presidio_analyzer
from redact.ingest import ingest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "fixtures" / "generator"))
from generate import generate  # noqa: E402 - the fixtures' own seeded generator


def make_drafts(folder: Path, count: int) -> tuple[Path, Path]:
    """``count`` drafts in ``folder/in`` and their report.yaml files in ``folder/configs``."""
    generated = folder / "generated"
    generate(generated, count, seed=4242, text_only=True)
    drafts, configs = folder / "in", folder / "configs"
    drafts.mkdir()
    configs.mkdir()
    for path in generated.glob("*.txt"):
        shutil.copy(path, drafts / path.name)
    for path in generated.glob("*.report.yaml"):
        shutil.copy(path, configs / path.name)
    return drafts, configs


def per_minute(count: int, seconds: float) -> float:
    return 60 * count / seconds


def plain_presidio(drafts: Path) -> float:
    """Seconds for one process to analyse and anonymise every draft with plain Presidio."""
    started = time.perf_counter()
    analyzer, anonymizer = plain_presidio_analyzer(), AnonymizerEngine()
    for path in sorted(drafts.glob("*.txt")):
        text = ingest(path).text
        anonymizer.anonymize(text=text, analyzer_results=analyzer.analyze(text=text, language="en"))
    return time.perf_counter() - started


def show(name: str, report: BatchReport, baseline: float) -> None:
    done = report.count(Status.OK)
    peaks: dict[int, int] = {}
    for record in report.records:
        if record.worker:
            peaks[record.worker.pid] = max(peaks.get(record.worker.pid, 0), record.worker.peak_rss_bytes)
    memory = ", ".join(f"{peak / 2**20:.0f}" for peak in sorted(peaks.values())) or "n/a"
    rate = per_minute(done, report.duration_seconds)
    print(
        f"{name:<26} {done:3d} ok  {report.duration_seconds:6.1f} s  {rate:6.1f} docs/min  "
        f"{rate / baseline:5.2f}x plain  peak MB per worker: {memory}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--drafts", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        drafts, configs = make_drafts(Path(folder), args.drafts)
        seconds = plain_presidio(drafts)
        baseline = per_minute(args.drafts, seconds)
        print(f"plain Presidio, 1 process  {seconds:6.1f} s  {baseline:6.1f} docs/min (detect + anonymise only)")
        options = BatchOptions(force=True)
        for workers in (1, 2):
            out = Path(folder) / f"out-local-{workers}"
            report = run_batch(drafts, out, LocalRunner(workers), config_dir=configs, options=options)
            show(f"local, {workers} worker(s)", report, baseline)
        from distributed import LocalCluster

        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            out = Path(folder) / "out-dask"
            report = run_batch(drafts, out, DaskRunner(cluster.scheduler_address), config_dir=configs, options=options)
            show("Dask LocalCluster, 2 workers", report, baseline)


if __name__ == "__main__":
    main()
