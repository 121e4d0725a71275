"""The audit trail (``STEM.audit.jsonl``): one JSON object per change, per variant."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass

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


def audit_entries(variants: Iterable[Variant]) -> list[AuditEntry]:
    entries = []
    for variant in variants:
        for block, change in variant.changes():
            r = change.replacement
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
                    reason=r.reason,
                )
            )
    return entries


def to_jsonl(entries: Iterable[AuditEntry]) -> str:
    return "".join(json.dumps(asdict(e), ensure_ascii=False) + "\n" for e in entries)
