"""Render a redacted document as a readable A4 PDF with reportlab platypus.

The PDF carries no personal data in its metadata: its title is the variant's title, its author the
board, and nothing names the draft's file or the person who ran the tool. Output is byte-identical
for the same input (reportlab's invariant mode fixes the creation date and document id).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import groupby
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, StyleSheet1, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    ListFlowable,
    ListItem,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from redact.document import FURNITURE, Block, BlockKind
from redact.render.fonts import check_printable, pdf_fonts
from redact.render.model import PublicationText

PAGE_MARGIN = 20 * mm
OWN_NUMBER = re.compile(r"\d+(?:\.\d+)*\.?\s")
HEADING_NUMBER = re.compile(r"(\d+)(?:\.\d+)*\.?\s")


def _styles() -> StyleSheet1:
    styles = getSampleStyleSheet()
    styles.add(ParagraphStyle("Board", parent=styles["Title"], fontSize=16, spaceAfter=12))
    styles.add(ParagraphStyle("VariantTitle", parent=styles["Title"], fontSize=24, spaceBefore=60))
    styles.add(ParagraphStyle("Subtitle", parent=styles["Normal"], alignment=TA_CENTER, fontSize=12))
    hanging = {"leftIndent": 12 * mm, "firstLineIndent": -12 * mm}
    styles.add(ParagraphStyle("Numbered", parent=styles["BodyText"], **hanging))
    styles.add(ParagraphStyle("Cell", parent=styles["BodyText"], fontSize=9, leading=11))
    fonts = pdf_fonts()
    for style in styles.byName.values():
        for attribute in ("fontName", "bulletFontName"):
            if hasattr(style, attribute):
                setattr(style, attribute, fonts.for_style(getattr(style, attribute)))
    return styles


_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])")


def _text(text: str) -> str:
    """Escape text for a platypus Paragraph, keeping line breaks; a Markdown draft's "**bold**" and "*italic*"
    are set as such, not printed with their marks."""
    marked = _EMPHASIS.sub(r"<i>\1</i>", _STRONG.sub(r"<b>\1</b>", escape(text)))
    return marked.replace("\n", "<br/>")


def _heading(block: Block, styles: StyleSheet1) -> Paragraph:
    level = min(max(block.level, 1), 3)
    return Paragraph(_text(block.text), styles[f"Heading{level}"])


# the height a table row may take: a page's frame, less the cells' padding; a taller row cannot be set
_ROW_HEIGHT_LIMIT = A4[1] - 2 * PAGE_MARGIN - 40
_HEADER_HEIGHT = 60


def _table(cells: Sequence[Block], styles: StyleSheet1) -> list[Flowable]:
    """The table as a table; or, where one of its rows would be taller than a page (a draft laid out in a
    two-column table, headings left and whole sections right), row by row as paragraphs, the way it reads."""
    rows: list[list[Paragraph]] = []
    for _, row_cells in groupby(cells, key=lambda b: b.cell.row if b.cell else 0):
        rows.append([Paragraph(_text(c.text), styles["Cell"]) for c in row_cells])
    width = max(len(r) for r in rows)
    column = (A4[0] - 2 * PAGE_MARGIN) / width
    heights = [max(cell.wrap(column - 12, _ROW_HEIGHT_LIMIT)[1] for cell in row) for row in rows]
    if max(heights) > _ROW_HEIGHT_LIMIT:
        return [_as_paragraph(cell, styles) for row in rows for cell in row if cell.text.strip()]
    rows = [r + [Paragraph("", styles["Cell"])] * (width - len(r)) for r in rows]
    header = 1 if heights[0] <= _HEADER_HEIGHT else 0  # a first row of content is no header to repeat on each page
    table = Table(rows, repeatRows=header, hAlign="LEFT", colWidths=[column] * width)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef4")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return [table, Spacer(1, 6)]


def _as_paragraph(cell: Paragraph, styles: StyleSheet1) -> Paragraph:
    """A cell of a layout table set as body text; a short one (a heading cell) in bold."""
    text = cell.text
    return Paragraph(f"<b>{text}</b>" if len(text) < 80 else text, styles["BodyText"])


def _runs(blocks: Sequence[Block]) -> Iterator[list[Block]]:
    """Group consecutive list items, and the cells of one table, into runs; other blocks stand alone."""

    def key(block: Block) -> object:
        if block.kind is BlockKind.LIST_ITEM:
            return "list"
        if block.cell is not None:
            return ("table", block.cell.table)
        return ("block", block.index)

    for _, run in groupby(blocks, key=key):
        yield list(run)


def drafts_own_numbering(blocks: Sequence[Block]) -> bool:
    """True when the draft numbers its paragraphs itself ("1.1 ..."), so we add no numbers of our own."""
    paragraphs = [b for b in blocks if b.kind is BlockKind.PARAGRAPH]
    numbered = sum(1 for b in paragraphs if OWN_NUMBER.match(b.text))
    return numbered >= max(2, len(paragraphs) // 4)


def top_heading_level(blocks: Sequence[Block]) -> int:
    """The level of the draft's highest headings: a draft may open its sections with "Heading 2" throughout."""
    return min((b.level for b in blocks if b.kind is BlockKind.HEADING and b.level >= 1), default=1)


def drafts_numbered_headings(blocks: Sequence[Block]) -> bool:
    """True when the draft numbers its top-level headings ("1. Executive Summary", "2 The Review")."""
    top = top_heading_level(blocks)
    tops = [b for b in blocks if b.kind is BlockKind.HEADING and b.level <= top]
    return sum(1 for b in tops if HEADING_NUMBER.match(b.text)) >= 2


def body_flowables(publication: PublicationText, styles: StyleSheet1) -> list[Flowable]:
    """Headings, numbered paragraphs (section.paragraph, unless the draft numbers them), lists and tables.

    Sections follow the draft's own heading numbers where it has them: title-page lines before the first
    numbered heading and running headers or footers get no paragraph number."""
    flowables: list[Flowable] = []
    section = paragraph = 0
    top = top_heading_level(publication.blocks)
    subheading_numbers = any(
        b.kind is BlockKind.HEADING and b.level > top and re.match(r"\d+\.\d+", b.text) for b in publication.blocks
    )  # "1.3 Key findings": paragraph numbers of ours would clash with the draft's
    number_paragraphs = not drafts_own_numbering(publication.blocks) and not subheading_numbers
    numbered_headings = drafts_numbered_headings(publication.blocks)
    for run in _runs(publication.blocks):
        first = run[0]
        if first.kind is BlockKind.HEADING:
            if first.level <= top:
                own = HEADING_NUMBER.match(first.text)
                section = (int(own.group(1)) if own else section) if numbered_headings else section + 1
                paragraph = 0
            flowables.append(_heading(first, styles))
        elif first.kind in FURNITURE:
            flowables.append(Paragraph(_text(first.text), styles["BodyText"]))
        elif first.kind is BlockKind.LIST_ITEM:
            items = [ListItem(Paragraph(_text(b.text), styles["BodyText"])) for b in run]
            flowables.append(ListFlowable(items, bulletType="bullet", start="\u2022", leftIndent=18))
        elif first.cell is not None:
            flowables += _table(run, styles)
        elif number_paragraphs and (section or not numbered_headings):
            paragraph += 1
            number = f"{section}.{paragraph}" if section else str(paragraph)
            flowables.append(Paragraph(f"{number}&nbsp;&nbsp;{_text(first.text)}", styles["Numbered"]))
        else:
            flowables.append(Paragraph(_text(first.text), styles["BodyText"]))
    return flowables


def render_pdf(publication: PublicationText, path: Path) -> None:
    """Write ``publication`` to ``path`` as a PDF."""
    rl_config.invariant = 1  # fixed dates and ids: the same input gives the same bytes
    fonts = pdf_fonts()
    check_printable(fonts, [publication.board, publication.title, *publication.subtitle_lines,
                            *(block.text for block in publication.blocks)])  # fmt: skip
    styles = _styles()
    story: list[Flowable] = [
        Paragraph(_text(publication.board), styles["Board"]),
        Paragraph(_text(publication.title), styles["VariantTitle"]),
    ]
    story += [Paragraph(_text(line), styles["Subtitle"]) for line in publication.subtitle_lines]
    story.append(PageBreak())
    story += body_flowables(publication, styles)

    def number_page(canvas, doc) -> None:  # noqa: ANN001 - reportlab callback signature
        canvas.saveState()
        canvas.setFont(fonts.regular, 8)
        canvas.drawCentredString(A4[0] / 2, 10 * mm, f"{publication.title} - page {doc.page}")
        canvas.restoreState()

    template = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=PAGE_MARGIN,
        rightMargin=PAGE_MARGIN,
        topMargin=PAGE_MARGIN,
        bottomMargin=PAGE_MARGIN,
        title=publication.title,
        author=publication.board,
        subject=publication.title,
        creator="scr-redact",
        producer="scr-redact",
        keywords="",
    )
    template.build(story, onFirstPage=lambda c, d: None, onLaterPages=number_page)
