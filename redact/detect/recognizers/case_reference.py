"""Agency case references: crime numbers, case numbers, URNs, file and application references."""

from __future__ import annotations

import regex
from presidio_analyzer import Pattern

from redact.detect.recognizers.base import UkPatternRecognizer
from redact.detect.recognizers.dates import NUMERIC

_CUE = (
    r"(?<=\b(?i:ref(?:erence)?|urn|crn|upn|uln|pnc|cris|crime|case|incident|log|application|file|referral|occurrence|"
    r"job|claim|record|warrant)\.?[ \t]*(?:(?i:ref(?:erence)?|no|nos|number|num|id)\.?[ \t]*)?[:#]?[ \t]*)"
)
_TOKEN = r"(?=[A-Za-z0-9/-]*\d)[A-Za-z0-9]+(?:[/-][A-Za-z0-9]+)*"
_B, _E = r"(?<![\w/-])", r"(?![\w/]|-\w)"
_DATE = regex.compile(NUMERIC)
_YEAR_RANGE = regex.compile(r"((?:19|20)\d{2})/((?:19|20)\d{2})")


class UkCaseReferenceRecognizer(UkPatternRecognizer):
    """Reference numbers: after a cue word ("ref", "crime number", "URN" ...) any token with digits;
    without one, letter-prefixed references with slashes or dashes ("CSC/2019/04417"); bare numeric
    ones ("19/123456") and mixed codes ("12AB3456789") need a context word."""

    ENTITY = "CASE_REFERENCE"
    PATTERNS = [
        Pattern("after reference cue", _CUE + _TOKEN + _E, 0.85),
        Pattern(
            "prefixed reference",
            _B + r"[A-Z]{2,6}(?:[/-][A-Z0-9]{1,10})*[/-]\d{3,}(?:[/-][A-Z0-9]{1,10})*" + _E,
            0.6,
        ),
        Pattern("numeric reference", _B + r"\d{2,4}/\d{4,}(?:/\d+)*" + _E, 0.35),
        Pattern("mixed code", _B + r"\d{2}[A-Z]{2}\d{5,}" + _E, 0.4),
    ]
    CONTEXT = [
        "ref", "reference", "urn", "crn", "crime", "case", "incident", "log", "application", "file",
        "referral", "occurrence", "number", "police", "record", "court",
    ]  # fmt: skip

    def is_valid(self, text: str) -> bool:
        digits = sum(c.isdigit() for c in text)
        if len(text) < 5 or digits < 3 or _DATE.fullmatch(text):
            return False
        years = _YEAR_RANGE.fullmatch(text)
        if years and int(years[2]) - int(years[1]) == 1:  # 2018/2019, a financial year
            return False
        return not text.isdigit() or not (len(text) == 4 and text[:2] in ("19", "20"))


class PoliceCollarNumberRecognizer(UkPatternRecognizer):
    """An officer's collar (warrant) number after a rank: "PC 4471", "DC 2210", "PCSO 31"."""

    ENTITY = "CASE_REFERENCE"
    PATTERNS = [
        Pattern(
            "collar number",
            r"(?<=\b(?:PC|DC|PS|DS|PCSO|Sgt\.?|Sergeant|Constable|Officer)[ \t]+)\d{2,5}(?![\w/.-])",
            0.8,
        ),
    ]
