"""Build the Word-exported test PDFs in this folder: python-docx writes the DOCX, LibreOffice exports the PDF, as
boards receive them. Run by hand (needs ``soffice``); the PDFs are committed so tests need no LibreOffice.

Every name, address and number here is invented for the test.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from docx import Document
from docx.shared import Cm

HERE = Path(__file__).resolve().parent
FILLERS = int(sys.argv[1]) if len(sys.argv) > 1 else 10  # paragraphs before the table: its row meets the page's foot
FILLER = (
    "The panel read every agency's records for the period under review and met the practitioners who knew the "
    "family best; this paragraph only fills the page so that the table below meets its foot."
)


def table_split_across_pages(path: Path, fillers: int) -> None:
    """A family table whose last row Word breaks across the page, and a paragraph straight under the table."""
    document = Document()
    document.add_paragraph("SYNTHETIC TEST DOCUMENT - invented; no real person or case.")
    document.add_heading("2. The family", level=1)
    for _ in range(fillers):
        document.add_paragraph(FILLER)
    rows = [
        ("Name", "Relationship", "Age", "Address"),
        ("Tamsin QUARRENDON-HOLT", "Subject", "13", "41 Fellgate Terrace, Brackley Green, Ossington NG23 7QT"),
        ("Odile QUARRENDON", "Mother", "36", "same"),
    ]
    table = document.add_table(rows=0, cols=4)
    table.style = "Table Grid"
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.text = value
        cells[3].width = Cm(3)  # a narrow address column: the address wraps over four lines
    document.add_paragraph("2.1 Ms Quarrendon moved to Ossington from Corby in 2004 and works as a florist.")
    document.save(path)


def main() -> int:
    docx = HERE / "table-split-across-pages.docx"
    table_split_across_pages(docx, FILLERS)
    subprocess.run(
        ["soffice", "-env:UserInstallation=file:///tmp/lo-tests", "--headless", "--convert-to", "pdf",
         "--outdir", str(HERE), str(docx)],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    docx.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
