"""Shared base classes for our Presidio recognisers."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import ClassVar

import regex
from presidio_analyzer import (
    AnalysisExplanation,
    EntityRecognizer,
    LocalRecognizer,
    Pattern,
    PatternRecognizer,
    RecognizerResult,
)
from presidio_analyzer.nlp_engine import NlpArtifacts


class UkPatternRecognizer(PatternRecognizer):
    """A ``PatternRecognizer`` that matches case-sensitively (use ``(?i:...)`` inside a pattern where
    case does not matter) and whose validation only rejects: a valid match keeps its pattern's score,
    so context words can still raise it."""

    ENTITY: ClassVar[str]
    PATTERNS: ClassVar[list[Pattern]]
    CONTEXT: ClassVar[list[str]] = []

    def __init__(self) -> None:
        super().__init__(
            supported_entity=self.ENTITY,
            patterns=copy.deepcopy(self.PATTERNS),
            context=list(self.CONTEXT),
            global_regex_flags=regex.MULTILINE,
        )

    def is_valid(self, text: str) -> bool:
        """Whether a pattern match is a real identifier (checksum, allowed letters ...)."""
        return True

    def invalidate_result(self, pattern_text: str) -> bool:
        return not self.is_valid(pattern_text)


class UkEntityRecognizer(LocalRecognizer):
    """A recogniser written as code: subclasses yield ``(start, end, score)`` from :meth:`find`."""

    ENTITY: ClassVar[str]
    CONTEXT: ClassVar[list[str]] = []

    def __init__(self) -> None:
        super().__init__(supported_entities=[self.ENTITY], context=list(self.CONTEXT))

    def load(self) -> None:
        return None

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> Iterable[tuple[int, int, float]]:
        raise NotImplementedError

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if entities and self.ENTITY not in entities:
            return []
        return [
            recognizer_result(self, start, end, score)
            for start, end, score in self.find(text, nlp_artifacts)
            if end > start
        ]


def recognizer_result(recognizer: EntityRecognizer, start: int, end: int, score: float) -> RecognizerResult:
    """A result made by our own code, with the explanation and metadata the engine reads."""
    entity = recognizer.supported_entities[0]
    return RecognizerResult(
        entity_type=entity,
        start=start,
        end=end,
        score=score,
        analysis_explanation=AnalysisExplanation(recognizer.name, score, textual_explanation=entity),
        recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
        },
    )
