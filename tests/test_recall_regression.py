"""Regression gate on the fixtures we may tune on: direct identifiers are never missed.

``fixtures/heldout/`` is left out on purpose: it is measured (``redact eval fixtures/heldout``), never
tuned on, so no test may pin its numbers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from redact.detect.engine import Detector
from redact.eval import evaluate

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
DIRECT_IDENTIFIERS = ("PERSON", "ADDRESS", "POSTCODE", "DATE_OF_BIRTH", "NHS_NUMBER", "NI_NUMBER", "PHONE", "EMAIL")
PLACES = ("SCHOOL", "GP_PRACTICE", "HOSPITAL", "LOCATION")


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


@pytest.mark.parametrize("folder", ["synthetic", "handwritten"])
def test_direct_identifiers_are_all_found_and_precision_holds(detector: Detector, folder: str) -> None:
    scores = evaluate(FIXTURES / folder, detector.detect)
    missed = [
        f"{m.source}: {m.mention.label} {m.mention.text!r}"
        for m in scores.misses
        if m.mention.label in DIRECT_IDENTIFIERS
    ]
    assert not missed, missed
    for label in PLACES:
        score = scores.by_type.get(label)
        assert score is None or score.recall is None or score.recall >= 0.97, (label, score)
    overall = scores.overall().precision
    assert overall is not None and overall >= 0.9
