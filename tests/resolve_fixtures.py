"""Shared helpers for the resolve tests: fixtures as documents, gold mentions as perfect findings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from redact.config import ReportConfig, load_config
from redact.detect.finding import Finding
from redact.document import Block, BlockKind, Document
from redact.gold import GoldMention, load_gold

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
VAGUE = ("a family member", "a professional", "a person")


@dataclass(frozen=True)
class Case:
    name: str
    document: Document
    mentions: tuple[GoldMention, ...]
    config: ReportConfig

    def findings(self) -> list[Finding]:
        return [Finding(m.start, m.end, m.label, m.text, 1.0, "gold") for m in self.mentions]


def txt_document(name: str, text: str) -> Document:
    """A TXT document whose blocks are its blank-line-separated paragraphs, with heading sections."""
    blocks: list[Block] = []
    section: tuple[str, ...] = ()
    for match in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text):
        chunk = match.group(0)
        is_heading = len(chunk) < 80 and "\n" not in chunk and not chunk.rstrip().endswith(".")
        if is_heading:
            section = (chunk.strip(),)
        kind = BlockKind.HEADING if is_heading else BlockKind.PARAGRAPH
        blocks.append(Block(kind, chunk, match.start(), match.end(), section, index=len(blocks)))
    return Document(name, "txt", text, tuple(blocks))


def load_cases() -> list[Case]:
    cases = []
    # fixtures/heldout is for measuring detection honestly and is never tuned on, so it is left out here.
    drafts = [d for folder in ("synthetic", "handwritten") for d in sorted((FIXTURES / folder).glob("*.txt"))]
    for draft in drafts:
        gold_path = draft.with_name(draft.stem + ".gold.json")
        if not gold_path.exists():
            continue
        text = draft.read_text(encoding="utf-8")
        gold = load_gold(gold_path)
        config_path = draft.with_name(draft.stem + ".report.yaml")
        config = load_config(config_path if config_path.exists() else None)
        cases.append(Case(f"{draft.parent.name}/{draft.stem}", txt_document(draft.name, text), gold.mentions, config))
    return cases
