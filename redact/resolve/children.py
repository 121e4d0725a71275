"""Evidence that a named person is a child: parents, an age under 18, a recent birth, going to school.

Each cue is credited to one PERSON mention: the possessor in "Jayden's mother", otherwise the nearest
mention before the cue in the same sentence ("Jayden lived with his mother", "Susan, aged 8,").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence

from redact.resolve.context import sentence_bounds
from redact.resolve.model import Mention
from redact.resolve.names import TITLE_BEFORE, name_gender, parse_name, title_gender

ADULT_AGE = 18
_PARENT = r"(?:birth\s+|biological\s+)?(?:mother|father|parents|mum|dad|mummy|daddy)\b"
_POSSESSIVE_PARENT = re.compile(r"\s*['’]s\s+" + _PARENT, re.IGNORECASE)
_PRONOUN_PARENT = re.compile(r"\b(?:his|her|their)\s+" + _PARENT, re.IGNORECASE)
_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
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
            "twenty",
        ]
    )  # fmt: skip
}
_N = r"(?P<n>\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")"
_AGE = re.compile(
    r"\baged?\s+" + _N + r"\b(?!\s*(?:-|to|and|or)\s*\d)(?:\s*(?P<unit>years?|months?|weeks?|days?))?"
    r"|\b" + _N.replace("<n>", "<n2>") + r"[- ](?P<unit2>years?|months?|weeks?|days?)[- ]old\b",
    re.IGNORECASE,
)
# a family table's age cell in months or weeks: "Tobiah Quill<TAB>Half-brother<TAB>8 mths"
_CELL_AGE = re.compile(r"(?<=\t)\d{1,2}[ ]?(?:mths?|months?|wks?|weeks?|days?)(?=[ \t]*(?:\t|\n|$))", re.IGNORECASE)
# "with Tobiah Quill driving and a 14 year old girl": an age after an article describes someone new, not the name
_ANOTHER_PERSON_BEFORE = re.compile(r"\b(?:a|an|another|one|two|three|other)\s+$", re.IGNORECASE)
# a case note's age right after the name: "Kelly 11y", "Jimmy 7yo", "Ebun 4/12" (months), "baby 3/52" (weeks),
# "Maja 6 wks" (not "Tobiah 3 weeks later")
_CASE_NOTE_AGE = re.compile(
    r"[ \t]*,?[ \t]*\(?(?P<n>\d{1,2})[ \t]?(?P<unit>y|yrs?|yo|/12|/52|wks?|weeks?|mths?|months?)(?![\w/])"
    r"(?![ \t]+(?:later|ago|after|before|earlier|on)\b)"
)
_YEARS = frozenset({"y", "yr", "yrs", "yo"})
# the draft's own label for a child, then the name in brackets: "Child H (Ebun", "Twin 2 (Mabel"
_CHILD_LABEL_BEFORE = re.compile(r"\b(?:Child|Baby|Twin)[ ]+(?:[A-Z]|[1-9])[ \t]*\([ \t]*$")
# a bare age in brackets right after a name, as a household list gives it: "Ebun (4)", "Tobiah Quill (30 years)"
_BRACKET_AGE = re.compile(r"[ \t]*\([ \t]*(?P<n>\d{1,2})(?:[ \t]*(?:years?|yrs?))?[ \t]*\)")
_BORN = re.compile(
    r"\bborn\s+(?:(?:on|in)\s+)?(?:\w+\s+){0,3}?(?P<year>(?:19|20)\d{2})\b|\bborn\s+on\s+\d", re.IGNORECASE
)
# a record's date-of-birth line after the name's: "DOB: 14/02/2006"
_DOB_LINE = re.compile(
    r"^[ \t]*(?:dob|d\.o\.b\.?|date[ \t]+of[ \t]+birth)[ \t]*:?[ \t]*"
    r"\d{1,2}[/.-]\d{1,2}[/.-](?P<year>(?:19|20)?\d{2})\b",
    re.IGNORECASE | re.MULTILINE,
)
# a birth date right after a name: "Tobiah Quill (DOB 21/07/2015)", "Ebun Quill, born 04/03/2019"
_DOB_AFTER = re.compile(  # past what he is called: 'Tobiah Quill jnr ("Tobs"), DOB 21/07/2015'
    # and a key's "TQ = Tobiah Quellode ("Tobs") - DOB 14/01/2008"
    r"(?:[ \t]+(?:jnr|junior|jr)\.?)?(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*(?:[(,]|[ \t][-–—])[ \t]*"
    r"(?:dob|d\.o\.b\.?|born)[ \t]*:?[ \t]*"
    r"\d{1,2}[/.-]\d{1,2}[/.-](?P<year>(?:19|20)?\d{2})\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_SCHOOL = re.compile(
    r"^\s+(?:had\s+|has\s+|then\s+|also\s+|had\s+been\s+)?(?:attended|attends|started(?:\s+at)?|starts|joined|"
    r"went\s+to|goes\s+to|was\s+(?:enrolled|registered)\s+at|moved\s+to)\s+(?:[\w'’-]+\s+){0,6}?"
    r"(?:school|nursery|pre-?school|playgroup|academy|reception|year\s+\d+|y[1-9]|y1[0-3]|(?:lower|upper)\s+sixth|"
    r"sixth\s+form)\b",
    re.IGNORECASE,
)
# a case note's patient brought by a parent: "Adaeze with mother", "Jay seen with his dad"
_WITH_PARENT = re.compile(
    r"[ \t]+(?:was[ \t]+)?(?:seen[ \t]+|brought[ \t]+)?with[ \t]+(?:(?:his|her)[ \t]+)?" + _PARENT
)


_PRONOUN_GENDER = {"his": "m", "her": "f"}


def _gender(text: str, mention: Mention) -> str | None:
    """The gender a mention's title or first name gives ("Mr Evans", "Kelly"), if any."""
    title = TITLE_BEFORE.search(text[max(0, mention.start - 30) : mention.start])
    parts = parse_name(mention.text, title.group(0) if title else "")
    first = parts.first or (parts.single if not parts.titles else None)
    return title_gender(list(parts.titles)) or (name_gender(first) if first and len(first) > 1 else None)


def _young(match: re.Match[str]) -> bool:
    raw = (match.group("n") or match.group("n2")).lower()
    unit = (match.group("unit") or match.group("unit2") or "year").lower()
    value = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
    return not unit.startswith("year") or value < ADULT_AGE


# what may stand between a name and the age the draft gives it: "X, then aged 20", "X (née Y) was 21 years old"
# (a quoted name's closing quote and bracket may come first: 'Tobiah Quill ("Tobs"), aged 20')
_AGE_LEAD = re.compile(r"[\"”’)]{0,2}[\s,(]*(?:then\s+|now\s+|(?:who\s+)?(?:was|is)\s+(?:then\s+|now\s+)?)?")
# "(née Quill)" before "was 21"; '("Tobs")' before ", aged 20"
_ASIDE_LEAD = re.compile(r"\s*\((?:(?:née|nee|formerly)\b[^()\n]{0,40}|[\"“‘][^\"”’()\n]{1,30}[\"”’])\)")


# a birth year in brackets or after a comma: "Tobiah Quill (born 22 January 1993)", "(DOB 03/02/1993)", ", born 1995"
_BORN_IN_BRACKETS = re.compile(
    r"[ \t]*[(,][ \t]*(?:dob|d\.o\.b\.?|born)[ \t]*:?[ \t]*(?:on[ \t]+|in[ \t]+)?[^()\n]{0,20}?"
    r"(?P<year>(?:19|20)\d{2})\b",
    re.IGNORECASE,
)
# so many years before the draft's latest year, a birth is a grown-up's though the draft was written years later
_GROWN_UP_BY = ADULT_AGE + 4


def stated_adults(text: str, mentions: Sequence[Mention]) -> set[int]:
    """Start offsets of PERSON mentions the draft gives an adult's age right after ("Jordan Pask, then aged
    20, was convicted", "Dorcas (née Quill) was 21 years old", "Tobiah Quill (born 3 May 1993)" in a draft of
    2017): whatever else is said of them ("grew up with his mother"), they are no child."""
    latest_year = max((int(y) for y in _YEAR.findall(text)), default=None)
    starts = set()
    for mention in mentions:
        born = _BORN_IN_BRACKETS.match(text, mention.end)
        if mention.label == "PERSON" and born and latest_year and latest_year - int(born.group("year")) >= _GROWN_UP_BY:
            starts.add(mention.start)
        aside = _ASIDE_LEAD.match(text, mention.end)
        lead = _AGE_LEAD.match(text, aside.end() if aside else mention.end)
        age = _AGE.match(text, lead.end(), lead.end() + 30)
        bracketed = _BRACKET_AGE.match(text, mention.end)
        if age and not opens_its_line(text, mention.start) and re.search(r"\t|\|", text[mention.end : age.start()]):
            age = None  # "recruited KD<TAB>aged 19": the next cell's age is the row's person's, not KD's
        if mention.label == "PERSON" and (
            (age and not _young(age)) or (bracketed and int(bracketed.group("n")) >= ADULT_AGE)
        ):
            starts.add(mention.start)
    return starts


def opens_its_line(text: str, start: int) -> bool:
    """Nothing but a bullet, a table's bar or white space stands before ``start`` on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip(" \t|-*•")


def _in_closed_brackets(text: str, mention: Mention, offset: int) -> bool:
    """The mention stands in brackets that close before ``offset``: an aside about someone else."""
    opened = text.rfind("(", 0, mention.start)
    return opened >= 0 and text.rfind(")", opened, mention.start) < 0 and ")" in text[mention.end : offset]


def child_evidence(text: str, mentions: Sequence[Mention]) -> Counter[int]:
    """How many child cues each PERSON mention carries, keyed by the mention's start offset."""
    people = sorted((m for m in mentions if m.label == "PERSON"), key=lambda m: m.start)
    starts = [m.start for m in people]
    latest_year = max((int(y) for y in _YEAR.findall(text)), default=None)
    evidence: Counter[int] = Counter()

    def credit_before(offset: int, gender: str | None = None) -> None:
        """Credit the nearest mention before ``offset`` in its sentence whose gender does not clash."""
        mention = _nearest_before(text, people, starts, offset, gender)
        if mention is not None:
            evidence[mention.start] += 1

    for mention in people:
        possessive = mention.text.endswith(("'s", "’s"))
        after = text[mention.end - (2 if possessive else 0) : mention.end + 40]
        if _POSSESSIVE_PARENT.match(after):
            evidence[mention.start] += 1
        if _SCHOOL.match(text[mention.end : mention.end + 120]) or _WITH_PARENT.match(text, mention.end):
            evidence[mention.start] += 1
        note_age = _CASE_NOTE_AGE.match(text, mention.end)
        if note_age and (note_age.group("unit") not in _YEARS or int(note_age.group("n")) < ADULT_AGE):
            evidence[mention.start] += 1
        bracketed = None if note_age else _BRACKET_AGE.match(text, mention.end)  # "(3 yrs)" counts once
        if bracketed and int(bracketed.group("n")) < ADULT_AGE:
            evidence[mention.start] += 1
        if _CHILD_LABEL_BEFORE.search(text, max(0, mention.start - 16), mention.start):
            evidence[mention.start] += 1  # "Twin 2 (Mabel, ...)": the draft's own label for a child
    for match in _PRONOUN_PARENT.finditer(text):
        credit_before(match.start(), _PRONOUN_GENDER.get(match.group(0).split()[0].lower()))
    for match in _AGE.finditer(text):
        if _young(match) and not _ANOTHER_PERSON_BEFORE.search(text, max(0, match.start() - 20), match.start()):
            credit_before(match.start())
    for match in _BORN.finditer(text):
        year = match.group("year")
        if year is None or latest_year is None or int(year) > latest_year - ADULT_AGE:
            credit_before(match.start())
    for match in _DOB_LINE.finditer(text):  # "Name: Tobiah QUILL<LINE>DOB: 14/02/2006": the name the line before
        line_before = text.rfind("\n", 0, max(0, match.start() - 1)) + 1
        index = bisect_right(starts, match.start()) - 1
        if _born_a_child(match, latest_year) and index >= 0 and people[index].start >= line_before:
            evidence[people[index].start] += 1
    for mention in people:  # "Tobiah Quill (DOB 21/07/2015)"
        born = _DOB_AFTER.match(text, mention.end)
        if born and _born_a_child(born, latest_year):
            evidence[mention.start] += 1
    return evidence


def _nearest_before(
    text: str, people: Sequence[Mention], starts: list[int], offset: int, gender: str | None = None
) -> Mention | None:
    """The nearest mention before ``offset`` in its sentence, whose gender does not clash, outside brackets that
    close before ``offset`` ("Mabel Quill (father Tobiah), aged 2")."""
    sentence_start = sentence_bounds(text, offset)[0]
    index = bisect_right(starts, offset) - 1
    while index >= 0 and people[index].start >= sentence_start:
        mention = people[index]
        bracketed = _in_closed_brackets(text, mention, offset)
        if mention.end <= offset and not bracketed and gender in (None, _gender(text, mention) or gender):
            return mention
        index -= 1
    return None


def infants(text: str, mentions: Sequence[Mention]) -> set[int]:
    """Start offsets of PERSON mentions the draft gives an age in months, weeks or days ("died aged 10 months",
    "Ebun, then 6 months old", "when Ebun was 12 days old", a family table's "8 mths"): a baby, whom no cue makes
    anyone's parent and no bare surname names."""
    people = sorted((m for m in mentions if m.label == "PERSON"), key=lambda m: m.start)
    starts = [m.start for m in people]
    found = set()
    for match in _AGE.finditer(text):
        unit = (match.group("unit") or match.group("unit2") or "year").lower()
        if unit.startswith("year") or _ANOTHER_PERSON_BEFORE.search(text, max(0, match.start() - 20), match.start()):
            continue
        mention = _nearest_before(text, people, starts, match.start())
        if mention is not None:
            found.add(mention.start)
    for match in _CELL_AGE.finditer(text):
        row = [m for m in people if text.rfind("\n", 0, match.start()) < m.start < match.start()]
        if row:
            found.add(row[0].start)  # the row's name
    return found


def _born_a_child(match: re.Match[str], latest_year: int | None) -> bool:
    """The birth date's year (two digits read in the draft's century) is within 18 years of the draft's latest."""
    year = int(match.group("year"))
    year += 0 if year > 99 else (2000 if latest_year and year <= latest_year % 100 else 1900)
    return latest_year is not None and year > latest_year - ADULT_AGE
