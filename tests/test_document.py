"""The canonical text layout every ingester shares."""

from __future__ import annotations

from redact.document import Block, BlockKind, TableCellPosition, build_document
from redact.gold import parse_markup


def cell(table: int, row: int, column: int, text: str) -> Block:
    return Block(BlockKind.TABLE_CELL, text, cell=TableCellPosition(table, row, column))


def test_layout_joins_blocks_lists_and_table_cells() -> None:
    blocks = [
        Block(BlockKind.HEADING, "Executive Summary", level=1),
        Block(BlockKind.PARAGRAPH, "The review began."),
        Block(BlockKind.LIST_ITEM, "first"),
        Block(BlockKind.LIST_ITEM, "second"),
        Block(BlockKind.HEADING, "Panel", level=2),
        cell(0, 0, 0, "Name"),
        cell(0, 0, 1, "Role"),
        cell(0, 1, 0, "Ann Lee"),
        cell(0, 1, 1, "Chair"),
    ]
    document = build_document("d.docx", "docx", blocks)
    assert document.text == (
        "Executive Summary\n\nThe review began.\n\n- first\n- second\n\nPanel\n\nName | Role\nAnn Lee | Chair"
    )
    for block in document.blocks:
        assert document.text[block.start : block.end] == block.text
    assert [b.index for b in document.blocks] == list(range(len(blocks)))
    assert document.blocks[-1].section == ("Executive Summary", "Panel")
    assert document.blocks[1].section_path == "Executive Summary"
    assert document.block_at(document.text.index("Ann Lee")) == document.blocks[7]


def test_body_leaves_out_running_headers_and_footnotes() -> None:
    blocks = [
        Block(BlockKind.HEADER, "Draft - confidential"),
        Block(BlockKind.PARAGRAPH, "Body."),
        Block(BlockKind.FOOTNOTE, "A note."),
    ]
    document = build_document("d.docx", "docx", blocks)
    assert [b.text for b in document.body()] == ["Body."]


def test_markup_parses_keep_and_role() -> None:
    text, mentions = parse_markup("[[Ann Lee|PERSON|chair|keep]] met [[Kelly|PERSON|p3|-|mother]].")
    assert text == "Ann Lee met Kelly."
    assert mentions[0].keep and mentions[0].role == "chair"
    assert not mentions[1].keep and mentions[1].role == "mother"
    assert text[mentions[1].start : mentions[1].end] == "Kelly"


def test_a_replacement_opening_in_the_gap_between_blocks_is_cut_to_the_block_it_covers() -> None:
    """A span that starts on the separator before a cell (" | Ann Lee") is applied to the cell, not refused as
    crossing the cell's edge."""
    from redact.resolve.model import Action, Replacement
    from redact.variants.build import split_at_block_edges

    document = build_document("d.docx", "docx", [cell(0, 0, 0, "Mother"), cell(0, 0, 1, "Ann Lee DOB 2001")])
    name = document.text.index("Ann Lee")
    start = name - 1  # the blank before the cell
    r = Replacement(start, name + 7, document.text[start : name + 7], "Mother", "p1", "PERSON", "test", 1.0,
                    Action.PSEUDONYMISE, "test")  # fmt: skip
    [(owner, piece)] = split_at_block_edges(document, r)
    assert owner is document.blocks[1]
    assert (piece.start, piece.end, piece.original, piece.replacement) == (name, name + 7, "Ann Lee", "Mother")
