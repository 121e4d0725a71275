"""PDF ingest: furniture, headings, lists, tables, paragraphs rebuilt across lines and pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from ingest_samples import canvas_pdf, grey_image, sample_pdf
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen import canvas
from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, PageTemplate, Paragraph

from redact.document import BlockKind, TableCellPosition, layout_blocks
from redact.ingest import ingest
from redact.ingest.common import join_lines

PARAGRAPH_START = "Paragraph"


@pytest.fixture(scope="module")
def draft(tmp_path_factory: pytest.TempPathFactory):
    return ingest(sample_pdf(tmp_path_factory.mktemp("pdf") / "draft.pdf"))


def test_pdf_text_is_the_canonical_layout(draft) -> None:
    text, _ = layout_blocks(draft.blocks)
    assert draft.format == "pdf"
    assert draft.text == text
    assert draft.warnings == ()


def test_pdf_running_header_and_footer_once_page_numbers_dropped(draft) -> None:
    assert [(b.kind, b.text, b.page) for b in draft.blocks if b.kind in (BlockKind.HEADER, BlockKind.FOOTER)] == [
        (BlockKind.HEADER, "Serious Case Review: Child T (draft 3)", 1),
        (BlockKind.FOOTER, "Northshire Safeguarding Children Board", 1),
    ]
    assert draft.blocks[0].kind is BlockKind.HEADER
    assert draft.blocks[-1].kind is BlockKind.FOOTER
    assert "Page 2" not in draft.text


def test_pdf_headings_ranked_by_size(draft) -> None:
    headings = [(b.text, b.level) for b in draft.blocks if b.kind is BlockKind.HEADING]
    assert headings == [
        ("Serious Case Review", 1),
        ("Executive Summary", 1),
        ("Background", 2),
        ("Findings", 1),
    ]


def test_pdf_paragraphs_rebuilt_from_lines(draft) -> None:
    paragraphs = [b for b in draft.blocks if b.kind is BlockKind.PARAGRAPH]
    numbered = [b for b in paragraphs if b.text.startswith(PARAGRAPH_START)]
    assert len(numbered) == 40
    for number, block in enumerate(numbered):
        assert block.text == (
            f"Paragraph {number}: the family were seen by the health visitor at home and the concerns "
            "raised were recorded in the notes of each agency involved with the children."
        )
        assert block.section == ("Executive Summary", "Background")
    assert {b.page for b in numbered} >= {1, 2}
    assert paragraphs[-1].text == "The panel met four times."
    assert paragraphs[-1].section_path == "Findings"


def test_pdf_bullets_and_table(draft) -> None:
    assert [b.text for b in draft.blocks if b.kind is BlockKind.LIST_ITEM] == [
        "the health visitor",
        "the school nurse",
    ]
    cells = [(b.text, b.cell) for b in draft.blocks if b.kind is BlockKind.TABLE_CELL]
    assert cells == [
        ("Name", TableCellPosition(0, 0, 0)),
        ("Role", TableCellPosition(0, 0, 1)),
        ("Ann Pryce", TableCellPosition(0, 1, 0)),
        ("Chair", TableCellPosition(0, 1, 1)),
        ("Bo Lindqvist", TableCellPosition(0, 2, 0)),
        ("Author", TableCellPosition(0, 2, 1)),
    ]
    assert draft.text.count("Ann Pryce") == 1  # the table's area is not read again as lines


def _two_pages(path: Path, first: list[str], second: list[str]) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for lines in (first, second):
        pdf.setFont("Helvetica", 11)
        y = A4[1] - 120
        for line in lines:
            pdf.drawString(72, y, line)
            y -= 13.2
        pdf.showPage()
    pdf.save()
    return path


def test_pdf_hyphenation_and_page_break_continuation(tmp_path: Path) -> None:
    path = _two_pages(
        tmp_path / "split.pdf",
        ["The concerns were identi-", "fied by the school nurse and the health visitor who then spoke to"],
        ["the family about the referral.", "", "", "A new paragraph starts here."],
    )
    blocks = ingest(path).blocks
    assert [(b.text, b.page) for b in blocks] == [
        (
            "The concerns were identified by the school nurse and the health visitor who then spoke to "
            "the family about the referral.",
            1,
        ),
        ("A new paragraph starts here.", 2),
    ]


def test_pdf_hyphen_of_a_double_barrelled_name_at_a_line_end_stays_with_no_space(tmp_path: Path) -> None:
    path = _two_pages(
        tmp_path / "name.pdf",
        ["The school's report was prepared by the headteacher, Mr Graham Tennant-", "Oakes, in April 2013."],
        ["The end."],
    )
    assert "Mr Graham Tennant-Oakes, in April 2013." in ingest(path).blocks[0].text


def test_a_hyphen_before_a_word_in_capitals_is_no_double_barrelled_name() -> None:
    """Two columns read across: "new-birth-" and "ROSE, Lee" are different lines of text, kept apart."""
    assert join_lines(["completed a new-birth-", "ROSE, Lee AND"]) == "completed a new-birth- ROSE, Lee AND"
    assert join_lines(["by Mr Graham Tennant-", "Oakes, in April"]) == "by Mr Graham Tennant-Oakes, in April"
    assert join_lines(["Closed occurrence OCC-", "16-0044912"]) == "Closed occurrence OCC-16-0044912"
    assert join_lines(["Relationship to M-", "K"]) == "Relationship to M-K"  # initials in a narrow cell
    assert join_lines(["Nkechi OKORIE-", "BANKS"]) == "Nkechi OKORIE-BANKS"
    # a reference or a range of numbers wrapped at a hyphen stays one
    assert join_lines(["(reference NRM-2015-", "09-0311) in the 2015-", "16 year"]) == (
        "(reference NRM-2015-09-0311) in the 2015-16 year"
    )


def test_pdf_sentence_end_before_page_break_is_not_joined(tmp_path: Path) -> None:
    path = _two_pages(tmp_path / "split.pdf", ["The visit ended."], ["later the family moved away."])
    assert [b.text for b in ingest(path).blocks] == ["The visit ended.", "later the family moved away."]


def test_pdf_bold_body_size_line_is_a_heading(tmp_path: Path) -> None:
    def draw(pdf) -> None:
        pdf.setFont("Helvetica-Bold", 11)
        pdf.drawString(72, 700, "Contact with Health Services")
        pdf.setFont("Helvetica", 11)
        pdf.drawString(72, 680, "The family were registered with a GP practice in the town and attended")
        pdf.drawString(72, 666.8, "the surgery twice in the year before the incident.")

    blocks = ingest(canvas_pdf(tmp_path / "bold.pdf", draw)).blocks
    assert [(b.kind, b.level) for b in blocks] == [(BlockKind.HEADING, 1), (BlockKind.PARAGRAPH, 0)]
    assert blocks[1].section == ("Contact with Health Services",)


def test_pdf_page_with_text_and_image_warns(tmp_path: Path) -> None:
    def draw(pdf) -> None:
        pdf.drawString(72, 760, "Genogram of the family:")
        pdf.drawImage(grey_image((100, 80)), 72, 500, width=200, height=160)

    document = ingest(canvas_pdf(tmp_path / "image.pdf", draw))
    assert document.warnings == ("page 1 has images: check them by hand",)


def test_pdf_empty_page_warns(tmp_path: Path) -> None:
    pdf = canvas.Canvas(str(tmp_path / "blank.pdf"), pagesize=A4)
    pdf.drawString(72, 700, "Only the first page has text.")
    pdf.showPage()
    pdf.showPage()
    pdf.save()
    document = ingest(tmp_path / "blank.pdf")
    assert document.text == "Only the first page has text."
    assert document.warnings == ("page 2 is empty",)


def test_pdf_adjacent_headings_stay_apart(tmp_path: Path) -> None:
    def draw(pdf) -> None:
        pdf.setFont("Helvetica-Bold", 16)
        pdf.drawCentredString(A4[0] / 2, 760, "Overview Report")
        pdf.drawString(72, 740, "Introduction")
        pdf.setFont("Helvetica", 11)
        pdf.drawString(72, 716, "The review began in May, when the board agreed its terms of reference and")
        pdf.drawString(72, 702.8, "appointed the independent chair.")

    blocks = ingest(canvas_pdf(tmp_path / "headings.pdf", draw)).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        (BlockKind.HEADING, "Overview Report"),
        (BlockKind.HEADING, "Introduction"),
        (
            BlockKind.PARAGRAPH,
            "The review began in May, when the board agreed its terms of reference and appointed the "
            "independent chair.",
        ),
    ]


def test_pdf_numbered_paragraph_keeps_its_number_and_its_wrapped_lines(tmp_path: Path) -> None:
    """ "5.4 On ..." is a paragraph number, not a list bullet "5." before "4"; its wrapped line at the margin
    carries on the paragraph (a name split there, "Kestrel<LINE>Ward", must stay one phrase)."""

    def draw(pdf) -> None:
        pdf.setFont("Helvetica", 11)
        pdf.drawString(72, 700, "5.3 The family moved in the spring of that year and registered with a new practice.")
        pdf.drawString(72, 680, "5.4 On 3 May the boy was unwell and was admitted to the children's ward, Kestrel")
        pdf.drawString(72, 666.8, "Ward, at the district hospital overnight.")

    texts = [b.text for b in ingest(canvas_pdf(tmp_path / "numbered.pdf", draw)).blocks]
    assert texts[-1] == (
        "5.4 On 3 May the boy was unwell and was admitted to the children's ward, Kestrel Ward, at the district "
        "hospital overnight."
    )


def _two_column_pdf(path: Path, offset: float = 0) -> Path:
    """A title across the page, then two columns of text, and a footer with the page number at its right; the
    right column's lines ``offset`` points lower than the left's."""
    width, height = A4
    style = getSampleStyleSheet()["BodyText"]

    def footer(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.drawString(72, 30, "Tamsworth LSCB")
        canvas.drawRightString(width - 72, 30, "Page 1 of 1")

    title = Frame(72, height - 140, width - 144, 70)
    left = Frame(72, 72, (width - 144) / 2 - 12, height - 220)
    right = Frame(72 + (width - 144) / 2 + 12, 72, (width - 144) / 2 - 12, height - 220 - offset)
    doc = BaseDocTemplate(str(path), pagesize=A4)
    doc.addPageTemplates([PageTemplate(frames=[title, left, right], onPage=footer)])
    left_text = "1.1 Orla Brannigan was the subject of this review. " * 8
    right_text = "3.1 Her father, Donal Brannigan, lived in Galway and visited rarely. " * 8
    doc.build([Paragraph("SERIOUS CASE REVIEW: EXECUTIVE SUMMARY", style), FrameBreak(),
               Paragraph(left_text, style), FrameBreak(), Paragraph(right_text, style)])
    return path


@pytest.mark.parametrize("offset", [0, 7])  # lines level across the gutter, or each column's lines apart
def test_a_page_in_two_columns_is_read_column_by_column(tmp_path: Path, offset: float) -> None:
    text = ingest(_two_column_pdf(tmp_path / "columns.pdf", offset)).text
    left, right = text.find("1.1 Orla Brannigan"), text.find("3.1 Her father")
    assert 0 <= text.find("SERIOUS CASE REVIEW") < left < right
    assert "review. 3.1" not in text and "rarely. 1.1" not in text  # no line joins the two columns
    assert text.count("Orla Brannigan was the subject of this review.") == 8
    assert "Tamsworth LSCB" in text and "Page 1 of 1" in text


def test_a_table_typed_with_tabs_is_not_read_as_columns(tmp_path: Path) -> None:
    def draw(canvas) -> None:  # type: ignore[no-untyped-def]
        rows = [("Kian Doyle", "Subject"), ("Mairead Doyle", "Mother"), ("Seamus Doyle", "Father"),
                ("Bridget Doyle", "Maternal grandmother"), ("Tom", "Brother"), ("Aoife Doyle-Quinn", "Sister"),
                ("Padraig Quinn", "Mother's partner")]
        for i, (name, role) in enumerate(rows):
            canvas.drawString(72, 700 - 16 * i, name)
            canvas.drawString(320, 700 - 16 * i, role)

    text = ingest(canvas_pdf(tmp_path / "tabs.pdf", draw)).text
    assert text.index("Kian Doyle") < text.index("Subject") < text.index("Mairead Doyle") < text.index("Mother")


def test_a_table_row_word_broke_across_pages_is_one_row_and_the_line_under_the_table_is_read() -> None:
    """A Word table exported by LibreOffice (tests/data/build_office_pdfs.py): the subject's row breaks at the
    page's foot, so her surname and her postcode are split between two pages; the paragraph straight under the
    table touches the table's box and was once dropped with it."""
    blocks = ingest(Path(__file__).parent / "data" / "table-split-across-pages.pdf").blocks
    cells = [b.text for b in blocks if b.kind is BlockKind.TABLE_CELL]
    assert "Tamsin QUARRENDON-HOLT" in cells
    assert "41 Fellgate Terrace, Brackley Green, Ossington NG23 7QT" in cells
    assert "" not in cells  # no half row of empty cells
    assert blocks[-1].text.startswith("2.1 Ms Quarrendon moved to Ossington")


def test_a_hyphenated_word_wrapped_at_its_hyphen_keeps_it() -> None:
    """ "Half-" + "sibling" in a narrow cell is "Half-sibling", not "Halfsibling" (a non-word a model takes for a
    name, which verify then finds in every cell that wraps it); end-of-line hyphenation is still undone."""
    assert join_lines(["Georgiana Preda | Half-", "sibling | 2 years"]) == "Georgiana Preda | Half-sibling | 2 years"
    assert join_lines(["the step-", "father"]) == "the stepfather"  # a word of its own without the hyphen
    assert join_lines(["was identi-", "fied"]) == "was identified"
