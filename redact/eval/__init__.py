"""Measure detection against gold annotations (``redact eval``)."""

from redact.eval.runner import evaluate
from redact.eval.scoring import Scores, TypeScore, score_document

__all__ = ["Scores", "TypeScore", "evaluate", "score_document"]
