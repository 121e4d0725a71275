"""The published PDF numbers a draft's paragraphs by its own sections, whatever heading level opens them."""

from __future__ import annotations

from dataclasses import replace

from redact.document import Block, BlockKind
from redact.render.model import PublicationText
from redact.render.pdf import _styles, body_flowables


def _numbers(blocks: list[Block]) -> list[str]:
    """The paragraph numbers the PDF gives, in order."""
    indexed = tuple(replace(block, index=i) for i, block in enumerate(blocks))
    flowables = body_flowables(PublicationText("Overview Report", "Northshire LSCB", indexed), _styles())
    texts = [getattr(f, "text", "") for f in flowables]
    return [t.split("&nbsp;")[0] for t in texts if "&nbsp;" in t]


def _paragraph(text: str) -> Block:
    return Block(BlockKind.PARAGRAPH, text)


def test_sections_opened_by_second_level_headings_number_their_paragraphs() -> None:
    """A plan whose every heading is "Heading 2": its title lines get no number, its sections' paragraphs 1.1, 2.1."""
    blocks = [
        _paragraph("NORTHSHIRE LOCAL SAFEGUARDING CHILDREN BOARD"),
        Block(BlockKind.HEADING, "1. Purpose", level=2),
        _paragraph("This plan sets out the actions."),
        _paragraph("Owners update it monthly."),
        Block(BlockKind.HEADING, "2. Key", level=2),
        _paragraph("R is red."),
    ]
    assert _numbers(blocks) == ["1.1", "1.2", "2.1"]
