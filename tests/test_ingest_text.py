"""TXT and Markdown ingest: text kept exactly, blocks pointing into it."""

from __future__ import annotations

from pathlib import Path

import pytest

from redact.document import BlockKind, TableCellPosition
from redact.ingest import ingest

TXT = """SERIOUS CASE REVIEW

Executive Summary

1. Introduction

This review was commissioned after the death of a child.
It considers the period from 2017 to 2019.

The following agencies took part:
- Children's Social Care
* the health visiting service, which
  also ran the clinic
• Northshire Police
2) the school

Name | Role | Agency
Ann Pryce | Chair | LSCB
 | Author |

2.1 The Family

Kelly lived with her partner.
"""


def kinds_and_texts(document):
    return [(b.kind, b.text) for b in document.blocks]


def test_txt_text_is_the_file_and_blocks_index_it(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(TXT, encoding="utf-8")
    document = ingest(path)
    assert document.text == TXT
    assert document.format == "txt"
    for index, block in enumerate(document.blocks):
        assert document.text[block.start : block.end] == block.text
        assert block.index == index
        assert block.page is None
    assert kinds_and_texts(document)[:5] == [
        (BlockKind.HEADING, "SERIOUS CASE REVIEW"),
        (BlockKind.HEADING, "Executive Summary"),
        (BlockKind.HEADING, "1. Introduction"),
        (
            BlockKind.PARAGRAPH,
            "This review was commissioned after the death of a child.\nIt considers the period from 2017 to 2019.",
        ),
        (BlockKind.PARAGRAPH, "The following agencies took part:"),
    ]


def test_txt_list_items_leave_out_their_markers(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(TXT, encoding="utf-8")
    items = [b.text for b in ingest(path).blocks if b.kind is BlockKind.LIST_ITEM]
    assert items == [
        "Children's Social Care",
        "the health visiting service, which\n  also ran the clinic",
        "Northshire Police",
        "the school",
    ]


def test_txt_table_rows_become_cells_with_positions(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(TXT, encoding="utf-8")
    cells = [(b.text, b.cell) for b in ingest(path).blocks if b.kind is BlockKind.TABLE_CELL]
    assert cells[:4] == [
        ("Name", TableCellPosition(0, 0, 0)),
        ("Role", TableCellPosition(0, 0, 1)),
        ("Agency", TableCellPosition(0, 0, 2)),
        ("Ann Pryce", TableCellPosition(0, 1, 0)),
    ]
    assert ("", TableCellPosition(0, 2, 0)) in cells
    assert ("Author", TableCellPosition(0, 2, 1)) in cells


def test_txt_rows_typed_with_tabs_become_cells(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    rows = "Name\tJob title\tOrganisation\nRo Fenn (Chair)\t\tHead of Service\tCounty Council\n"
    path.write_text("The panel was:\n\n" + rows)
    document = ingest(path)
    cells = [(b.text, b.cell) for b in document.blocks if b.kind is BlockKind.TABLE_CELL]
    assert cells == [
        ("Name", TableCellPosition(0, 0, 0)),
        ("Job title", TableCellPosition(0, 0, 1)),
        ("Organisation", TableCellPosition(0, 0, 2)),
        ("Ro Fenn (Chair)", TableCellPosition(0, 1, 0)),
        ("Head of Service", TableCellPosition(0, 1, 1)),
        ("County Council", TableCellPosition(0, 1, 2)),
    ]
    assert all(document.text[b.start : b.end] == b.text for b in document.blocks)


def test_txt_section_paths_follow_numbered_headings(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(TXT, encoding="utf-8")
    blocks = ingest(path).blocks
    family = next(b for b in blocks if b.text == "2.1 The Family")
    assert family.level == 2
    last = blocks[-1]
    assert last.text == "Kelly lived with her partner."
    assert last.section == ("1. Introduction", "2.1 The Family")
    intro = next(b for b in blocks if b.text.startswith("This review"))
    assert intro.section_path == "1. Introduction"


@pytest.mark.parametrize(
    ("line", "is_heading"),
    [
        ("Terms of Reference", True),
        ("LESSONS LEARNED", True),
        ("3.2 Contact with Health Services", True),
        ("The mother was seen at home.", False),
        ("the family moved again in the spring of that year", False),
        ("Recommendations:", False),
        (("Very Long Title " * 6).strip(), False),
    ],
)
def test_txt_lone_line_heading_rule(tmp_path: Path, line: str, is_heading: bool) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(f"Some opening paragraph text.\n\n{line}\n\nMore text here.\n", encoding="utf-8")
    block = ingest(path).blocks[1]
    assert block.text == line
    assert (block.kind is BlockKind.HEADING) is is_heading


def test_txt_capitals_heading_on_first_line_of_a_chunk(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text("BACKGROUND\nThe family lived in a flat.\n", encoding="utf-8")
    blocks = ingest(path).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        (BlockKind.HEADING, "BACKGROUND"),
        (BlockKind.PARAGRAPH, "The family lived in a flat."),
    ]
    assert blocks[1].section == ("BACKGROUND",)


def test_txt_crlf_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    content = "Background\r\n\r\nThe family lived in a flat.\r\nThey moved.\r\n"
    path.write_bytes(b"\xef\xbb\xbf" + content.encode("utf-8"))
    document = ingest(path)
    assert document.text == content  # the byte-order mark is dropped, nothing else
    assert [b.text for b in document.blocks] == ["Background", "The family lived in a flat.\r\nThey moved."]


def test_unwrapped_long_lines_are_separate_paragraphs(tmp_path: Path) -> None:
    first = "The social worker visited the family home and found the children alone. " * 3
    second = "The police were called and attended within the hour, taking the children to safety. " * 2
    path = tmp_path / "draft.txt"
    path.write_text(f"{first.strip()}\n{second.strip()}\n", encoding="utf-8")
    assert [b.kind for b in ingest(path).blocks] == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]


MD = """# Serious Case Review

Intro paragraph.

## Background **facts**

| Name | Role |
|------|:----:|
| Ann Pryce | Chair |
|  | Author |

* first
* second

Setext Heading
--------------

Closing text.
"""


def test_markdown_headings_tables_lists(tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_text(MD, encoding="utf-8")
    document = ingest(path)
    assert document.text == MD
    assert document.format == "md"
    for block in document.blocks:
        assert document.text[block.start : block.end] == block.text
    headings = [(b.text, b.level) for b in document.blocks if b.kind is BlockKind.HEADING]
    assert headings == [("Serious Case Review", 1), ("Background **facts**", 2), ("Setext Heading", 2)]
    cells = [(b.text, b.cell) for b in document.blocks if b.kind is BlockKind.TABLE_CELL]
    assert cells == [
        ("Name", TableCellPosition(0, 0, 0)),
        ("Role", TableCellPosition(0, 0, 1)),
        ("Ann Pryce", TableCellPosition(0, 1, 0)),
        ("Chair", TableCellPosition(0, 1, 1)),
        ("", TableCellPosition(0, 2, 0)),
        ("Author", TableCellPosition(0, 2, 1)),
    ]
    assert [b.text for b in document.blocks if b.kind is BlockKind.LIST_ITEM] == ["first", "second"]
    assert document.blocks[-1].section_path == "Serious Case Review > Setext Heading"
