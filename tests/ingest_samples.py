"""Small drafts built on the fly for the ingest tests: DOCX with python-docx, PDF with reportlab."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import docx
from PIL import Image
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas
from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Table, TableStyle

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def sample_docx(path: Path) -> Path:
    """A draft with title, headings, paragraphs, bullets, a merged-cell table, header and footer."""
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "CONFIDENTIAL: Serious Case Review draft"
    section.footer.paragraphs[0].text = "Northshire Safeguarding Children Board"
    section.footer.add_paragraph("7")  # a page-number line, dropped
    document.add_paragraph("Serious Case Review: Child T", style="Title")
    document.add_heading("Executive Summary", 1)
    document.add_heading("Background", 2)
    document.add_paragraph("Tamsin Oduya lived with her mother at 4 Elm Row.")
    document.add_paragraph("the health visitor", style="List Bullet")
    document.add_paragraph("the school nurse", style="List Bullet")
    table = document.add_table(rows=3, cols=3)
    for row in range(3):
        for column in range(3):
            table.cell(row, column).text = f"cell {row}.{column}"
    table.cell(0, 0).merge(table.cell(0, 1))  # horizontally merged: python-docx repeats it
    table.cell(1, 2).merge(table.cell(2, 2))  # vertically merged
    document.add_heading("Findings", 1)
    document.add_paragraph("The panel met four times.")
    document.save(path)
    return path


def sample_pdf(path: Path, paragraphs: int = 40, extra: Sequence = ()) -> Path:
    """A multi-page platypus PDF with running header, page-number footer, headings, bullets, a table."""
    styles = getSampleStyleSheet()

    def furniture(pdf: canvas.Canvas, doc) -> None:
        pdf.saveState()
        pdf.setFont("Helvetica", 9)
        pdf.drawString(72, A4[1] - 40, "Serious Case Review: Child T (draft 3)")
        pdf.drawCentredString(A4[0] / 2, 40, f"Page {doc.page}")
        pdf.drawString(72, 28, "Northshire Safeguarding Children Board")
        pdf.restoreState()

    body = styles["BodyText"]
    story = [
        Paragraph("Serious Case Review", styles["Title"]),
        Paragraph("Executive Summary", styles["Heading1"]),
        Paragraph("Background", styles["Heading2"]),
    ]
    for number in range(paragraphs):
        story.append(
            Paragraph(
                f"Paragraph {number}: the family were seen by the health visitor at home and the concerns "
                "raised were recorded in the notes of each agency involved with the children.",
                body,
            )
        )
    story.append(
        ListFlowable(
            [ListItem(Paragraph("the health visitor", body)), ListItem(Paragraph("the school nurse", body))],
            bulletType="bullet",
        )
    )
    table = Table([["Name", "Role"], ["Ann Pryce", "Chair"], ["Bo Lindqvist", "Author"]])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    story += [table, Paragraph("Findings", styles["Heading1"]), Paragraph("The panel met four times.", body)]
    story += list(extra)
    SimpleDocTemplate(str(path), pagesize=A4).build(story, onFirstPage=furniture, onLaterPages=furniture)
    return path


def canvas_pdf(path: Path, draw: Callable[[canvas.Canvas], None], **options) -> Path:
    """A one-page PDF drawn by ``draw``."""
    pdf = canvas.Canvas(str(path), pagesize=A4, **options)
    draw(pdf)
    pdf.showPage()
    pdf.save()
    return path


def grey_image(size: tuple[int, int] = (400, 500)) -> ImageReader:
    buffer = io.BytesIO()
    Image.new("L", size, 200).save(buffer, format="PNG")
    buffer.seek(0)
    return ImageReader(buffer)


def rewrite_docx_part(source: Path, target: Path, part: str, edit: Callable[[str], str]) -> Path:
    """Copy a DOCX, passing one of its XML parts through ``edit``."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == part:
                data = edit(data.decode("utf-8")).encode("utf-8")
            new.writestr(item, data)
    return target


def with_tracked_insertion(source: Path, target: Path) -> Path:
    """The DOCX with its first body run wrapped in a tracked insertion (``w:ins``)."""

    def edit(xml: str) -> str:
        run = re.search(r"<w:r>.*?</w:r>", xml, re.DOTALL)
        assert run is not None
        ins = f'<w:ins w:id="91" w:author="Reviewer" w:date="2020-01-01T00:00:00Z">{run.group()}</w:ins>'
        return xml[: run.start()] + ins + xml[run.end() :]

    return rewrite_docx_part(source, target, "word/document.xml", edit)


def with_tracked_deletion(source: Path, target: Path) -> Path:
    """The DOCX with a deleted run (a name that is gone from view but still in the file)."""

    def edit(xml: str) -> str:
        deleted = (
            '<w:del w:id="92" w:author="Reviewer" w:date="2020-01-01T00:00:00Z">'
            "<w:r><w:delText>Tamsin Oduya</w:delText></w:r></w:del>"
        )
        return xml.replace("</w:p>", deleted + "</w:p>", 1)

    return rewrite_docx_part(source, target, "word/document.xml", edit)


def with_text_box(source: Path, target: Path, text: str) -> Path:
    """The DOCX with a text box (modern choice plus its VML fallback copy) in its first paragraph."""
    box = f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    alternate = (
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        f'<mc:Choice Requires="wps"><w:drawing><wps:txbx xmlns:wps="http://schemas.microsoft.com/office/word/'
        f'2010/wordprocessingShape">{box}</wps:txbx></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><v:textbox xmlns:v="urn:schemas-microsoft-com:vml">{box}</v:textbox></w:pict>'
        "</mc:Fallback></mc:AlternateContent>"
    )
    return rewrite_docx_part(
        source,
        target,
        "word/document.xml",
        lambda xml: xml.replace("</w:r>", f"</w:r><w:r>{alternate}</w:r>", 1),
    )


FOOTNOTES_XML = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W_NS}">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote>"
    '<w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">Interview with Mr Oduya, </w:t></w:r>'
    "<w:r><w:t>3 May 2019.</w:t></w:r></w:p></w:footnote></w:footnotes>"
)


def with_footnote(source: Path, target: Path) -> Path:
    """The DOCX with a footnotes part holding one footnote (and the usual separators)."""
    rel = (
        '<Relationship Id="rIdFn1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'footnotes" Target="footnotes.xml"/>'
    )
    override = (
        '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'wordprocessingml.footnotes+xml"/>'
    )
    staged = target.with_suffix(".stage.docx")
    rewrite_docx_part(
        source,
        staged,
        "word/_rels/document.xml.rels",
        lambda x: x.replace("</Relationships>", rel + "</Relationships>"),
    )
    rewrite_docx_part(staged, target, "[Content_Types].xml", lambda x: x.replace("</Types>", override + "</Types>"))
    with zipfile.ZipFile(target, "a") as archive:
        archive.writestr("word/footnotes.xml", FOOTNOTES_XML)
    staged.unlink()
    return target


PARAGRAPHS_PER_PAGE = 9  # of about 13 short sentences: a full A4 page of 10 pt body text


def long_report(pages: int, seed: int = 7) -> list[tuple[str, str]]:
    """``(kind, text)`` pairs for a report of about ``pages`` A4 pages: numbered headings, paragraphs of
    English text, and a short list now and then. ``kind`` is ``"heading"``, ``"paragraph"`` or ``"item"``."""
    from faker import Faker

    names, words = Faker("en_GB"), Faker("en_US")  # British names, English (not Latin) filler words
    names.seed_instance(seed)
    words.seed_instance(seed)
    parts: list[tuple[str, str]] = []
    for page in range(pages):
        if page % 4 == 0:
            parts.append(("heading", f"{page // 4 + 1}. {words.sentence(nb_words=4).rstrip('.').title()}"))
        for _ in range(PARAGRAPHS_PER_PAGE):
            text = words.paragraph(nb_sentences=13)
            parts.append(("paragraph", f"{names.name()} said that {text[0].lower()}{text[1:]}"))
        if page % 10 == 5:
            parts += [("item", words.sentence(nb_words=8)) for _ in range(3)]
    return parts


def long_pdf(path: Path, pages: int) -> Path:
    """A report of about ``pages`` pages with a running header and a page-number footer."""
    styles = getSampleStyleSheet()
    body = styles["BodyText"]

    def furniture(pdf: canvas.Canvas, doc) -> None:
        pdf.saveState()
        pdf.setFont("Helvetica", 9)
        pdf.drawString(72, A4[1] - 40, "Serious Case Review: Child W (draft for the panel)")
        pdf.drawCentredString(A4[0] / 2, 40, f"Page {doc.page}")
        pdf.restoreState()

    story: list = []
    items: list = []
    for kind, text in long_report(pages):
        if kind == "item":
            items.append(ListItem(Paragraph(text, body)))
            continue
        if items:
            story.append(ListFlowable(items, bulletType="bullet"))
            items = []
        story.append(Paragraph(text, styles["Heading1"] if kind == "heading" else body))
    SimpleDocTemplate(str(path), pagesize=A4).build(story, onFirstPage=furniture, onLaterPages=furniture)
    return path


def long_docx(path: Path, pages: int) -> Path:
    """The same report as a DOCX, with a running header and footer."""
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Serious Case Review: Child W (draft for the panel)"
    section.footer.paragraphs[0].text = "Northshire Safeguarding Children Partnership"
    for kind, text in long_report(pages):
        if kind == "heading":
            document.add_heading(text, 1)
        else:
            document.add_paragraph(text, style="List Bullet" if kind == "item" else None)
    document.save(path)
    return path


def long_txt(path: Path, pages: int) -> Path:
    """The same report as plain text: blank lines between blocks, ``- `` before list items."""
    marker = {"heading": "", "paragraph": "", "item": "- "}
    path.write_text("\n\n".join(marker[kind] + text for kind, text in long_report(pages)) + "\n", "utf-8")
    return path


def raw_pdf(path: Path, content: bytes, filters: str = "/FlateDecode") -> Path:
    """A one-page PDF whose page content stream is ``content`` exactly as given (already encoded for
    ``filters``), with Helvetica as font ``/F1``: for damaged or hostile streams reportlab will not write."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter %s >>\nstream\n" % (len(content), filters.encode()) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path
