"""PDF drafts (pdfplumber): text lines with their fonts and positions, rebuilt into blocks.

* An encrypted PDF that needs a password is refused. One that opens with the empty user password
  (permissions-only encryption, common for "no editing" exports) is read: its text is open to anyone
  who opens the file, and a warning records that it was encrypted.
* A page with images but no text layer is refused (we never publish what we could not read).
* Running headers and footers are lines in the top or bottom tenth of the page whose text (digits
  ignored) recurs on at least half the pages: one HEADER or FOOTER block per distinct text; lines
  that only number the page are dropped.
* Tables found by ``page.find_tables()`` become TABLE_CELL blocks and their area is left out of the text.
* Lines join into paragraphs until the vertical gap widens, the font size or weight changes, or a
  bullet starts a list item; lines larger or bolder than the body text are headings, ranked by size.
  A paragraph cut by a page break is joined again when it plainly continues.
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber
from pdfminer.ascii85 import ascii85decode, asciihexdecode
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdftypes import (
    LITERALS_ASCII85_DECODE,
    LITERALS_ASCIIHEX_DECODE,
    LITERALS_FLATE_DECODE,
    PDFStream,
    resolve1,
)
from pdfplumber.utils.exceptions import PdfminerException

from redact.document import Block, BlockKind, Document, TableCellPosition, build_document
from redact.errors import InputError
from redact.ingest.common import is_page_number, join_lines, reason
from redact.ingest.guard import Budget
from redact.ingest.pdf_columns import column_lines

MARGIN_FRACTION = 0.10  # running headers and footers sit in the top or bottom tenth of a page
COLUMN_MARGIN_FRACTION = 0.06  # running headers and footers sit above and below the columns, in the page margin
MAX_UNDECODED_FRACTION = 0.01  # more undecodable glyphs than this on a page: refuse the file
IMAGE_PAGE_FRACTION = 0.5  # an image this large on a page with little text looks like a scan
MAX_PAGES = 2000  # a draft report is tens to hundreds of pages
MAX_PAGE_CONTENT_BYTES = 32 * 2**20  # a dense page of text needs well under 1 MB
SECONDS_PER_PAGE = 1.0  # time allowed per page (a text page takes about 0.15 s), on top of OPEN_SECONDS
_FEW_CHARS = 200
_SENTENCE_END = (".", "!", "?", ":", ";")
# a bullet, or a list number ("3.", "b)"); not a paragraph number ("5.4 On ...")
_BULLET = re.compile(
    r"^(?:[•·▪◦●○■□►➢✓–—\-*\uf0b7\uf0a7\uf076\uf0d8]|\(cid:\d+\)|\d{1,3}[.)](?!\d)|\(?[a-z]\))\s*(?=\S)"
)
_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_CID = re.compile(r"\(cid:\d+\)")
_CID_BULLET = re.compile(r"^\(cid:\d+\)\s")


@dataclass
class _Line:
    page: int
    text: str
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    bold: bool
    text_x0: float = 0.0  # where the text starts after a bullet


@dataclass
class _Table:
    page: int
    top: float
    rows: list[list[str | None]]
    x0: float = 0.0
    x1: float = math.inf


@dataclass
class _Page:
    number: int
    height: float
    lines: list[_Line] = field(default_factory=list)
    tables: list[_Table] = field(default_factory=list)
    in_columns: bool = False  # lines are in reading order, the left column's first


def read_pdf(path: Path, budget: Budget) -> Document:
    """Read a PDF into a ``Document``; ``InputError`` when it is encrypted, corrupt, scanned or too big.

    Pages are read one at a time and their parsed objects dropped as soon as they are read, so memory
    stays flat however long the report is.
    """
    _check_trailer(path)
    warnings: list[str] = []
    pdf = _open(path)
    try:
        if getattr(pdf.doc, "encryption", None):
            warnings.append("is encrypted but opens without a password: read as is")
        source_pages = _page_list(path, pdf)
        budget.extend(SECONDS_PER_PAGE * len(source_pages))
        pages: list[_Page] = []
        image_pages: list[int] = []
        for number, page in enumerate(source_pages, start=1):
            budget.check()
            try:
                pages.append(_read_page(path, page, number, warnings, image_pages, budget))
            except InputError:
                raise
            except Exception as exc:  # pdfminer raises anything on a damaged page
                raise InputError(f"corrupt PDF: page {number} cannot be read ({reason(exc)})", path) from exc
            finally:
                page.close()  # drop the page's parsed layout: memory stays flat
    finally:
        _close(pdf)
    if image_pages:
        listed = ", ".join(map(str, image_pages))
        subject = f"pages {listed} have" if len(image_pages) > 1 else f"page {listed} has"
        warnings.append(f"{subject} images: check them by hand")
    headers, footers, body_pages = _split_furniture(pages)
    _join_rows_split_by_pages(body_pages)
    blocks = [*headers, *_body_blocks(body_pages), *footers]
    return build_document(str(path), "pdf", blocks, warnings)


def _check_trailer(path: Path) -> None:
    with path.open("rb") as handle:
        handle.seek(max(0, path.stat().st_size - 2048))
        if b"%%EOF" not in handle.read():
            raise InputError("corrupt PDF: no end-of-file marker (truncated?)", path)


def _open(path: Path) -> pdfplumber.PDF:
    try:
        pdf = pdfplumber.open(path)
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
            raise InputError("is encrypted (needs a password): save an unprotected copy", path) from exc
        raise InputError(f"corrupt PDF: {reason(cause)}", path) from exc
    except Exception as exc:
        raise InputError(f"corrupt PDF: {reason(exc)}", path) from exc
    return pdf


def _page_list(path: Path, pdf: pdfplumber.PDF) -> list:
    """The PDF's pages (not yet parsed); ``InputError`` for a broken page tree or too many pages."""
    try:
        pages = pdf.pages
    except Exception as exc:  # a broken page tree or page dictionary
        cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
        raise InputError(f"corrupt PDF: page list cannot be read ({reason(cause)})", path) from exc
    if not pages:
        raise InputError("corrupt PDF: it has no pages", path)
    if len(pages) > MAX_PAGES:
        raise InputError(f"has {len(pages):,} pages, over the limit of {MAX_PAGES:,} for one draft", path)
    return pages


def _close(pdf: pdfplumber.PDF) -> None:
    """Close the file without touching its page list again (it may be what was broken)."""
    if not pdf.stream_is_external:
        pdf.stream.close()


def _check_content(path: Path, page, number: int) -> None:
    """Refuse a page whose drawing instructions are damaged or unpack to more than the limit.

    pdfminer unpacks a content stream in one go and silently drops what it cannot unpack, so a
    small compressed stream could ask for gigabytes, and a damaged one would lose text unseen.
    """
    total = 0
    for stream in page.page_obj.contents:
        stream = resolve1(stream)
        if isinstance(stream, PDFStream) and stream.rawdata is not None:
            total += _unpacked_size(path, stream, number, MAX_PAGE_CONTENT_BYTES + 1 - total)
        if total > MAX_PAGE_CONTENT_BYTES:
            raise InputError(
                f"page {number} has over {MAX_PAGE_CONTENT_BYTES // 2**20} MB of drawing instructions: "
                "refusing a possible decompression bomb",
                path,
            )


def _unpacked_size(path: Path, stream: PDFStream, number: int, limit: int) -> int:
    """How many bytes the stream unpacks to, up to ``limit``: text encodings are undone, then the
    first Flate layer is unpacked piecewise; later layers are not looked at."""
    data = stream.rawdata
    if stream.decipher:
        data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
    for name, _params in stream.get_filters():
        if name in LITERALS_ASCII85_DECODE:
            data = ascii85decode(data)
        elif name in LITERALS_ASCIIHEX_DECODE:
            data = asciihexdecode(data)
        elif name in LITERALS_FLATE_DECODE:
            try:
                return len(zlib.decompressobj().decompress(data, limit))
            except zlib.error as exc:
                if "incorrect data check" in str(exc):  # a bad checksum after complete data is harmless
                    return 0
                raise InputError(f"corrupt PDF: page {number} content is damaged ({exc})", path) from exc
        else:
            break
    return len(data)


def _read_page(path: Path, page, number: int, warnings: list[str], image_pages: list[int], budget: Budget) -> _Page:
    _check_content(path, page, number)
    chars = [c for c in page.chars if c["text"].strip()]
    big_image = any(
        (img["x1"] - img["x0"]) * (img["bottom"] - img["top"]) >= IMAGE_PAGE_FRACTION * page.width * page.height
        for img in page.images
    )
    if not chars:
        if page.images:
            raise InputError(
                f"page {number} has no text layer (scanned?): we never publish what we could not read", path
            )
        warnings.append(f"page {number} is empty")
        return _Page(number, page.height)
    if big_image and len(chars) < _FEW_CHARS:
        raise InputError(f"page {number} is mostly an image with little text (scanned?): cannot read it", path)
    if page.images:
        image_pages.append(number)
    budget.check()
    found = page.find_tables()
    budget.check()
    result = _Page(number, page.height)
    for table in found:
        result.tables.append(_Table(number, table.bbox[1], table.extract(), table.bbox[0], table.bbox[2]))
    # a character belongs to a table when its middle lies in the table's box, as pdfplumber assigns it to a
    # cell: a line that only touches the box's edge ("2.1 Ms X came ..." just under a table) stays text
    boxes = [table.bbox for table in found]
    text_page = page.filter(lambda obj: not any(_middle_in(obj, box) for box in boxes)) if boxes else page
    raw_lines, result.in_columns = column_lines(text_page, margin=page.height * COLUMN_MARGIN_FRACTION)
    for raw in raw_lines:  # a page in two columns: left column first
        line = _line(number, raw)
        if line is not None:
            result.lines.append(line)
    _check_decoded(path, result, len(chars), warnings)
    return result


def _middle_in(obj: dict, box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    return x0 <= (obj["x0"] + obj["x1"]) / 2 <= x1 and top <= (obj["top"] + obj["bottom"]) / 2 <= bottom


def _check_decoded(path: Path, page: _Page, char_count: int, warnings: list[str]) -> None:
    """Refuse a page whose fonts cannot be mapped to text; a leading glyph used as a bullet is fine."""
    texts = [_CID_BULLET.sub("", line.text) for line in page.lines]
    texts += [cell or "" for table in page.tables for row in table.rows for cell in row]
    undecoded = sum(len(_CID.findall(text)) + text.count("\ufffd") for text in texts)
    if undecoded > max(2, MAX_UNDECODED_FRACTION * char_count):
        raise InputError(f"page {page.number} has {undecoded} characters whose font cannot be decoded", path)
    if undecoded:
        warnings.append(f"page {page.number} has {undecoded} character(s) that could not be decoded")


def _line(number: int, raw: dict) -> _Line | None:
    chars = [c for c in raw["chars"] if c["text"].strip()]
    text = " ".join(raw["text"].split())
    if not chars or not text:
        return None
    size = Counter(round(c["size"] * 2) / 2 for c in chars).most_common(1)[0][0]
    bold = sum(1 for c in chars if _BOLD.search(c.get("fontname", ""))) > len(chars) / 2
    line = _Line(number, text, raw["top"], raw["bottom"], raw["x0"], raw["x1"], size, bold, raw["x0"])
    bullet = _BULLET.match(text)
    if bullet:
        rest = len(text[bullet.end() :].replace(" ", ""))
        line.text_x0 = chars[-rest].get("x0", raw["x0"]) if 0 < rest <= len(chars) else raw["x0"]
    return line


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _split_furniture(pages: list[_Page]) -> tuple[list[Block], list[Block], list[_Page]]:
    """Header blocks, footer blocks, and the pages without their running lines and page numbers."""

    def zone(page: _Page, line: _Line) -> str | None:
        if line.bottom <= page.height * MARGIN_FRACTION:
            return "top"
        if line.top >= page.height * (1 - MARGIN_FRACTION):
            return "bottom"
        return None

    seen_on: dict[tuple[str, str], set[int]] = {}
    for page in pages:
        for line in page.lines:
            where = zone(page, line)
            if where:
                seen_on.setdefault((where, _furniture_key(line.text)), set()).add(page.number)
    needed = max(2, math.ceil(len(pages) / 2))
    running = {key for key, on in seen_on.items() if len(pages) >= 2 and len(on) >= needed}
    kept: dict[tuple[str, str], Block] = {}
    for page in pages:
        body = []
        for line in page.lines:
            where = zone(page, line)
            key = (where, _furniture_key(line.text)) if where else None
            if where and is_page_number(line.text):
                continue
            if key in running:
                kind = BlockKind.HEADER if where == "top" else BlockKind.FOOTER
                kept.setdefault(key, Block(kind=kind, text=line.text, page=page.number))
                continue
            body.append(line)
        page.lines = body
    headers = [b for b in kept.values() if b.kind is BlockKind.HEADER]
    footers = [b for b in kept.values() if b.kind is BlockKind.FOOTER]
    return headers, footers, pages


@dataclass
class _Style:
    """What the body text of this PDF looks like, measured over all its lines."""

    body_size: float
    body_bold: bool
    heading_sizes: list[float]
    normal_gap: float  # space between lines of one paragraph
    left: float
    right: float

    @classmethod
    def measure(cls, lines: list[_Line]) -> _Style:
        weights: Counter[float] = Counter()
        for line in lines:
            weights[line.size] += len(line.text)
        body_size = weights.most_common(1)[0][0]
        body = [line for line in lines if line.size == body_size]
        body_bold = sum(len(line.text) for line in body if line.bold) > sum(len(line.text) for line in body) / 2
        gaps = sorted(
            b.top - a.bottom for a, b in zip(body, body[1:], strict=False) if a.page == b.page and b.top > a.top
        )
        normal_gap = gaps[len(gaps) // 5] if gaps else 0.2 * body_size
        right_edges = sorted(line.x1 for line in body)
        return cls(
            body_size=body_size,
            body_bold=body_bold,
            heading_sizes=sorted({line.size for line in lines if line.size > body_size + 0.5}, reverse=True),
            normal_gap=min(max(normal_gap, 0.0), 0.6 * body_size),
            left=min(line.x0 for line in body),
            right=right_edges[int(len(right_edges) * 0.9)],
        )

    def heading_level(self, line: _Line) -> int:
        if line.size in self.heading_sizes:
            return self.heading_sizes.index(line.size) + 1
        bullet = _BULLET.match(line.text)
        if (
            line.bold
            and not self.body_bold
            and len(line.text) <= 120
            and not line.text.endswith(_SENTENCE_END)
            and not (bullet and not bullet.group()[0].isdigit())
        ):
            return len(self.heading_sizes) + 1
        return 0

    def is_full(self, line: _Line) -> bool:
        """Whether the line runs (nearly) to the right margin, i.e. it was wrapped."""
        return line.x1 >= self.right - 0.15 * (self.right - self.left)


@dataclass
class _Open:
    """A block being built from lines."""

    kind: BlockKind
    lines: list[_Line]
    level: int = 0

    def block(self) -> Block:
        texts = [line.text for line in self.lines]
        if self.kind is BlockKind.LIST_ITEM:
            texts[0] = texts[0][_BULLET.match(texts[0]).end() :]
        return Block(kind=self.kind, text=join_lines(texts), page=self.lines[0].page, level=self.level)


def _body_blocks(pages: list[_Page]) -> list[Block]:
    lines = [line for page in pages for line in page.lines]
    style = _Style.measure(lines) if lines else None
    blocks: list[Block] = []
    current: _Open | None = None
    tables = 0
    for page in pages:
        items = _reading_order(page)
        for position, item in enumerate(items):
            if isinstance(item, _Table):
                if current:
                    blocks.append(current.block())
                    current = None
                cells = _table_cells(item, tables)
                tables += 1 if cells else 0
                blocks.extend(cells)
                continue
            assert style is not None  # there are lines, so the style was measured
            # the top of the next column carries on a paragraph as the top of the next page does
            next_column = (
                page.in_columns and current is not None
                and item.top < current.lines[-1].top and item.x0 >= current.lines[-1].x1
            )  # fmt: skip
            if current and _continues(style, current, item, across_page=position == 0 or next_column):
                current.lines.append(item)
                continue
            if current:
                blocks.append(current.block())
            current = _start(style, item)
    if current:
        blocks.append(current.block())
    return blocks


def _join_rows_split_by_pages(pages: list[_Page]) -> None:
    """A table row that Word let break across a page ("Ossington NG23" at the foot of one page, "7QT" at the top
    of the next) comes back as two rows. The second is joined to the first where a cell the first filled is empty
    in it: the columns that ended on the first page ("Subject", "13") have nothing left to carry over."""
    orders = [_reading_order(page) for page in pages]
    for before, after in zip(orders, orders[1:], strict=False):
        if not (before and after and isinstance(before[-1], _Table) and isinstance(after[0], _Table)):
            continue
        last, first = before[-1].rows, after[0].rows
        if not (last and first) or len(last[-1]) != len(first[0]):
            continue
        tail = first[0]
        if not any(tail) or not any(above and not below for above, below in zip(last[-1], tail, strict=True)):
            continue
        last[-1] = [
            "\n".join(part for part in (above, below) if part) or above
            for above, below in zip(last[-1], tail, strict=True)
        ]
        del first[0]


def _reading_order(page: _Page) -> list[_Line | _Table]:
    """The page's lines as read (a page in two columns: left column first), each table after the last line above
    it in its own column (the lines it spans across), else before the first line below its top."""
    if not page.in_columns:
        return sorted([*page.lines, *page.tables], key=lambda item: item.top)
    items: list[_Line | _Table] = list(page.lines)
    for table in sorted(page.tables, key=lambda t: t.top):
        above = [
            i for i, item in enumerate(items) if item.top < table.top and item.x0 < table.x1 and item.x1 > table.x0
        ]
        after = [i for i, item in enumerate(items) if isinstance(item, _Line) and item.top > table.top]
        at = above[-1] + 1 if above else (after[0] if after else len(items))
        items.insert(at, table)
    return items


def _start(style: _Style, line: _Line) -> _Open:
    level = style.heading_level(line)
    if level:
        return _Open(BlockKind.HEADING, [line], level)
    if _BULLET.match(line.text):
        return _Open(BlockKind.LIST_ITEM, [line])
    return _Open(BlockKind.PARAGRAPH, [line])


def _continues(style: _Style, current: _Open, line: _Line, across_page: bool) -> bool:
    """Whether ``line`` carries on the block being built."""
    previous = current.lines[-1]
    level = style.heading_level(line)
    if level != current.level or (level == 0 and _BULLET.match(line.text)):
        return False
    if abs(line.size - previous.size) > 0.5 or line.bold != previous.bold:
        return False
    if across_page:
        if current.kind is BlockKind.HEADING or previous.text.endswith(_SENTENCE_END):
            return False
        return line.text[0].islower() or style.is_full(previous)
    gap = line.top - previous.bottom
    if line.top <= previous.top or gap > style.normal_gap + 0.35 * line.size:
        return False
    if current.kind is BlockKind.HEADING:  # a wrapped heading: same indent, first line well filled
        wide = previous.x1 - previous.x0 > 0.5 * (style.right - style.left)
        return abs(line.x0 - previous.x0) < 2 and wide
    wrapped = style.is_full(previous) and not previous.text.endswith(_SENTENCE_END)
    if current.kind is BlockKind.LIST_ITEM and line.x0 < current.lines[0].text_x0 - 2 and not wrapped:
        return False  # out of the item's hanging indent, and the item's last line was not wrapped
    ended = previous.text.endswith(_SENTENCE_END) and not style.is_full(previous)
    return not (ended and line.text[0].isupper())


def _table_cells(table: _Table, index: int) -> list[Block]:
    cells: list[Block] = []
    row_number = 0
    for row in table.rows:
        texts = [None if cell is None else join_lines(cell.split("\n")) for cell in row]
        if not any(texts):
            continue
        for column, text in enumerate(texts):
            if text is not None:
                position = TableCellPosition(index, row_number, column)
                cells.append(Block(kind=BlockKind.TABLE_CELL, text=text, page=table.page, cell=position))
        row_number += 1
    return cells
