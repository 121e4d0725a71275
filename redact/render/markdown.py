"""Render a redacted document as Markdown: the same text as the PDF, for checking and web pages."""

from __future__ import annotations

from pathlib import Path

from redact.document import BlockKind
from redact.render.model import PublicationText


def _escape_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(publication: PublicationText) -> str:
    lines = [f"# {publication.title}", "", f"**{publication.board}**", ""]
    lines += [line + "  " for line in publication.subtitle_lines]
    previous = None
    for block in publication.blocks:
        if block.cell is not None:
            same_table = previous is not None and previous.cell is not None
            same_table = same_table and previous.cell.table == block.cell.table
            if same_table and previous.cell.row == block.cell.row:
                lines[-1] += f" {_escape_cell(block.text)} |"
            else:
                if not same_table:
                    lines.append("")
                elif previous.cell.row == 0:
                    lines.append("|" + " --- |" * lines[-1].count(" |"))
                lines.append(f"| {_escape_cell(block.text)} |")
        elif block.kind is BlockKind.HEADING:
            lines += ["", "#" * (min(block.level or 1, 5) + 1) + " " + block.text]
        elif block.kind is BlockKind.LIST_ITEM:
            if previous is None or previous.kind is not BlockKind.LIST_ITEM:
                lines.append("")
            lines.append(f"- {block.text}")
        else:
            lines += ["", block.text]
        previous = block
    return "\n".join(lines).strip() + "\n"


def render_markdown(publication: PublicationText, path: Path) -> None:
    path.write_text(to_markdown(publication), encoding="utf-8")
