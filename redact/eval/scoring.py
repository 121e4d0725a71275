"""Recall and precision of findings against gold mentions.

* A gold mention counts as **found** only if every one of its characters is covered by some finding
  (of any label: a name detected as a place is still redacted).
* A finding is **correct** if it overlaps a gold mention that is not kept; it is neither right nor
  wrong if it overlaps only kept mentions (keeping them is the resolver's job); otherwise it is a
  false hit.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from redact.detect.finding import Finding
from redact.eval.pseudonyms import PseudonymScores
from redact.gold import GoldMention
from redact.resolve.names import TITLE_INSIDE


@dataclass
class TypeScore:
    gold: int = 0
    found: int = 0
    detected: int = 0
    correct: int = 0

    @property
    def recall(self) -> float | None:
        return self.found / self.gold if self.gold else None

    @property
    def precision(self) -> float | None:
        return self.correct / self.detected if self.detected else None

    def add(self, other: TypeScore) -> None:
        self.gold += other.gold
        self.found += other.found
        self.detected += other.detected
        self.correct += other.correct


@dataclass
class Miss:
    source: str
    mention: GoldMention


@dataclass
class FalseHit:
    source: str
    finding: Finding


@dataclass
class Scores:
    by_type: dict[str, TypeScore] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)
    false_hits: list[FalseHit] = field(default_factory=list)
    pseudonyms: PseudonymScores | None = None  # when the drafts were also resolved

    def type_score(self, label: str) -> TypeScore:
        return self.by_type.setdefault(label, TypeScore())

    def overall(self) -> TypeScore:
        total = TypeScore()
        for score in self.by_type.values():
            total.add(score)
        return total

    def merge(self, other: Scores) -> None:
        for label, score in other.by_type.items():
            self.type_score(label).add(score)
        self.misses += other.misses
        self.false_hits += other.false_hits

    def as_json(self) -> dict[str, object]:
        def row(s: TypeScore) -> dict[str, object]:
            return {"gold": s.gold, "found": s.found, "recall": s.recall, "detected": s.detected,
                    "correct": s.correct, "precision": s.precision}  # fmt: skip

        scores: dict[str, object] = {
            "by_type": {label: row(s) for label, s in sorted(self.by_type.items())},
            "overall": row(self.overall()),
            "misses": [{"file": m.source, **_mention_json(m.mention)} for m in self.misses],
            "false_hits": [{"file": f.source, **f.finding.as_json()} for f in self.false_hits],
        }
        if self.pseudonyms is not None:
            scores["pseudonyms"] = self.pseudonyms.as_json()
        return scores


def _mention_json(m: GoldMention) -> dict[str, object]:
    return {"start": m.start, "end": m.end, "label": m.label, "text": m.text}


def _covered(mention: GoldMention, spans: Sequence[tuple[int, int]]) -> bool:
    """True if the merged ``spans`` cover every character of ``mention`` but the blanks between its words and,
    for a person, a title before the name ("Mr", "Sister", "PC"): a title names no one and stays as written."""
    starts = [start for start, _ in spans]
    title = TITLE_INSIDE.match(mention.text) if mention.label == "PERSON" else None
    skip = title.end() if title and title.end() < len(mention.text) else 0
    for offset, char in enumerate(mention.text):
        if char.isspace() or offset < skip:
            continue
        index = bisect_right(starts, mention.start + offset) - 1
        if index < 0 or spans[index][1] <= mention.start + offset:
            return False
    return True


def _merge_spans(findings: Iterable[Finding]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for f in sorted(findings, key=lambda f: (f.start, f.end)):
        if merged and f.start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], f.end))
        else:
            merged.append((f.start, f.end))
    return merged


def _overlaps(finding: Finding, mention: GoldMention) -> bool:
    return finding.start < mention.end and mention.start < finding.end


def score_document(source: str, gold: Sequence[GoldMention], findings: Sequence[Finding]) -> Scores:
    """Score one document's findings against its gold mentions."""
    scores = Scores()
    spans = _merge_spans(findings)
    for mention in gold:
        if mention.keep:
            continue
        type_score = scores.type_score(mention.label)
        type_score.gold += 1
        if _covered(mention, spans):
            type_score.found += 1
        else:
            scores.misses.append(Miss(source, mention))
    for finding in findings:
        hits = [m for m in gold if _overlaps(finding, m)]
        if hits and all(m.keep for m in hits):
            continue
        type_score = scores.type_score(finding.label)
        type_score.detected += 1
        if hits:
            type_score.correct += 1
        else:
            scores.false_hits.append(FalseHit(source, finding))
    return scores
