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
    full_names = sorted(full, key=len, reverse=True)
    short_names = sorted(short, key=len, reverse=True)
    return "|".join(full_names + [n.upper() for n in full_names] + [rf"{n}\.?|{n.upper()}\.?" for n in short_names])


MONTH = r"(?:" + _month_names() + r")"
FULL_MONTH = "(?:" + "|".join(calendar.month_name[i] for i in range(1, 13)) + ")"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th|ST|ND|RD|TH)?"
YEAR = r"(?:19|20)\d{2}"
# a date ends at no letter or digit, or at a footnote's number glued to its year by text pasted from a PDF
# ("born on 1 June 20101, given by the Home Office": the year 2010 and note 1), or at a table's next cell run on
# after its year ("12/10/2010GP letter", "4 May 2011Police": a capital after a four-digit year)
_B = r"(?<![\w/.-])"
_E = r"(?:(?![\w]|[/.-]\d)|(?<=(?:19|20)\d\d)(?=\d{1,2}(?![\w]|[/.-]\d)|\p{Lu}))"
SP = r"[ \t]+"

# a line may break inside a full date, as text pasted out of a PDF breaks it ("on 24<LINE>November 2011")
_GAP = r"(?:[ \t-]+|[ \t]*\n[ \t]*)"
DAY_MONTH_YEAR = DAY + r"(?:" + SP + r"(?i:of))?" + _GAP + MONTH + r",?" + _GAP + YEAR
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
# A date of another calendar, as an asylum-seeking child gives it: the Solar Hijri (Iran, Afghanistan: "1 Farvardin
# 1381"), the Islamic and the Ethiopian months, with the English spellings of the Unicode CLDR (see data/SOURCES.md)
_OTHER_CALENDARS_MONTHS = (
    "Farvardin|Ordibehesht|Khordad|Tir|Mordad|Shahrivar|Mehr|Aban|Azar|Dey|Bahman|Esfand"
    "|Muharram|Safar|Rabi[ʻ'’ ]?(?:al|I{1,2})[- ]?(?:awwal|thani|akhir)?|Jumada[ʻ'’ ]?(?:al|I{1,2})[- ]?(?:ula|awwal|"
    "akhirah|thani)?|Rajab|Sha[ʻ'’]?ban|Ramadan|Shawwal|Dhu[ʻ'’ ]?l?[- ]?(?:Qi|Qa)[ʻ'’]?dah|Dhu[ʻ'’ ]?l?[- ]?Hijjah"
    "|Meskerem|Tekemt|Tikimt|Hedar|Hidar|Tahsas|Ter|Yekatit|Megabit|Miazia|Miyazya|Genbot|Ginbot|Sene|Hamle|Nehasse"
    "|Nehase|Pagumen|Pagume"
)
OTHER_CALENDAR_DATE = DAY + SP + r"(?-i:" + _OTHER_CALENDARS_MONTHS + r")" + SP + r"1?\d{3,4}"
ANY_DATE = "(?:" + "|".join([DAY_MONTH_YEAR, MONTH_DAY_YEAR, MONTH_YEAR, NUMERIC.replace(r"\1", r"[/-]")]) + ")"
# Day-month with no year ("7/3", "26/03"), the way case notes and chronologies write dates. Only in
# a date position: after a time word or weekday, after "w/c", at the start of a line or table cell,
# or as the second date of a pair ("from 7/3 to 9/3"). Never "aged 4/12" (months), "3/10" (a score)
# or "1/2 an hour".
SHORT_NUMERIC = r"(?:3[01]|[12]\d|0?[1-9])/(?:1[0-2]|0?[1-9])"
_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:\.|day)?|Tuesday|Wednesday|Thursday|Saturday"
_SHORT_CUE = (
    r"(?:(?<=\b(?i:on|dated|seen|from|until|till|since|by|before|after|w/c|w/e|w/b|wc|week[ \t]+commencing|"
    r"week[ \t]+ending|between)[ \t]+(?:the[ \t]+)?)"
    r"|(?<=\b(?:" + _WEEKDAY + r"),?[ \t]+)"
    r"|(?<=(?:^|\n)[ \t]*(?:[-*•–][ \t]+)?)"
    r"|(?<=\b" + SHORT_NUMERIC + r"[ \t]*(?:[-–]|to|and|&)[ \t]*))"
)
_NOT_AFTER_SHORT = (
    r"(?![\w/]|[.,]\d|[ \t]*(?i:old\b|of\b|an?\b|hours?\b|hrs?\b|mins?\b|minutes?\b|score|marks?\b|points?\b|"
    r"pts\b|times\b|ths\b|weeks?\b|months?\b|years?\b|days?\b|post\b|gestation|pregnant|%))"
)
_SHORT_DATE = _SHORT_CUE + r"(?<![\w/.-])(?!24/7\b)" + SHORT_NUMERIC + _NOT_AFTER_SHORT
# an action log's "by" column: "Circulate the minutes   AW   23/04" (not "04/12", a baby's age in months),
# written with two digits each, not a score ("3/4")
_SHORT_DATE_IN_A_COLUMN = r"(?<=(?:[ ]{2}|\t))(?:3[01]|[12]\d|0[1-9])/(?:1[01]|0[1-9])(?=[ \t]*(?:\n|$))"
# a day's digit or a month's first letter: checked before a long look back at a cue, which is slow at every letter
_OPENS_A_DATE = r"(?=\d|[JFMASONDjfmasond])"
# Dotted day-month-year with a two-digit year ("14.9.21"): not a section number ("see 3.5.19"),
# and at a line start only when a separator follows or the day or month is zero-padded ("14.09.21").
_DOTTED_SHORT = _NUM_DAY + r"\." + _NUM_MONTH + r"\.\d{2}"
_SECTION_CUE = (
    r"(?<!(?i:para|paragraph|paras|section|sections|s|chapter|appendix|table|figure|fig|page|p|pp|§)\.?[ \t]+)"
)
_DOTTED = (
    r"(?:(?<=[^\s][ \t]+|\()" + _SECTION_CUE + _B + _DOTTED_SHORT + r"(?![\w]|[/.-]\d)"
    r"|(?<=(?:^|\n)[ \t]*)(?:" + _DOTTED_SHORT + r"(?=[ \t]*(?:[-–:|,)]|\t|$|\n))"
    r"|(?=\d{0,2}\.0\d|0\d)" + _DOTTED_SHORT + r"(?![\w]|[/.-]\d)))"
)
# Ranges of days or months: "21-25 November 2022", "21 to 25 November", "between 3 and 5 May",
# "March-May 2019"; the whole range is one date.
_RANGE_JOIN = r"(?:[ \t]*[-–&][ \t]*|[ \t]+(?:to|and|until|till)[ \t]+)"
DAY_RANGE = (
    DAY + r"(?:,[ \t]*" + DAY + r")*" + r",?" + _RANGE_JOIN + DAY_MONTH + r"(?:,?[ \t]+" + YEAR + r")?"
)  # "21-25 November 2022", "7th, 8th and 9th March"
MONTH_RANGE = MONTH + _RANGE_JOIN + MONTH + r",?" + SP + YEAR
# "Sept 21", "March '21": a month and a two-digit year (not "May 21", which reads as a day).
MONTH_SHORT_YEAR = (
    r"(?:(?!May\b)" + MONTH + SP + r"['’]?|May" + SP + r"['’])\d{2}(?![\w/:.,-]\d|\w|[ \t]*(?:st|nd|rd|th)\b)"
)
# "on March 7", "by June 3" (American order, after a time word).
_DAY_CUE = r"(?<=\b(?i:on|by|from|until|till|since|before|after|dated)[ \t]+)"
MONTH_DAY = _DAY_CUE + MONTH + SP + r"(?:3[01]|[12]\d|0?[1-9])(?![\w/:.]|[ \t]*(?:,[ \t]*)?(?:19|20)\d\d)"
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
        Pattern("short numeric date in date position", _SHORT_DATE, 0.65),
        Pattern("short numeric date ending a table row", _SHORT_DATE_IN_A_COLUMN, 0.65),
        Pattern("dotted date, short year", _DOTTED, 0.7),
        Pattern("day range", _B + DAY_RANGE + r"(?!\w)", 0.86),
        Pattern("month range", _B + MONTH_RANGE + _E, 0.86),
        Pattern("month and short year", _B + MONTH_SHORT_YEAR, 0.65),
        Pattern("month day after time word", MONTH_DAY, 0.65),
        Pattern("another calendar's day month year", _B + OTHER_CALENDAR_DATE + _E, 0.85),
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
        Pattern("date after birth cue", _OPENS_A_DATE + _DOB_CUE + ANY_DATE + _E, 0.95),
        Pattern("day month after birth cue", r"(?=\d)" + _DOB_CUE + DAY_MONTH + r"(?!\w)", 0.9),
        Pattern("another calendar's date after birth cue", r"(?=\d)" + _DOB_CUE + OTHER_CALENDAR_DATE + _E, 0.95),
        Pattern(  # "d.o.b 3.4.95"
            "dotted date after birth cue", r"(?=\d)" + _DOB_CUE + _DOTTED_SHORT + r"(?![\w]|[/.-]\d)", 0.9
        ),
        Pattern(  # "(DOB 02/01)": a case note's birthday without its year
            "numeric day and month after birth cue",
            r"(?=\d)" + _DOB_CUE + _NUM_DAY + r"/" + _NUM_MONTH + r"(?![\w]|[/.-]\d)",
            0.85,
        ),
        Pattern(
            "second date after birth cue",
            _OPENS_A_DATE + r"(?<=" + _DOB_CUE + ANY_DATE + r",?[ \t]+and[ \t]+)" + ANY_DATE + _E,
            0.9,
        ),
    ]
    CONTEXT = ["birth", "born", "dob"]
