"""``redact run`` end to end on a 100-page draft, as DOCX and as PDF, against the spaCy floor.

The draft is realistic text with names and identifiers: the seeded synthetic reports (fixtures/generator)
joined into one overview report of about ``--words`` words (63,000 by default, about 100 pages). The first
report gives the front matter and the executive summary; later reports add their chronology and analysis.
It is saved as DOCX (python-docx) and exported to PDF with LibreOffice, as boards do (reportlab if
``soffice`` is not installed).

Every measurement runs in a fresh process, in the same run:
- the floor: spaCy's pipeline with only ``tok2vec`` and ``ner``, model load included, over the draft's text;
- ``redact run`` (the library's ``Pipeline.run``, as the CLI calls it) on the DOCX and on the PDF, with the
  time of each stage and the peak resident memory after it.

Not a test: ``.venv/bin/python benchmarks/bench_run.py [--words N] [--variants full-publication]``.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "fixtures" / "generator"))
from generate import generate  # noqa: E402 - the seeded synthetic reports

PART_START = re.compile(r"^2\. ", re.MULTILINE)  # each report's body after its front page and summary
HEADING = re.compile(r"^(\d+(\.\d+)*\.? [A-Z][^.]{0,80}|[A-Z][A-Z ,'-]{3,60})$")

FLOOR = """
import json, sys, time
started = time.monotonic()
import spacy
from redact.detect.policy import load_policy
model = load_policy().spacy.model
nlp = spacy.load(model, exclude=[p for p in spacy.load(model).pipe_names if p not in ("tok2vec", "ner")])
loaded = time.monotonic()
paragraphs = [p for p in open(sys.argv[1], encoding="utf-8").read().split("\\n\\n") if p.strip()]
entities = sum(len(doc.ents) for doc in nlp.pipe(paragraphs))
done = time.monotonic()
print(json.dumps({"total": done - started, "load": loaded - started, "pipe": done - loaded, "entities": entities}))
"""

RUN = """
import json, sys, time
from pathlib import Path
started = time.monotonic()
STAGES = []

def peak_mb():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024

import redact.pipeline as pipeline
STAGES.append(("imports", time.monotonic() - started, peak_mb()))

def timed(name, function):
    def wrapper(*args, **kwargs):
        begun = time.monotonic()
        try:
            return function(*args, **kwargs)
        finally:
            STAGES.append((name, time.monotonic() - begun, peak_mb()))
    return wrapper

for name, attribute in [("ingest", "ingest"), ("resolve", "resolve"), ("variants", "build_variant"),
                        ("render pdf", "render_pdf"), ("render markdown", "render_markdown"),
                        ("diff html", "render_diff_html"), ("audit trail", "audit_entries"),
                        ("verify", "find_leaks"), ("residual scan", "_residual")]:
    setattr(pipeline, attribute, timed(name, getattr(pipeline, attribute)))
pipeline.Pipeline.detect = timed("detect", pipeline.Pipeline.detect)
variants = tuple(v for v in sys.argv[3].split(",") if v)
try:
    result = pipeline.Pipeline().run(Path(sys.argv[1]), Path(sys.argv[2]), pipeline.RunOptions(variants=variants))
    outcome = f"{len(result.published)} file(s) published"
except pipeline.RedactError as error:
    outcome = f"refused: {str(error)[:300]}"
total = time.monotonic() - started
stages = {}
for name, seconds, peak in STAGES:
    spent, _ = stages.get(name, (0.0, 0.0))
    stages[name] = (spent + seconds, peak)
print(json.dumps({"total": total, "peak": peak_mb(), "outcome": outcome, "stages": stages}))
"""


def draft_text(words: int, folder: Path) -> str:
    """One long overview report: the first synthetic report whole, then the body of each next one."""
    reports = generate(folder, count=words // 2000 + 1, seed=2026, text_only=True)  # about 2,600 words each
    parts: list[str] = []
    for number, path in enumerate(reports):
        text = path.read_text(encoding="utf-8")
        if number:
            start = PART_START.search(text)
            text = f"Appendix {number}. Further case material\n\n" + text[start.start() if start else 0 :]
        parts.append(text.strip())
        if sum(len(part.split()) for part in parts) >= words:
            break
    return "\n\n".join(parts) + "\n"


def write_docx(text: str, path: Path) -> None:
    import docx

    document = docx.Document()
    for block in (b.strip() for b in text.split("\n\n") if b.strip()):
        if HEADING.match(block) and "\n" not in block:
            document.add_heading(block, 1 if re.match(r"^(\d+\.? |Appendix)", block) else 2)
        elif block.startswith("- "):
            for item in block.splitlines():
                document.add_paragraph(item.removeprefix("- "), style="List Bullet")
        else:
            document.add_paragraph(block.replace("\n", " "))
    document.save(path)


def write_pdf(docx_path: Path, path: Path) -> str:
    """Export the DOCX with LibreOffice; returns what made the PDF."""
    soffice = shutil.which("soffice")
    if soffice:
        subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(path.parent), str(docx_path)],
                       check=True, capture_output=True, timeout=600)  # fmt: skip
        return "LibreOffice"
    import docx
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    body = getSampleStyleSheet()["BodyText"]
    story = [Paragraph(p.text, body) for p in docx.Document(str(docx_path)).paragraphs if p.text.strip()]
    SimpleDocTemplate(str(path)).build(story)
    return "reportlab (soffice not found)"


def child(code: str, *args: str) -> dict:
    run = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=False, cwd=ROOT)
    if run.returncode != 0:
        raise SystemExit(f"benchmark step failed:\n{run.stderr[-3000:]}")
    return json.loads(run.stdout.strip().splitlines()[-1])


def pages(path: Path) -> int:
    import pypdfium2

    return len(pypdfium2.PdfDocument(str(path)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=63_000)
    parser.add_argument("--variants", default="full-publication", help="comma-separated; empty for every variant")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        text = draft_text(args.words, folder / "generated")
        txt = folder / "draft.txt"
        txt.write_text(text, encoding="utf-8")
        docx_path = folder / "draft.docx"
        write_docx(text, docx_path)
        made_by = write_pdf(docx_path, folder / "draft.pdf")
        print(f"draft: {len(text.split())} words; PDF of {pages(folder / 'draft.pdf')} pages by {made_by}")

        floor = child(FLOOR, str(txt))
        print(f"spaCy floor (tok2vec + ner, load included): {floor['total']:.1f} s "
              f"(load {floor['load']:.1f} s, pipe {floor['pipe']:.1f} s)")  # fmt: skip
        for fmt in ("docx", "pdf"):
            run = child(RUN, str(folder / f"draft.{fmt}"), str(folder / f"out-{fmt}"), args.variants)
            print(f"\nredact run on the {fmt.upper()}: {run['total']:.1f} s = {run['total'] / floor['total']:.2f}x "
                  f"the floor; peak {run['peak']:.0f} MB; {run['outcome']}")  # fmt: skip
            for name, (seconds, peak) in run["stages"].items():
                print(f"  {name:<16} {seconds:7.2f} s   peak so far {peak:6.0f} MB")


if __name__ == "__main__":
    main()
