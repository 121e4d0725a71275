"""A long report (500 pages by default): time and peak memory of reading it and of detecting in it.

Each step runs in a fresh Python process, so that its peak resident memory (VmHWM) is its own:
reading the report as PDF, DOCX and TXT, then detection on the TXT with our ``Detector`` and with a
plain Presidio ``AnalyzerEngine`` (same spaCy model), printed side by side with their ratio.
The issue's budget is 2 GB for a 500-page report. Not a test: ``python benchmarks/bench_large_input.py``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from ingest_samples import long_docx, long_pdf, long_txt  # noqa: E402 - the tests' own report builder

BUILDERS = {"pdf": long_pdf, "docx": long_docx, "txt": long_txt}
BUDGET_BYTES = 2 * 1024**3
CHILD = """
import json, sys, time
from pathlib import Path
from redact.ingest import ingest

def peak_bytes():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024

step, path = sys.argv[1], sys.argv[2]
started = time.monotonic()
document = ingest(path)
count = len(document.blocks)
if step == "redact":
    from redact.detect.engine import Detector
    count = len(Detector().detect(document))
elif step == "presidio":
    from redact.eval.baseline import detect_plain_presidio
    count = len(detect_plain_presidio(document))
print(json.dumps({"seconds": time.monotonic() - started, "peak": peak_bytes(), "count": count,
                  "words": len(document.text.split())}))
"""


def measure(step: str, path: Path) -> dict[str, float]:
    run = subprocess.run([sys.executable, "-c", CHILD, step, str(path)], capture_output=True, text=True, check=False)
    if run.returncode != 0:
        raise SystemExit(f"{step} on {path.name} failed:\n{run.stderr[-2000:]}")
    return json.loads(run.stdout)


def show(name: str, result: dict[str, float], unit: str) -> None:
    verdict = "within" if result["peak"] < BUDGET_BYTES else "OVER"
    print(
        f"{name:<22} {result['seconds']:7.1f} s  {result['words'] / result['seconds']:8.0f} words/s  "
        f"peak {result['peak'] / 2**20:6.0f} MB ({verdict} 2 GB)  {result['count']} {unit}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        paths = {fmt: build(Path(folder) / f"long.{fmt}", args.pages) for fmt, build in BUILDERS.items()}
        print(f"report: {args.pages} pages")
        for fmt, path in paths.items():
            show(f"read {fmt}", measure("read", path), "blocks")
        ours = measure("redact", paths["txt"])
        plain = measure("presidio", paths["txt"])
        show("read + detect (ours)", ours, "findings")
        show("read + plain Presidio", plain, "results")
        print(f"speed ratio (ours / plain): {plain['seconds'] / ours['seconds']:.2f}x; "
              f"memory ratio: {ours['peak'] / plain['peak']:.2f}x")  # fmt: skip


if __name__ == "__main__":
    main()
