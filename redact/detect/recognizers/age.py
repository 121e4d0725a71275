"""Ages: "aged 4", "4-year-old", "16 months old", "aged four", "six weeks old", "age of 15"."""

from __future__ import annotations

from presidio_analyzer import Pattern

from redact.detect.recognizers.base import UkPatternRecognizer

_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBER_WORD = (
    r"(?:(?:" + "|".join(_TENS) + r")(?:[ -](?:" + "|".join(_UNITS) + r"))?"
    r"|" + "|".join(_TEENS + _UNITS) + r")"
)
NUMBER = r"(?:\d{1,3}(?:\.\d)?|" + NUMBER_WORD + r")(?:[ \t]+and[ \t]+a[ \t]+half)?"
UNIT = r"(?:years?|yrs?|months?|weeks?|days?)"
S = r"[ \t]+"

AGED = (
    r"\baged"
    + S
    + NUMBER
    + r"(?:"
    + S
    + UNIT
    + r"(?:,?"
    + S
    + r"(?:and"
    + S
    + r")?"
    + NUMBER
    + S
    + UNIT
    + r")?)?(?:"
    + S
    + r"old)?"
)
N_UNIT_OLD = r"\b" + NUMBER + r"[ \t-]+" + UNIT + r"[ \t-]+old\b"
AGE_OF = r"\bage" + S + r"of" + S + NUMBER + r"(?:" + S + UNIT + r")?"


class UkAgeRecognizer(UkPatternRecognizer):
    """Ages written with "aged", "... old" or "the age of". A bare duration is not an age."""

    ENTITY = "AGE"
    PATTERNS = [
        Pattern("aged n", r"(?i:" + AGED + r")(?!\w)", 0.85),
        Pattern("n units old", r"(?i:" + N_UNIT_OLD + r")", 0.85),
        Pattern("age of n", r"(?i:" + AGE_OF + r")(?!\w)", 0.8),
    ]
    CONTEXT = ["aged", "age", "old"]
