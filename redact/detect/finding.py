"""The ``Finding``: one span of ``Document.text`` that a recogniser says identifies someone."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
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


def covered(findings: Iterable[Finding]) -> tuple[list[tuple[int, int]], list[int]]:
    """The text the findings cover, as sorted disjoint spans and their ends (for ``is_free``)."""
    spans: list[tuple[int, int]] = []
    for start, end in sorted((f.start, f.end) for f in findings):
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans, [end for _, end in spans]


def is_free(spans: list[tuple[int, int]], ends: list[int], start: int, end: int) -> bool:
    """No span of ``spans`` (from ``covered``) overlaps ``[start, end)``."""
    index = bisect_right(ends, start)
    return index == len(spans) or spans[index][0] >= end
