"""A long report reads completely: every heading, list item and paragraph, offsets consistent.

The default size is 120 pages so the suite stays quick (``LARGE_PAGES=500`` for the full size). Time and
peak memory are measured by ``benchmarks/bench_large_input.py``, not asserted here; the timeout below
only stops a reader that hangs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from ingest_samples import long_docx, long_pdf, long_report, long_txt

from redact.document import BlockKind

LARGE_PAGES = int(os.environ.get("LARGE_PAGES", "120"))
HANG_SECONDS_PER_PAGE = 2.0  # about ten times what a page takes on one core: only a hang gets there
BUILDERS = {"pdf": long_pdf, "docx": long_docx, "txt": long_txt}
# read one draft in a fresh process and report what came out
CHILD = """
import json, sys
from redact.ingest import ingest

document = ingest(sys.argv[1])
consistent = all(document.text[b.start:b.end] == b.text for b in document.blocks)
print(json.dumps({
    "kinds": [b.kind.value for b in document.blocks],
    "headings": [b.text for b in document.blocks if b.kind.value == "heading"],
    "pages": max((b.page or 0) for b in document.blocks),
    "consistent": consistent,
}))
"""


@pytest.mark.parametrize("fmt", ["pdf", "docx", "txt"])
def test_long_report_reads_completely(tmp_path: Path, fmt: str) -> None:
    path = BUILDERS[fmt](tmp_path / f"long report – Überprüfung.{fmt}", LARGE_PAGES)
    run = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)],
        capture_output=True,
        text=True,
        timeout=120 + HANG_SECONDS_PER_PAGE * LARGE_PAGES,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    result = json.loads(run.stdout)
    kinds = Counter(result["kinds"])
    source = Counter(kind for kind, _ in long_report(LARGE_PAGES))
    expected_headings = [text for kind, text in long_report(LARGE_PAGES) if kind == "heading"]

    assert result["consistent"]
    assert result["headings"] == expected_headings
    assert kinds[BlockKind.LIST_ITEM.value] == source["item"]
    if fmt == "pdf":
        # a paragraph cut by a page break after a full stop cannot always be told from two paragraphs
        assert source["paragraph"] <= kinds[BlockKind.PARAGRAPH.value] <= source["paragraph"] * 1.03
        assert kinds[BlockKind.HEADER.value] == 1  # the running header once; page numbers dropped
        assert result["pages"] >= LARGE_PAGES * 0.9
    else:
        assert kinds[BlockKind.PARAGRAPH.value] == source["paragraph"]
