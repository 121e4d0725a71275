"""Apply a ``Plan`` to the original text through presidio-anonymizer's ``AnonymizerEngine``."""

from __future__ import annotations

from functools import lru_cache

from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

from redact.errors import InternalError
from redact.resolve.model import Plan, Replacement
from redact.resolve.operators import OPERATORS


@lru_cache(maxsize=1)
def engine() -> AnonymizerEngine:
    """One engine with our operators registered."""
    anonymizer = AnonymizerEngine()
    for operator in OPERATORS:
        anonymizer.add_anonymizer(operator)
    return anonymizer


def splice(text: str, replacements: tuple[Replacement, ...]) -> str:
    """The text with each replacement's span swapped for its replacement (spans must not overlap)."""
    parts, cursor = [], 0
    for r in sorted(replacements, key=lambda r: r.start):
        if r.start < cursor:
            raise InternalError(f"plan has overlapping replacements at offset {r.start}")
        parts += [text[cursor : r.start], r.replacement]
        cursor = r.end
    parts.append(text[cursor:])
    return "".join(parts)


def apply_plan(text: str, plan: Plan) -> str:
    """Run every planned change through Presidio; fail if the result is not exactly what was planned."""
    results: list[RecognizerResult] = []
    operators: dict[str, OperatorConfig] = {}
    for index, r in enumerate(plan.replacements):
        if text[r.start : r.end] != r.original:
            raise InternalError(f"plan does not match the text at offset {r.start}: expected {r.original!r}")
        key = f"R{index:06d}"  # one entity type per change, so each gets its own parameters
        results.append(RecognizerResult(entity_type=key, start=r.start, end=r.end, score=r.score))
        operators[key] = OperatorConfig(r.operator, dict(r.params))
    if not results:
        return text
    outcome = engine().anonymize(text, results, operators, merge_entities_with_spaces=False)
    expected = splice(text, plan.replacements)
    if outcome.text != expected or len(outcome.items) != len(results):
        raise InternalError("the anonymiser's output differs from the replacement plan; nothing was written")
    return outcome.text
