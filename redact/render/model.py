"""What the renderers draw: one publishable variant's redacted text."""

from __future__ import annotations

from dataclasses import dataclass

from redact.document import Block


@dataclass(frozen=True)
class PublicationText:
    """A variant ready to render: redacted blocks in order, and title-page lines free of personal data."""

    title: str  # "Executive Summary" or "Overview Report"
    board: str  # the board's name, or a neutral line when the draft does not give it
    blocks: tuple[Block, ...]
    subtitle_lines: tuple[str, ...] = ()
