"""Build the publishable variants: choose the draft's blocks, apply the plan to each, check the content.

* ``executive-summary``: the draft's Executive Summary section, plus the sections that name the review
  panel (the review process, panel membership), in draft order; a draft whose title page says it is an
  executive summary is taken whole;
* ``full-publication``: the whole report.

Running headers and footers of the draft are never published (the renderer draws its own).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from redact.config import NAMED_ROLES, ReportConfig
from redact.document import Block, BlockKind, Document
from redact.errors import RedactError
from redact.resolve import Plan, apply_plan
from redact.resolve.model import Replacement
from redact.variants.model import Change, RedactedBlock, Variant
from redact.variants.policy import VariantPolicy

EXECUTIVE_SUMMARY = re.compile(r"\bexecutive\s+summary\b", re.IGNORECASE)
PANEL_SECTION = re.compile(
    r"\b(review\s+panel|panel\s+membership|membership\s+of\s+the\s+(review\s+)?panel|the\s+review\s+process"
    r"|review\s+team|governance\s+of\s+the\s+review)\b",
    re.IGNORECASE,
)
TITLE_PAGE_BLOCKS = 5  # blocks at the top of a draft that act as its title page
RUNNING = (BlockKind.HEADER, BlockKind.FOOTER)
ROLE_NAMES = {"lscb_chair": "LSCB chair", "panel_chair": "SCR panel chair", "author": "overview report author"}


class MissingContentError(RedactError):
    """A variant lacks content the statutory guidance requires (or its section is missing)."""


def _in_section(block: Block, pattern: re.Pattern[str]) -> bool:
    return any(pattern.search(heading) for heading in block.section)


def select_blocks(document: Document, selection: str) -> list[Block]:
    body = [b for b in document.blocks if b.kind not in RUNNING]
    if selection == "all":
        return body
    if selection != "executive_summary":
        raise RedactError(f"unknown block selection {selection!r} in the variant policy")
    summary = [b for b in body if _in_section(b, EXECUTIVE_SUMMARY)]
    if not summary and any(EXECUTIVE_SUMMARY.search(b.text) for b in body[:TITLE_PAGE_BLOCKS]):
        return body  # the draft is itself an executive summary: its title page says so
    if not summary:
        raise MissingContentError(
            "the draft has no Executive Summary section (a heading 'Executive Summary'): "
            "cannot build the executive-summary variant",
            document.source,
        )
    return [b for b in body if _in_section(b, EXECUTIVE_SUMMARY) or _in_section(b, PANEL_SECTION)]


def redact_block(block: Block, replacements: Sequence[Replacement]) -> RedactedBlock:
    """Apply the replacements inside ``block`` (through presidio-anonymizer) and locate them in the result."""
    local = []
    for r in replacements:
        if r.start < block.start or r.end > block.end:
            raise RedactError(f"replacement {r.original!r} crosses the edge of block {block.index}")
        local.append(replace(r, start=r.start - block.start, end=r.end - block.start))
    text = apply_plan(block.text, Plan(entities=(), replacements=tuple(local)))
    changes, shift = [], 0
    for r, original in sorted(zip(local, replacements, strict=True), key=lambda pair: pair[0].start):
        new_start = r.start + shift
        changes.append(Change(original, new_start, new_start + len(r.replacement)))
        shift += len(r.replacement) - (r.end - r.start)
    return RedactedBlock(block, text, tuple(changes))


def build_variant(document: Document, plan: Plan, policy: VariantPolicy) -> Variant:
    blocks = select_blocks(document, policy.blocks)
    by_block: dict[int, list[Replacement]] = {}
    for r in plan.replacements:
        owner = document.block_at(r.start)
        if owner is None:
            raise RedactError(f"replacement {r.original!r} at {r.start} lies outside every block")
        by_block.setdefault(owner.index, []).append(r)
    redacted = tuple(redact_block(b, by_block.get(b.index, [])) for b in blocks)
    return Variant(policy.name, policy.title, redacted)


def missing_statutory_content(variant: Variant, plan: Plan, config: ReportConfig) -> list[str]:
    """What the executive summary must contain but does not: named roles by name, panel titles and bodies."""
    text = " ".join(" ".join(b.text.split()) for b in variant.blocks).casefold()
    missing = []
    for role in NAMED_ROLES:
        people = [e for e in plan.entities if e.role == role and e.kept]
        names = [config.named_roles[role]] if role in config.named_roles else [t for e in people for t in e.texts]
        if not names:
            missing.append(f"the {ROLE_NAMES[role]} is not named in the draft or the config")
        elif not any(" ".join(name.split()).casefold() in text for name in names):
            missing.append(f"the {ROLE_NAMES[role]} ({names[0]}) is not named in the executive summary")
    for member in config.panel:
        for detail in (member.job_title, member.organisation):
            if " ".join(detail.split()).casefold() not in text:
                missing.append(f"panel member detail {detail!r} is not in the executive summary")
    return missing
