"""The ``Document`` every ingester produces and every later stage reads.

A document is an ordered list of blocks plus one plain ``text`` that holds them all. Offsets used
anywhere in the pipeline (findings, gold annotations, audit entries) index ``Document.text``.

For DOCX and PDF the text is built by :func:`layout_blocks` with one canonical layout, so that the
same draft saved as TXT, DOCX or PDF gives the same text:

* blocks are separated by a blank line (``"\\n\\n"``);
* consecutive list items are separated by one newline and each is preceded by ``"- "``;
* the cells of one table row are separated by ``" | "``, consecutive rows of one table by one newline.

For ``.txt`` and ``.md`` the text is the file's content exactly and blocks point into it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

LIST_MARKER = "- "
CELL_SEPARATOR = " | "
BLOCK_SEPARATOR = "\n\n"


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_CELL = "table_cell"
    HEADER = "header"  # running page header
    FOOTER = "footer"  # running page footer
    FOOTNOTE = "footnote"


FURNITURE = frozenset({BlockKind.HEADER, BlockKind.FOOTER, BlockKind.FOOTNOTE})
TITLE_PAGE_BLOCKS = 8  # blocks at the top of a draft that act as its title page
# where a title page ends in a draft pasted as one run of text: its first numbered paragraph ("1.1 This review ...")
NUMBERED_PARAGRAPH = re.compile(r"\s*\d+\.\d+\.?\s")
TITLE_LINE_WORDS = 20  # a title is a short line: prose that mentions "the IMRs" or "the executive summary" is none


@dataclass(frozen=True)
class TableCellPosition:
    table: int
    row: int
    column: int


@dataclass(frozen=True)
class Block:
    """One unit of the draft: its text sits at ``Document.text[start:end]``."""

    kind: BlockKind
    text: str
    start: int = 0
    end: int = 0
    section: tuple[str, ...] = ()  # heading path, e.g. ("Executive Summary", "Background")
    page: int | None = None  # 1-based page in the source, where the format has pages
    index: int = 0  # position among the document's blocks
    level: int = 0  # heading level (1 = top), 0 for other blocks
    cell: TableCellPosition | None = None

    @property
    def section_path(self) -> str:
        return " > ".join(self.section)


@dataclass(frozen=True)
class Document:
    """An ingested draft: where it came from, its full text and its blocks."""

    source: str  # file name as given, for messages only
    format: str  # "txt", "md", "docx" or "pdf"
    text: str
    blocks: tuple[Block, ...]
    warnings: tuple[str, ...] = field(default=())

    def block_at(self, offset: int) -> Block | None:
        """The block whose text contains ``offset``, if any (blocks are in text order: a binary search)."""
        if "_starts" not in self.__dict__:  # computed once; the dataclass is frozen
            object.__setattr__(self, "_starts", [block.start for block in self.blocks])
        position = bisect_right(self.__dict__["_starts"], offset) - 1
        if position >= 0 and self.blocks[position].start <= offset < self.blocks[position].end:
            return self.blocks[position]
        return None

    def body(self) -> tuple[Block, ...]:
        """Blocks that are not running headers, footers or footnotes."""
        return tuple(b for b in self.blocks if b.kind not in FURNITURE)


def title_lines(blocks: Sequence[Block]) -> list[str]:
    """The short lines of ``blocks`` (a title page's): where a draft says what it is."""
    return [line for b in blocks for line in b.text.splitlines() if 0 < len(line.split()) <= TITLE_LINE_WORDS]


def _separator(previous: Block, block: Block) -> str:
    if previous.kind is BlockKind.LIST_ITEM and block.kind is BlockKind.LIST_ITEM:
        return "\n"
    if previous.cell is not None and block.cell is not None and previous.cell.table == block.cell.table:
        return CELL_SEPARATOR if previous.cell.row == block.cell.row else "\n"
    return BLOCK_SEPARATOR


def layout_blocks(blocks: Iterable[Block]) -> tuple[str, tuple[Block, ...]]:
    """Join blocks into the canonical text; return it with blocks carrying offsets and indexes.

    Section paths are filled in from the headings for body blocks that have none.
    """
    parts: list[str] = []
    placed: list[Block] = []
    offset = 0
    headings: list[tuple[int, str]] = []
    for block in blocks:
        if block.kind is BlockKind.HEADING:
            level = block.level or 1
            headings = [h for h in headings if h[0] < level] + [(level, block.text)]
        furniture = block.kind in FURNITURE
        section = block.section or (() if furniture else tuple(text for _, text in headings))
        if placed:
            sep = _separator(placed[-1], block)
            parts.append(sep)
            offset += len(sep)
        if block.kind is BlockKind.LIST_ITEM:
            parts.append(LIST_MARKER)
            offset += len(LIST_MARKER)
        parts.append(block.text)
        placed.append(replace(block, start=offset, end=offset + len(block.text), index=len(placed), section=section))
        offset += len(block.text)
    return "".join(parts), tuple(placed)


def build_document(source: str, fmt: str, blocks: Sequence[Block], warnings: Sequence[str] = ()) -> Document:
    """A ``Document`` whose text is the canonical layout of ``blocks``."""
    text, placed = layout_blocks(blocks)
    return Document(source=source, format=fmt, text=text, blocks=placed, warnings=tuple(warnings))
