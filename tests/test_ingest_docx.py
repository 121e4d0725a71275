"""DOCX ingest: body order, headings, lists, tables, furniture, footnotes, text boxes, refusals."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from ingest_samples import (
    sample_docx,
    with_footnote,
    with_text_box,
    with_tracked_deletion,
    with_tracked_insertion,
)
from PIL import Image

from redact.document import BlockKind, TableCellPosition, layout_blocks
from redact.errors import InputError
from redact.ingest import ingest


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    return sample_docx(tmp_path / "draft.docx")


def test_docx_blocks_in_canonical_order(draft: Path) -> None:
    document = ingest(draft)
    assert document.format == "docx"
    assert [(b.kind, b.text) for b in document.blocks] == [
        (BlockKind.HEADER, "CONFIDENTIAL: Serious Case Review draft"),
        (BlockKind.HEADING, "Serious Case Review: Child T"),
        (BlockKind.HEADING, "Executive Summary"),
        (BlockKind.HEADING, "Background"),
        (BlockKind.PARAGRAPH, "Tamsin Oduya lived with her mother at 4 Elm Row."),
        (BlockKind.LIST_ITEM, "the health visitor"),
        (BlockKind.LIST_ITEM, "the school nurse"),
        (BlockKind.TABLE_CELL, "cell 0.0 cell 0.1"),
        (BlockKind.TABLE_CELL, "cell 0.2"),
        (BlockKind.TABLE_CELL, "cell 1.0"),
        (BlockKind.TABLE_CELL, "cell 1.1"),
        (BlockKind.TABLE_CELL, "cell 1.2 cell 2.2"),
        (BlockKind.TABLE_CELL, "cell 2.0"),
        (BlockKind.TABLE_CELL, "cell 2.1"),
        (BlockKind.HEADING, "Findings"),
        (BlockKind.PARAGRAPH, "The panel met four times."),
        (BlockKind.FOOTER, "Northshire Safeguarding Children Board"),
    ]
    assert all(b.page is None for b in document.blocks)


def test_docx_text_is_the_canonical_layout(draft: Path) -> None:
    document = ingest(draft)
    text, _ = layout_blocks(document.blocks)
    assert document.text == text
    for block in document.blocks:
        assert document.text[block.start : block.end] == block.text


def test_docx_merged_cells_once_with_grid_columns(draft: Path) -> None:
    cells = {b.text: b.cell for b in ingest(draft).blocks if b.kind is BlockKind.TABLE_CELL}
    assert cells["cell 0.0 cell 0.1"] == TableCellPosition(0, 0, 0)
    assert cells["cell 0.2"] == TableCellPosition(0, 0, 2)
    assert cells["cell 2.1"] == TableCellPosition(0, 2, 1)
    assert len(cells) == 7


def test_docx_heading_levels_and_sections(draft: Path) -> None:
    blocks = ingest(draft).blocks
    levels = {b.text: b.level for b in blocks if b.kind is BlockKind.HEADING}
    assert levels == {
        "Serious Case Review: Child T": 1,
        "Executive Summary": 1,
        "Background": 2,
        "Findings": 1,
    }
    paragraph = next(b for b in blocks if b.text.startswith("Tamsin"))
    assert paragraph.section == ("Executive Summary", "Background")
    assert blocks[-2].section_path == "Findings"


def test_docx_custom_heading_style_and_numbered_list(tmp_path: Path) -> None:
    document = docx.Document()
    custom = document.styles.add_style("Report Heading", 1)  # paragraph style based on Heading 2
    custom.base_style = document.styles["Heading 2"]
    document.add_paragraph("Agency Involvement", style="Report Heading")
    item = document.add_paragraph("seen by the GP", style="List Number")
    document.add_paragraph("A plain paragraph.")
    assert item.style.name == "List Number"
    path = tmp_path / "custom.docx"
    document.save(path)
    blocks = ingest(path).blocks
    assert [(b.kind, b.level) for b in blocks] == [
        (BlockKind.HEADING, 2),
        (BlockKind.LIST_ITEM, 0),
        (BlockKind.PARAGRAPH, 0),
    ]


def test_docx_footnotes_after_body_before_footers(draft: Path, tmp_path: Path) -> None:
    blocks = ingest(with_footnote(draft, tmp_path / "notes.docx")).blocks
    assert [b.kind for b in blocks[-2:]] == [BlockKind.FOOTNOTE, BlockKind.FOOTER]
    assert blocks[-2].text == "Interview with Mr Oduya, 3 May 2019."


def test_docx_text_box_read_once(draft: Path, tmp_path: Path) -> None:
    document = ingest(with_text_box(draft, tmp_path / "box.docx", "Genogram note: Kelly Oduya"))
    assert document.text.count("Genogram note: Kelly Oduya") == 1


def test_docx_headers_deduplicated_across_sections(tmp_path: Path) -> None:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "DRAFT"
    document.add_paragraph("First section.")
    second = document.add_section()
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = "DRAFT"
    second.first_page_header.paragraphs[0].text = "Second header"
    document.add_paragraph("Second section.")
    path = tmp_path / "sections.docx"
    document.save(path)
    headers = [b.text for b in ingest(path).blocks if b.kind is BlockKind.HEADER]
    assert headers == ["DRAFT", "Second header"]


def test_docx_with_comments_refused(draft: Path, tmp_path: Path) -> None:
    document = docx.Document(draft)
    paragraph = document.paragraphs[3]
    document.add_comment(paragraph.runs, text="Is this the right surname?", author="Panel")
    path = tmp_path / "commented.docx"
    document.save(path)
    with pytest.raises(InputError, match="has comments"):
        ingest(path)


@pytest.mark.parametrize("make", [with_tracked_insertion, with_tracked_deletion])
def test_docx_with_tracked_changes_refused(draft: Path, tmp_path: Path, make) -> None:
    with pytest.raises(InputError, match="has tracked changes.*accept or reject them first"):
        ingest(make(draft, tmp_path / "tracked.docx"))


def test_docx_body_image_warns(tmp_path: Path) -> None:
    image_path = tmp_path / "genogram.png"
    Image.new("RGB", (60, 40), "white").save(image_path)
    document = docx.Document()
    document.add_paragraph("See the genogram below.")
    document.add_picture(str(image_path))
    path = tmp_path / "picture.docx"
    document.save(path)
    assert ingest(path).warnings == ("has 1 image(s) in the body: check them by hand",)


def test_a_paragraph_typed_in_columns_keeps_one_tab_between_them(tmp_path: Path) -> None:
    """"Name<TAB><TAB>Role<TAB>Agency", as a panel list is typed without a table: the columns stay apart."""
    document = docx.Document()
    document.add_paragraph("Dorcas Pelbury\t\tService Manager \tQuellshire Council")
    document.add_paragraph("\tIndented  text")
    path = tmp_path / "columns.docx"
    document.save(path)
    texts = [b.text for b in ingest(path).blocks]
    assert texts == ["Dorcas Pelbury\tService Manager\tQuellshire Council", "Indented text"]
