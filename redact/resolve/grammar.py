"""Make replacements read well: possessives, capitals, titles and appositions, dates and ages."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache

import regex

from redact.detect.keep import vocabulary
from redact.resolve.context import wrapped
from redact.resolve.names import RANK_AND_COLLAR, TITLE_BEFORE, nursing_sister, strip_possessive
from redact.resolve.vocabulary import KINDS, ROLE_WORDS, first_role

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_YEAR = r"(?P<year>\d{4}|['’]?\d{2})"
_DATE_FORMS = [
    re.compile(rf"{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}", re.I),
    re.compile(rf"{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}", re.I),
    re.compile(r"(?P<day>\d{1,2})\s*[/.\-]\s*(?P<month>\d{1,2})\s*[/.\-]\s*(?P<year>\d{4}|\d{2})"),
    re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"),
    re.compile(rf"{_MONTH},?\s+{_YEAR}", re.I),
    re.compile(rf"{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH}", re.I),
    re.compile(rf"{_WEEKDAY}{_MONTH}\s+{_DAY}", re.I),
    re.compile(r"(?P<month>\d{1,2})[/.](?P<year>\d{4})"),
    re.compile(r"(?P<day>\d{1,2})/(?P<month>\d{1,2})"),  # an action log's "23/04": the month
    re.compile(rf"{_MONTH}", re.I),
]
_NUMBERS = {
    w: i
    for i, w in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
    )
}
_AGE = re.compile(
    r"(?P<aged>(?:aged|age)\s+)?(?P<n>\d+(?:\.\d+)?|" + "|".join(_NUMBERS) + r")"
    r"(?P<sep>[\s-]*)(?:(?P<unit>year|yr|month|week|day)s?)?(?P<old>[\s-]*old)?",
    re.IGNORECASE,
)


def match_case(original: str, replacement: str, sentence_start: bool = False) -> str:
    """Upper-case the replacement when the original is a word in capitals ("JAYDEN", not the initials "JO");
    capitalise it at a sentence start."""
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 3 and all(c.isupper() for c in letters):
        return replacement.upper()
    if sentence_start and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


_A_SAINTS = re.compile(r"(?i:st\.?|saint)[ \t]+\S+['’]s")


def inflect(original: str, pseudonym: str, sentence_start: bool = False) -> str:
    """The pseudonym in the original's grammatical shape: possessive kept, capitals followed."""
    bare, possessive = strip_possessive(original)
    if possessive and _A_SAINTS.fullmatch(original):
        bare, possessive = original, ""  # "St Hester's" is the school's name, not its possessive
    if possessive:
        possessive = possessive[0] + ("S" if bare.isupper() else "s")
    if not bare.strip():  # the name was dropped; only the possessive (if any) remains
        return possessive
    return match_case(bare, pseudonym, sentence_start) + possessive


def generalise_date(
    text: str, granularity: str = "month_year", dated_before: tuple[int, str] | None = None
) -> str | None:
    """ "3 May 2019" -> "May 2019"; None when the text is not a date we can read.

    ``dated_before`` is (month, year) of the last date before one written without a year ("17 March 2012 -
    ... until the early hours of 19 March"): "March 2012", where the month alone would say less and could read
    as a town named March.
    """
    stripped = text.strip()
    for form in _DATE_FORMS:
        match = form.fullmatch(stripped)
        if not match:
            continue
        parts = match.groupdict()
        month_text = parts.get("month") or ""
        month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text.lower().rstrip("."))
        if not month or not 1 <= month <= 12:
            continue
        name = calendar.month_name[month]
        year = parts.get("year") or _same_year(dated_before, month)
        if granularity == "year" and year:
            return match_case(text, _full_year(year))
        result = f"{name} {_full_year(year)}" if year else name
        return match_case(text, result)
    return _generalise_range(stripped, granularity)


# two dates the draft gives as one span: "2 - 14 July 2015", "October and December 2014", "3 May to 4 June 2015"
_RANGE = re.compile(r"(?P<first>.+?)\s*(?P<joiner>[-–—]|\bto\b|\band\b|&)\s*(?P<second>.+)", re.I)


def _generalise_range(text: str, granularity: str) -> str | None:
    """Each end of a range or pair of dates generalised, said once where both ends generalise alike."""
    match = _RANGE.fullmatch(text)
    second = generalise_date(match.group("second"), granularity) if match else None
    if match is None or second is None:
        return None
    first_text = match.group("first")
    if first_text.isdigit() or granularity == "year":  # "2 - 14 July 2015": the month of both
        return second
    first = generalise_date(first_text, granularity)
    if first is None:
        return None
    if second == first or second.startswith(first + " "):  # "3 May - 14 May 2015": May 2015
        return second
    joiner = "and" if match.group("joiner").lower() in ("and", "&") else "to"
    return f"{first} {joiner} {second}"


_DATED = re.compile(rf"(?<![\w]){_MONTH},?\s+(?:{_DAY},?\s+)?(?P<year>\d{{4}})(?![\w])", re.I)


def last_dated(before: str) -> tuple[int, str] | None:
    """(month, year) of the last date with a year in ``before`` (the text before a date), if any."""
    dates = list(_DATED.finditer(before))
    return (MONTHS[dates[-1].group("month").lower()], dates[-1].group("year")) if dates else None


def _same_year(dated: tuple[int, str] | None, month: int) -> str | None:
    """The year of the date before, for a later or the same month (an earlier month may be the next year)."""
    return dated[1] if dated and month >= dated[0] else None


def _full_year(year: str) -> str:
    digits = year.lstrip("'’")
    if len(digits) == 2:
        return ("20" if int(digits) <= 50 else "19") + digits
    return digits


_COUNT = r"(?:\d+|" + "|".join(_NUMBERS) + r")"
_COMPOUND_AGE = re.compile(
    rf"(?P<aged>(?:aged|age)\s+)?(?P<years>{_COUNT})\s*(?:years?|yrs?|y)"
    rf"(?:,?\s*(?:and\s+)?{_COUNT}\s*(?:months?|mths?|m|weeks?|wks?|w|days?|d))+(?P<old>[\s-]+old)?",
    re.IGNORECASE,
)


def generalise_age(text: str) -> str | None:
    """Ages in months/weeks/days -> whole years ("aged 19 months" -> "aged 1 year"); years unchanged."""
    compound = _COMPOUND_AGE.fullmatch(text.strip())
    if compound:
        written = compound.group("years")
        plural = "" if _NUMBERS.get(written.lower(), written) in (1, "1") else "s"
        result = f"{compound.group('aged') or ''}{written} year{plural}{compound.group('old') or ''}"
        return match_case(text, result)
    match = _AGE.fullmatch(text.strip())
    if not match:
        return None
    raw = match.group("n").lower()
    number = float(_NUMBERS[raw]) if raw in _NUMBERS else float(raw)
    unit = (match.group("unit") or "year").lower()
    if unit in ("year", "yr"):
        return text
    per_year = {"month": 12, "week": 52, "day": 365}[unit]
    years = int(number // per_year)
    hyphenated = "-" in match.group("sep") and match.group("old") is not None and "-" in match.group("old")
    if hyphenated:
        result = f"{years}-year-old" if years else "young"
    else:
        amount = f"{years} year{'s' if years != 1 else ''}" if years else "under 1 year"
        result = (match.group("aged") or "") + amount + (" old" if match.group("old") else "")
    return match_case(text, result)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    drop_name: bool = False  # the name is dropped (the role words before it already say who)
    couple: bool = False  # "Mr and Mrs Quill": the span opens with the husband the wife's surname also names
    household: bool = False  # "the Quills": the family, not one of them


def _roles_equal(words: str, role: str) -> bool:
    said = first_role(words)
    return said is not None and (said == role or role.endswith("_" + said))


# Words that may stand between "the" and a job ("the allocated social worker"); any other word (a verb,
# "told") ends the lead, so "She told social worker Jane Smith" keeps "She told".
_MODIFIER = (
    r"(?:allocated|new|previous|former|named|duty|senior|student|locum|agency|assessing|community|specialist|"
    r"consultant|lead|designated|independent|treating|attending|on-call|covering|then|first|second|third|same|"
    r"other|another|qualified|newly|trainee|acting|deputy|assistant|children['’]s|family['’]s|case|ward|practice)"
)
_BEFORE_ROLE = re.compile(
    r"(?P<lead>(?:\b(?:the|his|her|their|its|our|a|an)\s+|\b(?P<anchor>[A-Z][\w'’-]*)['’]s\s+)"
    r"(?:" + _MODIFIER + r"\s+){0,2})?(?P<role>" + ROLE_WORDS + r")(?P<gap>[^\S\t]*(?P<comma>,)?[ ]+)$",
    re.IGNORECASE,
)  # a tab parts two table cells: "Mother<TAB>Hester Quill" is a label and a name, not one phrase
# ", the social worker," after a name; not ", PC 10877 Bibi", the rank of the next name in a list
_AFTER_ROLE = re.compile(
    r"^(?P<lead>\s*,\s*(?:(?:the|his|her|their|a|an)\s+)?(?:[a-z][\w-]*\s+){0,2}?)(?P<role>" + ROLE_WORDS
    + r")(?!\s+(?:by|for|from|with|to)\b)(?![ \t]+(?:\d|[A-Z][a-z]))(?P<tail>\s*,)?(?=[\s.;:)]|$)",
    re.IGNORECASE,
)  # fmt: skip
_PAREN_AFTER = re.compile(r"^\s*\((?P<phrase>[^()]{1,40})\)")


# "Mr and " before "Mrs Quill": a couple named by the one surname
_COUPLE_BEFORE = re.compile(r"(?<![\w'’])Mr\.?[ \t]+(?:and|&)[ \t]+$")


# "Baby Hereward" in a birth record: "Baby" written as a title before the child's surname.
# "with the Knotleys" (not "the Knotleys' house", nor "the Quill family", which says its noun itself)
_PLURAL_SURNAME_AFTER_THE = regex.compile(
    r"\b(?i:the)[ \t]+\p{Lu}[\p{L}'’-]+s(?!['’\w])(?![ \t]+(?:family|household|children|twins|siblings|boys|girls)\b)"
)
_BABY_BEFORE = re.compile(r"(?<![\w'’])Baby[ \t]+$")
_LABEL_BEFORE = re.compile(r"(?<![\w'’])(?:Baby|BABY|Child|CHILD)[ \t]+$")  # a review's label before its letter


@lru_cache(maxsize=1)
def _relations() -> str:
    return "|".join(re.escape(r) for r in sorted(vocabulary().relations, key=len, reverse=True))


@lru_cache(maxsize=1)
def kin_in_quotes() -> re.Pattern[str]:
    """What a child calls a relative, inside the quotes of a name: '"Nana Bernie"', '"Uncle Mo"'."""
    return re.compile(rf"[\"“‘'](?P<kin>(?i:{_relations()})(?:[ \t]+|[ \t]*\n[ \t]*))$")  # '"Grandpa<WRAP>Iggy"' too


@lru_cache(maxsize=1)
def _kin_as_title() -> re.Pattern[str]:
    """A relative's name with what the children call her, capitalised as a title: "to Nana Bernie", "Uncle Mo"."""
    return re.compile(rf"(?<![\w'’-])(?P<kin>(?=[A-Z])(?i:{_relations()}) +)$")  # a tab: the label cell "Mother"


def person_span(text: str, start: int, end: int, role: str | None, taken: list[tuple[int, int]]) -> Span:
    """The span to replace for a PERSON mention: the name plus any title, repeated role words or apposition.

    ``taken`` holds spans of other findings; the span never grows into them.
    """

    def free(a: int, b: int) -> bool:
        return not any(s < b and a < e and not (s == start and e == end) for s, e in taken)

    line_start = text.rfind("\n", 0, start) + 1
    new_start, new_end = start, end
    before = text[max(line_start, start - 40) : start]
    label = _LABEL_BEFORE if re.fullmatch(r"[A-Z]{1,3}", text[start:end]) else _BABY_BEFORE  # "Child Q" -> "Child A"
    title = TITLE_BEFORE.search(before) or nursing_sister(before) or label.search(before[-10:])
    if title and free(start - len(title.group(0)), start):
        new_start = start - len(title.group(0))
        if title.re in (_BABY_BEFORE, _LABEL_BEFORE):
            return Span(new_start, new_end)  # "Baby Hereward" -> "Child A", not "Baby"
        couple = _COUPLE_BEFORE.search(text, max(line_start, new_start - 12), new_start)
        if couple and free(couple.start(), new_start):
            return Span(couple.start(), new_end, couple=True)
    kin = kin_in_quotes().search(text[max(0, start - 40) : start]) or _kin_as_title().search(before)
    if kin and free(start - len(kin.group("kin")), start):
        new_start = start - len(kin.group("kin"))  # '("Nana Bernie")' -> '("Maternal grandmother")', not "Nana ..."
    rank = RANK_AND_COLLAR.search(text, max(0, start - 40), start)  # "Sgt 3390<LINE>Fairhurst" too
    if rank and all(s >= end or e <= rank.start() or (s, e) == rank.span("number") for s, e in taken if e <= start):
        new_start = rank.start()  # the collar number goes with the name (the resolver drops its own change)
    if _PLURAL_SURNAME_AFTER_THE.search(text, max(0, start - 4), end):  # "stayed with the Knotleys": the family
        return Span(start, end, household=True)
    kind = KINDS.get(role or "")
    if kind is None or _possessive_inside(text[start:end]):
        return Span(new_start, new_end)
    # the role words may end the line before, where pasted prose wrapped: "Her father,<LINE>Lance Corporal Quill"
    reach = _wrapped_line_start(text, line_start)
    before = _BEFORE_ROLE.search(text[max(reach, new_start - 80) : new_start].replace("\n", " "))
    if before and _roles_equal(before.group("role"), kind.role):
        role_end = new_start - len(before.group("gap"))
        lead_start = new_start - len(before.group(0))
        if kind.numbering == "unique":
            after_comma = text[end : end + 1] == "," and before.group("comma")
            return Span(role_end, end + (1 if after_comma else 0), drop_name=True)
        if not kind.family and not before.group("anchor") and free(lead_start, new_start):
            closing = before.group("comma") and text[end : end + 1] == ","
            return Span(lead_start, new_end + (1 if closing else 0))
    after = _AFTER_ROLE.match(text[end : end + 80])
    if after and _roles_equal(after.group("role"), kind.role) and free(end, end + len(after.group(0))):
        return Span(new_start, end + len(after.group(0)))
    paren = _PAREN_AFTER.match(text[end : end + 60])
    if paren and _roles_equal(paren.group("phrase"), kind.role) and free(end, end + len(paren.group(0))):
        return Span(new_start, end + len(paren.group(0)))
    # "the Quill family", "The Quill children": the family's name goes, its noun says who
    family = re.match(r"[ \t]+(?:family|household|children|twins|siblings|boys|girls)\b", text[end : end + 20])
    if family and re.search(r"\bthe[ \t]+$", text[max(0, new_start - 5) : new_start], re.IGNORECASE):
        return Span(new_start, end + 1, drop_name=True)
    return Span(new_start, new_end)


def _wrapped_line_start(text: str, line_start: int) -> int:
    """Where the line before starts, if pasted prose wrapped from it into this one; else ``line_start``."""
    previous = text.rfind("\n", 0, max(0, line_start - 1)) + 1
    return previous if line_start > 0 and wrapped(text, previous, line_start - 1) else line_start


def _possessive_inside(span: str) -> bool:
    return bool(strip_possessive(span)[1])
