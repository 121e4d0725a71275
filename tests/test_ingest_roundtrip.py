"""The same draft read as TXT, DOCX or PDF gives the same blocks (the canonical layout round-trips)."""

from __future__ import annotations

from pathlib import Path

import pytest
from ingest_samples import sample_docx

from redact.document import Block, BlockKind, TableCellPosition, layout_blocks
from redact.ingest import ingest

SYNTHETIC = Path(__file__).resolve().parents[1] / "fixtures" / "synthetic"
FIXTURE_STEMS = sorted(p.stem for p in SYNTHETIC.glob("scr-*.txt"))
# TXT has no running headers, footers or footnotes: they come back as ordinary blocks
FURNITURE = {BlockKind.HEADER, BlockKind.FOOTER, BlockKind.FOOTNOTE}


def cell(text: str, table: int, row: int, column: int) -> Block:
    return Block(BlockKind.TABLE_CELL, text, cell=TableCellPosition(table, row, column))


HAND_MADE = [
    Block(BlockKind.HEADING, "Serious Case Review", level=1),
    Block(BlockKind.HEADING, "EXECUTIVE SUMMARY", level=1),
    Block(BlockKind.PARAGRAPH, "This review concerns Child T, who died aged 3 in 2019."),
    Block(BlockKind.HEADING, "2.1 Agency Involvement", level=2),
    Block(BlockKind.PARAGRAPH, "The agencies below provided reports:"),
    Block(BlockKind.LIST_ITEM, "Children's Social Care"),
    Block(BlockKind.LIST_ITEM, "the health visiting service, which saw the family monthly"),
    cell("Name", 0, 0, 0),
    cell("Role", 0, 0, 1),
    cell("Ann Pryce", 0, 1, 0),
    cell("Independent Chair", 0, 1, 1),
    cell("", 0, 2, 0),
    cell("Author", 0, 2, 1),
    Block(BlockKind.HEADING, "Terms of Reference", level=1),
    Block(BlockKind.PARAGRAPH, "The panel met on four occasions between May and October."),
    cell("Date", 1, 0, 0),
    cell("Event", 1, 0, 1),
    Block(BlockKind.PARAGRAPH, 'The mother said: "we were never told". She was not seen again.'),
]


def test_hand_made_layout_round_trips_through_txt(tmp_path: Path) -> None:
    text, placed = layout_blocks(HAND_MADE)
    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    document = ingest(path)
    assert document.text == text
    assert [(b.kind, b.text) for b in document.blocks] == [(b.kind, b.text) for b in placed]
    assert [(b.start, b.end) for b in document.blocks] == [(b.start, b.end) for b in placed]
    assert [b.cell for b in document.blocks] == [b.cell for b in placed]


def test_docx_text_round_trips_through_txt(tmp_path: Path) -> None:
    from_docx = ingest(sample_docx(tmp_path / "draft.docx"))
    path = tmp_path / "draft.txt"
    path.write_text(from_docx.text, encoding="utf-8")
    from_txt = ingest(path)
    assert from_txt.text == from_docx.text
    body = [(b.kind, b.text) for b in from_docx.blocks if b.kind not in FURNITURE]
    assert [(b.kind, b.text) for b in from_txt.blocks[1:-1]] == body
    assert [b.text for b in from_txt.blocks] == [b.text for b in from_docx.blocks]


def _normalised(blocks) -> list[str]:
    return [" ".join(b.text.split()) for b in blocks]


@pytest.mark.skipif(not FIXTURE_STEMS, reason="fixtures/synthetic has no drafts yet")
@pytest.mark.parametrize("stem", FIXTURE_STEMS)
def test_fixture_docx_text_equals_txt(stem: str) -> None:
    from_txt = ingest(SYNTHETIC / f"{stem}.txt")
    from_docx = ingest(SYNTHETIC / f"{stem}.docx")
    assert from_docx.text == from_txt.text
    assert [b.text for b in from_docx.blocks] == [b.text for b in from_txt.blocks]


@pytest.mark.skipif(not FIXTURE_STEMS, reason="fixtures/synthetic has no drafts yet")
@pytest.mark.parametrize("stem", FIXTURE_STEMS)
def test_fixture_pdf_blocks_equal_txt_blocks(stem: str) -> None:
    from_txt = ingest(SYNTHETIC / f"{stem}.txt")
    from_pdf = ingest(SYNTHETIC / f"{stem}.pdf")
    assert _normalised(from_pdf.blocks) == _normalised(from_txt.blocks)
