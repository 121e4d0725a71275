"""The audit trail (``STEM.audit.jsonl``): one JSON object per change, per variant."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from redact.decisions import NO_DECISIONS, REVIEWER_SOURCE, Decisions
from redact.variants.model import Variant


@dataclass(frozen=True)
class AuditEntry:
    variant: str
    block: int
    page: int | None
    start: int  # offsets into the draft's extracted text
    end: int
    original: str
    replacement: str
    entity_id: str
    entity_type: str
    recogniser: str
    score: float
    action: str  # pseudonymise | generalise | remove | keep
    reason: str


def _reviewer_entries(variant: Variant, decisions: Decisions) -> list[AuditEntry]:
    """One "keep" entry per reviewer rejection that lies in the variant's blocks."""
    entries = []
    for decision in decisions.of("reject"):
        block = next((b.original for b in variant.blocks if b.original.start <= decision.start < b.original.end), None)
        if block is None or decision.start is None or decision.end is None:
            continue
        entries.append(
            AuditEntry(variant.name, block.index, block.page, decision.start, decision.end, decision.text,
                       decision.text, "", "", REVIEWER_SOURCE, 1.0, "keep",
                       f"reviewer {decisions.reviewer or '(unnamed)'} rejected the finding: {decision.reason}")
        )  # fmt: skip
    return entries


def audit_entries(variants: Iterable[Variant], decisions: Decisions = NO_DECISIONS) -> list[AuditEntry]:
    entries = []
    added = {(d.start, d.end): d.reason for d in decisions.of("add")}
    for variant in variants:
        entries += _reviewer_entries(variant, decisions)
        for block, change in variant.changes():
            r = change.replacement
            reason = r.reason
            if r.recogniser == REVIEWER_SOURCE and (r.start, r.end) in added:
                reason = f"reviewer {decisions.reviewer or '(unnamed)'} added: {added[(r.start, r.end)]}; {reason}"
            entries.append(
                AuditEntry(
                    variant=variant.name,
                    block=block.original.index,
                    page=block.original.page,
                    start=r.start,
                    end=r.end,
                    original=r.original,
                    replacement=r.replacement,
                    entity_id=r.entity_id,
                    entity_type=r.entity_type,
                    recogniser=r.recogniser,
                    score=round(r.score, 4),
                    action=str(r.action),
                    reason=reason,
                )
            )
    return sorted(entries, key=lambda e: (e.variant, e.start))


def to_jsonl(entries: Iterable[AuditEntry]) -> str:
    return "".join(json.dumps(asdict(e), ensure_ascii=False) + "\n" for e in entries)
