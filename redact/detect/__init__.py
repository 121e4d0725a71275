"""Detection: spaCy + Presidio with UK recognisers. ``Detector`` is imported lazily (it loads spaCy
and Presidio), so ``from redact.detect.finding import Finding`` stays cheap."""

from __future__ import annotations

from typing import TYPE_CHECKING

from redact.detect.finding import Finding

if TYPE_CHECKING:
    from redact.detect.engine import Detector

__all__ = ["Detector", "Finding"]


def __getattr__(name: str) -> object:
    if name == "Detector":
        from redact.detect.engine import Detector

        return Detector
    raise AttributeError(name)
