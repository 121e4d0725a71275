"""The ``Finding``: one span of ``Document.text`` that a recogniser says identifies someone."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    start: int
    end: int
    label: str  # one of redact.gold.LABELS
    text: str
    score: float
    source: str  # the recogniser that made it, e.g. "UkNhsRecognizer" or "propagation"
    block: int | None = None  # index of the block it lies in

    def overlaps(self, other: Finding) -> bool:
        return self.start < other.end and other.start < self.end

    def as_json(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "text": self.text,
            "score": round(self.score, 4),
            "source": self.source,
        }
