"""A publishable variant: the draft's chosen blocks with the plan's changes applied."""

from __future__ import annotations

from dataclasses import dataclass, replace

from redact.document import Block
from redact.render.model import PublicationText
from redact.resolve.model import Replacement
from redact.variants.markings import is_blank


@dataclass(frozen=True)
class Change:
    """A replacement as it landed in a variant: where it now sits in the redacted block text."""

    replacement: Replacement
    new_start: int
    new_end: int


@dataclass(frozen=True)
class RedactedBlock:
    original: Block
    text: str
    changes: tuple[Change, ...]

    @property
    def published(self) -> Block:
        """The block as it is published: the original's kind, level and cell, with the redacted text."""
        return replace(self.original, text=self.text)


@dataclass(frozen=True)
class Variant:
    name: str  # "executive-summary" or "full-publication"
    title: str  # "Executive Summary" or "Overview Report"
    blocks: tuple[RedactedBlock, ...]
    title_page_lines: tuple[str, ...] = ()  # named roles the draft's summary did not name (see build.py)

    def publication(self, board: str, subtitle_lines: tuple[str, ...] = ()) -> PublicationText:
        blocks = tuple(b.published for b in self.blocks if not is_blank(b.text))  # a line of markings only
        return PublicationText(self.title, board, blocks, subtitle_lines + self.title_page_lines)

    def changes(self) -> list[tuple[RedactedBlock, Change]]:
        return [(block, change) for block in self.blocks for change in block.changes]
