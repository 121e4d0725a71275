"""Plain text and Markdown drafts: the text is the file's content, and blocks point into it.

The content is decoded as UTF-8; a leading UTF-8 byte-order mark is dropped, so offsets index the
text *after* the mark (every editor hides it, and no annotation tool counts it).

Blocks are chunks separated by blank lines. Inside a chunk, marker lines (``- ``, ``* ``, ``• ``,
``1. ``, ``a) ``) are list items whose span leaves out the marker, lines with ``" | "`` (or Markdown
``| a | b |`` rows) are table rows whose cells become blocks, and other lines run together into
paragraphs. Markdown headings are ``#`` lines or underlined lines; in plain text a heading is a lone
short line that does not read as a sentence (see :func:`redact.ingest.common.heading_style`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from redact.document import Block, BlockKind, Document, TableCellPosition
from redact.errors import InputError
from redact.ingest.common import heading_style, with_sections

UTF8_BOM = "\ufeff"
_LIST_MARKER = re.compile(r"^(?P<indent>\s*)(?:[-*•–+▪◦·]|\d{1,3}[.)]|\(?[a-z]\)|\([ivx]{1,5}\))\s+(?=\S)")
_MD_HEADING = re.compile(r"^\s{0,3}(?P<hashes>#{1,6})\s+(?P<text>.*?)(?:\s+#+)?\s*$")
_RULE = re.compile(r"^\s*([-=_*~#])(?:\s*\1){2,}\s*$")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)+\|?\s*$|^\s*\|\s*:?-{2,}:?\s*\|\s*$")
_GRID_RULE = re.compile(r"^\s*\+[-=]+(?:\+[-=]+)*\+\s*$")
_LONG_LINE = 120  # longer lines were not hard-wrapped: each one that ends a sentence ends a paragraph


@dataclass(frozen=True)
class _Line:
    start: int  # offset of the line's first character in the text
    content: str  # without the line break

    @property
    def blank(self) -> bool:
        return not self.content.strip()

    def span(self, skip: int = 0) -> tuple[int, int]:
        """Offsets of the line's text from ``skip`` on, without surrounding whitespace."""
        body = self.content[skip:]
        left = len(body) - len(body.lstrip())
        return self.start + skip + left, self.start + len(self.content.rstrip())


def decode(path: Path, data: bytes) -> str:
    """UTF-8 text without a leading byte-order mark; anything else is an ``InputError``."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("is UTF-16 text, not UTF-8: save it as UTF-8", path)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(f"is binary, not text (NUL byte at byte offset {nul})", path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        raise InputError(f"is not UTF-8 text: invalid byte 0x{bad} at byte offset {exc.start}", path) from exc
    return text.removeprefix(UTF8_BOM)


def parse_text(path: Path, text: str, fmt: str) -> Document:
    """Blocks of a TXT (``fmt="txt"``) or Markdown (``fmt="md"``) text; ``text`` is kept as it is."""
    lines = _split_lines(text)
    blocks: list[Block] = []
    styles: list[tuple[int, tuple[str, int]]] = []  # (index in blocks, heading style) for plain text
    tables = 0
    for chunk in _chunks(lines):
        if len(chunk) == 2 and _is_underline(chunk[1]):
            level = 1 if "=" in chunk[1].content else 2
            blocks.append(_block(text, BlockKind.HEADING, chunk[0].span(), level=level))
            continue
        if fmt == "txt" and (style := heading_style(chunk[0].content)) and _is_txt_heading(chunk):
            styles.append((len(blocks), style))
            blocks.append(_block(text, BlockKind.HEADING, chunk[0].span()))
            chunk = chunk[1:]
        tables = _parse_chunk(text, chunk, fmt, blocks, tables)
    for position, level in _txt_heading_levels(styles).items():
        blocks[position] = replace(blocks[position], level=level)
    return Document(source=str(path), format=fmt, text=text, blocks=with_sections(blocks))


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    offset = 0
    for raw in text.splitlines(keepends=True):
        content = raw.splitlines()[0] if raw.splitlines() else ""
        lines.append(_Line(offset, content))
        offset += len(raw)
    return lines


def _chunks(lines: list[_Line]) -> list[list[_Line]]:
    chunks: list[list[_Line]] = [[]]
    for line in lines:
        separator = line.blank or (_RULE.match(line.content) and not _TABLE_SEPARATOR.match(line.content))
        if separator and not (chunks[-1] and len(chunks[-1]) == 1 and _is_underline(line)):
            chunks.append([])
        else:
            chunks[-1].append(line)
    return [chunk for chunk in chunks if chunk]


def _is_underline(line: _Line) -> bool:
    stripped = line.content.strip()
    return bool(_RULE.match(stripped)) and stripped[0] in "=-"


def _is_txt_heading(chunk: list[_Line]) -> bool:
    """A lone heading-like line, or the first line of a chunk when it is numbered or in capitals."""
    first = chunk[0].content
    marker = _LIST_MARKER.match(first)
    if _is_table_row(first) or (marker and not marker.group().strip()[0].isdigit()):
        return False
    if len(chunk) == 1:
        return True
    style = heading_style(first)
    return style is not None and style[0] in ("caps", "number") and not _LIST_MARKER.match(chunk[1].content)


def _txt_heading_levels(styles: list[tuple[int, tuple[str, int]]]) -> dict[int, int]:
    """Numbered headings nest by depth; capitals outrank Title Case when both are used."""
    used = {style for _, (style, _) in styles}
    levels: dict[int, int] = {}
    for position, (style, depth) in styles:
        if style == "number":
            levels[position] = depth
        elif style == "title" and "caps" in used and "number" not in used:
            levels[position] = 2
        else:
            levels[position] = 1
    return levels


def _is_table_row(content: str) -> bool:
    """A row of a table typed with bars ("a | b", "| a | b |") or tabs ("Name<TAB>Job title<TAB>Agency")."""
    stripped = content.strip()
    return " | " in content or (stripped.startswith("|") and stripped.count("|") >= 2) or "\t" in stripped


def _block(text: str, kind: BlockKind, span: tuple[int, int], level: int = 0, cell=None) -> Block:
    start, end = span
    return Block(kind=kind, text=text[start:end], start=start, end=end, level=level, cell=cell)


def _parse_chunk(text: str, chunk: list[_Line], fmt: str, blocks: list[Block], tables: int) -> int:
    """Append the chunk's blocks; return the number of tables seen so far."""
    current: Block | None = None  # the paragraph or list item that the next plain line may continue
    row = -1
    in_table = False
    previous: _Line | None = None
    for line in chunk:
        content = line.content
        heading = _MD_HEADING.match(content) if fmt == "md" else None
        marker = _LIST_MARKER.match(content)
        if _TABLE_SEPARATOR.match(content) and "|" in content:
            in_table = True
            current = None
        elif _GRID_RULE.match(content):  # "+-----+------+": a rule of a grid table, inside or around it
            current = None
        elif heading:
            start = line.start + heading.start("text")
            blocks.append(
                _block(text, BlockKind.HEADING, (start, start + len(heading["text"])), len(heading["hashes"]))
            )
            current, in_table = None, False
        elif _is_table_row(content):
            if not in_table:
                tables, row, in_table = tables + 1, -1, True
            row += 1
            blocks.extend(_table_cells(text, line, TableCellPosition(tables - 1, row, 0)))
            current = None
        elif marker:
            current = _block(text, BlockKind.LIST_ITEM, line.span(marker.end()))
            blocks.append(current)
            in_table = False
        elif current is not None and _continues(current, line, previous):
            current = _block(text, current.kind, (current.start, line.span()[1]))
            blocks[-1] = current
        else:
            current = _block(text, BlockKind.PARAGRAPH, line.span())
            blocks.append(current)
            in_table = False
        previous = line
    return tables


def _continues(current: Block, line: _Line, previous: _Line | None) -> bool:
    """Whether a plain line carries on the paragraph or list item above it."""
    if current.kind is BlockKind.LIST_ITEM:
        return line.content[:1].isspace()
    if previous is not None and len(previous.content) > _LONG_LINE:
        return not previous.content.rstrip().endswith((".", "!", "?", ":"))
    return True


def _stripped_span(line_start: int, content: str, start: int, end: int) -> tuple[int, int]:
    piece = content[start:end]
    left = len(piece) - len(piece.lstrip())
    return line_start + start + left, line_start + start + len(piece.rstrip())


def _table_cells(text: str, line: _Line, position: TableCellPosition) -> list[Block]:
    content = line.content
    stripped = content.strip()
    if "\t" in stripped and "|" not in stripped:  # a row typed with tabs: a run of tabs parts two cells
        pieces_at = [m.span() for m in re.finditer(r"[^\t]+", content) if m.group().strip()]
        return [
            _block(text, BlockKind.TABLE_CELL, _stripped_span(line.start, content, start, end),
                   cell=TableCellPosition(position.table, position.row, column))
            for column, (start, end) in enumerate(pieces_at)
        ]  # fmt: skip
    if stripped.startswith("|") and not content.startswith(" | "):  # Markdown row: | a | b |
        lead = content.index("|") + 1
        tail = len(content.rstrip())
        tail = tail - 1 if stripped.endswith("|") and len(stripped) > 1 else tail
        separator, pieces_from = "|", lead
        pieces = content[lead:tail].split("|")
    else:
        separator, pieces_from = " | ", 0
        pieces = content.rstrip().split(" | ")
        if pieces[-1].endswith(" |") or pieces[-1] == "|":  # an empty last cell lost its trailing space
            pieces[-1:] = [pieces[-1][:-1].rstrip(), ""]
    cells: list[Block] = []
    offset = line.start + pieces_from
    for column, piece in enumerate(pieces):
        left = len(piece) - len(piece.lstrip())
        start = min(offset + left, line.start + len(content))
        end = max(start, offset + len(piece.rstrip()))
        cell = TableCellPosition(position.table, position.row, column)
        cells.append(_block(text, BlockKind.TABLE_CELL, (start, end), cell=cell))
        offset += len(piece) + len(separator)
    return cells
