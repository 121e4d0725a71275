"""Dates that name a day or a month (DATE), and dates of birth in context (DATE_OF_BIRTH).

Bare years ("in 2019", "Children Act 1989") and durations ("three weeks") are not dates here.
"""

from __future__ import annotations

import calendar

from presidio_analyzer import Pattern

from redact.detect.recognizers.base import UkPatternRecognizer


def _month_names() -> str:
    full = [calendar.month_name[i] for i in range(1, 13)]
    short = [calendar.month_abbr[i] for i in range(1, 13) if calendar.month_abbr[i] != "May"] + ["Sept"]
    names = sorted(full + short, key=len, reverse=True)
    return "|".join(names + [n.upper() for n in names])


MONTH = r"(?:" + _month_names() + r")\.?"
FULL_MONTH = "(?:" + "|".join(calendar.month_name[i] for i in range(1, 13)) + ")"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th|ST|ND|RD|TH)?"
YEAR = r"(?:19|20)\d{2}"
_B, _E = r"(?<![\w/.-])", r"(?![\w]|[/.-]\d)"
SP = r"[ \t]+"

DAY_MONTH_YEAR = DAY + r"(?:" + SP + r"(?i:of))?[ \t-]+" + MONTH + r",?[ \t-]+" + YEAR
MONTH_DAY_YEAR = MONTH + SP + DAY + r",?" + SP + YEAR
MONTH_YEAR = MONTH + r",?" + SP + YEAR
DAY_MONTH = DAY + r"(?:" + SP + r"(?i:of))?" + SP + MONTH
MONTH_ORDINAL = MONTH + SP + r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)"
_NUM_DAY, _NUM_MONTH = r"(?:3[01]|[12]\d|0?[1-9])", r"(?:1[0-2]|0?[1-9])"
NUMERIC = (
    r"(?:"
    + _NUM_DAY
    + r"([/-])"
    + _NUM_MONTH
    + r"\1(?:"
    + YEAR
    + r"|\d{2})"  # 03/05/2019, 3-5-19
    + r"|"
    + _NUM_DAY
    + r"\."
    + _NUM_MONTH
    + r"\."
    + YEAR  # 03.05.2019 (not section numbers like 3.5.19)
    + r"|"
    + YEAR
    + r"-(?:1[0-2]|0[1-9])-(?:3[01]|[12]\d|0[1-9]))"  # ISO 2019-05-03
)
ANY_DATE = "(?:" + "|".join([DAY_MONTH_YEAR, MONTH_DAY_YEAR, MONTH_YEAR, NUMERIC.replace(r"\1", r"[/-]")]) + ")"
_MONTH_CUE = (
    r"(?<=\b(?:in|during|by|until|till|since|from|before|after|throughout|early|mid|late|end of|"
    r"beginning of|start of|middle of|In|During|By|Until|Since|From|Before|After|Throughout|Early|Late)"
    r"[ \t]+(?:the[ \t]+)?(?:(?:early|mid|late)[ \t-]+)?)"
)


class UkDateRecognizer(UkPatternRecognizer):
    """Day-month-year, month-year, day-month, numeric (UK order) and ISO dates, and a month name
    after a time word ("in March")."""

    ENTITY = "DATE"
    PATTERNS = [
        Pattern("day month year", _B + DAY_MONTH_YEAR + _E, 0.85),
        Pattern("month day year", _B + MONTH_DAY_YEAR + _E, 0.85),
        Pattern("numeric date", _B + NUMERIC + _E, 0.8),
        Pattern("month year", _B + MONTH_YEAR + _E, 0.8),
        Pattern("day month", _B + DAY_MONTH + r"(?!\w)", 0.7),
        Pattern("month ordinal", _B + MONTH_ORDINAL + r"(?!\w)", 0.7),
        Pattern("month after time word", _MONTH_CUE + FULL_MONTH + r"(?!\w)", 0.6),
    ]
    CONTEXT = ["on", "date", "dated"]


_DOB_CUE = (
    r"(?<=(?:\b(?i:d\.?o\.?b\.?|date[ \t]+of[ \t]+birth|birth[ \t]?date|born(?:[ \t]+[^.\n]{0,60}?[ \t]+on)?)"
    r"|\bb\.)[ \t]*[:|–-]?[ \t]*(?:(?i:on|in)[ \t]+)?(?:the[ \t]+)?)"
)


class UkDateOfBirthRecognizer(UkPatternRecognizer):
    """A date right after "DOB", "D.O.B.", "date of birth", "born (on)" or "b."; the span is the
    date only. It outscores the plain date recogniser on the same span."""

    ENTITY = "DATE_OF_BIRTH"
    PATTERNS = [
        Pattern("date after birth cue", _DOB_CUE + ANY_DATE + _E, 0.95),
        Pattern("day month after birth cue", _DOB_CUE + DAY_MONTH + r"(?!\w)", 0.9),
        Pattern(
            "second date after birth cue", r"(?<=" + _DOB_CUE + ANY_DATE + r",?[ \t]+and[ \t]+)" + ANY_DATE + _E, 0.9
        ),
    ]
    CONTEXT = ["birth", "born", "dob"]
